"""The data model's meaning, checked: rules about what a figure is that the schemas cannot say.

- `check_status_hedges` (consistency, `status-contradicts-hedges`): an `actual` observation none of
  whose quotes may state it as an expectation or a plan. Hedges: 预计, 计划, 目标, 力争, 到YYYY年 at a clause
  start, and in English "expect(ed) to", "is/are expected", "plan(s/ned) to", "aim(s) to", "strive(s)
  to", "target(s) of/to/is/are", "within N years", "by (the end of) 20YY"; "will" counts only in a text
  that is not a machine translation (machine translations put actual figures in the future tense).
- `check_status_period` (consistency, `status-contradicts-period`): a forecast or a target is about a
  period not over when its event stated it (its period ends on or after the event's date); an actual
  or estimate figure is about a period that had begun (its period starts on or before the event's date).
- `check_exact_one_line` (provenance, `exact-not-one-line`): a mention's exact holds no line break.

Each check is vectorised over the column (pandas/pyarrow string methods), for packages of any size.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from miitdata.numbers.periods import PeriodError, parse_period
from miitdata.validation.context import Context

if TYPE_CHECKING:
    import pandas as pd

HEDGES_ANY = (
    r"预计|计划|目标|力争|(?:^|[，,；;：:、\s])到\s*(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年"
    r"|(?i:\b(?:expects?\s+to|expected\s+to|is\s+expected|are\s+expected|plans?\s+to|planned\s+to"
    r"|planning\s+to|aims?\s+to|aiming\s+to|strives?\s+to|striving\s+to|targets?\s+(?:of|to|is|are)"
    r"|targeted\s+to|within\s+(?:[0-9]+|two|three|four|five|ten)\s+years?"
    r"|by\s+(?:the\s+end\s+of\s+)?20[0-9]{2})\b)"
)
HEDGE_WILL = r"(?i:\bwill\b)"
# Literal anchors: every match of HEDGES_ANY / HEDGE_WILL contains one of them. RE2 (pyarrow) finds the
# few cells that hold an anchor, and Python's re, whose \b, \s and case folding the patterns are written
# for, decides on those cells only. The classes spell out the letters Python's case-insensitive matching
# equates with an ASCII one and RE2 does not (i with ı and İ); RE2 folds ſ with s and K with k itself.
ANCHORS_ANY = r"预计|计划|目标|力争|到|(?i:expect|plan|a[iıİ]m|str[iıİ]v|target|w[iıİ]th[iıİ]n|by)"
ANCHORS_WILL = r"(?i:w[iıİ]ll)"
LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].astype("string").fillna("")


def _matches(text: pd.Series, pattern: str, anchors: str) -> pd.Series:
    """Which cells `pattern` finds something in (Python's re), tried only on the cells with an anchor
    (found by pyarrow's RE2; without pyarrow, a plain install, every cell is tried)."""
    import numpy as np
    import pandas as pd

    from miitdata.validation.celltypes import arrow_text

    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return text.str.contains(pattern, regex=True).fillna(False).astype(bool)
    arr = arrow_text(text)
    if arr is None:
        arr = pa.array(text.tolist(), type=pa.large_string())
    maybe = np.asarray(pc.fill_null(pc.match_substring_regex(arr, anchors), False), dtype=bool)
    found = np.zeros(len(text), dtype=bool)
    at = np.flatnonzero(maybe)
    if len(at):
        tried = text.iloc[at].str.contains(pattern, regex=True)
        found[at] = tried.fillna(False).to_numpy(dtype=bool)
    return pd.Series(found, index=text.index)


def _first_match(text: str, pattern: str) -> str:
    import re

    found = re.search(pattern, text)
    return found.group(0).strip(" ，,；;：:、") if found else ""


def check_status_hedges(ctx: Context) -> None:
    """`status-contradicts-hedges` on each actual observation a quote states as an expectation or plan."""
    mentions, obs = ctx.typed.get("mentions"), ctx.typed.get("observations")
    ctx.check("status-contradicts-hedges", "observations")
    if mentions is None or obs is None or not len(mentions) or "status" not in obs.columns:
        return  # a package without observations.status (0.1.0) states no status to contradict
    is_actual = (obs["status"].astype("string") == "actual").fillna(False).to_numpy(dtype=bool)
    actual = mentions["observation_id"].isin(obs["observation_id"][is_actual]).to_numpy(dtype=bool)
    if not actual.any():
        return
    candidates = mentions[actual]
    text = _text(candidates, "exact")
    machine = [sid for sid, flag in _machine_translated(ctx).items() if flag]
    translated = candidates["source_id"].isin(machine).astype(bool)
    hedged = _matches(text, HEDGES_ANY, ANCHORS_ANY) | (
        _matches(text, HEDGE_WILL, ANCHORS_WILL) & ~translated
    )
    if not hedged.any():
        return
    rows = {oid: int(row) for row, oid in zip(obs.index, obs["observation_id"], strict=True)}
    seen: set[str] = set()
    for mid, oid, exact, mt in zip(
        candidates["mention_id"][hedged.to_numpy()],
        candidates["observation_id"][hedged.to_numpy()],
        text[hedged.to_numpy()],
        translated[hedged.to_numpy()],
        strict=True,
    ):
        if oid in seen:
            continue
        seen.add(oid)
        hedge = _first_match(exact, HEDGES_ANY) or ("" if mt else _first_match(exact, HEDGE_WILL))
        ctx.error(
            "status-contradicts-hedges",
            resource="observations",
            row=rows.get(oid),
            field="status",
            id=oid,
            observation_id=oid,
            mention_id=mid,
            hedge=hedge,
            refers=[("mentions", mid)],
        )


def _machine_translated(ctx: Context) -> dict[Any, bool]:
    sources = ctx.typed.get("sources")
    if sources is None or "machine_translated" not in sources:
        return {}
    flags = sources["machine_translated"].astype("boolean").fillna(False)
    return dict(zip(sources["source_id"], flags.astype(bool), strict=True))


def check_status_period(ctx: Context) -> None:
    """`status-contradicts-period`: forecasts and targets are about periods not over at their event,
    actual and estimate figures about periods already begun."""
    obs, events = ctx.typed.get("observations"), ctx.typed.get("events")
    ctx.check("status-contradicts-period", "observations")
    if obs is None or events is None or not len(obs):
        return
    if not {"period", "status", "event_id"} <= set(obs.columns) or "date" not in events.columns:
        return  # an older package (0.1.0) without these columns states nothing this rule reads
    dates: dict[Any, date] = {}
    for eid, when in zip(events["event_id"], events["date"], strict=True):
        if when is not None and when == when:  # not NaT
            dates[eid] = when.date() if hasattr(when, "date") else when
    bounds: dict[str, tuple[date, date] | None] = {}
    cols = ["observation_id", "period", "status", "event_id"]
    for row, oid, period, status, eid in obs[cols].itertuples(name=None):
        if not isinstance(period, str) or not isinstance(status, str) or eid not in dates:
            continue
        if period not in bounds:
            try:
                bounds[period] = parse_period(period)
            except PeriodError:
                bounds[period] = None  # period-invalid says so
        span = bounds[period]
        if span is None:
            continue
        when = dates[eid]
        why = None
        if status in ("forecast", "target") and span[1] < when:
            why = f"a period that ended ({span[1].isoformat()}) before"
        elif status in ("actual", "estimate") and span[0] > when:
            why = f"a period that begins ({span[0].isoformat()}) after"
        if why:
            ctx.error(
                "status-contradicts-period",
                resource="observations",
                row=int(row),
                field="status",
                id=oid,
                observation_id=oid,
                status=status,
                period=period,
                why=why,
                event_id=eid,
                date=when.isoformat(),
            )


def check_exact_one_line(ctx: Context) -> None:
    """`exact-not-one-line` on each mention whose exact holds a line break (LF, CR, U+2028 …)."""
    mentions = ctx.typed.get("mentions")
    ctx.check("exact-not-one-line", "mentions")
    if mentions is None or not len(mentions):
        return
    text = _text(mentions, "exact")
    breaks = "[" + LINE_BREAKS + "]"  # the characters themselves: both regex engines read them alike
    broken = _matches(text, breaks, breaks)
    for row, mid, exact in zip(
        mentions.index[broken.to_numpy()],
        mentions["mention_id"][broken.to_numpy()],
        text[broken.to_numpy()],
        strict=True,
    ):
        at = min(i for i in (exact.find(c) for c in LINE_BREAKS) if i >= 0)
        ctx.error(
            "exact-not-one-line",
            resource="mentions",
            row=int(row),
            field="exact",
            id=mid,
            mention_id=mid,
            at=at,
        )
