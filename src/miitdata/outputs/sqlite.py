"""The SQLite export: STRICT tables that enforce the Table Schema, indexes, a `facts` view.

Each resource becomes a `STRICT` table (SQLite refuses a value of the wrong storage class) with:

* column types from `outputs/typed.py`: INTEGER, REAL, TEXT; a date is TEXT with
  `CHECK (date(c, '+0 days') IS c)` (a real calendar day), a boolean INTEGER with `CHECK (c IN (0, 1))`;
* `NOT NULL` for `constraints.required` (and primary-key columns), `UNIQUE` for `constraints.unique`
  and each of the schema's `uniqueKeys`, the `PRIMARY KEY`;
* `CHECK` clauses for `enum` / `categories`, `minimum`, `maximum`, `exclusiveMinimum`,
  `exclusiveMaximum`, `minLength`, `maxLength`, and `pattern` where the regular expression has a
  `GLOB` equivalent (a sequence of literals and character classes with fixed counts, such as
  `^O[0-9]{4}$`; alternations, groups and open repetitions such as `^\\S+( \\S+)*$` have none, and
  SQLite has no built-in REGEXP);
* `FOREIGN KEY` clauses (self-references too), enforced by SQLite in every connection that sets
  `PRAGMA foreign_keys = ON`, and an index per foreign key.

The rows are first loaded into a scratch table without constraints, and each constraint is checked
there with its own SQL before it is declared. A valid package satisfies all of them. An invalid
package still exports losslessly: a constraint its rows break is left out, and `_miitdata` lists it
under the key `unenforced` (as do foreign keys `PRAGMA foreign_key_check` finds broken). The
`_miitdata` table also holds the package's name, version and created date and, under `types`, each
column's storage kind (so `read_export` gives booleans back as `true`/`false`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from miitdata.errors import PackageError
from miitdata.outputs.typed import column_kinds, to_value
from miitdata.schema import categories

Table = tuple[list[str], list[list[str | None]]]
META_TABLE = "_miitdata"
SCRATCH = "_miitdata_load"
FACTS_VIEW = "facts"

SQLITE_TYPES = {
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
    "boolean": "INTEGER",
    "category": "TEXT",
    "string": "TEXT",
}


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: object) -> str:
    """A SQL literal: numbers as numbers, everything else a quoted string."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _columns_sql(fields: list[str]) -> str:
    return ", ".join(quote_ident(f) for f in fields)


# ---------------------------------------------------------------------------------------------- patterns

_CLASS = re.compile(r"\[(\^?)((?:\\.|[^\]\\])+)\]")
_COUNT = re.compile(r"\{([0-9]+)\}")
_ESCAPES = {"d": "[0-9]"}


def glob_of(pattern: str) -> str | None:
    """The GLOB matching exactly the strings the (anchored) regular expression matches, or None.

    Handles literals, escaped literals, `\\d`, character classes and fixed counts `{n}`:
    `^M[0-9]{3}-[0-9]{4}$` -> `M[0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]`."""
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    atoms: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "[":
            m = _CLASS.match(body, i)
            if not m:
                return None
            inner = m.group(2)
            if re.search(r"\\[^\\\]\-\[^.]", inner):  # \s, \w ... inside a class
                return None
            inner = re.sub(r"\\(.)", r"\1", inner)
            if "]" in inner:
                return None
            atoms.append(f"[{m.group(1)}{inner}]")
            i = m.end()
        elif c == "\\":
            if i + 1 >= len(body):
                return None
            nxt = body[i + 1]
            if nxt in _ESCAPES:
                atoms.append(_ESCAPES[nxt])
            elif nxt.isalnum():
                return None  # \s, \w, \b ...: no GLOB form
            else:
                atoms.append(_glob_literal(nxt))
            i += 2
        elif c in "()|*+?.^${}":
            return None
        else:
            atoms.append(_glob_literal(c))
            i += 1
        m = _COUNT.match(body, i)
        if m:
            atoms[-1] = atoms[-1] * int(m.group(1))
            i = m.end()
        elif i < len(body) and body[i] in "*+?{":
            return None
    return "".join(atoms)


_ALTERNATION = re.compile(r"\^?\(([^()]*)\)\$?")


def globs_of(pattern: str) -> list[str] | None:
    """GLOBs, one of which a string matches exactly when the regular expression does, or None:
    `glob_of`, or a top-level alternation of such expressions (`^(holds|D[0-9]{3})$`)."""
    if (glob := glob_of(pattern)) is not None:
        return [glob]
    whole = _ALTERNATION.fullmatch(pattern)
    if whole and pattern.startswith("^") == pattern.endswith("$"):
        branches = [glob_of(b) for b in whole.group(1).split("|")]
        if all(b is not None for b in branches):
            return [b for b in branches if b is not None]
    return None


def _glob_literal(c: str) -> str:
    return f"[{c}]" if c in "*?[" else c


# ---------------------------------------------------------------------------------------------- constraints


def _key_list(key: Any) -> list[str]:
    return [key] if isinstance(key, str) else [str(k) for k in key or []]


def _foreign_keys(name: str, schema: dict[str, Any]) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced resource, referenced fields) of each foreign key; no resource = this one."""
    keys = []
    for fk in schema.get("foreignKeys") or []:
        fields, ref = _key_list(fk.get("fields")), fk.get("reference") or {}
        target, ref_fields = ref.get("resource") or name, _key_list(ref.get("fields"))
        if fields and ref_fields and len(fields) == len(ref_fields):
            keys.append((fields, str(target), ref_fields))
    return keys


_BOUNDS = (("minimum", ">="), ("maximum", "<="), ("exclusiveMinimum", ">"), ("exclusiveMaximum", "<"))


def _sql_value(kind: str, text: str) -> Any:
    """The value a cell's text is stored as (dates stay ISO text, booleans 0/1); ValueError if none."""
    value = to_value(kind, text)
    if kind == "date":
        return value.isoformat()
    if kind == "boolean":
        if text not in ("true", "false"):
            raise ValueError(text)
        return int(value)
    return value


def _checks(column: str, kind: str, field: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, SQL condition) of each CHECK the field's type and constraints ask for."""
    c = quote_ident(column)
    out: list[tuple[str, str]] = []
    if kind == "date":
        out.append(("type date", f"date({c}, '+0 days') IS {c}"))  # normalises 02-30
    if kind == "boolean":
        out.append(("type boolean", f"{c} IN (0, 1)"))
    cons = field.get("constraints") or {}
    values = categories(field)
    if values is not None:
        try:
            listed = ", ".join(quote_literal(_sql_value(kind, v)) for v in values)
        except ValueError:
            listed = ""  # a vocabulary not of the column's type: the type check refuses the rows
        if listed:
            out.append(("enum", f"{c} IN ({listed})"))
    if kind in ("integer", "number", "date"):
        for key, op in _BOUNDS:
            if key in cons:
                raw = cons[key]
                try:
                    if kind == "date":
                        bound = _sql_value(kind, str(raw))
                    elif isinstance(raw, int | float) and not isinstance(raw, bool):
                        bound = raw
                    else:
                        bound = float(str(raw))
                except ValueError:
                    continue
                out.append((key, f"{c} {op} {quote_literal(bound)}"))
    if kind in ("string", "category"):
        for key, op in (("minLength", ">="), ("maxLength", "<=")):
            if isinstance(cons.get(key), int):
                out.append((key, f"length({c}) {op} {cons[key]}"))
        if isinstance(cons.get("pattern"), str) and (globs := globs_of(cons["pattern"])) is not None:
            out.append(("pattern", " OR ".join(f"{c} GLOB {quote_literal(g)}" for g in globs)))
    return out


def _holds(con: sqlite3.Connection, condition: str) -> bool:
    """True when no row of the scratch table breaks the condition (NULL passes, as in a CHECK)."""
    sql = f"SELECT EXISTS (SELECT 1 FROM {SCRATCH} WHERE NOT ({condition}))"
    return bool(con.execute(sql).fetchone()[0] == 0)


def _unique(con: sqlite3.Connection, fields: list[str]) -> bool:
    cols = _columns_sql(fields)
    not_null = " AND ".join(f"{quote_ident(f)} IS NOT NULL" for f in fields)
    sql = f"SELECT EXISTS (SELECT 1 FROM {SCRATCH} WHERE {not_null} GROUP BY {cols} HAVING count(*) > 1)"
    return bool(con.execute(sql).fetchone()[0] == 0)


def _table_sql(
    con: sqlite3.Connection,
    name: str,
    columns: list[str],
    kinds: dict[str, str],
    schema: dict[str, Any],
    unenforced: list[str],
) -> str:
    """CREATE TABLE … STRICT with every constraint the rows (in the scratch table) satisfy."""
    fields = {f.get("name"): f for f in schema.get("fields", [])}
    key = [k for k in _key_list(schema.get("primaryKey")) if k in columns]
    if len(key) != len(_key_list(schema.get("primaryKey"))):
        key = []
    parts = []
    for column in columns:
        field = fields.get(column, {})
        cons = field.get("constraints") or {}
        clause = f"{quote_ident(column)} {SQLITE_TYPES[kinds[column]]}"
        wanted: list[tuple[str, str]] = []
        if cons.get("required") or column in key:
            wanted.append(("required", f"{quote_ident(column)} IS NOT NULL"))
        wanted += _checks(column, kinds[column], field)
        for label, condition in wanted:
            if not _holds(con, condition):
                unenforced.append(f"{name}.{column} {label}")
            elif label == "required":
                clause += " NOT NULL"
            else:
                clause += f" CHECK ({condition})"
        if cons.get("unique") and [column] != key:
            if _unique(con, [column]):
                clause += " UNIQUE"
            else:
                unenforced.append(f"{name}.{column} unique")
        parts.append(clause)
    if key:
        parts.append(f"PRIMARY KEY ({_columns_sql(key)})")  # duplicates: output-invalid, as before
    for unique_key in schema.get("uniqueKeys") or []:
        fields_ = _key_list(unique_key)
        if fields_ and all(f in columns for f in fields_):
            if _unique(con, fields_):
                parts.append(f"UNIQUE ({_columns_sql(fields_)})")
            else:
                unenforced.append(f"{name}.({', '.join(fields_)}) unique")
    for fk_fields, target, ref_fields in _foreign_keys(name, schema):
        parts.append(
            f"FOREIGN KEY ({_columns_sql(fk_fields)}) "
            f"REFERENCES {quote_ident(target)} ({_columns_sql(ref_fields)})"
        )
    return f"CREATE TABLE {quote_ident(name)} ({', '.join(parts)}) STRICT"


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


def _values(columns: list[str], kinds: dict[str, str], rows: list[list[str | None]]) -> list[list[Any]]:
    out = []
    for row in rows:
        values = []
        for column, cell in zip(columns, row, strict=True):
            values.append(None if cell is None else _sql_value(kinds[column], cell))
        out.append(values)
    return out


def write_sqlite(
    path: Path, tables: dict[str, Table], meta: dict[str, str], schemas: dict[str, dict[str, Any]]
) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        unenforced: list[str] = []
        types: dict[str, dict[str, str]] = {}
        for name, (columns, rows) in tables.items():
            schema = schemas.get(name) or {}
            kinds = column_kinds(columns, rows, schema)
            types[name] = kinds
            con.execute(f"CREATE TEMP TABLE {SCRATCH} ({_columns_sql(columns)})")
            marks = ", ".join("?" * len(columns))
            values = _values(columns, kinds, rows)
            con.executemany(f"INSERT INTO {SCRATCH} VALUES ({marks})", values)
            con.execute(_table_sql(con, name, columns, kinds, schema, unenforced))
            for n, (fields, _, _) in enumerate(_foreign_keys(name, schema), start=1):
                if all(f in columns for f in fields):
                    index = quote_ident(f"{name}_fk{n}")
                    con.execute(f"CREATE INDEX {index} ON {quote_ident(name)} ({_columns_sql(fields)})")
            try:
                con.execute(f"INSERT INTO {quote_ident(name)} SELECT * FROM {SCRATCH} ORDER BY rowid")
            except sqlite3.IntegrityError as exc:
                raise PackageError(
                    "output-invalid", f"{name}: {exc} (run miitdata validate)", str(path)
                ) from None
            con.execute(f"DROP TABLE {SCRATCH}")
        for table, _, parent, fk_id in con.execute("PRAGMA foreign_key_check").fetchall():
            fk = next(
                r for r in con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})") if r[0] == fk_id
            )
            label = f"{table}.{fk[3]} foreign key -> {parent}.{fk[4]}"
            if label not in unenforced:
                unenforced.append(label)
        rows_meta = {**meta, "types": json.dumps(types, ensure_ascii=False, sort_keys=True)}
        if unenforced:
            rows_meta["unenforced"] = json.dumps(unenforced, ensure_ascii=False)
        con.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
        con.executemany(f"INSERT INTO {META_TABLE} VALUES (?, ?)", sorted(rows_meta.items()))
        if (view := _facts_sql(tables)) is not None:
            con.execute(view)
        con.commit()
    finally:
        con.close()


def storage_kinds(con: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Each table's column storage kinds, from `_miitdata` (an export written before: from the
    declared types, where BOOLEAN marked the booleans)."""
    try:
        row = con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'types'").fetchone()
    except sqlite3.OperationalError:
        row = None
    return json.loads(row[0]) if row else {}
