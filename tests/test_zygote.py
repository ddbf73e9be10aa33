"""The fork server of the hostile corpus (tests/zygote.py) runs a command exactly as `python -m
miitdata` does: the same exit code, stdout and stderr, in its own working directory and environment;
and a command that outlives its timeout is killed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

COMMANDS = [
    ["cite", "O0009"],
    ["show", "--region", "West", "--format", "csv"],
    ["validate", "no-such-dir/datapackage.json", "--format", "json"],
    ["cite", "O9999"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_same_as_a_real_process(zygote: Any, tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "MIITDATA_DEBUG": "", "COLUMNS": "70"}
    real = subprocess.run(
        [sys.executable, "-m", "miitdata", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    forked = zygote.run(args, cwd=tmp_path, env=env, timeout=120)
    assert (forked.returncode, forked.stdout, forked.stderr) == (real.returncode, real.stdout, real.stderr)


def test_cwd_and_environment_are_the_commands(zygote: Any, tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    proc = zygote.run(["validate"], cwd=tmp_path, env={**os.environ, "MIITDATA_DEBUG": ""}, timeout=60)
    assert proc.returncode == 2 and "datapackage.json" in proc.stderr, proc.stderr


def test_a_command_past_its_timeout_is_killed(zygote: Any, tmp_path: Path) -> None:
    """As `subprocess.run(timeout=)`: TimeoutExpired, the child killed, the server ready for the next."""
    env = {**os.environ, "MIITDATA_DEBUG": ""}
    with pytest.raises(subprocess.TimeoutExpired):
        zygote.run(["validate", "--format", "json"], cwd=tmp_path, env=env, timeout=0.001)
    again = zygote.run(["cite", "O0009"], cwd=tmp_path, env=env, timeout=60)
    assert again.returncode == 0 and "O0009" in again.stdout
