"""Did you mean: every unknown id, foreign key, category or region names the closest known value."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import miitdata
from miitdata.validation.suggest import Vocabulary, closest
from tests.conftest import copy_package
from tests.test_causes import edit


def test_closest_is_close_or_nothing() -> None:
    assert closest("wset", ["west", "east", "CN-SC"]) == "west"
    assert closest("West", ["west", "east"]) == "west"  # only the case differs
    assert closest("zzzz", ["west", "east"]) is None
    assert closest("west", ["west"]) is None  # known: nothing to suggest
    assert closest(None, ["west"]) is None


def test_a_large_vocabulary_still_suggests() -> None:
    ids = [f"O{i:07d}" for i in range(200_000)]
    vocabulary = Vocabulary(ids)
    found = vocabulary.closest("O01234S6")
    assert found is not None and found in set(ids)
    assert difflib.SequenceMatcher(None, "o01234s6", found.lower()).ratio() >= 0.7


@given(st.text(alphabet="abcdefgh", min_size=4, max_size=10), st.integers(min_value=0, max_value=3))
def test_one_typo_in_a_word_of_a_small_vocabulary_is_found(word: str, at: int) -> None:
    typo = word[:at] + ("x" if word[at] != "x" else "y") + word[at + 1 :]
    assert closest(typo, [word, "qqqqqqqqqqqqqqqq"]) in (word, None) or typo == word
    if len(word) >= 6:
        assert closest(typo, [word, "qqqqqqqqqqqqqqqq"]) == word


CASES = [
    # (file, line pattern, old, new, error type, the suggestion)
    ("observations", r"^O0009,", ",west,", ",wset,", "foreign-key", "west"),
    ("observations", r"^O0009,", "share_of_national", "share_of_nationl", "foreign-key",
     "industrial_va_share_of_national"),
    ("observations", r"^O0009,", ",actual,", ",actuall,", "constraint-error", "actual"),
    ("mentions", r"^M001-0012,", ",O0009,S001,", ",O0009,S01,", "foreign-key", "S001"),
    ("relations", r"^R0001,", ",O0003,", ",O0030x,", "relation-invalid", "O0030"),
    ("discrepancies", r"^D002,", "M001-0017 ", "M001-0O17 ", "discrepancy-invalid", "M001-0017"),
]  # fmt: skip


@pytest.mark.parametrize(("table", "where", "old", "new", "code", "wanted"), CASES, ids=[c[3] for c in CASES])
def test_unknown_values_name_the_closest(
    tmp_path: Path, table: str, where: str, old: str, new: str, code: str, wanted: str
) -> None:
    copy_package(tmp_path)
    edit(tmp_path / "data" / f"{table}.csv", where, old, new)
    report = json.loads(miitdata.validate(tmp_path / "datapackage.json").to_json())
    hits = [e for e in report["errors"] if e["type"] == code]
    assert hits, report["errors"]
    assert any(f"(did you mean {wanted!r}?)" in e["message"] for e in hits), [e["message"] for e in hits]
