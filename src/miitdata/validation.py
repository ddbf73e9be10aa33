"""`miitdata.validate()`: run the validation layers over a package and build one report."""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable
from pathlib import Path

from miitdata.checks import ERROR_TYPES, Context
from miitdata.package import read_package
from miitdata.report import LAYERS, Error, Report

LAYER_MODULES = {layer: f"miitdata.checks.{layer}" for layer in LAYERS}


def validate(
    path: str | Path | None = None,
    *,
    layers: Iterable[str] | None = None,
    frictionless: bool = False,
) -> Report:
    """Validate the package at `path` (default: the bundled one).

    `layers` picks a subset of structure, content, provenance, consistency, relations (structure
    always runs: the others need its typed tables). `frictionless=True` also runs the reference
    frictionless validator and merges its errors. Raises `PackageError` when the package cannot
    be read at all (the CLI's exit code 2).
    """
    started = time.perf_counter()
    package = read_package(path)
    wanted = _layers(layers)
    ctx = Context(package)
    for layer in wanted:
        module = importlib.import_module(LAYER_MODULES[layer])
        if hasattr(module, "run"):
            module.run(ctx)
    if frictionless:
        from miitdata.checks.reference import run_frictionless

        run_frictionless(ctx)
    errors, known = apply_waivers(ctx, wanted)
    report = Report(
        path=str(package.path),
        version=package.version,
        layers=wanted,
        errors=errors,
        known=known,
        checks=list(ctx.checks.values()),
        rows={name: len(frame) for name, frame in ctx.raw.items()},
    )
    report.seconds = time.perf_counter() - started
    return report


def _layers(layers: Iterable[str] | None) -> list[str]:
    if layers is None:
        return list(LAYERS)
    chosen = set(layers)
    unknown = chosen - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown layer(s) {sorted(unknown)}; choose from {list(LAYERS)}")
    return [layer for layer in LAYERS if layer in chosen or layer == "structure"]


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
        layer = ERROR_TYPES.get(error_type, ("?",))[0]
        if did in used or layer not in layers:
            continue
        reason = (
            f"unknown error_type {error_type!r}"
            if error_type not in ERROR_TYPES
            else f"no {error_type} error on {resource} {target} (fixed, or misnamed?)"
        )
        ctx.check("stale-discrepancy", "discrepancies").errors += 1
        errors.append(
            Error(
                "stale-discrepancy",
                "relations",
                f"discrepancy {did} is stale: {reason}",
                "discrepancies",
                row,
                "target",
                did,
            )
        )
    return errors, known
