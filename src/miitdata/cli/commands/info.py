"""`miitdata info`: version, licence, where the package is, rows per resource, sources and events."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from miitdata.cli.app import PackageOption, TextJson, console, json_text, load_dataset, safe


def info(
    format: Annotated[
        TextJson, typer.Option("--format", "-f", help="Output format: text, json.")
    ] = TextJson.text,
    package: PackageOption = None,
) -> None:
    """Describe the data package: version, licence, where it is, rows per resource, sources and events.

    Example: [bold]miitdata info[/bold]

    Example: [bold]miitdata info --format json --package path/to/datapackage.json[/bold]
    """
    from rich.table import Table

    from miitdata.query.info import info_record

    rec = info_record(load_dataset(package))
    if format is TextJson.json:
        sys.stdout.write(json_text(rec))
        return
    con = console()
    con.print(
        f"[bold]{safe(str(rec['name']))} {safe(rec['version'])}[/]  {safe(str(rec['title']))}", soft_wrap=True
    )
    con.print(f"path:     {safe(rec['path'])}", soft_wrap=True)
    for lic in rec["licenses"]:
        con.print(f"licence:  {safe(lic.get('name', ''))} — {safe(lic.get('title', ''))}", soft_wrap=True)
    if rec.get("created"):
        con.print(f"created:  {rec['created']}")
    con.print()
    counts = Table(title="rows per resource", title_justify="left", box=None, padding=(0, 1), show_edge=False)
    counts.add_column("resource")
    counts.add_column("rows", justify="right")
    for name, n in rec["counts"].items():
        counts.add_row(name, f"{n:,}")
    con.print(counts)
    con.print()
    src = Table(title="sources", title_justify="left", box=None, padding=(0, 1), show_edge=False)
    for col in ("id", "language", "kind", "publisher", "published", "event"):
        src.add_column(col, overflow="fold")
    for s in rec["sources"]:
        kind = s["kind"] + (
            " (machine-translated)"
            if s.get("machine_translated") and s["kind"] != "machine-translation"
            else ""
        )
        src.add_row(
            safe(s["source_id"]),
            safe(s["language"]),
            safe(kind),
            safe(s.get("publisher") or "—"),
            str(s["date_published"]),
            safe(s["event_id"]),
        )
    con.print(src)
    con.print()
    ev = Table(title="events", title_justify="left", box=None, padding=(0, 1), show_edge=False)
    for col in ("id", "date", "host"):
        ev.add_column(col, overflow="fold")
    for e in rec["events"]:
        ev.add_row(safe(e["event_id"]), safe(e["date"]), safe(str(e["host"])))
    con.print(ev)
