"""What `miitdata info` reports: version, path, licences, counts, sources, events (JSON-ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from miitdata.query.records import records

if TYPE_CHECKING:
    from miitdata.dataset import Dataset


def info_record(ds: Dataset) -> dict[str, Any]:
    """What `miitdata info --format json` prints: version, path, licences, counts, sources, events."""
    desc = ds.descriptor
    sources = ds.sources[
        [
            "source_id",
            "event_id",
            "language",
            "kind",
            "machine_translated",
            "publisher",
            "date_published",
            "title",
        ]
    ]
    events = ds.events[["event_id", "date", "host", "title_en", "title_zh"]]
    return {
        "name": desc.get("name"),
        "title": desc.get("title"),
        "version": ds.version,
        "created": desc.get("created"),
        "path": str(ds.path),
        "licenses": [
            {k: lic.get(k) for k in ("name", "title", "path") if lic.get(k)}
            for lic in desc.get("licenses", [])
        ],
        "counts": {name: len(frame) for name, frame in ds.tables.items()},
        "sources": records(sources),
        "events": records(events),
    }
