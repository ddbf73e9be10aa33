"""The places the type checker (mypy, run by .ci/run) found wrong, each pinned by the behaviour it fixed."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import Any

import pytest

from miitdata.errors import PackageError
from tests.conftest import edit_rows, validate_json
from tests.release_repo import GIT_IDENTITY


# --- vocab.categories: a `constraints` that is not an object ----------------------------------------------
@pytest.mark.parametrize("constraints", [None, [], "enum", 3, {"enum": None}, {}])
def test_a_field_without_an_enum_object_has_no_closed_vocabulary(
    monkeypatch: pytest.MonkeyPatch, constraints: Any
) -> None:
    import miitdata.vocab as vocab

    fields = {("things", "kind"): {"name": "kind", "constraints": constraints}}
    monkeypatch.setattr(vocab, "_fields", lambda: fields)
    with pytest.raises(KeyError, match=r"things\.kind has no closed vocabulary"):
        vocab.categories("things", "kind")


def test_an_enum_in_constraints_is_the_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    import miitdata.vocab as vocab

    fields = {("things", "kind"): {"name": "kind", "constraints": {"enum": ["a", 2]}}}
    monkeypatch.setattr(vocab, "_fields", lambda: fields)
    assert vocab.categories("things", "kind") == ("a", "2")


# --- relations: an observation's bounds by tolerance rule ---------------------------------------------------
@pytest.mark.parametrize(
    ("tolerance", "fails"),
    [
        ("half-unit", True),
        ("exact", True),
        ("abs:0.1", False),
        ("abs:0.01", True),
        ("rel:0.01", False),
        ("rel:0.0001", True),
    ],
)
def test_each_tolerance_rule_widens_the_target_it_names(pkg: Path, tolerance: str, fails: bool) -> None:
    """R0001 states 30.5 - 3.1 = 27.4 (operands ± 0.05: 27.3 to 27.5); with the target at 27.6 (its quotes'
    last digit: ± 0.05) only a tolerance widening it by 0.05 or more holds."""

    def target(rows: list[dict[str, str]]) -> None:
        (row,) = [r for r in rows if r["observation_id"] == "O0003"]
        row["value"] = "27.6"

    def rule(rows: list[dict[str, str]]) -> None:
        (row,) = [r for r in rows if r["relation_id"] == "R0001"]
        assert (row["target"], row["operands"]) == ("O0003", "O0001 O0002")
        row["tolerance"] = tolerance

    edit_rows(pkg, "observations", target)
    edit_rows(pkg, "relations", rule)
    _, report = validate_json(pkg, "--layer", "relations")
    failed = [e for e in report["errors"] if e["type"] == "relation-failed" and e["id"] == "R0001"]
    assert bool(failed) is fails, failed


# --- site: the sentence around a quote ----------------------------------------------------------------------
def test_the_sentence_around_a_span_ends_at_its_own_full_stop() -> None:
    from miitdata.outputs.site import _sentence

    text = "第一句。数字12在这里。最后"
    at = text.index("12")
    lo, hi = _sentence(text, at, at + 2)
    assert text[lo:hi] == "数字12在这里。"
    tail = text.index("最后")
    assert text[slice(*_sentence(text, tail, tail + 1))] == "最后"  # no full stop after: to the end


# --- query.format.format_number: missing values -------------------------------------------------------------
@pytest.mark.parametrize("missing", [None, math.nan])
def test_a_missing_number_formats_as_nothing(missing: float | None) -> None:
    from miitdata.query.format import format_number

    assert format_number(missing) == ""
    assert format_number(100000) == "100,000"


# --- versions.git.resolve: a revision that names nothing ----------------------------------------------------
def _repo(tmp_path: Path) -> tuple[Path, str]:
    env = {**GIT_IDENTITY, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(tmp_path / "none")}
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "datapackage.json").write_text('{"name": "x", "version": "1.0.0"}\n', encoding="utf-8")
    for args in (["init", "-q"], ["add", "datapackage.json"], ["commit", "-q", "-m", "v1"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, timeout=60)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    return repo, head


def test_resolve_finds_a_version_by_history_and_refuses_an_unknown_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from miitdata.versions.git import resolve

    repo, head = _repo(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert resolve(None, repo) == head
    assert resolve("v1.0.0", repo) == head  # no tag: the commit whose descriptor first says 1.0.0
    for rev, why in (("v2.0.0", "no tag and no commit"), ("nope", "unknown revision")):
        with pytest.raises(PackageError) as caught:
            resolve(rev, repo)
        assert caught.value.code == "rev-not-found" and why in str(caught.value)
