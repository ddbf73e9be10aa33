"""Layer 4, cross-source consistency: what each quote says agrees with its value and with the fact.

For every mention: `miitdata.numbers` parses `value_text`; converted to the indicator's unit it must
equal the mention's `value` within the precision it was written with (1.1万 is 11 000 ± 500).
Each mention's value and comparator must agree with its observation's, and the mentions of one
observation with each other. Observations that are not derived must be stated by some mention;
derived ones by none. No two mentions quote the same span of one source for one observation; an
observation's event is the event of every source quoting it; an observation is not `=` when every
quote of it is hedged `~`.

Vectorised: each distinct (value_text, unit) is parsed once, each distinct observation looked up
once; the comparisons run column-wise (numpy) and Python loops only over the rows that fail.
"""

from __future__ import annotations

from typing import Any

from miitdata.schema import number_text
from miitdata.validation.context import Context, records
from miitdata.validation.readings import (
    agree_mask,
    comparators_agree,
    half_unit,
    is_number,
    numbers,
    readings,
)

CODES = (
    "value-text-unparsed", "value-text-mismatch", "mention-disagrees", "mentions-disagree",
    "observation-unmentioned", "derived-mentioned", "duplicate-mention", "event-mismatch",
    "comparator-contradicts-hedges",
)  # fmt: skip


def run(ctx: Context) -> None:
    check_mention_rows(ctx)
    _run(ctx)


def _run(ctx: Context) -> None:
    import numpy as np
    import pandas as pd

    mentions, obs = ctx.typed.get("mentions"), ctx.typed.get("observations")
    if mentions is None or obs is None:
        return
    read = readings(ctx)
    for check in ("mention-disagrees", "mentions-disagree", "observation-unmentioned", "derived-mentioned"):
        ctx.check(check, "mentions" if check == "mention-disagrees" else "observations")
    facts = {
        oid: (value, comparator, row)
        for row, oid, value, comparator in records(obs, ["observation_id", "value", "comparator"])
    }
    # Each distinct observation of the mentions, looked up once.
    oid_codes, oid_uniques = pd.factorize(mentions["observation_id"], use_na_sentinel=False)
    oids = list(oid_uniques)
    stated = np.zeros(len(oids), dtype=bool)  # in facts, with a number as its value
    o_values = np.full(len(oids), np.nan)
    o_halves = np.full(len(oids), np.nan)  # half a unit of each observation's value text
    o_comp_names: list[Any] = []
    o_comp_code: dict[Any, int] = {}
    o_comps = np.zeros(len(oids), dtype=np.int64)
    for k, oid in enumerate(oids):
        if oid not in facts:
            continue
        o_value, o_comp, _ = facts[oid]
        if not is_number(o_value):
            continue
        stated[k], o_values[k], o_halves[k] = True, float(o_value), half_unit(number_text(o_value))
        if o_comp not in o_comp_code:
            o_comp_code[o_comp] = len(o_comp_names)
            o_comp_names.append(o_comp)
        o_comps[k] = o_comp_code[o_comp]
    value = numbers(mentions["value"])
    consider = stated[oid_codes] & ~np.isnan(value) if len(oid_codes) else np.zeros(0, dtype=bool)
    precision = read.precision.copy()
    comparator = read.comparator.copy()
    for i in np.flatnonzero(consider & ~read.has).tolist():  # no reading: the CSV text's precision
        precision[i] = half_unit(repr(float(value[i])))
        comparator[i] = "="
    code = oid_codes[consider]
    v, p = value[consider], precision[consider]
    same_value = agree_mask(v, o_values[code], p + o_halves[code])
    comp_codes, comp_names = pd.factorize(comparator[consider])
    table = np.array(
        [[not isinstance(o, str) or comparators_agree(c, o) for o in o_comp_names] for c in comp_names],
        dtype=bool,
    ).reshape(len(comp_names), len(o_comp_names))
    same = same_value & (table[comp_codes, o_comps[code]] if len(code) else same_value)
    considered = np.flatnonzero(consider)
    if not same.all():
        failing = considered[~same]
        rows = mentions.index[failing].tolist()
        mids = mentions["mention_id"].take(failing).tolist()
        for i, row, mid in zip(failing.tolist(), rows, mids, strict=True):
            oid = oids[oid_codes[i]]
            o_value, o_comp, _ = facts[oid]
            ctx.error(
                "mention-disagrees",
                "mentions",
                int(row),
                "value",
                mid,
                comparator=comparator[i],
                value=float(value[i]),
                observation_id=oid,
                o_comparator=o_comp,
                o_value=float(o_value),
            )
    # The mentions of one observation that agree with it must agree with each other: the lowest
    # upper bound (first such row) must not lie below the highest lower bound (first such row).
    agreeing = considered[same]
    if len(agreeing):
        frame = pd.DataFrame(
            {"code": oid_codes[agreeing], "low": value[agreeing] + precision[agreeing],
             "high": value[agreeing] - precision[agreeing]}
        )  # fmt: skip
        groups = frame.groupby("code", sort=False)
        low_at = agreeing[groups["low"].idxmin().to_numpy()]
        high_at = agreeing[groups["high"].idxmax().to_numpy()]
        hv, lo_end, hi_end = (
            value[high_at],
            value[low_at] + precision[low_at],
            value[high_at] - precision[high_at],
        )
        with np.errstate(invalid="ignore"):
            apart = hi_end > lo_end + 1e-9 * np.maximum(1.0, np.abs(hv))
        for lo_i, hi_i in zip(low_at[apart].tolist(), high_at[apart].tolist(), strict=True):
            oid = oids[oid_codes[lo_i]]
            low, high = (str(m) for m in mentions["mention_id"].take([lo_i, hi_i]).tolist())
            ctx.error(
                "mentions-disagree",
                "observations",
                int(facts[oid][2]),
                "value",
                oid,
                low=low,
                low_value=float(value[lo_i]),
                high=high,
                high_value=float(value[hi_i]),
            )
    mentioned = {oid for oid in oids if not pd.isna(oid)}
    for row, oid, derived in records(obs, ["observation_id", "derived_by"]):
        is_derived = isinstance(derived, str)
        if not is_derived and oid not in mentioned:
            ctx.error(
                "observation-unmentioned", "observations", int(row), "observation_id", oid, observation_id=oid
            )
        if is_derived and oid in mentioned:
            ctx.error(
                "derived-mentioned",
                "observations",
                int(row),
                "derived_by",
                oid,
                observation_id=oid,
                derived_by=derived,
            )


def check_mention_rows(ctx: Context) -> None:
    """duplicate-mention, event-mismatch and comparator-contradicts-hedges (row loops over mentions)."""
    mentions, obs = ctx.typed.get("mentions"), ctx.typed.get("observations")
    if mentions is None or obs is None:
        return
    sources = ctx.typed.get("sources")
    for check in ("duplicate-mention", "event-mismatch"):
        ctx.check(check, "mentions")
    ctx.check("comparator-contradicts-hedges", "observations")
    source_event = (
        {s: e for s, e in records(sources, ["source_id", "event_id"], index=False) if isinstance(e, str)}
        if sources is not None and "event_id" in sources.columns
        else {}
    )
    facts = {
        oid: (int(row), event, comparator)
        for row, oid, event, comparator in records(obs, ["observation_id", "event_id", "comparator"])
    }
    read = readings(ctx)
    first: dict[tuple[Any, ...], Any] = {}
    hedges: dict[Any, list[tuple[Any, Any]]] = {}
    cols = ["mention_id", "observation_id", "source_id", "start", "end"]
    for (row, mid, oid, sid, start, end), comparator in zip(
        records(mentions, cols), read.comparator.tolist(), strict=True
    ):
        key = (sid, start, end, oid)
        if all(isinstance(v, str) for v in (sid, oid)) and key in first:
            ctx.error(
                "duplicate-mention", "mentions", int(row), "start", mid, mention_id=mid, first=first[key]
            )
        else:
            first.setdefault(key, mid)
        if oid not in facts:
            continue  # a foreign-key error
        hedges.setdefault(oid, []).append((mid, comparator))
        o_event, s_event = facts[oid][1], source_event.get(sid)
        if isinstance(o_event, str) and s_event is not None and s_event != o_event:
            ctx.error(
                "event-mismatch",
                "mentions",
                int(row),
                "observation_id",
                mid,
                observation_id=oid,
                event_id=o_event,
                mention_id=mid,
                source_id=sid,
                source_event=s_event,
            )
    for oid, quoted in hedges.items():
        row, _, comparator = facts[oid]
        if comparator == "=" and all(c == "~" for _, c in quoted):
            ctx.error(
                "comparator-contradicts-hedges",
                "observations",
                row,
                "comparator",
                oid,
                observation_id=oid,
                mentions=" ".join(str(m) for m, _ in quoted),
            )
