"""Root cause first (`miitdata.validation.causes`): each rule of "follows", and the report's grouping.

The twelve mistakes of tests/test_mistakes.py each come out as one cause; here each rule is checked on
its own, together with an unrelated error that must stay a cause of its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import miitdata
from tests.conftest import copy_package
from tests.test_mistakes import S001, _line_of


def report_of(root: Path) -> dict[str, Any]:
    return json.loads(miitdata.validate(root / "datapackage.json").to_json())


def causes(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in report["errors"] if "caused_by" not in e]


def followers(report: dict[str, Any], cause: dict[str, Any]) -> list[dict[str, Any]]:
    at = report["errors"].index(cause)
    return [e for e in report["errors"] if e.get("caused_by") == at]


def edit(path: Path, pattern: str, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    n = _line_of(path, pattern) - 1
    assert old in lines[n]
    lines[n] = lines[n].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8", newline="")


def test_unclosed_quote_is_one_cause_with_a_count_not_423_peers(tmp_path: Path) -> None:
    copy_package(tmp_path)
    edit(tmp_path / "data" / "observations.csv", r"^O0009,", ",,End of", ',,"End of')
    code = miitdata.validate(tmp_path / "datapackage.json")
    report = json.loads(code.to_json())
    assert len(report["errors"]) > 400  # JSON keeps every error
    [cause] = causes(report)
    assert (cause["type"], cause["path"], cause["line"]) == ("format-error", "data/observations.csv", 10)
    assert cause["followers"] == len(report["errors"]) - 1
    kinds = {(e["type"], e["resource"]) for e in followers(report, cause)}
    assert ("foreign-key", "mentions") in kinds and ("relation-invalid", "relations") in kinds
    assert ("stale-discrepancy", "discrepancies") in kinds
    assert not code.valid  # the exit code is unchanged: still invalid
    from miitdata.validation.render import report_text

    text = report_text(code)
    assert re.search(
        rf"^  └ {cause['followers']} more error\(s\) follow from this one: \d+ foreign-key", text, re.M
    )
    assert text.count("data/mentions.csv:") == 0  # the followers are counted, not listed


def test_rows_that_could_not_be_read_take_the_references_to_them(tmp_path: Path) -> None:
    copy_package(tmp_path)
    obs = tmp_path / "data" / "observations.csv"
    edit(obs, r"^O0009,", ",actual,", ",actual,extra,")  # one cell too many: the row is left out
    edit(tmp_path / "data" / "mentions.csv", r"^M001-0017,", ",O0027,", ",O9999,")  # an unrelated typo
    report = report_of(tmp_path)
    by_type = {(c["type"], c["path"], c["line"]) for c in causes(report)}
    assert ("extra-cell", "data/observations.csv", 10) in by_type
    typo_line = _line_of(tmp_path / "data" / "mentions.csv", r"^M001-0017,")
    assert ("foreign-key", "data/mentions.csv", typo_line) in by_type  # not in the lost rows: its own cause
    extra = next(c for c in causes(report) if c["type"] == "extra-cell")
    follow = followers(report, extra)
    assert follow and all("O0009" in e["message"] or e["resource"] != "mentions" for e in follow)
    assert len(causes(report)) == 2


def test_provenance_errors_of_a_changed_source_follow_its_hash(tmp_path: Path) -> None:
    copy_package(tmp_path)
    source = tmp_path / S001
    source.write_text(
        source.read_text(encoding="utf-8").replace("上升为19.21%", "上升为19.31%"), encoding="utf-8"
    )
    mentions = tmp_path / "data" / "mentions.csv"
    edit(
        mentions, r"^M000-0009,", ",S000,750,", ",S000,751,"
    )  # a quote of another source, shifted: its own cause
    report = report_of(tmp_path)
    changed = next(c for c in causes(report) if c["type"] == "source-hash-mismatch")
    assert changed["path"] == S001 and changed["line"] == _line_of(tmp_path / S001, "上升为19.31%")
    assert {e["type"] for e in followers(report, changed)} >= {"quote-mismatch"}
    assert all(e["resource"] == "mentions" for e in followers(report, changed))
    shifted = next(c for c in causes(report) if c.get("id") == "M000-0009")
    assert (shifted["type"], shifted["line"]) == ("quote-mismatch", 10)
    assert len(causes(report)) == 2


def test_a_wrong_header_takes_every_row_of_its_table(tmp_path: Path) -> None:
    copy_package(tmp_path)
    edit(tmp_path / "data" / "events.csv", r"^event_id,", "event_id,date,", "event_id,day,")
    report = report_of(tmp_path)
    header = [c for c in causes(report) if c["resource"] == "events"]
    assert [c["line"] for c in header] and all(c["line"] == 1 for c in header)
    rows = [e for e in report["errors"] if e["resource"] == "events" and e.get("row", 1) > 1]
    assert rows and all("caused_by" in e for e in rows)


def test_the_other_checks_of_a_row_with_a_missing_cell_follow_it(tmp_path: Path) -> None:
    copy_package(tmp_path)
    edit(tmp_path / "data" / "observations.csv", r"^O0009,", "miit,,", "miit,")
    report = report_of(tmp_path)
    [cause] = causes(report)
    assert cause["type"] == "missing-cell" and cause["line"] == 10
    assert {e.get("row") for e in followers(report, cause)} == {10}
