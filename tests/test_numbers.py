"""miitdata.numbers: literal forms from the sources, render/parse round trips, errors, unit conversion."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.numbers import (
    NUMBER_SUFFIX_HEDGES,
    PREFIX_HEDGES,
    SUFFIX_HEDGES,
    Number,
    NumberParseError,
    UnitError,
    agrees,
    parse,
    to_unit,
)
from miitdata.numbers.render import render

try:  # an independent oracle for Chinese numerals, when installed
    import cn2an
except ImportError:  # pragma: no cover
    cn2an = None

FEW = settings(max_examples=40, deadline=None)
ZH_SCALES = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ARABIC_SCALES = {**ZH_SCALES, "千亿": 10**11, **EN_SCALES}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check(
    text: str, value: float, precision: float, comparator: str = "=", unit: str | None = None
) -> Number:
    number = parse(text)
    assert close(number.value, value), (text, number)
    assert close(number.precision, precision), (text, number)
    assert number.comparator == comparator, (text, number)
    assert number.unit == unit, (text, number)
    assert number.text == text
    return number


def half_unit(decimals: int, factor: int = 1) -> float:
    return float(Decimal("0.5").scaleb(-decimals) * factor)


# --------------------------------------------------------------------------- literal forms

P, PP, X, F, Y, YP = "percent", "percentage-points", "times", "fraction", "yuan", "yuan-per-person"

LITERALS: list[tuple[str, float, float, str, str | None]] = [
    # text, value, precision, comparator, unit
    ("30.5%", 30.5, 0.05, "=", P),
    ("3.1个百分点", 3.1, 0.05, "=", PP),
    ("58%", 58, 0.5, "=", P),
    ("6.7%", 6.7, 0.05, "=", P),
    ("17.84%", 17.84, 0.005, "=", P),
    ("19.21%", 19.21, 0.005, "=", P),
    ("近万家", 10000, 5000, "~", None),
    ("一倍", 1, 0.5, "=", X),
    ("近3000家", 3000, 0.5, "~", None),
    ("30.1%", 30.1, 0.05, "=", P),
    ("1.1万个", 11000, 500, "=", None),
    ("100多个", 100, 0.5, ">", None),
    ("超2000亿元", 2e11, 5e7, ">", Y),
    ("1/4", 0.25, 0, "=", F),
    ("60%", 60, 0.5, "=", P),
    ("1/3", 1 / 3, 0, "=", F),
    ("38%", 38, 0.5, "=", P),
    ("9市", 9, 0.5, "=", None),
    ("11.1%", 11.1, 0.05, "=", P),
    ("16.17%", 16.17, 0.005, "=", P),
    ("3.7%", 3.7, 0.05, "=", P),
    ("2.37个百分点", 2.37, 0.005, "=", PP),
    ("3家", 3, 0.5, "=", None),
    ("5.7万家", 57000, 500, "=", None),
    ("1.54万亿元", 1.54e12, 5e9, "=", Y),
    ("1.6倍", 1.6, 0.05, "=", X),
    ("8%", 8, 0.5, "=", P),
    ("608亿元", 6.08e10, 5e7, "=", Y),
    ("1887.5亿元", 1.8875e11, 5e6, "=", Y),
    ("25.5万元/人", 255000, 500, "=", YP),
    ("41.9万元/人", 419000, 500, "=", YP),
    ("11省市", 11, 0.5, "=", None),
    ("1134家", 1134, 0.5, "=", None),
    ("9省区", 9, 0.5, "=", None),
    ("一半", 0.5, 0, "=", F),
    ("445个", 445, 0.5, "=", None),
    ("近三成", 0.3, 0.05, "~", F),
    ("三成以上", 0.3, 0.05, ">=", F),
    ("近45%", 45, 0.5, "~", P),
    ("25个", 25, 0.5, "=", None),
    ("近10万亿元", 1e13, 5e11, "~", Y),
    ("2.5万家", 25000, 500, "=", None),
    ("17个", 17, 0.5, "=", None),
    ("两位数", 10, 0, ">=", P),
    ("超过两位数", 10, 0, ">=", P),
    ("6.2万亿元", 6.2e12, 5e10, "=", Y),
    ("6.1%", 6.1, 0.05, "=", P),
    ("增长6.1%", 6.1, 0.05, "=", P),
    ("7.5%", 7.5, 0.05, "=", P),
    ("3个月", 3, 0.5, "=", None),
    ("178家", 178, 0.5, "=", None),
    ("45个", 45, 0.5, "=", None),
    ("9.4%", 9.4, 0.05, "=", P),
    ("2.9个百分点", 2.9, 0.05, "=", PP),
    ("提高2.9个百分点", 2.9, 0.05, "=", PP),
    ("10%", 10, 0.5, "=", P),
    ("15.1%", 15.1, 0.05, "=", P),
    ("7%", 7, 0.5, "=", P),
    ("超九成", 0.9, 0.05, ">", F),
    ("41个", 41, 0.5, "=", None),
    ("39个", 39, 0.5, "=", None),
    ("8.6%", 8.6, 0.05, "=", P),
    ("4.7%", 4.7, 0.05, "=", P),
    ("31个", 31, 0.5, "=", None),
    ("29个", 29, 0.5, "=", None),
    ("10个", 10, 0.5, "=", None),
    ("9.6%以上", 9.6, 0.05, ">=", P),
    ("20个", 20, 0.5, "=", None),
    ("15个", 15, 0.5, "=", None),
    ("20.2%", 20.2, 0.05, "=", P),
    ("13.5%", 13.5, 0.05, "=", P),
    ("近七成", 0.7, 0.05, "~", F),
    ("41.8%", 41.8, 0.05, "=", P),
    ("65.5%", 65.5, 0.05, "=", P),
    ("6个", 6, 0.5, "=", None),
    ("4个", 4, 0.5, "=", None),
    ("8个", 8, 0.5, "=", None),
    ("两个", 2, 0.5, "=", None),
    ("五个", 5, 0.5, "=", None),
    ("22家", 22, 0.5, "=", None),
    ("5家", 5, 0.5, "=", None),
    ("53家", 53, 0.5, "=", None),
    ("近100家", 100, 0.5, "~", None),
    ("上千家", 1000, 500, ">=", None),
    ("六省", 6, 0.5, "=", None),
    ("十大", 10, 0.5, "=", None),
    ("1.54 trillion yuan", 1.54e12, 5e9, "=", Y),
    ("nearly 10 trillion yuan", 1e13, 5e11, "~", Y),
    ("25,000", 25000, 0.5, "=", None),
    ("nearly 10,000", 10000, 0.5, "~", None),
    ("one third", 1 / 3, 0, "=", F),
    ("doubled", 100, 50, "=", P),
    ("ten batches", 10, 0.5, "=", None),
    ("more than 100", 100, 0.5, ">", None),
    ("over 200 billion yuan", 2e11, 5e8, ">", Y),
    ("60.8 billion yuan", 6.08e10, 5e7, "=", Y),
    ("188.75 billion yuan", 1.8875e11, 5e6, "=", Y),
    ("255,000 yuan", 255000, 0.5, "=", Y),
    ("30.5 percent", 30.5, 0.05, "=", P),
    ("3.1 percentage points", 3.1, 0.05, "=", PP),
    ("11,000", 11000, 0.5, "=", None),
    ("1,134", 1134, 0.5, "=", None),
    # further forms named by the grammar
    ("1887.5", 1887.5, 0.05, "=", None),
    ("10,000", 10000, 0.5, "=", None),
    ("3750", 3750, 0.5, "=", None),
    ("30.5％", 30.5, 0.05, "=", P),
    ("30.5 per cent", 30.5, 0.05, "=", P),
    ("1.1万", 11000, 500, "=", None),
    ("千亿", 1e11, 5e10, "=", None),
    ("超千亿", 1e11, 5e10, ">", None),
    ("万亿", 1e12, 5e11, "=", None),
    ("近百", 100, 50, "~", None),
    ("十", 10, 0.5, "=", None),
    ("两", 2, 0.5, "=", None),
    ("三", 3, 0.5, "=", None),
    ("十一", 11, 0.5, "=", None),
    ("二十", 20, 0.5, "=", None),
    ("一百", 100, 0.5, "=", None),
    ("一千", 1000, 0.5, "=", None),
    ("一万", 10000, 5000, "=", None),
    ("两万家", 20000, 5000, "=", None),
    ("一百零五", 105, 0.5, "=", None),
    ("一亿三千万", 1.3e8, 5000, "=", None),
    ("三点五万", 35000, 500, "=", None),
    ("二十多个", 20, 0.5, ">", None),
    ("2000多亿元", 2e11, 5e7, ">", Y),
    ("1万多家", 10000, 5000, ">", None),
    ("100余家", 100, 0.5, ">", None),
    ("三成", 0.3, 0.05, "=", F),
    ("三分之一", 1 / 3, 0, "=", F),
    ("四分之三", 0.75, 0, "=", F),
    ("百分之三十", 30, 0.5, "=", P),
    ("a third", 1 / 3, 0, "=", F),
    ("one-third", 1 / 3, 0, "=", F),
    ("one quarter", 0.25, 0, "=", F),
    ("a quarter", 0.25, 0, "=", F),
    ("half", 0.5, 0, "=", F),
    ("1.6 times", 1.6, 0.05, "=", X),
    ("是2012年的1.6倍", 1.6, 0.05, "=", X),
    ("1.6 times that of 2012", 1.6, 0.05, "=", X),
    ("增长一倍", 100, 50, "=", P),
    ("增加一倍", 100, 50, "=", P),
    ("翻一番", 100, 50, "=", P),
    ("翻了一番", 100, 50, "=", P),
    ("double", 100, 50, "=", P),
    ("增长1.6倍", 160, 5, "=", P),
    ("增长一倍多", 100, 50, ">", P),
    ("twenty", 20, 0.5, "=", None),
    ("twenty-five", 25, 0.5, "=", None),
    ("ninety", 90, 0.5, "=", None),
    ("hundred", 100, 50, "=", None),
    ("one hundred and five", 105, 0.5, "=", None),
    ("two thousand enterprises", 2000, 500, "=", None),
    ("nearly trillion yuan", 1e12, 5e11, "~", Y),
    ("over 2,000", 2000, 0.5, ">", None),
    ("exceeded double digits", 10, 0, ">=", P),
    ("-0.5%", -0.5, 0.05, "=", P),
    ("下降0.5%", -0.5, 0.05, "=", P),
    ("fell by 0.5 percent", -0.5, 0.05, "=", P),
    ("达到6.7%", 6.7, 0.05, "=", P),
    ("reached 6.7%", 6.7, 0.05, "=", P),
    ("约12.6万亿元", 1.26e13, 5e10, "~", Y),
    ("30%左右", 30, 0.5, "~", P),
    ("不低于10%", 10, 0.5, ">=", P),
    ("不到5%", 5, 0.5, "<", P),
    ("不超过3%", 3, 0.5, "<=", P),
    ("5%以下", 5, 0.5, "<=", P),
    ("at most 3", 3, 0.5, "<=", None),
    ("near 50%", 50, 0.5, "~", P),
    ("25.5 10,000 yuan per person", 255000, 500, "=", YP),
    ("255,000 yuan/person", 255000, 0.5, "=", YP),
    ("100 companies", 100, 0.5, "=", None),
    ("18 provinces", 18, 0.5, "=", None),
    ("100万千瓦", 1e6, 5000, "=", None),
]


@pytest.mark.parametrize(
    ("text", "value", "precision", "comparator", "unit"), LITERALS, ids=[r[0] for r in LITERALS]
)
def test_literal_forms(text: str, value: float, precision: float, comparator: str, unit: str | None) -> None:
    check(text, value, precision, comparator, unit)


# --------------------------------------------------------------------------- errors

BAD = [
    "",
    "   ",
    "abc",
    "%",
    "个",
    "1.54 1.54",
    "2.48 2.48 Typhoon",
    "30.5% 40%",
    "１２３",
    "３０.５%",
    "1,13",
    "1.54万亿元元",
    "一百五",
    "二〇二一",
    "五个千亿级",
    "中部六省",
    "one two",
    "third",
    "3/0",
    "近100多",
    "近超过100",
    "nearly 50 percent percent",
    "30.5%，",
]


@pytest.mark.parametrize("text", BAD)
def test_errors_name_the_text(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse(text)
    assert repr(text) in str(info.value)
    assert info.value.text == text


def test_error_is_a_value_error() -> None:
    assert issubclass(NumberParseError, ValueError)
    assert issubclass(UnitError, NumberParseError)


# --------------------------------------------------------------------------- round trips through render()

decimals_st = st.integers(0, 4)


@FEW
@given(st.integers(0, 10**9), decimals_st, st.sampled_from(["arabic", "grouped"]))
def test_round_trip_arabic(mantissa: int, decimals: int, style: str) -> None:
    value = Decimal(mantissa).scaleb(-decimals)
    text = render(value, style, decimals=decimals)
    if style == "grouped" and mantissa >= 1000 * 10**decimals:
        assert "," in text
    check(text, float(value), half_unit(decimals))


@FEW
@given(
    st.integers(1, 99_999),
    st.integers(0, 3),
    st.sampled_from(sorted(ARABIC_SCALES)),
    st.sampled_from([None, "yuan", "yuan-per-person"]),
    st.sampled_from(["arabic", "grouped"]),
)
def test_round_trip_scaled(mantissa: int, decimals: int, scale: str, unit: str | None, style: str) -> None:
    factor = ARABIC_SCALES[scale]
    value = Decimal(mantissa).scaleb(-decimals) * factor
    lang = "en" if scale in EN_SCALES else "zh"
    text = render(value, style, decimals=decimals, scale=scale, unit=unit, lang=lang)
    check(text, float(value), half_unit(decimals, factor), "=", unit)


@FEW
@given(st.integers(0, 9999), st.booleans())
def test_round_trip_chinese_integers(n: int, liang: bool) -> None:
    text = render(n, "zh")
    if liang and text[0] == "二" and len(text) > 1 and text[1] in "千百":
        text = "两" + text[1:]
    check(text, n, 0.5)
    if cn2an is not None:
        assert cn2an.cn2an(text.replace("两", "二"), "strict") == n


@FEW
@given(st.integers(1, 9999), st.sampled_from(sorted(ZH_SCALES)), st.sampled_from([None, "yuan"]))
def test_round_trip_chinese_scaled(n: int, scale: str, unit: str | None) -> None:
    factor = ZH_SCALES[scale]
    text = render(n * factor, "zh", scale=scale, unit=unit)
    check(text, n * factor, 0.5 * factor, "=", unit)


@FEW
@given(st.integers(0, 10**15))
def test_chinese_numerals_any_size(n: int) -> None:
    """Value of any Chinese numeral; its precision comes from its trailing 万/亿/万亿."""
    text = render(n, "zh")
    trailing = next((f for s, f in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)) if text.endswith(s)), 1)
    check(text, n, 0.5 * trailing)
    if cn2an is not None:
        assert cn2an.cn2an(text, "strict") == n


@FEW
@given(st.integers(0, 9999), st.integers(1, 3), st.sampled_from([None, "万", "亿"]))
def test_round_trip_chinese_decimals(mantissa: int, decimals: int, scale: str | None) -> None:
    factor = ZH_SCALES[scale] if scale else 1
    value = Decimal(mantissa).scaleb(-decimals) * factor
    text = render(value, "zh", decimals=decimals, scale=scale)
    assert "点" in text
    check(text, float(value), half_unit(decimals, factor))


@FEW
@given(
    st.integers(0, 999), st.sampled_from([None, *sorted(EN_SCALES)]), st.sampled_from(["", " enterprises"])
)
def test_round_trip_english_words(n: int, scale: str | None, counter: str) -> None:
    if scale and n == 0:
        n = 1
    factor = EN_SCALES[scale] if scale else 1
    text = render(n * factor, "en", scale=scale, lang="en", counter=counter)
    check(text, n * factor, 0.5 * factor)


@FEW
@given(st.integers(0, 10**15 - 1))
def test_english_words_any_size(n: int) -> None:
    text = render(n, "en", lang="en")
    last = text.split()[-1]
    check(
        text,
        n,
        0.5 * {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}.get(last, 1),
    )


@FEW
@given(st.integers(2, 10), st.integers(1, 9), st.sampled_from(["slash", "zh-fraction", "en-fraction"]))
def test_round_trip_fractions(den: int, num: int, style: str) -> None:
    frac = Fraction(min(num, den - 1), den)
    text = render(frac, style, lang="en" if style == "en-fraction" else "zh")
    check(text, float(frac), 0, "=", "fraction")


@FEW
@given(st.integers(1, 10))
def test_round_trip_cheng(n: int) -> None:
    text = render(Fraction(n, 10), "cheng")
    assert text.endswith("成")
    check(text, n / 10, 0.05, "=", "fraction")


@FEW
@given(
    st.integers(-99_999, 99_999),
    st.integers(0, 3),
    st.sampled_from(["percent", "percentage-points", "times"]),
    st.sampled_from(["zh", "en"]),
)
def test_round_trip_units(mantissa: int, decimals: int, unit: str, lang: str) -> None:
    value = Decimal(mantissa).scaleb(-decimals)
    text = render(value, "arabic", decimals=decimals, unit=unit, lang=lang)
    check(text, float(value), half_unit(decimals), "=", unit)


@FEW
@given(st.integers(0, 9999), st.integers(0, 2), st.sampled_from(["zh", "en"]))
def test_growth_multiples_are_percent(mantissa: int, decimals: int, lang: str) -> None:
    """增长1.6倍 / increased by 1.6 times: growth of 160 percent; 下降/fell by: negative."""
    value = Decimal(mantissa).scaleb(-decimals)
    body = render(value, "arabic", decimals=decimals, unit="times", lang=lang)
    verb = "增长" if lang == "zh" else "increased by "
    check(verb + body, float(value * 100), half_unit(decimals, 100), "=", "percent")
    fall = "下降" if lang == "zh" else "fell by "
    pct = render(value, "arabic", decimals=decimals, unit="percent", lang=lang)
    check(fall + pct, -float(value), half_unit(decimals), "=", "percent")


ALL_HEDGES = sorted({**PREFIX_HEDGES, **SUFFIX_HEDGES, **NUMBER_SUFFIX_HEDGES}.items())


@FEW
@given(
    st.sampled_from(ALL_HEDGES),
    st.integers(1, 99_999),
    st.integers(0, 2),
    st.sampled_from([None, "percent", "yuan"]),
    st.sampled_from([None, "亿", "billion"]),
)
def test_round_trip_hedges(
    hedge: tuple[str, str], mantissa: int, decimals: int, unit: str | None, scale: str | None
) -> None:
    word, comparator = hedge
    lang = "en" if word.isascii() else "zh"
    if unit == "percent" or (scale and (scale == "billion") != (lang == "en")):
        scale = None
    factor = 1 if scale is None else 10**8 if scale == "亿" else 10**9
    value = Decimal(mantissa).scaleb(-decimals) * factor
    text = render(value, "arabic", decimals=decimals, scale=scale, unit=unit, hedge=word, lang=lang)
    check(text, float(value), half_unit(decimals, factor), comparator, unit)


@pytest.mark.parametrize("comparator", ["=", "~", ">", ">=", "<", "<="])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_canonical_hedges(comparator: str, lang: str) -> None:
    text = render(30.5, "arabic", unit="percent", hedge=comparator, lang=lang)
    check(text, 30.5, 0.05, comparator, "percent")


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("近七成", "~"),
        ("nearly doubled", "~"),
        ("more than doubled", ">"),
        ("三成以上", ">="),
        ("100 or more", ">="),
    ],
)
def test_hedges_on_special_forms(text: str, comparator: str) -> None:
    assert parse(text).comparator == comparator


def test_render_shortest_and_styles() -> None:
    assert render(17.84, unit="percent") == "17.84%"
    assert render(1.54e12, scale="万亿", unit="yuan") == "1.54万亿元"
    assert render(1.54e12, scale="trillion", unit="yuan", lang="en") == "1.54 trillion yuan"
    assert render(11000, "grouped") == "11,000"
    assert render(255000, scale="万", unit="yuan-per-person") == "25.5万元/人"
    assert render(100, hedge="多", counter="个") == "100多个"
    assert render(10000, "zh", scale="万", hedge="近", counter="家") == "近一万家"
    assert render(105, "zh") == "一百零五"
    assert render(Fraction(1, 3), "zh-fraction") == "三分之一"
    assert render(0.25, "en-fraction", lang="en") == "one quarter"
    assert render(0.3, "cheng", hedge="以上") == "三成以上"
    assert render(-0.5, unit="percent") == "-0.5%"
    with pytest.raises(ValueError):
        render(1, "roman")


# --------------------------------------------------------------------------- units

CONVERSIONS = [
    ("1.54万亿元", "100m-yuan", 15400, 50),
    ("近10万亿元", "100m-yuan", 100000, 5000),
    ("1.54 trillion yuan", "100m-yuan", 15400, 50),
    ("1887.5亿元", "100m-yuan", 1887.5, 0.05),
    ("超2000亿元", "100m-yuan", 2000, 0.5),
    ("60.8 billion yuan", "100m-yuan", 608, 0.5),
    ("25.5万元/人", "10k-yuan-per-person", 25.5, 0.05),
    ("41.9万元/人", "10k-yuan-per-person", 41.9, 0.05),
    ("255,000 yuan/person", "10k-yuan-per-person", 25.5, 0.00005),
    ("三成", "percent", 30, 5),
    ("近七成", "percent", 70, 5),
    ("1/4", "percent", 25, 0),
    ("1/3", "percent", 100 / 3, 0),
    ("一半", "times", 0.5, 0),
    ("30.5%", "percent", 30.5, 0.05),
    ("3.1个百分点", "percentage-points", 3.1, 0.05),
    ("1.6倍", "times", 1.6, 0.05),
    ("1.1万个", "count", 11000, 500),
    ("445个", "count", 445, 0.5),
    ("增长一倍", "percent", 100, 50),
    ("两位数", "percent", 10, 0),
    ("近10万亿", "100m-yuan", 100000, 5000),
]


@pytest.mark.parametrize(("text", "unit", "value", "precision"), CONVERSIONS)
def test_to_unit(text: str, unit: str, value: float, precision: float) -> None:
    got_value, got_precision = to_unit(parse(text), unit)
    assert close(got_value, value) and close(got_precision, precision), (got_value, got_precision)


def test_to_unit_gives_clean_numbers() -> None:
    assert to_unit(parse("三成"), "percent") == (30.0, 5.0)
    assert to_unit(parse("41.9万元/人"), "10k-yuan-per-person") == (41.9, 0.05)
    assert to_unit(parse("1887.5亿元"), "100m-yuan") == (1887.5, 0.05)
    number = parse("近10万亿元")
    assert number.comparator == "~"
    assert to_unit(number, "100m-yuan") == (100000.0, 5000.0)


IMPOSSIBLE = [
    ("1.54万亿元", "percent"),
    ("30.5%", "percentage-points"),
    ("3.1个百分点", "percent"),
    ("1.6倍", "percent"),
    ("445个", "percent"),
    ("255,000 yuan", "percent"),
    ("25.5万元/人", "100m-yuan"),
    ("1.1万个", "10k-yuan-per-person"),
    ("30.5%", "times"),
    ("30.5%", "kg"),
]


@pytest.mark.parametrize(("text", "unit"), IMPOSSIBLE)
def test_impossible_conversions(text: str, unit: str) -> None:
    with pytest.raises(UnitError) as info:
        to_unit(parse(text), unit)
    assert repr(text) in str(info.value)
    assert isinstance(info.value, NumberParseError)


def test_agrees() -> None:
    assert agrees(30.5 - 27.4, 3.1, 0)
    assert agrees(27.4, 27.45, 0.05)
    assert not agrees(27.4, 27.46, 0.05)
    assert agrees(1e13, 1e13 + 1, 0)
    assert not agrees(1.0, 1.2, 0.1)
    value, precision = to_unit(parse("近10万亿元"), "100m-yuan")
    assert agrees(value, 96000, precision) and not agrees(value, 94000, precision)


def test_import_is_standard_library_only() -> None:
    code = "import sys, miitdata.numbers; print(sorted(m for m in ('pandas', 'cn2an') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("text", "value"), [("三省一市", 4), ("2省1市", 3), ("四省区两市", 6)])
def test_region_count_written_as_a_sum(text: str, value: int) -> None:
    number = parse(text)
    assert (number.value, number.precision, number.comparator, number.unit) == (value, 0.0, "=", None)


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("three provinces and one city", 4, "="),
        ("exceed 200 billion yuan", 2e11, ">"),
        ("exceeds 5,000", 5000, ">"),
    ],
)
def test_english_forms_from_the_transcript(text: str, value: float, comparator: str) -> None:
    number = parse(text)
    assert (number.value, number.comparator) == (value, comparator)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("160 million tons of standard coal", 16000, 50),
        ("1.6亿吨标准煤", 16000, 500),
        ("5.3万吨标煤", 5.3, 0.05),
    ],
)
def test_energy_in_standard_coal(text: str, value: float, precision: float) -> None:
    assert to_unit(parse(text), "10k-tonnes-sce") == (value, precision)


def test_dataset_units_are_the_descriptors() -> None:
    import json
    from pathlib import Path

    from miitdata.vocab import units

    DATASET_UNITS = units()

    root = Path(__file__).resolve().parents[1]
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    (unit,) = [
        f
        for r in descriptor["resources"]
        if r["name"] == "indicators"
        for f in r["schema"]["fields"]
        if f["name"] == "unit"
    ]
    assert set(DATASET_UNITS) == set(unit["categories"]) == set(unit["constraints"]["enum"])


def _curation_hedge_table() -> list[tuple[str, str, str]]:
    """(comparator, form, example) of every row of CURATION.md's hedge table."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "CURATION.md").read_text(encoding="utf-8")
    section = text[text.index("### Hedges") :]
    section = section[: section.index("\n### ", 1)]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`") and cells[0] != "`comparator`":
            rows.append((cells[0].strip("`"), cells[1], cells[2]))
    return rows


HEDGE_TABLE = _curation_hedge_table()


def test_the_hedge_table_covers_the_hedges_used() -> None:
    forms = {form for _, form, _ in HEDGE_TABLE}
    used = {"近", "约", "超", "超过", "突破", "多", "以上", "上千", "nearly", "about", "more than", "exceed"}
    assert used <= forms, used - forms
    assert len(HEDGE_TABLE) >= 30


@pytest.mark.parametrize(("comparator", "form", "example"), HEDGE_TABLE)
def test_each_hedge_of_the_curation_table_parses_to_its_comparator(
    comparator: str, form: str, example: str
) -> None:
    assert form in example
    assert parse(example).comparator == comparator


@pytest.mark.parametrize(
    ("text", "rank"),
    [("ranking fifth", 5), ("ranked 3rd", 3), ("排名第五", 5), ("居全国第5位", 5), ("位居第十二", 12)],
)
def test_ranks_read_only_after_a_ranking_word_or_di(text: str, rank: int) -> None:
    n = parse(text)
    assert (n.value, n.precision, n.comparator, n.unit) == (rank, 0.0, "=", "rank")


def test_a_bare_ordinal_is_not_a_rank() -> None:
    with pytest.raises(NumberParseError):
        parse("fifth")
    assert parse("one fifth").unit == "fraction"
