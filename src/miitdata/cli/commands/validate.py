"""`miitdata validate`: every validation layer, one report (text, JSON or JUnit)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli.app import Format, OutputOption, PackageOption, allow, package_path, write_output
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
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format: text, json, junit.")] = (
        Format.text
    ),
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
    one summary line always goes to stderr. When it cannot run, --format json|junit still writes a
    document: JSON {"valid": null, "error": {...}}, JUnit one errored testcase.

    Example: [bold]miitdata validate datapackage.json --format junit -o report.xml[/bold]
    """
    from miitdata.errors import PackageError
    from miitdata.validation import report as rep
    from miitdata.validation.run import validate as run_validate

    allow(format, Format.text, Format.json, Format.junit)
    target = path if path is not None else package_path(package)
    try:
        report = run_validate(
            target, layers=[lay.value for lay in layer] if layer else None, frictionless=frictionless
        )
    except PackageError as exc:
        if format is Format.json:
            write_output(output, rep.error_json(exc) + "\n", "report")
        elif format is Format.junit:
            write_output(output, rep.error_junit(exc), "report")
        raise
    if format is Format.json:
        text = report.to_json() + "\n"
    elif format is Format.junit:
        text = report.to_junit()
    elif output is not None:
        from miitdata.validation.render import report_text

        text = report_text(report, show_known=show_known)
    else:
        from miitdata.validation.render import print_report

        print_report(report, show_known=show_known)
        text = None
    if text is not None:
        write_output(output, text, "report")
    typer.echo(rep.summary_line(report), err=True)
    raise typer.Exit(0 if report.valid else 1)
