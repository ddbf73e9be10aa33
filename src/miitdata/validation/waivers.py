"""Known discrepancies: a `discrepancies` row with an `error_type` waives exactly that failure on one row.

A row with a blank `error_type` is a *record*: it documents a problem (of one or several ids) and
waives nothing, so it is never stale.

A waiver that matches no failure of a layer that ran is itself an error (`stale-discrepancy`), so a
known problem that was fixed, or renamed, can never hide a new one.
"""

from __future__ import annotations

from miitdata.errors import CATALOGUE
from miitdata.validation.context import Context
from miitdata.validation.report import Error


def apply_waivers(ctx: Context, layers: list[str]) -> tuple[list[Error], list[Error]]:
    """Move failures named by a discrepancy row to `known`; flag discrepancies that match nothing.

    A discrepancy (resource, target, error_type) waives exactly the errors of that type on that
    row. One whose layer ran but which matched no error is a `stale-discrepancy` error, so a
    known problem that was fixed, or renamed, can never hide a new one.
    """
    table = ctx.typed.get("discrepancies")
    if table is None or ("relations" not in layers and "consistency" not in layers):
        return ctx.errors, []
    waivers: dict[tuple[str, str, str], tuple[int, str, str]] = {}
    for row, did, resource, target, error_type, explanation in table[
        ["discrepancy_id", "resource", "target", "error_type", "explanation"]
    ].itertuples(name=None):
        if not isinstance(error_type, str) or not error_type:
            continue  # a record: documents a problem, waives nothing
        waivers[(str(resource), str(target), str(error_type))] = (int(row), str(did), str(explanation))
    used: set[str] = set()
    errors: list[Error] = []
    known: list[Error] = []
    for e in ctx.errors:
        hit = waivers.get((str(e.resource), str(e.id), e.type))
        if hit is None:
            errors.append(e)
            continue
        _, did, explanation = hit
        e.waived_by, e.explanation = did, explanation
        used.add(did)
        known.append(e)
        check = ctx.checks.get(f"{e.layer}.{e.resource}.{e.type}")
        if check is not None:
            check.errors -= 1
            check.known += 1
    ctx.check("stale-discrepancy", "discrepancies")
    for (resource, target, error_type), (row, did, _) in waivers.items():
        layer = CATALOGUE[error_type].layer if error_type in CATALOGUE else "?"
        if did in used or layer not in layers:
            continue
        reason = (
            f"unknown error_type {error_type!r}"
            if error_type not in CATALOGUE
            else f"no {error_type} error on {resource} {target} (fixed, or misnamed?)"
        )
        ctx.check("stale-discrepancy", "discrepancies").errors += 1
        message = CATALOGUE["stale-discrepancy"].format(discrepancy_id=did, note=reason)
        stale = Error("stale-discrepancy", "relations", message, "discrepancies", row, "target", did)
        stale.refers = ((resource, target),)
        errors.append(stale)
    return errors, known
