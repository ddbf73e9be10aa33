"""The CSV export's datapackage.json: the export directory is itself a Frictionless Data Package.

Each `<resource>.csv` is declared with its Table Schema (types, constraints, primary key, foreign
keys; missing values are blank, as the export writes them), its dialect, byte size and SHA-256,
so `frictionless validate OUT/datapackage.json` checks the exported tables exactly like the source
package. The package metadata (name, title, version, created, licenses, contributors, ...) is the
source descriptor's; its non-table resources and `sources` (raw texts the export does not copy) are
left out.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

DESCRIPTOR = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_PACKAGE_KEYS = (
    "name",
    "id",
    "title",
    "description",
    "homepage",
    "version",
    "created",
    "keywords",
    "licenses",
    "contributors",
)
DIALECT = {
    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
}

Table = tuple[list[str], list[list[str | None]]]


def _schema(columns: list[str], schema: dict[str, Any] | None) -> dict[str, Any]:
    """The exported table's schema: the source's, with missing values written blank; all strings
    when there is none (or for a column it does not declare)."""
    if schema is None:
        return {"fields": [{"name": c, "type": "string"} for c in columns], "missingValues": [""]}
    out = copy.deepcopy(schema)
    declared = {f.get("name"): f for f in out.get("fields", [])}
    out["fields"] = [declared.get(c) or {"name": c, "type": "string"} for c in columns]
    out["missingValues"] = [""]  # the export writes every missing cell blank
    return out


def csv_descriptor(
    directory: Path,
    tables: dict[str, Table],
    schemas: dict[str, dict[str, Any]],
    descriptor: dict[str, Any] | None,
    meta: dict[str, str],
) -> dict[str, Any]:
    """The descriptor of the CSV files already written to `directory`."""
    source = descriptor or {}
    doc: dict[str, Any] = {"$schema": PROFILE}
    for key in _PACKAGE_KEYS:
        if key in source:
            doc[key] = copy.deepcopy(source[key])
    doc.setdefault("name", meta.get("name") or "export")
    if meta.get("version"):
        doc.setdefault("version", meta["version"])
    resources = []
    for name, (columns, _) in tables.items():
        data = (directory / f"{name}.csv").read_bytes()
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": f"{name}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "dialect": DIALECT,
                "schema": _schema(columns, schemas.get(name)),
            }
        )
    doc["resources"] = resources
    return doc
