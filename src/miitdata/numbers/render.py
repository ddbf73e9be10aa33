"""Writing numbers the way the sources do (the inverse of `parse`; used by the property tests)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from miitdata.numbers.lexicon import (
    CANONICAL_HEDGE,
    EN_SCALES,
    EN_TENS,
    EN_UNITS,
    NUMBER_SUFFIX_HEDGES,
    PREFIX_HEDGES,
    SUFFIX_HEDGES,
    ZH_SCALES,
)

_SCALE_FACTORS: dict[str, int] = {**ZH_SCALES, **EN_SCALES}
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
_EN_UNIT_NAMES = {v: k for k, v in EN_UNITS.items()}
_EN_TEN_NAMES = {v: k for k, v in EN_TENS.items()}


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
    for name, factor in sorted(EN_SCALES.items(), key=lambda kv: -kv[1]):
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

    Long because: one case per unit and language, each a few lines, in the order the parser reads them; the
    table of cases reads best in one place."""
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
        body += scale if scale in ZH_SCALES else f" {scale}"
    if unit is not None and unit != "fraction" and not fractional and style != "cheng":
        body += _UNIT_WORDS[lang][unit]
    body += counter
    if hedge is None or hedge == "=":
        return body
    if hedge in CANONICAL_HEDGE[lang]:
        hedge = CANONICAL_HEDGE[lang][hedge]
    if hedge in PREFIX_HEDGES:
        return hedge + (" " if hedge.isascii() else "") + body
    if hedge in SUFFIX_HEDGES:
        return body + (" " if hedge.isascii() else "") + hedge
    raise ValueError(f"unknown hedge {hedge!r}")
