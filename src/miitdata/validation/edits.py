"""Where a changed source text was most likely edited: the line `source-hash-mismatch` points at.

A source whose bytes no longer match its sha256 was edited somewhere. Its quotes (mentions) say what
the text read around each of them: the first character, in text order, where a quote's context
(prefix + exact + suffix) differs from the text now at its offsets is where the edit is (or, when the
edit shifted the text, the first quote after it). With no quote disturbed, line 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from miitdata.validation.context import records

if TYPE_CHECKING:
    from miitdata.validation.context import Context


def first_difference(text: str, quotes: list[tuple[Any, Any, Any, Any, Any]]) -> int | None:
    """The offset in `text` of the first character that differs from what a quote recorded there;
    `quotes` are (start, end, prefix, exact, suffix). None when every quote still reads true."""
    found: int | None = None
    for start, end, prefix, exact, suffix in quotes:
        if not all(isinstance(v, (int, float)) and v == v for v in (start, end)):
            continue
        pre = prefix if isinstance(prefix, str) else ""
        window = pre + (exact if isinstance(exact, str) else "") + (suffix if isinstance(suffix, str) else "")
        at = int(start) - len(pre)
        if at < 0:
            continue
        now = text[at : at + len(window)]
        if now == window:
            continue
        diff = next(
            (i for i, (a, b) in enumerate(zip(now, window, strict=False)) if a != b),
            min(len(now), len(window)),
        )
        if found is None or at + diff < found:
            found = at + diff
    return found


def locate_edits(ctx: Context, texts: Mapping[str, str]) -> None:
    """Point each `source-hash-mismatch` error at the line of its source where the edit most likely is."""
    changed = [e for e in ctx.errors if e.type == "source-hash-mismatch" and e.id is not None]
    mentions = ctx.typed.get("mentions")
    if not changed or mentions is None:
        for e in changed:
            e.line = e.line or 1
        return
    cols = ["source_id", "start", "end", "prefix", "exact", "suffix"]
    if not all(c in mentions.columns for c in cols):
        return
    wanted = {str(e.id) for e in changed}
    by_source: dict[str, list[tuple[Any, ...]]] = {sid: [] for sid in wanted}
    for sid, *quote in records(mentions, cols, index=False):
        if str(sid) in wanted:
            by_source[str(sid)].append(tuple(quote))
    for e in changed:
        text = texts.get(str(e.id))
        offset = first_difference(text, by_source[str(e.id)]) if text is not None else None
        e.line = 1 if offset is None or text is None else text.count("\n", 0, offset) + 1
