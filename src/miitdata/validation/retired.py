"""The `retired` table's rules (consistency layer): a retired id is gone, and what replaces it is there.

A row of `retired` says that an id a release had is no longer in its table (`resource`) since version
`retired_in`, and names the id that replaces it (`replaced_by`, optional). Checked:

- `retired-id-in-use`: the retired id is still a row of its table (retire it or keep it, not both);
- `retired-invalid`: `replaced_by` is not a current id of the same table (missing, retired itself, or
  the id itself).

(`retired_in` is not compared with the package's version: a copy of the data relabelled with another
version stays valid; `miitdata diff` compares it with the release it diffs from.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from miitdata.validation.context import Context, records

if TYPE_CHECKING:
    import pandas as pd

CODES = ("retired-id-in-use", "retired-invalid")
_RELEASE = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def release_tuple(version: Any) -> tuple[int, int, int] | None:
    """(X, Y, Z) of a version `X.Y.Z` or `X.Y.Z.devN`; None for anything else."""
    m = _RELEASE.match(version) if isinstance(version, str) else None
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _keys(ctx: Context, resource: str) -> set[str] | None:
    """The primary-key values of one resource (None when the resource or its key is unknown)."""
    frame: pd.DataFrame | None = ctx.typed.get(resource)
    key = ctx.package.resources.get(resource, {}).get("schema", {}).get("primaryKey")
    if isinstance(key, str):
        key = [key]
    if frame is None or not isinstance(key, list) or len(key) != 1 or key[0] not in frame.columns:
        return None
    return {str(v) for v in list(frame[key[0]]) if isinstance(v, str)}


def check_retired(ctx: Context) -> None:
    table = ctx.typed.get("retired")
    if table is None or not {"id", "resource", "replaced_by"} <= set(table.columns):
        return
    for code in CODES:
        ctx.check(code, "retired")
    retired = {str(i) for i in table["id"].tolist() if isinstance(i, str)}
    cols = ["id", "resource", "replaced_by"]
    for row, rid, resource, replaced_by in records(table, cols):
        if not isinstance(rid, str) or not isinstance(resource, str):
            continue  # a blank or mistyped cell: a structure error already
        keys = _keys(ctx, resource)
        if keys is not None and rid in keys:
            ctx.error(
                "retired-id-in-use",
                resource="retired",
                row=int(row),
                field="id",
                id=rid,
                retired_id=rid,
                resource_name=resource,
            )
        if isinstance(replaced_by, str) and replaced_by:
            problem = _replacement_problem(rid, replaced_by, resource, keys, retired)
            if problem:
                ctx.error(
                    "retired-invalid",
                    resource="retired",
                    row=int(row),
                    field="replaced_by",
                    id=rid,
                    problem=problem,
                )


def _replacement_problem(
    rid: str, replaced_by: str, resource: str, keys: set[str] | None, retired: set[str]
) -> str:
    if replaced_by == rid:
        return f"{rid} cannot replace itself"
    if replaced_by in retired:
        return f"its replacement {replaced_by} is retired too: name the id that replaces both"
    if keys is not None and replaced_by not in keys:
        return f"its replacement {replaced_by} is not an id of {resource}"
    return ""
