"""Retired ids: what a user who asks for one is told (`Dataset.retirement`, `cite`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

FIELDS = ("id", "resource", "retired_in", "replaced_by", "reason")


def retirement(ds: Dataset, id: str) -> dict[str, Any] | None:
    """The `retired` row of `id` (its fields as plain values, blank replaced_by as None), or None."""
    frame = ds.tables.get("retired")
    if frame is None or "id" not in frame.columns:
        return None
    hits = frame[frame["id"] == id.strip().upper()]
    if hits.empty:
        return None
    row = hits.iloc[0]
    out = {f: (row[f] if f in row.index and isinstance(row[f], str) and row[f] else None) for f in FIELDS}
    return out


def retired_message(row: dict[str, Any]) -> str:
    """`O1700 was retired in 0.4.0 (reason); use O1234 instead` — one line for an error message."""
    instead = f"; use {row['replaced_by']} instead" if row.get("replaced_by") else "; nothing replaces it"
    return f"{row['id']} was retired in {row['retired_in']}: {row['reason']}{instead}"
