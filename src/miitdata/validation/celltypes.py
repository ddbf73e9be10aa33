"""The one type parser of miitdata: cells as text in, typed values and validity out.

`parse_cells` is shared by the structure layer (`validation/layers/structure.py`) and `miitdata.load()`
(`schema.read_table`), so load() accepts exactly the cells validate accepts. Its contract is in its
docstring; keep it when optimising (the speed work happens here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
INTEGER = r"[+-]?[0-9]+"
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


def parse_cells(
    kind: str, values: pd.Series, present: pd.Series, field: dict[str, Any]
) -> tuple[pd.Series, pd.Series]:
    """(parsed values, whether each present cell parsed) for one column: THE type parser of miitdata.

    The structure layer and `miitdata.load()` (`schema.read_table`) both type cells with this function,
    so load() accepts exactly what validate accepts. Contract: `values` is a string Series (one CSV
    column, cells as text), `present` marks the cells that are not missing values; `kind` is the field's
    Table Schema type. Returns `parsed` (same index: integer and number as Float64, date as datetime64,
    boolean as boolean, anything else the text) and `ok` (bool, same index: the present cell is a valid
    value of the type). Accepted: integer `[+-]?[0-9]+`; number `[+-]?(digits[.digits]|.digits)[e[+-]digits]`
    and finite; date `YYYY-MM-DD` (ASCII digits, a real day); boolean the field's trueValues/falseValues.
    No surrounding space, no fullwidth or other Unicode digits, no thousands separator."""
    import pandas as pd

    text = values.fillna("")
    if kind == "integer":
        ok = text.str.fullmatch(INTEGER).fillna(False).astype(bool)
        parsed = _fast_numeric(text, ok, kind)
        if parsed is None:
            parsed = pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")
        return parsed, ok
    if kind == "number":
        ok = text.str.fullmatch(NUMBER).fillna(False).astype(bool)
        parsed = _fast_numeric(text, ok, kind)
        if parsed is None:
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


def arrow_text(values: pd.Series) -> Any:
    """The pyarrow ChunkedArray behind an Arrow-backed string column, or None."""
    import pandas as pd

    dtype = values.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    return values.array.__arrow_array__()


def _fast_numeric(text: pd.Series, ok: pd.Series, kind: str) -> pd.Series | None:
    """`pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")` computed by pyarrow, for the
    common case where it is provably the same: every matched cell has at most 15 characters and no
    exponent, so the exact decimal value needs at most 15 digits and both parsers round it correctly
    (pandas gives whole numbers via int64 unless some cell has a decimal point, hence "-0" -> 0.0 there).
    None when the case does not apply; the caller then runs pandas."""
    import numpy as np
    import pandas as pd

    arr = arrow_text(text)
    if arr is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    mask = ok.to_numpy(dtype=bool)
    chosen = arr.filter(pa.array(mask))
    data = np.zeros(len(mask), dtype=np.float64)
    if len(chosen):
        longest = pc.max(pc.binary_length(chosen)).as_py()
        if longest > 15 or (kind == "number" and _has_exponent(chosen)):  # INTEGER has no exponent
            return None
        decimal = kind == "number" and pc.any(pc.match_substring(chosen, ".")).as_py()
        try:
            if decimal:
                numbers = pc.cast(chosen, pa.float64()).to_numpy()
            else:
                numbers = pc.cast(chosen, pa.int64()).to_numpy().astype(np.float64)
        except (pa.ArrowException, ValueError):
            return None
        data[mask] = numbers
    floats = pd.arrays.FloatingArray(data, ~mask)
    return pd.Series(floats, index=text.index, name=text.name, copy=False)


def _has_exponent(chosen: Any) -> bool:
    """Whether some cell contains e or E (two plain substring scans: faster than the regex [eE])."""
    import pyarrow.compute as pc

    return any(pc.any(pc.match_substring(chosen, letter)).as_py() for letter in ("e", "E"))


def isin(values: pd.Series, items: Any) -> pd.Series:
    """`values.isin(items)` for a text column: pyarrow's `is_in` straight on an Arrow-backed column
    without missing cells (pandas' own turns every item into a pyarrow scalar first, one by one:
    most of the time of a foreign-key check against a 10k-row table). Items that are not text never
    match a text cell, as in pandas."""
    import pandas as pd

    arr = arrow_text(values)
    if arr is None or arr.null_count:
        return values.isin(items)
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    other = arrow_text(items) if isinstance(items, pd.Series) else None
    if other is not None and not other.null_count:
        value_set = pa.chunked_array(other).combine_chunks().cast(arr.type)
    else:
        cells = items.tolist() if isinstance(items, pd.Series) else list(items)
        value_set = pa.array([c for c in cells if isinstance(c, str)], type=arr.type)
    if not len(value_set):
        mask = np.zeros(len(values), dtype=bool)
    else:
        found = pc.is_in(arr, value_set=value_set)
        mask = np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
    return pd.Series(mask, index=values.index, name=values.name, copy=False)
