"""`miitdata site OUTDIR`: write the explorer. Exit 0 written; 2 with a one-line reason when it cannot."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli.app import PackageOption, load_dataset


def site(
    outdir: Annotated[
        Path, typer.Argument(help="The directory to write (new, empty, or a site written before).")
    ],
    package: PackageOption = None,
) -> None:
    """Write the explorer: a static site (index.html, assets/, datasheet.html) that opens from disk.

    Search and filter every figure, open one to see each quote of it inside its source (the value
    highlighted), its relations and known discrepancies, read each source with every figure marked.
    Nothing is fetched from the network. Re-running replaces a site written before; any other
    non-empty directory is refused.

    Example: [bold]miitdata site site/ && xdg-open site/index.html[/bold]
    """
    from miitdata.outputs.site import build_site

    written = build_site(load_dataset(package), outdir)
    size = sum(p.stat().st_size for p in written)
    typer.echo(f"wrote {len(written)} files ({size:,} bytes) to {outdir}; open {outdir / 'index.html'}")
