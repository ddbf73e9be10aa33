"""Layer 4, cross-source consistency: what each quote says agrees with its value and with the fact.

For every mention: `miitdata.numbers` parses `value_text`; converted to the indicator's unit it must
equal the mention's `value` within the precision it was written with (1.1万 is 11 000 ± 500).
Each mention's value and comparator must agree with its observation's, and the mentions of one
observation with each other. Observations that are not derived must be stated by some mention;
derived ones by none. No two mentions quote the same span of one source for one observation; an
observation's event is the event of every source quoting it; an observation is not `=` when every
quote of it is hedged `~`. A retired id is in no table, and its replacement is (`validation.retired`).

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
    observation_codes,
    readings,
)
from miitdata.validation.report import Error
from miitdata.validation.retired import check_retired

CODES = (
    "value-text-unparsed", "value-text-mismatch", "mention-disagrees", "mentions-disagree",
    "observation-unmentioned", "derived-mentioned", "duplicate-mention", "event-mismatch",
    "comparator-contradicts-hedges", "observation-disagrees", "status-contradicts-hedges",
    "status-contradicts-period",
    "comparator-contradicts-hedges", "retired-id-in-use", "retired-invalid",
)  # fmt: skip


def run(ctx: Context) -> None:
    from miitdata.validation.meaning import check_status_hedges, check_status_period

    check_mention_rows(ctx)
    _run(ctx)
    check_status_hedges(ctx)
    check_status_period(ctx)
    check_retired(ctx)


def _run(ctx: Context) -> None:
    import numpy as np
    import pandas as pd

    mentions, obs = ctx.typed.get("mentions"), ctx.typed.get("observations")
    if mentions is None or obs is None:
        return
    read = readings(ctx)
    for check in (
        "mention-disagrees", "mentions-disagree", "observation-unmentioned", "derived-mentioned",
        "observation-disagrees",
    ):  # fmt: skip
        ctx.check(check, "mentions" if check == "mention-disagrees" else "observations")
    facts = {
        oid: (value, comparator, row)
        for row, oid, value, comparator in records(obs, ["observation_id", "value", "comparator"])
    }
    # Each distinct observation of the mentions, looked up once.
    oid_codes, oid_uniques = observation_codes(ctx)
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
        edits = _likely_edits(ctx, oids, oid_codes, considered, failing, rows, mids, value, comparator, facts)
        for i, row, mid in zip(failing.tolist(), rows, mids, strict=True):
            oid = oids[oid_codes[i]]
            o_value, o_comp, _ = facts[oid]
            ctx.error(
                "mention-disagrees",
                follows=edits.get(oid),
                resource="mentions",
                row=int(row),
                field="value",
                id=mid,
                comparator=comparator[i],
                value=float(value[i]),
                observation_id=oid,
                o_comparator=o_comp,
                o_value=float(o_value),
            )
    # The mentions of one observation that agree with it must agree with each other.
    _check_mentions_agree(ctx, mentions, facts, oids, oid_codes, considered[same], value, precision)
    _check_stated_or_derived(ctx, obs, oids)


def _check_mentions_agree(
    ctx: Context,
    mentions: Any,
    facts: dict[Any, tuple[Any, Any, Any]],
    oids: list[Any],
    oid_codes: Any,
    agreeing: Any,
    value: Any,
    precision: Any,
) -> None:
    """mentions-disagree: among the mentions of one observation that agree with it (rows `agreeing`),
    the lowest upper bound (first such row) must not lie below the highest lower bound (first such row)."""
    import numpy as np
    import pandas as pd

    if not len(agreeing):
        return
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
            resource="observations",
            row=int(facts[oid][2]),
            field="value",
            id=oid,
            low=low,
            low_value=float(value[lo_i]),
            high=high,
            high_value=float(value[hi_i]),
        )


def _check_stated_or_derived(ctx: Context, obs: Any, oids: list[Any]) -> None:
    """observation-unmentioned (a figure no quote states and no relation derives) and derived-mentioned
    (a derived figure some quote states); `oids`: the observations the mentions quote."""
    import pandas as pd

    mentioned = {oid for oid in oids if not pd.isna(oid)}
    for row, oid, derived in records(obs, ["observation_id", "derived_by"]):
        is_derived = isinstance(derived, str)
        if not is_derived and oid not in mentioned:
            ctx.error(
                "observation-unmentioned",
                resource="observations",
                row=int(row),
                field="observation_id",
                id=oid,
                observation_id=oid,
            )
        if is_derived and oid in mentioned:
            ctx.error(
                "derived-mentioned",
                resource="observations",
                row=int(row),
                field="derived_by",
                id=oid,
                observation_id=oid,
                derived_by=derived,
            )


def _likely_edits(
    ctx: Context,
    oids: list[Any],
    oid_codes: Any,
    considered: Any,
    failing: Any,
    rows: list[Any],
    mids: list[Any],
    value: Any,
    comparator: Any,
    facts: dict[Any, tuple[Any, Any, Any]],
) -> dict[Any, Error]:
    """`observation-disagrees` for each observation whose value disagrees with every one of its quotes:
    its own row is the likely edit. Names each quote with its file and line. {observation id: error}."""
    import numpy as np

    from miitdata.validation.locate import Locator

    n_all = np.bincount(oid_codes[considered], minlength=len(oids))
    n_fail = np.bincount(oid_codes[failing], minlength=len(oids))
    edited = sorted({int(k) for k in oid_codes[failing].tolist() if n_fail[k] == n_all[k]})
    if not edited:
        return {}
    wanted = set(edited)
    quotes: dict[int, list[tuple[int, Any, int]]] = {k: [] for k in edited}
    for i, row, mid in zip(failing.tolist(), rows, mids, strict=True):
        if int(oid_codes[i]) in wanted:
            quotes[int(oid_codes[i])].append((i, mid, int(row)))
    locator = Locator(ctx.package)
    lines = locator.record_lines("mentions", [r for qs in quotes.values() for _, _, r in qs])
    path = str(ctx.package.resources["mentions"]["path"])
    out: dict[Any, Error] = {}
    for k in edited:
        oid = oids[k]
        o_value, o_comp, o_row = facts[oid]
        shown = "; ".join(
            f"{mid} says {comparator[i]} {float(value[i]):g} ({path}:{lines.get(r, r)})"
            for i, mid, r in quotes[k]
        )
        error = ctx.error(
            "observation-disagrees",
            resource="observations",
            row=int(o_row),
            field="value",
            id=oid,
            observation_id=oid,
            o_comparator=o_comp,
            o_value=float(o_value),
            n=len(quotes[k]),
            quotes=shown,
        )
        if error is not None:
            out[oid] = error
    return out


def check_mention_rows(ctx: Context) -> None:
    """duplicate-mention, event-mismatch and comparator-contradicts-hedges.

    Column-wise: each distinct observation and source is looked up once, the (source, start, end,
    observation) keys are numbered with `pd.factorize`; Python loops only over the rows that fail, in
    row order (duplicate-mention and event-mismatch interleaved, as a row loop files them).

    Long because: one vectorised pass: the three checks share the factorized observation, source and key
    codes."""
    import numpy as np
    import pandas as pd

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
    n = len(mentions)
    oid_codes, oids = observation_codes(ctx)
    sid_codes, sids = pd.factorize(mentions["source_id"], use_na_sentinel=False)
    oid_list, sid_list = list(oids), list(sids)
    # duplicate-mention: a later row with the (source, start, end, observation) of an earlier one.
    keyed = (
        np.fromiter((isinstance(o, str) for o in oid_list), bool, len(oid_list))[oid_codes]
        & (np.fromiter((isinstance(s, str) for s in sid_list), bool, len(sid_list))[sid_codes])
    )
    first_row = first_rows([sid_codes, sortable(mentions["start"]), sortable(mentions["end"]), oid_codes])
    duplicate = keyed & (first_row != np.arange(n))
    # event-mismatch: the observation's event is not the event of the mention's source.
    events: dict[str, int] = {}
    in_facts = np.fromiter((o in facts for o in oid_list), bool, len(oid_list))
    o_events = [facts[o][1] if o in facts else None for o in oid_list]
    s_events = [source_event.get(s) for s in sid_list]
    o_event = np.array([events.setdefault(e, len(events)) if isinstance(e, str) else -1 for e in o_events])
    s_event = np.array([events.setdefault(e, len(events)) if e is not None else -1 for e in s_events])
    row_o_event = o_event.astype(np.int64)[oid_codes] if n else oid_codes
    row_s_event = s_event.astype(np.int64)[sid_codes] if n else sid_codes
    mismatch = (row_o_event >= 0) & (row_s_event >= 0) & (row_o_event != row_s_event)
    failing = np.flatnonzero(duplicate | mismatch)
    if len(failing):
        rows = mentions.index[failing].tolist()
        mid_col = mentions["mention_id"]
        mids = mid_col.take(failing).tolist()
        firsts = mid_col.take(first_row[failing]).tolist()
        for i, row, mid, first in zip(failing.tolist(), rows, mids, firsts, strict=True):
            if duplicate[i]:
                ctx.error(
                    "duplicate-mention",
                    resource="mentions",
                    row=int(row),
                    field="start",
                    id=mid,
                    mention_id=mid,
                    first=first,
                )
            if mismatch[i]:
                oid, sid = oid_list[oid_codes[i]], sid_list[sid_codes[i]]
                ctx.error(
                    "event-mismatch",
                    resource="mentions",
                    row=int(row),
                    field="observation_id",
                    id=mid,
                    observation_id=oid,
                    event_id=facts[oid][1],
                    mention_id=mid,
                    source_id=sid,
                    source_event=source_event[sid],
                )
    # comparator-contradicts-hedges: an `=` observation every quote of which is hedged `~`.
    if not n:
        return
    quoted = in_facts[oid_codes]
    hedged = np.asarray(read.comparator == "~", dtype=bool)
    count = np.bincount(oid_codes[quoted], minlength=len(oid_list))
    tilde = np.bincount(oid_codes[quoted & hedged], minlength=len(oid_list))
    suspects = [
        k
        for k in np.flatnonzero((count > 0) & (count == tilde)).tolist()
        if isinstance(c := facts[oid_list[k]][2], str) and c == "="
    ]  # codes number the observations in order of first mention, the order a row loop meets them
    if not suspects:
        return
    chosen = np.zeros(len(oid_list), dtype=bool)
    chosen[suspects] = True
    at = np.flatnonzero(quoted & chosen[oid_codes])
    by_code: dict[int, list[str]] = {k: [] for k in suspects}
    for k, mid in zip(oid_codes[at].tolist(), mentions["mention_id"].take(at).tolist(), strict=True):
        by_code[k].append(str(mid))
    for k in suspects:
        oid = oid_list[k]
        ctx.error(
            "comparator-contradicts-hedges",
            resource="observations",
            row=facts[oid][0],
            field="comparator",
            id=oid,
            observation_id=oid,
            mentions=" ".join(by_code[k]),
        )


def sortable(column: Any) -> Any:
    """A column as an array whose == is `pd.factorize`'s equality (missing equals missing): float64 with
    missing as -inf for a numeric column (whole offsets are finite), else its factorize codes."""
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
        if not np.isinf(values).any():
            return np.where(np.isnan(values), -np.inf, values)
    return pd.factorize(column, use_na_sentinel=False)[0].astype(np.int64)


def first_rows(parts: list[Any]) -> Any:
    """For each row, the first row with the same key (the tuple of `parts`, arrays of one length): one
    stable sort of the keys, then each run of equal keys points at its first member."""
    import numpy as np

    n = len(parts[0]) if parts else 0
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort(parts[::-1])  # the first part is the primary key; stable: ties keep row order
    starts = np.ones(n, dtype=bool)
    for part in parts:
        ordered = part[order]
        starts[1:] &= ordered[1:] == ordered[:-1]
    starts[1:] = ~starts[1:]
    group = np.cumsum(starts) - 1
    first = np.empty(n, dtype=np.int64)
    first[order] = order[starts][group]
    return first
