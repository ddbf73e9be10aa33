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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from miitdata.validation.context import Context, clip, records
from miitdata.validation.quotes import holds, normalise, quotes

if TYPE_CHECKING:
    import pandas as pd

FIELDS = ("note", "explanation", "reason")  # the free-text fields checked, in every resource that has them
_ID = re.compile(r"\b(?:S\d{3}|O\d{4}|M\d{3}-\d{4}|R\d{4})\b")


class Related:
    """Which sources each id of `wanted` is about (observations and relations through mentions).

    Only the ids some checked cell names (its row's key and targets, the ids in its text) are ever looked
    up, so only the mentions, observations and relations that lead to them are read: a package with a
    million mentions and a hundred notes looks at a hundred ids' rows, not at a million."""

    def __init__(self, typed: dict[str, pd.DataFrame], sources: set[str], wanted: set[str]) -> None:
        self.sources = sources
        self.of: dict[str, set[str]] = defaultdict(set)
        for sid in sources:
            self.of[sid].add(sid)
        relations = typed.get("relations")
        linked: list[tuple[str, list[str]]] = []  # relation id -> the ids its sources come through
        if relations is not None and {"relation_id", "target", "operands"} <= set(relations.columns):
            linked = [
                (str(rid), _words(target) + _words(operands))
                for rid, target, operands in records(
                    relations, ["relation_id", "target", "operands"], index=False
                )
            ]
        # the observations a wanted region or event is about: their mentions' sources are needed
        groups = _groups(typed, "observations", ("event_id", "region_id"), "observation_id", wanted)
        through = set(wanted) | {oid for members in groups.values() for oid in members}
        through |= {oid for _rid, ids in linked for oid in ids}
        mentions = typed.get("mentions")
        if mentions is not None and {"mention_id", "observation_id", "source_id"} <= set(mentions.columns):
            keep = _among(mentions["mention_id"], through) | _among(mentions["observation_id"], through)
            for mid, oid, sid in records(
                mentions[keep], ["mention_id", "observation_id", "source_id"], index=False
            ):
                if isinstance(sid, str):
                    self.of[str(mid)].add(sid)
                    self.of[str(oid)].add(sid)
        for group, members in groups.items():
            for member in members:
                self.of[group] |= self.of.get(member, set())
        for group, members in _groups(typed, "sources", ("event_id",), "source_id", wanted).items():
            for member in members:
                self.of[group] |= self.of.get(member, set())
        for rid, ids in linked:
            for oid in ids:
                self.of[rid] |= self.of.get(oid, set())

    def for_row(self, cell: str, ids: list[str]) -> set[str]:
        """The sources a row with these ids (its key, its targets) and this cell is about."""
        found: set[str] = set()
        for name in [*ids, *_ID.findall(cell)]:
            found |= self.of.get(name, set())
        return found & self.sources


def _among(column: pd.Series, ids: set[str]) -> Any:
    """Which cells of a column are among `ids` (a boolean array; text cells only)."""
    from miitdata.validation.celltypes import isin

    return isin(column, sorted(ids)).to_numpy(dtype=bool)


def _groups(
    typed: dict[str, pd.DataFrame], resource: str, columns: tuple[str, ...], key: str, wanted: set[str]
) -> dict[str, list[str]]:
    """For each wanted id in one of `columns` of `resource`, the keys of its rows, in row order."""
    frame = typed.get(resource)
    out: dict[str, list[str]] = defaultdict(list)
    if frame is None or key not in frame.columns:
        return out
    for column in columns:
        if column not in frame.columns:
            continue
        rows = frame[_among(frame[column], wanted)]
        for group, member in records(rows, [column, key], index=False):
            if isinstance(group, str):
                out[group].append(str(member))
    return out


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


def check_notes(ctx: Context, texts: Mapping[str, str]) -> None:
    """File `quote-not-in-source` for every quote of a note/explanation cell no related source has."""
    if not texts:
        return
    cells: list[tuple[str, int, str, list[str], str]] = []  # resource, row, field, row ids, cell
    for resource, frame in ctx.typed.items():
        for field in FIELDS:
            if field not in frame.columns:
                continue
            ctx.check("quote-not-in-source", resource)
            filled = frame[field].astype("string").fillna("").str.len().to_numpy() > 0
            if not filled.any():
                continue
            rows = frame[filled]
            for row, ids, cell in zip(
                rows.index, _row_ids(resource, rows), rows[field].tolist(), strict=True
            ):
                if isinstance(cell, str) and cell:
                    cells.append((resource, int(row), field, ids, cell))
    if not cells:
        return
    wanted = {name for _r, _row, _f, ids, cell in cells for name in [*ids, *_ID.findall(cell)]}
    normal = {sid: normalise(t) for sid, t in texts.items()}
    related = Related(ctx.typed, set(texts), wanted)
    for resource, row, field, ids, cell in cells:
        _check_cell(ctx, resource, row, field, ids, cell, normal, related)


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
