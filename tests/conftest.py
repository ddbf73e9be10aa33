"""Shared fixtures: a writable copy of the real package, and a runner for the real CLI."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No test result may depend on the machine's speed or load: Hypothesis's per-example deadline and its
# "too slow" health check both measure time, so neither applies anywhere (a test's own @settings keeps
# this unless it names them).
settings.register_profile("miitdata", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("miitdata")

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Every process the tests start gets SIGINT at its default (Python's KeyboardInterrupt), whatever
    this process inherited: a background job of a non-interactive shell (`pytest &` in a script, some CI
    launchers) starts with SIGINT ignored, its children inherit that, and a test that interrupts a
    command would then wait for an interrupt that never comes. A handled signal is reset to its default
    in a child at exec; an ignored one stays ignored."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def copy_package(dest: Path) -> Path:
    """Copy datapackage.json and data/ into dest; return the descriptor path."""
    shutil.copy2(ROOT / "datapackage.json", dest / "datapackage.json")
    shutil.copytree(ROOT / "data", dest / "data")
    return dest / "datapackage.json"


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    return copy_package(tmp_path)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_rows(pkg: Path, resource: str, change: Callable[[list[dict[str, str]]], Any]) -> None:
    """Apply `change` to the rows of one resource of a package copy, in place."""
    path = pkg.parent / "data" / f"{resource}.csv"
    header, rows = read_rows(path)
    change(rows)
    write_rows(path, header, rows)


def edit_descriptor(pkg: Path, change: Callable[[dict[str, Any]], Any]) -> None:
    descriptor = json.loads(pkg.read_text(encoding="utf-8"))
    change(descriptor)
    pkg.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "miitdata", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@dataclass(frozen=True)
class InProcess:
    """What one in-process run of the CLI gave: exit code, stdout, stderr, both interleaved (`output`),
    and the exception the command raised (None when it only exited)."""

    code: int
    stdout: str
    stderr: str
    output: str
    exception: BaseException | None


def run_app(*args: str) -> InProcess:
    """The one in-process CLI runner (fast, for tests of output and exit codes): typer's CliRunner on the
    real app; an exception the command raises becomes what `miitdata.cli.main.main` makes of it (its
    exit code and message on stderr, through the same `exit_code`)."""
    from typer.testing import CliRunner

    from miitdata.cli.main import app, exit_code

    result = CliRunner().invoke(app, list(args))
    code, stderr, output = result.exit_code, result.stderr, result.output
    raised = None if isinstance(result.exception, SystemExit) else result.exception
    if raised is not None:
        code, message = exit_code(raised)
        stderr, output = stderr + message + "\n", output + message + "\n"
    return InProcess(code, result.stdout, stderr, output, raised)


def validate_json(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    """`miitdata validate PATH --format json` in-process: (exit code, report).

    Nothing but the exit may escape the command: an exception is what a real process would show as a
    traceback (or, through `main`, as exit 2)."""
    run = run_app("validate", str(path), "--format", "json", *extra)
    assert run.exception is None, repr(run.exception)
    assert "Traceback" not in run.stderr, run.stderr
    return run.code, json.loads(run.stdout)


def run_inproc(*args: str) -> subprocess.CompletedProcess[str]:
    """`run_cli` in-process: `run_app` as a CompletedProcess (stdout and stderr apart)."""
    run = run_app(*args)
    return subprocess.CompletedProcess(["miitdata", *args], run.code, run.stdout, run.stderr)


def invoke(*args: str) -> tuple[int, str]:
    """`run_app`'s exit code and its stdout and stderr as the terminal shows them, interleaved."""
    run = run_app(*args)
    return run.code, run.output


@pytest.fixture(scope="session")
def zygote() -> Iterator[Any]:
    """A fork server for `python -m miitdata` (tests/zygote.py): a fresh process per command, without
    paying for pandas' and pandera's imports each time. One per test worker."""
    from tests.zygote import Zygote

    server = Zygote()
    try:
        yield server
    finally:
        server.close()
