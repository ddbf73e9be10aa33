"""Observations joined with indicator and region labels, the value as read, and how many sources state it.

The CLI's `miitdata show` and the API's `Dataset.facts()` both call `facts()`, so they filter, label and
format in exactly the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from miitdata.query.filters import Filters
from miitdata.query.format import LANGS, format_value

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

# The columns of `facts()`, in the order people read them: the one list (MACHINE_COLUMNS reorders it).
FACT_COLUMNS = [
    "observation_id",
    "indicator",
    "region",
    "period",
    "comparator",
    "value",
    "unit",
    "display",
    "status",
    "sources",
    "mentions",
    "indicator_id",
    "region_id",
    "event_id",
    "derived_by",
    "note",
]


def labelled(ds: Dataset, obs: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = f"name_{lang}"
    ind = ds.indicators[["indicator_id", name, "unit"]].rename(columns={name: "indicator"})
    reg = ds.regions[["region_id", name]].rename(columns={name: "region"})
    counts = ds.mentions.groupby("observation_id", observed=True).agg(
        sources=("source_id", "nunique"), mentions=("mention_id", "count")
    )
    out = obs.merge(ind, on="indicator_id", how="left").merge(reg, on="region_id", how="left")
    out = out.merge(counts, left_on="observation_id", right_index=True, how="left")
    out[["sources", "mentions"]] = out[["sources", "mentions"]].fillna(0).astype("Int64")
    out["unit"] = out["unit"].astype("string")
    out["comparator"] = out["comparator"].astype("string")
    # actual, estimate, forecast or target (blank for versions before 0.3, which had no status)
    if "status" not in out.columns:
        out["status"] = None
    out["status"] = out["status"].astype("string")
    out["display"] = [
        format_value(v, u, c, lang)
        for v, u, c in zip(out["value"], out["unit"], out["comparator"], strict=True)
    ]
    out["display"] = out["display"].astype("string")
    return out


LABELLED = {"indicator": "indicator_id", "region": "region_id"}  # a label column -> its id column
# The same columns for machines (`show --format csv|json`): each id just before its label.
MACHINE_COLUMNS = [
    column
    for name in FACT_COLUMNS
    if name not in LABELLED.values()
    for column in ((LABELLED[name], name) if name in LABELLED else (name,))
]


def facts_csv(frame: pd.DataFrame) -> str:
    """The MACHINE_COLUMNS of a `facts()` frame as CSV text (numbers as their shortest exact text)."""
    import pandas as pd

    from miitdata.csvline import csv_line
    from miitdata.schema import number_text

    lines = [csv_line(MACHINE_COLUMNS)]
    for row in frame[MACHINE_COLUMNS].itertuples(index=False):
        cells = []
        for col, cell in zip(MACHINE_COLUMNS, row, strict=True):
            if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
                cells.append("")
            elif col == "value":
                cells.append(number_text(cell))
            else:
                cells.append(str(cell))
        lines.append(csv_line(cells))
    return "".join(lines)


def facts(ds: Dataset, filters: Filters | None = None, lang: str = "en") -> pd.DataFrame:
    """Observations passing `filters`, joined with labels in `lang`, the value as read (`display`) and
    how many sources state it."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    obs = (filters or Filters()).apply(ds, ds.observations)
    out = labelled(ds, obs, lang)
    return out[FACT_COLUMNS].reset_index(drop=True)
