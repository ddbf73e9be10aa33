"""The loader and the validator from a built wheel (data force-included), outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_the_data_and_works_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("miitdata-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert "miitdata/py.typed" in archive.namelist()  # PEP 561: users' type checkers read our hints
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import json, miitdata; d = miitdata.load(); "
        "print(json.dumps({'path': str(d.path), 'file': miitdata.__file__, 'sources': len(d.sources), "
        "'observations': len(d.observations), 'version': d.version}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    got = json.loads(out.stdout)
    assert got["file"].startswith(str(target))
    assert got["path"] == str(target / "miitdata" / "_data" / "datapackage.json")
    checkout = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert got["version"] == checkout["version"] and got["sources"] == 5
    with (ROOT / "data" / "observations.csv").open(encoding="utf-8") as fh:
        assert got["observations"] == sum(1 for _ in fh) - 1
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", "validate"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shipped = {p.name for p in (target / "miitdata" / "_data" / "data" / "sources").iterdir()}
    assert shipped == {p.name for p in (ROOT / "data" / "sources").glob("*.txt")}
