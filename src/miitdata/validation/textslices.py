"""Vectorised `text[a:b] == cell` for a whole column at once: the provenance layer's fast pass.

Offsets are code points (Python's `str` indices); the comparison runs on UTF-8 bytes, so no Python
string is made per row. The texts' UTF-8 bytes lie in one buffer (a `Corpus`; the provenance layer reads
the source files straight into it, so the package's texts are held once, as bytes, and decoded only
where a full check needs a `str`); each row's code-point offsets become byte offsets through its text's
code point -> byte table (built one text at a time); a text column is read as its Arrow buffers
(offsets + data), chunk by chunk, never copied into one array. Two byte ranges are equal when their
lengths are and no byte differs, which numpy finds with one gather per block of rows.

Every function here answers "certainly holds" (True) or "not sure" (False): the provenance layer
runs its full per-row checks, with their messages, on the rows that are not sure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

BLOCK = 16384  # rows per gather: bounds the temporary position array (8 bytes per compared byte)


@dataclass(frozen=True)
class Corpus:
    """Texts as UTF-8 bytes in one buffer: text i is data[begins[i]:ends[i]]."""

    ids: list[str]
    data: np.ndarray  # uint8
    begins: np.ndarray  # int64 per text: byte offsets
    ends: np.ndarray
    chars: np.ndarray  # int64 per text: its length in code points

    def text_bytes(self, i: int) -> np.ndarray:
        return self.data[int(self.begins[i]) : int(self.ends[i])]


def code_points(data: np.ndarray) -> int:
    """The number of code points of valid UTF-8 bytes: the bytes that are not continuation bytes."""
    import numpy as np

    return int(np.count_nonzero((data & 0xC0) != 0x80))


def corpus_of(ids: list[str], buffer: Any, spans: list[tuple[int, int]]) -> Corpus:
    """A corpus over `buffer` (bytes-like, not copied; valid UTF-8 in each span): text i is
    buffer[spans[i][0]:spans[i][1]]."""
    import numpy as np

    data = np.frombuffer(buffer, dtype=np.uint8) if len(buffer) else np.zeros(0, dtype=np.uint8)
    begins = np.array([a for a, _b in spans], dtype=np.int64)
    ends = np.array([b for _a, b in spans], dtype=np.int64)
    chars = np.array([code_points(data[a:b]) for a, b in spans], dtype=np.int64)
    return Corpus(list(ids), data, begins, ends, chars)


def corpus(texts: Mapping[str, str]) -> Corpus:
    """The corpus of decoded texts (encoded here): for callers that hold `str`s, such as the tests."""
    encoded = [t.encode("utf-8") for t in texts.values()]
    spans, at = [], 0
    for e in encoded:
        spans.append((at, at + len(e)))
        at += len(e)
    return corpus_of(list(texts), b"".join(encoded), spans)


def is_utf8(data: bytes) -> bool:
    """Whether `data` is valid UTF-8, without building a `str` (pyarrow's validation where installed)."""
    pa = _arrow()
    if pa is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    import numpy as np

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64).tobytes())
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


@dataclass(frozen=True)
class Located:
    """Code-point positions of each row, and their byte offsets into the corpus's bytes."""

    data: np.ndarray  # uint8: the corpus's bytes
    lengths: np.ndarray  # int64 per row: its text's length in code points (0 for an unknown text)
    positions: list[np.ndarray]  # int64 per row: the code-point positions asked for, as given
    offsets: list[np.ndarray]  # int64 per row: their byte offsets (positions clamped to 0..len(text))


def text_lengths(texts: Corpus, index: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Each row's text length in code points (0 for an unknown text)."""
    import numpy as np

    per_text = texts.chars if len(texts.chars) else np.zeros(1, dtype=np.int64)
    return np.where(known, per_text[np.where(known, index, 0)], 0)


def locate(texts: Corpus, index: np.ndarray, known: np.ndarray, positions: list[np.ndarray]) -> Located:
    """Byte offsets of code-point `positions` (clamped to 0..len(text)) in each row's text.

    The code point -> byte table is built for one text at a time (from its UTF-8 bytes: a code point
    starts at every byte that is not a continuation byte), so memory holds one text's table, not the
    whole corpus's."""
    import numpy as np

    n = len(index)
    out = [np.zeros(n, dtype=np.int64) for _ in positions]
    keyed = np.where(known, index, -1)
    order = np.argsort(keyed, kind="stable")
    bounds = np.searchsorted(keyed[order], np.arange(len(texts.ids) + 1), side="left")
    for i in range(len(texts.ids)):
        rows = order[bounds[i] : bounds[i + 1]]
        if not len(rows):
            continue
        raw = texts.text_bytes(i)
        base = int(texts.begins[i])
        table = np.append(np.flatnonzero((raw & 0xC0) != 0x80), len(raw)) + base
        chars = len(table) - 1
        for where, result in zip(positions, out, strict=True):
            result[rows] = table[np.clip(where[rows], 0, chars)]
    return Located(texts.data, text_lengths(texts, index, known), positions, out)


@dataclass(frozen=True)
class Utf8Column:
    """A text column as Arrow lays it out, chunk by chunk: in a chunk whose first row is `row0`, row
    row0 + i is data[offsets[i]:offsets[i + 1]]."""

    chunks: list[tuple[int, np.ndarray, np.ndarray]]  # (row0, int64 offsets, uint8 data)
    lengths: np.ndarray  # int64 per row: its length in bytes
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
        data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return Utf8Column([(0, offsets, data)], np.diff(offsets), valid)
    array: Any = pa.array(series.array, type=pa.large_string(), from_pandas=True)
    pieces = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    chunks: list[tuple[int, np.ndarray, np.ndarray]] = []
    piece_lengths: list[np.ndarray] = []
    piece_valid: list[np.ndarray] = []
    row0 = 0
    for piece in pieces:
        if piece.type != pa.large_string():
            piece = piece.cast(pa.large_string())
        _, offsets_buf, data_buf = piece.buffers()
        n = len(piece)
        offsets = np.frombuffer(offsets_buf, dtype=np.int64)[piece.offset : piece.offset + n + 1]
        data = (
            np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(0, dtype=np.uint8)
        )
        chunks.append((row0, offsets, data))
        piece_lengths.append(np.diff(offsets))
        piece_valid.append(np.asarray(piece.is_valid().to_numpy(zero_copy_only=False), dtype=bool))
        row0 += n
    if not chunks:
        return Utf8Column([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool))
    return Utf8Column(chunks, np.concatenate(piece_lengths), np.concatenate(piece_valid))


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

    lengths = column.lengths
    same = (stops - starts) == lengths
    if len(data) == 0:
        return same & (lengths == 0)
    last = len(data) - 1
    for row0, offsets, cells in column.chunks:
        rows = len(offsets) - 1
        for lo in range(0, rows, BLOCK):
            hi = min(lo + BLOCK, rows)
            first, end = int(offsets[lo]), int(offsets[hi])
            if end == first:
                continue
            at = slice(row0 + lo, row0 + hi)
            shift = np.where(same[at], starts[at] - offsets[lo:hi], 0)
            positions = np.arange(first, end, dtype=np.int64) + np.repeat(shift, lengths[at])
            np.clip(positions, 0, last, out=positions)
            differ = np.flatnonzero(data[positions] != cells[first:end])
            if len(differ):
                bad = np.searchsorted(offsets, differ + first, side="right") - 1
                same[row0 + bad] = False
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
