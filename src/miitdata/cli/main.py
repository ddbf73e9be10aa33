"""The entry point of `miitdata`: registers every command on the app, runs it, and turns errors into
exit codes through `miitdata.cli.shared.exit_code`, the one mapping: a `MiitdataError` exits with
its catalogue entry's code (2, or 1), Ctrl-C 130, anything else (a bug) 2."""

from __future__ import annotations

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
from miitdata.cli.shared import closed_streams_to_devnull, shows_traceback
from miitdata.cli.shared import exit_code as exit_code  # re-exported: tests map exceptions with it


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
    except (Exception, KeyboardInterrupt) as exc:
        if shows_traceback(exc):
            raise  # a bug, and MIITDATA_DEBUG=1 asks for its traceback
        code, message = exit_code(exc)
        typer.echo(message, err=True)
        sys.exit(code)
