"""The entry point of `miitdata`: registers every command on the app, runs it, and turns errors into
exit codes. This is the one place where a `PackageError` (or a `FilterError`) becomes exit code 2."""

from __future__ import annotations

import os
import sys

import typer

from miitdata.cli.app import app
from miitdata.cli.commands import (
    cite,
    curate,
    datasheet,
    export,
    info,
    mcp,
    show,
    site,
    validate,
    verify,
    versions,
)
from miitdata.cli.shared import closed_streams_to_devnull
from miitdata.cli.shared import exit_code as exit_code  # re-exported: tests map exceptions with it
from miitdata.errors import PackageError
from miitdata.query.filters import FilterError


def _version(value: bool) -> None:
    if value:
        from miitdata import __version__

        typer.echo(f"miitdata {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Statistics from China's MIIT press conferences: validate, explore and cite the data package."""


app.command()(validate.validate)
app.command()(show.show)
app.command()(cite.cite)
app.command()(info.info)
app.command()(datasheet.datasheet)
app.command()(export.export)
app.command()(versions.metrics)
app.command()(versions.versions)
app.command()(versions.diff)
app.command()(site.site)
app.command()(verify.verify)
app.command()(mcp.mcp)
app.add_typer(curate.curate_app, name="curate")


def main() -> None:
    """Run the app: exit 0/1 as the command says, 2 (one line on stderr) when it cannot run.

    A closed stdout drops the output and keeps the command's exit code; a reader that goes away
    (`miitdata show | head -1`) ends the command quietly with exit 1 (click's broken-pipe rule)."""
    closed_streams_to_devnull()
    try:
        app()
    except SystemExit:
        raise
    except PackageError as exc:
        typer.echo(f"miitdata: error: {exc}", err=True)
        sys.exit(2)
    except FilterError as exc:
        typer.echo(f"miitdata: error: {exc} [{FilterError.code}]", err=True)
        sys.exit(2)
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
