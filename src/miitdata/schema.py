"""Table Schema (Frictionless v2) → pandas dtypes: the descriptor is the single source of truth."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]


def categories(field: dict[str, Any]) -> list[str] | None:
    """The closed vocabulary of a field: `categories` (strings or {value, label}) or `constraints.enum`."""
    cats = field.get("categories")
    if isinstance(cats, list):
        return [str(c["value"]) if isinstance(c, dict) else str(c) for c in cats]
    enum = (field.get("constraints") or {}).get("enum")
    return [str(v) for v in enum] if isinstance(enum, list) else None


def missing_values(schema: dict[str, Any]) -> list[str]:
    return [str(v) for v in schema.get("missingValues", [""])]


def read_dtype(field: dict[str, Any]) -> str:
    """The dtype `pandas.read_csv` should parse a column with (dates are converted afterwards)."""
    kind = field.get("type", "string")
    if kind == "integer":
        return "Int64"
    if kind == "number":
        return "float64"
    if kind == "boolean":
        return "boolean"
    return "string"


def read_table(path: str | IO[bytes], schema: dict[str, Any]) -> pd.DataFrame:
    """Read a valid CSV resource into a typed DataFrame (strings, nullable ints, floats, dates, categoricals).

    Floats round-trip the CSV text: `repr(float("17.84")) == "17.84"`.
    """
    import pandas as pd

    fields = schema["fields"]
    frame = pd.read_csv(
        path,
        dtype={f["name"]: read_dtype(f) for f in fields},
        keep_default_na=False,
        na_values=missing_values(schema),
        true_values=TRUE_VALUES,
        false_values=FALSE_VALUES,
        encoding="utf-8",
        engine="c",
    )
    for f in fields:
        name = f["name"]
        if name not in frame.columns:
            continue
        if f.get("type") == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif (cats := categories(f)) is not None:
            frame[name] = pd.Categorical(frame[name], categories=cats)
    return frame


def number_text(value: float) -> str:
    """The CSV text of a number: the shortest text reading back as the same float (17.84, 1887.5, 100000)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
