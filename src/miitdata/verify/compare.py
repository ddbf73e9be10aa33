"""How a figure of a claim relates to an observation's value: the same (within the precision written and
with a compatible hedge), or different, and then how: the value, the scale (万/亿/万亿, thousand/million/
billion), the unit (percent vs percentage points, another currency, 增长1.6倍 vs 1.6倍), or the hedge
(comparator). Standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from miitdata.numbers import UnitError, agrees, to_unit
from miitdata.verify.figures import Figure
from miitdata.verify.index import Entry

_CLASS = {"=": "=", "~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<"}


@dataclass(frozen=True)
class Relation:
    """`kind`: agree, comparator, scale, unit, value, finer (the claim is more precise than any source),
    or incompatible (the figure cannot be a reading of this indicator at all)."""

    kind: str
    claimed: float | None = None  # the claim's value in the indicator's unit
    note: str = ""
    same_number: bool = False  # a unit clash where the number itself is the stated one (19.21 pp for 19.21%)


def _convert(figure: Figure, entry: Entry) -> tuple[float, float] | None:
    number = figure.number
    if figure.currency:
        return None
    if entry.unit == "times" and number.unit == "percent" and number.text and "倍" in number.text:
        # 增长1.6倍 is growth of 160 percent: 2.6 times the base
        return 1 + number.value / 100, number.precision / 100
    if figure.counted and entry.unit not in ("count", "rank"):
        return None
    if number.unit is None and entry.unit in ("percent", "percentage-points", "times"):
        return None
    try:
        return to_unit(number, entry.unit)
    except (UnitError, ValueError):
        return None


def _unit_clash(figure: Figure, entry: Entry) -> bool:
    """The figure is written in a unit that is a classic misreading of the indicator's."""
    unit = figure.number.unit
    if figure.currency and entry.unit in ("100m-yuan", "10k-yuan-per-person"):
        return True
    pair = {unit, entry.unit}
    if pair == {"percent", "percentage-points"}:
        return True
    return entry.unit == "times" and unit == "percent" and "倍" not in figure.number.text


def _power_of_ten(a: float, b: float) -> int:
    if a == 0 or b == 0 or (a > 0) != (b > 0):
        return 0
    k = math.log10(abs(a) / abs(b))
    nearest = round(k)
    return nearest if abs(k - nearest) < 1e-6 and abs(nearest) >= 2 else 0


def relate(figure: Figure, entry: Entry) -> Relation:
    """How `figure` relates to `entry` (see Relation)."""
    converted = _convert(figure, entry)
    if converted is None:
        if _unit_clash(figure, entry):
            number = figure.number
            same = agrees(number.value, entry.value, max(number.precision, 1e-9)) or (
                figure.currency != "" and number.unit in (None, "yuan") and _yuan_equal(figure, entry)
            )
            return Relation("unit", note=_unit_note(figure, entry), same_number=same)
        return Relation("incompatible")
    c, cp = converted
    o, op = entry.value, entry.precision
    cc, oc = figure.number.comparator, entry.comparator
    same = agrees(c, o, cp * 0.999) or c == o  # 8% is [7.5, 8.5): 7.5% is not 8%
    if same:
        if cc == "=" or _CLASS[cc] == _CLASS[oc] or (cc == "~" and oc == "="):
            note = "" if cc == oc or cc != "=" else f"the sources hedge it ({oc})"
            return Relation("agree", c, note)
        if cc == ">=" and oc == "=" and c <= o + 1e-9:
            return Relation("agree", c)
        if cc == "<=" and oc in ("=",) and c >= o - 1e-9:
            return Relation("agree", c)
        return Relation("comparator", c, f"the claim says {cc} where the sources say {oc}")
    power = _power_of_ten(c, o)
    if power:
        return Relation("scale", c, f"off by a factor of 10^{power}")
    # a hedged claim implied by an exactly stated figure close to it: 超过19% for 19.21%
    if (
        oc == "="
        and o != 0
        and 0.8 <= c / o <= 1.25
        and (
            (cc == ">" and o > c)
            or (cc == ">=" and o >= c)
            or (cc == "<" and o < c)
            or (cc == "<=" and o <= c)
        )
    ):
        return Relation("agree", c)
    if agrees(c, o, max(cp, op)):
        if _CLASS[cc] != _CLASS[oc] and cc != "=":
            return Relation("comparator", c, f"the claim says {cc} where the sources say {oc}")
        return Relation("finer", c, "the claim is more precise than any source")
    if entry.unit == "times" and figure.number.unit == "percent" and agrees(figure.number.value / 100, o, cp):
        return Relation(
            "unit",
            c,
            "增长N倍 / grew N times is growth, not a multiple: the sources say N倍 of the base",
            True,
        )
    if abs(c) > 20 * abs(o) or abs(o) > 20 * abs(c):
        return Relation("incompatible")  # not a changed value of this figure: another quantity altogether
    return Relation("value", c)


def _yuan_equal(figure: Figure, entry: Entry) -> bool:
    """1.54万亿美元 for 1.54万亿元: the number is the stated one, in another currency."""
    factor = {"100m-yuan": 1e8, "10k-yuan-per-person": 1e4}.get(entry.unit)
    return factor is not None and agrees(
        figure.number.value / factor, entry.value, figure.number.precision / factor
    )


def _unit_note(figure: Figure, entry: Entry) -> str:
    if figure.currency:
        return f"the claim is in {figure.currency}; the sources state yuan"
    unit = figure.number.unit or "a count"
    return f"the claim is in {unit}; the indicator is in {entry.unit}"
