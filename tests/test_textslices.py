"""The provenance layer's vectorised fast pass against Python's own `str` slicing (property tests).

`textslices.slices_hold` must say exactly whether text[lo:hi] == cell for every row (code points,
any mix of 1- to 4-byte UTF-8 characters, unknown texts, missing cells, offsets out of range), and
the provenance fast pass may only clear a row the full per-row checks would not report, and must
clear every row that is right (else the layer is silently slow).
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from miitdata.validation import textslices as ts
from miitdata.validation.layers.provenance import CONTEXT, _fast_pass
from tests.conftest import ROOT, copy_package, read_rows, write_rows

ALPHABET = st.sampled_from(["a", "7", ",", "é", "€", "中", "万", "😀", "\n", "\u200b"])
TEXT = st.lists(ALPHABET, max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(params=["arrow", "python"])
def columns(request: pytest.FixtureRequest) -> Iterator[str]:
    """Every test runs twice: columns read from Arrow buffers, and encoded from Python strings (a plain
    install without pyarrow)."""
    if request.param == "arrow":
        yield "arrow"
        return
    saved = ts._arrow
    ts._arrow = lambda: None
    try:
        yield "python"
    finally:
        ts._arrow = saved


def text_column(cells: list[str | None]) -> pd.Series:
    return pd.Series(cells, dtype="string")


@st.composite
def slice_cases(draw: st.DrawFn) -> tuple[dict[str, str], list[tuple[str, int, int, str | None]]]:
    texts = {f"S{i}": draw(TEXT) for i in range(draw(st.integers(0, 3)))}
    ids = [*texts, "UNKNOWN"]
    rows = []
    for _ in range(draw(st.integers(0, 25))):
        sid = draw(st.sampled_from(ids))
        size = len(texts.get(sid, ""))
        lo = draw(st.integers(-3, size + 3))
        hi = draw(st.integers(-3, size + 3))
        kind = draw(st.sampled_from(["true", "true", "other", "missing", "shifted"]))
        true = texts[sid][max(lo, 0) : max(hi, 0)] if sid in texts else ""
        cell: str | None = {
            "true": true,
            "other": draw(TEXT),
            "missing": None,
            "shifted": true[1:] + draw(ALPHABET) if true else draw(ALPHABET),
        }[kind]
        rows.append((sid, lo, hi, cell))
    return texts, rows


def holds(
    texts: dict[str, str], rows: list[tuple[str, int, int, str | None]], column: ts.Utf8Column
) -> list[bool]:
    """`slices_hold` for rows (source id, lo, hi, cell) against a column of their cells."""
    ids = text_column([r[0] for r in rows])
    lo = np.array([r[1] for r in rows], dtype=np.int64)
    hi = np.array([r[2] for r in rows], dtype=np.int64)
    index, known = ts.source_index(list(texts), ids)
    where = ts.locate(ts.corpus(texts), index, known, [lo, hi])
    return list(ts.slices_hold(where, known, 0, 1, column).tolist())


def python_slicing(texts: dict[str, str], rows: list[tuple[str, int, int, str | None]]) -> list[bool]:
    """The definition: the text is known, the cell is there, 0 <= lo <= hi <= len and text[lo:hi] == cell."""
    return [
        sid in texts and cell is not None and 0 <= a <= b <= len(texts[sid]) and texts[sid][a:b] == cell
        for sid, a, b, cell in rows
    ]


@pytest.mark.usefixtures("columns")
@SETTINGS
@given(slice_cases())
def test_slices_hold_is_python_slicing(
    case: tuple[dict[str, str], list[tuple[str, int, int, str | None]]],
) -> None:
    texts, rows = case
    column = ts.utf8_column(text_column([r[3] for r in rows]))
    assert holds(texts, rows, column) == python_slicing(texts, rows)


def chunked_column(cells: list[str | None], cuts: list[int]) -> pd.Series:
    """A text column whose Arrow array has a chunk boundary at every cut (as pyarrow's CSV reader
    makes one chunk per block of the file), some chunks sliced out of larger arrays."""
    import pyarrow as pa

    bounds = sorted({0, len(cells), *(c for c in cuts if 0 < c < len(cells))})
    pieces = []
    for a, b in itertools.pairwise(bounds):
        padded = pa.array(["pad", *cells[a:b], "pad"], type=pa.large_string())
        pieces.append(padded.slice(1, b - a))  # offset != 0: the chunk reads its own rows
    chunked = pa.chunked_array(pieces, type=pa.large_string())
    series = pd.Series(pd.arrays.ArrowExtensionArray(chunked), copy=False).astype("string")
    arrow = pa.array(series.array, type=pa.large_string(), from_pandas=True)
    assert (arrow.num_chunks if isinstance(arrow, pa.ChunkedArray) else 1) == len(bounds) - 1 or not cells
    return series


@SETTINGS
@given(slice_cases(), st.lists(st.integers(0, 25), max_size=6))
def test_slices_hold_reads_every_chunk_of_a_chunked_column(
    case: tuple[dict[str, str], list[tuple[str, int, int, str | None]]], cuts: list[int]
) -> None:
    """The comparison walks the column chunk by chunk (no combined copy): the result is Python's."""
    texts, rows = case
    column = ts.utf8_column(chunked_column([r[3] for r in rows], cuts))
    assert holds(texts, rows, column) == python_slicing(texts, rows)


@SETTINGS
@given(st.binary(max_size=40) | TEXT.map(lambda t: t.encode("utf-8")))
@example(b"\xed\xa0\x80")  # an encoded surrogate
@example(b"\xc0\xaf")  # an overlong form
@example(b"\xf4\x90\x80\x80")  # above U+10FFFF
@example(b"\xe4\xb8")  # cut short
@example(b"\xef\xbb\xbfa\x00b")  # a BOM and a NUL are UTF-8
def test_is_utf8_is_decoding(data: bytes) -> None:
    try:
        data.decode("utf-8")
        decodes = True
    except UnicodeDecodeError:
        decodes = False
    assert ts.is_utf8(data) == decodes
    if decodes:
        assert ts.code_points(np.frombuffer(data, dtype=np.uint8)) == len(data.decode("utf-8"))


@pytest.mark.usefixtures("columns")
def test_slices_hold_reads_a_sliced_arrow_column() -> None:
    """A column that is a slice of a larger Arrow array (offset != 0) compares its own rows."""
    texts = {"S": "中文ab😀c"}
    cells = text_column(["x", "y", "中文", "ab😀", "😀c"]).iloc[2:]
    ids = text_column(["S", "S", "S"])
    lo, hi = np.array([0, 2, 4]), np.array([2, 5, 6])
    index, known = ts.source_index(list(texts), ids)
    where = ts.locate(ts.corpus(texts), index, known, [lo, hi])
    assert ts.slices_hold(where, known, 0, 1, ts.utf8_column(cells)).tolist() == [True, True, True]


def full_checks_pass(text: str | None, row: dict[str, object], values: bool) -> bool:
    """The full per-row checks of the provenance layer, as plain Python (no error for this row)."""
    a, b, x, p, q, v = (row[k] for k in ("start", "end", "exact", "prefix", "suffix", "value_text"))
    if text is None or any(c is None for c in (a, b, x, p, q, v)):
        return False
    assert isinstance(a, int) and isinstance(b, int) and isinstance(x, str) and isinstance(v, str)
    quote = (
        0 <= a < b <= len(text)
        and text[a:b] == x
        and text[max(0, a - CONTEXT) : a] == p
        and text[b : b + CONTEXT] == q
        and v in x
    )
    if not values:
        return quote
    c, d = row["value_start"], row["value_end"]
    if c is None or d is None:
        return False
    assert isinstance(c, int) and isinstance(d, int)
    return quote and a <= c < d <= b and text[c:d] == v


@st.composite
def mention_tables(draw: st.DrawFn) -> tuple[dict[str, str], list[dict[str, object]], list[bool]]:
    texts = {f"S{i}": draw(st.lists(ALPHABET, min_size=1, max_size=80).map("".join)) for i in range(2)}
    rows, right = [], []
    for _ in range(draw(st.integers(1, 20))):
        sid = draw(st.sampled_from([*texts, "UNKNOWN"]))
        text = texts.get(sid, "abc")
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        c = draw(st.integers(a, b - 1))
        d = draw(st.integers(c + 1, b))
        row: dict[str, object] = {
            "source_id": sid,
            "start": a,
            "end": b,
            "exact": text[a:b],
            "prefix": text[max(0, a - CONTEXT) : a],
            "suffix": text[b : b + CONTEXT],
            "value_text": text[c:d],
            "value_start": c,
            "value_end": d,
        }
        field = draw(st.sampled_from(["none", "none", *row]))
        if field != "none":  # break one field
            old = row[field]
            row[field] = (
                draw(st.one_of(st.none(), TEXT))
                if isinstance(old, str)
                else draw(st.one_of(st.none(), st.integers(-2, len(text) + 2)))
            )
        rows.append(row)
        right.append(sid in texts and field == "none")
    return texts, rows, right


def typed(rows: list[dict[str, object]], values: bool) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for col in ("source_id", "exact", "prefix", "suffix", "value_text"):
        frame[col] = frame[col].astype("string")
    for col in ("start", "end", "value_start", "value_end"):
        frame[col] = frame[col].astype("Int64")
    if not values:
        frame = frame.drop(columns=["value_start", "value_end"])
    return frame


@pytest.mark.usefixtures("columns")
@SETTINGS
@given(mention_tables(), st.booleans())
def test_fast_pass_clears_only_rows_that_hold_and_every_right_row(
    case: tuple[dict[str, str], list[dict[str, object]], list[bool]], values: bool
) -> None:
    texts, rows, right = case
    quotes, value_ok = _fast_pass(typed(rows, values), texts, values)
    for i, row in enumerate(rows):
        holds = full_checks_pass(texts.get(str(row["source_id"])), row, values)
        if quotes[i]:
            assert holds, (i, row)
        if right[i]:
            assert quotes[i], (i, row)
            assert value_ok[i] == values


def test_provenance_without_pyarrow_finds_a_broken_quote(tmp_path: Path) -> None:
    """A plain install has no pyarrow (it comes with the export extra): the whole validator runs, and
    the fast pass still sends a broken quote to the full checks."""
    pkg = copy_package(tmp_path)
    path = tmp_path / "data" / "mentions.csv"
    header, rows = read_rows(path)
    rows[5]["exact"] = rows[5]["exact"] + "!"
    write_rows(path, header, rows)
    script = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "import miitdata, pandas\n"
        "for p in sys.argv[1:]:\n"
        "    r = miitdata.validate(p)\n"
        "    print(sorted({e.type for e in r.errors}))\n"
        "assert 'pyarrow' not in sys.modules or sys.modules['pyarrow'] is None\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "datapackage.json"), str(pkg)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    shipped, broken = proc.stdout.splitlines()
    assert shipped == "[]"
    assert "quote-mismatch" in broken
