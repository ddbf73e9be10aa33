"""The consistency layer's duplicate-mention keys (one stable sort) name, for every row, the first row with
the same (source, start, end, observation), as a row loop with a dict of keys seen does; missing cells
equal each other, as `pd.factorize` counts them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.validation.layers.consistency import first_rows, sortable

OFFSETS = st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.0, 2.0, 14.0, 1e15]))


def _simple(rows: list[tuple[object, ...]]) -> list[int]:
    seen: dict[tuple[object, ...], int] = {}
    out = []
    for i, key in enumerate(rows):
        key = tuple("missing" if k is None or (isinstance(k, float) and math.isnan(k)) else k for k in key)
        out.append(seen.setdefault(key, i))
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["S1", "S2", None]), OFFSETS, OFFSETS, st.sampled_from(["O1", "O2", None])),
        max_size=40,
    )
)
def test_first_rows_is_a_row_loop(rows: list[tuple[object, ...]]) -> None:
    sids, starts, ends, oids = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [], [], [])
    parts = [
        pd.factorize(pd.Series(sids, dtype="string"), use_na_sentinel=False)[0],
        sortable(pd.Series(starts, dtype="Float64")),
        sortable(pd.Series(ends, dtype="object")),  # not numeric: factorize codes
        pd.factorize(pd.Series(oids, dtype="string"), use_na_sentinel=False)[0],
    ]
    assert first_rows(parts).tolist() == _simple(rows)


def test_first_rows_of_nothing() -> None:
    assert first_rows([np.zeros(0, dtype=np.int64)]).tolist() == []
