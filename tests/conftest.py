"""Shared fixtures: a writable copy of the real package, and a runner for the real CLI."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
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


def validate_json(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    """Run `miitdata validate PATH --format json` in-process; return (exit code, report).

    Nothing but the exit may escape the command: an exception is what a real process would show as a
    traceback (or, through `main`, as exit 2)."""
    from typer.testing import CliRunner

    from miitdata.cli.main import app

    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, json.loads(result.stdout)


def run_inproc(*args: str) -> subprocess.CompletedProcess[str]:
    """`run_cli` in-process (fast) for tests of output and exit codes only: stdout and stderr apart, and an
    exception becomes what `miitdata.cli.main.main` makes of it (its exit code, one line on stderr)."""
    from typer.testing import CliRunner

    from miitdata.cli.main import app, exit_code

    result = CliRunner().invoke(app, list(args))
    code, stderr = result.exit_code, result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        code, message = exit_code(result.exception)
        stderr += message + "\n"
    return subprocess.CompletedProcess(["miitdata", *args], code, result.stdout, stderr)


def invoke(*args: str) -> tuple[int, str]:
    """Run the CLI in-process (fast), with the exit codes and messages of `miitdata.cli.main.main`."""
    from typer.testing import CliRunner

    from miitdata.cli.main import app, exit_code

    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        code, message = exit_code(result.exception)
        return code, result.output + message + "\n"
    return result.exit_code, result.output


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
