"""The one definition of the filters of `Dataset.facts()`, `miitdata.query.facts.facts()` and `miitdata show`.

`status` keeps the figures of one status (actual, estimate, forecast, target; several separated
by commas). Filters (`indicator`, `region`, `event`, `source`) accept an id or a name, Chinese or
English, matched case-insensitively; region names also match without their generic suffix (`West`, `Western`,
`西部`, `四川` and `CN-SC`/`Sichuan`/`四川省`). `period` selects the observations whose period lies
within it (`2024` selects `2024-01/2024-02`; `2012/2021` selects the span and its two end years).
A filter value that names nothing raises `FilterError` (a `ValueError`) with the closest names.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from miitdata.errors import FilterError as FilterError  # re-exported: where callers long imported it from

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

# Generic words a region name may be written with or without.
REGION_SUFFIXES = (
    " region",
    " regions",
    " province",
    " municipality",
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "地区",
    "省",
    "市",
)


def shown(value: str, limit: int = 80) -> str:
    """A value given by the user, for a message: repr (control characters escaped), at most `limit`
    characters of it (a 1 MB id is not echoed)."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


class RetiredIdError(FilterError):
    """An id asked for was retired (the `retired` table): the message says when, why and what replaces it."""

    code = "id-retired"


@dataclass(frozen=True)
class Filters:
    """What to keep: each field an id or name (see the module doc); None keeps everything."""

    indicator: str | None = None
    region: str | None = None
    period: str | None = None
    event: str | None = None
    source: str | None = None
    status: str | None = None

    def __post_init__(self) -> None:
        """Each filter is one string (an id or a name) or None: anything else is a FilterError naming it."""
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and not isinstance(value, str):
                example = {"period": "'2021'", "status": "'actual'"}.get(f.name, "'West'")
                raise FilterError(
                    f"{f.name} must be one string (an id or a name, e.g. {example}) or None, "
                    f"got {type(value).__name__} {shown(repr(value))[1:-1]}"
                )

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def apply(self, ds: Dataset, obs: pd.DataFrame) -> pd.DataFrame:
        """The rows of `obs` (observations) that pass every filter."""
        if self.indicator is not None:
            keep = match(ds.indicators, "indicator_id", self.indicator, "indicator")
            obs = obs[obs["indicator_id"].isin(keep)]
        if self.region is not None:
            obs = obs[
                obs["region_id"].isin(match(ds.regions, "region_id", self.region, "region", loose=True))
            ]
        if self.period is not None:
            obs = obs[period_filter(obs["period"], self.period).to_numpy()]
        if self.event is not None:
            obs = obs[obs["event_id"].isin(event_ids(ds, self.event))]
        if self.source is not None:
            wanted = match(ds.sources, "source_id", self.source, "source")
            stated = ds.mentions.loc[ds.mentions["source_id"].isin(wanted), "observation_id"]
            obs = obs[obs["observation_id"].isin(set(stated))]
        if self.status is not None:
            statuses = status_values(self.status)
            obs = obs[obs["status"].isin(statuses)] if "status" in obs.columns else obs.iloc[0:0]
        return obs


STATUSES = ("actual", "estimate", "forecast", "target")


def status_values(wanted: str) -> list[str]:
    """The statuses `wanted` names: one of STATUSES or several separated by commas."""
    names = [w.strip().lower() for w in wanted.split(",") if w.strip()]
    unknown = [n for n in names if n not in STATUSES]
    if unknown or not names:
        raise FilterError(f"no status {wanted!r} (statuses: {', '.join(STATUSES)})")
    return names


def _casefold(series: pd.Series) -> pd.Series:
    return series.astype("string").str.casefold()


def _strip_suffix(name: str) -> str:
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def match(table: pd.DataFrame, key: str, wanted: str, what: str, *, loose: bool = False) -> set[str]:
    """Ids of rows whose id or Chinese/English name equals `wanted` (case-insensitive).

    With `loose`, names also match without a generic suffix (`Western` ↔ `Western region`, `四川` ↔ `四川省`).
    Raises FilterError, with the closest names, when nothing matches.
    """
    want = wanted.strip().casefold()
    ids = table[key].astype("string")
    hit = _casefold(ids) == want
    names = [c for c in ("name_en", "name_zh") if c in table.columns]
    for col in names:
        hit |= _casefold(table[col]) == want
    found = set(ids[hit.fillna(False)])
    if not found and loose:
        bare = _strip_suffix(want)
        for col in names:
            stripped = _casefold(table[col]).map(lambda s: _strip_suffix(s) if isinstance(s, str) else s)
            found |= set(ids[(stripped == bare).fillna(False)])
    if not found:
        choices = [str(v) for col in (key, *names) for v in table[col].dropna()]
        close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.5) if len(wanted) <= 100 else []
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise FilterError(f"no {what} {shown(wanted)}{hint}")
    return found


def period_filter(periods: pd.Series, wanted: str) -> pd.Series:
    """True where the observation's period lies within `wanted` (exact matches included)."""
    from miitdata.numbers.periods import PeriodError, parse_period

    if len(wanted) > 100:
        raise FilterError(f"bad period: {shown(wanted)} is not a period")
    try:
        lo, hi = parse_period(wanted.strip())
    except (PeriodError, ValueError) as exc:
        raise FilterError(f"bad period: {exc}") from None

    def within(text: Any) -> bool:
        if not isinstance(text, str):
            return False
        if text == wanted:
            return True
        try:
            start, end = parse_period(text)
        except PeriodError:
            return False
        return lo <= start and end <= hi

    return periods.map(within).astype(bool)


def event_ids(ds: Dataset, wanted: str) -> set[str]:
    events = ds.events
    want = wanted.strip().casefold()
    ids = events["event_id"].astype("string")
    hit = _casefold(ids) == want
    hit |= events["date"].dt.strftime("%Y-%m-%d") == wanted.strip()
    for col in ("title_en", "title_zh"):
        hit |= _casefold(events[col]) == want
    found = set(ids[hit.fillna(False)])
    if not found:
        close = (
            difflib.get_close_matches(wanted, list(ids.dropna()), n=3, cutoff=0.5)
            if len(wanted) <= 100
            else []
        )
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise FilterError(f"no event {shown(wanted)}{hint}")
    return found
