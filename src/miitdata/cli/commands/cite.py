"""`miitdata cite`: every quote of a figure, per source, with offsets and a ready-to-paste citation."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from miitdata.cli.app import Format, PackageOption, allow, console, json_text, load_dataset

HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "⟦", "⟧"  # marks the value inside a quote when the output is not a terminal


def cite(
    observation_id: Annotated[
        str, typer.Argument(help="Observation id, e.g. O0009 (o9 works too).", show_default=False)
    ],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format: text, json, bibtex, csl-json, ris.")
    ] = Format.text,
    package: PackageOption = None,
) -> None:
    """Cite a figure: every quote that states it, per source, with offsets and a ready-to-paste citation.

    Shows the figure (indicator, region, period, value), then for each source its title, publisher and
    date and each quote with the value highlighted, its character offsets into the raw text, and a
    citation; known discrepancies are shown beside the quote or figure they concern.
    An unknown id exits with code 2.

    Example: [bold]miitdata cite O0009[/bold]

    Example: [bold]miitdata cite O0009 --format json[/bold]

    Example: [bold]miitdata cite O0009 --format bibtex[/bold] (also csl-json, ris: the figure, its
    source documents and the dataset release, for a reference manager)
    """
    from miitdata.query.cite import cite_record

    allow(format, Format.text, Format.json, Format.bibtex, Format.csl_json, Format.ris)
    ds = load_dataset(package)
    record = cite_record(ds, observation_id)
    if format is Format.json:
        sys.stdout.write(json_text(record))
        return
    if format in (Format.bibtex, Format.csl_json, Format.ris):
        from miitdata.query.citation_formats import FORMATTERS

        sys.stdout.write(FORMATTERS[format.value](record))
        return
    _print_citation(record)


def _discrepancy_line(d: dict[str, Any]) -> str:
    from rich.markup import escape

    return (
        f"[yellow]⚠ known discrepancy {d['discrepancy_id']}[/] ({d['kind']}, {d['resource']} {d['target']}): "
        f"{escape(str(d['explanation']))}"
    )


def _print_citation(record: dict[str, Any]) -> None:
    from rich.markup import escape

    con = console()
    tty = con.is_terminal
    o = record["observation"]
    n_sources = len(record["sources"])
    n_quotes = sum(len(s["quotes"]) for s in record["sources"])
    con.print(
        f"[bold cyan]{o['observation_id']}[/]  [bold]{escape(str(o['region_en']))}[/] "
        f"({escape(str(o['region_zh']))}, {o['region_id']}) · {o['period']}",
        soft_wrap=True,
    )
    con.print(f"  {escape(str(o['indicator_en']))}  [dim]({o['indicator_id']})[/]", soft_wrap=True)
    con.print(f"  {escape(str(o['indicator_zh']))}", soft_wrap=True)
    shown = escape(o["display_en"])
    if o["display_zh"] != o["display_en"]:
        shown += f"[/]  /  [bold]{escape(o['display_zh'])}"
    status = o.get("status")
    label = (
        f"   [bold magenta]{escape(str(status))} (not an actual figure)[/]"
        if status and status != "actual"
        else ""
    )
    con.print(f"  [bold]{shown}[/]{label}   [dim]event {o['event_id']}[/]", soft_wrap=True)
    if o.get("note"):
        con.print(f"  [dim]note: {escape(str(o['note']))}[/]", soft_wrap=True)
    if record["derivation"]:
        d = record["derivation"]
        con.print(
            f"  derived by {d['relation_id']} ({d['kind']} of {', '.join(d['operands']) or 'no operands'}): "
            f"{escape(str(d['statement'] or ''))} — not stated in any source; cite its operands",
            soft_wrap=True,
        )
    for d in record["discrepancies"]:
        con.print("  " + _discrepancy_line(d), soft_wrap=True)
    if n_quotes or not record["derivation"]:
        con.print(
            f"  stated by {n_sources} source{'s' if n_sources != 1 else ''} "
            f"in {n_quotes} quote{'s' if n_quotes != 1 else ''}",
            soft_wrap=True,
        )
    for s in record["sources"]:
        con.print()
        publisher = s.get("publisher") or "publisher not stated"
        mt = (
            ", machine-translated"
            if s.get("machine_translated") and s.get("kind") != "machine-translation"
            else ""
        )
        con.print(
            f"[bold magenta]{s['source_id']}[/]  {escape(str(s['title']))}",
            soft_wrap=True,
        )
        con.print(
            f"  [dim]{escape(publisher)} · {s.get('date_published')} · {s.get('language')} · "
            f"{s.get('kind')}{mt}[/]",
            soft_wrap=True,
        )
        for q in s["quotes"]:
            exact = str(q["exact"])
            hl = q.get("highlight")
            if hl:
                a, b = hl
                if tty:
                    quote = f"{escape(exact[:a])}[bold reverse]{escape(exact[a:b])}[/]{escape(exact[b:])}"
                else:
                    quote = escape(f"{exact[:a]}{HIGHLIGHT_OPEN}{exact[a:b]}{HIGHLIGHT_CLOSE}{exact[b:]}")
            else:
                quote = escape(exact)
            con.print(
                f"  [cyan]{q['mention_id']}[/]  characters {q['start']}–{q['end']}  "
                f"value as written: [bold]{escape(str(q['value_text']))}[/]",
                soft_wrap=True,
            )
            con.print(f"    “{quote}”", soft_wrap=True)
            if q.get("note"):
                con.print(f"    [dim]note: {escape(str(q['note']))}[/]", soft_wrap=True)
            for d in q["discrepancies"]:
                con.print("    " + _discrepancy_line(d), soft_wrap=True)
            con.print(f"    [dim]cite:[/] {escape(q['citation'])}", soft_wrap=True)
