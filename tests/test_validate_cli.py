"""`miitdata validate`: exit codes 0/1/2, and each structural error type on a broken copy of the package."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import edit_descriptor, edit_rows, run_inproc, validate_json


def test_bundled_package_is_valid() -> None:
    proc = run_inproc("validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid" in proc.stdout


def test_json_report_shape(pkg: Path) -> None:
    code, report = validate_json(pkg)
    assert code == 0
    assert report["valid"] is True
    assert report["errors"] == []
    assert report["stats"]["rows"]["sources"] == 5
    assert set(report["stats"]["layers"]) == {
        "structure",
        "content",
        "provenance",
        "consistency",
        "relations",
    }


@pytest.mark.parametrize(
    ("setup", "code_word"),
    [
        (lambda p: p.unlink(), "descriptor-not-found"),
        (lambda p: p.write_text("{not json", encoding="utf-8"), "descriptor-invalid-json"),
        (lambda p: p.write_text("[1, 2]", encoding="utf-8"), "descriptor-invalid"),
        (lambda p: p.write_text('{"name": "x"}', encoding="utf-8"), "descriptor-invalid"),
        (lambda p: p.write_bytes(b"\xff\xfe{}"), "descriptor-invalid-json"),
        (
            lambda p: edit_descriptor(p, lambda d: d["resources"][0].update(path="../../etc/passwd")),
            "path-unsafe",
        ),
        (lambda p: edit_descriptor(p, lambda d: d["resources"][0].update(path="/etc/passwd")), "path-unsafe"),
        (
            lambda p: edit_descriptor(p, lambda d: d["resources"][0].update(path="https://x.org/a.csv")),
            "path-not-local",
        ),
        (
            lambda p: edit_descriptor(p, lambda d: d.update({"$schema": "https://example.com/x.json"})),
            "path-not-local",  # a remote profile: refused before anything could fetch it
        ),
        (
            lambda p: edit_descriptor(p, lambda d: d["resources"].append(dict(d["resources"][0]))),
            "descriptor-invalid",
        ),
    ],
    ids=[
        "missing",
        "not-json",
        "not-object",
        "no-resources",
        "not-utf8",
        "escape",
        "absolute",
        "url",
        "unknown-profile",
        "duplicate-resource",
    ],
)
def test_could_not_run_exits_2_with_one_line(pkg: Path, setup: Callable[[Path], Any], code_word: str) -> None:
    setup(pkg)
    proc = run_inproc("validate", str(pkg))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert code_word in lines[0] and "datapackage.json" in lines[0]
    assert "Traceback" not in proc.stderr


def test_missing_directory_exits_2(tmp_path: Path) -> None:
    proc = run_inproc("validate", str(tmp_path / "nowhere"))
    assert proc.returncode == 2 and "descriptor-not-found" in proc.stderr


def _set(resource_rows: list[dict[str, str]], index: int, **values: str) -> None:
    resource_rows[index].update(values)


CASES: list[tuple[str, str, Callable[[Path], Any], str, int | None, str | None]] = [
    # (id, resource, mutation, expected type, row, field)
    (
        "type-date",
        "events",
        lambda p: edit_rows(p, "events", lambda r: _set(r, 0, date="2022-13-40")),
        "type-error",
        2,
        "date",
    ),
    (
        "type-number",
        "indicators",
        lambda p: edit_rows(p, "indicators", lambda r: _set(r, 1, maximum="1e")),
        "type-error",
        3,
        "maximum",
    ),
    (
        "type-nan",
        "indicators",
        lambda p: edit_rows(p, "indicators", lambda r: _set(r, 0, minimum="NaN")),
        "type-error",
        2,
        "minimum",
    ),
    (
        "type-fullwidth",
        "indicators",
        lambda p: edit_rows(p, "indicators", lambda r: _set(r, 0, minimum="１２")),
        "type-error",
        2,
        "minimum",
    ),
    (
        "type-boolean",
        "sources",
        lambda p: edit_rows(p, "sources", lambda r: _set(r, 2, machine_translated="yes")),
        "type-error",
        4,
        "machine_translated",
    ),
    (
        "required",
        "events",
        lambda p: edit_rows(p, "events", lambda r: _set(r, 1, host="")),
        "constraint-error",
        3,
        "host",
    ),
    (
        "enum",
        "sources",
        lambda p: edit_rows(p, "sources", lambda r: _set(r, 0, language="fr")),
        "constraint-error",
        2,
        "language",
    ),
    (
        "pattern",
        "sources",
        lambda p: edit_rows(p, "sources", lambda r: _set(r, 0, sha256="ABC")),
        "constraint-error",
        2,
        "sha256",
    ),
    (
        "unique",
        "regions",
        lambda p: edit_rows(p, "regions", lambda r: _set(r, 5, gb2260="440300")),
        "unique-error",
        None,
        "gb2260",
    ),
    (
        "primary-key",
        "events",
        lambda p: edit_rows(p, "events", lambda r: r.append(dict(r[0]))),
        "primary-key",
        4,
        "event_id",
    ),
    (
        "foreign-key",
        "sources",
        lambda p: edit_rows(p, "sources", lambda r: _set(r, 3, event_id="2022-09-24-miit")),
        "foreign-key",
        5,
        "event_id",
    ),
    (
        "self-foreign-key",
        "regions",
        lambda p: edit_rows(p, "regions", lambda r: _set(r, 1, parent="atlantis")),
        "foreign-key",
        3,
        "parent",
    ),
    (
        "extra-label",
        "events",
        lambda p: _rewrite(p, "events", lambda t: t.replace("note\n", "note,extra\n", 1)),
        "extra-label",
        1,
        "extra",
    ),
    (
        "missing-label",
        "events",
        lambda p: _rewrite(p, "events", lambda t: t.replace(",note\n", "\n", 1)),
        "missing-label",
        1,
        "note",
    ),
    (
        "extra-cell",
        "events",
        lambda p: _rewrite(p, "events", lambda t: t.rstrip("\n") + ",surplus\n"),
        "extra-cell",
        3,
        None,
    ),
    ("blank-row", "events", lambda p: _rewrite(p, "events", lambda t: t + ",,,,,,\n"), "blank-row", 4, None),
    ("bom", "events", lambda p: _rewrite(p, "events", lambda t: "\ufeff" + t), "encoding-error", 1, None),
    (
        "crlf",
        "events",
        lambda p: _rewrite(p, "events", lambda t: t.replace("\n", "\r\n")),
        "format-error",
        1,
        None,
    ),
    (
        "not-found",
        "mentions",
        lambda p: (p.parent / "data" / "mentions.csv").unlink(),
        "resource-not-found",
        None,
        None,
    ),
    (
        "sha256",
        "sources",
        lambda p: (p.parent / "data" / "sources" / "004_d0fe679171638b3c.txt").write_bytes(
            (p.parent / "data" / "sources" / "004_d0fe679171638b3c.txt").read_bytes() + b" "
        ),
        "source-hash-mismatch",
        6,
        "sha256",
    ),
    (
        "source-missing",
        "sources",
        lambda p: (p.parent / "data" / "sources" / "001_55388e3040f8126e.txt").unlink(),
        "source-missing",
        3,
        "path",
    ),
]


def _rewrite(pkg: Path, resource: str, change: Callable[[str], str]) -> None:
    path = pkg.parent / "data" / f"{resource}.csv"
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8"))


@pytest.mark.parametrize(
    ("case", "resource", "mutate", "etype", "row", "field"), CASES, ids=[c[0] for c in CASES]
)
def test_structural_error_detected(
    pkg: Path,
    case: str,
    resource: str,
    mutate: Callable[[Path], Any],
    etype: str,
    row: int | None,
    field: str | None,
) -> None:
    mutate(pkg)
    code, report = validate_json(pkg)
    assert code == 1
    assert report["valid"] is False
    hits = [e for e in report["errors"] if e["type"] == etype and e.get("resource") == resource]
    assert hits, json.dumps(report["errors"], ensure_ascii=False, indent=1)
    if row is not None:
        assert any(e.get("row") == row for e in hits), hits
    if field is not None:
        assert any(e.get("field") == field for e in hits), hits


def test_text_report_names_file_row_field(pkg: Path) -> None:
    edit_rows(pkg, "events", lambda r: _set(r, 0, date="yesterday"))
    proc = run_inproc("validate", str(pkg))
    assert proc.returncode == 1
    assert "type-error" in proc.stdout and "events" in proc.stdout and "date" in proc.stdout


def test_junit_has_one_testcase_per_check_and_the_failure(pkg: Path, tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    edit_rows(pkg, "events", lambda r: _set(r, 0, date="yesterday"))
    out = tmp_path / "report.xml"
    proc = run_inproc("validate", str(pkg), "--format", "junit", "--output", str(out))
    assert proc.returncode == 1
    root = ET.parse(out).getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == int(root.get("tests", "0")) > 20
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["structure.events.type-error"]


def test_python_api_returns_report(pkg: Path) -> None:
    import miitdata

    report = miitdata.validate(str(pkg))
    assert report.valid and report.stats()["rows"]["events"] == 2
    edit_rows(pkg, "events", lambda r: _set(r, 0, event_id="bad id"))
    report = miitdata.validate(str(pkg))
    assert not report.valid
    assert {e.type for e in report.errors} >= {"constraint-error", "foreign-key"}


def test_frictionless_option_merges_reference_errors(pkg: Path) -> None:
    edit_rows(pkg, "events", lambda r: _set(r, 0, date="yesterday"))
    code, report = validate_json(pkg, "--frictionless")
    assert code == 1
    assert any(e["type"] == "frictionless" and e.get("resource") == "events" for e in report["errors"])


def test_pre_commit_hook_runs_validate() -> None:
    from tests.conftest import ROOT

    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: miitdata-validate" in hooks and "entry: miitdata validate" in hooks


def test_descriptor_profile_checked_offline(pkg: Path) -> None:
    pytest.importorskip("dplib")
    code, report = validate_json(pkg)
    assert code == 0 and not [e for e in report["errors"] if e["type"] == "descriptor-profile"]

    def break_profile(d: dict[str, Any]) -> None:
        d["keywords"] = "China"  # the profile wants an array
        d["licenses"] = [{"title": "no name, no path"}]

    edit_descriptor(pkg, break_profile)
    code, report = validate_json(pkg)
    assert code == 1
    found = [e for e in report["errors"] if e["type"] == "descriptor-profile"]
    assert {e["message"].split(":")[0] for e in found} >= {"/keywords", "/licenses/0"}, found
