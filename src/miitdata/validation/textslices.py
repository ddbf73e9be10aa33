"""Vectorised `text[a:b] == cell` for a whole column at once: the provenance layer's fast pass.

Offsets are code points (Python's `str` indices); the comparison runs on UTF-8 bytes, so no Python
string is made per row. The texts' UTF-8 bytes go into one buffer; each row's code-point offsets
become byte offsets through its text's code point -> byte table (built one text at a time); a text
column is read as its Arrow buffers (offsets + data). Two byte ranges are equal when their lengths
are and no byte differs, which numpy finds with one gather per block of rows.

Every function here answers "certainly holds" (True) or "not sure" (False): the provenance layer
runs its full per-row checks, with their messages, on the rows that are not sure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

BLOCK = 16384  # rows per gather: bounds the temporary position array (8 bytes per compared byte)


@dataclass(frozen=True)
class Located:
    """Code-point positions of each row, and their byte offsets into the texts' joined UTF-8 bytes."""

    data: np.ndarray  # uint8: every text's UTF-8 bytes, one after the other
    lengths: np.ndarray  # int64 per row: its text's length in code points (0 for an unknown text)
    positions: list[np.ndarray]  # int64 per row: the code-point positions asked for, as given
    offsets: list[np.ndarray]  # int64 per row: their byte offsets (positions clamped to 0..len(text))


def text_lengths(texts: dict[str, str], index: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Each row's text length in code points (0 for an unknown text)."""
    import numpy as np

    per_text = np.array([len(t) for t in texts.values()] or [0], dtype=np.int64)
    return np.where(known, per_text[np.where(known, index, 0)], 0)


def locate(
    texts: dict[str, str],
    index: np.ndarray,
    known: np.ndarray,
    positions: list[np.ndarray],
    encoded: dict[str, bytes] | None = None,
) -> Located:
    """Byte offsets of code-point `positions` (clamped to 0..len(text)) in each row's text.

    `encoded` may give each text's UTF-8 bytes (the file the text was decoded from), so no text is
    encoded again. The code point -> byte table is built for one text at a time (from its UTF-8 bytes: a code
    point starts at every byte that is not a continuation byte), so memory holds one text's
    table, not the whole corpus's."""
    import numpy as np

    n = len(index)
    out = [np.zeros(n, dtype=np.int64) for _ in positions]
    keyed = np.where(known, index, -1)
    order = np.argsort(keyed, kind="stable")
    bounds = np.searchsorted(keyed[order], np.arange(len(texts) + 1), side="left")
    parts: list[np.ndarray] = []
    base = 0
    for i, (key, text) in enumerate(texts.items()):
        data = encoded.get(key) if encoded is not None else None
        raw = np.frombuffer(data if data is not None else text.encode("utf-8"), dtype=np.uint8)
        rows = order[bounds[i] : bounds[i + 1]]
        if len(rows):
            table = np.append(np.flatnonzero((raw & 0xC0) != 0x80), len(raw)) + base
            chars = len(table) - 1
            for where, result in zip(positions, out, strict=True):
                result[rows] = table[np.clip(where[rows], 0, chars)]
        parts.append(raw)
        base += len(raw)
    joined = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)
    return Located(joined, text_lengths(texts, index, known), positions, out)


@dataclass(frozen=True)
class Utf8Column:
    """A text column as Arrow lays it out: row i is data[offsets[i]:offsets[i + 1]]."""

    offsets: np.ndarray  # int64, len(rows) + 1
    data: np.ndarray  # uint8
    valid: np.ndarray  # bool: the cell is a string (not missing)


def warm() -> None:
    """Import what these functions import (before a second thread runs them)."""
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    if _arrow() is not None:
        import pyarrow.compute  # noqa: F401


def _arrow() -> Any:
    """pyarrow, or None where it is not installed (it comes with pandas' Arrow strings and the export
    extra, not with a plain install: there the columns are Python strings and are encoded here)."""
    try:
        import pyarrow
    except ImportError:
        return None
    return pyarrow


def utf8_column(series: pd.Series) -> Utf8Column:
    import numpy as np

    pa = _arrow()
    if pa is None:
        cells = series.tolist()
        valid = np.fromiter((isinstance(c, str) for c in cells), dtype=bool, count=len(cells))
        encoded = [c.encode("utf-8") if isinstance(c, str) else b"" for c in cells]
        offsets = np.zeros(len(cells) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(cells)), out=offsets[1:])
        return Utf8Column(offsets, np.frombuffer(b"".join(encoded), dtype=np.uint8), valid)
    array: Any = pa.array(series.array, type=pa.large_string(), from_pandas=True)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    if array.type != pa.large_string():
        array = array.cast(pa.large_string())
    _, offsets_buf, data_buf = array.buffers()
    n = len(array)
    offsets = np.frombuffer(offsets_buf, dtype=np.int64)[array.offset : array.offset + n + 1]
    data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(0, dtype=np.uint8)
    valid = array.is_valid().to_numpy(zero_copy_only=False)
    return Utf8Column(offsets, data, np.asarray(valid, dtype=bool))


def source_index(ids: list[str], series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(index of each row's text in `ids`, 0 when unknown; True where the text is known)."""
    import numpy as np

    pa = _arrow()
    if pa is None:
        import pandas as pd

        cells = series.to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]  # pandas-stubs lacks this overload
        found = pd.Index(ids, dtype=object).get_indexer(cells) if ids else np.full(len(cells), -1)
        known = found >= 0
        return np.where(known, found, 0).astype(np.int64), known
    import pyarrow.compute as pc

    cells = pa.array(series.array, type=pa.large_string(), from_pandas=True)
    found = pc.index_in(cells, value_set=pa.array(ids, type=pa.large_string()))
    if isinstance(found, pa.ChunkedArray):
        found = found.combine_chunks()
    known = np.asarray(found.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    index = found.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    return index, known


def equal_bytes(data: np.ndarray, starts: np.ndarray, stops: np.ndarray, column: Utf8Column) -> np.ndarray:
    """Row i: data[starts[i]:stops[i]] == the column's row i (bytes). Ranges must lie inside `data`."""
    import numpy as np

    offsets = column.offsets
    lengths = np.diff(offsets)
    same = (stops - starts) == lengths
    if len(data) == 0:
        return same & (lengths == 0)
    last = len(data) - 1
    for lo in range(0, len(lengths), BLOCK):
        hi = min(lo + BLOCK, len(lengths))
        first, end = int(offsets[lo]), int(offsets[hi])
        if end == first:
            continue
        shift = np.where(same[lo:hi], starts[lo:hi] - offsets[lo:hi], 0)
        positions = np.arange(first, end, dtype=np.int64) + np.repeat(shift, lengths[lo:hi])
        np.clip(positions, 0, last, out=positions)
        differ = np.flatnonzero(data[positions] != column.data[first:end])
        if len(differ):
            rows = np.searchsorted(offsets, differ + first, side="right") - 1
            same[rows] = False
    return same


def slices_hold(located: Located, usable: np.ndarray, lo: int, hi: int, column: Utf8Column) -> np.ndarray:
    """Row i: usable[i], 0 <= start <= stop <= len(text), and text[start:stop] == the cell (a missing
    cell is never equal), where start and stop are `located.positions[lo]` and `[hi]` (code points)."""
    import numpy as np

    start, stop = located.positions[lo], located.positions[hi]
    ok = usable & column.valid & (start >= 0) & (start <= stop) & (stop <= located.lengths)
    a = np.where(ok, located.offsets[lo], 0)
    b = np.where(ok, located.offsets[hi], 0)
    return ok & equal_bytes(located.data, a, b, column)
