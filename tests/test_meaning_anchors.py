"""The hedge rules' RE2 prefilter never hides a match: every cell Python's re finds a hedge in holds an
anchor that pyarrow's RE2 finds, whatever letters Python's case-insensitive matching equates with the
ASCII ones (drawn from all of Unicode, not from a list)."""

from __future__ import annotations

import re
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.validation.meaning import (
    ANCHORS_ANY,
    ANCHORS_WILL,
    HEDGE_WILL,
    HEDGES_ANY,
    LINE_BREAKS,
    _matches,
)

_ASCII = re.compile(r"(?i)[a-z]")
# every character Python's (?i) matching equates with some ASCII letter, by that letter
FOLDS: dict[str, list[str]] = {}
for code in range(sys.maxunicode + 1):
    ch = chr(code)
    if _ASCII.fullmatch(ch):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(f"(?i){letter}", ch):
                FOLDS.setdefault(letter, []).append(ch)

WORDS = [
    "expect", "expects to", "expected to", "is expected", "are expected", "plan to", "plans to",
    "planned to", "planning to", "aim to", "aims to", "aiming to", "strive to", "strives to",
    "striving to", "target of", "targets are", "targeted to", "within five years", "within 3 years",
    "by 2025", "by the end of 2030", "will", "grow", "value", "industry", "to", "by", "the",
]  # fmt: skip
SPACES = [" ", "\u3000", "\xa0", "\t", "\u2009", ""]
CJK = ["预计", "计划", "目标", "力争", "到2025年", "到 二〇二五 年", "增长", "，", "为", "亿元", "13.4%"]


@st.composite
def cells(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            word = draw(st.sampled_from(WORDS))
            word = "".join(
                draw(st.sampled_from(FOLDS[c])) if c in FOLDS and draw(st.booleans()) else c for c in word
            )
            word = word.replace(" ", draw(st.sampled_from(SPACES[:-1])))
        else:
            word = draw(st.sampled_from(CJK))
        parts.append(word)
        parts.append(draw(st.sampled_from(SPACES)))
    return "".join(parts)


def _re2(text: str, pattern: str) -> bool:
    return bool(pc.match_substring_regex(pa.array([text], type=pa.large_string()), pattern)[0].as_py())


@settings(max_examples=500, deadline=None)
@given(cells())
def test_every_hedge_python_finds_holds_an_anchor(text: str) -> None:
    if re.search(HEDGES_ANY, text):
        assert _re2(text, ANCHORS_ANY), text
    if re.search(HEDGE_WILL, text):
        assert _re2(text, ANCHORS_WILL), text


@settings(max_examples=100, deadline=None)
@given(st.lists(cells(), max_size=8), st.sampled_from(["string[pyarrow]", "string[python]", "object"]))
def test_matches_is_python_re_on_every_cell(texts: list[str], dtype: str) -> None:
    series = pd.Series(texts, dtype=dtype, index=range(10, 10 + len(texts)))
    for pattern, anchors in ((HEDGES_ANY, ANCHORS_ANY), (HEDGE_WILL, ANCHORS_WILL)):
        expected = [bool(re.search(pattern, t)) for t in texts]
        got = _matches(series, pattern, anchors)
        assert got.tolist() == expected
        assert got.index.tolist() == series.index.tolist()


def test_line_breaks_are_found_by_both_engines() -> None:
    breaks = "[" + LINE_BREAKS + "]"
    texts = ["one line", *[f"a{c}b" for c in LINE_BREAKS]]
    got = _matches(pd.Series(texts, dtype="string[pyarrow]"), breaks, breaks)
    assert got.tolist() == [False] + [True] * len(LINE_BREAKS)


def test_every_hedge_word_with_any_folded_letter_holds_an_anchor() -> None:
    """Exhaustive over one folded letter: each hedge word, each position, each equated character."""
    missed = []
    for word in WORDS:
        for i, c in enumerate(word):
            for ch in FOLDS.get(c, [c]):
                text = word[:i] + ch + word[i + 1 :]
                for pattern, anchors in ((HEDGES_ANY, ANCHORS_ANY), (HEDGE_WILL, ANCHORS_WILL)):
                    if re.search(pattern, text) and not _re2(text, anchors):
                        missed.append(text)
    assert missed == []
