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
Ranks (unit rank, exact): a ranking verb and an ordinal (ranking fifth, ranked 3rd) or 第N with an
optional 排名/位居/居全国 and 位/名 (排名第五, 居全国第5位); a bare ordinal (fifth) is not a rank.
Also read: 是2012年的1.6倍 and 1.6 times that of 2012 (-> 1.6 times).

Precision is half a unit of the last written digit times the scale (1.1万 -> 500; 11,000 -> 0.5).
Chinese and English numerals count like Arabic ones with their trailing scale kept (两万 = 2万 -> 5000,
一千 = 1000 -> 0.5, two thousand = 2 thousand -> 500); a bare scale is an order of magnitude (近万 ->
10000 +-5000, 上千 -> 1000 +-500).  Fractions (1/4, 三分之一, 一半, one third) are exact (precision 0);
n成 is n/10 +-0.05.  Doubling forms (翻一番, 增长一倍, doubled) are growth of 100 percent +-50.
两位数/double digits is 10 percent, precision 0, comparator ">=" (also after 超过/more than).
Hedges set the comparator: see PREFIX_HEDGES and SUFFIX_HEDGES (以上 and or more -> ">=", 以下 -> "<=":
Chinese statistical usage includes the bound).
Anything else raises NumberParseError: full-width digits, two numbers, conflicting hedges, no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from miitdata.errors import MiitdataError
from miitdata.numbers.lexicon import (
    ARABIC_RE,
    COUNTER_WHITELIST,
    EN_FRACTION_RE,
    EN_MAN_YUAN_RE,
    EN_MULTIPLY_RE,
    EN_NUMBER_WORDS,
    EN_ORDINALS,
    EN_SCALE_RUN_RE,
    EN_SCALES,
    EN_TENS,
    EN_UNITS,
    EN_YI_YUAN_RE,
    FAN_RE,
    FULLWIDTH_DIGITS,
    GROWTH_VERBS,
    NUMBER_SUFFIX_HEDGES,
    PREFIX_HEDGES,
    PREFIX_RE,
    RANK_ORDINALS,
    SLASH_RE,
    SUFFIX_HEDGES,
    SUFFIX_RE,
    UNIT_PATTERNS,
    ZH_DEC_RE,
    ZH_DIGITS,
    ZH_FRACTION_RE,
    ZH_NUMERAL,
    ZH_RUN_RE,
    ZH_SCALES_AFTER_DIGITS,
    ZH_SMALL,
    alternation,
)

#: Compiled once (parse() is called per mention; rebuilding the alternation cost ~1 ms a call).
_ZH_SCALE_RE = re.compile(alternation(list(ZH_SCALES_AFTER_DIGITS)))
_DIGITS_RE = re.compile(r"(?:两|二|双)位数|double[ -]digits?(?![a-z])")
_TWICE_RE = re.compile(r"twice(?![a-z])")
_HALF_RE = re.compile(r"一半|半数")
_PERCENT_OF_RE = re.compile(r"百分之")
_TEN_THOUSAND_RE = re.compile(r"ten thousand(?![a-z])")

#: The units a parsed number can carry (base units; None for a plain count).
UNITS = ("percent", "percentage-points", "times", "fraction", "yuan", "yuan-per-person", "tonnes-sce", None)


@dataclass(frozen=True)
class Number:
    """A parsed number: value and precision in base units of `unit` (yuan, not 亿元)."""

    value: float
    precision: float
    comparator: str
    unit: str | None
    text: str


class NumberParseError(MiitdataError, ValueError):
    """`text` could not be parsed (or converted); the message names the text and the reason."""

    code = "number-unparsable"

    def __init__(self, text: str, reason: str, *, action: str = "parse") -> None:
        super().__init__(type(self).code, f"cannot {action} {text!r}: {reason}")
        self.text = text
        self.reason = reason


class UnitError(NumberParseError):
    """A parsed number cannot be expressed in the requested dataset unit."""

    code = "unit-unconvertible"

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text, reason, action="convert")


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
        if ch in ZH_DIGITS:
            d = ZH_DIGITS[ch]
            if d == 0:
                if digit is not None:
                    raise _Fail(f"digit-by-digit Chinese numeral {run!r}")
                zero = True
                continue
            if digit is not None:
                raise _Fail(f"two Chinese digits in a row in {run!r}")
            digit = d
        elif ch in ZH_SMALL:
            unit = ZH_SMALL[ch]
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
        if len(parts) == 2 and parts[0] in EN_TENS and parts[1] in EN_UNITS and 0 < EN_UNITS[parts[1]] < 10:
            if last in ("unit", "teen", "ten"):
                break
            current += EN_TENS[parts[0]] + EN_UNITS[parts[1]]
            last, counted = "unit", True
        elif word in ("a", "an") and i + 1 < len(words) and words[i + 1] in ("hundred", *EN_SCALES):
            if last:
                break
            current, last, counted = 1, "a", True
        elif word in EN_UNITS:
            if last in ("unit", "teen") or (last == "ten" and EN_UNITS[word] >= 10) or last == "a":
                break
            current += EN_UNITS[word]
            last, counted = ("teen" if EN_UNITS[word] >= 10 else "unit"), True
        elif word in EN_TENS:
            if last in ("unit", "teen", "ten", "a"):
                break
            current += EN_TENS[word]
            last, counted = "ten", True
        elif word == "hundred":
            if last in ("hundred",) or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word in EN_SCALES:
            scale = EN_SCALES[word]
            if last == "scale":
                break
            total += (current or 1) * scale
            current, last = 0, "scale"
        elif (
            word == "and"
            and last == "hundred"
            and i + 1 < len(words)
            and words[i + 1].split("-")[0] in (EN_UNITS.keys() | EN_TENS.keys())
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
    return value, consumed, EN_SCALES.get(words[consumed - 1], 1)


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
        if FULLWIDTH_DIGITS.search(self.s):
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
            m = SUFFIX_RE.search(self.s.rstrip())
            if not m or m.start() == 0:
                return
            self.hedge(SUFFIX_HEDGES[m.group(0)])
            self.s = self.s.rstrip()[: m.start()].rstrip()

    def prefixes(self) -> None:
        while True:
            m = self.match(PREFIX_RE)
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
        if self.match(_DIGITS_RE):
            return _Core(Fraction(10), Fraction(0), scalable=False, unit="percent", unit_allowed=False,
                         special="digits")  # fmt: skip
        m = self.match(FAN_RE)
        if m:
            times = int(_zh_number(m.group(1))) if m.group(1) else 1
            return self.growth_core(2**times - 1)
        m = self.match(EN_MULTIPLY_RE)
        if m:
            factor = 2 if m.group(1).startswith("doubl") else 3 if m.group(1).startswith("tripl") else 4
            return self.growth_core(factor - 1)
        if self.match(_TWICE_RE):
            return _Core(Fraction(2), Fraction(1, 2), scalable=False, unit="times", unit_allowed=False)
        if self.match(_HALF_RE):
            return _Core(Fraction(1, 2), Fraction(0), scalable=False, unit="fraction", unit_allowed=False)
        if self.match(_PERCENT_OF_RE):
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
        m = self.match(SLASH_RE)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
        elif m := self.match(ZH_FRACTION_RE):
            den, num = int(_zh_number(m.group(1))), int(_zh_number(m.group(2)))
        elif m := self.match(EN_FRACTION_RE):
            count, ordinal = m.group(1), m.group(2)
            if count is None and ordinal not in ("half", "halves"):
                raise _Fail(f"{ordinal!r} without a count")
            num = 1 if count in (None, "a", "an") else int(count) if count.isdigit() else EN_UNITS[count]
            den = EN_ORDINALS[ordinal.removesuffix("s") if ordinal != "halves" else ordinal]
        else:
            return None
        if den == 0:
            raise _Fail("zero denominator")
        return _Core(Fraction(num, den), Fraction(0), scalable=False, unit="fraction", unit_allowed=False)

    def core_arabic(self) -> _Core | None:
        m = self.match(ARABIC_RE)
        return _decimal_core(m.group(1), m.group(2)) if m else None

    def core_chinese(self) -> _Core | None:
        comparator = None
        if self.s.startswith("上", self.pos) and re.match("上[百千万亿]", self.s[self.pos :]):
            self.pos += 1
            comparator = ">="
        m = self.match(ZH_DEC_RE)
        if m:
            if comparator:
                raise _Fail("上 before a numeral with digits")
            value = Fraction(_zh_int(m.group(1))) + Fraction(
                Decimal("0." + "".join(str(ZH_DIGITS[c]) for c in m.group(2)))
            )
            return _Core(value, Fraction(1, 2) / 10 ** len(m.group(2)))
        m = self.match(ZH_RUN_RE)
        if not m:
            return None
        run = m.group(0)
        if all(c in "百千万亿" for c in run):  # bare scale: 近万, 上千, 千亿
            magnitude = 1
            for c in run:
                magnitude *= {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[c]
            return _Core(Fraction(magnitude), Fraction(magnitude, 2), scalable=False, comparator=comparator)
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
        m = self.match(_ZH_SCALE_RE)
        if m:
            return ZH_SCALES_AFTER_DIGITS[m.group(0)]
        if self.match(EN_MAN_YUAN_RE):
            return 10**4
        if self.match(EN_YI_YUAN_RE):
            return 10**8
        m = self.match(EN_SCALE_RUN_RE)
        if m:
            factor = 1
            for word in m.group(0).split():
                factor *= 100 if word == "hundred" else EN_SCALES[word]
            if self.s[m.end() - 1] == " ":
                self.pos -= 1
            return factor
        if self.match(_TEN_THOUSAND_RE):
            return 10**4
        return 1

    def unit(self) -> str | None:
        for pattern, unit in UNIT_PATTERNS:
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
            for word in COUNTER_WHITELIST:
                stripped = stripped.replace(word, "")
            if any(c in ZH_NUMERAL for c in stripped):
                raise _Fail(f"more than one number (left over: {rest!r})")
            if rest[0] in "元倍成" or "百分点" in rest:
                raise _Fail(f"unexpected unit {rest!r} after the number")
            return
        if re.fullmatch(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)*", rest):
            bad = [w for w in rest.split() if w in EN_NUMBER_WORDS or w in EN_ORDINALS or w.rstrip("s") in (
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
        if (m := _RANK_RE.fullmatch(text.strip().lower())) is not None:
            # "ranking fifth", "ranks 3rd", 排名第五, 居全国第5位: an ordinal position (unit rank), exact
            word, digits, zh = m.group(1), m.group(2), m.group(3)
            number = digits or zh
            rank = RANK_ORDINALS[word] if word else int(number) if number.isdigit() else _zh_int(number)
            return Number(float(rank), 0.0, "=", "rank", text)
        return _Parser(text).run()
    except _Fail as exc:
        raise NumberParseError(text, str(exc)) from None
    except (ValueError, KeyError, ZeroDivisionError, ArithmeticError) as exc:  # defensive: never leak
        raise NumberParseError(text, f"malformed number ({exc})") from None


_RANK_RE = re.compile(
    r"(?:ranking|ranked|ranks|rank) (?:(" + "|".join(RANK_ORDINALS) + r")|([0-9]+)(?:st|nd|rd|th))"
    r"|(?:排名|位居|位列|居全国|居)?第([一二三四五六七八九十]+|[0-9]+)(?:位|名)?"
)
_REGION_SUM_RE = re.compile(
    r"([一二两三四五六七八九十0-9]+)(省区?)([一二两三四五六七八九十0-9]+)(市|区)"
    r"|([a-z0-9]+)( provinces?) and ([a-z0-9]+)( cit(?:y|ies)| municipalit(?:y|ies))"
)
