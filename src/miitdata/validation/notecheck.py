"""The provenance rule `quote-not-in-source`: every quote in a note, explanation or reason cell is verbatim.

Each span that `miitdata.validation.quotes.quotes` finds in a free-text cell must be in one of the
sources the row names or concerns:

- the source ids the cell names (S003), and the sources of the mentions and observations it names;
- the row's own sources: a mention's source; an observation's mentions' sources; a relation's target's
  and operands' sources; a discrepancy's targets' sources; a source itself; an event's sources; a
  region's observations' sources.

A row tied to no source (a region no figure is about) is checked against every source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from miitdata.validation.context import Context, clip, records
from miitdata.validation.quotes import holds, normalise, quotes

if TYPE_CHECKING:
    import pandas as pd

FIELDS = ("note", "explanation", "reason")  # the free-text fields checked, in every resource that has them
_ID = re.compile(r"\b(?:S\d{3}|O\d{4}|M\d{3}-\d{4}|R\d{4})\b")


class Related:
    """Which sources each id of the package is about (observations and relations through mentions)."""

    def __init__(self, typed: dict[str, pd.DataFrame], sources: set[str]) -> None:
        self.sources = sources
        self.of: dict[str, set[str]] = defaultdict(set)
        for sid in sources:
            self.of[sid].add(sid)
        mentions = typed.get("mentions")
        if mentions is not None and {"mention_id", "observation_id", "source_id"} <= set(mentions.columns):
            for mid, oid, sid in records(
                mentions, ["mention_id", "observation_id", "source_id"], index=False
            ):
                if isinstance(sid, str):
                    self.of[str(mid)].add(sid)
                    self.of[str(oid)].add(sid)
        self._by_column(typed, "observations", "event_id", "observation_id")
        self._by_column(typed, "observations", "region_id", "observation_id")
        self._by_column(typed, "sources", "event_id", "source_id")
        relations = typed.get("relations")
        if relations is not None and {"relation_id", "target", "operands"} <= set(relations.columns):
            for rid, target, operands in records(
                relations, ["relation_id", "target", "operands"], index=False
            ):
                for oid in _words(target) + _words(operands):
                    self.of[str(rid)] |= self.of.get(oid, set())

    def _by_column(self, typed: dict[str, pd.DataFrame], resource: str, column: str, key: str) -> None:
        frame = typed.get(resource)
        if frame is None or not {column, key} <= set(frame.columns):
            return
        for group, member in records(frame, [column, key], index=False):
            if isinstance(group, str):
                self.of[group] |= self.of.get(str(member), set())

    def for_row(self, cell: str, ids: list[str]) -> set[str]:
        """The sources a row with these ids (its key, its targets) and this cell is about."""
        found: set[str] = set()
        for name in [*ids, *_ID.findall(cell)]:
            found |= self.of.get(name, set())
        return found & self.sources


def _words(cell: Any) -> list[str]:
    return cell.split() if isinstance(cell, str) else []


def _row_ids(resource: str, frame: pd.DataFrame) -> list[list[str]]:
    """Per row, the ids the row is about: its key, and a discrepancy's targets."""
    key = next((c for c in frame.columns if c.endswith("_id")), None)
    keys = frame[key].tolist() if key else [None] * len(frame)
    extra = frame["target"].tolist() if resource == "discrepancies" and "target" in frame.columns else []
    out = []
    for i, k in enumerate(keys):
        ids = [str(k)] if isinstance(k, str) else []
        if extra:
            ids += _words(extra[i])
        out.append(ids)
    return out


def check_notes(ctx: Context, texts: dict[str, str]) -> None:
    """File `quote-not-in-source` for every quote of a note/explanation cell no related source has."""
    if not texts:
        return
    normal = {sid: normalise(t) for sid, t in texts.items()}
    related = Related(ctx.typed, set(texts))
    for resource, frame in ctx.typed.items():
        for field in FIELDS:
            if field not in frame.columns:
                continue
            ctx.check("quote-not-in-source", resource)
            for row, ids, cell in zip(
                frame.index, _row_ids(resource, frame), frame[field].tolist(), strict=True
            ):
                if isinstance(cell, str) and cell:
                    _check_cell(ctx, resource, int(row), field, ids, cell, normal, related)


def _check_cell(
    ctx: Context,
    resource: str,
    row: int,
    field: str,
    ids: list[str],
    cell: str,
    normal: dict[str, str],
    related: Related,
) -> None:
    searched = related.for_row(cell, ids) or set(normal)
    for quote in quotes(cell):
        if any(holds(quote, normal[sid]) for sid in searched):
            continue
        elsewhere = sorted(sid for sid in normal if sid not in searched and holds(quote, normal[sid]))
        if elsewhere:
            hint = f"it is in {', '.join(elsewhere)}: name that source in the cell"
        else:
            hint = "quote the source verbatim, or mark a presumed wording as [presumed original: …]"
        ctx.error(
            "quote-not-in-source",
            resource=resource,
            row=row,
            field=field,
            id=ids[0] if ids else None,
            quote=clip(quote.text, 120),
            searched=", ".join(sorted(searched)),
            hint=hint,
        )
