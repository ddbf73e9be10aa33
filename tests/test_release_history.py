"""The real release history: in a tagless clone of this repository, `miitdata versions --tag` restores
the tags, and no release lost an id silently: `miitdata diff vA vB --strict` passes for every pair of
consecutive releases (v0.3.0 → v0.4.0 among them), and from the latest release to the clone's HEAD
(ids retired through the `retired` table are accepted, nothing else)."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.release_repo import subprocess_env


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_every_release_keeps_or_retires_the_ids_of_the_one_before(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path / "bin")
    head = _run("git", "rev-parse", "HEAD", cwd=ROOT, env=env).stdout.strip()
    clone = tmp_path / "clone"
    assert (
        _run("git", "clone", "-q", "--no-tags", str(ROOT), str(clone), cwd=tmp_path, env=env).returncode == 0
    )
    assert _run("git", "checkout", "-q", head, cwd=clone, env=env).returncode == 0
    assert _run("git", "tag", "--list", cwd=clone, env=env).stdout.strip() == ""

    tagged = _run(
        "miitdata", "versions", "--tag", "--repo", str(clone), "--format", "json", cwd=clone, env=env
    )
    assert tagged.returncode == 0, tagged.stderr
    releases = [r["version"] for r in json.loads(tagged.stdout)]
    assert {"0.1.0", "0.2.0", "0.3.0"} <= set(releases)
    tags = _run("git", "tag", "--list", cwd=clone, env=env).stdout.split()
    assert tags == [f"v{v}" for v in releases]
    version = json.loads((clone / "datapackage.json").read_text(encoding="utf-8"))["version"]
    if not version.endswith(".dev0"):
        assert f"v{version}" in tags  # HEAD carries a release: it is tagged like the others

    pairs = [(f"v{a}", f"v{b}") for a, b in itertools.pairwise(releases)]
    pairs.append((tags[-1], "HEAD"))
    for a, b in pairs:
        proc = _run(
            "miitdata", "diff", a, b, "--strict", "--repo", str(clone), "--format", "json", cwd=clone, env=env
        )
        assert proc.returncode == 0, f"{a} -> {b}: {proc.stdout[:2000]} {proc.stderr}"
        result = json.loads(proc.stdout)
        assert result["vanished"] == {}
        if (a, b) == ("v0.3.0", "v0.4.0"):  # the first release that retires ids
            retired = {r["id"]: r for rows in result["retired"].values() for r in rows}
            assert retired["M003-0093"]["replaced_by"] == "M003-0041"
