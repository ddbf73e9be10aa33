"""Lossless exports of the package's tables (CSV, JSON, Parquet, SQLite, XLSX) and an importer back.

Every cell is either missing (null) or exactly the text of the CSV cell, so `17.84` stays `17.84`,
`1e-7` stays `1e-7`, Chinese text and newlines survive, and `read_export` gives back what
`package_tables` read. CSV, JSON and XLSX hold the text; Parquet and SQLite are **typed** from the
descriptor (integer, number, date, boolean, closed vocabularies; see `outputs/typed.py`), and a
column whose cells would not survive their type (an invalid package) stays text there. A cell is
missing when its text is one of the schema's `missingValues` (blank, in this package); missing is
null in JSON, Parquet and SQLite (distinct from an empty string), an empty cell in XLSX, and
`missingValues[0]` (blank) in CSV.
Columns keep the schema's order; rows keep the CSV's order.

Where the output goes (`OUT`):

| format  | OUT is      | contents |
|---------|-------------|----------|
| csv     | a directory | `<resource>.csv`, UTF-8, LF, minimal quoting; datapackage.json (csv_package.py); |
|         |             | `_miitdata.json` (order) |
| parquet | a directory | `<resource>.parquet`: int64, float64, date32, bool, dictionary, string columns
|         |             | (required ones non-nullable); the Table Schema in the key-value metadata |
|         |             | (`miitdata.schema`); `_miitdata.json` |
| json    | a file      | `{"name", "version", "resources": {name: {"fields": [...], "rows": [[...]]}}}` |
| sqlite  | a file      | a STRICT table per resource enforcing the schema (outputs/sqlite.py), |
|         |             | PRIMARY KEY and FOREIGN KEY clauses, an index per foreign key, a `facts` view |
| xlsx    | a file      | a sheet per resource, header row; numbers as numbers where exact, others text |
|         |             | (a cell over 32,767 characters: its start + a note; whole in `_miitdata_long`) |

Outputs are deterministic (byte-identical on re-run): no timestamps in SQLite or Parquet; the
XLSX's zip entries carry a fixed date and its document properties the package's `created` date.

Spreadsheets: a cell starting with `=`, `+`, `-`, `@`, TAB or CR is stored as an explicit string
with Excel's quote-prefix style (shown and kept as text, never evaluated as a formula), and the
text itself is unchanged, so the round trip gives it back. Characters XML cannot hold (control
characters) and literal `_xHHHH_` sequences use OOXML's `_xHHHH_` escape, undone on import.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.atomic import atomic_path
from miitdata.csvline import csv_line
from miitdata.errors import PackageError
from miitdata.files import read_bytes
from miitdata.outputs.formats import DOCUMENT_FORMATS, EXPORT_FORMATS, TABLE_FORMATS
from miitdata.outputs.reproducible import pin_parquet, pin_sqlite
from miitdata.outputs.sqlite import quote_ident as _quote_ident
from miitdata.outputs.sqlite import storage_kinds
from miitdata.outputs.sqlite import write_sqlite as _write_sqlite
from miitdata.outputs.typed import column_kinds, dictionary, to_text, to_value
from miitdata.outputs.xlsx import XLSX_CELL_LIMIT, XLSX_DATE, read_xlsx, write_xlsx
from miitdata.package import Package, read_package

if TYPE_CHECKING:
    import pandas as pd

FORMATS = TABLE_FORMATS  # the formats read_export reads back
__all__ = ["FORMATS", "WRITERS", "XLSX_CELL_LIMIT", "export", "package_tables", "read_export", "write_tables"]
INDEX = "_miitdata.json"  # in csv/parquet export directories: package name, version, resource order

Table = tuple[list[str], list[list[str | None]]]  # (column names, rows of text or None)


# ---------------------------------------------------------------------------------------------- reading


def package_tables(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every resource of a package as a DataFrame of text (object dtype; None where missing)."""
    return {name: _frame(table) for name, table in _package_text(read_package(path)).items()}


def _package_text(package: Package) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, res in package.resources.items():
        path = package.resource_path(name)
        fields = [f["name"] for f in res["schema"]["fields"]]
        missing = {str(v) for v in res["schema"].get("missingValues", [""])}
        try:
            text = read_bytes(path, "resource-unreadable").decode("utf-8")  # regular files only
        except UnicodeDecodeError as exc:
            raise PackageError(
                "resource-unreadable", f"not UTF-8 at byte {exc.start} (run miitdata validate)", str(path)
            ) from None
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as exc:
            raise PackageError(
                "resource-unreadable", f"malformed CSV: {exc} (run miitdata validate)", str(path)
            ) from None
        header = records[0] if records else []
        if header != fields:
            raise PackageError(
                "resource-unreadable",
                f"header {header} differs from the schema's fields {fields} (run miitdata validate)",
                str(path),
            )
        rows: list[list[str | None]] = []
        for number, record in enumerate(records[1:], start=2):
            if len(record) != len(fields):
                raise PackageError(
                    "resource-unreadable",
                    f"row {number} has {len(record)} cells, the header {len(fields)} (run miitdata validate)",
                    str(path),
                )
            rows.append([None if cell in missing else cell for cell in record])
        tables[name] = (fields, rows)
    return tables


def _frame(table: Table) -> pd.DataFrame:
    import pandas as pd

    columns, rows = table
    data = {c: pd.array([r[i] for r in rows], dtype=object) for i, c in enumerate(columns)}
    return pd.DataFrame(data, columns=columns, dtype=object)


# ---------------------------------------------------------------------------------------------- export


def export(
    out: str | Path,
    format: str,
    path: str | Path | None = None,
    *,
    base_url: str | None = None,
) -> list[Path]:
    """Export the package at `path` (default: the bundled one) to `out`; return the files written.

    `base_url`: where the raw texts are published (the annotations' source URLs: `<base_url><path>`;
    without it each source is `urn:sha256:<digest>`)."""
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if format in DOCUMENTS:
        return [DOCUMENTS[format](Path(out), path, base_url)]
    if base_url is not None:
        raise PackageError("base-url-invalid", f"--base-url applies to the annotations export, not {format}")
    package = read_package(path)
    tables = _package_text(package)
    meta = {
        "name": str(package.descriptor.get("name", "")),
        "version": package.version,
        "created": str(package.descriptor.get("created") or XLSX_DATE),
    }
    numeric = {
        name: {f["name"] for f in res["schema"]["fields"] if f.get("type") in ("number", "integer")}
        for name, res in package.resources.items()
    }
    schemas = {name: res["schema"] for name, res in package.resources.items()}
    return write_tables(tables, Path(out), format, meta, numeric, schemas, package.descriptor)


def _annotations(out: Path, path: str | Path | None, base_url: str | None) -> Path:
    from miitdata.outputs.annotations import write_annotations

    return write_annotations(out, path, base_url)


def _croissant(out: Path, path: str | Path | None, base_url: str | None) -> Path:
    from miitdata.outputs.croissant import write_croissant

    if base_url is not None:
        raise PackageError("base-url-invalid", "--base-url applies to the annotations export, not croissant")
    return write_croissant(out, path)


# The document formats: one derived file from the whole package (the table formats: WRITERS, below).
DOCUMENTS: dict[str, Callable[[Path, str | Path | None, str | None], Path]] = {
    "annotations": _annotations,
    "croissant": _croissant,
}
if tuple(DOCUMENTS) != DOCUMENT_FORMATS:  # pragma: no cover - formats.py and this registry disagree
    raise ImportError("outputs/formats.py DOCUMENT_FORMATS and export.DOCUMENTS differ")


@dataclass(frozen=True)
class ExportContext:
    """What a writer may need besides the tables: the package's name/version/created, the number
    columns of each table (XLSX), the Table Schemas (typed formats, the CSV export's descriptor)
    and the package descriptor (the CSV export's datapackage.json)."""

    meta: dict[str, str]
    numeric: dict[str, set[str]] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    descriptor: dict[str, Any] | None = None


@dataclass(frozen=True)
class TableFormat:
    """One table format: a directory of files (`write` puts them in the directory it is given and
    returns their names) or one file (`write` fills the path it is given); `read` reads it back."""

    directory: bool
    write: Callable[[Path, dict[str, Table], ExportContext], list[str]]
    read: Callable[[Path], dict[str, Table]]


def write_tables(
    tables: dict[str, Table],
    out: Path,
    format: str,
    meta: dict[str, str],
    numeric: dict[str, set[str]] | None = None,
    schemas: dict[str, dict[str, Any]] | None = None,
    descriptor: dict[str, Any] | None = None,
) -> list[Path]:
    """Write text tables in one format (see the module docstring for the layout).

    `numeric` names the number/integer columns of each table: the XLSX export stores their cells as
    spreadsheet numbers where that reads back to the same text (see `outputs/xlsx.py`). `schemas` are
    the tables' Table Schemas: Parquet and SQLite columns get their types (without: all text), and
    the CSV export's datapackage.json declares them. `descriptor` is the package's (its metadata goes
    into the CSV export's datapackage.json)."""
    writer = WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(WRITERS)}")
    context = ExportContext(meta, numeric or {}, schemas or {}, descriptor)
    if writer.directory:
        _check_export_dir(out, format)
        # The whole directory is written beside `out`, then swapped in: never old and new tables mixed.
        with atomic_path(out, directory=True) as tmp:
            names = writer.write(tmp, tables, context)
            doc = {**meta, "format": format, "resources": list(tables)}
            (tmp / INDEX).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return [*(out / n for n in names), out / INDEX]
    if out.is_dir():
        raise PackageError("output-invalid", f"{format} exports to a file; this is a directory", str(out))
    if not out.parent.is_dir():
        raise PackageError("output-invalid", "the output's directory does not exist", str(out))
    with atomic_path(out) as tmp:
        writer.write(tmp, tables, context)
    return [out]


def _check_export_dir(out: Path, format: str) -> None:
    """A directory export replaces `out` as a whole: refuse a file, a missing parent, and a non-empty
    directory that is not an export written before (it has `_miitdata.json`)."""
    if out.exists() and not out.is_dir():
        raise PackageError("output-invalid", f"{format} exports to a directory; this is a file", str(out))
    if not out.parent.is_dir():
        if out.parent.exists():
            raise PackageError("output-invalid", "the output's parent is not a directory", str(out))
        out.parent.mkdir(parents=True)
    if out.is_dir() and any(out.iterdir()) and not (out / INDEX).is_file():
        raise PackageError(
            "output-invalid",
            f"a non-empty directory that is not a miitdata export (no {INDEX}); refusing to replace it",
            str(out),
        )


def _write_csv(path: Path, table: Table) -> None:
    columns, rows = table
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(csv_line(list(columns)))
        fh.writelines(csv_line(row) for row in rows)


def _write_csv_dir(directory: Path, tables: dict[str, Table], context: ExportContext) -> list[str]:
    """`<resource>.csv` per table and a datapackage.json declaring them (outputs/csv_package.py)."""
    from miitdata.outputs.csv_package import DESCRIPTOR, csv_descriptor

    for name, table in tables.items():
        _write_csv(directory / f"{name}.csv", table)
    doc = csv_descriptor(directory, tables, context.schemas, context.descriptor, context.meta)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    (directory / DESCRIPTOR).write_text(text, encoding="utf-8")
    return [*(f"{name}.csv" for name in tables), DESCRIPTOR]


# pandas dtype of each storage kind, for the `pandas` metadata pyarrow's to_pandas reads (Int64: nullable)
_PANDAS = {
    "integer": ("int64", "Int64"),
    "number": ("float64", "float64"),
    "date": ("date", "object"),
    "boolean": ("bool", "boolean"),
    "category": ("categorical", "int32"),
    "string": ("unicode", "object"),
}


def _write_parquet_dir(directory: Path, tables: dict[str, Table], context: ExportContext) -> list[str]:
    for name, table in tables.items():
        target = directory / f"{name}.parquet"
        _write_parquet(target, table, context.meta, context.schemas.get(name))
        pin_parquet(target)  # no pyarrow version in the bytes (outputs/reproducible.py)
    return [f"{name}.parquet" for name in tables]


def _write_parquet(path: Path, table: Table, meta: dict[str, str], schema: dict[str, Any] | None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = table
    kinds = column_kinds(columns, rows, schema)
    fields = {f["name"]: f for f in (schema or {}).get("fields", [])}
    key = (schema or {}).get("primaryKey") or []
    key = [key] if isinstance(key, str) else key
    arrow = {"integer": pa.int64(), "number": pa.float64(), "date": pa.date32(), "boolean": pa.bool_()}
    arrays = []
    schema_fields = []
    for i, name in enumerate(columns):
        cells = [r[i] for r in rows]
        kind = kinds[name]
        if kind == "category":
            words = dictionary(fields.get(name), cells)
            index = {w: n for n, w in enumerate(words)}
            codes = pa.array([None if c is None else index[c] for c in cells], type=pa.int32())
            arrays.append(pa.DictionaryArray.from_arrays(codes, pa.array(words, type=pa.string())))
        else:
            arrays.append(pa.array([to_value(kind, c) for c in cells], type=arrow.get(kind, pa.string())))
        # A required field is non-nullable (when its cells are all there: an invalid package stays lossless).
        required = bool((fields.get(name, {}).get("constraints") or {}).get("required")) or name in key
        schema_fields.append(pa.field(name, arrays[-1].type, nullable=not (required and None not in cells)))
    metadata = _meta_bytes(meta)
    if schema is not None:
        metadata[b"miitdata.schema"] = json.dumps(schema, ensure_ascii=False, sort_keys=True).encode()
    pandas_meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {
                "name": name,
                "field_name": name,
                "pandas_type": _PANDAS[kinds[name]][0],
                "numpy_type": _PANDAS[kinds[name]][1],
                "metadata": None,
            }
            for name in columns
        ],
        "creator": {"library": "miitdata", "version": meta.get("version", "")},
        "pandas_version": "2.2.0",
    }
    metadata[b"pandas"] = json.dumps(pandas_meta, sort_keys=True).encode()
    table_ = pa.Table.from_arrays(arrays, schema=pa.schema(schema_fields, metadata=metadata))
    pq.write_table(table_, path, compression="zstd")


def _meta_bytes(meta: dict[str, str]) -> dict[bytes, bytes]:
    return {f"miitdata.{k}".encode(): v.encode() for k, v in meta.items()}


def _write_sqlite_file(path: Path, tables: dict[str, Table], context: ExportContext) -> list[str]:
    _write_sqlite(path, tables, context.meta, context.schemas)
    pin_sqlite(path)  # canonical layout, no sqlite version in the bytes (outputs/reproducible.py)
    return []


def _write_json(path: Path, tables: dict[str, Table], context: ExportContext) -> list[str]:
    meta = context.meta
    doc = {
        "name": meta["name"],
        "version": meta["version"],
        "resources": {name: {"fields": cols, "rows": rows} for name, (cols, rows) in tables.items()},
    }
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return []


# ---------------------------------------------------------------------------------------------- import


def read_export(path: str | Path, format: str) -> dict[str, pd.DataFrame]:
    """Read an export back: {resource: DataFrame of text (object dtype, None where missing)}."""
    writer = WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    return {name: _frame(table) for name, table in writer.read(Path(path)).items()}


def _directory_files(path: Path, suffix: str) -> list[Path]:
    """The export's files in the package's resource order (from its index), else sorted by name."""
    index = path / INDEX
    if index.is_file():
        names = json.loads(index.read_text(encoding="utf-8"))["resources"]
        return [path / f"{name}.{suffix}" for name in names]
    return sorted(path.glob(f"*.{suffix}"))


def _read_csv_dir(path: Path) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for file in _directory_files(path, "csv"):
        with file.open(encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh, strict=True))
        tables[file.stem] = (records[0], [[c if c != "" else None for c in r] for r in records[1:]])
    return tables


def _read_parquet_dir(path: Path) -> dict[str, Table]:
    import pyarrow.parquet as pq

    tables: dict[str, Table] = {}
    for file in _directory_files(path, "parquet"):
        t = pq.read_table(file)
        cols = [[to_text(v) for v in t.column(i).to_pylist()] for i in range(t.num_columns)]
        tables[file.stem] = (list(t.column_names), [list(r) for r in zip(*cols, strict=True)])
    return tables


def _write_xlsx(path: Path, tables: dict[str, Table], context: ExportContext) -> list[str]:
    write_xlsx(path, tables, context.meta, context.numeric)
    return []


def _read_json(path: Path) -> dict[str, Table]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {name: (res["fields"], res["rows"]) for name, res in doc["resources"].items()}


def _read_sqlite(path: Path) -> dict[str, Table]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != '_miitdata' ORDER BY rowid"
            )
        ]
        kinds = storage_kinds(con)
        tables: dict[str, Table] = {}
        for name in names:
            declared = [r[2] for r in con.execute(f"PRAGMA table_info({_quote_ident(name)})")]
            cur = con.execute(f"SELECT * FROM {_quote_ident(name)} ORDER BY rowid")
            columns = [d[0] for d in cur.description]
            booleans = [
                kinds.get(name, {}).get(c) == "boolean" or t == "BOOLEAN"
                for c, t in zip(columns, declared, strict=True)
            ]
            tables[name] = (
                columns,
                [[_sqlite_text(v, b) for v, b in zip(r, booleans, strict=True)] for r in cur],
            )
        return tables
    finally:
        con.close()


def _sqlite_text(value: Any, boolean: bool) -> str | None:
    """A SQLite value back to its CSV text (boolean columns hold 0/1)."""
    if boolean and isinstance(value, int):
        return "true" if value else "false"
    return to_text(value)


# ---------------------------------------------------------------------------------------------- registry

WRITERS: dict[str, TableFormat] = {
    "csv": TableFormat(True, _write_csv_dir, _read_csv_dir),
    "json": TableFormat(False, _write_json, _read_json),
    "parquet": TableFormat(True, _write_parquet_dir, _read_parquet_dir),
    "sqlite": TableFormat(False, _write_sqlite_file, _read_sqlite),
    "xlsx": TableFormat(False, _write_xlsx, read_xlsx),
}
if tuple(WRITERS) != TABLE_FORMATS:  # pragma: no cover - formats.py and this registry disagree
    raise ImportError("outputs/formats.py TABLE_FORMATS and export.WRITERS differ")
