"""Dataset versions with real git and real DVC in temporary directories (no mocks).

The `released` fixture builds a repository from the current package: `dvc repro`, commit, tag
v0.1.0; then revises O0001, adds two observations, removes one, bumps the version to 0.2.0,
`dvc repro`, commit, tag v0.2.0; and pushes the cached outputs to a default remote added to
`.dvc/config` (a sibling directory of the repository; the committed config names no remote).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from miitdata.errors import PackageError
from tests.cli_shim import shim_path
from tests.conftest import ROOT, copy_package, read_rows, run_cli, write_rows

BIN = str(Path(sys.executable).parent)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "miitdata tests",
    "GIT_AUTHOR_EMAIL": "tests@miitdata.invalid",
    "GIT_COMMITTER_NAME": "miitdata tests",
    "GIT_COMMITTER_EMAIL": "tests@miitdata.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "DVC_NO_ANALYTICS": "1",
    "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
}


@functools.cache
def has_export() -> bool:
    """Whether `miitdata export` (the build stage's command) exists in this checkout."""
    return run_cli("export", "--help").returncode == 0


def sh(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        list(args), cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300
    )
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def dvc(*args: str, cwd: Path) -> str:
    return sh(sys.executable, "-m", "dvc", *args, cwd=cwd)


def commit(repo: Path, message: str, date: str) -> str:
    sh("git", "add", "-A", cwd=repo)
    sh(
        "git",
        "commit",
        "-q",
        "-m",
        message,
        cwd=repo,
        env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
    )
    return sh("git", "rev-parse", "HEAD", cwd=repo).strip()


def set_version(repo: Path, version: str) -> None:
    path = repo / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    old = json.loads(text)["version"]
    path.write_text(text.replace(f'"version": "{old}"', f'"version": "{version}"', 1), encoding="utf-8")


@dataclass
class Released:
    repo: Path
    remote: Path
    sha1: str
    sha2: str
    dev: str
    v1_observations: bytes
    revised: str
    old_value: str
    new_value: str
    added: list[str]
    removed: str
    indicator: str


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Released]:
    with pytest.MonkeyPatch.context() as mp:
        base = tmp_path_factory.mktemp("versions")
        for key, value in GIT_ENV.items():
            mp.setenv(key, value)
        mp.setenv("PATH", shim_path(base / "bin"))  # dvc.yaml's `miitdata` is the one under test
        repo = base / "miitdata"
        repo.mkdir()
        copy_package(repo)
        shutil.copy2(ROOT / "dvc.yaml", repo / "dvc.yaml")
        shutil.copy2(ROOT / ".gitattributes", repo / ".gitattributes")
        sh("git", "init", "-q", "-b", "main", cwd=repo)
        dvc("init", "-q", cwd=repo)
        shutil.copy2(ROOT / ".dvc" / "config", repo / ".dvc" / "config")  # the committed config (no remote)
        dvc("remote", "add", "-d", "local", "../miitdata-dvc-remote", cwd=repo)  # a sibling directory
        shutil.copy2(ROOT / ".dvcignore", repo / ".dvcignore")
        if not has_export():  # the exporter is not there yet: version the validate stage only
            text = (repo / "dvc.yaml").read_text(encoding="utf-8")
            (repo / "dvc.yaml").write_text(text.split("  build:")[0], encoding="utf-8")
        set_version(repo, "0.1.0")
        dvc("repro", "-q", cwd=repo)
        sha1 = commit(repo, "Release 0.1.0", "2024-01-01T00:00:00+00:00")
        sh("git", "tag", "v0.1.0", cwd=repo)
        v1 = (repo / "data" / "observations.csv").read_bytes()

        obs = repo / "data" / "observations.csv"
        header, rows = read_rows(obs)
        revised = rows[0]
        old_value = revised["value"]
        new_value = str(int(float(old_value)) + 100)
        revised["value"] = new_value
        removed = rows.pop()
        added = [{**rows[1], "observation_id": f"O999{i}", "period": f"199{i}"} for i in (8, 9)]
        rows += added
        write_rows(obs, header, rows)
        set_version(repo, "0.2.0.dev0")  # work towards 0.2.0: not a release, never resolved as one
        dev = commit(repo, "Work towards 0.2.0", "2024-01-15T00:00:00+00:00")
        set_version(repo, "0.2.0")
        dvc("repro", "-q", cwd=repo)
        sha2 = commit(repo, "Release 0.2.0", "2024-02-01T00:00:00+00:00")
        sh("git", "tag", "v0.2.0", cwd=repo)
        dvc("push", "-q", cwd=repo)
        yield Released(
            repo=repo,
            remote=base / "miitdata-dvc-remote",
            sha1=sha1,
            sha2=sha2,
            dev=dev,
            v1_observations=v1,
            revised=revised["observation_id"],
            old_value=old_value,
            new_value=new_value,
            added=[a["observation_id"] for a in added],
            removed=removed["observation_id"],
            indicator=revised["indicator_id"],
        )


def value_of(ds: object, oid: str) -> float:
    frame = ds.observations  # type: ignore[attr-defined]
    return float(frame.loc[frame["observation_id"] == oid, "value"].iloc[0])


@pytest.mark.slow
def test_load_rev_reads_each_version(released: Released) -> None:
    import miitdata

    v1 = miitdata.load(rev="v0.1.0", repo=str(released.repo))
    v2 = miitdata.load(rev="v0.2.0", repo=str(released.repo))
    assert (v1.version, v2.version) == ("0.1.0", "0.2.0")
    assert v1.rev == "v0.1.0"
    assert value_of(v1, released.revised) == float(released.old_value)
    assert value_of(v2, released.revised) == float(released.new_value)
    ids1, ids2 = set(v1.observations["observation_id"]), set(v2.observations["observation_id"])
    assert ids2 - ids1 == set(released.added)
    assert ids1 - ids2 == {released.removed}
    # same typed Dataset as load(): dtypes equal those of the checkout copy of the same version
    head = miitdata.load(released.repo / "datapackage.json")
    assert list(v2.tables) == list(head.tables)
    for name in head.tables:
        assert v2.tables[name].dtypes.equals(head.tables[name].dtypes), name
        assert v2.tables[name].equals(head.tables[name]), name
    # a sha works too
    assert miitdata.load(rev=released.sha1, repo=str(released.repo)).version == "0.1.0"


@pytest.mark.slow
def test_versions_resolve_without_tags(released: Released, tmp_path: Path) -> None:
    from miitdata.versions.git import local_repo, resolve, versions

    clone = tmp_path / "clone"
    sh("git", "clone", "-q", str(released.repo), str(clone), cwd=tmp_path)
    sh("git", "tag", "-d", "v0.1.0", "v0.2.0", cwd=clone)
    assert resolve("v0.1.0", local_repo(clone)) == released.sha1
    assert resolve("v0.2.0", local_repo(clone)) == released.sha2  # the release, not the .dev0 commit
    assert resolve("v0.2.0", local_repo(clone)) != released.dev
    found = versions(clone)
    assert [(v.version, v.commit, v.tag) for v in found] == [
        ("0.1.0", released.sha1, None),
        ("0.2.0", released.sha2, None),
    ]
    with pytest.raises(PackageError, match=r"v9\.9\.9"):
        resolve("v9.9.9", local_repo(clone))
    with pytest.raises(PackageError, match="unknown revision"):
        resolve("no-such-branch", local_repo(clone))


@pytest.mark.slow
def test_versions_cli(released: Released) -> None:
    proc = run_cli("versions", "--repo", str(released.repo), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert [(v["version"], v["tag"], v["commit"]) for v in found] == [
        ("0.1.0", "v0.1.0", released.sha1),
        ("0.2.0", "v0.2.0", released.sha2),
    ]
    assert found[1]["metrics"]["observations"] == found[0]["metrics"]["observations"] + 1
    assert found[0]["date"].startswith("2024-01-01")
    text = run_cli("versions", "--repo", str(released.repo)).stdout.splitlines()
    assert text[0].split()[:4] == ["version", "tag", "commit", "date"]
    assert text[1].split()[:4] == ["0.1.0", "v0.1.0", released.sha1[:10], "2024-01-01"]


@pytest.mark.slow
def test_diff_json_and_text(released: Released) -> None:
    proc = run_cli("diff", "v0.1.0", "v0.2.0", "--repo", str(released.repo), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["a"] == {"rev": "v0.1.0", "commit": released.sha1, "version": "0.1.0"}
    assert result["b"] == {"rev": "v0.2.0", "commit": released.sha2, "version": "0.2.0"}
    assert result["release"] == {"version": "0.1.0", "commit": released.sha1}
    assert result["vanished"] == {"observations": [released.removed]}
    assert result["summary"]["observations"] == {"added": 2, "removed": 1, "renamed": 0, "changed": 1}
    for name, counts in result["summary"].items():
        if name != "observations":
            assert counts == {"added": 0, "removed": 0, "renamed": 0, "changed": 0}, name
    obs = result["resources"]["observations"]
    assert obs["added"] == released.added
    assert obs["removed"] == [released.removed]
    assert obs["changed"] == {
        released.revised: {"value": [float(released.old_value), float(released.new_value)]}
    }
    [item] = result["observations_revised"][released.indicator]
    assert item["observation_id"] == released.revised
    assert (item["old"], item["new"]) == (float(released.old_value), float(released.new_value))

    text = run_cli("diff", "v0.1.0", "v0.2.0", "--repo", str(released.repo)).stdout.splitlines()
    assert text[0] == (
        f"## miitdata diff: `v0.1.0` (0.1.0, {released.sha1[:7]}) → `v0.2.0` (0.2.0, {released.sha2[:7]})"
    )
    assert "### ⚠️ Vanished IDs (released in 0.1.0, missing now)" in text
    assert f"- **observations**: `{released.removed}`" in text
    assert "| observations | 2 | 1 | 0 | 1 |" in text
    assert f"**{released.indicator}**" in text
    assert any(
        line.startswith(f"- `{released.revised}` ")
        and line.endswith(f"{released.old_value} → {released.new_value}")
        for line in text
    ), text
    assert any(line.startswith(f"- added `{released.added[0]}`: ") for line in text)

    strict = run_cli("diff", "v0.1.0", "v0.2.0", "--repo", str(released.repo), "--strict")
    assert strict.returncode == 1
    # v0.2.0 against the working tree (which is v0.2.0): nothing changed, nothing vanished
    same = run_cli("diff", "v0.2.0", "--repo", str(released.repo), "--strict")
    assert same.returncode == 0, same.stderr
    assert "No changes in the data." in same.stdout


@pytest.mark.slow
def test_cli_errors_are_one_line(released: Released, tmp_path: Path) -> None:
    for args in (
        ("diff", "v9.9.9", "--repo", str(released.repo)),
        ("diff", "v0.1.0", "--repo", str(tmp_path / "missing")),
        ("versions", "--repo", str(tmp_path)),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert proc.stderr.startswith("miitdata: error: ") and proc.stderr.count("\n") == 1, proc.stderr
        assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_dvc_get_reads_a_version(released: Released, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    dvc("get", str(released.repo), "data/observations.csv", "--rev", "v0.1.0", "-o", str(out), cwd=tmp_path)
    assert out.read_bytes() == released.v1_observations


@pytest.mark.slow
def test_dvc_metrics_diff(released: Released) -> None:
    diff = json.loads(dvc("metrics", "diff", "v0.1.0", "v0.2.0", "--json", cwd=released.repo))
    change = diff["metrics.json"]["observations"]
    assert change["new"] - change["old"] == 1 and change["diff"] == 1


@pytest.mark.slow
def test_fresh_clone_pulls_and_rebuilds_exports_byte_for_byte(released: Released, tmp_path: Path) -> None:
    if not has_export():
        pytest.skip("miitdata export (the build stage) is not available yet")
    clone = released.repo.parent / "fresh-clone"  # a sibling: the relative default remote resolves the same
    sh("git", "clone", "-q", str(released.repo), str(clone), cwd=tmp_path)
    try:
        assert not (clone / "exports" / "miitdata.sqlite").exists()  # cached outputs are not in git
        dvc("pull", "-q", cwd=clone)
        built = sorted(
            p.relative_to(released.repo) for p in (released.repo / "exports").rglob("*") if p.is_file()
        )
        assert built
        for rel in built:
            assert (clone / rel).read_bytes() == (released.repo / rel).read_bytes(), rel
        assert "up to date" in dvc("status", cwd=clone).lower()
        # rebuilding from the data gives the same bytes (reproducible exports)
        dvc("repro", "-f", "-q", "build", cwd=clone)
        for rel in built:
            assert (clone / rel).read_bytes() == (released.repo / rel).read_bytes(), rel
    finally:
        shutil.rmtree(clone, ignore_errors=True)


def test_metrics_of_the_package() -> None:
    import miitdata
    from miitdata.outputs.metrics import METRIC_KEYS, compute

    ds = miitdata.load(ROOT / "datapackage.json")
    metrics = compute(ROOT / "datapackage.json")
    assert set(METRIC_KEYS) <= set(metrics)
    assert metrics["observations"] == len(ds.observations)
    assert metrics["mentions"] == len(ds.mentions)
    per_obs = ds.mentions.groupby("observation_id")["source_id"].nunique()
    assert metrics["multi_source_observations"] == int((per_obs >= 2).sum())


def test_load_rev_without_dvc_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['dvc'] = None; sys.modules['dvc.api'] = None\n"
        "import miitdata\n"
        "try:\n    miitdata.load(rev='HEAD')\n"
        "except miitdata.PackageError as exc:\n    print(exc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "pip install 'miitdata[dvc]'" in proc.stdout, proc.stderr


def test_import_does_not_load_dvc() -> None:
    code = "import sys, miitdata, miitdata.versions.git, miitdata.versions.diff; print('dvc' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr


def test_a_new_column_is_summarised_once_not_as_a_change_of_every_row() -> None:
    import pandas as pd

    from miitdata.dataset import Dataset
    from miitdata.versions.diff import resource_diff

    def ds(frame: pd.DataFrame) -> Dataset:
        schema = {"fields": [{"name": c} for c in frame.columns], "primaryKey": "observation_id"}
        descriptor = {"resources": [{"name": "observations", "schema": schema}]}
        return Dataset(path=Path("x"), version="0", descriptor=descriptor, tables={"observations": frame})

    old = pd.DataFrame({"observation_id": ["O1", "O2", "O3"], "value": [1.0, 2.0, 3.0]})
    new = old.assign(status=["actual", "actual", "target"], value=[1.0, 2.5, 3.0])
    part = resource_diff(ds(old), ds(new), "observations")
    assert part["columns_added"] == {"status": "actual 2, target 1"}
    assert part["changed"] == {"O2": {"value": [2.0, 2.5]}}
    back = resource_diff(ds(new), ds(old), "observations")
    assert back["columns_removed"] == {"status": "actual 2, target 1"}


def test_dvc_autostage_stays_off() -> None:
    """`core.autostage` makes `dvc repro` rewrite git's index through DVC's own index writer, which
    refreshes the stat data of files it did not stage: a same-size edit (`"version": "0.3.0"` ->
    `"0.3.1"`) then looks unchanged to git, and the release commit of the documented procedure
    (`dvc repro`, `git add -A`, commit) silently misses it (seen in CI: 2 runs in 3)."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / ".dvc" / "config", encoding="utf-8")
    autostage = config.get("core", "autostage", fallback="false").strip().lower()
    assert autostage not in ("true", "1", "yes", "on"), ".dvc/config: leave core.autostage off"
