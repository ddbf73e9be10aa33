"""Mutation suite: single faults injected into a copy of the real package, one per rule of every layer.

Each fault must be reported with the right error `type`, resource and row, and the unmutated
package must stay valid. hypothesis picks which row to break.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import miitdata
from tests.conftest import copy_package, read_rows, write_rows

Rows = dict[str, list[dict[str, str]]]
RESOURCES = [
    "observations",
    "mentions",
    "relations",
    "discrepancies",
    "indicators",
    "regions",
    "sources",
    "events",
]


def load_rows(pkg: Path) -> tuple[dict[str, list[str]], Rows]:
    headers, rows = {}, {}
    for name in RESOURCES:
        headers[name], rows[name] = read_rows(pkg.parent / "data" / f"{name}.csv")
    return headers, rows


BASE_HEADERS, BASE = load_rows(Path(__file__).resolve().parents[1] / "datapackage.json")
INDICATORS = {r["indicator_id"]: r for r in BASE["indicators"]}
OBS_UNIT = {r["observation_id"]: INDICATORS[r["indicator_id"]]["unit"] for r in BASE["observations"]}
MENTIONED = {r["observation_id"] for r in BASE["mentions"]}


def _all_nearly() -> set[str]:
    """Observations `~` whose every quote reads `~` (near, nearly, about …)."""
    from miitdata.numbers import parse

    hedges: dict[str, set[str]] = {}
    for m in BASE["mentions"]:
        try:
            comparator = parse(m["value_text"]).comparator
        except ValueError:
            comparator = "?"
        hedges.setdefault(m["observation_id"], set()).add(comparator)
    return {
        r["observation_id"]
        for r in BASE["observations"]
        if r["comparator"] == "~" and hedges.get(r["observation_id"]) == {"~"}
    }


ALL_NEARLY = _all_nearly()


def pick(rows: list[dict[str, str]], ok: Callable[[dict[str, str]], bool] = lambda r: True) -> list[int]:
    return [i for i, r in enumerate(rows) if ok(r)]


def _obs_index(rows: Rows, oid: str) -> int:
    return next(i for i, r in enumerate(rows["observations"]) if r["observation_id"] == oid)


# Each mutation: (candidate rows, mutate(rows, i) -> (resource, row index) of the expected error, type)
def out_of_range(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["observations"][i]
    r["value"] = str(float(INDICATORS[r["indicator_id"]]["maximum"]) * 10 + 1000)
    return "observations", i


def invented_chinese_in_note(rows: Rows, i: int) -> tuple[str, int]:
    """Back-translated Chinese presented as the source's words: in no source."""
    r = rows["observations"][i]
    r["note"] = (r["note"] + "; " if r["note"] else "") + "原文称之为虚构的统计口径"
    return "observations", i


def misquoted_explanation(rows: Rows, i: int) -> tuple[str, int]:
    """An English quote that no source has verbatim (one word of a real quote changed)."""
    d = rows["discrepancies"][i]
    d["explanation"] += " The text reads 'the figures were revised twice over the decade'."
    return "discrepancies", i


def broken_fk(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["indicator_id"] = "no_such_indicator"
    return "observations", i


def duplicate_id(rows: Rows, i: int) -> tuple[str, int]:
    rows["mentions"][i]["mention_id"] = rows["mentions"][i - 1]["mention_id"]
    return "mentions", i


def shifted_offset(rows: Rows, i: int) -> tuple[str, int]:
    m = rows["mentions"][i]
    m["start"], m["end"] = str(int(m["start"]) + 1), str(int(m["end"]) + 1)
    return "mentions", i


def altered_quote(rows: Rows, i: int) -> tuple[str, int]:
    m = rows["mentions"][i]
    m["exact"] = m["exact"][:-1] + ("X" if m["exact"][-1] != "X" else "Y")
    return "mentions", i


def wrong_prefix(rows: Rows, i: int) -> tuple[str, int]:
    rows["mentions"][i]["prefix"] = "§" + rows["mentions"][i]["prefix"][1:]
    return "mentions", i


def value_text_outside(rows: Rows, i: int) -> tuple[str, int]:
    rows["mentions"][i]["value_text"] = "999999"
    return "mentions", i


def offset_out_of_range(rows: Rows, i: int) -> tuple[str, int]:
    rows["mentions"][i]["end"] = "10000000"
    return "mentions", i


def mention_value(rows: Rows, i: int) -> tuple[str, int]:
    m = rows["mentions"][i]
    m["value"] = str(float(m["value"]) * 2 + 1)
    return "mentions", i


def relation_breaks(rows: Rows, i: int) -> tuple[str, int]:
    rel = rows["relations"][i]
    j = _obs_index(rows, rel["target"])
    rows["observations"][j]["value"] = str(float(rows["observations"][j]["value"]) * 3 + 7)
    return "relations", i


def relation_unknown_operand(rows: Rows, i: int) -> tuple[str, int]:
    rows["relations"][i]["operands"] = "O9999"
    return "relations", i


def stale_discrepancy(rows: Rows, i: int) -> tuple[str, int]:
    mid = rows["mentions"][i]["mention_id"]
    rows["discrepancies"].append({
        "discrepancy_id": "D999", "resource": "mentions", "target": mid, "error_type": "mention-disagrees",
        "kind": "typo", "explanation": "a waiver for a failure that does not exist",
    })  # fmt: skip
    return "discrepancies", len(rows["discrepancies"]) - 1


def missing_discrepancy_target(rows: Rows, i: int) -> tuple[str, int]:
    rows["discrepancies"][i]["target"] = "M999-9999"
    return "discrepancies", i


def value_offset_shifted(rows: Rows, i: int) -> tuple[str, int]:
    m = rows["mentions"][i]
    m["value_start"], m["value_end"] = str(int(m["value_start"]) - 1), str(int(m["value_end"]) - 1)
    return "mentions", i


def value_span_outside(rows: Rows, i: int) -> tuple[str, int]:
    m = rows["mentions"][i]
    m["value_end"] = str(int(m["end"]) + 1)
    return "mentions", i


def status_unknown(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["status"] = "planned"
    return "observations", i


def record_with_missing_id(rows: Rows, i: int) -> tuple[str, int]:
    d = rows["discrepancies"][i]
    d["target"] = d["target"] + " O9999" if d["resource"] == "observations" else d["target"] + " M999-9999"
    return "discrepancies", i


def repeated_mention(rows: Rows, i: int) -> tuple[str, int]:
    rows["mentions"].append({**rows["mentions"][i], "mention_id": "M999-9999"})
    return "mentions", len(rows["mentions"]) - 1


def repeated_observation(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"].append({**rows["observations"][i], "observation_id": "O9999"})
    return "observations", len(rows["observations"]) - 1


def other_event(rows: Rows, i: int) -> tuple[str, int]:
    j = _obs_index(rows, rows["mentions"][i]["observation_id"])
    events = [e["event_id"] for e in rows["events"]]
    obs = rows["observations"][j]
    obs["event_id"] = next(e for e in events if e != obs["event_id"])
    return "mentions", i


def exact_though_hedged(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["comparator"] = "="
    return "observations", i


def repeated_member(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["regions"][i]
    r["members"] = r["members"] + " " + r["members"].split()[0]
    return "regions", i


def repeated_discrepancy(rows: Rows, i: int) -> tuple[str, int]:
    rows["discrepancies"].append({**rows["discrepancies"][i], "discrepancy_id": "D998"})
    return "discrepancies", len(rows["discrepancies"]) - 1


def expected_contradicts_waiver(rows: Rows, i: int) -> tuple[str, int]:
    rows["relations"][i]["expected"] = "holds"  # it fails and a discrepancy explains it
    return "relations", i


def _hedged_in_a_quote() -> set[str]:
    """Forecasts and targets one of whose quotes states them as an expectation or a plan (the rule of
    CURATION.md, status): 预计/计划/目标/力争/到YYYY年 and the English hedges; "will" only outside machine
    translations."""
    import re

    from miitdata.validation.meaning import HEDGE_WILL, HEDGES_ANY

    machine = {s["source_id"]: s["machine_translated"] == "true" for s in BASE["sources"]}
    found = set()
    for m in BASE["mentions"]:
        if re.search(HEDGES_ANY, m["exact"]) or (
            not machine[m["source_id"]] and re.search(HEDGE_WILL, m["exact"])
        ):
            found.add(m["observation_id"])
    return found


HEDGED = _hedged_in_a_quote()
EVENT_YEAR = {e["event_id"]: int(e["date"][:4]) for e in BASE["events"]}
RECORDS = [d["discrepancy_id"] for d in BASE["discrepancies"] if not d["error_type"]]


def hedged_but_actual(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["status"] = "actual"  # 预计 / "is expected to" / 目标 ... in a quote
    return "observations", i


def forecast_of_the_past(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["observations"][i]
    r["period"] = str(EVENT_YEAR[r["event_id"]] - 3)  # a forecast or target for a year long over
    return "observations", i


def actual_of_the_future(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["observations"][i]
    r["period"] = f"{EVENT_YEAR[r['event_id']] + 2}/{EVENT_YEAR[r['event_id']] + 4}"  # not yet begun
    return "observations", i


def waiver_of_unknown_type(rows: Rows, i: int) -> tuple[str, int]:
    rows["discrepancies"][i]["error_type"] = rows["discrepancies"][i]["error_type"][:-1]  # relation-faile
    return "discrepancies", i


def expected_names_a_record(rows: Rows, i: int) -> tuple[str, int]:
    rows["relations"][i]["expected"] = RECORDS[i % len(RECORDS)]  # holds, yet names a record
    return "relations", i


def exact_over_two_lines(rows: Rows, i: int) -> tuple[str, int]:
    exact = rows["mentions"][i]["exact"]
    rows["mentions"][i]["exact"] = exact[: len(exact) // 2] + "\n" + exact[len(exact) // 2 :]
    return "mentions", i


def missing_tolerance(rows: Rows, i: int) -> tuple[str, int]:
    rows["relations"][i]["tolerance"] = ""
    return "relations", i


def bad_period(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["period"] = "2021-13"
    return "observations", i


def bad_comparator(rows: Rows, i: int) -> tuple[str, int]:
    rows["observations"][i]["comparator"] = "≈"
    return "observations", i


def not_integral(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["observations"][i]
    r["value"] = str(float(r["value"]) + 0.5)
    return "observations", i


def unmentioned(rows: Rows, i: int) -> tuple[str, int]:
    oid = rows["observations"][i]["observation_id"]
    rows["mentions"][:] = [m for m in rows["mentions"] if m["observation_id"] != oid]
    return "observations", i


def unknown_member(rows: Rows, i: int) -> tuple[str, int]:
    rows["regions"][i]["members"] += " atlantis"
    return "regions", i


def wrong_iso(rows: Rows, i: int) -> tuple[str, int]:
    rows["regions"][i]["iso_3166_2"] = "CN-XX"
    return "regions", i


def share_range(rows: Rows, i: int) -> tuple[str, int]:
    rows["indicators"][i]["maximum"] = "150"
    return "indicators", i


def inverted_range(rows: Rows, i: int) -> tuple[str, int]:
    r = rows["indicators"][i]
    r["minimum"], r["maximum"] = "5", "1"
    return "indicators", i


def changed_source_byte(rows: Rows, i: int) -> tuple[str, int]:
    return "sources", i  # the file itself is changed in the test (see SOURCE_BYTE)


def unit(oid: str) -> str:
    return OBS_UNIT.get(oid, "")


MUTATIONS: dict[str, tuple[str, list[int], Callable[[Rows, int], tuple[str, int]], str]] = {
    "value-out-of-range": ("observations", pick(BASE["observations"]), out_of_range, "value-out-of-range"),
    "foreign-key": ("observations", pick(BASE["observations"]), broken_fk, "foreign-key"),
    "duplicate-id": ("mentions", pick(BASE["mentions"])[1:], duplicate_id, "primary-key"),
    "shifted-offset": ("mentions", pick(BASE["mentions"]), shifted_offset, "quote-mismatch"),
    "altered-quote": ("mentions", pick(BASE["mentions"]), altered_quote, "quote-mismatch"),
    "prefix": (
        "mentions",
        pick(BASE["mentions"], lambda m: len(m["prefix"]) > 1),
        wrong_prefix,
        "prefix-mismatch",
    ),
    "value-text": ("mentions", pick(BASE["mentions"]), value_text_outside, "value-text-not-in-quote"),
    "offset-range": ("mentions", pick(BASE["mentions"]), offset_out_of_range, "offset-out-of-range"),
    "mention-value": (
        "mentions",
        pick(BASE["mentions"], lambda m: float(m["value"]) > 0),
        mention_value,
        "value-text-mismatch",
    ),
    "relation": (
        "relations",
        pick(
            BASE["relations"],
            lambda r: (
                r["expected"] == "holds"
                and r["kind"] in ("difference", "sum", "ratio", "share", "equal", "growth")
            ),
        ),
        relation_breaks,
        "relation-failed",
    ),
    "relation-invalid": (
        "relations",
        pick(BASE["relations"], lambda r: r["kind"] != "member-count"),
        relation_unknown_operand,
        "relation-invalid",
    ),
    "stale": ("mentions", pick(BASE["mentions"]), stale_discrepancy, "stale-discrepancy"),
    "discrepancy-target": (
        "discrepancies",
        pick(BASE["discrepancies"]),
        missing_discrepancy_target,
        "discrepancy-invalid",
    ),
    "record-target": (
        "discrepancies",
        pick(BASE["discrepancies"], lambda d: d["resource"] in ("mentions", "observations")),
        record_with_missing_id,
        "discrepancy-invalid",
    ),
    "value-offset": ("mentions", pick(BASE["mentions"]), value_offset_shifted, "value-offset-mismatch"),
    "value-span": ("mentions", pick(BASE["mentions"]), value_span_outside, "value-offset-mismatch"),
    "status": ("observations", pick(BASE["observations"]), status_unknown, "constraint-error"),
    "duplicate-mention": ("mentions", pick(BASE["mentions"]), repeated_mention, "duplicate-mention"),
    "duplicate-observation": (
        "observations",
        pick(BASE["observations"]),
        repeated_observation,
        "duplicate-observation",
    ),
    "event-mismatch": ("mentions", pick(BASE["mentions"]), other_event, "event-mismatch"),
    "comparator-hedges": (
        "observations",
        pick(BASE["observations"], lambda r: r["observation_id"] in ALL_NEARLY),
        exact_though_hedged,
        "comparator-contradicts-hedges",
    ),
    "member-repeated": (
        "regions",
        pick(BASE["regions"], lambda r: bool(r["members"])),
        repeated_member,
        "member-repeated",
    ),
    "duplicate-discrepancy": (
        "discrepancies",
        pick(BASE["discrepancies"], lambda d: not d["error_type"]),
        repeated_discrepancy,
        "duplicate-discrepancy",
    ),
    "expected-vs-waiver": (
        "relations",
        pick(BASE["relations"], lambda r: r["expected"] != "holds"),
        expected_contradicts_waiver,
        "discrepancy-invalid",
    ),
    "tolerance": ("relations", pick(BASE["relations"]), missing_tolerance, "constraint-error"),
    "status-hedges": (
        "observations",
        pick(BASE["observations"], lambda r: r["status"] != "actual" and r["observation_id"] in HEDGED),
        hedged_but_actual,
        "status-contradicts-hedges",
    ),
    "status-period-ended": (
        "observations",
        pick(BASE["observations"], lambda r: r["status"] in ("forecast", "target")),
        forecast_of_the_past,
        "status-contradicts-period",
    ),
    "status-period-not-begun": (
        "observations",
        pick(BASE["observations"], lambda r: r["status"] in ("actual", "estimate")),
        actual_of_the_future,
        "status-contradicts-period",
    ),
    "waiver-error-type": (
        "discrepancies",
        pick(BASE["discrepancies"], lambda d: bool(d["error_type"])),
        waiver_of_unknown_type,
        "discrepancy-invalid",
    ),
    "expected-record": (
        "relations",
        pick(BASE["relations"], lambda r: r["expected"] == "holds"),
        expected_names_a_record,
        "discrepancy-invalid",
    ),
    "exact-one-line": ("mentions", pick(BASE["mentions"]), exact_over_two_lines, "exact-not-one-line"),
    "period": ("observations", pick(BASE["observations"]), bad_period, "period-invalid"),
    "comparator": ("observations", pick(BASE["observations"]), bad_comparator, "constraint-error"),
    "count": (
        "observations",
        pick(BASE["observations"], lambda r: unit(r["observation_id"]) == "count"),
        not_integral,
        "count-not-integral",
    ),
    "unmentioned": (
        "observations",
        pick(BASE["observations"], lambda r: not r["derived_by"]),
        unmentioned,
        "observation-unmentioned",
    ),
    "member": (
        "regions",
        pick(BASE["regions"], lambda r: bool(r["members"])),
        unknown_member,
        "member-unknown",
    ),
    "iso": ("regions", pick(BASE["regions"], lambda r: bool(r["iso_3166_2"])), wrong_iso, "iso-code-invalid"),
    "share-range": (
        "indicators",
        pick(BASE["indicators"], lambda r: r["kind"] == "share" and r["unit"] == "percent"),
        share_range,
        "share-out-of-range",
    ),
    "range": ("indicators", pick(BASE["indicators"]), inverted_range, "range-invalid"),
    "source-byte": ("sources", pick(BASE["sources"]), changed_source_byte, "source-hash-mismatch"),
    "note-quote": (
        "observations",
        pick(BASE["observations"]),
        invented_chinese_in_note,
        "quote-not-in-source",
    ),
    "explanation-quote": (
        "discrepancies",
        pick(BASE["discrepancies"]),
        misquoted_explanation,
        "quote-not-in-source",
    ),
}


def test_unmutated_package_is_valid() -> None:
    report = miitdata.validate()
    assert report.valid, [e.to_dict() for e in report.errors]


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@settings(
    max_examples=1,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_single_fault_is_detected(name: str, data: st.DataObject) -> None:
    _, candidates, mutate, expected = MUTATIONS[name]
    assert candidates, f"no row to mutate for {name}"
    i = data.draw(st.sampled_from(candidates), label="row")
    with tempfile.TemporaryDirectory() as tmp:
        pkg = copy_package(Path(tmp))
        headers, rows = load_rows(pkg)
        resource, index = mutate(rows, i)
        for res in RESOURCES:
            write_rows(pkg.parent / "data" / f"{res}.csv", headers[res], rows[res])
        if name == "source-byte":
            path = pkg.parent / rows["sources"][i]["path"]
            raw = bytearray(path.read_bytes())
            raw[len(raw) // 2] ^= 0x01
            path.write_bytes(bytes(raw))
        report = miitdata.validate(str(pkg))
    hits = [e for e in report.errors if e.type == expected]
    assert hits, f"{name}: expected {expected}, got {[e.to_dict() for e in report.errors]}"
    assert any(e.resource == resource and e.row == index + 2 for e in hits), [e.to_dict() for e in hits]


def test_csv_rows_are_unchanged_by_the_reader(tmp_path: Path) -> None:
    """Writing back what we read changes no byte: the suite's mutations are the only differences."""
    pkg = copy_package(tmp_path)
    headers, rows = load_rows(pkg)
    for res in RESOURCES:
        before = (pkg.parent / "data" / f"{res}.csv").read_bytes()
        write_rows(pkg.parent / "data" / f"{res}.csv", headers[res], rows[res])
        assert (pkg.parent / "data" / f"{res}.csv").read_bytes() == before, res
    assert csv  # the csv module is the reader under test


def test_a_record_waives_nothing_and_is_never_stale() -> None:
    """A discrepancy row with a blank error_type documents a problem: it is neither used nor stale."""
    with tempfile.TemporaryDirectory() as tmp:
        pkg = copy_package(Path(tmp))
        headers, rows = load_rows(pkg)
        mids = [m["mention_id"] for m in rows["mentions"][:3]]
        rows["discrepancies"].append({
            "discrepancy_id": "D998", "resource": "mentions", "target": " ".join(mids), "error_type": "",
            "kind": "typo", "explanation": "a record of three quotes",
        })  # fmt: skip
        write_rows(pkg.parent / "data" / "discrepancies.csv", headers["discrepancies"], rows["discrepancies"])
        report = miitdata.validate(str(pkg))
    assert report.valid, [e.to_dict() for e in report.errors]
    assert not any(e.waived_by == "D998" for e in report.known)


@pytest.mark.parametrize(
    ("oid", "status"), [("O0017", "actual"), ("O0017", "estimate")], ids=["O0017-actual", "O0017-estimate"]
)
def test_the_issue_examples_of_meaning(oid: str, status: str) -> None:
    """O0017, a forecast its quotes state with 预计 / "is expected to", made actual: one error naming
    the type, the resource and the row. (An estimate is not checked against hedges: only actual.)"""
    with tempfile.TemporaryDirectory() as tmp:
        pkg = copy_package(Path(tmp))
        headers, rows = load_rows(pkg)
        i = _obs_index(rows, oid)
        rows["observations"][i]["status"] = status
        write_rows(pkg.parent / "data" / "observations.csv", headers["observations"], rows["observations"])
        report = miitdata.validate(str(pkg))
    hits = [e for e in report.errors if e.type == "status-contradicts-hedges"]
    if status == "estimate":
        assert not hits
        return
    assert [(e.resource, e.row, e.field, e.id) for e in hits] == [("observations", i + 2, "status", oid)]


def test_waiver_named_by_a_typo_is_an_error_not_silence() -> None:
    """`relation-faild`: not in the catalogue, so it could never match nor be stale: discrepancy-invalid,
    with the closest code."""
    with tempfile.TemporaryDirectory() as tmp:
        pkg = copy_package(Path(tmp))
        headers, rows = load_rows(pkg)
        i = next(k for k, d in enumerate(rows["discrepancies"]) if d["error_type"] == "relation-failed")
        rows["discrepancies"][i]["error_type"] = "relation-faild"
        write_rows(pkg.parent / "data" / "discrepancies.csv", headers["discrepancies"], rows["discrepancies"])
        report = miitdata.validate(str(pkg))
    hits = [e for e in report.errors if e.type == "discrepancy-invalid" and e.resource == "discrepancies"]
    assert [(e.row, e.field) for e in hits] == [(i + 2, "error_type")]
    assert "relation-failed" in hits[0].message
