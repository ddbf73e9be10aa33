"""The figures a sentence states: each number phrase with its hedge, scale, unit and counter, read by
`miitdata.numbers.parse` (`近10万亿元`, `超过3000家`, `1.54 trillion yuan`, `三成以上`, `增长一倍`, `nearly 30%`).

A number is found where it is written (Arabic digits, Chinese numerals followed by a unit or counter,
English number words, fractions, 翻一番 / doubled), then widened to the hedge or growth verb before it
and the scale, unit, counter and hedge after it, and parsed; the widest reading that parses wins.
Years, months and other time expressions (found first by `periods`), region names that contain a
count (沿长江11省市, 内地9市), ordinals (第十场) and numerals inside words (一体化, 万亿级, 十四五, 5G,
“3+6”) are not figures. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miitdata.numbers import GROWTH_VERBS, PREFIX_HEDGES, SUFFIX_HEDGES, Number, NumberParseError, parse
from miitdata.numbers.lexicon import alternation

_ZH_NUM = "零〇一二两三四五六七八九十百千万亿"
_COUNTERS = "家个项座场名位次批届款辆台件所条户人套种类处只吨亩部支间栋枚期轮"
_EN_NUMBER = (
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundred|thousand|million|billion|trillion)(?:-[a-z]+)?(?: and)?[ -]?)+"
)
_CORE = re.compile(
    r"(?P<fan>翻了?[一两二三四]?番)"
    r"|(?P<digits>(?:两|二|双)位数|double[ -]digits?)"
    r"|(?P<half>一半|半数)"
    r"|(?P<zhfrac>[" + _ZH_NUM + r"0-9]+分之[" + _ZH_NUM + r"0-9]+)"
    r"|(?P<pct>百分之[" + _ZH_NUM + r"0-9.点]+)"
    r"|(?P<arabic>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?:\s*/\s*[0-9]+)?)"
    r"|(?P<zh>上?[" + _ZH_NUM + r"]+(?:点[零〇一二三四五六七八九]+)?)"
    r"|(?P<enfrac>\b(?:(?:a|an|one|two|three)[ -])?(?:half|thirds?|quarters?|fifths?|tenths?)\b)"
    r"|(?P<enmul>\b(?:doubled|doubling|double|tripled|triple|quadrupled|twice)\b)"
    r"|(?P<en>\b" + _EN_NUMBER + r")",
    re.I,
)
_PREFIX_WORDS = [w for w in (*PREFIX_HEDGES, *GROWTH_VERBS) if w not in ("a", "an")]
_LEFT = re.compile(r"(?:" + alternation(_PREFIX_WORDS) + r")\s*$", re.I)
_STOP_LEFT = {"to", "为", "是", "达", "达到", "reached", "reaching", "reach", "of", "was", "is"}
_FOREIGN = re.compile(r"\s*(?:美元|欧元|日元|英镑|港元|港币|(?:us )?dollars?|usd|euros?)", re.I)
_RIGHT = re.compile(
    r"(?:\s*[多余几+])?"
    r"(?:\s*(?:万亿|千亿|百亿|千万|百万|亿|万|千))?"
    r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b)*"
    r"(?:\s*[多余])?"
    r"(?:\s*(?:%|％|个百分点|百分点|percentage points?\b|pct\.? points?\b|percent\b|per cent\b|倍|times\b|-?fold\b"
    r"|成|万元/人|元/人|元每人|元|(?:yuan|rmb) ?(?:/ ?(?:person|capita)|per (?:person|capita))|yuan\b|rmb\b"
    r"|renminbi\b|吨标准煤|吨标煤|(?:tons?|tonnes?) of (?:standard coal|coal equivalent)))?"
    r"(?:\s*[多余])?",
    re.I,
)
_FOREIGN_BEFORE = re.compile(r"(US\$|HK\$|\$|€|£|USD|EUR|GBP)\s*$")
_COUNTER = re.compile(r"\s*(?:个百分点|[" + _COUNTERS + r"])")
_SUFFIX = re.compile(r"\s*" + alternation(list(SUFFIX_HEDGES)), re.I)
# Numerals that are part of a word, not a figure of their own.
_LEXICAL = re.compile(
    r"[一二三四五六七八九十两]+(?:大|级|五|是|方面|体化|带一路|季度)|万亿级|千亿级|百亿级|万元(?:工业增加值|GDP|地区生产总值)"
    r"|统一|唯一|(?<!分)之一|进一步|一系列|一批|一流|一些|一直|一起|一定|一般|同一|一线|一站式|第["
    + _ZH_NUM
    + r"0-9]+"
    r"|[0-9]+\s*G\b|[0-9]+\s*\+\s*[0-9]+|“[0-9]+ [0-9]+”|per 10,?000 yuan|\bone of\b|\b[0-9]+(?:st|nd|rd|th)\b"
    r"|[0-9]+(?:th|st|nd|rd) Five-Year|十[一二三四五六七八九]五|Top \d+|\d+ strong|前\d+强|\d+强"
    r"|(?:两|二|双)位数|double[ -]digits?|per (?:10k|ten thousand|10 thousand) yuan|(?:Global|Fortune) \d+|世界\d+强",
    re.I,
)
# A count that is part of a region's name (沿长江11省市, 内地9市, 中部六省, the nine cities).
_REGION_COUNT = re.compile(r"(?:省市|省区|省份|省|市|地|区)")


@dataclass(frozen=True)
class Figure:
    """A number phrase of a claim: where it is written, the text, and how it reads."""

    start: int
    end: int
    text: str
    number: Number
    currency: str  # "" or the foreign currency written (美元, dollars …): never the yuan of the data
    counted: bool  # a counter or counted noun follows (家, 个, enterprises): a count, not an amount


def _widen_left(text: str, start: int) -> int:
    pos = start
    first = True
    while True:
        m = _LEFT.search(text[:pos])
        if not m or (m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha()):
            return pos
        word = m.group(0).strip().lower()
        pos = m.start()
        if first and word in _STOP_LEFT:
            return pos  # 增长到 / rose to: the verb before 'to' says where, not how much
        first = False


def find_figures(text: str, hidden: list[tuple[int, int]]) -> list[Figure]:
    """Every figure of `text` outside the `hidden` spans (time expressions, region names)."""
    blocked = bytearray(len(text))
    for a, b in hidden:
        blocked[a:b] = b"\x01" * (b - a)
    for word in _LEXICAL.finditer(text):
        blocked[word.start() : word.end()] = b"\x01" * (word.end() - word.start())
    figures: list[Figure] = []
    pos = 0
    while True:
        m = _CORE.search(text, pos)
        if m is None:
            break
        a, b = m.span()
        pos = b
        if any(blocked[a:b]) or (figures and a < figures[-1].end):
            continue
        kind = m.lastgroup or ""
        if kind == "en" and m.group(0).strip().lower() in ("a", "an", "and"):
            continue
        b = a + len(m.group(0).rstrip(" -"))
        right = _RIGHT.match(text, b)
        end = right.end() if right else b
        if kind == "zh" and all(c in "百千万亿" for c in m.group(0)) and not _hedged(text, a):
            continue  # a bare 万 or 亿 is a figure only as 近万, 上千, 超亿: else it is a unit of the text around
        bare_numeral = kind == "zh" and end == b and not _COUNTER.match(text, b)
        if bare_numeral and not text[a:b].startswith("上") and not (a > 0 and _LEFT.search(text[:a])):
            continue  # a Chinese numeral with nothing after it is a word (十分, 一起), not a figure
        if kind in ("zh", "arabic", "en") and end == b:
            rc = _REGION_COUNT.match(text, b)
            if rc:
                continue
        currency = ""
        fm = _FOREIGN.match(text, end)
        if fm:
            currency = fm.group(0).strip()
        lm = _FOREIGN_BEFORE.search(text, 0, a)
        if lm:
            currency = lm.group(1)
        counter = _COUNTER.match(text, end)
        counted = bool(counter) or _counted_noun(text, end)
        left = _widen_left(text, a)
        figure = _read(text, left, a, end, counter.end() if counter else end)
        if figure is None:
            continue
        f_start, f_end, number = figure
        if any(blocked[f_start:f_end]):
            f_start = a
        suffix = _SUFFIX.match(text, f_end)
        if suffix:
            try:
                number = parse(text[f_start : suffix.end()])
                f_end = suffix.end()
            except NumberParseError:
                pass
        counted = counted and number.unit is None  # 70% of products is a share, not a count
        figures.append(Figure(f_start, f_end, text[f_start:f_end], number, currency, counted))
        pos = max(pos, f_end)
    return figures


def _hedged(text: str, a: int) -> bool:
    return a > 0 and bool(_LEFT.search(text[:a]))


def _counted_noun(text: str, end: int) -> bool:
    rest = text[end : end + 80].lower()
    return bool(
        re.match(
            r"\s+(?:[a-z-]+ ){0,4}?(?:enterprises?|companies|firms|factories|clusters|centers|centres|projects"
            r"|bases|zones|areas|platforms|parks|units|products|nodes|cities|provinces|batches|rounds|editions"
            r"|conferences|industries|scenarios|organizations|departments|members|models|seats)\b",
            rest,
        )
    )


def _read(text: str, left: int, a: int, end: int, counter_end: int) -> tuple[int, int, Number] | None:
    """The widest parse among: hedge+number+unit+counter, without the counter, without the hedge."""
    for start in dict.fromkeys((left, a)):
        for stop in dict.fromkeys((counter_end, end)):
            phrase = text[start:stop]
            if not phrase.strip():
                continue
            try:
                number = parse(phrase)
            except NumberParseError:
                continue
            if start != a:  # 为19.21%, reached 1.54 trillion: a prefix that changes nothing is not shown
                try:
                    bare = parse(text[a:stop])
                except NumberParseError:
                    bare = None
                if bare is not None and (bare.value, bare.comparator, bare.unit) == (
                    number.value,
                    number.comparator,
                    number.unit,
                ):
                    return a, stop, bare
            return start, stop, number
    return None
