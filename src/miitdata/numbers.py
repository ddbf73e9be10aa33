"""Parse numbers as written in Chinese and English press reports: ``parse("近10万亿元")``.

Grammar of one number phrase (whitespace between parts is ignored, English is case-insensitive)::

    phrase  = prefix* core [more] [scale] [more] [unit [more]] [counter] suffix*
    prefix  = hedge (近 超过 不低于 不到 不超过 约 达 nearly more than at least ... see PREFIX_HEDGES)
            | growth verb (增长 提高 下降 increased by fell by ...: sign -1 for falls) | - | + | 负
    more    = 多 | 余 | 几 | +   (">": 100多个, 2000多亿元, 十几个, 一倍多)
    core    = Arabic digits (ASCII only; "," groups of three; "." decimals)  | a/b
            | Chinese numeral (一百零五, 两千, 三点五)  | bare scale (万 千 千亿 万亿 百; 上千 is ">=")
            | English words (ten, twenty-five, one hundred, a thousand)
            | fractions (三分之一 一半 百分之三十 one third a quarter half)
            | 两位数/double digits (percent, ">= 10")  | 翻一番 doubled (percent 100)  | twice (times 2)
    scale   = 万 亿 万亿 千亿 百亿 千万 百万 千 | thousand million billion trillion | "10,000 yuan" (= 万元)
    unit    = % percent per cent -> percent | 个百分点 percentage points -> percentage-points
            | 倍 times fold -> times (percent x100 after a growth verb) | 成 -> fraction /10
            | 元 yuan -> yuan | 元/人 yuan per person -> yuan-per-person
            | 吨标准煤 tons of standard coal -> tonnes-sce
    counter = trailing CJK measure word (家 个 省市 个月 ...) or English words (enterprises, batches ...)
    suffix  = 以上 以下 左右 以内 or more or so ... (see SUFFIX_HEDGES)
Also read: 是2012年的1.6倍 and 1.6 times that of 2012 (-> 1.6 times).

Precision is half a unit of the last written digit times the scale (1.1万 -> 500; 11,000 -> 0.5).
Chinese and English numerals count like Arabic ones with their trailing scale kept (两万 = 2万 -> 5000,
一千 = 1000 -> 0.5, two thousand = 2 thousand -> 500); a bare scale is an order of magnitude (近万 ->
10000 +-5000, 上千 -> 1000 +-500).  Fractions (1/4, 三分之一, 一半, one third) are exact (precision 0);
n成 is n/10 +-0.05.  Doubling forms (翻一番, 增长一倍, doubled) are growth of 100 percent +-50.
两位数/double digits is 10 percent, precision 0, comparator ">=" (also after 超过/more than).
Hedges set the comparator: see PREFIX_HEDGES and SUFFIX_HEDGES (以上 -> ">", or more -> ">=").
Anything else raises NumberParseError: full-width digits, two numbers, conflicting hedges, no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "COMPARATORS",
    "DATASET_UNITS",
    "GROWTH_VERBS",
    "NUMBER_SUFFIX_HEDGES",
    "PREFIX_HEDGES",
    "SUFFIX_HEDGES",
    "UNITS",
    "Number",
    "NumberParseError",
    "UnitError",
    "agrees",
    "parse",
    "render",
    "to_unit",
]

COMPARATORS = ("=", "~", ">", ">=", "<", "<=")
UNITS = ("percent", "percentage-points", "times", "fraction", "yuan", "yuan-per-person", "tonnes-sce", None)
DATASET_UNITS = (
    "percent", "percentage-points", "100m-yuan", "10k-yuan-per-person", "count", "times", "10k-tonnes-sce",
)  # fmt: skip


@dataclass(frozen=True)
class Number:
    """A parsed number: value and precision in base units of `unit` (yuan, not 亿元)."""

    value: float
    precision: float
    comparator: str
    unit: str | None
    text: str


class NumberParseError(ValueError):
    """`text` could not be parsed (or converted); the message names the text and the reason."""

    def __init__(self, text: str, reason: str, *, action: str = "parse") -> None:
        super().__init__(f"cannot {action} {text!r}: {reason}")
        self.text = text
        self.reason = reason


class UnitError(NumberParseError):
    """A parsed number cannot be expressed in the requested dataset unit."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text, reason, action="convert")


# --------------------------------------------------------------------------- vocabulary

#: Words before the number: word -> comparator ("=" for words that are merely skipped).
PREFIX_HEDGES: dict[str, str] = {
    # Chinese
    "近": "~", "将近": "~", "接近": "~", "近乎": "~", "约": "~", "大约": "~", "大概": "~",
    "超过": ">", "超": ">", "逾": ">", "超出": ">", "高于": ">", "多于": ">", "突破": ">",
    "不低于": ">=", "不少于": ">=", "至少": ">=",
    "不到": "<", "不足": "<", "低于": "<", "少于": "<",
    "不超过": "<=", "不高于": "<=", "不多于": "<=",
    "达": "=", "达到": "=", "为": "=", "是": "=", "共": "=", "累计": "=", "合计": "=",
    # English
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "approximately": "~", "roughly": "~",
    "some": "~", "near": "~", "close to": "~",
    "more than": ">", "over": ">", "above": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">",
    "exceed": ">", "in excess of": ">",
    "at least": ">=", "no less than": ">=", "not less than": ">=", "no fewer than": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "at most": "<=", "no more than": "<=", "not more than": "<=", "up to": "<=",
    "reached": "=", "reaching": "=", "reach": "=", "to": "=", "of": "=", "a total of": "=",
    "totaled": "=", "totalled": "=", "totaling": "=", "totalling": "=", "was": "=", "is": "=",
}  # fmt: skip

#: Words after the number (after unit and counter): word -> comparator.
SUFFIX_HEDGES: dict[str, str] = {
    "以上": ">", "以下": "<", "左右": "~", "上下": "~", "以内": "<=", "有余": ">",
    "or more": ">=", "or above": ">=", "and above": ">=", "or so": "~", "or less": "<=", "or below": "<=",
    "and below": "<=",
}  # fmt: skip

#: Words right after the digits (100多个, 2000多亿元, 十几个): word -> comparator.
NUMBER_SUFFIX_HEDGES: dict[str, str] = {"多": ">", "余": ">", "几": ">"}

#: Growth verbs before the number: word -> sign.  After one, 倍/times means growth (增长1.6倍 -> 160 percent).
GROWTH_VERBS: dict[str, int] = {
    "增长": 1, "增长了": 1, "增加": 1, "增加了": 1, "提高": 1, "提高了": 1, "上升": 1, "上升了": 1,
    "提升": 1, "提升了": 1, "增": 1,
    "下降": -1, "下降了": -1, "减少": -1, "减少了": -1, "降低": -1, "降低了": -1, "回落": -1,
    "下滑": -1, "减": -1,
    "increased by": 1, "increase by": 1, "increased": 1, "grew by": 1, "grew": 1, "rose by": 1,
    "rose": 1, "up": 1, "growth of": 1, "an increase of": 1, "a growth of": 1, "increase of": 1,
    "decreased by": -1, "decreased": -1, "fell by": -1, "fell": -1, "dropped by": -1, "declined by": -1,
    "down": -1, "a decrease of": -1, "a decline of": -1, "decrease of": -1,
}  # fmt: skip

_CANONICAL_HEDGE = {
    "zh": {"~": "近", ">": "超过", ">=": "不低于", "<": "不到", "<=": "不超过"},
    "en": {"~": "nearly", ">": "more than", ">=": "at least", "<": "less than", "<=": "at most"},
}

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_ZH_SCALES = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
}
_ZH_SCALES_AFTER_DIGITS = {**_ZH_SCALES, "千": 1000}

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_ORDINALS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_EN_NUMBER_WORDS = set(_EN_UNITS) | set(_EN_TENS) | set(_EN_SCALES) | {"hundred"}

_COUNTER_WHITELIST = ("千瓦时", "千瓦", "千克", "千米")
_FULLWIDTH_DIGITS = re.compile("[\uff10-\uff19]")


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first; ASCII words must end at a word boundary."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        pat = re.escape(word).replace(r"\ ", " ")
        parts.append(pat + r"(?![a-z])" if word[-1].isascii() else pat)
    return "(?:" + "|".join(parts) + ")"


_PREFIX_RE = re.compile(_alternation([*PREFIX_HEDGES, *GROWTH_VERBS, "minus"]) + "|[-+负]")
_SUFFIX_RE = re.compile(r"(?:^|(?<=[^a-z]))" + _alternation(list(SUFFIX_HEDGES)) + "$")
_ARABIC_RE = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?![0-9])")
_SLASH_RE = re.compile(r"([0-9]+)/([0-9]+)(?![0-9.])")
_ZH_RUN_RE = re.compile(f"[{_ZH_NUMERAL}]+")
_ZH_DEC_RE = re.compile(f"([{_ZH_NUMERAL}]+)点([零〇一二三四五六七八九]+)")
_ZH_FRACTION_RE = re.compile(f"([{_ZH_NUMERAL}]+|[0-9]+)分之([{_ZH_NUMERAL}]+|[0-9]+)")
_FAN_RE = re.compile(r"翻了?([一两二三四五六七八九]|[0-9]+)?番")
_EN_FRACTION_RE = re.compile(
    r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine|[0-9]+)[ -])?"
    r"(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![a-z])"
)
_EN_MULTIPLY_RE = re.compile(
    r"(doubled|doubling|double|tripled|tripling|triple|quadrupled|quadruple)(?![a-z-])"
)
_EN_SCALE_RUN_RE = re.compile(r"(?:(?:hundred|thousand|million|billion|trillion)(?![a-z]) ?)+")
_EN_MAN_YUAN_RE = re.compile(r"(?:10,?000|ten thousand)(?= ?yuan)")
_EN_YI_YUAN_RE = re.compile(r"100 million(?= ?yuan)")
_UNIT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"%"), "percent"),
    (re.compile(r"个?百分点"), "percentage-points"),
    (re.compile(r"percentage points?(?![a-z])"), "percentage-points"),
    (re.compile(r"(?:percent|per cent)(?![a-z])"), "percent"),
    (re.compile(r"倍"), "times"),
    (re.compile(r"(?:times|-?fold)(?![a-z])"), "times"),
    (re.compile(r"成"), "cheng"),
    (re.compile(r"吨标准煤|吨标煤"), "tonnes-sce"),
    (
        re.compile(r"(?:tons?|tonnes?) of (?:standard coal|coal equivalent|sce)(?: equivalent)?(?![a-z])"),
        "tonnes-sce",
    ),
    (re.compile(r"元 ?/ ?人|元每人"), "yuan-per-person"),
    (re.compile(r"元"), "yuan"),
    (re.compile(r"(?:yuan|rmb) ?(?:/ ?(?:person|capita)|per (?:person|capita))(?![a-z])"), "yuan-per-person"),
    (re.compile(r"(?:yuan|rmb|renminbi)(?![a-z])"), "yuan"),
]


# --------------------------------------------------------------------------- parsing helpers


@dataclass
class _Core:
    """The number itself before units: exact value, precision and what may follow it."""

    value: Fraction
    precision: Fraction
    scalable: bool = True  # may take a scale word (1.1万, 1.54 trillion)
    unit: str | None = None  # a unit fixed by the core (两位数 -> percent)
    unit_allowed: bool = True  # may take a unit word
    comparator: str | None = None  # a comparator implied by the core (上千 -> ">=")
    special: str = ""  # "digits" marks 两位数/double digits


class _Fail(Exception):
    """Internal: parse failure with a reason (re-raised as NumberParseError)."""


def _decimal_core(int_part: str, frac_part: str | None) -> _Core:
    digits = int_part.replace(",", "")
    decimals = len(frac_part) if frac_part else 0
    value = Fraction(Decimal(digits + ("." + frac_part if frac_part else "")))
    return _Core(value, Fraction(1, 2) / 10**decimals)


def _zh_int(run: str) -> int:
    """Value of a positional Chinese numeral (一百零五, 两千, 一万三千, 三万亿). Raises _Fail."""
    total = 0  # finished 亿 groups
    wan = 0  # finished 万 group inside the current 亿 group
    section = 0  # value below 10000
    digit: int | None = None
    last_small = 10**5
    units_seen = False
    zero = False
    for i, ch in enumerate(run):
        if ch in _ZH_DIGITS:
            d = _ZH_DIGITS[ch]
            if d == 0:
                if digit is not None:
                    raise _Fail(f"digit-by-digit Chinese numeral {run!r}")
                zero = True
                continue
            if digit is not None:
                raise _Fail(f"two Chinese digits in a row in {run!r}")
            digit = d
        elif ch in _ZH_SMALL:
            unit = _ZH_SMALL[ch]
            if unit >= last_small:
                raise _Fail(f"misordered Chinese numeral {run!r}")
            if digit is None and (section or wan or total or zero) and ch != "十":
                raise _Fail(f"missing digit before {ch!r} in {run!r}")
            section += (1 if digit is None else digit) * unit
            digit, last_small, units_seen, zero = None, unit, True, False
        elif ch == "万":
            if wan:
                raise _Fail(f"two 万 in one group of {run!r}")
            group = section + (digit or 0)
            wan = (group or 1) * 10**4
            section, digit, last_small, units_seen, zero = 0, None, 10**5, True, False
        elif ch == "亿":
            group = wan + section + (digit or 0)
            if total and group == 0 and run[i - 1] != "亿":
                raise _Fail(f"misplaced 亿 in {run!r}")
            total = (total + (group or 1)) * 10**8
            wan = section = 0
            digit, last_small, units_seen, zero = None, 10**5, True, False
    if digit is not None and units_seen and not zero and run[-2] != "十":
        raise _Fail(f"abbreviated Chinese numeral {run!r} (write the unit of the last digit)")
    return total + wan + section + (digit or 0)


def _zh_scale_suffix(run: str) -> int:
    """The trailing scale of a Chinese numeral, which sets its precision (两万 -> 10**4)."""
    if run.endswith("万亿"):
        return 10**12
    if run.endswith("亿"):
        return 10**8
    if run.endswith("万"):
        return 10**4
    return 1


def _zh_number(text: str) -> Fraction:
    """An integer written as Chinese numerals or ASCII digits."""
    return Fraction(int(text)) if text.isdigit() and text.isascii() else Fraction(_zh_int(text))


def _en_words(words: list[str]) -> tuple[int, int, int] | None:
    """Parse leading English number words. Returns (value, words consumed, precision scale) or None.

    precision scale: the trailing scale word (thousand -> 1000), 1 otherwise, 0 for a bare scale."""
    total = current = 0
    consumed = 0
    last = ""  # class of the last word: unit, teen, ten, hundred, scale, a
    counted = False  # a count word (one, twenty, a) was seen
    i = 0
    while i < len(words):
        word = words[i]
        parts = word.split("-")
        if (
            len(parts) == 2
            and parts[0] in _EN_TENS
            and parts[1] in _EN_UNITS
            and 0 < _EN_UNITS[parts[1]] < 10
        ):
            if last in ("unit", "teen", "ten"):
                break
            current += _EN_TENS[parts[0]] + _EN_UNITS[parts[1]]
            last, counted = "unit", True
        elif word in ("a", "an") and i + 1 < len(words) and words[i + 1] in ("hundred", *_EN_SCALES):
            if last:
                break
            current, last, counted = 1, "a", True
        elif word in _EN_UNITS:
            if last in ("unit", "teen") or (last == "ten" and _EN_UNITS[word] >= 10) or last == "a":
                break
            current += _EN_UNITS[word]
            last, counted = ("teen" if _EN_UNITS[word] >= 10 else "unit"), True
        elif word in _EN_TENS:
            if last in ("unit", "teen", "ten", "a"):
                break
            current += _EN_TENS[word]
            last, counted = "ten", True
        elif word == "hundred":
            if last in ("hundred",) or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word in _EN_SCALES:
            scale = _EN_SCALES[word]
            if last == "scale":
                break
            total += (current or 1) * scale
            current, last = 0, "scale"
        elif (
            word == "and"
            and last == "hundred"
            and i + 1 < len(words)
            and words[i + 1].split("-")[0] in (_EN_UNITS.keys() | _EN_TENS.keys())
        ):
            pass
        else:
            break
        i += 1
        consumed = i
    if not consumed or last == "a":
        return None
    value = total + current
    if not counted:
        return value, consumed, 0
    return value, consumed, _EN_SCALES.get(words[consumed - 1], 1)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        s = " ".join(text.split()).lower()
        s = s.replace("％", "%").replace("／", "/").replace("\u2212", "-")
        self.s = s
        self.pos = 0
        self.comparators: list[str] = []
        self.sign = 1
        self.growth = False

    # ---- small helpers
    def skip_space(self) -> None:
        while self.pos < len(self.s) and self.s[self.pos] == " ":
            self.pos += 1

    def match(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        self.skip_space()
        m = pattern.match(self.s, self.pos)
        if m:
            self.pos = m.end()
        return m

    def hedge(self, comparator: str) -> None:
        if comparator != "=":
            self.comparators.append(comparator)

    # ---- grammar
    def run(self) -> Number:
        if not self.s:
            raise _Fail("empty text")
        if _FULLWIDTH_DIGITS.search(self.s):
            raise _Fail("full-width digits are not accepted")
        self.unwrap()
        self.strip_suffix_hedges()
        self.prefixes()
        core = self.core()
        if core is None:
            raise _Fail("no number found")
        value, precision = core.value, core.precision
        unit = core.unit
        if core.comparator:
            self.hedge(core.comparator)
        if core.scalable:
            self.number_suffix_hedge()
            factor = self.scale()
            value, precision = value * factor, precision * factor
            self.number_suffix_hedge()
        if core.unit_allowed:
            found = self.unit()
            if found == "cheng":
                unit, value, precision = "fraction", value / 10, precision / 10
            elif found == "times" and self.growth:
                unit, value, precision = "percent", value * 100, precision * 100
            elif found is not None:
                unit = found
            if found is not None:
                self.number_suffix_hedge()  # 增长一倍多
        self.counter()
        comparator = self.comparator(core)
        return Number(float(self.sign * value), float(precision), comparator, unit, self.text)

    def unwrap(self) -> None:
        """是2012年的1.6倍 -> 1.6倍; 1.6 times that of 2012 -> 1.6 times."""
        m = re.fullmatch(r"(?:是|为|相当于)[^的]*的(.+倍.*)", self.s)
        if m:
            self.s = m.group(1)
        m = re.fullmatch(r"(.+?(?:times|-?fold)) (?:that|those|the level) of .*", self.s)
        if m:
            self.s = m.group(1)

    def strip_suffix_hedges(self) -> None:
        while True:
            m = _SUFFIX_RE.search(self.s.rstrip())
            if not m or m.start() == 0:
                return
            self.hedge(SUFFIX_HEDGES[m.group(0)])
            self.s = self.s.rstrip()[: m.start()].rstrip()

    def prefixes(self) -> None:
        while True:
            m = self.match(_PREFIX_RE)
            if not m:
                return
            word = m.group(0)
            if word in ("-", "负", "minus"):
                self.sign = -self.sign
            elif word == "+":
                pass
            elif word in GROWTH_VERBS:
                self.growth = True
                self.sign *= GROWTH_VERBS[word]
            else:
                self.hedge(PREFIX_HEDGES[word])

    def number_suffix_hedge(self) -> None:
        self.skip_space()
        if self.pos < len(self.s) and self.s[self.pos] in NUMBER_SUFFIX_HEDGES:
            self.hedge(NUMBER_SUFFIX_HEDGES[self.s[self.pos]])
            self.pos += 1
        elif self.s.startswith("+", self.pos):
            self.hedge(">")
            self.pos += 1

    def core(self) -> _Core | None:
        self.skip_space()
        for method in (
            self.core_special,
            self.core_fraction,
            self.core_arabic,
            self.core_chinese,
            self.core_english,
        ):
            found = method()
            if found is not None:
                return found
        return None

    def core_special(self) -> _Core | None:
        if self.match(re.compile(r"(?:两|二|双)位数|double[ -]digits?(?![a-z])")):
            return _Core(Fraction(10), Fraction(0), scalable=False, unit="percent", unit_allowed=False,
                         special="digits")  # fmt: skip
        m = self.match(_FAN_RE)
        if m:
            times = int(_zh_number(m.group(1))) if m.group(1) else 1
            return self.growth_core(2**times - 1)
        m = self.match(_EN_MULTIPLY_RE)
        if m:
            factor = 2 if m.group(1).startswith("doubl") else 3 if m.group(1).startswith("tripl") else 4
            return self.growth_core(factor - 1)
        if self.match(re.compile(r"twice(?![a-z])")):
            return _Core(Fraction(2), Fraction(1, 2), scalable=False, unit="times", unit_allowed=False)
        if self.match(re.compile(r"一半|半数")):
            return _Core(Fraction(1, 2), Fraction(0), scalable=False, unit="fraction", unit_allowed=False)
        if self.match(re.compile(r"百分之")):
            inner = self.core_arabic() or self.core_chinese()
            if inner is None:
                raise _Fail("no number after 百分之")
            return _Core(inner.value, inner.precision, scalable=False, unit="percent", unit_allowed=False)
        return None

    def growth_core(self, multiple: int) -> _Core:
        """翻一番 / doubled: growth of (multiple x 100) percent, +-50."""
        return _Core(
            Fraction(multiple * 100), Fraction(50), scalable=False, unit="percent", unit_allowed=False
        )

    def core_fraction(self) -> _Core | None:
        m = self.match(_SLASH_RE)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
        elif m := self.match(_ZH_FRACTION_RE):
            den, num = int(_zh_number(m.group(1))), int(_zh_number(m.group(2)))
        elif m := self.match(_EN_FRACTION_RE):
            count, ordinal = m.group(1), m.group(2)
            if count is None and ordinal not in ("half", "halves"):
                raise _Fail(f"{ordinal!r} without a count")
            num = 1 if count in (None, "a", "an") else int(count) if count.isdigit() else _EN_UNITS[count]
            den = _EN_ORDINALS[ordinal.removesuffix("s") if ordinal != "halves" else ordinal]
        else:
            return None
        if den == 0:
            raise _Fail("zero denominator")
        return _Core(Fraction(num, den), Fraction(0), scalable=False, unit="fraction", unit_allowed=False)

    def core_arabic(self) -> _Core | None:
        m = self.match(_ARABIC_RE)
        return _decimal_core(m.group(1), m.group(2)) if m else None

    def core_chinese(self) -> _Core | None:
        comparator = None
        if self.s.startswith("上", self.pos) and re.match("上[百千万亿]", self.s[self.pos :]):
            self.pos += 1
            comparator = ">="
        m = self.match(_ZH_DEC_RE)
        if m:
            if comparator:
                raise _Fail("上 before a numeral with digits")
            value = Fraction(_zh_int(m.group(1))) + Fraction(
                Decimal("0." + "".join(str(_ZH_DIGITS[c]) for c in m.group(2)))
            )
            return _Core(value, Fraction(1, 2) / 10 ** len(m.group(2)))
        m = self.match(_ZH_RUN_RE)
        if not m:
            return None
        run = m.group(0)
        if all(c in "百千万亿" for c in run):  # bare scale: 近万, 上千, 千亿
            value = 1
            for c in run:
                value *= {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[c]
            return _Core(Fraction(value), Fraction(value, 2), scalable=False, comparator=comparator)
        if comparator:
            raise _Fail("上 before a numeral with digits")
        # A trailing 万/亿 is the numeral's scale, as after Arabic digits (两万 = 2万 -> +-5000).
        return _Core(Fraction(_zh_int(run)), Fraction(_zh_scale_suffix(run), 2))

    def core_english(self) -> _Core | None:
        self.skip_space()
        rest = self.s[self.pos :]
        words = rest.split(" ")
        parsed = _en_words(words)
        if parsed is None:
            return None
        value, consumed, scale = parsed
        self.pos += len(" ".join(words[:consumed]))
        if scale == 0:  # bare scale word: "nearly trillion yuan"
            return _Core(Fraction(value), Fraction(value, 2), scalable=False)
        return _Core(Fraction(value), Fraction(scale, 2), scalable=scale == 1)

    def scale(self) -> int:
        m = self.match(re.compile(_alternation(list(_ZH_SCALES_AFTER_DIGITS))))
        if m:
            return _ZH_SCALES_AFTER_DIGITS[m.group(0)]
        if self.match(_EN_MAN_YUAN_RE):
            return 10**4
        if self.match(_EN_YI_YUAN_RE):
            return 10**8
        m = self.match(_EN_SCALE_RUN_RE)
        if m:
            factor = 1
            for word in m.group(0).split():
                factor *= 100 if word == "hundred" else _EN_SCALES[word]
            if self.s[m.end() - 1] == " ":
                self.pos -= 1
            return factor
        if self.match(re.compile(r"ten thousand(?![a-z])")):
            return 10**4
        return 1

    def unit(self) -> str | None:
        for pattern, unit in _UNIT_PATTERNS:
            if self.match(pattern):
                return unit
        return None

    def counter(self) -> None:
        rest = self.s[self.pos :].strip()
        if not rest:
            return
        if re.search("[0-9]", rest):
            raise _Fail(f"more than one number (left over: {rest!r})")
        if re.fullmatch(r"[\u3400-\u9fff]+", rest):
            stripped = rest
            for word in _COUNTER_WHITELIST:
                stripped = stripped.replace(word, "")
            if any(c in _ZH_NUMERAL for c in stripped):
                raise _Fail(f"more than one number (left over: {rest!r})")
            if rest[0] in "元倍成" or "百分点" in rest:
                raise _Fail(f"unexpected unit {rest!r} after the number")
            return
        if re.fullmatch(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)*", rest):
            bad = [w for w in rest.split() if w in _EN_NUMBER_WORDS or w in _EN_ORDINALS or w.rstrip("s") in (
                "percent", "yuan", "time", "point")]  # fmt: skip
            if bad:
                raise _Fail(f"unexpected {bad[0]!r} after the number")
            return
        raise _Fail(f"cannot read {rest!r} after the number")

    def comparator(self, core: _Core) -> str:
        found = sorted(set(self.comparators))
        if core.special == "digits":
            found = [c for c in found if c not in (">", ">=")] or [">="]
        if len(found) > 1:
            raise _Fail(f"conflicting hedges {' and '.join(found)}")
        return found[0] if found else "="


def parse(text: str) -> Number:
    """Parse one number phrase (number with optional hedge, scale, unit and counter); see the module doc."""
    if not isinstance(text, str):
        raise NumberParseError(repr(text), "not a string")
    if (m := _REGION_SUM_RE.fullmatch(text.strip().lower())) is not None:
        # "三省一市", "three provinces and one city": a count of regions written as a sum of two counts
        g = [x for x in m.groups() if x is not None]
        parts = [parse(g[0] + g[1]), parse(g[2] + g[3])]
        return Number(parts[0].value + parts[1].value, 0.0, "=", None, text)
    try:
        return _Parser(text).run()
    except _Fail as exc:
        raise NumberParseError(text, str(exc)) from None
    except (ValueError, KeyError, ZeroDivisionError, ArithmeticError) as exc:  # defensive: never leak
        raise NumberParseError(text, f"malformed number ({exc})") from None


_REGION_SUM_RE = re.compile(
    r"([一二两三四五六七八九十0-9]+)(省区?)([一二两三四五六七八九十0-9]+)(市|区)"
    r"|([a-z0-9]+)( provinces?) and ([a-z0-9]+)( cit(?:y|ies)| municipalit(?:y|ies))"
)


# --------------------------------------------------------------------------- units

_CONVERSIONS: dict[tuple[str | None, str], Decimal] = {
    ("percent", "percent"): Decimal(1),
    ("fraction", "percent"): Decimal(100),
    ("percentage-points", "percentage-points"): Decimal(1),
    ("yuan", "100m-yuan"): Decimal("1e-8"),
    ("yuan-per-person", "10k-yuan-per-person"): Decimal("1e-4"),
    ("yuan", "10k-yuan-per-person"): Decimal("1e-4"),  # "per person" said earlier: 人均营业收入…172.7万元
    ("tonnes-sce", "10k-tonnes-sce"): Decimal("1e-4"),  # 1.6亿吨标准煤 -> 16000 万吨标准煤
    (None, "count"): Decimal(1),
    (None, "100m-yuan"): Decimal("1e-8"),  # an amount without a currency word: 近10万亿 (a headline)
    ("times", "times"): Decimal(1),
    ("fraction", "times"): Decimal(1),
}


def _scaled(x: float, factor: Decimal) -> float:
    """x * factor rounded once from the shortest decimal of x (0.3 * 100 -> 30.0, not 30.000000000000004)."""
    return float(Decimal(repr(float(x))) * factor)


def to_unit(number: Number, unit: str) -> tuple[float, float]:
    """(value, precision) converted to a dataset unit, one of: "percent", "percentage-points",
    "100m-yuan" (亿元), "10k-yuan-per-person" (万元/人), "count", "times". Raises UnitError (a
    NumberParseError) for impossible conversions (e.g. yuan -> percent, percent -> percentage-points).

    Allowed: percent -> percent; fraction -> percent (x100) or times (x1); percentage-points ->
    percentage-points; yuan -> 100m-yuan (/1e8); yuan-per-person -> 10k-yuan-per-person (/1e4);
    times -> times; no unit -> count, or -> 100m-yuan for an amount written without 元 (近10万亿)."""
    if unit not in DATASET_UNITS:
        raise UnitError(
            number.text, f"unknown dataset unit {unit!r} (expected one of {', '.join(DATASET_UNITS)})"
        )
    factor = _CONVERSIONS.get((number.unit, unit))
    if factor is None:
        raise UnitError(number.text, f"{number.unit or 'a plain count'} cannot be expressed in {unit}")
    return _scaled(number.value, factor), _scaled(number.precision, factor)


def agrees(a: float, b: float, precision: float) -> bool:
    """True when a and b differ by at most `precision` (plus a relative float slack of 1e-9)."""
    return abs(a - b) <= precision + 1e-9 * max(1.0, abs(a), abs(b))


# --------------------------------------------------------------------------- rendering

_SCALE_FACTORS: dict[str, int] = {**_ZH_SCALES, **_EN_SCALES}
_UNIT_WORDS = {
    "zh": {
        "percent": "%",
        "percentage-points": "个百分点",
        "times": "倍",
        "yuan": "元",
        "yuan-per-person": "元/人",
        "tonnes-sce": "吨标准煤",
    },
    "en": {
        "percent": " percent",
        "percentage-points": " percentage points",
        "times": " times",
        "yuan": " yuan",
        "yuan-per-person": " yuan per person",
        "tonnes-sce": " tons of standard coal",
    },
}
_EN_ORDINAL_NAMES = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
                     9: "ninth", 10: "tenth"}  # fmt: skip
_ZH_DIGIT_CHARS = "零一二三四五六七八九"
_EN_UNIT_NAMES = {v: k for k, v in _EN_UNITS.items()}
_EN_TEN_NAMES = {v: k for k, v in _EN_TENS.items()}


def _zh_below_10000(n: int, leading: bool) -> str:
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += "" if (d == 1 and unit == 10 and leading and not out) else _ZH_DIGIT_CHARS[d]
        out += name
    return out


def _zh_int_text(n: int, leading: bool = True) -> str:
    """Chinese numeral for a non-negative integer (一百零五, 十一, 一万三千, 三万亿)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        text = _zh_int_text(high, leading) + "亿"
        if low:
            text += ("零" if low < 10**7 else "") + _zh_int_text(low, False)
        return text
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        text = _zh_below_10000(high, leading) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _zh_below_10000(low, False)
        return text
    return _zh_below_10000(n, leading)


def _en_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_EN_UNIT_NAMES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        words.append(_EN_TEN_NAMES[tens * 10] + (f"-{_EN_UNIT_NAMES[unit]}" if unit else ""))
    elif rest:
        words.append(_EN_UNIT_NAMES[rest])
    return " ".join(words)


def _en_int_text(n: int) -> str:
    """English words for a non-negative integer (one hundred five, twenty-five thousand)."""
    if n == 0:
        return "zero"
    words = []
    for name, factor in sorted(_EN_SCALES.items(), key=lambda kv: -kv[1]):
        if n >= factor:
            high, n = divmod(n, factor)
            words.append(f"{_en_int_text(high)} {name}")
    if n:
        words.append(_en_below_1000(n))
    return " ".join(words)


def _as_decimal(value: float | int | Decimal | Fraction | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def render(
    value: float | int | Decimal | Fraction | str,
    style: str = "arabic",
    *,
    decimals: int | None = None,
    scale: str | None = None,
    unit: str | None = None,
    hedge: str | None = None,
    lang: str = "zh",
    counter: str = "",
) -> str:
    """Write a value (in base units, like Number.value) as press text that parse() reads back.

    style: "arabic" (11000.5), "grouped" (11,000.5), "zh" (一百零五, 三点五), "en" (one hundred five;
    integers only), "slash" (1/3), "zh-fraction" (三分之一), "en-fraction" (one third, half),
    "cheng" (a fraction in tenths: 0.3 -> 三成).  decimals: digits after the point of value/scale
    (None: as few as represent it).  scale: 万 亿 万亿 千亿 百亿 千万 百万 or thousand million billion
    trillion.  unit: percent, percentage-points, times, yuan, yuan-per-person (written in `lang`;
    fraction and None write nothing).  hedge: a comparator (written with the canonical word of `lang`:
    近, 超过 ... / nearly, more than ...) or any word of PREFIX_HEDGES, SUFFIX_HEDGES or
    NUMBER_SUFFIX_HEDGES, placed where parse() expects it.  counter: appended last (家, " enterprises").
    The text parses back to the same value; its precision is half a unit of the last written digit
    times the scale (Chinese numerals ending in 万/亿 count that as their scale).
    """
    if lang not in _UNIT_WORDS:
        raise ValueError(f"unknown lang {lang!r}")
    exact = _as_decimal(value)
    sign = "-" if exact < 0 else ""
    exact = abs(exact)
    factor = 1
    if scale is not None:
        if scale not in _SCALE_FACTORS:
            raise ValueError(f"unknown scale {scale!r}")
        factor = _SCALE_FACTORS[scale]
    mantissa = exact / factor
    if decimals is not None:
        mantissa = mantissa.quantize(Decimal(1).scaleb(-decimals))
    elif mantissa == mantissa.to_integral_value():
        mantissa = mantissa.quantize(Decimal(1))
    else:
        mantissa = mantissa.normalize()
    inner = ""
    if hedge in NUMBER_SUFFIX_HEDGES:
        inner, hedge = hedge, None
    fractional = style in ("slash", "zh-fraction", "en-fraction")
    if fractional:
        frac = Fraction(exact).limit_denominator(1000)
        num, den = frac.numerator, frac.denominator
        if style == "slash":
            body = f"{num}/{den}"
        elif style == "zh-fraction":
            body = f"{_zh_int_text(den)}分之{_zh_int_text(num)}"
        else:
            if den not in _EN_ORDINAL_NAMES or num > 9:
                raise ValueError(f"no English fraction word for {frac}")
            if den == 2:
                body = "half" if num == 1 else f"{_EN_UNIT_NAMES[num]} halves"
            else:
                body = f"{_EN_UNIT_NAMES[num]} {_EN_ORDINAL_NAMES[den]}" + ("s" if num > 1 else "")
    elif style == "cheng":
        tenths = exact * 10
        if tenths != tenths.to_integral_value():
            raise ValueError(f"{value} is not a whole number of tenths")
        body = _zh_int_text(int(tenths)) + "成"
    elif style in ("arabic", "grouped"):
        body = f"{mantissa:,f}" if style == "grouped" else f"{mantissa:f}"
    elif style == "zh":
        int_part = int(mantissa)
        body = _zh_int_text(int_part)
        frac_digits = f"{mantissa:f}".partition(".")[2]
        if frac_digits:
            body += "点" + "".join(_ZH_DIGIT_CHARS[int(c)] for c in frac_digits)
        if sign:
            body, sign = "负" + body, ""
    elif style == "en":
        if mantissa != mantissa.to_integral_value():
            raise ValueError("English words are for integers only")
        body = _en_int_text(int(mantissa))
    else:
        raise ValueError(f"unknown style {style!r}")
    body = sign + body + inner
    if scale is not None and not fractional and style != "cheng":
        body += scale if scale in _ZH_SCALES else f" {scale}"
    if unit is not None and unit != "fraction" and not fractional and style != "cheng":
        body += _UNIT_WORDS[lang][unit]
    body += counter
    if hedge is None or hedge == "=":
        return body
    if hedge in _CANONICAL_HEDGE[lang]:
        hedge = _CANONICAL_HEDGE[lang][hedge]
    if hedge in PREFIX_HEDGES:
        return hedge + (" " if hedge.isascii() else "") + body
    if hedge in SUFFIX_HEDGES:
        return body + (" " if hedge.isascii() else "") + hedge
    raise ValueError(f"unknown hedge {hedge!r}")
