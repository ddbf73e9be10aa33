"""`miitdata datasheet`: the datasheet, one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from miitdata.cli.app import PackageOption, load_dataset, write_output
from miitdata.errors import PackageError

if TYPE_CHECKING:
    from miitdata.dataset import Dataset


def render_datasheet_or_fail(ds: Dataset) -> str:
    """The datasheet's HTML; exit 2 with the pip command when matplotlib is missing."""
    try:
        from miitdata.outputs.datasheet import render_datasheet
    except ImportError:
        raise PackageError(
            "extra-missing", "the datasheet needs matplotlib: pip install 'miitdata[datasheet]'"
        ) from None
    return render_datasheet(ds)


def datasheet(
    output: Annotated[Path, typer.Argument(help="The HTML file to write.", show_default=False)],
    package: PackageOption = None,
) -> None:
    """Write the datasheet: one self-contained HTML page (charts as inline SVG, nothing fetched when viewed).

    Follows "Datasheets for Datasets" (Gebru et al.): motivation, composition, collection and curation,
    preprocessing, uses, distribution, maintenance, known discrepancies, how to validate, versions.
    The same package gives the same bytes.

    Example: [bold]miitdata datasheet datasheet.html[/bold]
    """
    ds = load_dataset(package)
    html = render_datasheet_or_fail(ds)
    write_output(output, html, "datasheet")
    typer.echo(f"wrote {output} ({len(html.encode('utf-8')):,} bytes)", err=True)
