"""Helpers for tests that work on a real copy of this repository (git clone --no-tags of HEAD)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.cli_shim import shim_path
from tests.conftest import ROOT

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "miitdata tests",
    "GIT_AUTHOR_EMAIL": "tests@miitdata.invalid",
    "GIT_COMMITTER_NAME": "miitdata tests",
    "GIT_COMMITTER_EMAIL": "tests@miitdata.invalid",
}


def subprocess_env(bin_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for git/dvc/miitdata subprocesses: no user git config, no DVC analytics.

    The global git config is an empty file of the test's own (not /dev/null: a tool that writes
    the global config would replace /dev/null by a regular file)."""
    gitconfig = bin_dir.parent / "gitconfig"
    gitconfig.parent.mkdir(parents=True, exist_ok=True)
    gitconfig.touch()
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "GIT_TERMINAL_PROMPT": "0",
        "DVC_NO_ANALYTICS": "1",
        "PATH": shim_path(bin_dir),
        **extra,
    }
    return env


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    proc = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert proc.returncode == 0, f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def dvc(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    return run([sys.executable, "-m", "dvc", *args], cwd, env)


def clone_head(dest: Path, env: dict[str, str], source: Path = ROOT) -> Path:
    """`git clone --no-tags` of `source`'s committed HEAD (the checkout the tests run from)."""
    run(["git", "clone", "-q", "--no-tags", str(source), str(dest)], dest.parent, env)
    return dest


def set_version(repo: Path, version: str) -> None:
    """Set the version in datapackage.json and pyproject.toml together (as the release procedure does)."""
    path = repo / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    old = json.loads(text)["version"]
    path.write_text(text.replace(f'"version": "{old}"', f'"version": "{version}"', 1), encoding="utf-8")
    pyproject = repo / "pyproject.toml"
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8")
        text = re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text, count=1)
        pyproject.write_text(text, encoding="utf-8")


def next_release(repo: Path) -> str:
    """The release to cut at HEAD: X.Y.Z for a HEAD at X.Y.Z.devN, else the latest release's next patch."""
    from miitdata.versions.git import versions

    head = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))["version"]
    dev = re.fullmatch(r"(\d+\.\d+\.\d+)\.dev\d+", head)
    if dev:
        return dev.group(1)
    released = [v.version for v in versions(repo)]
    major, minor, patch = (int(p) for p in (released[-1] if released else head).split("."))
    return f"{major}.{minor}.{patch + 1}"
