"""docs/versions.md runs as written: its shell blocks, in one bash session, on a tagless clone.

The upstream is a `git clone --no-tags` of this checkout's HEAD (so no tag exists anywhere); the
README's URL becomes that path and its two example versions (v0.2.0, v0.3.0) the two latest
releases that `miitdata.versions.versions()` finds, so the test keeps working after new releases.
A block preceded by an HTML comment containing "not run" is skipped (publishing needs a bucket:
tests/test_remote.py does that with a local S3 server); `pip install` lines are checked against
dvc.yaml (the extras its stages need) instead of run. The YAML block is the pre-commit config.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.release_repo import clone_head, run, subprocess_env

UPSTREAM = "https://github.com/miitdata/miitdata"
EXAMPLE_OLD, EXAMPLE_NEW = "v0.2.0", "v0.3.0"  # the README's example versions
BLOCK = re.compile(r"(?:<!--(?P<comment>.*?)-->\s*\n)?```(?P<lang>bash|yaml)\n(?P<body>.*?)```", re.S)


def versions_section() -> str:
    return (ROOT / "docs" / "versions.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return [
        m["body"]
        for m in BLOCK.finditer(versions_section())
        if m["lang"] == lang and "not run" not in (m["comment"] or "")
    ]


def substitute(text: str, upstream: str, old: str, new: str) -> str:
    mapping = {UPSTREAM: upstream, EXAMPLE_OLD: old, EXAMPLE_NEW: new}
    pattern = re.compile("|".join(re.escape(k) for k in mapping))
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def needed_extras() -> set[str]:
    """The extras dvc.yaml's stages need: `export` for Parquet/XLSX (the datasheet needs none)."""
    stages = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    needed = {"dvc"}
    for stage in stages.values():
        cmds = stage["cmd"] if isinstance(stage["cmd"], list) else [stage["cmd"]]
        for cmd in cmds:
            if re.search(r"--format (parquet|xlsx)\b", cmd):
                needed.add("export")
    return needed


def test_section_starts_by_restoring_tags() -> None:
    first = blocks("bash")[0]
    commands = [line.split("#")[0].strip() for line in first.splitlines() if line.strip()]
    assert commands[0].startswith("git clone --no-tags")
    assert commands[1] == "miitdata versions --tag"


def test_pip_lines_name_the_extras_the_pipeline_needs() -> None:
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    lines = [line for block in blocks("bash") for line in block.splitlines()]
    lines = [line for line in lines if line.startswith("pip install")]
    assert lines
    for line in lines:
        extras = set(re.search(r"miitdata\[([\w,]+)\]", line).group(1).split(","))  # type: ignore[union-attr]
        assert extras <= set(optional), line
        assert needed_extras() <= extras, line


@pytest.mark.slow
def test_versions_section_runs_on_a_tagless_clone(tmp_path: Path) -> None:
    from miitdata.versions.git import versions

    env = subprocess_env(tmp_path / "bin")
    (tmp_path / "upstream").mkdir()
    upstream = clone_head(tmp_path / "upstream" / "miitdata", env)
    released = [f"v{v.version}" for v in versions(upstream)]
    if len(released) < 2:
        pytest.skip("fewer than two releases in the history")
    old, new = released[-2:]
    assert run(["git", "tag", "--list"], upstream, env).strip() == ""

    script = "\n".join(
        "\n".join(line for line in block.splitlines() if not line.startswith("pip install"))
        for block in blocks("bash")
    )
    script = substitute(script, str(upstream), old, new)
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"docs/versions.md script failed ({proc.returncode}):\n{script}\n---\n{out}"

    clone = work / "miitdata"
    for tag in released:
        assert re.search(rf"^{re.escape(tag)}\s+\w+\s+created$", proc.stdout, re.M), proc.stdout
        assert run(["git", "cat-file", "-t", tag], clone, env).strip() == "tag"
    assert re.search(rf"^{re.escape(new[1:])}\s+{re.escape(new)}\s", proc.stdout, re.M)  # versions table
    assert f"## miitdata diff: `{old}`" in proc.stdout
    assert "metrics.json" in proc.stdout  # dvc metrics diff
    project = work / "my-project"
    got = (project / f"observations-{EXAMPLE_OLD[1:]}.csv").read_bytes()
    expected = subprocess.run(
        ["git", "show", f"{old}:data/observations.csv"], cwd=clone, capture_output=True, check=True
    ).stdout
    assert got == expected
    assert (project / "miitdata-data" / "observations.csv").is_file()
    assert (project / "miitdata-data.dvc").is_file()
    assert f"<miitdata {old[1:]} @ {old} " in proc.stdout  # load(rev=) printed the Dataset
    assert "Data and pipelines are up to date." in proc.stdout
    porcelain = run(
        ["git", "status", "--porcelain", "--", "exports", "metrics.json", "reports", "dvc.lock"], clone, env
    )
    assert porcelain == "", porcelain
    assert (clone / "exports" / "miitdata.sqlite").is_file()

    # the pre-commit hook, pinned to the latest release tag of the (now tagged) clone
    if shutil.which("pre-commit", path=env["PATH"]) is None:
        pytest.skip("pre-commit is not installed (it is in the dev extra)")
    [config] = blocks("yaml")
    hooked = tmp_path / "hooked"
    hooked.mkdir()
    # the user's copy of the data of the release the hook pins (an older miitdata refuses a newer layout)
    archive = subprocess.run(
        ["git", "archive", new, "datapackage.json", "data"], cwd=clone, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(hooked)], input=archive, check=True)
    config = substitute(config, str(clone), old, new)
    (hooked / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    run(["git", "init", "-q"], hooked, env)
    run(["git", "add", "-A"], hooked, env)
    hook_env = {**env, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=hooked,
        env=hook_env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"miitdata validate\.+Passed", result.stdout), result.stdout
