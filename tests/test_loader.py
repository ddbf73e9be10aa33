"""The loader: typed frames from the bundled package and from a copy; cheap import."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd

import miitdata
from miitdata.schema import number_text
from tests.conftest import ROOT, edit_rows

RESOURCES = [
    "events",
    "sources",
    "regions",
    "indicators",
    "observations",
    "mentions",
    "relations",
    "discrepancies",
    "retired",
]


def test_load_bundled_has_every_resource_typed() -> None:
    ds = miitdata.load()
    assert ds.resource_names == RESOURCES
    assert ds.path == ROOT / "datapackage.json" or ds.path.name == "datapackage.json"
    assert len(ds.sources) == 5
    assert pd.api.types.is_datetime64_any_dtype(ds.events["date"])
    assert isinstance(ds.indicators["unit"].dtype, pd.CategoricalDtype)
    assert ds.sources["machine_translated"].dtype == "boolean"
    assert str(ds.mentions["start"].dtype) == "Int64"
    assert ds.observations["value"].dtype == "float64"
    assert ds.regions["region_id"].dtype == "string"


def test_version_matches_pyproject_and_descriptor() -> None:
    ds = miitdata.load()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    descriptor = json.loads((ROOT / "datapackage.json").read_text())["version"]
    assert ds.version == project == descriptor


def test_missing_optional_text_is_na_not_empty_string() -> None:
    ds = miitdata.load()
    s000 = ds.sources.set_index("source_id").loc["S000"]
    assert s000["publisher"] is pd.NA


def test_numbers_round_trip_the_csv_text(pkg: Path) -> None:
    values = ["17.84", "1887.5", "0.1", "100000", "2.37", "41.9"]

    def add(rows: list[dict[str, str]]) -> None:
        rows.extend(
            {
                "indicator_id": f"x{i}",
                "name_zh": "测试",
                "name_en": "test",
                "unit": "percent",
                "kind": "share",
                "minimum": v,
                "maximum": "100000",
                "description": "",
            }
            for i, v in enumerate(values)
        )

    edit_rows(pkg, "indicators", add)
    ds = miitdata.load(str(pkg))
    got = ds.indicators.set_index("indicator_id").loc[[f"x{i}" for i in range(len(values))], "minimum"]
    assert [number_text(v) for v in got] == values
    with (pkg.parent / "data" / "indicators.csv").open(encoding="utf-8") as fh:
        assert [r["minimum"] for r in csv.DictReader(fh)][-len(values) :] == values


def test_load_a_directory_path(pkg: Path) -> None:
    assert len(miitdata.load(str(pkg.parent)).regions) == len(miitdata.load().regions)


def test_import_is_cheap() -> None:
    # typing and pathlib too: together a third of `import miitdata`'s own time (startup.py's target)
    heavy = ("pandas", "pandera", "frictionless", "dvc", "numpy", "typer", "rich", "typing", "pathlib")
    code = f"import sys, miitdata; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_regions_cover_iso_3166_2_cn() -> None:
    import pycountry

    ds = miitdata.load()
    provinces = ds.regions[ds.regions["level"] == "province"]
    assert set(provinces["iso_3166_2"]) == {s.code for s in pycountry.subdivisions.get(country_code="CN")}
    assert (provinces["iso_3166_2"] == provinces["region_id"]).all()


def test_grouping_members_match_official_definitions() -> None:
    regions = miitdata.load().regions.set_index("region_id")
    members = {rid: set(str(m).split()) for rid, m in regions["members"].dropna().items()}
    counts = {rid: len(m) for rid, m in members.items()}
    assert (
        counts["east"] == 10 and counts["central"] == 6 and counts["west"] == 12 and counts["northeast"] == 3
    )
    assert counts["yreb"] == 11 and counts["yellow-river"] == 9 and counts["gba-mainland"] == 9
    assert members["yrd"] == {"CN-SH", "CN-JS", "CN-ZJ", "CN-AH"}
    assert members["jjj"] == {"CN-BJ", "CN-TJ", "CN-HE"}
    four = members["east"] | members["central"] | members["west"] | members["northeast"]
    assert four == members["mainland-31"] and len(four) == 31
    assert members["central-west"] == members["central"] | members["west"]
    assert members["gba"] == members["gba-mainland"] | {"CN-HK", "CN-MO"}
