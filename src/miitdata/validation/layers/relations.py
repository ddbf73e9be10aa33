"""Layer 5, relations: the arithmetic the sources state or imply holds, within an explicit tolerance.

Each observation is an interval: its value ± half a unit of the last digit it was written with
(the widest precision among its quotes, or of its CSV text when derived); `~` widens it by ±10%;
`>`/`>=` and `<`/`<=` make it one-sided. A relation holds when the interval its formula computes
from the operands meets the target's interval (formulas in CURATION.md). A relation that fails is a
`relation-failed` error unless a discrepancy names it; `expected` must agree with that.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from miitdata.numbers.periods import PeriodError, years
from miitdata.schema import number_text
from miitdata.validation.context import Context, records
from miitdata.validation.readings import half_unit, readings
from miitdata.validation.suggest import closest, hint

CODES = ("relation-invalid", "relation-failed", "discrepancy-invalid")

Interval = tuple[float, float]
INF = math.inf
NEARLY = 0.10
ARITY: dict[str, tuple[int, int | None]] = {
    "difference": (2, 2), "sum": (2, None), "ratio": (2, 2), "share": (2, 2), "part-of": (1, None),
    "multiple": (2, 2), "growth": (2, 2), "average-annual-growth": (1, 2), "member-count": (0, 0),
    "equal": (1, 1),
}  # fmt: skip


def interval(value: float, precision: float, comparator: str) -> Interval:
    lo, hi = value - precision, value + precision
    if comparator == "~":
        lo, hi = lo - abs(value) * NEARLY, hi + abs(value) * NEARLY
    if comparator in (">", ">="):
        hi = INF
    if comparator in ("<", "<="):
        lo = -INF
    return lo, hi


def add(a: Interval, b: Interval) -> Interval:
    return a[0] + b[0], a[1] + b[1]


def sub(a: Interval, b: Interval) -> Interval:
    return a[0] - b[1], a[1] - b[0]


def _products(a: Interval, b: Interval) -> list[float]:
    out = []
    for x in a:
        for y in b:
            out.append(0.0 if (x == 0 or y == 0) else x * y)
    return out


def mul(a: Interval, b: Interval) -> Interval:
    p = _products(a, b)
    return min(p), max(p)


def div(a: Interval, b: Interval) -> Interval:
    if b[0] <= 0 <= b[1]:
        return -INF, INF
    return mul(a, (1 / b[1], 1 / b[0]))


def power(a: Interval, n: float) -> Interval:
    lo, hi = max(a[0], 0.0), max(a[1], 0.0)
    return lo**n, (hi**n if hi != INF else INF)


def meets(a: Interval, b: Interval, slack: float = 1e-9) -> bool:
    tol = slack * max(1.0, *(abs(x) for x in (*a, *b) if x not in (INF, -INF)))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def scale(a: Interval, k: float) -> Interval:
    return mul(a, (k, k))


FORMULAS: dict[str, Callable[[list[Interval]], Interval]] = {
    "difference": lambda ops: sub(ops[0], ops[1]),
    "sum": lambda ops: _sum(ops),
    "ratio": lambda ops: div(ops[0], ops[1]),
    "multiple": lambda ops: mul(ops[0], ops[1]),
    "share": lambda ops: scale(div(ops[0], ops[1]), 100.0),
    "growth": lambda ops: scale(sub(div(ops[0], ops[1]), (1.0, 1.0)), 100.0),
    "equal": lambda ops: ops[0],
}


def _sum(ops: list[Interval]) -> Interval:
    total = (0.0, 0.0)
    for op in ops:
        total = add(total, op)
    return total


def run(ctx: Context) -> None:
    """relation-invalid, relation-failed and discrepancy-invalid for every relation, in row order.

    Long because: one loop over the relations whose checks share each relation's parsed operands,
    tolerance and computed interval, filing its errors in the order a reader meets them."""
    rel, obs = ctx.typed.get("relations"), ctx.typed.get("observations")
    if rel is None or obs is None:
        return
    ctx.check("relation-invalid", "relations")
    ctx.check("relation-failed", "relations")
    ctx.check("discrepancy-invalid", "discrepancies")
    values = _observation_intervals(ctx)
    periods = dict(zip(obs["observation_id"], obs["period"], strict=True))
    regions = dict(zip(obs["observation_id"], obs["region_id"], strict=True))
    members = _members(ctx)
    discrepancies = _discrepancies(ctx)
    cols = ["relation_id", "kind", "target", "operands", "tolerance", "expected"]
    targets: dict[str, str] = {}
    for row, rid, kind, target, operands, tolerance, expected in records(rel, cols):
        row = int(row)
        if not isinstance(kind, str) or not isinstance(target, str):
            continue
        targets[str(rid)] = target
        ops = operands.split() if isinstance(operands, str) else []
        low, high = ARITY.get(kind, (0, None))
        unknown = [o for o in [target, *ops] if o not in values]
        if unknown or len(ops) < low or (high is not None and len(ops) > high):
            why = f"unknown observation(s) {unknown}" if unknown else f"{len(ops)} operand(s) for {kind}"
            ctx.error(
                "relation-invalid",
                resource="relations",
                row=row,
                field="operands",
                id=rid,
                relation_id=rid,
                note=why + "".join(hint(closest(o, values)) for o in unknown[:3]),
                refers=[("observations", o) for o in unknown],
            )
            continue
        if not isinstance(tolerance, str):
            tolerance = "half-unit"  # missing: a structure error already; check with the default rule
        exact = tolerance == "exact"
        t = values[target].range(exact)
        if tolerance.startswith(("abs:", "rel:")):
            width = float(tolerance[4:]) * (1 if tolerance.startswith("abs:") else abs(values[target].value))
            t = (t[0] - width, t[1] + width)
        o = [values[x].range(exact) for x in ops]
        try:
            holds, computed = _evaluate(kind, t, o, target, periods, regions, members)
        except (PeriodError, ValueError) as exc:
            ctx.error(
                "relation-invalid",
                resource="relations",
                row=row,
                field="kind",
                id=rid,
                relation_id=rid,
                note=str(exc),
            )
            continue
        if isinstance(expected, str) and expected != "holds":
            d = discrepancies.get(expected)
            problem = None
            if d is None or d[:2] != ("relations", rid):
                problem = "which does not concern this relation"
            elif d[2] != "relation-failed":
                what = f"waives {d[2]}" if d[2] else "is a record (blank error_type) that waives nothing"
                problem = f"which {what}: expected names the waiver of this relation's relation-failed"
            if problem:
                ctx.error(
                    "discrepancy-invalid",
                    resource="relations",
                    row=row,
                    field="expected",
                    id=rid,
                    note=f"relation {rid} expects discrepancy {expected}, {problem}",
                    refers=[("discrepancies", expected)],
                )
        explained_by = sorted(i for i, concern in discrepancies.items() if concern[:2] == ("relations", rid))
        if not holds and expected == "holds" and explained_by:
            ctx.error(
                "discrepancy-invalid",
                resource="relations",
                row=row,
                field="expected",
                id=rid,
                note=f"relation {rid} fails, discrepancy {explained_by[0]} explains it, "
                "yet expected says holds",
            )
        if not holds:
            ctx.error(
                "relation-failed",
                resource="relations",
                row=row,
                field="target",
                id=rid,
                kind=kind,
                relation_id=rid,
                target=target,
                target_range=_fmt(t),
                computed=_fmt(computed),
            )
    _check_discrepancy_targets(ctx)
    _check_waiver_types(ctx)


def _evaluate(
    kind: str,
    t: Interval,
    o: list[Interval],
    target: str,
    periods: dict[str, str],
    regions: dict[str, str],
    members: dict[str, list[str] | None],
) -> tuple[bool, Interval]:
    if kind in FORMULAS:
        computed = FORMULAS[kind](o)
        return meets(t, computed), computed
    if kind == "part-of":
        whole_hi = t[1]
        parts_ok = all(op[0] <= whole_hi + 1e-9 for op in o)
        total = _sum(o)
        return parts_ok and total[0] <= whole_hi + 1e-9, total
    if kind == "average-annual-growth":
        n = years(str(periods[target]))
        if n <= 0:
            raise ValueError(f"period {periods[target]!r} of {target} is not a span Y0/Y1")
        grown = power(add(scale(t, 0.01), (1.0, 1.0)), n)
        multiple = o[0] if len(o) == 1 else div(o[0], o[1])
        return meets(grown, multiple), multiple
    if kind == "member-count":
        region = regions.get(target)
        listed = members.get(str(region))
        if not listed:
            raise ValueError(f"region {region!r} has no members listed")
        count = float(len(listed))
        return meets(t, (count, count)), (count, count)
    raise ValueError(f"unknown relation kind {kind!r}")


def _fmt(i: Interval) -> str:
    return f"[{i[0]:.6g}, {i[1]:.6g}]"


class Bounds(NamedTuple):
    """Where an observation's true figure lies, by tolerance rule, and its stated value."""

    half_unit: Interval  # the value ± half a unit of the last digit its quotes give, with its comparator
    exact: Interval  # the value as stated, with its comparator only
    value: float

    def range(self, exact: bool) -> Interval:
        return self.exact if exact else self.half_unit


def _observation_intervals(ctx: Context) -> dict[str, Bounds]:
    """observation id -> its Bounds."""
    obs = ctx.typed["observations"]
    mentions = ctx.typed.get("mentions")
    read = readings(ctx)
    widest: dict[str, float] = {}
    if mentions is not None and read.has.any():  # the widest precision among each observation's quotes
        import pandas as pd

        codes, oids = pd.factorize(mentions["observation_id"][read.has], use_na_sentinel=False)
        top = pd.Series(read.precision[read.has]).groupby(codes).max()
        widest = {oids[k]: max(0.0, p) for k, p in zip(top.index.tolist(), top.tolist(), strict=True)}
    out: dict[str, Bounds] = {}
    for oid, value, comparator in records(obs, ["observation_id", "value", "comparator"], index=False):
        if not isinstance(value, (int, float)) or value != value or not isinstance(comparator, str):
            continue
        precision = widest.get(oid, half_unit(number_text(float(value))))
        out[str(oid)] = Bounds(
            interval(float(value), precision, comparator),
            interval(float(value), 0.0, comparator),
            float(value),
        )
    return out


def _members(ctx: Context) -> dict[str, list[str] | None]:
    regions = ctx.typed.get("regions")
    if regions is None:
        return {}
    return {
        str(r): (m.split() if isinstance(m, str) else None)
        for r, m in zip(regions["region_id"], regions["members"], strict=True)
    }


def _discrepancies(ctx: Context) -> dict[str, tuple[str, str, str]]:
    """discrepancy_id -> (resource, target, error_type; "" for a record)."""
    d = ctx.typed.get("discrepancies")
    if d is None:
        return {}
    return {
        str(i): (str(r), str(t), e if isinstance(e, str) else "")
        for i, r, t, e in zip(d["discrepancy_id"], d["resource"], d["target"], d["error_type"], strict=True)
    }


def _check_waiver_types(ctx: Context) -> None:
    """A waiver's error_type is a validation error of the catalogue (else it could never match, and
    could never be stale): `discrepancy-invalid` on its error_type, with the closest code."""
    import difflib

    from miitdata.errors import CATALOGUE, RUN

    d = ctx.typed.get("discrepancies")
    if d is None:
        return
    known = [c for c, cls in CATALOGUE.items() if cls.layer != RUN]
    for row, did, error_type in records(d, ["discrepancy_id", "error_type"]):
        if not isinstance(error_type, str) or not error_type or error_type in known:
            continue
        close = difflib.get_close_matches(error_type, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        ctx.error(
            "discrepancy-invalid",
            resource="discrepancies",
            row=int(row),
            field="error_type",
            id=did,
            note=f"discrepancy {did} waives {error_type[:80]!r}, which is not a validation error{hint}",
        )


def _check_discrepancy_targets(ctx: Context) -> None:
    d = ctx.typed.get("discrepancies")
    if d is None:
        return
    keys = {"mentions": "mention_id", "observations": "observation_id", "relations": "relation_id"}
    rows = list(records(d, ["discrepancy_id", "resource", "target"]))
    ids: dict[str, set[object]] = {}  # the ids the discrepancies name that exist
    for name, key in keys.items():
        if name in ctx.typed:
            named = [
                i
                for _, _, r, t in rows
                if isinstance(r, str) and r == name and isinstance(t, str)
                for i in t.split()
            ]
            column = ctx.typed[name][key].dropna()
            ids[name] = set(column[column.isin(named)].tolist()) if named else set()
    for row, did, resource, target in rows:
        if not (isinstance(resource, str) and resource in ids and isinstance(target, str)):
            continue
        for one in target.split():  # a record may name several ids: each must exist
            if one not in ids[resource]:
                ctx.error(
                    "discrepancy-invalid",
                    resource="discrepancies",
                    row=int(row),
                    field="target",
                    id=did,
                    note=f"discrepancy {did} concerns {resource} {one!r}, which does not exist",
                    refers=[(resource, one)],
                    suggestion=closest(one, ctx.typed[resource][keys[resource]].dropna().tolist()),
                )
