"""The typed SQLite export: declared column types, primary and foreign keys, indexes, a `facts` view.

Column types come from the Table Schema through `outputs/typed.py` (a column whose cells would not
survive their type stays TEXT). Foreign keys are declared, not enforced while writing (SQLite checks
them only with `PRAGMA foreign_keys = ON`); a valid package passes `PRAGMA foreign_key_check`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from miitdata.errors import PackageError
from miitdata.outputs.typed import column_kinds, to_value

Table = tuple[list[str], list[list[str | None]]]


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


SQLITE_TYPES = {
    "integer": "INTEGER",
    "number": "REAL",
    "date": "DATE",
    "boolean": "BOOLEAN",
    "category": "TEXT",
    "string": "TEXT",
}
FACTS_VIEW = "facts"


def _columns_sql(fields: list[str]) -> str:
    return ", ".join(quote_ident(f) for f in fields)


def _table_sql(name: str, columns: list[str], kinds: dict[str, str], schema: dict[str, Any] | None) -> str:
    """CREATE TABLE with declared types, the primary key and the foreign keys (self-references too)."""
    parts = [f"{quote_ident(c)} {SQLITE_TYPES[kinds[c]]}" for c in columns]
    schema = schema or {}
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else key
    if key and all(k in columns for k in key):
        parts.append(f"PRIMARY KEY ({_columns_sql(key)})")
    for fk in _foreign_keys(name, schema):
        parts.append(
            f"FOREIGN KEY ({_columns_sql(fk[0])}) REFERENCES {quote_ident(fk[1])} ({_columns_sql(fk[2])})"
        )
    return f"CREATE TABLE {quote_ident(name)} ({', '.join(parts)})"


def _foreign_keys(name: str, schema: dict[str, Any]) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced resource, referenced fields) of each foreign key; no resource = this one."""
    keys = []
    for fk in schema.get("foreignKeys") or []:
        fields, ref = fk.get("fields"), fk.get("reference") or {}
        target, ref_fields = ref.get("resource") or name, ref.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
        if fields and ref_fields and len(fields) == len(ref_fields):
            keys.append((list(fields), str(target), list(ref_fields)))
    return keys


def _facts_sql(tables: dict[str, Table]) -> str | None:
    """The `facts` view: observations with indicator (name, unit) and region labels, when all are there."""
    need = {
        "observations": {"indicator_id", "region_id"},
        "indicators": {"indicator_id", "name_en", "name_zh", "unit"},
        "regions": {"region_id", "name_en", "name_zh"},
    }
    if not all(t in tables and need[t] <= set(tables[t][0]) for t in need):
        return None
    return (
        f"CREATE VIEW {FACTS_VIEW} AS SELECT o.*, "
        "i.name_en AS indicator_name_en, i.name_zh AS indicator_name_zh, i.unit AS unit, "
        "r.name_en AS region_name_en, r.name_zh AS region_name_zh "
        "FROM observations AS o "
        "LEFT JOIN indicators AS i ON i.indicator_id = o.indicator_id "
        "LEFT JOIN regions AS r ON r.region_id = o.region_id"
    )


def write_sqlite(
    path: Path, tables: dict[str, Table], meta: dict[str, str], schemas: dict[str, dict[str, Any]]
) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("CREATE TABLE _miitdata (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.executemany("INSERT INTO _miitdata VALUES (?, ?)", sorted(meta.items()))
        for name, (columns, rows) in tables.items():
            schema = schemas.get(name)
            kinds = column_kinds(columns, rows, schema)
            con.execute(_table_sql(name, columns, kinds, schema))
            for n, (fields, _, _) in enumerate(_foreign_keys(name, schema or {}), start=1):
                if all(f in columns for f in fields):
                    index = quote_ident(f"{name}_fk{n}")
                    con.execute(f"CREATE INDEX {index} ON {quote_ident(name)} ({_columns_sql(fields)})")
            marks = ", ".join("?" * len(columns))
            values = [
                [
                    int(v) if k == "boolean" and v is not None else v
                    for v, k in (
                        (to_value(kinds[c], cell), kinds[c]) for c, cell in zip(columns, row, strict=True)
                    )
                ]
                for row in rows
            ]
            try:
                con.executemany(f"INSERT INTO {quote_ident(name)} VALUES ({marks})", values)
            except sqlite3.IntegrityError as exc:
                raise PackageError(
                    "output-invalid", f"{name}: {exc} (run miitdata validate)", str(path)
                ) from None
        if (view := _facts_sql(tables)) is not None:
            con.execute(view)
        con.commit()
    finally:
        con.close()
