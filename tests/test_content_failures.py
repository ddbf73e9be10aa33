"""The content layer maps a pandera failure to its error code by the failed check's name, never its text."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from miitdata.validation.layers.content import MODELS, failed_rows


class Model(pa.DataFrameModel):
    """Checks named after two codes, with messages that say nothing of them (two say the same)."""

    value: Series[float] = pa.Field(nullable=True)

    @pa.check("value", name="count-not-integral", error="same words", element_wise=True)
    def whole(cls, value: Any) -> bool:
        return value != value or float(value).is_integer()

    @pa.dataframe_check(name="value-out-of-range", error="same words")
    def small(cls, df: pd.DataFrame) -> pd.Series:
        return (df["value"].isna() | (df["value"] < 100)).astype(bool)

    @pa.dataframe_check(name="not-a-code-of-ours", error="value-out-of-range")
    def anything(cls, df: pd.DataFrame) -> pd.Series:
        return pd.Series(False, index=df.index)

    class Config:
        strict = False


def _failures(frame: pd.DataFrame) -> list[tuple[str, int]]:
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        Model.validate(frame, lazy=True)
    return failed_rows(caught.value)


def test_each_failed_row_is_named_by_its_checks_name() -> None:
    frame = pd.DataFrame({"value": [1.0, 2.5, 300.0, None, 150.5], "other": [1, 2, 3, 4, 5]})
    got = _failures(frame)
    assert sorted(got) == [
        ("count-not-integral", 1),
        ("count-not-integral", 4),
        ("value-out-of-range", 2),
        ("value-out-of-range", 4),
    ]
    assert len(got) == len(set(got))  # a dataframe check fails once per column: one row, reported once


def test_a_check_that_raises_names_no_row() -> None:
    class Broken(Model):
        @pa.dataframe_check(name="range-invalid")
        def raises(cls, df: pd.DataFrame) -> pd.Series:
            raise TypeError("boom")

    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        Broken.validate(pd.DataFrame({"value": [1.0]}), lazy=True)
    assert failed_rows(caught.value) == []


def test_every_check_of_the_models_is_named_after_a_code_the_layer_maps() -> None:
    from miitdata.validation.layers.content import FIELDS

    for model in MODELS.values():
        schema = model.to_schema()
        checks = [*schema.checks, *(c for col in schema.columns.values() for c in col.checks)]
        assert checks and all(check.name in FIELDS for check in checks), model
