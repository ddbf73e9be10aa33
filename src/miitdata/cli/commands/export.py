"""`miitdata export`: every table in another format (CSV, JSON, Parquet, SQLite, XLSX)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli.app import PackageOption, package_path
from miitdata.errors import PackageError
from miitdata.outputs.formats import EXPORT_FORMATS

# The export formats are file types, not report formats: their own choices, from outputs.formats.
ExportFormat = StrEnum("ExportFormat", [(f, f) for f in EXPORT_FORMATS])  # type: ignore[misc]


def export(
    out: Annotated[
        Path,
        typer.Argument(
            help="Where to write: a directory for csv and parquet (one file per resource), "
            "a file for json, sqlite, xlsx and annotations."
        ),
    ],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    package: PackageOption = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="annotations: the URL the raw texts are published under; each source becomes "
            "BASE_URL + its path (default: urn:sha256:DIGEST).",
        ),
    ] = None,
) -> None:
    """Export every table losslessly: each cell is its CSV text (17.84 stays 17.84), missing is null.

    Parquet and SQLite are typed from datapackage.json (numbers, integers, dates, booleans,
    categories; SQLite with primary and foreign keys and a facts view). [bold]annotations[/bold]
    writes every quote as a W3C Web Annotation (JSON-LD) to one file; its sources are
    urn:sha256:DIGEST, or BASE_URL + path with [bold]--base-url[/bold].

    Outputs are deterministic (byte-identical on re-run). Spreadsheet cells that could be read as
    formulas (=, +, -, @) are stored as explicit text. Read back with
    [bold]miitdata.outputs.export.read_export(OUT, FORMAT)[/bold].

    Example: [bold]miitdata export --format parquet build/parquet[/bold]
    """
    import sqlite3

    from miitdata.outputs.export import export as run_export

    try:
        written = run_export(out, format.value, package_path(package), base_url=base_url)
    except (OSError, sqlite3.OperationalError) as exc:  # sqlite reports a full disk as "disk I/O error"
        raise PackageError(
            "output-unwritable", f"cannot write the export: {getattr(exc, 'strerror', None) or exc}", str(out)
        ) from None
    except ImportError as exc:
        raise PackageError(
            "extra-missing", f"the {format.value} export needs {exc.name}: pip install 'miitdata[export]'"
        ) from None
    typer.echo(f"wrote {len(written)} file(s) to {out}")
