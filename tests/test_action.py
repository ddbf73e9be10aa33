"""The composite GitHub Action (`action.yml`), its steps run here as a runner would run them.

There is no runner on this machine: `run_action` reads action.yml, evaluates the few `${{ }}`
expressions it uses against a pull_request event, and runs each `run:` step with bash the way the
runner does (`bash --noprofile --norc -eo pipefail`), with GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY
and the step's `env:`, in a temporary git repository holding a copy of the package: the base commit
valid, the head commit with a mistake.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, copy_package
from tests.release_repo import run, subprocess_env
from tests.test_ci_formats import parse

yaml = pytest.importorskip("yaml")

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Run:
    steps: list[tuple[str, int, str]] = field(default_factory=list)  # (name, exit code, output)
    summary: str = ""


def evaluate(expression: str, context: dict[str, Any]) -> Any:
    """The expressions action.yml uses: context lookups, `==` with a quoted string, `&&`, always()."""
    parts = [p.strip() for p in expression.split("&&")]
    if len(parts) > 1:
        return all(evaluate(p, context) for p in parts)
    if parts[0] == "always()":
        return True
    m = re.fullmatch(r"([\w.\-]+)\s*==\s*'([^']*)'", parts[0])
    if m:
        return str(evaluate(m[1], context)) == m[2]
    assert re.fullmatch(r"[\w.\-]+", parts[0]), (
        f"action.yml uses an expression this test cannot run: {expression}"
    )
    value: Any = context
    for key in parts[0].split("."):
        value = value[key]
    return value


def substitute(text: str, context: dict[str, Any]) -> str:
    return EXPRESSION.sub(lambda m: str(evaluate(m[1], context)), text)


def run_action(repo: Path, context: dict[str, Any], env: dict[str, str], *, install: bool) -> Run:
    result = Run()
    summary = repo.parent / "summary.md"
    summary.write_text("", encoding="utf-8")
    failed = False
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None:
            wanted = evaluate(EXPRESSION.fullmatch(condition.strip())[1], context)  # type: ignore[index]
        else:
            wanted = not failed  # the runner's default: success()
        if not wanted:
            continue
        if "uses" in step:
            assert step["uses"].startswith("actions/setup-python@"), step
            continue  # the runner provides Python; here it is this interpreter
        if "Install" in step["name"] and not install:
            continue
        step_env = {**env, "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)}
        step_env.update({k: substitute(str(v), context) for k, v in (step.get("env") or {}).items()})
        assert "${{" not in step["run"], "expressions go through env:, never into the script"
        assert step["shell"] == "bash"
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        result.steps.append((step["name"], proc.returncode, proc.stdout + proc.stderr))
        failed = failed or proc.returncode != 0
    result.summary = summary.read_text(encoding="utf-8")
    return result


def pull_request(tmp_path: Path, env: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    """A git repository with the package: base commit valid, head commit with a region typo."""
    repo = tmp_path / "repo"
    repo.mkdir()
    copy_package(repo)
    run(["git", "init", "-q", "-b", "main"], repo, env)
    run(["git", "add", "-A"], repo, env)
    run(["git", "commit", "-q", "-m", "base"], repo, env)
    base = run(["git", "rev-parse", "HEAD"], repo, env).strip()
    obs = repo / "data" / "observations.csv"
    obs.write_text(obs.read_text(encoding="utf-8").replace("O0009,industrial_va_share_of_national,west,",
                                                          "O0009,industrial_va_share_of_national,wset,"),
                   encoding="utf-8", newline="")  # fmt: skip
    run(["git", "commit", "-q", "-am", "head"], repo, env)
    head = run(["git", "rev-parse", "HEAD"], repo, env).strip()
    context = {
        "inputs": {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()},
        "github": {"event_name": "pull_request", "event": {"pull_request": {"base": {"sha": base},
                                                                            "head": {"sha": head}}}},
    }  # fmt: skip
    return repo, context


def _env(tmp_path: Path, bin_dir: Path | None = None) -> dict[str, str]:
    env = subprocess_env(tmp_path / "bin")
    env["PATH"] = os.pathsep.join([str(bin_dir or Path(sys.executable).parent), env["PATH"]])
    return env


def test_action_is_composite_and_installs_at_its_own_ref() -> None:
    assert ACTION["runs"]["using"] == "composite"
    install = next(s for s in ACTION["runs"]["steps"] if "Install" in s.get("name", ""))
    assert '"${GITHUB_ACTION_PATH}' in install["run"]
    validate = next(s for s in ACTION["runs"]["steps"] if s.get("name") == "Validate")
    assert "--format github" in validate["run"]


def test_action_on_a_pull_request_annotates_and_writes_the_diff(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo, context = pull_request(tmp_path, env)
    result = run_action(repo, context, env, install=False)
    names = [name for name, _, _ in result.steps]
    assert names == ["Validate", "Data diff to the job summary"]
    _, code, output = result.steps[0]
    assert code == 1  # the job fails on an invalid package
    first = next(line for line in output.splitlines() if line.startswith("::error"))
    _kind, props, message = parse(first)
    assert (props["file"], props["line"], props["title"]) == ("data/observations.csv", "10", "foreign-key")
    assert "wset" in message
    assert result.steps[1][1] == 0
    assert result.summary.startswith("## Data diff\n")
    assert "O0009" in result.summary and "None" not in result.summary


def test_action_outside_pull_requests_writes_no_summary(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo, context = pull_request(tmp_path, env)
    context["github"]["event_name"] = "push"
    run(["git", "checkout", "-q", "HEAD~1"], repo, env)
    result = run_action(repo, context, env, install=False)
    assert [(name, code) for name, code, _ in result.steps] == [("Validate", 0)]
    assert result.summary == ""


@pytest.mark.slow
def test_action_installs_miitdata_from_its_checkout(tmp_path: Path) -> None:
    """The install step for real, into a fresh virtual environment (PyPI for the dependencies)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = _env(tmp_path, venv / "bin")
    repo, context = pull_request(tmp_path, env)
    result = run_action(repo, context, env, install=True)
    assert next(name for name, _, _ in result.steps).startswith("Install")
    assert result.steps[0][1] == 0, result.steps[0][2]
    assert result.steps[1][1] == 1 and "::error file=data/observations.csv,line=10" in result.steps[1][2]
    assert (venv / "bin" / "miitdata").exists()
