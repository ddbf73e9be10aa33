"""Data Package v2 vocabulary: the raw texts are resources `frictionless validate` checks (hash, bytes),
they agree with the sources table (`text-resource-mismatch`), contributor roles come from the
DataCite/CRediT vocabulary (`contributor-role-unknown`), and every reader still takes the package."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from miitdata.features import is_text_resource
from miitdata.package import read_package
from miitdata.roles import CREDIT, DATACITE, VOCABULARY, creators, suggest, unknown_roles
from miitdata.sources import text_resource, text_resource_name
from tests.conftest import ROOT, copy_package, edit_descriptor, run_inproc, validate_json

with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as _fh:
    SOURCES = list(csv.DictReader(_fh))


def _descriptor(path: Path = ROOT / "datapackage.json") -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _frictionless_cli(descriptor: Path) -> tuple[int, dict[str, Any]]:
    """The real `frictionless validate --json` on a descriptor: (exit code, report)."""
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return proc.returncode, json.loads(proc.stdout)


def _errors(report: dict[str, Any]) -> list[tuple[str | None, str, str]]:
    return [(t.get("name"), e["type"], e["message"]) for t in report["tasks"] for e in t["errors"]]


# -- the raw texts as resources ------------------------------------------------------------------------


def test_every_source_text_is_a_resource_with_the_tables_hash() -> None:
    texts = {r["path"]: r for r in _descriptor()["resources"] if is_text_resource(r)}
    assert sorted(texts) == sorted(s["path"] for s in SOURCES)
    for src in SOURCES:
        res = texts[src["path"]]
        data = (ROOT / src["path"]).read_bytes()
        assert res["name"] == text_resource_name(src["source_id"])
        assert res["hash"] == f"sha256:{src['sha256']}" == "sha256:" + hashlib.sha256(data).hexdigest()
        assert res["bytes"] == len(data)
        assert (res["mediatype"], res["encoding"], res["format"]) == ("text/plain", "utf-8", "txt")
        assert "type" not in res and "schema" not in res  # v2: `type` is "table" or absent
    # `sources` (v2 provenance) still lists each text
    assert sorted(s["path"] for s in _descriptor()["sources"]) == sorted(texts)


def test_frictionless_cli_checks_the_raw_texts_and_sees_one_changed_byte(tmp_path: Path) -> None:
    pristine = copy_package(tmp_path)
    code, report = _frictionless_cli(pristine)
    assert code == 0 and report["valid"], _errors(report)[:5]
    names = {t["name"]: t for t in report["tasks"]}
    for src in SOURCES:  # each text is a task of its own: its hash and bytes were checked
        task = names[text_resource_name(src["source_id"])]
        assert task["type"] == "text" and task["valid"]
        assert task["stats"]["sha256"] == src["sha256"]

    text = tmp_path / SOURCES[1]["path"]
    data = bytearray(text.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte, same size
    text.write_bytes(bytes(data))
    code, report = _frictionless_cli(pristine)
    assert code == 1 and not report["valid"]
    errors = _errors(report)
    assert [(n, t) for n, t, _ in errors] == [(text_resource_name(SOURCES[1]["source_id"]), "hash-count")]
    assert SOURCES[1]["sha256"] in errors[0][2]


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    which=st.integers(0, len(SOURCES) - 1), where=st.floats(0, 1, exclude_max=True), mask=st.integers(1, 255)
)
def test_frictionless_sees_any_changed_byte_of_any_text(
    tmp_path_factory: pytest.TempPathFactory, which: int, where: float, mask: int
) -> None:
    import frictionless

    tmp = tmp_path_factory.mktemp("text")
    desc = copy_package(tmp)
    src = SOURCES[which]
    text = tmp / src["path"]
    data = bytearray(text.read_bytes())
    data[int(where * len(data))] ^= mask
    text.write_bytes(bytes(data))
    name = text_resource_name(src["source_id"])
    report = frictionless.Package(str(desc)).get_resource(name).validate()
    assert not report.valid
    assert [e.type for t in report.tasks for e in t.errors] == ["hash-count"]  # same size: the hash says it


def test_miitdata_validate_frictionless_reports_the_changed_text(tmp_path: Path) -> None:
    desc = copy_package(tmp_path)
    text = tmp_path / SOURCES[0]["path"]
    text.write_bytes(text.read_bytes() + b"\n")
    code, report = validate_json(desc, "--frictionless", "--layer", "provenance")
    assert code == 1
    types = {(e["type"], e.get("resource")) for e in report["errors"]}
    assert ("source-hash-mismatch", "sources") in types  # miitdata's own check, from the table
    assert ("frictionless", text_resource_name(SOURCES[0]["source_id"])) in types  # frictionless's
    (hashed,) = [e for e in report["errors"] if e["type"] == "frictionless" and "hash" in e["message"]]
    assert (hashed["path"], hashed["line"]) == (SOURCES[0]["path"], 1)  # the text's own file
    # the resource's bytes no longer match the file either: the same edit, said by the descriptor rule
    assert ("text-resource-mismatch", None) in types


MUTATIONS = {
    "hash": lambda d, t: t.update(hash="sha256:" + "0" * 64),
    "md5": lambda d, t: t.update(hash="0" * 32),
    "bytes": lambda d, t: t.update(bytes=t["bytes"] + 1),
    "no-bytes": lambda d, t: t.pop("bytes"),
    "dropped": lambda d, t: d["resources"].remove(t),
    "stray": lambda d, t: d["resources"].append(dict(t, name="text-stray", path="data/events.csv")),
    "twice": lambda d, t: d["resources"].append(dict(t, name="text-again")),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_text_resources_must_agree_with_the_sources_table(tmp_path: Path, mutation: str) -> None:
    desc = copy_package(tmp_path)
    src = SOURCES[2]

    def change(d: dict[str, Any]) -> None:
        (res,) = [r for r in d["resources"] if r.get("path") == src["path"]]
        MUTATIONS[mutation](d, res)

    edit_descriptor(desc, change)
    code, report = validate_json(desc, "--layer", "provenance")
    assert code == 1
    found = [e for e in report["errors"] if e["type"] == "text-resource-mismatch"]
    assert len(found) == 1 and {e["type"] for e in report["errors"]} == {"text-resource-mismatch"}
    error = found[0]
    if mutation == "dropped":  # the edit is a resource to add: said on the source's row
        assert (error["path"], error["id"], error["field"]) == ("data/sources.csv", src["source_id"], "path")
        assert src["sha256"] in error["message"] and "text-s002" in error["message"]
    else:  # on the descriptor's line of the resource concerned
        assert error["path"] == "datapackage.json" and error["line"] > 1
        lines = desc.read_text(encoding="utf-8").splitlines()
        line = lines[error["line"] - 1].strip()
        keys = ('"hash"', '"bytes"', '"path"', '"name"')
        assert line == "{" or any(k in line for k in keys)  # "{": the resource, which has no bytes


def test_a_package_declaring_no_text_resource_is_not_held_to_the_rule(tmp_path: Path) -> None:
    """Every release before 0.4.1 lists its raw texts only under `sources`: still valid."""
    desc = copy_package(tmp_path)
    edit_descriptor(desc, lambda d: d.update(resources=[r for r in d["resources"] if "schema" in r]))
    code, report = validate_json(desc, "--layer", "provenance")
    assert code == 0, report["errors"][:3]
    assert read_package(desc).texts == {}


def test_text_resource_is_derived_from_the_bytes() -> None:
    data = "工信部 2.48万亿元\n".encode()
    res = text_resource("S017", "data/sources/017_x.txt", data, "t")
    assert res["name"] == "text-s017" and res["bytes"] == len(data) == 24
    assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert is_text_resource(res) and not is_text_resource({"name": "x", "path": "x.csv", "schema": {}})


# -- readers take a package with non-table resources ---------------------------------------------------


def test_read_package_keeps_tables_and_texts_apart() -> None:
    package = read_package(ROOT / "datapackage.json")
    assert "observations" in package.resources and not any(n.startswith("text-") for n in package.resources)
    assert sorted(package.texts) == sorted(text_resource_name(s["source_id"]) for s in SOURCES)
    import miitdata

    ds = miitdata.load(ROOT / "datapackage.json")
    assert set(ds.tables) == set(package.resources)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"encoding": "latin-1"}, "descriptor-unsupported"),
        ({"compression": "gz"}, "descriptor-unsupported"),
        ({"mediatype": "text/plain", "format": "docx"}, "descriptor-unsupported"),
        ({"data": "inline text"}, "descriptor-unsupported"),
        ({"dialect": {"delimiter": ";"}}, "descriptor-unsupported"),
        ({"path": "../outside.txt"}, "path-unsafe"),
        ({"path": "https://example.org/s.txt"}, "path-not-local"),
        ({"mediatype": "application/pdf", "format": "pdf"}, "descriptor-invalid"),  # neither table nor text
    ],
)
def test_a_text_resource_miitdata_would_misread_is_refused(
    tmp_path: Path, change: dict[str, Any], code: str
) -> None:
    desc = copy_package(tmp_path)
    edit_descriptor(
        desc, lambda d: next(r for r in d["resources"] if r["name"] == "text-s000").update(change)
    )
    proc = run_inproc("validate", str(desc))
    assert proc.returncode == 2 and f"[{code}]" in proc.stderr, proc.stderr


# -- contributor roles ---------------------------------------------------------------------------------


def test_the_package_roles_are_from_the_vocabulary() -> None:
    descriptor = _descriptor()
    assert unknown_roles(descriptor) == []
    (contributor,) = descriptor["contributors"]
    assert "maintainer" not in contributor["roles"]
    assert {"creator", "DataCurator", "DataManager"} <= set(contributor["roles"])
    assert creators(descriptor) == ["miitdata contributors"]


@given(st.text(max_size=30))
def test_a_role_is_accepted_exactly_when_it_is_in_the_vocabulary(role: str) -> None:
    descriptor = {"contributors": [{"title": "x", "roles": ["creator", role]}]}
    assert (unknown_roles(descriptor) == []) == (role in VOCABULARY)


@given(st.sampled_from(sorted(VOCABULARY)), st.sampled_from(["lower", "upper", "spaced"]))
def test_a_misspelled_term_is_suggested_in_its_spelling(term: str, how: str) -> None:
    variant = {"lower": term.lower(), "upper": term.upper(), "spaced": term.replace("-", " ")}[how]
    assert suggest(variant) == term or variant == term


def test_vocabulary_sizes_and_v1_words() -> None:
    assert len(DATACITE) == 22 and len(CREDIT) == 14
    assert suggest("maintainer") == "DataManager" and suggest("author") == "creator"
    assert suggest("wrangler") == "DataCurator" and suggest("zzz") is None


def test_creators_are_the_contributors_with_the_creator_role() -> None:
    d = {
        "contributors": [
            {"title": "A", "roles": ["creator", "DataCurator"]},
            {"title": "B", "roles": ["ContactPerson"]},
            {"title": "C"},  # v2: no roles means ["contributor"]
            {"title": "D", "roles": ["creator"]},
        ]
    }
    assert creators(d) == ["A", "D"]
    assert creators({"contributors": [{"title": "B", "roles": ["DataManager"]}]}) == ["miitdata contributors"]


def test_validate_reports_a_v1_role_on_its_line_with_the_v2_term(tmp_path: Path) -> None:
    desc = copy_package(tmp_path)
    edit_descriptor(desc, lambda d: d["contributors"][0].update(roles=["creator", "maintainer", "Editor"]))
    code, report = validate_json(desc, "--layer", "structure")
    assert code == 1
    (error,) = report["errors"]
    assert error["type"] == "contributor-role-unknown" and error["layer"] == "structure"
    assert "'maintainer'" in error["message"] and "did you mean 'DataManager'" in error["message"]
    line = desc.read_text(encoding="utf-8").splitlines()[error["line"] - 1]
    assert '"maintainer"' in line


@pytest.mark.parametrize(
    ("version", "roles", "unknown"),
    [
        ("0.4.0", ["creator", "maintainer"], []),  # the released 0.4.0 descriptor's own roles
        ("0.1.0", ["author", "publisher", "wrangler"], []),
        ("0.4.0", ["creator", "maintaner"], ["maintaner"]),  # a typo is no v1 word
        ("0.4.0", ["creator", "Maintainer"], ["Maintainer"]),  # v1 words are spelled exactly
        ("0.4.1.dev0", ["creator", "maintainer"], ["maintainer"]),  # the vocabulary's first version
        ("0.4.1", ["creator", "author"], ["author"]),
        ("1.0.0", ["creator", "maintainer"], ["maintainer"]),
        ("next", ["creator", "maintainer"], ["maintainer"]),  # no X.Y.Z: the current rule
    ],
)
def test_a_release_before_the_vocabulary_keeps_its_v1_roles(
    tmp_path: Path, version: str, roles: list[str], unknown: list[str]
) -> None:
    """A CI user's copy of a released package stays valid when miitdata is upgraded: the v1 words its
    release was published with pass below 0.4.1; anything else outside the vocabulary does not."""
    desc = copy_package(tmp_path)
    edit_descriptor(desc, lambda d: d.update(version=version) or d["contributors"][0].update(roles=roles))
    code, report = validate_json(desc, "--layer", "structure")
    found = [e for e in report["errors"] if e["type"] == "contributor-role-unknown"]
    assert [e["message"].split("'")[1] for e in found] == unknown
    assert (code == 0) == (not unknown), report["errors"]


def test_a_v1_author_of_an_old_release_is_cited_as_a_creator() -> None:
    old = {"version": "0.3.0", "contributors": [{"title": "Old Team", "roles": ["author", "maintainer"]}]}
    assert creators(old) == ["Old Team"]


def test_citation_outputs_name_the_creators(tmp_path: Path) -> None:
    desc = copy_package(tmp_path)
    edit_descriptor(
        desc,
        lambda d: d.update(
            contributors=[
                {"title": "Curator Team", "roles": ["creator", "DataCurator"]},
                {"title": "Help Desk", "roles": ["ContactPerson"]},
            ]
        ),
    )
    proc = run_inproc("cite", "O0009", "--format", "csl-json", "-p", str(desc))
    assert proc.returncode == 0, proc.stderr
    assert "Curator Team" in proc.stdout and "Help Desk" not in proc.stdout
    import miitdata
    from miitdata.outputs.schemaorg import dataset_jsonld

    doc = dataset_jsonld(miitdata.load(desc))
    assert [p["name"] for p in doc["creator"]] == ["Curator Team"]


def test_scale_packages_declare_their_texts_and_validate(tmp_path: Path) -> None:
    """benchmarks/scale.py's synthetic packages declare their own texts as resources: both validators pass."""
    import importlib.util

    import frictionless

    import miitdata

    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    sys.modules["scale"] = scale  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(scale)
    scale.generate(tmp_path / "pkg", 60)
    desc = tmp_path / "pkg" / "datapackage.json"
    package = read_package(desc)
    with (tmp_path / "pkg" / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["path"] for r in package.texts.values()) == sorted(r["path"] for r in rows)
    report = miitdata.validate(str(desc))
    assert report.valid, report.errors[:3]
    assert frictionless.validate(str(desc)).valid
