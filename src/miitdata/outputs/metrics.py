"""Dataset metrics (`metrics.json`, tracked by DVC: `dvc metrics show`, `dvc metrics diff vA vB`).

One validation run gives both the metrics and a reproducible validation report (the report
without its timing, so that re-running on the same data writes the same bytes).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.package import read_package

if TYPE_CHECKING:
    from miitdata.validation.report import Report

METRIC_KEYS = (
    "observations",
    "mentions",
    "sources",
    "relations",
    "discrepancies",
    "multi_source_observations",
    "errors",
    "known_discrepancies",
)


def multi_source_observations(mentions_csv: Path) -> int:
    """Observations stated by at least two distinct sources (counted from the mentions table)."""
    sources: dict[str, set[str]] = {}
    from miitdata.files import regular_file

    with regular_file(mentions_csv, "resource-unreadable").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            oid, sid = row.get("observation_id") or "", row.get("source_id") or ""
            if oid and sid:
                sources.setdefault(oid, set()).add(sid)
    return sum(1 for s in sources.values() if len(s) >= 2)


def compute(path: str | Path | None = None, report: Report | None = None) -> dict[str, Any]:
    """The metrics of the package at `path` (default: the bundled one); runs the validator unless given."""
    if report is None:
        from miitdata.validation.run import validate

        report = validate(path)
    package = read_package(path)
    rows = report.rows
    mentions = package.resource_path("mentions") if "mentions" in package.resources else None
    metrics: dict[str, Any] = {
        "version": package.version,
        "valid": report.valid,
        "observations": rows.get("observations", 0),
        "mentions": rows.get("mentions", 0),
        "sources": rows.get("sources", 0),
        "relations": rows.get("relations", 0),
        "discrepancies": rows.get("discrepancies", 0),
        "multi_source_observations": (
            multi_source_observations(mentions) if mentions is not None and mentions.is_file() else 0
        ),
        "errors": len(report.errors),
        "known_discrepancies": len(report.known),
    }
    return metrics


def reproducible_report(report: Report) -> str:
    """The JSON validation report without the run time (same data → same bytes)."""
    data = report.to_dict()
    data["stats"].pop("seconds", None)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dumps(metrics: dict[str, Any]) -> str:
    return json.dumps(metrics, ensure_ascii=False, indent=2) + "\n"
