"""Every quote of one figure, per source, with offsets, the value's place and a ready-to-paste citation."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from miitdata.errors import FilterError
from miitdata.query.filters import RetiredIdError, shown
from miitdata.query.format import format_value
from miitdata.query.records import clean, records
from miitdata.roles import creators

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

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


def resolve_observation(ds: Dataset, observation_id: str) -> str:
    """The canonical observation id (`o9`, `O9` and `o0009` → `O0009`); FilterError when there is none,
    saying what replaced it when the id is retired (any retired id: a mention's too)."""
    ids = set(ds.observations["observation_id"].astype("string"))
    text = observation_id.strip().upper()
    if text in ids:
        return text
    if text.startswith("O") and text[1:].isascii() and text[1:].isdigit() and len(text) <= 20:
        padded = f"O{int(text[1:]):04d}"
        if padded in ids:
            return padded
    from miitdata.query.retired import retired_message, retirement

    retired = retirement(ds, text if text in ids or not text.startswith("O") else _padded(text))
    if retired is not None:
        raise RetiredIdError(retired_message(retired))
    close = difflib.get_close_matches(text, sorted(ids), n=3, cutoff=0.6) if len(text) <= 100 else []
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise FilterError(f"no observation {shown(observation_id)}{hint}")


def _padded(text: str) -> str:
    """`O9` → `O0009` (ids as written in the tables); other text unchanged."""
    if text[1:].isascii() and text[1:].isdigit() and len(text) <= 20:
        return f"O{int(text[1:]):04d}"
    return text


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
    its offsets, where `value_text` sits inside `exact`, the discrepancies about it and a citation.

    Long because: one JSON record assembled in reading order (figure, derivation, sources, quotes,
    discrepancies) from lookups they share."""
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
        # actual, estimate, forecast or target; None for versions before 0.3 (no status column)
        "status": row["status"] if "status" in row.index else None,
        "unit": unit,
        "display_en": format_value(row["value"], unit, comparator, "en"),
        "display_zh": format_value(row["value"], unit, comparator, "zh"),
        "event_id": row["event_id"],
        "derived_by": row["derived_by"],
        "note": row["note"],
    }
    observation = {k: clean(v) for k, v in observation.items()}

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
                "operands": str(clean(r0["operands"]) or "").split(),
                "statement": clean(r0["statement"]),
            }
    # A discrepancy concerns each id of its (space-separated) target.
    targets = disc["target"].fillna("").astype(str).str.split()
    rel_ids = set(involved["relation_id"])
    obs_disc = disc[
        ((disc["resource"] == "observations") & targets.map(lambda ids: oid in ids))
        | ((disc["resource"] == "relations") & targets.map(lambda ids: bool(rel_ids.intersection(ids))))
    ]

    mentions = ds.mentions[ds.mentions["observation_id"] == oid].sort_values(["source_id", "start"])
    mention_ids = set(mentions["mention_id"])
    mention_disc = disc[
        (disc["resource"] == "mentions") & targets.map(lambda ids: bool(mention_ids.intersection(ids)))
    ]
    mention_targets = targets[mention_disc.index]
    src_cols = ["source_id", "title", "publisher", "date_published", "language", "kind", "machine_translated"]
    sources = ds.sources[src_cols]
    per_source: list[dict[str, Any]] = []
    event_of = dict(zip(ds.sources["source_id"].astype(str), ds.sources["event_id"].astype(str), strict=True))
    hosts = dict(zip(ds.events["event_id"].astype(str), ds.events["host"].astype(str), strict=True))
    for source_id, group in mentions.groupby("source_id", sort=True, observed=True):
        srow = sources[sources["source_id"] == source_id]
        source = records(srow)[0] if len(srow) else {"source_id": source_id, "title": "?", "publisher": None}
        source.setdefault("date_published", None)
        # the institution the source is cited under: its publisher, else the host of its press conference
        source["author"] = source.get("publisher") or hosts.get(event_of.get(str(source_id), ""))
        quotes = []
        for q in records(group.drop(columns=["observation_id", "source_id"])):
            exact, value_text = q.get("exact") or "", q.get("value_text") or ""
            at = exact.find(value_text) if value_text else -1
            q["highlight"] = [at, at + len(value_text)] if at >= 0 else None
            mid = q["mention_id"]
            q["discrepancies"] = records(mention_disc[mention_targets.map(lambda ids, m=mid: m in ids)])
            q["citation"] = citation_text(source, q, oid, ds.version)
            quotes.append(q)
        per_source.append({**source, "quotes": quotes})

    return {
        "dataset": {
            "name": ds.descriptor.get("name", "miitdata"),
            "version": ds.version,
            "path": str(ds.path),
            "title": ds.descriptor.get("title"),
            "created": str(ds.descriptor.get("created") or "")[:10] or None,
            "url": ds.descriptor.get("id") or ds.descriptor.get("homepage"),
            "license": next((str(li.get("name")) for li in ds.descriptor.get("licenses") or []), None),
            "authors": creators(ds.descriptor),
        },
        "observation": observation,
        "derivation": derivation,
        "relations": records(
            involved[["relation_id", "kind", "target", "operands", "expected", "statement"]]
        ),
        "discrepancies": records(obs_disc),
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
