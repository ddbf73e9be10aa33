"""`miitdata validate`: every validation layer, one report (text, JSON, JUnit, github or SARIF)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli.app import OutputOption, PackageOption, one_package
from miitdata.cli.validating import ValidateFormat, execute
from miitdata.errors import LAYERS

# The --layer choices, generated from the error catalogue's layers.
Layer = StrEnum("Layer", [(layer, layer) for layer in LAYERS])  # type: ignore[misc]


def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A datapackage.json (or its directory). Default: ./datapackage.json if there is one, "
            "else the package bundled with miitdata.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help="Report format: text (PATH:LINE: compiler style), json, junit, github (workflow commands "
            "for GitHub Actions annotations), sarif (SARIF 2.1.0, for code scanning).",
        ),
    ] = ValidateFormat.text,
    layer: Annotated[
        list[Layer] | None,
        typer.Option("--layer", "-l", help="Run only these layers (repeatable); structure always runs."),
    ] = None,
    frictionless: Annotated[
        bool, typer.Option("--frictionless", help="Also run the reference frictionless validator (slower).")
    ] = False,
    output: OutputOption = None,
    package: PackageOption = None,
    show_known: Annotated[
        bool, typer.Option("--show-known", help="List the known discrepancies (text report) one by one.")
    ] = False,
) -> None:
    """Validate a data package: structure, content, provenance, cross-source consistency, relations.

    Exit code 0 valid, 1 invalid, 2 could not run. The report names the package and version it checked;
    one summary line always goes to stderr. When it cannot run, --format json|junit|github|sarif still
    writes a document: JSON {"valid": null, "error": {...}}, JUnit one errored testcase, one ::error
    command, a SARIF run whose invocation failed.

    Example: [bold]miitdata validate datapackage.json --format junit -o report.xml[/bold]
    """
    target = one_package(path, package)
    layers = [lay.value for lay in layer] if layer else None
    raise typer.Exit(execute(target, format, layers, frictionless, output, show_known))
