"""Converting parsed numbers to the dataset's units, and comparing within a precision."""

from __future__ import annotations

from decimal import Decimal

from miitdata.numbers.parse import Number, UnitError
from miitdata.vocab import units as dataset_units

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
    ("rank", "rank"): Decimal(1),  # an ordinal position: ranking fifth -> 5
    ("fraction", "times"): Decimal(1),
}


def _scaled(x: float, factor: Decimal) -> float:
    """x * factor rounded once from the shortest decimal of x (0.3 * 100 -> 30.0, not 30.000000000000004)."""
    return float(Decimal(repr(float(x))) * factor)


def to_unit(number: Number, unit: str) -> tuple[float, float]:
    """(value, precision) converted to a dataset unit, one of: "percent", "percentage-points",
    "100m-yuan" (亿元), "10k-yuan-per-person" (万元/人), "count", "times", "rank". Raises UnitError (a
    NumberParseError) for impossible conversions (e.g. yuan -> percent, percent -> percentage-points).

    Allowed: percent -> percent; fraction -> percent (x100) or times (x1); percentage-points ->
    percentage-points; yuan -> 100m-yuan (/1e8); yuan-per-person -> 10k-yuan-per-person (/1e4);
    times -> times; rank -> rank; no unit -> count, or -> 100m-yuan for an amount written without 元
    (近10万亿)."""
    if unit not in dataset_units():
        raise UnitError(
            number.text, f"unknown dataset unit {unit!r} (expected one of {', '.join(dataset_units())})"
        )
    factor = _CONVERSIONS.get((number.unit, unit))
    if factor is None:
        raise UnitError(number.text, f"{number.unit or 'a plain count'} cannot be expressed in {unit}")
    return _scaled(number.value, factor), _scaled(number.precision, factor)


def agrees(a: float, b: float, precision: float) -> bool:
    """True when a and b differ by at most `precision` (plus a relative float slack of 1e-9)."""
    return abs(a - b) <= precision + 1e-9 * max(1.0, abs(a), abs(b))
