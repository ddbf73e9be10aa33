"""Layer 2, content: what the values mean, as pandera DataFrameModels over the typed tables.

Imported only when the content layer runs (pandas and pandera are heavy).

Each pandera check is named after the error type it raises, so a failure maps to one stable code.
The structural rules (types, keys, vocabularies) are not repeated here: they come from
`datapackage.json` in the structure layer. Three rules over rows are plain Python: no duplicate
observation (indicator, region, period, status, event), no repeated region member, no duplicate
discrepancy (resource, target, error_type, kind).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import pandas as pd
import pandera.errors
import pandera.pandas as pa
from pandera.typing import Series

from miitdata.errors import lookup
from miitdata.numbers.periods import PeriodError, parse_period
from miitdata.validation.context import Context, records
from miitdata.vocab import comparators

CODES = (
    "period-invalid", "comparator-invalid", "value-out-of-range", "share-out-of-range", "count-not-integral",
    "range-invalid", "member-unknown", "iso-code-invalid", "derived-not-derived", "duplicate-observation",
    "member-repeated", "duplicate-discrepancy",
)  # fmt: skip


def _rule(code: str) -> dict[str, Any]:
    """A pandera check's name (the error code, which `_report` maps back) and its message (the
    catalogue's description, which pandera shows; never parsed)."""
    return {"name": code, "error": lookup(code).description}


def _valid_period(value: Any) -> bool:
    if not isinstance(value, str):
        return True  # missing: a structure error already
    try:
        parse_period(value)
    except PeriodError:
        return False
    return True


class ObservationContent(pa.DataFrameModel):
    """Observations joined with their indicator's unit, kind and plausible range."""

    value: Series[float] = pa.Field(nullable=True)
    period: Series[str] = pa.Field(nullable=True)
    comparator: Series[str] = pa.Field(nullable=True)

    @pa.check("period", **_rule("period-invalid"), element_wise=True)
    def period_grammar(cls, period: Any) -> bool:
        return _valid_period(period)

    @pa.check("comparator", **_rule("comparator-invalid"), element_wise=True)
    def comparator_vocabulary(cls, comparator: Any) -> bool:
        return not isinstance(comparator, str) or comparator in comparators()

    @pa.dataframe_check(**_rule("derived-not-derived"))
    def derivation_targets_this(cls, df: pd.DataFrame) -> pd.Series:
        target = df["derived_target"]
        return (df["derived_by"].isna() | target.isna() | (target == df["observation_id"])).astype(bool)

    @pa.dataframe_check(**_rule("value-out-of-range"))
    def within_indicator_range(cls, df: pd.DataFrame) -> pd.Series:
        inside = (df["value"] >= df["minimum"]) & (df["value"] <= df["maximum"])
        return (inside | df["value"].isna() | df["minimum"].isna() | df["maximum"].isna()).astype(bool)

    @pa.dataframe_check(**_rule("share-out-of-range"))
    def shares_are_percentages(cls, df: pd.DataFrame) -> pd.Series:
        share = (df["kind"] == "share") & (df["unit"] == "percent")
        return (~share | df["value"].isna() | df["value"].between(0, 100)).astype(bool)

    @pa.dataframe_check(**_rule("count-not-integral"))
    def counts_are_whole(cls, df: pd.DataFrame) -> pd.Series:
        count = df["unit"] == "count"
        return (~count | df["value"].isna() | ((df["value"] % 1 == 0) & (df["value"] >= 0))).astype(bool)

    class Config:
        strict = False


class IndicatorContent(pa.DataFrameModel):
    minimum: Series[float] = pa.Field(nullable=True)
    maximum: Series[float] = pa.Field(nullable=True)

    @pa.dataframe_check(**_rule("range-invalid"))
    def ordered_range(cls, df: pd.DataFrame) -> pd.Series:
        return (df["minimum"].isna() | df["maximum"].isna() | (df["minimum"] <= df["maximum"])).astype(bool)

    @pa.dataframe_check(**_rule("share-out-of-range"))
    def share_range(cls, df: pd.DataFrame) -> pd.Series:
        share = (df["kind"] == "share") & (df["unit"] == "percent")
        return (~share | ((df["minimum"] >= 0) & (df["maximum"] <= 100))).fillna(True).astype(bool)

    class Config:
        strict = False


class RegionContent(pa.DataFrameModel):
    @pa.dataframe_check(**_rule("iso-code-invalid"))
    def iso_codes(cls, df: pd.DataFrame) -> pd.Series:
        known = _subdivision_codes("CN")
        iso = df["iso_3166_2"]
        ok = iso.isna() | (iso.isin(known) & (iso == df["region_id"]))
        province_has_code = (df["level"] != "province") | iso.notna()
        return (ok & province_has_code).fillna(True).astype(bool)

    @pa.dataframe_check(**_rule("member-unknown"))
    def members_exist(cls, df: pd.DataFrame) -> pd.Series:
        ids = set(df["region_id"].dropna())
        return (
            df["members"]
            .map(lambda m: not isinstance(m, str) or all(x in ids for x in m.split()))
            .astype(bool)
        )

    class Config:
        strict = False


@cache
def _subdivision_codes(country: str) -> frozenset[str]:
    """`{s.code for s in pycountry.subdivisions.get(country_code=country)}`, read straight from pycountry's
    ISO 3166-2 database file (16 ms instead of the 100 ms pycountry takes to build objects for all
    5,000 subdivisions); pycountry's own lookup when the file is not where its database says."""
    import json

    import pycountry

    db = pycountry.subdivisions
    try:
        with open(db.filename, encoding="utf-8") as fh:
            entries = json.load(fh)[db.root_key]
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return frozenset(s.code for s in db.get(country_code=country))  # type: ignore[no-untyped-call]
    return frozenset(e["code"] for e in entries if e["code"].split("-")[0] == country)


MODELS = {"observations": ObservationContent, "indicators": IndicatorContent, "regions": RegionContent}


def _params(code: str, row: dict[str, Any]) -> dict[str, Any]:
    """The catalogue template's parameters for a failing row."""
    if code == "share-out-of-range":
        if "value" in row:
            return {"what": f"value {row['value']:g} of share indicator {row['indicator_id']}"}
        return {"what": f"share indicator range [{row['minimum']:g}, {row['maximum']:g}]"}
    if code == "derived-not-derived":
        row = {**row, "target": row["derived_target"]}
    if code == "comparator-invalid":
        row = {**row, "choices": ", ".join(comparators())}
    return {name: row[name] for name in lookup(code).params()}


FIELDS = {
    "period-invalid": "period", "comparator-invalid": "comparator", "value-out-of-range": "value",
    "share-out-of-range": "value", "count-not-integral": "value", "range-invalid": "minimum",
    "iso-code-invalid": "iso_3166_2", "member-unknown": "members", "derived-not-derived": "derived_by",
}  # fmt: skip
KEYS = {"observations": "observation_id", "indicators": "indicator_id", "regions": "region_id"}


def _unique_index(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Index by `key`, keeping the first of repeated keys (a primary-key error reported elsewhere)."""
    indexed = frame.set_index(key)
    return indexed[~indexed.index.duplicated(keep="first")]


def _frames(ctx: Context) -> dict[str, pd.DataFrame]:
    frames: dict[str, pd.DataFrame] = {}
    ind = ctx.typed.get("indicators")
    obs = ctx.typed.get("observations")
    if ind is not None:
        frames["indicators"] = ind.astype({"minimum": "float64", "maximum": "float64"})
    if obs is not None and ind is not None:
        joined = obs.join(
            _unique_index(ind, "indicator_id")[["unit", "kind", "minimum", "maximum"]],
            on="indicator_id",
        )
        rel = ctx.typed.get("relations")
        targets = _unique_index(rel, "relation_id")["target"] if rel is not None else None
        joined["derived_target"] = joined["derived_by"].map(targets) if targets is not None else None
        frames["observations"] = joined.astype(
            {"value": "float64", "minimum": "float64", "maximum": "float64"}
        )
    if ctx.typed.get("regions") is not None:
        frames["regions"] = ctx.typed["regions"]
    return frames


@contextmanager
def _without_hypothesis() -> Iterator[None]:
    """Make `hypothesis` unimportable while pandera registers its pandas backends, unless it is imported.

    Registering them (on the first `validate`) imports `pandera.backends.pandas.builtin_checks`, which
    imports pandera's data-synthesis strategies and through them hypothesis (~0.3 s where hypothesis is
    installed, as in the dev install). Validation never synthesises data; pandera's strategies module
    falls back to placeholders when hypothesis cannot be imported (`HAS_HYPOTHESIS = False`). Contained:
    only while the backends register, only if neither hypothesis nor pandera's strategies are imported
    yet (under pytest the hypothesis plugin has imported it, so nothing changes there), and the entry is
    removed afterwards, so a later `import hypothesis` works; only pandera's `strategy()`/`example()`
    stay unavailable in that process.
    """
    if "hypothesis" in sys.modules or "pandera.strategies.base_strategies" in sys.modules:
        yield
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # the documented way to block an import
    try:
        yield
    finally:
        blocked: object = sys.modules.get("hypothesis", "absent")  # object: typeshed's modules hold no None
        if blocked is None:
            del sys.modules["hypothesis"]


@cache
def _check_names(model: type[pa.DataFrameModel]) -> tuple[str, ...]:
    schema = model.to_schema()
    checks = schema.checks + [c for col in schema.columns.values() for c in col.checks]
    return tuple(check.name for check in checks)


def run(ctx: Context) -> None:
    for name, frame in _frames(ctx).items():
        model = MODELS[name]
        for check in _check_names(model):
            ctx.check(check, name)
        try:
            with _without_hypothesis():
                model.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            _report(ctx, name, frame, failed_rows(exc))
    _check_duplicate_observations(ctx)
    _check_members_repeated(ctx)
    _check_duplicate_discrepancies(ctx)


def _first_of_keys(
    ctx: Context, resource: str, key: str, columns: list[str], code: str, blank_ok: bool = False
) -> None:
    """Report every row whose `columns` repeat those of an earlier row (rows with a missing cell skip)."""
    frame = ctx.typed.get(resource)
    if frame is None or not all(c in frame.columns for c in columns):
        return
    ctx.check(code, resource)
    first: dict[tuple[Any, ...], Any] = {}
    for row, rid, *values in records(frame, [key, *columns]):
        cells = tuple("" if blank_ok and not isinstance(v, str) else v for v in values)
        if any(not isinstance(v, str) for v in cells):
            continue  # a missing cell: a structure error (or, when blank_ok, blank counts as a value)
        if cells in first:
            ctx.error(
                code, resource=resource, row=int(row), field=key, id=rid, **{key: rid, "first": first[cells]}
            )
        else:
            first[cells] = rid


def _check_duplicate_observations(ctx: Context) -> None:
    """No two observations of the same indicator, region, period, status and event."""
    _first_of_keys(
        ctx,
        "observations",
        "observation_id",
        ["indicator_id", "region_id", "period", "status", "event_id"],
        "duplicate-observation",
    )


def _check_duplicate_discrepancies(ctx: Context) -> None:
    """No two discrepancy rows with the same resource, target, error_type (blank counts) and kind."""
    _first_of_keys(
        ctx,
        "discrepancies",
        "discrepancy_id",
        ["resource", "target", "error_type", "kind"],
        "duplicate-discrepancy",
        blank_ok=True,
    )


def _check_members_repeated(ctx: Context) -> None:
    """A region's members name each region at most once, and never the region itself."""
    regions = ctx.typed.get("regions")
    if regions is None:
        return
    ctx.check("member-repeated", "regions")
    for row, rid, members in records(regions, ["region_id", "members"]):
        if not isinstance(members, str):
            continue
        names = members.split()
        repeated = sorted({m for m in names if names.count(m) > 1})
        for member, how in [(m, "twice") for m in repeated] + [(rid, "(the region itself)")] * (rid in names):
            ctx.error(
                "member-repeated",
                resource="regions",
                row=int(row),
                field="members",
                id=rid,
                members=members,
                member=member,
                how=how,
            )


def failed_rows(exc: pandera.errors.SchemaErrors) -> list[tuple[str, int]]:
    """(error code, row index) of every row one of our checks failed, in pandera's order, each pair once.

    The code is the failed check's name (`SchemaError.check.name`, set from the catalogue by `_rule`),
    never its message. pandera's own failures (a missing column, a wrong dtype, a check that raised) name
    no code of ours or no row, and are left out: the structure layer reports what causes them."""
    out: dict[tuple[str, int], None] = {}
    for err in exc.schema_errors:
        code = getattr(err.check, "name", None)
        cases = err.failure_cases
        if code not in FIELDS or not isinstance(cases, pd.DataFrame) or "index" not in cases.columns:
            continue
        for index in cases["index"].tolist():
            if isinstance(index, (int, float)) and index == index:  # None and NaN: no row
                out[(str(code), int(index))] = None
    return list(out)


def _report(ctx: Context, name: str, frame: pd.DataFrame, failures: list[tuple[str, int]]) -> None:
    for code, index in failures:
        row = {str(k): v for k, v in frame.loc[index].to_dict().items()}
        ctx.error(
            code, resource=name, row=index, field=FIELDS[code], id=row.get(KEYS[name]), **_params(code, row)
        )
