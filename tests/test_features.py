"""Foreign packages and descriptor features: refused by name (exit 2), never misread.

The foreign packages recreate fixtures of frictionless-py's own test suite (data/package.json,
data/package-with-missingvalues.json, data/dialect.json, data/package-dialect-no-header.json: a table
`table.csv` of id,name; a package-level missingValues; a `;` delimiter; a dialect restating defaults).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_package, edit_descriptor, run_inproc


def foreign(root: Path, extra: dict[str, Any] | None = None, **resource: Any) -> Path:
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "table.csv").write_text("id,name\n1,english\n2,中国人\n", encoding="utf-8")
    res = {"name": "name", "path": "data/table.csv",
           "schema": {"fields": [{"name": "id", "type": "integer"}, {"name": "name", "type": "string"}]},
           **resource}  # fmt: skip
    descriptor = {"name": "name", "resources": [res], **(extra or {})}
    path = root / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "resource"),
    [({}, {}), ({"missingValues": ["1"]}, {}), ({}, {"dialect": {"delimiter": ";"}})],
    ids=["package", "package-with-missingvalues", "dialect"],
)
def test_a_foreign_package_is_refused_naming_what_is_missing(
    tmp_path: Path, extra: dict[str, Any], resource: dict[str, Any]
) -> None:
    path = foreign(tmp_path, extra, **resource)
    for fmt in ("text", "json"):
        proc = run_inproc("validate", str(path), "--format", fmt)
        assert proc.returncode == 2
        assert "[not-a-miitdata-package]" in proc.stderr
        assert "observations" in proc.stderr and "frictionless validate" in proc.stderr
    assert json.loads(run_inproc("validate", str(path), "-f", "json").stdout)["error"]["code"] == (
        "not-a-miitdata-package"
    )


def _dialect(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["resources"][4]["dialect"].update(values)


def _resource(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["resources"][4].update(values)


def _field_format(d: dict[str, Any]) -> None:
    d["resources"][0]["schema"]["fields"][1]["format"] = "%Y-%m-%d"


UNSUPPORTED = [
    ("delimiter", _dialect(delimiter=";"), "dialect delimiter ';'"),
    ("escapeChar", _dialect(escapeChar="\\", doubleQuote=False), "dialect"),
    ("commentChar", _dialect(commentChar="#"), "dialect commentChar '#'"),
    ("no-header", _dialect(header=False), "dialect header False"),
    ("latin1", _resource(encoding="latin1"), "encoding 'latin1'"),
    ("bom", _resource(encoding="utf-8-sig"), "encoding 'utf-8-sig'"),
    ("inline-data", _resource(data=[["a", "b"]]), "inline data"),
    ("field-format", _field_format, "format '%Y-%m-%d'"),
    ("package-missingValues", lambda d: d.update(missingValues=["", "NA"]), "missingValues ['', 'NA']"),
    ("json-format", _resource(format="json"), "format 'json'"),
]


@pytest.mark.parametrize(("case", "change", "named"), UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED])
def test_an_unsupported_feature_is_refused_by_name(
    pkg: Path, case: str, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    edit_descriptor(pkg, change)
    proc = run_inproc("validate", str(pkg))
    assert proc.returncode == 2, proc.stdout
    assert "[descriptor-unsupported]" in proc.stderr and named in proc.stderr


def test_restating_the_defaults_is_fine(pkg: Path) -> None:
    # as frictionless' package-dialect-no-header.json writes them (CRLF declared: LF files still read)
    edit_descriptor(pkg, _dialect(skipInitialSpace=False, delimiter=",", doubleQuote=True, quoteChar='"',
                                  lineTerminator="\r\n"))  # fmt: skip
    edit_descriptor(pkg, _resource(encoding="UTF-8", format="csv"))
    proc = run_inproc("validate", str(pkg))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_fork_with_most_resources_is_still_validated(tmp_path: Path) -> None:
    path = copy_package(tmp_path)

    def drop_relations(d: dict[str, Any]) -> None:
        d["resources"] = [r for r in d["resources"] if r["name"] != "relations"]
        for r in d["resources"]:
            if "schema" not in r:  # a raw text
                continue
            keys = r["schema"].get("foreignKeys", [])
            r["schema"]["foreignKeys"] = [k for k in keys if k["reference"].get("resource") != "relations"]

    edit_descriptor(path, drop_relations)
    proc = run_inproc("validate", str(path), "-f", "json")
    assert proc.returncode == 1
    assert any(e["type"] == "resource-missing" for e in json.loads(proc.stdout)["errors"])


# Every reader applies the same refusals (package.read_package -> features.check_supported): load(),
# and the commands that read a package, not only validate.
READERS = [("show", "-f", "json"), ("info", "-f", "json"), ("export", "-f", "json")]


def _refused_by_every_reader(path: Path, code: str, tmp_path: Path) -> None:
    import miitdata
    from miitdata.errors import PackageError

    with pytest.raises(PackageError) as raised:
        miitdata.load(path)
    assert raised.value.code == code
    for command, *options in READERS:
        out = [str(tmp_path / "out")] if command == "export" else []
        proc = run_inproc(command, *options, "-p", str(path), *out)
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert f"[{code}]" in proc.stderr, (command, proc.stderr)
    assert not (tmp_path / "out").exists()  # nothing half-written


@pytest.mark.parametrize(("case", "change", "named"), UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED])
def test_every_reader_refuses_an_unsupported_feature(
    tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    (tmp_path / "pkg").mkdir()
    path = copy_package(tmp_path / "pkg")
    edit_descriptor(path, change)
    _refused_by_every_reader(path, "descriptor-unsupported", tmp_path)


def test_every_reader_refuses_a_foreign_package(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    path = foreign(tmp_path / "pkg", {}, dialect={"delimiter": ";"})
    _refused_by_every_reader(path, "not-a-miitdata-package", tmp_path)


def test_every_reader_reads_restated_defaults(tmp_path: Path) -> None:
    import miitdata

    (tmp_path / "pkg").mkdir()
    path = copy_package(tmp_path / "pkg")
    edit_descriptor(path, _resource(encoding="UTF-8", format="csv"))
    assert len(miitdata.load(path).observations) > 0
    assert run_inproc("info", "-f", "json", "-p", str(path)).returncode == 0
