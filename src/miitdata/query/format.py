"""Values as a person reads them: `≈ 100,000 亿元`, `> 30%`, `1.6×` (the same in `show`, `cite`, the site)."""

from __future__ import annotations

import math

LANGS = ("en", "zh")

# How a comparator reads in front of a number.
COMPARATOR_SIGNS = {"=": "", "~": "≈ ", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}
COMPARATOR_WORDS = {
    "=": "",
    "~": "nearly / about (近, 约)",
    ">": "more than (超过, 以上)",
    ">=": "at least (不低于)",
    "<": "less than (不足)",
    "<=": "at most (不超过)",
}

# How each unit reads after a number: (English, Chinese). Percent and multiples attach to the number.
UNIT_SUFFIXES: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage-points": (" pp", "个百分点"),
    "100m-yuan": (" 100 million yuan", " 亿元"),
    "10k-yuan-per-person": (" 10,000 yuan per person", " 万元/人"),
    "10k-tonnes-sce": (" 10,000 tonnes of standard coal", " 万吨标准煤"),
    "count": ("", ""),
    "times": ("×", "倍"),
}

# What each unit is called on a chart's axis or in a table heading: (English, Chinese).
UNIT_LABELS: dict[str, tuple[str, str]] = {
    "percent": ("percent (%)", "百分比"),
    "percentage-points": ("percentage points", "百分点"),
    "100m-yuan": ("100 million yuan", "亿元"),
    "10k-yuan-per-person": ("10,000 yuan per person", "万元/人"),
    "10k-tonnes-sce": ("10,000 tonnes of standard coal equivalent", "万吨标准煤"),
    "count": ("count", "个"),
    "times": ("times (a multiple)", "倍"),
    "rank": ("rank (1 = first)", "位次"),
}


def unit_label(unit: str | None, descriptor: dict[str, object] | None = None) -> str:
    """A unit's label, `100 million yuan / 亿元`, never its id: the label the descriptor gives the unit's
    category (`{"value": ..., "label": ...}` in indicators.unit), else the one above, else the id."""
    text = "" if unit is None else str(unit)
    for resource in (descriptor or {}).get("resources", []) or []:  # type: ignore[attr-defined]
        if not isinstance(resource, dict) or resource.get("name") != "indicators":
            continue
        for field in (resource.get("schema") or {}).get("fields", []):
            if isinstance(field, dict) and field.get("name") == "unit":
                for cat in field.get("categories") or []:
                    if isinstance(cat, dict) and str(cat.get("value")) == text and cat.get("label"):
                        return str(cat["label"])
    if text in UNIT_LABELS:
        en, zh = UNIT_LABELS[text]
        return f"{en} / {zh}"
    return text


def format_number(value: float | None) -> str:
    """The shortest text of a number with thousands separators: 100000 → 100,000; 1887.5 → 1,887.5."""
    if value is None or math.isnan(value):
        return ""
    text = repr(float(value))
    if "e" in text or "inf" in text:
        return f"{float(value):,.12g}"
    if text.endswith(".0"):
        text = text[:-2]
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")


# Units counted in 万 (10^4) or 亿 (10^8) of a base unit: (power of ten, English base unit). English
# readers get the base unit with thousand/million/billion/trillion: 15,400 亿元 -> 1.54 trillion yuan.
SCALED_UNITS: dict[str, tuple[int, str]] = {
    "100m-yuan": (8, "yuan"),
    "10k-yuan-per-person": (4, "yuan per person"),
    "10k-tonnes-sce": (4, "tonnes of standard coal"),
}
EN_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))


def english_amount(value: float, unit: str) -> str:
    """A 万/亿-counted value in English words: 15400 (亿元) -> `1.54 trillion yuan`, 0.5 (亿元) ->
    `50 million yuan`, 2.5 (万元/人) -> `25,000 yuan per person` (below a million: all the digits)."""
    from decimal import Decimal

    power, base = SCALED_UNITS[unit]
    amount = Decimal(repr(float(value))).scaleb(power)
    for exponent, word in EN_SCALES:
        if abs(amount) >= Decimal(10) ** exponent:
            return f"{_decimal_text(amount.scaleb(-exponent))} {word} {base}"
    return f"{_decimal_text(amount)} {base}"


def _decimal_text(number: object) -> str:
    """A Decimal with thousands separators and no trailing zeros: 1.5400 -> 1.54, 125000 -> 125,000."""
    from decimal import Decimal

    assert isinstance(number, Decimal)
    text = format(number.normalize(), "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    frac = frac.rstrip("0")
    return f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")


def format_value(value: float, unit: str | None, comparator: str | None = "=", lang: str = "en") -> str:
    """A value with its comparator and unit as a person reads it: `≈ 100,000 亿元` (English:
    `≈ 10 trillion yuan`), `> 30%`, `1.6×`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    if unit == "rank":  # an ordinal position: No. 5 / 第5位
        return f"No. {format_number(value)}" if lang == "en" else f"第{format_number(value)}位"
    sign = COMPARATOR_SIGNS.get(str(comparator) if comparator is not None else "=", f"{comparator} ")
    if lang == "en" and unit in SCALED_UNITS and not math.isnan(value) and not math.isinf(value):
        return f"{sign}{english_amount(value, str(unit))}"
    en, zh = UNIT_SUFFIXES.get(str(unit), (f" {unit}", f" {unit}"))
    return f"{sign}{format_number(value)}{en if lang == 'en' else zh}"
