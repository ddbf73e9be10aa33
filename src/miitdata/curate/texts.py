"""The package as the curation commands see it: its tables (as text), its source texts, its exclusions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from miitdata.curate.csvio import Row, read_csv
from miitdata.errors import PackageError
from miitdata.package import Package, read_package
from miitdata.sources import read_exclusions, read_source


@dataclass(frozen=True)
class Table:
    path: Path
    header: list[str]
    rows: list[Row]


def open_package(path: str | Path | None) -> Package:
    """The package at `path` (a datapackage.json or its directory); None: the bundled one."""
    return read_package(path)


def read_table(pkg: Package, name: str) -> Table:
    """One resource as text rows, read strictly (`csvio.read_csv` with the schema's fields): a table
    curate could not write back losslessly is refused, naming the file and the row."""
    if name not in pkg.resources:
        raise PackageError("descriptor-invalid", f"no resource {name!r}", str(pkg.path))
    path = pkg.resource_path(name)
    header, rows = read_csv(path, [f["name"] for f in pkg.fields(name)])
    return Table(path, header, rows)


def source_text(pkg: Package, row: Row) -> str:
    """The text of one `sources` row: its file decoded as UTF-8, newlines untouched (`miitdata.sources`,
    the one reader: `resource-unreadable`, `not-utf8`, `path-unsafe`)."""
    return read_source(pkg.root, pkg.path, row.get("path", "")).text()


def source_texts(pkg: Package, only: set[str] | None = None) -> dict[str, str]:
    """source_id → text for every source (or those in `only`)."""
    rows = read_table(pkg, "sources").rows
    return {r["source_id"]: source_text(pkg, r) for r in rows if only is None or r["source_id"] in only}


def exclusions(pkg: Package) -> list[Row]:
    """Every row of curation/exclusions*.csv (source_id, text, reason; source_id `*` = every source);
    `exclusions-invalid` for a file that cannot be used (`miitdata.sources.read_exclusions`)."""
    return read_exclusions(pkg.root)
