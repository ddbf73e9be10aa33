"""`miitdata validate` without typer (miitdata.cli.fast) is the typer command, only faster to start:
its parser accepts only what typer parses the same way (a property test against typer's own parser),
and both paths give the same exit code, stdout, stderr and report file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.cli import fast
from tests.conftest import ROOT, edit_rows, run_inproc

WORDS = [
    "validate", "pkg.json", "other", "", "-", "--", "--help", "-h",
    "--format", "-f", "--format=json", "--format=", "-f=json", "-fjson",
    "json", "junit", "text", "csv", "JSON",
    "--output", "-o", "--output=r.txt", "r.txt",
    "--package", "-p", "--package=dp.json", "dp.json",
    "--layer", "-l", "--layer=content", "content", "provenance", "structure", "nope",
    "--frictionless", "--frictionless=1", "--show-known", "--show-know", "--bogus", "-x",
]  # fmt: skip


def _typer_params(argv: list[str]) -> dict[str, object] | None:
    """What typer's own parser makes of `miitdata ARGV` for the validate command (None: it refuses)."""
    import typer

    from miitdata.cli.main import app

    group = typer.main.get_command(app)
    assert argv[0] == "validate"
    cmd = group.commands["validate"]  # type: ignore[attr-defined]
    try:
        with cmd.make_context("validate", list(argv[1:])) as ctx:
            return dict(ctx.params)
    except Exception:  # typer's (vendored click's) usage errors, --help's exit
        return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_the_fast_parser_accepts_only_what_typer_parses_the_same(words: list[str]) -> None:
    argv = ["validate", *words]
    request = fast.parse(argv)
    if request is None:
        return  # typer parses it (or refuses): always right
    params = _typer_params(argv)
    assert params is not None, argv
    assert params["path"] == request.path
    assert params["format"].value == request.format
    assert params["output"] == request.output
    assert params["package"] == request.package
    assert [lay.value for lay in params["layer"] or []] == request.layers
    assert params["frictionless"] == request.frictionless
    assert params["show_known"] == request.show_known


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--help"], ["validate", "--format", "csv"], ["validate", "a", "b"], ["show"],
        ["validate", "-f=json"], ["validate", "--format", "json", "--format", "text"], ["validate", "--"],
        ["validate", "-o", "-x"], [],
    ],
)  # fmt: skip
def test_anything_else_falls_back_to_typer(argv: list[str]) -> None:
    assert fast.parse(argv) is None


def test_the_usual_command_lines_take_the_fast_path() -> None:
    request = fast.parse(
        ["validate", "dp.json", "--format=json", "-o", "r.json", "-l", "content", "--layer=provenance"]
    )
    assert request == fast.Request(
        path=Path("dp.json"), format="json", output=Path("r.json"), layers=["content", "provenance"]
    )
    assert fast.parse(["validate"]) == fast.Request()


def _same(text: str) -> str:
    """A report without its timings (the run's seconds differ between two runs)."""
    text = re.sub(r'"seconds": [0-9.e-]+', '"seconds": 0', text)
    text = re.sub(r'time="[0-9.]+"', 'time="0"', text)
    return re.sub(r"[0-9]+\.[0-9]{2}s\)", "0.00s)", text)


def _fast(argv: list[str], capsys: pytest.CaptureFixture[str]) -> subprocess.CompletedProcess[str]:
    request = fast.parse(argv)
    assert request is not None, argv
    capsys.readouterr()
    code = fast.run(request)
    out = capsys.readouterr()
    return subprocess.CompletedProcess(argv, code, out.out, out.err)


def test_both_paths_give_the_same_output(
    tmp_path: Path, pkg: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    from tests.conftest import copy_package

    bad = copy_package(broken)
    edit_rows(bad, "mentions", lambda rows: rows[0].update(start="x", exact=rows[0]["exact"] + "!"))
    missing = str(tmp_path / "missing" / "datapackage.json")
    cases = [
        ["validate", str(pkg), "--show-known"],
        ["validate", str(bad), "--format", "json", "-l", "provenance"],
        ["validate", "-p", str(bad), "-f", "junit"],
        ["validate", str(bad)],
        ["validate", missing, "--format=json"],
        ["validate", missing],
    ]
    for argv in cases:
        got, want = _fast(argv, capsys), run_inproc(*argv)
        assert (got.returncode, _same(got.stdout), _same(got.stderr)) == (
            want.returncode, _same(want.stdout), _same(want.stderr),
        ), argv  # fmt: skip
    report = tmp_path / "r.txt"
    for runner in (lambda a: _fast(a, capsys), lambda a: run_inproc(*a)):
        report.unlink(missing_ok=True)
        assert runner(["validate", str(bad), "-o", str(report)]).returncode == 1
        assert "invalid" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("extra", [["--format", "json", "-o", "REPORT"], [], ["-o", "REPORT"]])
def test_validate_starts_without_typer_or_rich(pkg: Path, extra: list[str]) -> None:
    """A fresh `python -m miitdata validate` whose stdout is not a terminal (json or text, to a file or
    a pipe) never imports typer, click or rich."""
    report = pkg.parent / "r.out"
    argv = ["miitdata", "validate", str(pkg), *[str(report) if a == "REPORT" else a for a in extra]]
    probe = (
        "import runpy, sys\n"
        f"sys.argv = {argv!r}\n"
        "try:\n"
        "    runpy.run_module('miitdata', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as exc:\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich'))\n"
        "    print('PROBE', exc.code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.stdout.strip().splitlines()[-1] == "PROBE 0 []", done.stdout + done.stderr
    if not extra:
        assert done.stdout.startswith("valid  "), done.stdout


def test_text_report_is_styled_on_a_terminal(pkg: Path) -> None:
    """On a terminal (a pseudo-terminal here) rich draws the same report with styles."""
    import os
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "miitdata", "validate", str(pkg)],
        stdout=follower, stderr=subprocess.DEVNULL, cwd=ROOT, env=env,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the follower side closed: the process has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=300) == 0
    out = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in out  # styles
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "valid  " in plain and "structure:" in plain
