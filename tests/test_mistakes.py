"""Twelve realistic contributor mistakes, each made in a copy of the package: the report must point at the
file and physical line that was edited, in every report format (text, JSON, JUnit, github, SARIF).

The expected line is found here independently of miitdata: by searching the edited file's text for the
line the mistake changed (mentions.csv holds records that span several lines, so record numbers and
lines differ).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_package

S001 = "data/sources/001_55388e3040f8126e.txt"


def _line_of(path: Path, pattern: str) -> int:
    """The 1-based physical line of the first line of `path` that matches `pattern` (a regex)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {path}")


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8", newline="")


def _replace_line(path: Path, pattern: str, change: Callable[[str], str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    n = _line_of(path, pattern) - 1
    lines[n] = change(lines[n])
    path.write_text("\n".join(lines), encoding="utf-8", newline="")


@dataclass
class Mistake:
    name: str
    make: Callable[[Path], None]  # edits the package rooted at the given directory
    path: str  # the file the report must point at (package-relative)
    where: str  # a regex naming the line it must point at, searched in `path` after the edit
    code: str  # the error code of the first (root-cause) error


def _obs(root: Path) -> Path:
    return root / "data" / "observations.csv"


def _mentions(root: Path) -> Path:
    return root / "data" / "mentions.csv"


def _duplicate_row(root: Path) -> None:
    path = _obs(root)
    lines = path.read_text(encoding="utf-8").split("\n")
    n = _line_of(path, r"^O0009,") - 1
    lines.insert(n + 1, lines[n].replace(",2021,", ",2020,"))
    path.write_text("\n".join(lines), encoding="utf-8", newline="")


def _o9(change: Callable[[str], str]) -> Callable[[Path], None]:
    """A mistake made on observation O0009's line."""
    return lambda root: _replace_line(_obs(root), r"^O0009,", change)


def _m12(change: Callable[[str], str]) -> Callable[[Path], None]:
    """A mistake made on mention M001-0012's first line (line 81: the record before it spans lines)."""
    return lambda root: _replace_line(_mentions(root), r"^M001-0012,", change)


def _header_column(root: Path) -> None:
    _replace_line(_obs(root), r"^observation_id,", lambda s: s + ",unit")


def _source_edit(root: Path) -> None:
    _edit(root / S001, "上升为19.21%", "上升为19.31%")


def _event_date(root: Path) -> None:
    _edit(root / "data" / "events.csv", "2022-09-23-miit,2022-09-23,", "2022-09-23-miit,2022/09/23,")


def _path_typo(root: Path) -> None:
    _edit(root / "datapackage.json", '"data/relations.csv"', '"data/relation.csv"')


OBS, MEN = "data/observations.csv", "data/mentions.csv"
MISTAKES = [
    # a figure typed wrong: the observation itself is the edit (its four quotes all say 19.21)
    Mistake("observation-value", _o9(lambda s: s.replace(",19.21,", ",19.12,")), OBS, r"^O0009,",
            "observation-disagrees"),
    # a quote's value typed wrong: the mention record (on line 81, not 65) is the edit
    Mistake("mention-value", _m12(lambda s: s.replace(",19.21%,19.21,", ",19.21%,19.12,")), MEN,
            r"^M001-0012,", "value-text-mismatch"),
    # one unclosed quote: everything after it is unreadable
    Mistake("unclosed-quote", _o9(lambda s: s.replace(",,End of", ',,"End of')), OBS, r"^O0009,",
            "format-error"),
    # a column added to the header only
    Mistake("extra-header-column", _header_column, OBS, r"^observation_id,", "extra-label"),
    # one character of a source text changed
    Mistake("source-text-edit", _source_edit, S001, r"上升为19\.31%", "source-hash-mismatch"),
    # one cell dropped from a row
    Mistake("dropped-cell", _o9(lambda s: s.replace("miit,,", "miit,")), OBS, r"^O0009,", "missing-cell"),
    # a region id misspelt
    Mistake("region-typo", _o9(lambda s: s.replace(",west,", ",wset,")), OBS, r"^O0009,", "foreign-key"),
    # a row pasted twice (the same id): the second one is the mistake
    Mistake("duplicate-id", _duplicate_row, OBS, r"^O0009,.*,2020,", "unique-error"),
    # a quote's offsets shifted by one
    Mistake("offset-shift", _m12(lambda s: s.replace(",S001,670,", ",S001,671,")), MEN, r"^M001-0012,",
            "quote-mismatch"),
    # a date in the wrong format
    Mistake("date-format", _event_date, "data/events.csv", r"^2022-09-23-miit,", "type-error"),
    # an indicator id misspelt
    Mistake("indicator-typo", _o9(lambda s: s.replace("share_of_national", "share_of_nationl")), OBS,
            r"^O0009,", "foreign-key"),
    # a resource path misspelt in the descriptor
    Mistake("descriptor-path-typo", _path_typo, "datapackage.json", r'"path": "data/relation\.csv"',
            "resource-not-found"),
]  # fmt: skip


def made(tmp_path: Path, mistake: Mistake) -> tuple[Path, int]:
    """A copy of the package with the mistake made; the expected line."""
    copy_package(tmp_path)
    mistake.make(tmp_path)
    return tmp_path, _line_of(tmp_path / mistake.path, mistake.where)


def first_cause(report: dict[str, Any]) -> dict[str, Any]:
    """The report's first error that follows from no other (the root cause)."""
    return next(e for e in report["errors"] if "caused_by" not in e)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_is_reported_at_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mistake: Mistake
) -> None:
    from xml.etree import ElementTree as ET

    import miitdata
    from miitdata.validation.ci_formats import to_github, to_sarif
    from miitdata.validation.render import report_text
    from tests.test_ci_formats import assert_sarif, parse

    root, line = made(tmp_path, mistake)
    monkeypatch.chdir(root)  # text and github name paths relative to the working directory
    report = miitdata.validate("datapackage.json")
    assert not report.valid

    # JSON: the first error is the mistake, with the package-relative path and the physical line
    data = json.loads(report.to_json())
    first = data["errors"][0]
    assert (first["type"], first["path"], first["line"]) == (mistake.code, mistake.path, line), first
    assert first == first_cause(data)
    # root cause first: each mistake is one cause, everything else it caused follows it
    causes = [e for e in data["errors"] if "caused_by" not in e]
    assert len(causes) == 1, [(e["type"], e["path"], e["line"]) for e in causes]
    assert first.get("followers", 0) == len(data["errors"]) - 1
    assert all(e["caused_by"] == 0 for e in data["errors"][1:])

    # text: compiler style, the first error line starts with PATH:LINE:
    text = report_text(report)
    shown = [t for t in text.split("\n") if re.match(r"^\S+:\d+: ", t)]
    assert shown[0].startswith(f"{mistake.path}:{line}: {mistake.code}: "), text

    # JUnit: the failing testcase of the rule carries file and line
    cases = ET.fromstring(report.to_junit()).iter("testcase")
    failing = [c for c in cases if c.find("failure") is not None]
    assert any(
        (c.get("file"), c.get("line")) == (mistake.path, str(line))
        and c.get("name", "").endswith(mistake.code)
        for c in failing
    ), [(c.get("name"), c.get("file"), c.get("line")) for c in failing]

    # github: the first workflow command is the mistake's, file relative to the working directory
    kind, props, _ = parse(to_github(report).split("\n")[0])
    assert (kind, props["file"], props["line"], props["title"]) == (
        "error",
        mistake.path,
        str(line),
        mistake.code,
    )

    # SARIF: valid, and the first result is the mistake's physical location
    log = json.loads(to_sarif(report))
    assert_sarif(log)
    result = log["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert result["ruleId"] == mistake.code
    assert (location["artifactLocation"]["uri"], location["region"]["startLine"]) == (mistake.path, line)
