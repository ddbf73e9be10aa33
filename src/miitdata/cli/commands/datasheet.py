"""`miitdata datasheet`: the datasheet, one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from miitdata.cli.app import PackageOption, load_dataset, write_output

if TYPE_CHECKING:
    pass


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
    from miitdata.outputs.croissant import content_root_for
    from miitdata.outputs.datasheet import render_datasheet

    html = render_datasheet(ds, content_root_for(output, ds.path.parent))
    write_output(output, html, "datasheet")
    typer.echo(f"wrote {output} ({len(html.encode('utf-8')):,} bytes)", err=True)
