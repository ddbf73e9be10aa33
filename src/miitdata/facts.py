"""Joined, labelled views of a loaded dataset: `facts()` (observations with labels) and `cite()` (quotes).

The CLI commands `miitdata show` and `miitdata cite` are thin wrappers around these functions, so the
Python API and the command line filter, label and cite in exactly the same way.

Filters (`indicator`, `region`, `event`, `source`) accept an id or a name, Chinese or English, matched
case-insensitively; region names also match without their generic suffix (`West`, `Western`,
`西部`, `四川` and `CN-SC`/`Sichuan`/`四川省`). `period` selects the observations whose period lies
within it (`2024` selects `2024-01/2024-02`; `2012/2021` selects the span and its two end years).
A filter value that names nothing raises `FilterError` (a `ValueError`) with the closest names.
"""

from __future__ import annotations

import difflib
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

LANGS = ("en", "zh")

# How a comparator reads in front of a number.
COMPARATOR_SIGNS = {"=": "", "~": "≈ ", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}
COMPARATOR_WORDS = {
    "=": "",
    "~": "nearly / about (近, 约)",
    ">": "more than (超过, 以上)",
    ">=": "at least (不低于)",
    "<": "less than (不足)",
    "<=": "at most (不超过)",
}

# How each unit reads after a number: (English, Chinese). Percent and multiples attach to the number.
UNIT_SUFFIXES: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage-points": (" pp", "个百分点"),
    "100m-yuan": (" 100 million yuan", " 亿元"),
    "10k-yuan-per-person": (" 10,000 yuan per person", " 万元/人"),
    "10k-tonnes-sce": (" 10,000 tonnes of standard coal", " 万吨标准煤"),
    "count": ("", ""),
    "times": ("×", "倍"),
}

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

FACT_COLUMNS = [
    "observation_id",
    "indicator",
    "region",
    "period",
    "comparator",
    "value",
    "unit",
    "display",
    "sources",
    "mentions",
    "indicator_id",
    "region_id",
    "event_id",
    "derived_by",
    "note",
]

QUOTE_COLUMNS = [
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
    "highlight_start",
    "highlight_end",
    "discrepancies",
    "citation",
    "path",
]


class FilterError(ValueError):
    """A filter value (indicator, region, period, event, source, observation id) names nothing."""


# ---------------------------------------------------------------------------------------------------
# Numbers as a person reads them


def format_number(value: float) -> str:
    """The shortest text of a number with thousands separators: 100000 → 100,000; 1887.5 → 1,887.5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = repr(float(value))
    if "e" in text or "inf" in text:
        return f"{float(value):,.12g}"
    if text.endswith(".0"):
        text = text[:-2]
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")


def format_value(value: float, unit: str | None, comparator: str | None = "=", lang: str = "en") -> str:
    """A value with its comparator and unit as a person reads it: `≈ 100,000 亿元`, `> 30%`, `1.6×`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    sign = COMPARATOR_SIGNS.get(str(comparator) if comparator is not None else "=", f"{comparator} ")
    en, zh = UNIT_SUFFIXES.get(str(unit), (f" {unit}", f" {unit}"))
    return f"{sign}{format_number(value)}{en if lang == 'en' else zh}"


# ---------------------------------------------------------------------------------------------------
# Filters


def _casefold(series: pd.Series) -> pd.Series:
    return series.astype("string").str.casefold()


def _strip_suffix(name: str) -> str:
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def _match(table: pd.DataFrame, key: str, wanted: str, what: str, *, loose: bool = False) -> set[str]:
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
        close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise FilterError(f"no {what} {wanted!r}{hint}")
    return found


def _period_filter(periods: pd.Series, wanted: str) -> pd.Series:
    """True where the observation's period lies within `wanted` (exact matches included)."""
    from miitdata.periods import PeriodError, parse_period

    try:
        lo, hi = parse_period(wanted.strip())
    except PeriodError as exc:
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


def _event_ids(ds: Dataset, wanted: str) -> set[str]:
    events = ds.events
    want = wanted.strip().casefold()
    ids = events["event_id"].astype("string")
    hit = _casefold(ids) == want
    hit |= events["date"].dt.strftime("%Y-%m-%d") == wanted.strip()
    for col in ("title_en", "title_zh"):
        hit |= _casefold(events[col]) == want
    found = set(ids[hit.fillna(False)])
    if not found:
        close = difflib.get_close_matches(wanted, list(ids.dropna()), n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise FilterError(f"no event {wanted!r}{hint}")
    return found


def _labelled(ds: Dataset, obs: pd.DataFrame, lang: str) -> pd.DataFrame:
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
    out["display"] = [
        format_value(v, u, c, lang)
        for v, u, c in zip(out["value"], out["unit"], out["comparator"], strict=True)
    ]
    out["display"] = out["display"].astype("string")
    return out


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
    """Observations joined with labels in `lang`, the value as read (`display`) and how many sources
    state it."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    obs = ds.observations
    if indicator is not None:
        obs = obs[obs["indicator_id"].isin(_match(ds.indicators, "indicator_id", indicator, "indicator"))]
    if region is not None:
        obs = obs[obs["region_id"].isin(_match(ds.regions, "region_id", region, "region", loose=True))]
    if period is not None:
        obs = obs[_period_filter(obs["period"], period).to_numpy()]
    if event is not None:
        obs = obs[obs["event_id"].isin(_event_ids(ds, event))]
    if source is not None:
        wanted = _match(ds.sources, "source_id", source, "source")
        stated = ds.mentions.loc[ds.mentions["source_id"].isin(wanted), "observation_id"]
        obs = obs[obs["observation_id"].isin(set(stated))]
    out = _labelled(ds, obs, lang)
    return out[FACT_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# Citations


def _clean(value: Any) -> Any:
    """A JSON-ready scalar: pandas NA/NaN → None, numpy numbers → Python numbers, timestamps → dates."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def resolve_observation(ds: Dataset, observation_id: str) -> str:
    """The canonical observation id (`o9`, `O9` and `o0009` → `O0009`); FilterError when there is none."""
    ids = set(ds.observations["observation_id"].astype("string"))
    text = observation_id.strip().upper()
    if text in ids:
        return text
    if text.startswith("O") and text[1:].isdigit():
        padded = f"O{int(text[1:]):04d}"
        if padded in ids:
            return padded
    close = difflib.get_close_matches(text, sorted(ids), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise FilterError(f"no observation {observation_id!r}{hint}")


def citation_text(source: dict[str, Any], quote: dict[str, Any], observation_id: str, version: str) -> str:
    """A ready-to-paste citation of one quote: the source's title, publisher, date, id and offsets."""
    publisher = source.get("publisher") or "Publisher not stated"
    return (
        f"“{quote['exact']}” — {source['title']}. {publisher}, {source['date_published']}. "
        f"miitdata source {source['source_id']}, characters {quote['start']}–{quote['end']}. "
        f"Cited from miitdata {version}, observation {observation_id}."
    )


def cite_record(ds: Dataset, observation_id: str) -> dict[str, Any]:
    """Everything about one figure, JSON-ready: the observation (labels in both languages), the
    discrepancies about it, how it is derived, and every quote of it grouped per source, each with
    its offsets, where `value_text` sits inside `exact`, the discrepancies about it and a citation."""
    oid = resolve_observation(ds, observation_id)
    row = ds.observations[ds.observations["observation_id"] == oid].iloc[0]
    ind = ds.indicators[ds.indicators["indicator_id"] == row["indicator_id"]]
    reg = ds.regions[ds.regions["region_id"] == row["region_id"]]
    ind_row = ind.iloc[0] if len(ind) else None
    reg_row = reg.iloc[0] if len(reg) else None
    unit = str(ind_row["unit"]) if ind_row is not None else None
    comparator = str(row["comparator"])
    observation = {
        "observation_id": oid,
        "indicator_id": row["indicator_id"],
        "indicator_en": ind_row["name_en"] if ind_row is not None else None,
        "indicator_zh": ind_row["name_zh"] if ind_row is not None else None,
        "region_id": row["region_id"],
        "region_en": reg_row["name_en"] if reg_row is not None else None,
        "region_zh": reg_row["name_zh"] if reg_row is not None else None,
        "period": row["period"],
        "value": row["value"],
        "comparator": comparator,
        "unit": unit,
        "display_en": format_value(row["value"], unit, comparator, "en"),
        "display_zh": format_value(row["value"], unit, comparator, "zh"),
        "event_id": row["event_id"],
        "derived_by": row["derived_by"],
        "note": row["note"],
    }
    observation = {k: _clean(v) for k, v in observation.items()}

    disc = ds.discrepancies
    rel = ds.relations
    # Relations this observation takes part in (as target or operand), and the one deriving it.
    involved = rel[
        (rel["target"] == oid) | rel["operands"].fillna("").str.split().map(lambda ops: oid in ops)
    ]
    derivation = None
    if observation["derived_by"]:
        r = rel[rel["relation_id"] == observation["derived_by"]]
        if len(r):
            r0 = r.iloc[0]
            derivation = {
                "relation_id": r0["relation_id"],
                "kind": str(r0["kind"]),
                "operands": str(_clean(r0["operands"]) or "").split(),
                "statement": _clean(r0["statement"]),
            }
    obs_disc = disc[
        ((disc["resource"] == "observations") & (disc["target"] == oid))
        | ((disc["resource"] == "relations") & disc["target"].isin(set(involved["relation_id"])))
    ]

    mentions = ds.mentions[ds.mentions["observation_id"] == oid].sort_values(["source_id", "start"])
    mention_disc = disc[(disc["resource"] == "mentions") & disc["target"].isin(set(mentions["mention_id"]))]
    src_cols = ["source_id", "title", "publisher", "date_published", "language", "kind", "machine_translated"]
    sources = ds.sources[src_cols]
    per_source: list[dict[str, Any]] = []
    for source_id, group in mentions.groupby("source_id", sort=True, observed=True):
        srow = sources[sources["source_id"] == source_id]
        source = _records(srow)[0] if len(srow) else {"source_id": source_id, "title": "?", "publisher": None}
        source.setdefault("date_published", None)
        quotes = []
        for q in _records(group.drop(columns=["observation_id", "source_id"])):
            exact, value_text = q.get("exact") or "", q.get("value_text") or ""
            at = exact.find(value_text) if value_text else -1
            q["highlight"] = [at, at + len(value_text)] if at >= 0 else None
            q["discrepancies"] = _records(mention_disc[mention_disc["target"] == q["mention_id"]])
            q["citation"] = citation_text(source, q, oid, ds.version)
            quotes.append(q)
        per_source.append({**source, "quotes": quotes})

    return {
        "dataset": {
            "name": ds.descriptor.get("name", "miitdata"),
            "version": ds.version,
            "path": str(ds.path),
        },
        "observation": observation,
        "derivation": derivation,
        "relations": _records(
            involved[["relation_id", "kind", "target", "operands", "expected", "statement"]]
        ),
        "discrepancies": _records(obs_disc),
        "sources": per_source,
    }


def cite(ds: Dataset, observation_id: str) -> pd.DataFrame:
    """Every quote of one observation, one row per quote (sorted by source and offset), with offsets, where
    the value sits in the quote (`highlight_start`/`highlight_end`), the ids of discrepancies about the
    quote and a ready-to-paste `citation`. `.attrs` holds the whole `cite_record()`: the figure
    (`attrs["observation"]`), its derivation and the discrepancies about the observation itself.
    Raises FilterError (a ValueError) for an unknown id."""
    import pandas as pd

    record = cite_record(ds, observation_id)
    rows = []
    for source in record["sources"]:
        for q in source["quotes"]:
            hl = q["highlight"] or [None, None]
            rows.append(
                {
                    **{k: source.get(k) for k in ("source_id", "language", "kind", "publisher", "title")},
                    "date_published": source.get("date_published"),
                    **{k: q.get(k) for k in ("mention_id", "start", "end", "exact", "value_text", "value")},
                    "prefix": q.get("prefix"),
                    "suffix": q.get("suffix"),
                    "highlight_start": hl[0],
                    "highlight_end": hl[1],
                    "discrepancies": " ".join(d["discrepancy_id"] for d in q["discrepancies"]),
                    "citation": q["citation"],
                    "path": None,
                }
            )
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    paths = dict(zip(ds.sources["source_id"], ds.sources["path"], strict=True))
    frame["path"] = frame["source_id"].map(paths)
    for col in ("start", "end", "highlight_start", "highlight_end"):
        frame[col] = frame[col].astype("Int64")
    frame.attrs.update(record)
    return frame
