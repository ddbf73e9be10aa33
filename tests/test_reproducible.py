"""Byte-reproducible outputs: every file `dvc repro` builds is the same whatever the machine's state.

Generic on purpose (whatever the writers in miitdata.export do): each output is built twice, in
different directories, under different environments (time zone, SOURCE_DATE_EPOCH, hash seed,
locale, umask-independent), and the bytes compared. The slow test runs the CI's check on a fresh
clone: `dvc repro -f` leaves `dvc status` and `git status` clean.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_shim import shim_path
from tests.conftest import ROOT

ENVS = (
    {"TZ": "UTC", "PYTHONHASHSEED": "0", "LC_ALL": "C"},
    {"TZ": "Asia/Shanghai", "PYTHONHASHSEED": "4242", "SOURCE_DATE_EPOCH": "1700000000", "LC_ALL": "C.UTF-8"},
)
# (output, command): the dvc.yaml stages' commands and the other export formats
BUILDS = {
    "parquet": ["export", "--package", "{pkg}", "--format", "parquet", "out"],
    "sqlite": ["export", "--package", "{pkg}", "--format", "sqlite", "out"],
    "xlsx": ["export", "--package", "{pkg}", "--format", "xlsx", "out"],
    "csv": ["export", "--package", "{pkg}", "--format", "csv", "out"],
    "json": ["export", "--package", "{pkg}", "--format", "json", "out"],
    "datasheet": ["datasheet", "--package", "{pkg}", "out"],
    "metrics": ["metrics", "{pkg}", "--output", "out", "--report", "report.json"],
}


def build(kind: str, where: Path, env: dict[str, str]) -> dict[str, bytes]:
    where.mkdir(parents=True)
    args = [a.replace("{pkg}", str(ROOT / "datapackage.json")) for a in BUILDS[kind]]
    full_env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH",)}
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", *args],
        cwd=where,
        env={**full_env, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0 and "No such command" in proc.stderr:
        pytest.skip(f"miitdata {args[0]} is not available")
    assert proc.returncode == 0, proc.stderr
    return {str(p.relative_to(where)): p.read_bytes() for p in sorted(where.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", list(BUILDS))
def test_output_is_byte_reproducible(kind: str, tmp_path: Path) -> None:
    if kind in ("parquet", "xlsx"):
        pytest.importorskip("pyarrow" if kind == "parquet" else "openpyxl")
    first = build(kind, tmp_path / "a" / "deeper", ENVS[0])
    second = build(kind, tmp_path / "b", ENVS[1])
    assert first, kind
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], f"{kind}: {name} differs between two builds"


def test_parquet_bytes_name_no_pyarrow_version(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    from miitdata.outputs.reproducible import PARQUET_CREATED_BY

    files = build("parquet", tmp_path / "p", ENVS[0])
    parquets = [tmp_path / "p" / name for name in files if name.endswith(".parquet")]
    assert parquets
    for path in parquets:
        assert pq.read_metadata(path).created_by == PARQUET_CREATED_BY
        if pyarrow.__version__ not in PARQUET_CREATED_BY:
            assert f"version {pyarrow.__version__}".encode() not in path.read_bytes()


def test_sqlite_header_names_no_sqlite_version(tmp_path: Path) -> None:
    import sqlite3

    from miitdata.outputs.reproducible import SQLITE_PAGE_SIZE, SQLITE_VERSION

    build("sqlite", tmp_path / "s", ENVS[0])
    path = tmp_path / "s" / "out"
    header = path.read_bytes()[:100]
    assert struct.unpack(">H", header[16:18])[0] == SQLITE_PAGE_SIZE
    assert struct.unpack(">I", header[96:100])[0] == SQLITE_VERSION
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed
    finally:
        con.close()


def test_pins_are_idempotent(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from miitdata.outputs.reproducible import pin_parquet, pin_sqlite

    build("parquet", tmp_path / "p", ENVS[0])
    build("sqlite", tmp_path / "s", ENVS[0])
    for path, pin in (
        (tmp_path / "p" / "out" / "observations.parquet", pin_parquet),
        (tmp_path / "s" / "out", pin_sqlite),
    ):
        before = path.read_bytes()
        pin(path)
        assert path.read_bytes() == before, path


@pytest.mark.slow
def test_fresh_clone_dvc_repro_is_byte_for_byte(tmp_path: Path) -> None:
    """What .ci/run checks: on a clone of the committed HEAD, `dvc repro -f` changes nothing."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(ROOT), str(clone)], check=True, timeout=120)
    env = {
        **os.environ,
        "DVC_NO_ANALYTICS": "1",
        "PATH": shim_path(tmp_path / "bin"),
    }

    def dvc(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "dvc", *args],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    dvc("repro", "-f", "-q")
    assert json.loads(dvc("status", "--json")) == {}
    porcelain = subprocess.run(
        ["git", "status", "--porcelain", "--", "exports", "metrics.json", "reports", "dvc.lock"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert porcelain == "", porcelain
