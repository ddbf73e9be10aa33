"""`miitdata site OUTDIR`: write the explorer (registered on the app by the last lines of miitdata.cli).

A plain function with typer annotations; it imports nothing from `miitdata.cli`, so the command can move
without import cycles. Exit 0 written; 2 with a one-line reason when it cannot be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from miitdata.errors import PackageError


def _fail(message: str) -> typer.Exit:
    typer.echo(f"miitdata: error: {message}", err=True)
    return typer.Exit(2)


def site(
    outdir: Annotated[
        Path, typer.Argument(help="The directory to write (new, empty, or a site written before).")
    ],
    package: Annotated[
        Path | None,
        typer.Option(
            "--package",
            "-p",
            help="A datapackage.json (or its directory). Default: ./datapackage.json if there is one, "
            "else the package bundled with miitdata.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the explorer: a static site (index.html, assets/, datasheet.html) that opens from disk.

    Search and filter every figure, open one to see each quote of it inside its source (the value
    highlighted), its relations and known discrepancies, read each source with every figure marked.
    Nothing is fetched from the network. Re-running replaces a site written before; any other
    non-empty directory is refused.

    Example: [bold]miitdata site site/ && xdg-open site/index.html[/bold]
    """
    from miitdata.loader import load
    from miitdata.outputs.site import build_site

    if package is None and Path("datapackage.json").is_file():
        package = Path("datapackage.json")
    try:
        ds = load(package)
        written = build_site(ds, outdir)
    except PackageError as exc:
        raise _fail(str(exc)) from None
    size = sum(p.stat().st_size for p in written)
    typer.echo(f"wrote {len(written)} files ({size:,} bytes) to {outdir}; open {outdir / 'index.html'}")
