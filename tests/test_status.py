"""A plan target or an expectation is never `actual` (CURATION.md, Observations, `status`)."""

from __future__ import annotations

import csv
import re

from tests.conftest import ROOT

PLAN_WORDS = re.compile(r"目标|预计|力争|计划|expected to|target", re.IGNORECASE)

# Observations quoted with one of PLAN_WORDS that are nevertheless actual, and why.
ALLOWED_ACTUAL = {
    "O0048": "'25 clusters have won … as key cultivation targets': 'targets' are the clusters chosen for "
    "cultivation (重点培育对象), not a goal to reach; the 25 winners exist",
}


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_plan_and_expectation_figures_are_not_actual() -> None:
    status = {o["observation_id"]: o["status"] for o in _rows("observations")}
    flagged = {m["observation_id"] for m in _rows("mentions") if PLAN_WORDS.search(m["exact"])}
    wrong = sorted(oid for oid in flagged if status[oid] == "actual" and oid not in ALLOWED_ACTUAL)
    assert not wrong, f"quoted as a plan or expectation but status actual: {wrong}"
    stale = sorted(set(ALLOWED_ACTUAL) - {oid for oid in flagged if status[oid] == "actual"})
    assert not stale, f"allow-list entries no longer needed: {stale}"


def test_statuses_are_the_schema_vocabulary() -> None:
    from miitdata.vocab import categories

    assert categories("observations", "status") == ("actual", "estimate", "forecast", "target")
    assert {o["status"] for o in _rows("observations")} <= set(categories("observations", "status"))
