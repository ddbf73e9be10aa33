"""What counts as a number in a source: every token `curate todo` and the coverage test look for.

Arabic numbers (with separators, decimals, fractions such as 1/3 and ordinal suffixes such as
1st, followed by Chinese scale characters: 1.54万亿, 1.6倍); Chinese numerals, including 两, 半,
〇/零 and the scale characters 十百千万亿, with 成/倍 after them (三成, 一倍) and 倍 on its own;
Chinese fractions (三分之一); English number words: cardinals, scales, ordinals (first … twentieth,
hundredth), fractions and multiples (half, third, quarter, double, twice, tenfold), dozens.
Any other Unicode digit character is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "〇零一二三四五六七八九十百千万亿两半"
_CN = f"[{CN_DIGITS}]"
_EN_CARDINALS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?"
    "|thousands?|millions?|billions?|trillions?|dozens?"
)
_EN_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth"
    "|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|millionth"
)
_EN_MULTIPLES = (
    "half|halves|halved|thirds|quarters?|double|doubled|doubling|twice|triple|tripled|twofold|threefold"
    "|fourfold|fivefold|tenfold"
)
TOKEN = re.compile(
    rf"{_CN}+分之{_CN}+"  # 三分之一
    r"|\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?(?:st|nd|rd|th)?" + rf"{_CN}*[成倍]?"  # 1,134  1.54万亿  1/3  1st  1.6倍
    rf"|{_CN}+[成倍]?"  # 两  十四五  三成  一倍
    r"|倍"
    rf"|\b(?:{_EN_CARDINALS}|{_EN_ORDINALS}|{_EN_MULTIPLES})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def number_tokens(text: str) -> list[Token]:
    """Every number-like token of `text`, in order, as code-point spans (end exclusive)."""
    tokens = [Token(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    inside = bytearray(len(text))
    for t in tokens:
        inside[t.start : t.end] = b"\x01" * (t.end - t.start)
    # digits \d does not match (superscripts, circled digits ...) still count, one character each
    extra = [Token(i, i + 1, ch) for i, ch in enumerate(text) if ch.isdigit() and not inside[i]]
    return sorted(tokens + extra, key=lambda t: t.start)
