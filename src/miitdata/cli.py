"""The `miitdata` command line (typer). Every command exits 0 on success, 1 on invalid data, 2 when it
cannot run (bad path, unreadable file, malformed descriptor) with a one-line reason, never a traceback."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.errors import PackageError

app = typer.Typer(
    name="miitdata",
    help="Statistics from China's MIIT press conferences: validate, explore and cite the data package.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"


class Layer(StrEnum):
    structure = "structure"
    content = "content"
    provenance = "provenance"
    consistency = "consistency"
    relations = "relations"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line reason to stderr and return the Exit to raise."""
    typer.echo(f"miitdata: error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from miitdata import __version__

        typer.echo(f"miitdata {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Statistics from China's MIIT press conferences: validate, explore and cite the data package."""


@app.command()
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A datapackage.json (or its directory). Default: the package bundled with miitdata."
        ),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    layer: Annotated[
        list[Layer] | None,
        typer.Option("--layer", "-l", help="Run only these layers (repeatable); structure always runs."),
    ] = None,
    frictionless: Annotated[
        bool, typer.Option("--frictionless", help="Also run the reference frictionless validator (slower).")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
) -> None:
    """Validate a data package: structure, content, provenance, cross-source consistency, relations.

    Exit code 0 valid, 1 invalid, 2 could not run.

    Example: [bold]miitdata validate datapackage.json --format junit -o report.xml[/bold]
    """
    from miitdata.validation import validate as run_validate

    try:
        report = run_validate(
            path, layers=[lay.value for lay in layer] if layer else None, frictionless=frictionless
        )
    except PackageError as exc:
        raise fail(str(exc)) from None
    if format is Format.json:
        text = report.to_json() + "\n"
    elif format is Format.junit:
        text = report.to_junit()
    else:
        text = None
    if output is not None:
        try:
            output.write_text(text if text is not None else _plain_text(report), encoding="utf-8")
        except OSError as exc:
            raise fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    elif text is not None:
        sys.stdout.write(text)
    else:
        from miitdata.render import print_report

        print_report(report)
    raise typer.Exit(0 if report.valid else 1)


def _plain_text(report: object) -> str:
    from miitdata.render import report_text

    return report_text(report)  # type: ignore[arg-type]


def main() -> None:
    """Entry point: run the app, turning any unexpected exception into a one-line error (exit 2)."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("miitdata: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # never a traceback for users; MIITDATA_DEBUG=1 shows it
        if os.environ.get("MIITDATA_DEBUG"):
            raise
        typer.echo(
            f"miitdata: error: {type(exc).__name__}: {exc} (set MIITDATA_DEBUG=1 for details)", err=True
        )
        sys.exit(2)


import miitdata.cli_explore  # noqa: E402  (registers show/cite/info/datasheet)
import miitdata.cli_export  # noqa: E402,F401  (registers export)
from miitdata import cli_versions  # noqa: E402,F401  (registers versions/diff)
from miitdata.cli_site import site as site_command  # noqa: E402  (the explorer)

app.command("site")(site_command)
