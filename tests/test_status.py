"""A plan target or an expectation is never `actual` (CURATION.md, Observations, `status`).

The rule lives in one place, the validator (src/miitdata/validation/meaning.py, code
`status-contradicts-hedges`); these tests hold the shipped data to it and check it is not vacuous there.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import miitdata
from miitdata.validation.meaning import HEDGES_ANY
from tests.conftest import ROOT, edit_rows

CODE = "status-contradicts-hedges"


def _rows(name: str, root: Path = ROOT) -> list[dict[str, str]]:
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _hedged_observations(root: Path = ROOT) -> set[str]:
    """Observations one of whose quotes the validator's hedge pattern matches."""
    return {m["observation_id"] for m in _rows("mentions", root) if re.search(HEDGES_ANY, m["exact"])}


def test_plan_and_expectation_figures_are_not_actual() -> None:
    report = miitdata.validate()
    assert any(c.name == CODE for c in report.checks), "the rule did not run on the shipped package"
    assert not [e for e in report.errors if e.type == CODE]
    assert not [e for e in report.known if e.type == CODE], "the rule is never waived"
    status = {o["observation_id"]: o["status"] for o in _rows("observations")}
    hedged = _hedged_observations()
    assert hedged, "no shipped quote states a plan or an expectation: the test would be vacuous"
    assert not sorted(oid for oid in hedged if status[oid] == "actual")


def test_every_hedged_figure_made_actual_is_reported(pkg: Path) -> None:
    """Each shipped forecast/target/estimate quoted with a hedge, made actual, is reported by id."""
    hedged = _hedged_observations(pkg.parent)

    def make_actual(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["observation_id"] in hedged:
                row["status"] = "actual"

    edit_rows(pkg, "observations", make_actual)
    report = miitdata.validate(str(pkg))
    reported = {e.id for e in report.errors if e.type == CODE}
    assert reported == hedged


def test_statuses_are_the_schema_vocabulary() -> None:
    from miitdata.vocab import categories

    assert categories("observations", "status") == ("actual", "estimate", "forecast", "target")
    assert {o["status"] for o in _rows("observations")} <= set(categories("observations", "status"))
