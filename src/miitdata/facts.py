"""Joined, labelled views of a loaded dataset: `facts()` (observations with labels) and `cite()` (quotes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

LANGS = ("en", "zh")


def _match(table: pd.DataFrame, key: str, wanted: str) -> set[str]:
    """Ids of rows whose id equals `wanted`, or whose Chinese/English name equals it (case-insensitive)."""
    ids = table[key].astype("string")
    hit = ids == wanted
    low = wanted.casefold()
    for col in ("name_en", "name_zh"):
        if col in table.columns:
            hit |= table[col].astype("string").str.casefold() == low
    return set(ids[hit.fillna(False)])


def facts(
    ds: Dataset,
    *,
    indicator: str | None = None,
    region: str | None = None,
    period: str | None = None,
    event: str | None = None,
    source: str | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    obs = ds.observations
    mentions = ds.mentions
    if indicator is not None:
        obs = obs[obs["indicator_id"].isin(_match(ds.indicators, "indicator_id", indicator))]
    if region is not None:
        obs = obs[obs["region_id"].isin(_match(ds.regions, "region_id", region))]
    if period is not None:
        obs = obs[obs["period"] == period]
    if event is not None:
        obs = obs[obs["event_id"] == event]
    if source is not None:
        stated = mentions.loc[mentions["source_id"] == source, "observation_id"]
        obs = obs[obs["observation_id"].isin(set(stated))]
    name = f"name_{lang}"
    ind = ds.indicators[["indicator_id", name, "unit"]].rename(columns={name: "indicator"})
    reg = ds.regions[["region_id", name]].rename(columns={name: "region"})
    counts = mentions.groupby("observation_id", observed=True).agg(
        sources=("source_id", "nunique"), mentions=("mention_id", "count")
    )
    out = obs.merge(ind, on="indicator_id", how="left").merge(reg, on="region_id", how="left")
    out = out.merge(counts, left_on="observation_id", right_index=True, how="left")
    out[["sources", "mentions"]] = out[["sources", "mentions"]].fillna(0).astype("Int64")
    cols = [
        "observation_id",
        "indicator",
        "region",
        "period",
        "comparator",
        "value",
        "unit",
        "sources",
        "mentions",
        "indicator_id",
        "region_id",
        "event_id",
        "derived_by",
        "note",
    ]
    return out[cols].reset_index(drop=True)


def cite(ds: Dataset, observation_id: str) -> pd.DataFrame:
    """Quotes of one observation: source, offsets, exact text, value as written, and publication details."""
    if observation_id not in set(ds.observations["observation_id"]):
        raise KeyError(f"no observation {observation_id!r}")
    m = ds.mentions[ds.mentions["observation_id"] == observation_id]
    src = ds.sources[["source_id", "publisher", "date_published", "title", "language", "kind", "path"]]
    out = m.merge(src, on="source_id", how="left")
    cols = [
        "mention_id",
        "source_id",
        "language",
        "kind",
        "publisher",
        "date_published",
        "title",
        "start",
        "end",
        "exact",
        "value_text",
        "value",
        "prefix",
        "suffix",
        "path",
    ]
    return out[cols].sort_values(["source_id", "start"]).reset_index(drop=True)
