"""`miitdata versions --tag` on small real git repositories (no DVC): create, idempotence, conflicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from miitdata.errors import PackageError
from miitdata.versions.tags import TagConflictError, tag_releases

# No global/system git config and no identity in the environment: like a fresh CI machine.
CLEAN_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"}
IDENTITY = ("-c", "user.name=tests", "-c", "user.email=tests@miitdata.invalid")


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env or os.environ, check=False
    )
    assert proc.returncode == 0, f"git {args}: {proc.stderr}"
    return proc.stdout.strip()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "gitconfig").touch()  # an empty global config of our own
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    for key, value in CLEAN_ENV.items():
        monkeypatch.setenv(key, value)
    return dict(os.environ)


@pytest.fixture
def repo(tmp_path: Path, clean_env: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """0.1.0 (release) -> 0.2.0.dev0 -> 0.2.0 (release) -> 0.3.0.dev0; returns the release commits."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shas = {}
    for i, version in enumerate(("0.1.0", "0.2.0.dev0", "0.2.0", "0.3.0.dev0")):
        doc = json.dumps({"name": "t", "version": version})
        (repo / "datapackage.json").write_text(doc, encoding="utf-8")
        date = f"2024-0{i + 1}-01T00:00:00+00:00"
        env = {**clean_env, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        git(repo, "add", "-A")
        git(repo, *IDENTITY, "commit", "-q", "-m", version, env=env)
        shas[version] = git(repo, "rev-parse", "HEAD")
    return repo, shas


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "miitdata", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_tag_releases_creates_annotated_tags_once(repo: tuple[Path, dict[str, str]]) -> None:
    path, shas = repo
    first = tag_releases(path)
    assert [(r.tag, r.commit, r.status) for r in first] == [
        ("v0.1.0", shas["0.1.0"], "created"),
        ("v0.2.0", shas["0.2.0"], "created"),
    ]
    for tag, version in (("v0.1.0", "0.1.0"), ("v0.2.0", "0.2.0")):
        assert git(path, "cat-file", "-t", tag) == "tag"  # annotated
        assert git(path, "rev-parse", f"{tag}^{{commit}}") == shas[version]
        body = git(path, "cat-file", "-p", tag)
        assert f"miitdata dataset {version}" in body
        assert "tagger miitdata <miitdata@localhost>" in body  # no identity configured: the fallback
    second = tag_releases(path)
    assert [r.status for r in second] == ["existing", "existing"]


def test_tag_objects_are_reproducible(repo: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    path, _ = repo
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", "--no-tags", str(path), str(other))
    tag_releases(path)
    tag_releases(other)
    assert git(path, "rev-parse", "v0.2.0") == git(other, "rev-parse", "v0.2.0")


def test_configured_identity_is_used(repo: tuple[Path, dict[str, str]]) -> None:
    path, _ = repo
    git(path, "config", "user.name", "Release Manager")
    git(path, "config", "user.email", "rm@example.org")
    tag_releases(path)
    assert "tagger Release Manager <rm@example.org>" in git(path, "cat-file", "-p", "v0.1.0")


def test_conflict_creates_and_moves_nothing(repo: tuple[Path, dict[str, str]]) -> None:
    path, shas = repo
    git(path, "tag", "v0.2.0", shas["0.2.0.dev0"])  # a wrong tag, lightweight
    with pytest.raises(TagConflictError) as info:
        tag_releases(path)
    message = str(info.value)
    assert shas["0.2.0.dev0"] in message and shas["0.2.0"] in message
    assert git(path, "tag", "--list") == "v0.2.0"  # v0.1.0 not created
    assert git(path, "rev-parse", "v0.2.0^{commit}") == shas["0.2.0.dev0"]  # not moved


def test_existing_correct_tag_is_kept(repo: tuple[Path, dict[str, str]]) -> None:
    path, shas = repo
    git(path, "tag", "v0.1.0", shas["0.1.0"])  # lightweight, at the release: fine
    results = tag_releases(path)
    assert [(r.tag, r.status) for r in results] == [("v0.1.0", "existing"), ("v0.2.0", "created")]
    assert git(path, "cat-file", "-t", "v0.1.0") == "commit"  # left as it was


def test_url_is_refused() -> None:
    with pytest.raises(PackageError, match="local repository"):
        tag_releases("https://example.invalid/miitdata.git")


def test_cli_tag_text_json_and_conflict(repo: tuple[Path, dict[str, str]]) -> None:
    path, shas = repo
    proc = cli("versions", "--tag", "--repo", str(path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["v0.1.0", shas["0.1.0"][:10], "created"]
    assert lines[1].split() == ["v0.2.0", shas["0.2.0"][:10], "created"]
    again = cli("versions", "--tag", "--repo", str(path))
    assert again.returncode == 0, again.stderr
    assert [line.split(maxsplit=2)[2] for line in again.stdout.splitlines()[:2]] == ["already present"] * 2
    assert "nothing to do" in again.stdout
    as_json = json.loads(cli("versions", "--tag", "--repo", str(path), "--format", "json").stdout)
    assert as_json == [
        {"version": "0.1.0", "tag": "v0.1.0", "commit": shas["0.1.0"], "status": "existing"},
        {"version": "0.2.0", "tag": "v0.2.0", "commit": shas["0.2.0"], "status": "existing"},
    ]
    git(path, *IDENTITY, "tag", "-f", "-a", "-m", "moved", "v0.1.0", shas["0.2.0.dev0"])
    git(path, "tag", "-d", "v0.2.0")
    bad = cli("versions", "--tag", "--repo", str(path))
    assert bad.returncode == 1
    assert shas["0.2.0.dev0"] in bad.stderr and shas["0.1.0"] in bad.stderr
    assert "Traceback" not in bad.stderr
    assert git(path, "tag", "--list") == "v0.1.0"  # v0.2.0 not re-created
