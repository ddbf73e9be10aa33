"""The numbers of a source that are not data yet: tokens no mention quotes and no exclusion lists.

A token (see `miitdata.curate.tokens`) is done when every one of its characters lies inside the
`exact` span (start..end) of a mention of its source, or inside an occurrence of an exclusion text
listed for that source (`*` = every source). `draft_rows` turns the rest into mention rows ready to
complete: the clause around the token as `exact`, the token as `value_text`, its parsed value.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from miitdata.curate.anchor import occurrences
from miitdata.curate.csvio import Row
from miitdata.curate.tokens import number_tokens

CONTEXT = 20  # characters of context either side of a token in reports
# where a clause ends: Chinese and English clause punctuation, a line break ("," and "." only
# before a space, so 5,000 and 30.5 stay whole)
CLAUSE_BREAK = re.compile(r"[，。；：！？;!?\n\r]|[,.:](?=\s|$)")
MAX_CLAUSE = 200  # at most this many characters of a clause either side of its token


@dataclass(frozen=True)
class Todo:
    source_id: str
    start: int
    end: int
    token: str
    context: str

    def as_dict(self) -> dict[str, object]:
        return {
            "source_id": self.source_id,
            "offset": self.start,
            "end": self.end,
            "token": self.token,
            "context": self.context,
        }


def covered_mask(source_id: str, text: str, mentions: Iterable[Row], exclusions: Iterable[Row]) -> bytearray:
    """1 for every character inside a mention of the source or an occurrence of one of its exclusions."""
    mask = bytearray(len(text))
    for m in mentions:
        if m.get("source_id") == source_id:
            try:
                start, end = int(m["start"]), int(m["end"])
            except (KeyError, ValueError):
                continue  # not anchored yet: `curate anchor` first
            mask[start:end] = b"\x01" * len(mask[start:end])
    for e in exclusions:
        if e.get("source_id") in (source_id, "*"):
            needle = e.get("text", "")
            for s in occurrences(text, needle):
                mask[s : s + len(needle)] = b"\x01" * len(needle)
    return mask


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    return text[max(0, start - width) : end + width].replace("\r", "⏎").replace("\n", "⏎")


def uncovered(source_id: str, text: str, mentions: Iterable[Row], exclusions: Iterable[Row]) -> list[Todo]:
    """Every number-like token of `text` with a character that is neither quoted nor excluded."""
    mask = covered_mask(source_id, text, mentions, exclusions)
    return [
        Todo(source_id, t.start, t.end, t.text, context(text, t.start, t.end))
        for t in number_tokens(text)
        if not all(mask[t.start : t.end])
    ]


class Clauses:
    """The clauses of one text: its clause breaks found once, so each lookup is a binary search (the
    drafts of a whole source take time linear in its length, not its length times its tokens)."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(CLAUSE_BREAK.finditer(text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The clause around text[start:end]: from the previous clause break to the next, stripped, and
        at most MAX_CLAUSE characters either side of the token (a text without punctuation)."""
        text = self.text
        i = bisect.bisect_right(self.ends, start) - 1
        lo = max(self.ends[i] if i >= 0 else 0, start - MAX_CLAUSE)
        j = bisect.bisect_left(self.starts, end)
        hi = min(self.starts[j] if j < len(self.starts) else len(text), end + MAX_CLAUSE)
        while lo < start and text[lo].isspace():
            lo += 1
        while hi > end and text[hi - 1].isspace():
            hi -= 1
        return lo, hi


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end] (one lookup; `Clauses` for many in one text)."""
    return Clauses(text).around(start, end)


@functools.lru_cache(maxsize=65536)
def parsed_value(token: str) -> str:
    """The token's value as `miitdata.numbers.parse` reads it (base units), blank if it cannot."""
    from miitdata.numbers import NumberParseError, parse
    from miitdata.schema import number_text

    try:
        return number_text(parse(token).value)
    except (NumberParseError, ValueError, OverflowError):
        return ""


def draft_rows(todos: Sequence[Todo], text: str, header: Sequence[str]) -> list[Row]:
    """One mention row per token, in the mentions columns: source_id, start/end of the clause,
    exact (the clause), value_text (the token), value; mention_id, observation_id and the rest blank.
    `curate anchor` fills prefix/suffix once the row is completed and pasted."""
    rows: list[Row] = []
    clauses = Clauses(text)
    for t in todos:
        lo, hi = clauses.around(t.start, t.end)
        row = dict.fromkeys(header, "")
        row.update(
            source_id=t.source_id,
            start=str(lo),
            end=str(hi),
            exact=text[lo:hi],
            value_text=t.token,
            value=parsed_value(t.token),
        )
        rows.append({k: row[k] for k in header})
    return rows
