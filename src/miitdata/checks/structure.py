"""Layer 1, structure: the CSVs against their Table Schemas in `datapackage.json` (the one source of truth).

Reads every cell as text first (so nothing is silently coerced), then checks labels, row shape,
types, constraints, unique fields, primary keys and foreign keys, all derived from the descriptor.
Also builds the typed tables the later layers use (cells that failed their type become missing).
Row numbers are CSV record numbers with the header as row 1, as in frictionless.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from miitdata.checks import Context
from miitdata.package import RESOURCE_NAMES
from miitdata.schema import FALSE_VALUES, TRUE_VALUES, categories, missing_values

if TYPE_CHECKING:
    import pandas as pd

INTEGER = r"[+-]?[0-9]+"
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
MAX_ERRORS_PER_CHECK = 1000
csv.field_size_limit(2**31 - 1)


def read_raw(ctx: Context, name: str) -> pd.DataFrame | None:
    """Read one resource as strings (index = CSV row number), reporting file-level problems."""
    import pandas as pd

    res = ctx.package.resources[name]
    path = ctx.package.resource_path(name)
    ctx.check("resource-not-found", name)
    if not path.is_file():
        ctx.error("resource-not-found", f"no file {res['path']}", name)
        return None
    data = path.read_bytes()
    ctx.check("encoding-error", name)
    if data.startswith(b"\xef\xbb\xbf"):
        ctx.error(
            "encoding-error", "file starts with a UTF-8 byte-order mark (declared utf-8 without BOM)", name, 1
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        ctx.error("encoding-error", f"not UTF-8 at byte {exc.start} (line {line}): {exc.reason}", name, line)
        text = data.decode("utf-8", errors="replace")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        ctx.error("encoding-error", f"NUL byte on line {line}", name, line)
        text = text.replace("\x00", "")
    ctx.check("format-error", name)
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        ctx.error("format-error", f"CR line end on line {line} (the dialect declares LF)", name, line)
    fields = [f["name"] for f in res["schema"]["fields"]]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    numbers: list[int] = []
    try:
        header = next(reader, None)
        for row in reader:
            rows.append(row)
            numbers.append(len(numbers) + 2)
    except csv.Error as exc:
        ctx.error("format-error", f"malformed CSV near line {reader.line_num}: {exc}", name, len(numbers) + 2)
    if header is None:
        ctx.error("missing-label", "empty file: no header row", name, 1)
        header = []
    _check_labels(ctx, name, header, fields)
    width = len(header)
    ctx.check("blank-row", name)
    ctx.check("extra-cell", name)
    ctx.check("missing-cell", name)
    good_rows: list[list[str]] = []
    good_numbers: list[int] = []
    for number, row in zip(numbers, rows, strict=True):
        if not any(row):
            _limited(ctx, "blank-row", "blank row", name, number)
            continue
        if len(row) > width:
            _limited(ctx, "extra-cell", f"{len(row)} cells, header has {width}", name, number)
            continue
        if len(row) < width:
            _limited(ctx, "missing-cell", f"{len(row)} cells, header has {width}", name, number)
            row = row + [""] * (width - len(row))
        good_rows.append(row)
        good_numbers.append(number)
    columns = list(zip(*good_rows, strict=True)) if good_rows else [()] * width
    frame = pd.DataFrame(
        {
            label: pd.array(list(col), dtype=object)
            for label, col in zip(header, columns, strict=True)
            if label in fields
        },
        index=pd.Index(good_numbers, dtype="int64", name="row"),
    )
    for missing in (f for f in fields if f not in frame.columns):
        frame[missing] = pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[fields]


def _check_labels(ctx: Context, name: str, header: list[str], fields: list[str]) -> None:
    for check in ("missing-label", "extra-label", "incorrect-label"):
        ctx.check(check, name)
    for f in fields:
        if f not in header:
            ctx.error("missing-label", f"column {f!r} is missing from the header", name, 1, f)
    for label in header:
        if label not in fields:
            ctx.error("extra-label", f"column {label!r} is not in the schema", name, 1, label)
    if set(header) == set(fields) and header != fields:
        ctx.error("incorrect-label", f"columns are in the order {header}, schema says {fields}", name, 1)


def _limited(
    ctx: Context,
    error_type: str,
    message: str,
    name: str,
    row: int | None,
    field: str | None = None,
    id: str | None = None,
) -> None:
    """Report an error, but at most MAX_ERRORS_PER_CHECK per check (the count stays exact)."""
    check = ctx.check(error_type, name)
    if check.errors >= MAX_ERRORS_PER_CHECK:
        check.errors += 1
        ctx.cache.setdefault("truncated", set()).add(check.id)
        return
    ctx.error(error_type, message, name, row, field, id)


def check_fields(ctx: Context, name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Types and constraints of every field; returns the typed table (bad cells become missing)."""
    import pandas as pd

    schema = ctx.package.resources[name]["schema"]
    missing = set(missing_values(schema))
    pk = _key_fields(schema.get("primaryKey"))
    typed = pd.DataFrame(index=raw.index)
    for f in schema["fields"]:
        col = f["name"]
        values = raw[col].astype("string")
        present = ~values.isin(missing)
        kind = f.get("type", "string")
        cons = f.get("constraints") or {}
        ctx.check("type-error", name)
        ctx.check("constraint-error", name)
        required = bool(cons.get("required")) or col in pk
        if required:
            for row in values.index[~present]:
                _limited(
                    ctx,
                    "constraint-error",
                    "required value is missing",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        parsed, ok = _parse(kind, values, present, f)
        for row in values.index[present & ~ok]:
            _limited(
                ctx,
                "type-error",
                f"{values[row]!r} is not a valid {kind}{_type_hint(kind)}",
                name,
                int(row),
                col,
                _row_id(raw, pk, row),
            )
        valid = present & ok
        cats = categories(f)
        if cats is not None:
            bad = valid & ~values.isin(cats)
            for row in values.index[bad]:
                _limited(
                    ctx,
                    "constraint-error",
                    f"{values[row]!r} is not one of {cats}",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        if "pattern" in cons and kind == "string":
            bad = valid & ~values.str.fullmatch(str(cons["pattern"])).fillna(True).astype(bool)
            for row in values.index[bad]:
                _limited(
                    ctx,
                    "constraint-error",
                    f"{values[row]!r} does not match the pattern {cons['pattern']}",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        for key, op, word in (("minimum", "lt", "below the minimum"), ("maximum", "gt", "above the maximum")):
            if key in cons and kind in ("integer", "number"):
                bad = valid & getattr(parsed, op)(cons[key]).fillna(False).astype(bool)
                for row in values.index[bad]:
                    _limited(
                        ctx,
                        "constraint-error",
                        f"{values[row]} is {word} {cons[key]}",
                        name,
                        int(row),
                        col,
                        _row_id(raw, pk, row),
                    )
        for key, op, word in (("minLength", "lt", "shorter than"), ("maxLength", "gt", "longer than")):
            if key in cons:
                lengths = values.str.len()
                bad = valid & getattr(lengths, op)(cons[key]).fillna(False).astype(bool)
                for row in values.index[bad]:
                    _limited(
                        ctx,
                        "constraint-error",
                        f"value is {word} {cons[key]} characters",
                        name,
                        int(row),
                        col,
                        _row_id(raw, pk, row),
                    )
        if cons.get("unique"):
            ctx.check("unique-error", name)
            dup = valid & values.duplicated(keep="first")
            for row in values.index[dup]:
                _limited(
                    ctx,
                    "unique-error",
                    f"{values[row]!r} is repeated",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        typed[col] = parsed.where(valid)
    return typed


def _type_hint(kind: str) -> str:
    return {"date": " (YYYY-MM-DD)", "boolean": " (true or false)", "number": " (finite decimal)"}.get(
        kind, ""
    )


def _parse(
    kind: str, values: pd.Series, present: pd.Series, field: dict[str, Any]
) -> tuple[pd.Series, pd.Series]:
    """(parsed values, whether each present cell parsed) for one column."""
    import pandas as pd

    text = values.fillna("")
    if kind == "integer":
        ok = text.str.fullmatch(INTEGER).fillna(False).astype(bool)
        parsed = pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")
        return parsed, ok
    if kind == "number":
        ok = text.str.fullmatch(NUMBER).fillna(False).astype(bool)
        parsed = pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")
        finite = parsed.notna() & (parsed.abs() != float("inf"))
        return parsed, ok & finite.fillna(False).astype(bool)
    if kind == "boolean":
        true = field.get("trueValues", TRUE_VALUES)
        false = field.get("falseValues", FALSE_VALUES)
        ok = text.isin(true) | text.isin(false)
        return text.isin(true).astype("boolean").where(ok), ok
    if kind == "date":
        ok = text.str.fullmatch(DATE).fillna(False).astype(bool)
        parsed = pd.to_datetime(text.where(ok), format="%Y-%m-%d", errors="coerce")
        return parsed, ok & parsed.notna()
    return values, pd.Series(True, index=values.index)


def _key_fields(key: Any) -> list[str]:
    if key is None:
        return []
    return [key] if isinstance(key, str) else list(key)


def _row_id(raw: pd.DataFrame, pk: list[str], row: Any) -> str | None:
    if len(pk) != 1 or pk[0] not in raw.columns:
        return None
    value = raw.at[row, pk[0]]
    return str(value) if value else None


def check_keys(ctx: Context) -> None:
    """Primary keys within each resource, then every declared foreign key across resources."""
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        pk = _key_fields(schema.get("primaryKey"))
        if pk and all(f in raw.columns for f in pk):
            ctx.check("primary-key", name)
            keys = raw[pk]
            dup = keys.duplicated(keep="first")
            for row in raw.index[dup]:
                shown = ", ".join(f"{f}={raw.at[row, f]!r}" for f in pk)
                _limited(
                    ctx,
                    "primary-key",
                    f"primary key {shown} is repeated",
                    name,
                    int(row),
                    ",".join(pk),
                    _row_id(raw, pk, row),
                )
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        missing = set(missing_values(schema))
        pk = _key_fields(schema.get("primaryKey"))
        for fk in schema.get("foreignKeys", []) or []:
            local = _key_fields(fk.get("fields"))
            ref = fk.get("reference") or {}
            target = ref.get("resource") or name
            remote = _key_fields(ref.get("fields"))
            ctx.check("foreign-key", name)
            if target not in ctx.raw or not all(f in raw.columns for f in local) or len(local) != len(remote):
                continue
            other = ctx.raw[target]
            if not all(f in other.columns for f in remote):
                continue
            known = set(map(tuple, other[remote].itertuples(index=False, name=None)))
            for row, values in zip(raw.index, raw[local].itertuples(index=False, name=None), strict=True):
                if all(v in missing for v in values) or values in known:
                    continue
                shown = ", ".join(f"{f}={v!r}" for f, v in zip(local, values, strict=True))
                _limited(
                    ctx,
                    "foreign-key",
                    f"{shown} has no match in {target}.{','.join(remote)}",
                    name,
                    int(row),
                    ",".join(local),
                    _row_id(raw, pk, row),
                )


def run(ctx: Context) -> None:
    ctx.check("resource-missing")
    for name in RESOURCE_NAMES:
        if name not in ctx.package.resources:
            ctx.error("resource-missing", f"the package has no {name!r} resource", name)
    for name in ctx.package.resources:
        raw = read_raw(ctx, name)
        if raw is None:
            continue
        ctx.raw[name] = raw
        ctx.typed[name] = check_fields(ctx, name, raw)
    check_keys(ctx)
