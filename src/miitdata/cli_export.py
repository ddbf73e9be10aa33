"""`miitdata export`: lossless exports of the tables (registered on the app by the last line of cli.py)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli import app, fail
from miitdata.errors import PackageError


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"
    sqlite = "sqlite"
    xlsx = "xlsx"


@app.command()
def export(
    out: Annotated[
        Path,
        typer.Argument(
            help="Where to write: a directory for csv and parquet (one file per resource), "
            "a file for json, sqlite and xlsx."
        ),
    ],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    package: Annotated[
        Path | None,
        typer.Option(
            "--package", "-p", help="A datapackage.json (or its directory). Default: the bundled one."
        ),
    ] = None,
) -> None:
    """Export every table losslessly: each cell is its CSV text (17.84 stays 17.84), missing is null.

    Outputs are deterministic (byte-identical on re-run). Spreadsheet cells that could be read as
    formulas (=, +, -, @) are stored as explicit text. Read back with
    [bold]miitdata.export.read_export(OUT, FORMAT)[/bold].

    Example: [bold]miitdata export --format parquet build/parquet[/bold]
    """
    from miitdata.export import export as run_export

    try:
        written = run_export(out, format.value, package)
    except PackageError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{out}: cannot write the export: {exc.strerror or exc}") from None
    except ImportError as exc:
        raise fail(f"{format.value} export needs {exc.name}: pip install 'miitdata[export]'") from None
    typer.echo(f"wrote {len(written)} file(s) to {out}")
