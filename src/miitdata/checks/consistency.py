"""Layer 4, cross-source consistency: what each quote says agrees with its value and with the fact.

For every mention: `miitdata.numbers` parses `value_text`; converted to the indicator's unit it must
equal the mention's `value` within the precision it was written with (1.1万 is 11 000 ± 500).
Each mention's value and comparator must agree with its observation's, and the mentions of one
observation with each other. Observations that are not derived must be stated by some mention;
derived ones by none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from miitdata.checks import Context, records
from miitdata.numbers import NumberParseError, agrees, parse, to_unit

LOOSE = {"=", "~"}  # a source that drops or adds "nearly"/"about" still states the same figure


@dataclass(frozen=True)
class Reading:
    """What one mention says, in its indicator's unit."""

    value: float
    precision: float
    comparator: str


def half_unit(text: str) -> float:
    """Half a unit of the last written digit of a CSV number text (30.5 -> 0.05, 15400 -> 0.5)."""
    digits = text.split("e")[0].split("E")[0]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals


def comparators_agree(a: str, b: str) -> bool:
    return a == b or (a in LOOSE and b in LOOSE) or {a, b} in ({">", ">="}, {"<", "<="})


def readings(ctx: Context) -> dict[str, Reading]:
    """Parse every mention's value_text (cached: the relations layer uses the precisions too)."""
    if "readings" in ctx.cache:
        return ctx.cache["readings"]
    out: dict[str, Reading] = {}
    ctx.cache["readings"] = out
    mentions, obs, ind = (ctx.typed.get(n) for n in ("mentions", "observations", "indicators"))
    if mentions is None or obs is None or ind is None:
        return out
    units = dict(zip(ind["indicator_id"], ind["unit"], strict=True))
    obs_ind = dict(zip(obs["observation_id"], obs["indicator_id"], strict=True))
    ctx.check("value-text-unparsed", "mentions")
    ctx.check("value-text-mismatch", "mentions")
    cols = ["mention_id", "observation_id", "value_text", "value"]
    # The same text in the same unit always reads the same: parse each (text, unit) once.
    parsed: dict[tuple[str, str], Reading | str] = {}
    for row, mid, oid, text, value in records(mentions, cols):
        unit = units.get(obs_ind.get(oid))
        if not isinstance(text, str) or not isinstance(unit, str):
            continue
        reading = parsed.get((text, unit))
        if reading is None:
            reading = parsed[(text, unit)] = _read(text, unit)
        if isinstance(reading, str):
            ctx.error(
                "value-text-unparsed",
                f"{reading} (indicator unit {unit})",
                "mentions",
                int(row),
                "value_text",
                mid,
            )
            continue
        converted, precision = reading.value, reading.precision
        out[str(mid)] = reading
        if _is_number(value) and not agrees(converted, float(value), precision):
            ctx.error(
                "value-text-mismatch",
                f"value_text {text!r} says {converted:g} ± {precision:g} {unit}, value is {float(value):g}",
                "mentions",
                int(row),
                "value",
                mid,
            )
    return out


def _read(text: str, unit: str) -> Reading | str:
    """What a value_text says in `unit`, or why it cannot be read."""
    try:
        number = parse(text)
        converted, precision = to_unit(number, unit)
    except NumberParseError as exc:
        return str(exc)
    return Reading(converted, precision, number.comparator)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and value == value


def run(ctx: Context) -> None:
    mentions, obs = ctx.typed.get("mentions"), ctx.typed.get("observations")
    if mentions is None or obs is None:
        return
    read = readings(ctx)
    for check in ("mention-disagrees", "mentions-disagree", "observation-unmentioned", "derived-mentioned"):
        ctx.check(check, "mentions" if check == "mention-disagrees" else "observations")
    facts = {
        oid: (value, comparator, row)
        for row, oid, value, comparator in records(obs, ["observation_id", "value", "comparator"])
    }
    agreeing: dict[str, list[tuple[str, float, float]]] = {}
    halves: dict[str, float] = {}  # half a unit of each observation's value text
    for row, mid, oid, value in records(mentions, ["mention_id", "observation_id", "value"]):
        if oid not in facts or not _is_number(value):
            continue
        o_value, o_comp, _ = facts[oid]
        reading = read.get(str(mid))
        precision = reading.precision if reading else half_unit(repr(float(value)))
        comparator = reading.comparator if reading else "="
        if not _is_number(o_value):
            continue
        o_half = halves.get(oid)
        if o_half is None:
            o_half = halves[oid] = half_unit(_text(o_value))
        same_value = agrees(float(value), float(o_value), precision + o_half)
        same_comp = not isinstance(o_comp, str) or comparators_agree(comparator, o_comp)
        if not (same_value and same_comp):
            ctx.error(
                "mention-disagrees",
                f"quote: {comparator} {float(value):g}; observation {oid}: {o_comp} {float(o_value):g}",
                "mentions",
                int(row),
                "value",
                mid,
            )
        else:
            agreeing.setdefault(oid, []).append((str(mid), float(value), precision))
    for oid, items in agreeing.items():
        low = min(items, key=lambda t: t[1] + t[2])
        high = max(items, key=lambda t: t[1] - t[2])
        if high[1] - high[2] > low[1] + low[2] + 1e-9 * max(1.0, abs(high[1])):
            ctx.error(
                "mentions-disagree",
                f"mentions {low[0]} ({low[1]:g}) and {high[0]} ({high[1]:g}) disagree",
                "observations",
                int(facts[oid][2]),
                "value",
                oid,
            )
    mentioned = set(mentions["observation_id"].dropna())
    for row, oid, derived in records(obs, ["observation_id", "derived_by"]):
        is_derived = isinstance(derived, str)
        if not is_derived and oid not in mentioned:
            ctx.error(
                "observation-unmentioned",
                f"observation {oid} is not derived and no source states it",
                "observations",
                int(row),
                "observation_id",
                oid,
            )
        if is_derived and oid in mentioned:
            ctx.error(
                "derived-mentioned",
                f"observation {oid} is derived by {derived} but a source states it",
                "observations",
                int(row),
                "derived_by",
                oid,
            )


def _text(value: float) -> str:
    from miitdata.schema import number_text

    return number_text(value)
