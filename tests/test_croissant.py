"""Croissant 1.1: croissant.json (package, site), the datasheet's JSON-LD; mlcroissant in its own venv."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import miitdata
from miitdata.outputs.croissant import CONFORMS_TO, DATA_TYPES, croissant_jsonld
from tests.conftest import ROOT, copy_package, run_inproc


def _tables(descriptor: dict) -> list[dict]:
    return [r for r in descriptor["resources"] if "schema" in r]  # not the raw texts


def _check(doc: dict, base: Path) -> None:
    """Every file there with its sha256; a record set per table with typed fields and its key."""
    assert doc["@type"] == "sc:Dataset" and doc["conformsTo"] == CONFORMS_TO
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", doc["name"])  # no characters Croissant forbids
    for key in ("description", "license", "url", "version", "datePublished", "creator", "citeAs"):
        assert doc.get(key), key
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    files = {f["@id"]: f for f in doc["distribution"]}
    for f in files.values():
        assert f["@type"] == "cr:FileObject"
        data = (base / f["contentUrl"]).read_bytes()
        assert f["sha256"] == hashlib.sha256(data).hexdigest(), f["@id"]
    sets = {r["@id"]: r for r in doc["recordSet"]}
    assert set(sets) == {r["name"] for r in _tables(descriptor)}
    for res in _tables(descriptor):
        record = sets[res["name"]]
        assert record["@type"] == "cr:RecordSet"
        fields = {f["name"]: f for f in record["field"]}
        assert list(fields) == [f["name"] for f in res["schema"]["fields"]]
        for f in res["schema"]["fields"]:
            assert fields[f["name"]]["dataType"] == DATA_TYPES[f["type"]]
            assert fields[f["name"]]["source"]["fileObject"]["@id"] == res["path"]
            assert fields[f["name"]]["source"]["extract"]["column"] == f["name"]
        assert record["key"] == {"@id": f"{res['name']}/{res['schema']['primaryKey'][0]}"}
    refs = {
        f["@id"]: f["references"]["field"]["@id"]
        for r in sets.values()
        for f in r["field"]
        if "references" in f
    }
    assert refs["observations/indicator_id"] == "indicators/indicator_id"
    assert refs["mentions/observation_id"] == "observations/observation_id"


def test_committed_croissant_is_current_and_complete() -> None:
    doc = json.loads((ROOT / "croissant.json").read_text(encoding="utf-8"))
    assert doc == croissant_jsonld(miitdata.load(ROOT / "datapackage.json"))
    _check(doc, ROOT)


def test_croissant_export_leads_to_the_files(pkg: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    proc = run_inproc(
        "export", "--format", "croissant", "--package", str(pkg), str(tmp_path / "out" / "c.json")
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((tmp_path / "out" / "c.json").read_text(encoding="utf-8"))
    assert doc["distribution"][0]["contentUrl"].startswith("../")  # out/ lies inside the package
    _check(doc, tmp_path / "out")


def test_croissant_export_outside_the_package_is_relative_to_its_root(tmp_path: Path) -> None:
    """No path of this machine (../../tmp/...) and the same bytes wherever OUT is."""
    (tmp_path / "p").mkdir()
    pkg = copy_package(tmp_path / "p")
    outs = [tmp_path / "elsewhere" / "c.json", tmp_path / "a" / "b" / "c.json"]
    for out in outs:
        out.parent.mkdir(parents=True)
        proc = run_inproc("export", "--format", "croissant", "--package", str(pkg), str(out))
        assert proc.returncode == 0, proc.stderr
    doc = json.loads(outs[0].read_text(encoding="utf-8"))
    assert not any(f["contentUrl"].startswith(("../", "/")) for f in doc["distribution"])
    assert outs[0].read_bytes() == outs[1].read_bytes()
    _check(doc, tmp_path / "p")


def _jsonld_of(html: str) -> dict:
    (script,) = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S)
    return json.loads(script)


def test_datasheet_and_site_carry_croissant(pkg: Path, tmp_path: Path) -> None:
    proc = run_inproc("site", "--package", str(pkg), str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    _check(json.loads((site / "croissant.json").read_text(encoding="utf-8")), site)
    _check(_jsonld_of((site / "datasheet.html").read_text(encoding="utf-8")), site)
    (tmp_path / "sheets").mkdir()
    out = tmp_path / "sheets" / "d.html"
    proc = run_inproc("datasheet", "--package", str(pkg), str(out))
    assert proc.returncode == 0, proc.stderr
    _check(_jsonld_of(out.read_text(encoding="utf-8")), out.parent)


# ---------------------------------------------------------------------------------------------- mlcroissant

LOAD = textwrap.dedent(
    """
    import json, sys
    import mlcroissant as mlc
    ds = mlc.Dataset(jsonld=sys.argv[1])
    rows = []
    for record in ds.records(record_set="observations"):
        text = {k: v.decode() if isinstance(v, bytes) else v for k, v in record.items()}
        rows.append({k.split("/", 1)[1]: v for k, v in text.items()})
    print(json.dumps(rows, default=str))
    """
)


@pytest.fixture(scope="module")
def croissant_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("croissant") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    pip = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "mlcroissant>=1.1"],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    if pip.returncode != 0:
        pytest.skip(f"cannot install mlcroissant: {pip.stderr.strip()[-300:]}")
    return python


def _validate(python: Path, path: Path) -> str:
    proc = subprocess.run(
        [str(python.parent / "mlcroissant"), "validate", "--jsonld", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    assert not re.search(r"^\s*-\s*\[|error", out, re.I | re.M), out[-3000:]  # no error, no issue listed
    assert "WARNING" not in out, out[-3000:]
    return out


@pytest.mark.slow
def test_mlcroissant_validates_and_loads_the_records(croissant_python: Path, tmp_path: Path) -> None:
    _validate(croissant_python, ROOT / "croissant.json")
    sheet = ROOT / "exports" / "datasheet.html"
    if sheet.is_file():  # the datasheet's JSON-LD, beside the datasheet its URLs start from
        extracted = sheet.parent / "datasheet.croissant.tmp.json"
        try:
            extracted.write_text(json.dumps(_jsonld_of(sheet.read_text(encoding="utf-8"))), encoding="utf-8")
            _validate(croissant_python, extracted)
        finally:
            extracted.unlink(missing_ok=True)
    proc = subprocess.run(
        [str(croissant_python), "-c", LOAD, str(ROOT / "croissant.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = json.loads(proc.stdout.strip().splitlines()[-1])
    want = miitdata.load(ROOT / "datapackage.json").observations
    assert len(rows) == len(want)  # every row of the CSV (236 in 0.3.0)
    for got, (_, row) in zip(rows, want.iterrows(), strict=True):
        for column in want.columns:
            value = row[column]
            expected = None if pd.isna(value) else value
            if column == "value":
                assert isinstance(got[column], float) and got[column] == expected
            else:
                assert got[column] == (None if expected is None else str(expected)), (
                    row["observation_id"],
                    column,
                )


@pytest.mark.parametrize(
    ("pep440", "expected"),
    [("0.4.0", "0.4.0"), ("0.4.1.dev0", "0.4.1-dev0"), ("1.0.0rc1", "1.0.0-rc1"), ("2.1.3a2", "2.1.3-a2")],
)
def test_croissant_version_is_semantic_versioning(pep440: str, expected: str) -> None:
    from miitdata.outputs.croissant import semver

    assert semver(pep440) == expected
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?", semver(pep440))
