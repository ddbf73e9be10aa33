"""The structure layer's duplicate finder (unique fields, primary keys) equals pandas' own
`duplicated(keep="first")` on every column: sorted (its no-hashing fast path), unsorted, repeated."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.validation.layers.structure import _first_duplicated

CELLS = st.text(alphabet="ab中😀-0", max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(CELLS, max_size=40), st.sampled_from(["as-is", "sorted", "sorted-unique", "reversed"]))
def test_first_duplicated_is_pandas_duplicated(cells: list[str], order: str) -> None:
    if order == "sorted":
        cells = sorted(cells)
    elif order == "sorted-unique":
        cells = sorted(set(cells))
    elif order == "reversed":
        cells = sorted(cells, reverse=True)
    values = pd.Series(cells, dtype="string", index=pd.RangeIndex(2, len(cells) + 2), name="id")
    got = _first_duplicated(values)
    assert got.tolist() == values.duplicated(keep="first").tolist()
    assert got.index.equals(values.index)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(CELLS, max_size=30),
    st.one_of(
        st.lists(st.one_of(CELLS, st.none(), st.integers(0, 3)), max_size=6),
        st.lists(CELLS, max_size=6).map(lambda c: pd.Series(c, dtype="string")),
        st.lists(st.one_of(CELLS, st.none()), max_size=6).map(lambda c: pd.Series(c, dtype="string")),
    ),
)
def test_isin_is_pandas_isin(cells: list[str], items: object) -> None:
    """The structure layer's `isin` (pyarrow's is_in on the column) equals pandas' `isin`."""
    from miitdata.validation.celltypes import isin

    values = pd.Series(cells, dtype="string", index=pd.RangeIndex(2, len(cells) + 2), name="id")
    got = isin(values, items)
    assert got.tolist() == values.isin(items).tolist()
    assert got.index.equals(values.index)
