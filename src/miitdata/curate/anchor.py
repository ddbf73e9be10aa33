"""Anchor every mention: offsets and context computed from its verbatim quote, never typed.

W3C Web Annotation anchoring (TextQuoteSelector + TextPositionSelector): `exact` is looked up in
its source; when it occurs more than once, the occurrence nearest the row's current `start` wins
(ties: the earlier one; a blank `start`: the first occurrence). `start`/`end` are code-point
offsets, end exclusive; `prefix`/`suffix` are the `CONTEXT` code points around the quote (fewer at
the text's ends). When the mentions schema has `value_start`/`value_end`, they are set to the
occurrence of `value_text` inside the quote nearest the current `value_start` (absolute offsets
into the source; a blank hint: the first occurrence). No other column is touched, so anchoring a
correct package changes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from miitdata.curate.csvio import Row
from miitdata.validation.layers.provenance import CONTEXT

VALUE_FIELDS = ("value_start", "value_end")


@dataclass(frozen=True)
class Change:
    """One cell anchoring would change."""

    mention_id: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Missing:
    """A mention whose quote (or value text) is not in its source, with the closest passage there."""

    mention_id: str
    source_id: str
    what: str  # "exact", "value_text" or "source"
    needle: str
    passage_start: int = 0
    passage: str = ""


@dataclass
class Result:
    rows: list[Row]
    changes: list[Change] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> Iterator[int]:
    """Every start of `needle` in text[lo:hi] (overlapping ones too), as offsets into `text`."""
    hi = len(text) if hi is None else hi
    if not needle:
        return
    i = text.find(needle, lo, hi)
    while i != -1:
        yield i
        i = text.find(needle, i + 1, hi)


def nearest(starts: Sequence[int] | Iterator[int], hint: int | None) -> int | None:
    """The start nearest `hint` (ties: the earlier); the first when there is no hint; None if none."""
    found = list(starts)
    if not found:
        return None
    if hint is None:
        return found[0]
    return min(found, key=lambda s: (abs(s - hint), s))


def _int(cell: str | None) -> int | None:
    try:
        return int(cell) if cell not in (None, "") else None
    except ValueError:
        return None


def closest_passage(text: str, needle: str) -> tuple[int, str]:
    """The passage of `text` most like `needle` (difflib ratio over windows of its length)."""
    n = max(len(needle), 1)
    if len(text) <= n:
        return 0, text
    step = max(1, n // 4)
    starts = list(range(0, len(text) - n + 1, step))

    def score(start: int) -> float:
        matcher = difflib.SequenceMatcher(None, text[start : start + n], needle, autojunk=False)
        return matcher.ratio()

    best = max(starts, key=score)
    for start in range(max(0, best - step), min(len(text) - n, best + step) + 1):
        if score(start) > score(best):
            best = start
    return best, text[best : best + n]


def anchor_row(row: Row, text: str, value_fields: bool) -> Row | Missing:
    """The row with its anchoring columns computed from `text`, or what could not be found."""
    mid, sid, exact = row.get("mention_id", ""), row.get("source_id", ""), row.get("exact", "")
    start = nearest(occurrences(text, exact), _int(row.get("start")))
    if start is None:
        passage_start, passage = closest_passage(text, exact)
        return Missing(mid, sid, "exact", exact, passage_start, passage)
    end = start + len(exact)
    new = dict(row)
    new.update(
        start=str(start),
        end=str(end),
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )
    if value_fields:
        value_text = row.get("value_text", "")
        hint = _int(row.get("value_start"))
        within = [s for s in occurrences(text, value_text, start, end) if s + len(value_text) <= end]
        vstart = nearest(within, hint)
        if vstart is None:
            return Missing(mid, sid, "value_text", value_text, start, exact)
        new.update(value_start=str(vstart), value_end=str(vstart + len(value_text)))
    return new


def anchor_rows(header: Sequence[str], rows: Sequence[Row], texts: Mapping[str, str]) -> Result:
    """Anchor every row; `header` says whether value_start/value_end exist. Pure: returns new rows."""
    value_fields = all(name in header for name in VALUE_FIELDS)
    columns = ["start", "end", "prefix", "suffix", *(VALUE_FIELDS if value_fields else ())]
    result = Result(rows=[])
    for row in rows:
        sid = row.get("source_id", "")
        if sid not in texts:
            result.missing.append(Missing(row.get("mention_id", ""), sid, "source", sid))
            result.rows.append(dict(row))
            continue
        new = anchor_row(row, texts[sid], value_fields)
        if isinstance(new, Missing):
            result.missing.append(new)
            result.rows.append(dict(row))
            continue
        for name in columns:
            if new.get(name, "") != row.get(name, ""):
                result.changes.append(Change(row.get("mention_id", ""), name, row.get(name, ""), new[name]))
        result.rows.append(new)
    return result


def describe_missing(m: Missing) -> str:
    """A few lines for a curator: which mention, what is missing, and the closest passage."""
    if m.what == "source":
        return f"{m.mention_id}: unknown source {m.source_id!r}"
    where = "its source" if m.what == "exact" else "its exact"
    return (
        f"{m.mention_id}: {m.what} not found in {where} ({m.source_id}): {m.needle!r}\n"
        f"  closest passage at {m.source_id}@{m.passage_start}: {m.passage!r}"
    )
