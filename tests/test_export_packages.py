"""The CSV export is a Data Package real frictionless validates; Parquet marks required fields non-null."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from miitdata.outputs.export import WRITERS, export, read_export
from miitdata.outputs.formats import DIRECTORY_FORMATS, TABLE_FORMATS
from tests.conftest import edit_rows


def _frictionless(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_csv_export_is_a_valid_data_package(pkg: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    written = export(out, "csv", pkg)
    assert out / "datapackage.json" in written
    proc = _frictionless(out / "datapackage.json")
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["valid"], proc.stdout[-3000:]
    tasks = {t["name"]: t for t in report["tasks"]}
    source = json.loads(pkg.read_text(encoding="utf-8"))
    tables = [r for r in source["resources"] if "schema" in r]  # not the raw texts
    assert set(tasks) == {r["name"] for r in tables}
    for res in tables:
        assert tasks[res["name"]]["stats"]["rows"] == len(read_export(out, "csv")[res["name"]])

    doc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert doc["name"] == source["name"] and doc["version"] == source["version"]
    by_name = {r["name"]: r for r in doc["resources"]}
    for res in tables:
        got = by_name[res["name"]]
        assert got["path"] == f"{res['name']}.csv"
        assert got["schema"]["fields"] == res["schema"]["fields"]  # types and constraints
        assert got["schema"].get("primaryKey") == res["schema"].get("primaryKey")
        assert got["schema"].get("foreignKeys") == res["schema"].get("foreignKeys")
        assert got["hash"].startswith("sha256:")


def test_csv_export_of_an_invalid_package_fails_frictionless(pkg: Path, tmp_path: Path) -> None:
    """The declared keys are real: a broken foreign key in the tables is found in the export."""

    def orphan(rows: list[dict[str, str]]) -> None:
        rows[0]["indicator_id"] = "no_such_indicator"

    edit_rows(pkg, "observations", orphan)
    export(tmp_path / "csv", "csv", pkg)
    proc = _frictionless(tmp_path / "csv" / "datapackage.json")
    report = json.loads(proc.stdout)
    assert not report["valid"]
    types = {e["type"] for t in report["tasks"] for e in t["errors"]}
    assert "foreign-key" in types, types


def test_parquet_required_fields_are_not_nullable(pkg: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    source = json.loads(pkg.read_text(encoding="utf-8"))
    export(tmp_path / "p", "parquet", pkg)
    for res in source["resources"]:
        if "schema" not in res:  # a raw text
            continue
        schema = pq.read_schema(tmp_path / "p" / f"{res['name']}.parquet")
        key = res["schema"].get("primaryKey") or []
        for field in res["schema"]["fields"]:
            required = (field.get("constraints") or {}).get("required") or field["name"] in key
            assert schema.field(field["name"]).nullable == (not required), (res["name"], field["name"])


def test_parquet_of_a_package_missing_a_required_cell_stays_lossless(pkg: Path, tmp_path: Path) -> None:
    def blank(rows: list[dict[str, str]]) -> None:
        rows[0]["value"] = ""

    edit_rows(pkg, "observations", blank)
    import pyarrow.parquet as pq

    export(tmp_path / "p", "parquet", pkg)
    assert pq.read_schema(tmp_path / "p" / "observations.parquet").field("value").nullable
    assert read_export(tmp_path / "p", "parquet")["observations"]["value"].iloc[0] is None


def test_every_table_format_has_one_writer() -> None:
    assert tuple(WRITERS) == TABLE_FORMATS
    assert {f for f, w in WRITERS.items() if w.directory} == set(DIRECTORY_FORMATS)


@pytest.mark.parametrize("fmt", ["csv"])
def test_csv_descriptor_without_schemas_declares_strings(tmp_path: Path, fmt: str) -> None:
    from miitdata.outputs.export import write_tables

    out = tmp_path / "t"
    meta = {"name": "t", "version": "0", "created": "2026-01-01T00:00:00Z"}
    write_tables({"t": (["a", "b"], [["1", None], ["x", "y"]])}, out, fmt, meta)
    proc = _frictionless(out / "datapackage.json")
    assert json.loads(proc.stdout)["valid"], proc.stdout[-2000:]
    doc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [f["type"] for f in doc["resources"][0]["schema"]["fields"]] == ["string", "string"]
