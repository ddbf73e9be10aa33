"""Which reading each mention row uses (`readings._named_rows`): the last row with its mention_id that
has one. Unique ids (the structure layer's duplicate mask says so) take a shortcut; it must agree with
the definition whatever the ids."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.package import read_package
from miitdata.validation.context import Context
from miitdata.validation.layers.structure import _duplicated
from miitdata.validation.readings import _named_rows
from tests.conftest import ROOT

IDS = st.lists(st.one_of(st.sampled_from(["M1", "M2", "M3", "M10"]), st.none()), max_size=30)
UNIQUE = st.integers(0, 30).map(lambda n: [f"M{i:04d}" for i in range(n)])


def definition(ids: list[str | None], own: np.ndarray) -> list[int]:
    last: dict[str, int] = {}
    keys = ["<NA>" if i is None else i for i in ids]
    for row, key in enumerate(keys):
        if own[row] >= 0:
            last[key] = row
    return [last.get(key, -1) for key in keys]


@settings(max_examples=200, deadline=None)
@given(st.one_of(IDS, UNIQUE), st.data())
def test_named_rows_is_the_last_row_with_a_reading(ids: list[str | None], data: st.DataObject) -> None:
    own = np.array(
        data.draw(st.lists(st.integers(-1, 5), min_size=len(ids), max_size=len(ids))), dtype=np.int64
    )
    column = pd.Series(ids, dtype="string", name="mention_id")
    ctx = Context(read_package(ROOT / "datapackage.json"))
    if data.draw(st.booleans()):
        _duplicated(column, ctx, "mentions")  # as the structure layer leaves it
    assert _named_rows(ctx, column, own).tolist() == definition(ids, own)
