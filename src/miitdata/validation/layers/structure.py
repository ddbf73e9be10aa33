"""Layer 1, structure: the CSVs against their Table Schemas in `datapackage.json` (the one source of truth),
and the descriptor itself (its profile, its contributor roles).

Reads every cell as text first (so nothing is silently coerced), then checks labels, row shape,
types, constraints, unique fields, primary keys and foreign keys, all derived from the descriptor.
Also builds the typed tables the later layers use (cells that failed their type become missing).
Row numbers are CSV record numbers with the header as row 1, as in frictionless.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from miitdata.package import RESOURCE_NAMES
from miitdata.schema import categories, missing_values
from miitdata.validation.celltypes import arrow_text, isin, parse_cells
from miitdata.validation.context import Context
from miitdata.validation.contributors import check_roles
from miitdata.validation.csvread import read_raw
from miitdata.validation.locate import Locator
from miitdata.validation.suggest import Vocabulary, closest, hint

if TYPE_CHECKING:
    import pandas as pd


def check_fields(ctx: Context, name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Types and constraints of every field; returns the typed table (bad cells become missing)."""
    import pandas as pd

    schema = ctx.package.resources[name]["schema"]
    missing = set(missing_values(schema))
    pk = _key_fields(schema.get("primaryKey"))
    typed: dict[str, pd.Series] = {}
    for f in schema["fields"]:
        col = f["name"]
        values = raw[col].astype("string")
        present = ~isin(values, missing)
        kind = f.get("type", "string")
        cons = f.get("constraints") or {}
        ctx.check("type-error", name)
        ctx.check("constraint-error", name)
        required = bool(cons.get("required")) or col in pk
        if required:
            _flag(
                ctx,
                "constraint-error",
                name,
                col,
                raw,
                pk,
                values,
                ~present,
                lambda v: "required value is missing",
            )
        parsed, ok = parse_cells(kind, values, present, f)
        _flag(
            ctx, "type-error", name, col, raw, pk, values, present & ~ok,
            lambda v, k=kind: f"{v!r} is not a valid {k}{_type_hint(k)}",
        )  # fmt: skip
        valid = present & ok
        cats = categories(f)
        if cats is not None:
            bad = valid & ~isin(values, cats)
            _flag(
                ctx,
                "constraint-error",
                name,
                col,
                raw,
                pk,
                values,
                bad,
                lambda v, c=cats: f"{v!r} is not one of {c}{hint(closest(v, c))}",
            )
        if "pattern" in cons and kind == "string":
            pattern = str(cons["pattern"])
            bad = valid & ~values.str.fullmatch(pattern).fillna(True).astype(bool)
            _flag(
                ctx, "constraint-error", name, col, raw, pk, values, bad,
                lambda v, p=pattern: f"{v!r} does not match the pattern {p}",
            )  # fmt: skip
        for key, op, word in (("minimum", "lt", "below the minimum"), ("maximum", "gt", "above the maximum")):
            if key in cons and kind in ("integer", "number"):
                bad = valid & getattr(parsed, op)(cons[key]).fillna(False).astype(bool)
                _flag(
                    ctx, "constraint-error", name, col, raw, pk, values, bad,
                    lambda v, w=word, b=cons[key]: f"{v} is {w} {b}",
                )  # fmt: skip
        for key, op, word in (("minLength", "lt", "shorter than"), ("maxLength", "gt", "longer than")):
            if key in cons:
                lengths = values.str.len()
                bad = valid & getattr(lengths, op)(cons[key]).fillna(False).astype(bool)
                _flag(
                    ctx, "constraint-error", name, col, raw, pk, values, bad,
                    lambda v, w=word, b=cons[key]: f"value is {w} {b} characters",
                )  # fmt: skip
        if cons.get("unique"):
            ctx.check("unique-error", name)
            dup = valid & _duplicated(values, ctx, name)
            _flag(ctx, "unique-error", name, col, raw, pk, values, dup, lambda v: f"{v!r} is repeated")
        # All cells valid (the usual case): no masked copy, a text column shares the raw one's buffers.
        typed[col] = parsed if bool(valid.all()) else parsed.where(valid)
    # one frame at the end: inserting column by column re-copies pandas' Arrow-backed column index
    return pd.DataFrame(typed, index=raw.index)


def _flag(
    ctx: Context,
    code: str,
    name: str,
    col: str,
    raw: pd.DataFrame,
    pk: list[str],
    values: pd.Series,
    mask: pd.Series,
    message: Callable[..., str],
) -> None:
    """File `code` on field `col` of every row where `mask` holds; `message` reads the row's cell."""
    for row in values.index[mask]:
        ctx.error(
            code, resource=name, row=int(row), field=col, id=_row_id(raw, pk, row), note=message(values[row])
        )


def _type_hint(kind: str) -> str:
    return {"date": " (YYYY-MM-DD)", "boolean": " (true or false)", "number": " (finite decimal)"}.get(
        kind, ""
    )


def _duplicated(values: pd.Series, ctx: Context, name: str) -> pd.Series:
    """`values.duplicated(keep="first")`, kept on ctx for the same column (a unique field that is also
    the primary key is hashed once)."""
    store = ctx.duplicated
    hit = store.get((name, str(values.name)))
    if hit is not None and hit[0] is values.array:
        return hit[1]
    dup = _first_duplicated(values)
    store[(name, str(values.name))] = (values.array, dup)
    return dup


def _first_duplicated(values: pd.Series) -> pd.Series:
    """`values.duplicated(keep="first")`, vectorised with pyarrow for an Arrow-backed column without
    missing cells: nothing when the column is strictly increasing, else dictionary codes (which
    number the distinct values in order of first appearance)."""
    import numpy as np
    import pandas as pd

    arr = arrow_text(values)
    if arr is None or arr.null_count or not len(arr):
        return values.duplicated(keep="first")
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.chunked_array(arr).combine_chunks()
    n = len(cells)
    if n > 1 and pc.all(pc.less(cells.slice(0, n - 1), cells.slice(1))).as_py():
        # strictly increasing (ids curated in order): no value repeats, and no hashing is needed
        return pd.Series(np.zeros(n, dtype=bool), index=values.index, name=values.name, copy=False)
    codes = cells.dictionary_encode().indices.to_numpy()
    seen = np.maximum.accumulate(codes)
    first = np.empty(len(codes), dtype=bool)
    first[0] = True
    first[1:] = codes[1:] > seen[:-1]
    return pd.Series(~first, index=values.index, name=values.name, copy=False)


def _key_fields(key: Any) -> list[str]:
    if key is None:
        return []
    return [key] if isinstance(key, str) else list(key)


def _row_id(raw: pd.DataFrame, pk: list[str], row: Any) -> str | None:
    if len(pk) != 1 or pk[0] not in raw.columns:
        return None
    value = raw.at[row, pk[0]]
    return str(value) if value else None


def check_keys(ctx: Context) -> None:
    """Primary keys within each resource, then every declared foreign key across resources."""
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        pk = _key_fields(schema.get("primaryKey"))
        if pk and all(f in raw.columns for f in pk):
            ctx.check("primary-key", name)
            dup = _duplicated(raw[pk[0]], ctx, name) if len(pk) == 1 else raw[pk].duplicated(keep="first")
            for row in raw.index[dup]:
                shown = ", ".join(f"{f}={raw.at[row, f]!r}" for f in pk)
                ctx.error(
                    "primary-key",
                    resource=name,
                    row=int(row),
                    field=",".join(pk),
                    id=_row_id(raw, pk, row),
                    note=f"primary key {shown} is repeated",
                )
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        missing = set(missing_values(schema))
        pk = _key_fields(schema.get("primaryKey"))
        for fk in schema.get("foreignKeys", []) or []:
            local = _key_fields(fk.get("fields"))
            ref = fk.get("reference") or {}
            target = ref.get("resource") or name
            remote = _key_fields(ref.get("fields"))
            ctx.check("foreign-key", name)
            if target not in ctx.raw or not all(f in raw.columns for f in local) or len(local) != len(remote):
                continue
            other = ctx.raw[target]
            if not all(f in other.columns for f in remote):
                continue
            known: set[tuple[Any, ...]] = set()
            if len(local) == 1:  # vectorised: the common case, and the one that meets 1M-row tables
                col = raw[local[0]]
                bad = ~(isin(col, other[remote[0]]) | isin(col, list(missing)))
                candidates = zip(raw.index[bad], ((v,) for v in col[bad].tolist()), strict=True)
            else:
                known = set(map(tuple, other[remote].itertuples(index=False, name=None)))
                candidates = zip(raw.index, raw[local].itertuples(index=False, name=None), strict=True)
            vocabulary: Vocabulary | None = None
            for row, values in candidates:
                if all(v in missing for v in values) or values in known:
                    continue
                shown = ", ".join(f"{f}={v!r}" for f, v in zip(local, values, strict=True))
                if vocabulary is None:
                    vocabulary = Vocabulary(other[remote[0]].tolist() if len(remote) == 1 else [])
                ctx.error(
                    "foreign-key",
                    suggestion=vocabulary.closest(values[0]) if len(local) == 1 else None,
                    resource=name,
                    row=int(row),
                    field=",".join(local),
                    id=_row_id(raw, pk, row),
                    note=f"{shown} has no match in {target}.{','.join(remote)}",
                    refers=[(target, " ".join(str(v) for v in values))],
                )


CODES = (
    "descriptor-profile", "resource-missing", "resource-not-found", "encoding-error", "format-error",
    "missing-label", "extra-label",
    "incorrect-label", "blank-row", "extra-cell", "missing-cell", "type-error", "constraint-error",
    "unique-error", "primary-key", "foreign-key", "contributor-role-unknown",
)  # fmt: skip


PROFILE_VERSIONS = {"https://datapackage.org/profiles/1.0/datapackage.json": "1.0"}  # else 2.0


def profile_schema(descriptor: dict[str, Any]) -> dict[str, Any] | None:
    """The Data Package JSON Schema profile the descriptor declares (`$schema`; default v2), from the
    copies dplib-py (a dependency) ships, read offline; None if it is missing (a broken install)."""
    import json
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("dplib")
    if spec is None or spec.origin is None or find_spec("jsonschema") is None:
        return None
    version = PROFILE_VERSIONS.get(str(descriptor.get("$schema", "")), "2.0")
    # the profile files only: importing dplib itself would load pydantic
    path = Path(spec.origin).parent / "profiles" / version / "datapackage.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _ruled_out(branch: Any, instance: Any) -> bool:
    """Whether a oneOf branch certainly fails on `instance` because `instance["type"]` (a string) is not
    in the branch's `properties.type.enum` (all strings): the branch's `properties` keyword fails there."""
    if not isinstance(branch, dict) or not isinstance(instance, dict):
        return False
    if not isinstance(instance.get("type"), str):
        return False
    props = branch.get("properties")
    prop = props.get("type") if isinstance(props, dict) else None
    enum = prop.get("enum") if isinstance(prop, dict) else None
    if not isinstance(enum, list) or not all(isinstance(e, str) for e in enum):
        return False
    return instance["type"] not in enum


def _profile_holds(cls: Any, schema: dict[str, Any], descriptor: dict[str, Any]) -> bool:
    """True when the descriptor has no profile error, decided fast: the profile's oneOf over 15 field
    types is evaluated only on the branches whose `type` enum admits the field's type (the others fail
    on `type` for certain, so "exactly one branch holds" comes out the same), ~10x less work than
    jsonschema's oneOf. False (then the caller runs the plain validator for its messages) otherwise."""
    from jsonschema.exceptions import ValidationError
    from jsonschema.validators import extend

    def one_of(validator: Any, branches: Any, instance: Any, _schema: Any) -> Any:
        holding = 0
        for branch in branches:
            if _ruled_out(branch, instance) or next(validator.descend(instance, branch), None) is not None:
                continue
            holding += 1
            if holding > 1:
                break
        if holding != 1:
            yield ValidationError("oneOf")

    fast = extend(cls, {"oneOf": one_of})  # type: ignore[no-untyped-call]  # untyped in types-jsonschema
    return next(fast(schema).iter_errors(descriptor), None) is None


def check_profile(ctx: Context) -> None:
    """The descriptor against the Data Package profile (JSON Schema), one error per violation."""
    schema = profile_schema(ctx.package.descriptor)
    if schema is None:
        return
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    ctx.check("descriptor-profile")
    cls = validator_for(schema)
    if _profile_holds(cls, schema, ctx.package.descriptor):
        return
    validator = cls(schema)
    locator = Locator(ctx.package)
    for error in sorted(validator.iter_errors(ctx.package.descriptor), key=lambda e: list(e.absolute_path)):
        deepest = best_match(error.context) if error.context else error
        pointer = "/" + "/".join(str(p) for p in deepest.absolute_path)
        note = deepest.message if len(deepest.message) <= 200 else deepest.message[:197] + "..."
        line = locator.pointer_line(deepest.absolute_path)
        ctx.error("descriptor-profile", path=locator.descriptor, line=line, pointer=pointer, note=note)


def run(ctx: Context) -> None:
    check_profile(ctx)
    check_roles(ctx)
    ctx.check("resource-missing")
    for name in RESOURCE_NAMES:
        if name not in ctx.package.resources:
            locator = Locator(ctx.package)
            line = locator.pointer_line(["resources"])
            ctx.error("resource-missing", resource=name, path=locator.descriptor, line=line, name=name)
    for name in ctx.package.resources:
        raw = read_raw(ctx, name)
        if raw is None:
            continue
        ctx.raw[name] = raw
        ctx.typed[name] = check_fields(ctx, name, raw)
    check_keys(ctx)
    # No later layer reads the cells as text (the typed text columns share their buffers): keep each
    # table's rows (the report counts them) and free the text of the typed numbers.
    ctx.raw = {name: raw.iloc[:, :0] for name, raw in ctx.raw.items()}
