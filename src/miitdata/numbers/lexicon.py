"""The words and patterns of number phrases: hedges, numerals, scales, units (see `parse`)."""

from __future__ import annotations

import re

#: Words before the number: word -> comparator ("=" for words that are merely skipped).
PREFIX_HEDGES: dict[str, str] = {
    # Chinese
    "近": "~", "将近": "~", "接近": "~", "近乎": "~", "约": "~", "大约": "~", "大概": "~",
    "超过": ">", "超": ">", "逾": ">", "超出": ">", "高于": ">", "多于": ">", "突破": ">",
    "不低于": ">=", "不少于": ">=", "至少": ">=",
    "不到": "<", "不足": "<", "低于": "<", "少于": "<",
    "不超过": "<=", "不高于": "<=", "不多于": "<=",
    "达": "=", "达到": "=", "为": "=", "是": "=", "共": "=", "累计": "=", "合计": "=",
    "多达": "=", "高达": "=", "仅": "=", "只有": "=", "最多": "<=", "最少": ">=", "未达": "<", "不及": "<",
    # English
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "approximately": "~", "roughly": "~",
    "some": "~", "near": "~", "close to": "~",
    "more than": ">", "over": ">", "above": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">",
    "exceed": ">", "in excess of": ">",
    "at least": ">=", "no less than": ">=", "not less than": ">=", "no fewer than": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "at most": "<=", "no more than": "<=", "not more than": "<=", "up to": "<=",
    "surpassed": ">", "surpassing": ">", "surpasses": ">", "surpass": ">", "topped": ">", "topping": ">",
    "tops": ">", "well over": ">", "just over": ">", "upwards of": ">", "north of": ">", "greater than": ">",
    "higher than": ">", "broke through": ">", "not fewer than": ">=", "a minimum of": ">=",
    "a maximum of": "<=", "just under": "<", "just below": "<", "short of": "<", "shy of": "<",
    "lower than": "<", "an estimated": "~", "estimated": "~", "as many as": "=", "as much as": "=",
    "reached": "=", "reaching": "=", "reach": "=", "to": "=", "of": "=", "a total of": "=",
    "totaled": "=", "totalled": "=", "totaling": "=", "totalling": "=", "was": "=", "is": "=",
}  # fmt: skip

#: Words after the number (after unit and counter): word -> comparator.
SUFFIX_HEDGES: dict[str, str] = {
    "以上": ">=", "以下": "<=", "左右": "~", "上下": "~", "以内": "<=", "有余": ">",
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

CANONICAL_HEDGE = {
    "zh": {"~": "近", ">": "超过", ">=": "不低于", "<": "不到", "<=": "不超过"},
    "en": {"~": "nearly", ">": "more than", ">=": "at least", "<": "less than", "<=": "at most"},
}

ZH_DIGITS = {
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
ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
ZH_SCALES = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
}
ZH_SCALES_AFTER_DIGITS = {**ZH_SCALES, "千": 1000}

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_ORDINALS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
#: English ordinals read as a rank after a ranking verb only (ranking fifth -> rank 5).
RANK_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
EN_NUMBER_WORDS = set(EN_UNITS) | set(EN_TENS) | set(EN_SCALES) | {"hundred"}

COUNTER_WHITELIST = ("千瓦时", "千瓦", "千克", "千米")
FULLWIDTH_DIGITS = re.compile("[\uff10-\uff19]")


def alternation(words: list[str]) -> str:
    """Regex alternation, longest first; ASCII words must end at a word boundary."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        pat = re.escape(word).replace(r"\ ", " ")
        parts.append(pat + r"(?![a-z])" if word[-1].isascii() else pat)
    return "(?:" + "|".join(parts) + ")"


PREFIX_RE = re.compile(alternation([*PREFIX_HEDGES, *GROWTH_VERBS, "minus"]) + "|[-+负]")
SUFFIX_RE = re.compile(r"(?:^|(?<=[^a-z]))" + alternation(list(SUFFIX_HEDGES)) + "$")
ARABIC_RE = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?![0-9])")
SLASH_RE = re.compile(r"([0-9]+)/([0-9]+)(?![0-9.])")
ZH_RUN_RE = re.compile(f"[{ZH_NUMERAL}]+")
ZH_DEC_RE = re.compile(f"([{ZH_NUMERAL}]+)点([零〇一二三四五六七八九]+)")
ZH_FRACTION_RE = re.compile(f"([{ZH_NUMERAL}]+|[0-9]+)分之([{ZH_NUMERAL}]+|[0-9]+)")
FAN_RE = re.compile(r"翻了?([一两二三四五六七八九]|[0-9]+)?番")
EN_FRACTION_RE = re.compile(
    r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine|[0-9]+)[ -])?"
    r"(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![a-z])"
)
EN_MULTIPLY_RE = re.compile(
    r"(doubled|doubling|double|tripled|tripling|triple|quadrupled|quadruple)(?![a-z-])"
)
EN_SCALE_RUN_RE = re.compile(r"(?:(?:hundred|thousand|million|billion|trillion)(?![a-z]) ?)+")
EN_MAN_YUAN_RE = re.compile(r"(?:10,?000|ten thousand)(?= ?yuan)")
EN_YI_YUAN_RE = re.compile(r"100 million(?= ?yuan)")
UNIT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
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
