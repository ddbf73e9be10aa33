"""Layer 4, cross-source consistency: what each quote says agrees with its value and with the fact.

For every mention: `miitdata.numbers` parses `value_text`; converted to the indicator's unit it must
equal the mention's `value` within the precision it was written with (1.1万 is 11 000 ± 500).
Each mention's value and comparator must agree with its observation's, and the mentions of one
observation with each other. Observations that are not derived must be stated by some mention;
derived ones by none.

Vectorised: each distinct (value_text, unit) is parsed once, each distinct observation looked up
once; the comparisons run column-wise (numpy) and Python loops only over the rows that fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from miitdata.checks import Context, records
from miitdata.numbers import NumberParseError, parse, to_unit

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

LOOSE = {"=", "~"}  # a source that drops or adds "nearly"/"about" still states the same figure


@dataclass(frozen=True)
class Reading:
    """What one mention says, in its indicator's unit."""

    value: float
    precision: float
    comparator: str


@dataclass
class Readings:
    """What each mention row says, aligned with the rows of the mentions table (cached on ctx).

    A row's reading is the one its mention_id names: that of the last row with the same id whose
    value_text parsed (a repeated id is a primary-key error, reported by the structure layer).
    """

    has: np.ndarray  # bool: the row has a reading
    precision: np.ndarray  # float64, NaN where there is none
    comparator: np.ndarray  # object (str), None where there is none

    @classmethod
    def empty(cls, n: int) -> Readings:
        import numpy as np

        return cls(np.zeros(n, bool), np.full(n, np.nan), np.full(n, None, dtype=object))


def half_unit(text: str) -> float:
    """Half a unit of the last written digit of a CSV number text (30.5 -> 0.05, 15400 -> 0.5)."""
    digits = text.split("e")[0].split("E")[0]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals


def comparators_agree(a: str, b: str) -> bool:
    return a == b or (a in LOOSE and b in LOOSE) or {a, b} in ({">", ">="}, {"<", "<="})


def agree_mask(a: np.ndarray, b: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """`numbers.agrees` column-wise, with the same float operations (NaN never agrees)."""
    import numpy as np

    with np.errstate(invalid="ignore", over="ignore"):
        slack = 1e-9 * np.maximum(np.maximum(1.0, np.abs(a)), np.abs(b))
        return np.abs(a - b) <= precision + slack


def readings(ctx: Context) -> Readings:
    """Parse every mention's value_text (cached: the relations layer uses the precisions too)."""
    if "readings" in ctx.cache:
        return ctx.cache["readings"]
    import numpy as np
    import pandas as pd

    mentions, obs, ind = (ctx.typed.get(n) for n in ("mentions", "observations", "indicators"))
    out = ctx.cache["readings"] = Readings.empty(0 if mentions is None else len(mentions))
    if mentions is None or obs is None or ind is None:
        return out
    units = dict(zip(ind["indicator_id"], ind["unit"], strict=True))
    obs_ind = dict(zip(obs["observation_id"], obs["indicator_id"], strict=True))
    ctx.check("value-text-unparsed", "mentions")
    ctx.check("value-text-mismatch", "mentions")
    # Each row's unit, through its observation (each distinct observation id looked up once).
    oid_codes, oid_uniques = pd.factorize(mentions["observation_id"], use_na_sentinel=False)
    unit_names: list[str] = []
    unit_code: dict[str, int] = {}
    per_oid = []
    for oid in oid_uniques:
        unit = units.get(obs_ind.get(oid))
        if isinstance(unit, str):
            per_oid.append(unit_code.setdefault(unit, len(unit_names)))
            if len(unit_code) > len(unit_names):
                unit_names.append(unit)
        else:
            per_oid.append(-1)
    row_unit = np.asarray(per_oid, dtype=np.int64)[oid_codes] if len(oid_codes) else oid_codes
    text_codes, text_uniques = pd.factorize(mentions["value_text"])
    text_ok = np.fromiter((isinstance(t, str) for t in text_uniques), bool, len(text_uniques))
    valid = (text_codes >= 0) & (row_unit >= 0)
    valid[valid] = text_ok[text_codes[valid]]
    pos = np.flatnonzero(valid)
    # The same text in the same unit always reads the same: parse each (text, unit) once.
    width = max(1, len(unit_names))
    pair_codes, pairs = pd.factorize(text_codes[pos].astype(np.int64) * width + row_unit[pos])
    read = [_read(text_uniques[p // width], unit_names[p % width]) for p in pairs.tolist()]
    parsed = np.array([isinstance(r, Reading) for r in read], dtype=bool)
    values = [r.value if isinstance(r, Reading) else np.nan for r in read]
    precisions = [r.precision if isinstance(r, Reading) else np.nan for r in read]
    comparators = np.array([r.comparator if isinstance(r, Reading) else None for r in read], dtype=object)
    row_parsed = parsed[pair_codes]
    converted = np.asarray(values, dtype=np.float64)[pair_codes]
    precision = np.asarray(precisions, dtype=np.float64)[pair_codes]
    value = numbers(mentions["value"])[pos]
    bad = ~row_parsed | (row_parsed & ~np.isnan(value) & ~agree_mask(converted, value, precision))
    if bad.any():
        failing = np.flatnonzero(bad)
        rows = mentions.index[pos[failing]].tolist()
        mids = mentions["mention_id"].take(pos[failing]).tolist()
        for i, row, mid in zip(failing.tolist(), rows, mids, strict=True):
            reading = read[pair_codes[i]]
            text, unit = text_uniques[text_codes[pos[i]]], unit_names[row_unit[pos[i]]]
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
            says, value_i = f"{reading.value:g} ± {reading.precision:g} {unit}", float(value[i])
            ctx.error(
                "value-text-mismatch",
                f"value_text {text!r} says {says}, value is {value_i:g}",
                "mentions",
                int(row),
                "value",
                mid,
            )
    # Each row reads what its mention_id's reading says (the last parsed row with that id).
    own = np.full(len(mentions), -1, dtype=np.int64)
    own[pos[row_parsed]] = np.flatnonzero(row_parsed)
    ids = mentions["mention_id"]
    if isinstance(ids.dtype, pd.StringDtype):
        keys = ids.fillna(str(ids.dtype.na_value))
    else:
        keys = pd.Series([str(m) for m in ids.tolist()], dtype=object)
    key_codes, key_uniques = pd.factorize(keys)
    at = np.flatnonzero(own >= 0)
    last = np.full(len(key_uniques), -1, dtype=np.int64)
    np.maximum.at(last, key_codes[at], at)
    named = last[key_codes] if len(key_codes) else key_codes
    out.has = named >= 0
    which = own[named[out.has]]  # the parsed row (index into pos) each row with a reading uses
    out.precision[out.has] = precision[which]
    out.comparator[out.has] = comparators[pair_codes[which]]
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


def numbers(column: pd.Series) -> np.ndarray:
    """A column as float64, NaN where a cell is not a number (not `_is_number`)."""
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    if pd.api.types.is_float_dtype(dtype) or (
        pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    ):
        return column.to_numpy(dtype=np.float64, na_value=np.nan)
    return np.array([float(x) if _is_number(x) else np.nan for x in column.tolist()], dtype=np.float64)


def run(ctx: Context) -> None:
    import numpy as np
    import pandas as pd

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
    # Each distinct observation of the mentions, looked up once.
    oid_codes, oid_uniques = pd.factorize(mentions["observation_id"], use_na_sentinel=False)
    oids = list(oid_uniques)
    stated = np.zeros(len(oids), dtype=bool)  # in facts, with a number as its value
    o_values = np.full(len(oids), np.nan)
    o_halves = np.full(len(oids), np.nan)  # half a unit of each observation's value text
    o_comp_names: list[Any] = []
    o_comp_code: dict[Any, int] = {}
    o_comps = np.zeros(len(oids), dtype=np.int64)
    for k, oid in enumerate(oids):
        if oid not in facts:
            continue
        o_value, o_comp, _ = facts[oid]
        if not _is_number(o_value):
            continue
        stated[k], o_values[k], o_halves[k] = True, float(o_value), half_unit(_text(o_value))
        if o_comp not in o_comp_code:
            o_comp_code[o_comp] = len(o_comp_names)
            o_comp_names.append(o_comp)
        o_comps[k] = o_comp_code[o_comp]
    value = numbers(mentions["value"])
    consider = stated[oid_codes] & ~np.isnan(value) if len(oid_codes) else np.zeros(0, dtype=bool)
    precision = read.precision.copy()
    comparator = read.comparator.copy()
    for i in np.flatnonzero(consider & ~read.has).tolist():  # no reading: the CSV text's precision
        precision[i] = half_unit(repr(float(value[i])))
        comparator[i] = "="
    code = oid_codes[consider]
    v, p = value[consider], precision[consider]
    same_value = agree_mask(v, o_values[code], p + o_halves[code])
    comp_codes, comp_names = pd.factorize(comparator[consider])
    table = np.array(
        [[not isinstance(o, str) or comparators_agree(c, o) for o in o_comp_names] for c in comp_names],
        dtype=bool,
    ).reshape(len(comp_names), len(o_comp_names))
    same = same_value & (table[comp_codes, o_comps[code]] if len(code) else same_value)
    considered = np.flatnonzero(consider)
    if not same.all():
        failing = considered[~same]
        rows = mentions.index[failing].tolist()
        mids = mentions["mention_id"].take(failing).tolist()
        for i, row, mid in zip(failing.tolist(), rows, mids, strict=True):
            oid = oids[oid_codes[i]]
            o_value, o_comp, _ = facts[oid]
            ctx.error(
                "mention-disagrees",
                f"quote: {comparator[i]} {float(value[i]):g}; observation {oid}: {o_comp} {float(o_value):g}",
                "mentions",
                int(row),
                "value",
                mid,
            )
    # The mentions of one observation that agree with it must agree with each other: the lowest
    # upper bound (first such row) must not lie below the highest lower bound (first such row).
    agreeing = considered[same]
    if len(agreeing):
        frame = pd.DataFrame(
            {"code": oid_codes[agreeing], "low": value[agreeing] + precision[agreeing],
             "high": value[agreeing] - precision[agreeing]}
        )  # fmt: skip
        groups = frame.groupby("code", sort=False)
        low_at = agreeing[groups["low"].idxmin().to_numpy()]
        high_at = agreeing[groups["high"].idxmax().to_numpy()]
        hv, lo_end, hi_end = (
            value[high_at],
            value[low_at] + precision[low_at],
            value[high_at] - precision[high_at],
        )
        with np.errstate(invalid="ignore"):
            apart = hi_end > lo_end + 1e-9 * np.maximum(1.0, np.abs(hv))
        for lo_i, hi_i in zip(low_at[apart].tolist(), high_at[apart].tolist(), strict=True):
            oid = oids[oid_codes[lo_i]]
            low, high = (str(m) for m in mentions["mention_id"].take([lo_i, hi_i]).tolist())
            ctx.error(
                "mentions-disagree",
                f"mentions {low} ({float(value[lo_i]):g}) and {high} ({float(value[hi_i]):g}) disagree",
                "observations",
                int(facts[oid][2]),
                "value",
                oid,
            )
    mentioned = {oid for oid in oids if not pd.isna(oid)}
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
