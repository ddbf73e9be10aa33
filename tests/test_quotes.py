"""The quote rule: every quote in a note or explanation is verbatim in a source the row names or concerns.

The extractor (`miitdata.validation.quotes`) on examples of each form and on random source slices
(hypothesis), then the rule end to end through `miitdata.validate` on a copy of the real package.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import miitdata
from miitdata.validation.quotes import Quote, holds, normalise, quotes
from tests.conftest import ROOT, edit_rows, read_rows

TEXTS = {
    row["source_id"]: (ROOT / row["path"]).read_text(encoding="utf-8")
    for row in read_rows(ROOT / "data" / "sources.csv")[1]
}


def texts_of(cell: str) -> list[str]:
    return [q.text for q in quotes(cell)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("S003 'the nine cities' in English", ["the nine cities"]),
        ('S002 "software+hardware" twice', ["software+hardware"]),
        ("“5G 工业互联网”创新应用场景", ["5G 工业互联网", "工业互联网”创新应用场景"]),
        ("‘single’ and 「角括号」", ["single", "角括号", "角括号"]),  # a pair and a run
        ("Guangdong's figures and the provinces' totals", []),  # apostrophes, not quotes
        ("'Macao's industries' as one quote", ["Macao's industries"]),
        ("the hedge `>= 30` is code", []),
        ("a gloss (the nine mainland cities) is no quote", []),
        ("[presumed original: 规上单位工业增加值能耗累计下降57%] is marked", []),
        ("《京津冀协同发展规划纲要》 (2015) is a title", []),
        (
            "S000: 2021年，东部地区制造业增加值占地区生产总值比重为30.5% → 30.5",
            ["2021年，东部地区制造业增加值占地区生产总值比重为30.5%"],
        ),
        ("“软件 硬件” stays one span", ["软件 硬件", "软件 硬件"]),
        ("a lone '+' is not checked", []),
    ],
)
def test_what_counts_as_a_quote(cell: str, expected: list[str]) -> None:
    assert sorted(texts_of(cell)) == sorted(expected)


def test_an_ellipsis_splits_a_quote_into_parts_each_checked() -> None:
    (q,) = quotes("'industrial Internet logos Analyze … secondary nodes'")
    assert q.parts == ("industrial Internet logos Analyze", "secondary nodes")
    assert holds(q, normalise(TEXTS["S003"]))
    (bad,) = quotes("'industrial Internet logos Analyze … tertiary nodes'")
    assert not holds(bad, normalise(TEXTS["S003"]))


def test_a_sentence_initial_capital_may_differ() -> None:
    q = Quote("The regional innovation capability", 0, "quoted", ("the regional innovation capability",))
    assert holds(q, normalise(TEXTS["S003"]))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_slice_of_a_source_holds_and_a_changed_one_does_not(data: st.DataObject) -> None:
    sid = data.draw(st.sampled_from(sorted(TEXTS)), label="source")
    text = TEXTS[sid]
    start = data.draw(st.integers(0, len(text) - 40), label="start")
    length = data.draw(st.integers(8, 40), label="length")
    piece = normalise(text[start : start + length]).strip()
    if not any(c.isalnum() for c in piece) or "“" in piece or "”" in piece:
        return
    quote = Quote(piece, 0, "quoted", (piece,))
    assert holds(quote, normalise(text))
    changed = Quote(piece + "§", 0, "quoted", (piece + "§",))
    assert not holds(changed, normalise(text))


def _errors(pkg: Path) -> list[miitdata.validation.report.Error]:
    return [e for e in miitdata.validate(str(pkg)).errors if e.type == "quote-not-in-source"]


def _set_note(pkg: Path, resource: str, key: str, value: str, field: str = "note") -> int:
    """Set one cell; return the row's CSV row number."""
    found: list[int] = []

    def change(rows: list[dict[str, str]]) -> None:
        for i, row in enumerate(rows):
            if next(iter(row.values())) == key:
                row[field] = value
                found.append(i + 2)

    edit_rows(pkg, resource, change)
    assert found, key
    return found[0]


def test_the_released_package_passes_the_rule() -> None:
    report = miitdata.validate(layers=["provenance"])
    assert not [e.to_dict() for e in report.errors if e.type == "quote-not-in-source"]
    assert any(c.name == "quote-not-in-source" for c in report.checks)


def test_back_translated_chinese_fails_until_marked_presumed(pkg: Path) -> None:
    row = _set_note(pkg, "mentions", "M003-0532", "mistranslation of 12个国家先进制造业集群")
    (error,) = _errors(pkg)
    assert (error.resource, error.row, error.field, error.id) == ("mentions", row, "note", "M003-0532")
    assert "12个国家先进制造业集群" in error.message and "[presumed original:" in error.message
    _set_note(pkg, "mentions", "M003-0532", "mistranslation of [presumed original: 12个国家先进制造业集群]")
    assert _errors(pkg) == []


def test_a_quote_from_a_source_the_row_does_not_concern_names_where_it_is(pkg: Path) -> None:
    # M003-0007 is a quote of S003; 中部六省 is in S000 and S001 only
    _set_note(pkg, "mentions", "M003-0007", "member count: 中部六省")
    (error,) = _errors(pkg)
    assert "S000, S001" in error.message
    _set_note(pkg, "mentions", "M003-0007", "member count: 中部六省 (S000)")
    assert _errors(pkg) == []


def test_a_lost_plus_sign_is_no_quote(pkg: Path) -> None:
    """The issue's D303 case: S003 reads “软件 硬件”, so “软件+硬件” is not a quote of it."""
    _set_note(pkg, "discrepancies", "D303", "S003 has “软件+硬件”营业收入", field="explanation")
    assert {e.id for e in _errors(pkg)} == {"D303"}
    _set_note(pkg, "discrepancies", "D303", "S003 has “软件 硬件”营业收入", field="explanation")
    assert _errors(pkg) == []


def test_english_quotes_are_checked_in_every_free_text_field(pkg: Path) -> None:
    _set_note(pkg, "events", "2022-09-23-miit", "Speakers said 'nothing of the kind was said'")
    _set_note(pkg, "regions", "CN-GD", "'a sentence that no source has'")
    assert {(e.resource, e.id) for e in _errors(pkg)} == {("events", "2022-09-23-miit"), ("regions", "CN-GD")}
