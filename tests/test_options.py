"""Options mean what they say: per-command --format choices, no <bool> on flags, a package given twice is
exit 2, diff never prints None, the query API checks its arguments (FilterError), one package rule."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import miitdata
from tests.conftest import copy_package, run_inproc

OWN_FORMATS = {
    "validate": ["text", "json", "junit", "github", "sarif"],
    "show": ["table", "text", "csv", "json"],
    "cite": ["text", "json", "bibtex", "csl-json", "ris"],
    "info": ["text", "json"],
    "versions": ["text", "json"],
    "diff": ["text", "json"],
}
COMMANDS = [*OWN_FORMATS, "datasheet", "export", "site", "verify"]


def help_of(command: str) -> str:
    proc = run_inproc(command, "--help")
    assert proc.returncode == 0, proc.stderr
    return re.sub(r"[│╭╮╰╯─\s]+", " ", proc.stdout)


@pytest.mark.parametrize("command", list(OWN_FORMATS))
def test_each_command_lists_its_own_formats(command: str) -> None:
    import typer

    from miitdata.cli.main import app

    group = typer.main.get_command(app)
    option = next(p for p in group.commands[command].params if "--format" in p.opts)  # type: ignore[attr-defined]
    assert [m.value for m in option.type_descriptor.annotation] == OWN_FORMATS[command]
    assert "|".join(OWN_FORMATS[command])[:12] in help_of(command).replace(" ", "")
    proc = run_inproc(command, "--format", "xml", *(["O0009"] if command == "cite" else []))
    assert proc.returncode == 2
    wrong = re.sub(r"[│╭╮╰╯─\s]+", " ", proc.stderr + proc.stdout)
    named = re.findall(r"'([a-z\-]+)'", wrong.split("is not one of", 1)[1])
    assert named == OWN_FORMATS[command]


@pytest.mark.parametrize("command", COMMANDS)
def test_flags_show_no_bool(command: str) -> None:
    assert "<bool>" not in help_of(command)


def test_a_package_given_twice_is_exit_2(pkg: Path) -> None:
    proc = run_inproc("validate", str(pkg), "-p", str(pkg))
    assert proc.returncode == 2 and "[option-conflict]" in proc.stderr
    # the typer-free start of validate says the same
    proc2 = subprocess.run(
        [sys.executable, "-m", "miitdata", "validate", str(pkg), "-p", str(pkg)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc2.returncode == 2 and "[option-conflict]" in proc2.stderr
    assert run_inproc("metrics", str(pkg), "-p", str(pkg)).returncode == 2


def test_diff_text_never_prints_none() -> None:
    from miitdata.versions.diff import _describe, _fmt

    record = {"discrepancy_id": "D002", "resource": "mentions", "target": "M001-0017", "error_type": None,
              "kind": "scope-difference"}  # fmt: skip
    assert _describe("discrepancies", record) == ": record (scope-difference) on mentions M001-0017"
    member = {"kind": "member-count", "target": "O0095", "operands": None}
    assert _describe("relations", member) == ": member-count O0095"
    assert _fmt(None) == _fmt(float("nan")) == "–"
    for name in ("observations", "mentions", "sources", "relations", "discrepancies"):
        assert "None" not in _describe(name, dict.fromkeys(["a", "kind", "target", "resource"]))
        assert "nan" not in _describe(name, {"value": float("nan"), "operands": float("nan")})


@pytest.mark.parametrize(
    "kwargs", [{"period": 2021}, {"region": ["West", "East"]}, {"regoin": "West"}, {"status": True}]
)
def test_facts_checks_its_arguments(kwargs: dict[str, object]) -> None:
    ds = miitdata.load()
    with pytest.raises(miitdata.FilterError) as caught:
        ds.facts(**kwargs)  # type: ignore[arg-type]
    assert next(iter(kwargs)) in str(caught.value)
    from miitdata import FilterError

    assert isinstance(caught.value, FilterError) and isinstance(caught.value, ValueError)
    with pytest.raises(miitdata.FilterError):
        ds.cite(9)  # type: ignore[arg-type]
    assert len(ds.facts(period="2021", region="West")) >= 1


def test_api_and_cli_choose_the_package_by_one_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_package(tmp_path)
    descriptor = tmp_path / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["version"] = "9.9.9"
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert miitdata.load().version == "9.9.9"
    assert miitdata.validate(layers=["structure"]).version == "9.9.9"
    info = json.loads(run_inproc("info", "--format", "json").stdout)
    assert info["version"] == "9.9.9"
    monkeypatch.chdir(tmp_path / "data")  # no datapackage.json here: the bundled package, for both
    bundled = miitdata.load().version
    assert bundled != "9.9.9"
    assert json.loads(run_inproc("info", "--format", "json").stdout)["version"] == bundled
