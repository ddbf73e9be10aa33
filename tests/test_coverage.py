"""Every figure in the covered sources is curated.

Every digit, every Chinese numeral character and every English number word ("ten", "half",
"doubled", "thousands" …) of a covered source must lie inside the span of
one of that source's mentions (data/mentions.csv) or inside an occurrence of a text listed for
that source in curation/exclusions*.csv (source_id `*` = every source). Exclusions must not be
stale: each text occurs in its source (for `*`, in at least one covered source).

Reads the CSVs with the csv module only: no dependency on the miitdata package.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COVERED = ["S000", "S001", "S002", "S003", "S004"]
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
CONTEXT = 20


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SOURCES = {r["source_id"]: r for r in _rows(ROOT / "data" / "sources.csv")}
MENTIONS = _rows(ROOT / "data" / "mentions.csv")
EXCLUSIONS = [row for path in sorted((ROOT / "curation").glob("exclusions*.csv")) for row in _rows(path)]


def _text(source_id: str) -> str:
    with (ROOT / SOURCES[source_id]["path"]).open(encoding="utf-8", newline="") as fh:
        return fh.read()


# Numbers written as English words (the transcript and the translation use them: "ten batches",
# "about half", "doubled"); each occurrence must be quoted by a mention or excluded, like digits.
EN_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?"
    r"|thousands?|millions?|billions?|trillions?|dozens?|half|halved|thirds?|quarters?|double|doubled"
    r"|twice|triple|tripled|twofold|threefold|tenfold)\b",
    re.IGNORECASE,
)


def _is_numeral(ch: str) -> bool:
    return ch.isdigit() or ch in CN_NUMERALS


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _uncovered(source_id: str) -> list[str]:
    text = _text(source_id)
    covered = [False] * len(text)
    for m in MENTIONS:
        if m["source_id"] == source_id:
            for i in range(int(m["start"]), int(m["end"])):
                covered[i] = True
    for e in EXCLUSIONS:
        if e["source_id"] in (source_id, "*"):
            for s in _occurrences(text, e["text"]):
                for i in range(s, s + len(e["text"])):
                    covered[i] = True
    out = []
    for i, ch in enumerate(text):
        if _is_numeral(ch) and not covered[i]:
            ctx = text[max(0, i - CONTEXT) : i + CONTEXT + 1].replace("\n", "⏎")
            out.append(f"{source_id}@{i} {ch!r}: …{ctx}…")
    for m in EN_NUMBER_WORDS.finditer(text):
        if not all(covered[m.start() : m.end()]):
            ctx = text[max(0, m.start() - CONTEXT) : m.end() + CONTEXT].replace("\n", "⏎")
            out.append(f"{source_id}@{m.start()} {m.group(0)!r}: …{ctx}…")
    return out


def test_covered_sources_exist():
    assert set(COVERED) <= set(SOURCES), set(COVERED) - set(SOURCES)


@pytest.mark.parametrize("source_id", COVERED)
def test_mention_spans_match_text(source_id):
    text = _text(source_id)
    bad = [
        m["mention_id"]
        for m in MENTIONS
        if m["source_id"] == source_id and text[int(m["start"]) : int(m["end"])] != m["exact"]
    ]
    assert not bad, f"mentions whose exact differs from text[start:end]: {bad}"


@pytest.mark.parametrize("source_id", COVERED)
def test_every_numeral_is_covered(source_id):
    missing = _uncovered(source_id)
    assert not missing, (
        f"{len(missing)} digit/numeral characters of {source_id} lie in no mention span and no "
        "exclusion:\n" + "\n".join(missing)
    )


def test_exclusions_are_not_stale():
    stale = []
    for e in EXCLUSIONS:
        sid, needle = e["source_id"], e["text"]
        if not needle or not e["reason"]:
            stale.append(f"{sid} {needle!r}: text and reason are required")
        elif sid == "*":
            if not any(needle in _text(s) for s in COVERED):
                stale.append(f"* {needle!r}: occurs in no covered source")
        elif sid not in SOURCES:
            stale.append(f"{sid} {needle!r}: unknown source")
        elif needle not in _text(sid):
            stale.append(f"{sid} {needle!r}: does not occur in the source")
    assert not stale, "stale exclusions:\n" + "\n".join(stale)


def test_exclusions_unique():
    keys = [(e["source_id"], e["text"]) for e in EXCLUSIONS]
    dup = {k for k in keys if keys.count(k) > 1}
    assert not dup, f"duplicate exclusions: {dup}"
