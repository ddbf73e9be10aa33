"""`miitdata.validate()`: run the validation layers over a package and build one report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from miitdata.errors import LAYERS
from miitdata.package import read_package
from miitdata.validation.causes import group
from miitdata.validation.context import Context
from miitdata.validation.locate import locate
from miitdata.validation.memory import give_back
from miitdata.validation.report import Report
from miitdata.validation.waivers import apply_waivers

# Each layer's module is imported when the layer runs (content pulls in pandera): one explicit function
# per layer, so a layer without `run` fails loudly instead of being skipped.


def _structure(ctx: Context) -> None:
    from miitdata.validation.layers import structure

    structure.run(ctx)


def _content(ctx: Context) -> None:
    from miitdata.validation.layers import content

    content.run(ctx)


def _provenance(ctx: Context) -> None:
    from miitdata.validation.layers import provenance

    provenance.run(ctx)


def _start_provenance(ctx: Context) -> None:
    """Provenance reads, hashes and compares on a second thread while content runs (the second core:
    file reads, sha256 and numpy release the GIL); the layer files its errors in its turn."""
    from miitdata.validation.layers import provenance

    provenance.prepare(ctx)


def _consistency(ctx: Context) -> None:
    from miitdata.validation.layers import consistency

    consistency.run(ctx)


def _relations(ctx: Context) -> None:
    from miitdata.validation.layers import relations

    relations.run(ctx)


RUNNERS: dict[str, Callable[[Context], None]] = {
    "structure": _structure,
    "content": _content,
    "provenance": _provenance,
    "consistency": _consistency,
    "relations": _relations,
}
assert tuple(RUNNERS) == LAYERS, "every layer of miitdata.errors.LAYERS has one runner, in order"


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
    package = read_package(path)  # refuses a foreign package / an unsupported feature (features.py)
    wanted = _layers(layers)
    ctx = Context(package)
    for layer in wanted:
        RUNNERS[layer](ctx)
        give_back()  # the layer's freed temporaries: the next layer's peak does not stack on them
        if layer == "structure" and "provenance" in wanted:
            _start_provenance(ctx)
    if frictionless:
        from miitdata.validation.layers import frictionless as reference

        reference.run(ctx)
    errors, known = apply_waivers(ctx, wanted)
    locate(package, [*errors, *known])
    errors = group(package, errors)
    report = Report(
        path=str(package.path),
        version=package.version,
        layers=wanted,
        errors=errors,
        known=known,
        checks=list(ctx.checks.values()),
        rows={name: len(frame) for name, frame in ctx.raw.items()},
        files={"": package.path.name, **{name: str(res["path"]) for name, res in package.resources.items()}},
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
