"""The one reader of a package's raw source texts and of its curation exclusions.

Used by the provenance layer, the curate commands and the site (and nothing else reads these files),
so each failure has one code everywhere:

| failure                                              | run error (curate, site) | validation report   |
|------------------------------------------------------|--------------------------|---------------------|
| a source path outside the package / no file can have | `path-unsafe` / `path-invalid` | `source-missing` |
| a source file missing, not a regular file, unreadable | `resource-unreadable`    | `source-missing`    |
| a source file not UTF-8                              | `not-utf8`               | `source-not-utf8`   |
| an exclusions file unusable (see `read_exclusions`)  | `exclusions-invalid`     | (not validated)     |

A source text is its bytes decoded as UTF-8 with newlines untouched: the offsets of mentions count its
code points. Standard library only.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from miitdata.errors import PackageError
from miitdata.files import NO_SUCH_FILE, read_bytes

__all__ = [
    "EXCLUSIONS_GLOB",
    "NO_SUCH_FILE",
    "SourceFile",
    "read_exclusions",
    "read_source",
    "text_resource",
    "text_resource_name",
]

EXCLUSIONS_GLOB = "curation/exclusions*.csv"
EXCLUSION_COLUMNS = ("source_id", "text", "reason")


@dataclass(frozen=True)
class SourceFile:
    """One raw source file as read: where it is and its bytes."""

    path: Path
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def _decoded(self) -> tuple[str | None, int | None]:
        try:
            return self.data.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            return None, exc.start

    @property
    def bad_byte(self) -> int | None:
        """The offset of the first byte that is not UTF-8, or None when the whole file is."""
        return self._decoded[1]

    def text(self) -> str:
        """The text (UTF-8, newlines untouched); PackageError `not-utf8` naming the first bad byte."""
        text, bad = self._decoded
        if text is None:
            raise PackageError("not-utf8", f"not UTF-8 at byte {bad}", str(self.path))
        return text


def text_resource_name(source_id: str) -> str:
    """The descriptor resource name of a source's raw text: `S000` -> `text-s000`."""
    return f"text-{source_id.lower()}"


def text_resource(source_id: str, relpath: str, data: bytes, title: str) -> dict[str, object]:
    """The descriptor entry declaring a raw text as a non-tabular resource (Data Package v2), derived
    from its `sources` row: `hash` is `sha256:` + the row's sha256 and `bytes` its size, which
    `frictionless validate` checks (and the rule `text-resource-mismatch` keeps equal to the table)."""
    return {
        "name": text_resource_name(source_id),
        "path": relpath,
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        "title": title,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def read_source(root: Path, descriptor: Path, relpath: str) -> SourceFile:
    """The file a `sources` row's `path` names, relative to the package `root`.

    PackageError: `path-unsafe`/`path-invalid` for a path outside the package or that no file can have,
    `resource-unreadable` for a missing file, anything but a regular file (a FIFO is never opened) or a
    read error."""
    from miitdata.package import resolve_inside

    path = resolve_inside(root, relpath, descriptor)
    return SourceFile(path, read_bytes(path, "resource-unreadable"))


def read_exclusions(root: Path) -> list[dict[str, str]]:
    """Every row of the package's `curation/exclusions*.csv` files (in file-name order): its columns
    `source_id` (`*` = every source), `text` (non-blank) and `reason`, plus any others as read.

    No curation directory means no exclusions (an installed wheel ships the data, not the curation
    files). A file that is not a regular file, not UTF-8, malformed CSV, without one of the three
    columns, or with a row whose cells do not match the header or whose text is blank is refused:
    PackageError `exclusions-invalid` naming the file (and the row)."""
    rows: list[dict[str, str]] = []
    for path in sorted(root.glob(EXCLUSIONS_GLOB)):
        rows.extend(_exclusion_rows(path))
    return rows


def _exclusion_rows(path: Path) -> list[dict[str, str]]:
    data = read_bytes(path, "exclusions-invalid")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageError("exclusions-invalid", f"not UTF-8 at byte {exc.start}", str(path)) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        at = reader.line_num
        raise PackageError("exclusions-invalid", f"malformed CSV: {exc}", str(path), row=at) from None
    header = records[0] if records else []
    missing = [c for c in EXCLUSION_COLUMNS if c not in header]
    if missing:
        what = f"no column {', '.join(missing)} in the header"
        raise PackageError("exclusions-invalid", what, str(path), row=1)
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if len(cells) != len(header):
            what = f"{len(cells)} cells for {len(header)} columns"
            raise PackageError("exclusions-invalid", what, str(path), row=number)
        row = dict(zip(header, cells, strict=True))
        if not row["text"].strip():
            raise PackageError("exclusions-invalid", "the text to exclude is blank", str(path), row=number)
        rows.append(row)
    return rows
