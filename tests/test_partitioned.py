"""benchmarks/partitioned.py, the 10M prototype: a synthetic package split by source validates part by
part, every part valid and the merge valid, with every table of the layout in each part."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import miitdata
from miitdata.package import read_package
from tests.conftest import ROOT


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(module)
    return module


def test_a_split_package_validates_part_by_part(tmp_path: Path) -> None:
    scale, partitioned = _module("scale"), _module("partitioned")
    counts = scale.generate(tmp_path / "pkg", 3000)
    assert counts["sources"] >= 2
    descs = partitioned.split(tmp_path / "pkg" / "datapackage.json", tmp_path / "parts", 2)
    assert len(descs) == 2
    whole = read_package(tmp_path / "pkg" / "datapackage.json")
    mentions, results = 0, []
    for desc in descs:
        part = read_package(desc)
        assert set(part.resources) == set(whole.resources)  # every table
        assert 0 < len(part.texts) < len(whole.texts)  # this part's raw texts only
        report = miitdata.validate(str(desc))
        # a part mentions only some observations: the merge decides whether one is unmentioned
        assert {e.type for e in report.errors} <= {"observation-unmentioned"}, report.errors[:3]
        mentions += report.stats()["rows"]["mentions"]
        results.append(
            (0.0, 0.0, int(not report.valid), [{"type": e.type, "id": e.id} for e in report.errors])
        )
    assert mentions == counts["mentions"]  # every mention in exactly one part
    assert partitioned.merged(results) == {}  # valid as a whole, as miitdata.validate says of the package
    assert miitdata.validate(str(tmp_path / "pkg" / "datapackage.json")).valid
