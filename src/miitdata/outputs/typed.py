"""Column types for the typed exports (Parquet, SQLite), from the descriptor's Table Schema.

A column is stored with its schema type only when every cell's text survives the trip: an integer
whose text is `str(int(text))`, a number whose text is `number_text(float(text))` (17.84, 1887.5,
100000; not 1e-7 or 1.50), a date in `YYYY-MM-DD`, a boolean written `true`/`false`. Otherwise (an
invalid or oddly written package) the column stays text, so an export is always lossless and
`read_export` gives back each cell's CSV text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from miitdata.schema import categories, number_text

# The storage kinds of a column: its Table Schema type where the cells allow it, else "string".
KINDS = ("integer", "number", "date", "boolean", "category", "string")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INT64 = (-(2**63), 2**63 - 1)


def _fits(kind: str, text: str) -> bool:
    if kind == "integer":
        return bool(_INTEGER.fullmatch(text)) and _INT64[0] <= int(text) <= _INT64[1]
    if kind == "number":
        try:
            return number_text(float(text)) == text
        except ValueError:
            return False
    if kind == "date":
        if not _DATE.fullmatch(text):
            return False
        try:
            date.fromisoformat(text)
        except ValueError:
            return False
        return True
    if kind == "boolean":
        return text in ("true", "false")
    return True


def column_kinds(
    columns: list[str], rows: list[list[str | None]], schema: dict[str, Any] | None
) -> dict[str, str]:
    """The storage kind of each column (see `KINDS`); every column is "string" without a schema."""
    fields = {f["name"]: f for f in (schema or {}).get("fields", [])}
    kinds: dict[str, str] = {}
    for i, name in enumerate(columns):
        field = fields.get(name)
        if field is None:
            kinds[name] = "string"
            continue
        kind = field.get("type", "string")
        if kind not in ("integer", "number", "date", "boolean"):
            kind = "category" if categories(field) is not None else "string"
        if kind not in ("category", "string") and not all(
            (cell := r[i]) is None or _fits(kind, cell) for r in rows
        ):
            kind = "string"
        kinds[name] = kind
    return kinds


def to_value(kind: str, text: str | None) -> Any:
    """A cell's typed value (None stays None)."""
    if text is None:
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "boolean":
        return text == "true"
    return text


def to_text(value: Any) -> str | None:
    """A typed value back to its CSV text (the inverse of `to_value` for the cells it accepts)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def dictionary(field: dict[str, Any] | None, cells: list[str | None]) -> list[str]:
    """A closed vocabulary's dictionary: the schema's categories, then any other value as it appears."""
    values = list(categories(field or {}) or [])
    seen = set(values)
    for cell in cells:
        if cell is not None and cell not in seen:
            seen.add(cell)
            values.append(cell)
    return values
