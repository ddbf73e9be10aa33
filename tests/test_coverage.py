"""Every figure in the covered sources is curated.

Runs the code of `miitdata curate todo` (`miitdata.curate.todo.uncovered`) on every source: each
number-like token (Arabic numbers, Chinese numerals with 两 半 成 倍 and scale characters, fractions,
English number words, ordinals, half, double, dozens) must lie inside the span of one of that
source's mentions or inside an occurrence of a text listed for it in curation/exclusions*.csv
(source_id `*` = every source). Exclusions must not be stale: each text occurs in its source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from miitdata.curate import texts, todo

ROOT = Path(__file__).resolve().parents[1]
COVERED = ["S000", "S001", "S002", "S003", "S004"]
PKG = texts.open_package(ROOT / "datapackage.json")
SOURCES = texts.source_texts(PKG)
MENTIONS = texts.read_table(PKG, "mentions").rows
EXCLUSIONS = texts.exclusions(PKG)

# Figures the wider token set (ordinals) found that are not data yet: the next issue curates them.
# Listed exactly, so the assertion below stays strict: a new uncovered token fails, and so does a
# listed one once it is curated (remove it from here then).
NOT_YET_DATA: set[tuple[str, int, str]] = set()  # (source_id, offset, token) of figures not yet curated


def test_covered_sources_exist():
    assert set(COVERED) <= set(SOURCES), set(COVERED) - set(SOURCES)


@pytest.mark.parametrize("source_id", COVERED)
def test_mention_spans_match_text(source_id):
    text = SOURCES[source_id]
    bad = [
        m["mention_id"]
        for m in MENTIONS
        if m["source_id"] == source_id and text[int(m["start"]) : int(m["end"])] != m["exact"]
    ]
    assert not bad, f"mentions whose exact differs from text[start:end]: {bad}"


@pytest.mark.parametrize("source_id", COVERED)
def test_every_number_is_covered(source_id):
    found = todo.uncovered(source_id, SOURCES[source_id], MENTIONS, EXCLUSIONS)
    missing = [t for t in found if (t.source_id, t.start, t.token) not in NOT_YET_DATA]
    assert not missing, (
        f"{len(missing)} numbers of {source_id} lie in no mention span and no exclusion "
        "(`miitdata curate todo` lists them):\n"
        + "\n".join(f"{t.source_id}@{t.start} {t.token!r}: …{t.context}…" for t in missing)
    )
    known = {k for k in NOT_YET_DATA if k[0] == source_id}
    assert known <= {(t.source_id, t.start, t.token) for t in found}, "NOT_YET_DATA lists curated figures"


def test_exclusions_are_not_stale():
    stale = []
    for e in EXCLUSIONS:
        sid, needle = e["source_id"], e["text"]
        if not needle or not e["reason"]:
            stale.append(f"{sid} {needle!r}: text and reason are required")
        elif sid == "*":
            if not any(needle in SOURCES[s] for s in COVERED):
                stale.append(f"* {needle!r}: occurs in no covered source")
        elif sid not in SOURCES:
            stale.append(f"{sid} {needle!r}: unknown source")
        elif needle not in SOURCES[sid]:
            stale.append(f"{sid} {needle!r}: does not occur in the source")
    assert not stale, "stale exclusions:\n" + "\n".join(stale)


def test_exclusions_unique():
    keys = [(e["source_id"], e["text"]) for e in EXCLUSIONS]
    dup = {k for k in keys if keys.count(k) > 1}
    assert not dup, f"duplicate exclusions: {dup}"
