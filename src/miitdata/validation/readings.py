"""What each mention's value_text says: parsed once per run, shared by the consistency and relations layers.

Vectorised: each distinct (value_text, unit) is parsed once, each distinct observation looked up
once; the comparisons run column-wise (numpy) and Python loops only over the rows that fail.
Parsing files `value-text-unparsed` and `value-text-mismatch` (consistency errors) as it goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from miitdata.numbers import NumberParseError, parse, to_unit
from miitdata.validation.context import Context

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
    observations: tuple[np.ndarray, Any] | None = None  # factorized observation_id (codes, uniques)

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
    """Parse every mention's value_text (cached: the relations layer uses the precisions too).

    Long because: one vectorised parse of every value_text, each distinct text once, with its cache on the
    context."""
    if ctx.readings is not None:
        return ctx.readings
    import numpy as np
    import pandas as pd

    mentions, obs, ind = (ctx.typed.get(n) for n in ("mentions", "observations", "indicators"))
    out = ctx.readings = Readings.empty(0 if mentions is None else len(mentions))
    if mentions is None or obs is None or ind is None:
        return out
    units = dict(zip(ind["indicator_id"], ind["unit"], strict=True))
    obs_ind = dict(zip(obs["observation_id"], obs["indicator_id"], strict=True))
    ctx.check("value-text-unparsed", "mentions")
    ctx.check("value-text-mismatch", "mentions")
    # Each row's unit, through its observation (each distinct observation id looked up once).
    oid_codes, oid_uniques = observation_codes(ctx)
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
    text_codes, uniques = pd.factorize(mentions["value_text"])
    text_uniques = uniques.tolist()  # Python strings once (indexing the Arrow uniques costs per item)
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
                    resource="mentions",
                    row=int(row),
                    field="value_text",
                    id=mid,
                    reason=reading,
                    unit=unit,
                )
                continue
            says, value_i = f"{reading.value:g} ± {reading.precision:g} {unit}", float(value[i])
            ctx.error(
                "value-text-mismatch",
                resource="mentions",
                row=int(row),
                field="value",
                id=mid,
                text=text,
                says=says,
                value=value_i,
            )
    # Each row reads what its mention_id's reading says (the last parsed row with that id).
    own = np.full(len(mentions), -1, dtype=np.int64)
    own[pos[row_parsed]] = np.flatnonzero(row_parsed)
    named = _named_rows(ctx, mentions["mention_id"], own)
    out.has = named >= 0
    which = own[named[out.has]]  # the parsed row (index into pos) each row with a reading uses
    out.precision[out.has] = precision[which]
    out.comparator[out.has] = comparators[pair_codes[which]]
    return out


def _named_rows(ctx: Context, ids: pd.Series, own: np.ndarray) -> np.ndarray:
    """For each row, the last row with its mention_id that has a reading (own >= 0), or -1.

    Mention ids are the primary key, so they are usually unique: then each row is its own (the
    structure layer's duplicate mask of the column, kept on ctx, says so without hashing the ids again)."""
    import numpy as np
    import pandas as pd

    n = len(ids)
    kept = ctx.duplicated.get(("mentions", "mention_id"))
    if kept is not None and len(kept[1]) == n and not bool(kept[1].any()) and not bool(ids.isna().any()):
        return np.where(own >= 0, np.arange(n, dtype=np.int64), -1)
    if isinstance(ids.dtype, pd.StringDtype):
        keys = ids.fillna(str(ids.dtype.na_value))
    else:
        keys = pd.Series([str(m) for m in ids.tolist()], dtype=object)
    key_codes, key_uniques = pd.factorize(keys)
    at = np.flatnonzero(own >= 0)
    last = np.full(len(key_uniques), -1, dtype=np.int64)
    np.maximum.at(last, key_codes[at], at)
    return last[key_codes] if len(key_codes) else key_codes


def observation_codes(ctx: Context) -> tuple[np.ndarray, Any]:
    """`pd.factorize(mentions.observation_id, use_na_sentinel=False)`, computed once per run (kept on the
    readings: the consistency checks use it three times)."""
    import pandas as pd

    read = ctx.readings
    if read is not None and read.observations is not None:
        return read.observations
    found = pd.factorize(ctx.typed["mentions"]["observation_id"], use_na_sentinel=False)
    if read is not None:
        read.observations = found
    return found


def _read(text: str, unit: str) -> Reading | str:
    """What a value_text says in `unit`, or why it cannot be read."""
    try:
        number = parse(text)
        converted, precision = to_unit(number, unit)
    except NumberParseError as exc:
        return str(exc)
    return Reading(converted, precision, number.comparator)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and value == value


def numbers(column: pd.Series) -> np.ndarray:
    """A column as float64, NaN where a cell is not a number (not `is_number`)."""
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    if pd.api.types.is_float_dtype(dtype) or (
        pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    ):
        return column.to_numpy(dtype=np.float64, na_value=np.nan)
    return np.array([float(x) if is_number(x) else np.nan for x in column.tolist()], dtype=np.float64)
