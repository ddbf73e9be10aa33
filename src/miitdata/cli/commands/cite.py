"""`miitdata cite`: every quote of a figure, per source, with offsets and a ready-to-paste citation."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from miitdata.cli.app import CiteFormat, PackageOption, console, json_text, load_dataset, safe

HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "⟦", "⟧"  # marks the value inside a quote when the output is not a terminal


def cite(
    observation_id: Annotated[
        str, typer.Argument(help="Observation id, e.g. O0009 (o9 works too).", show_default=False)
    ],
    format: Annotated[
        CiteFormat, typer.Option("--format", "-f", help="Output format: text, json, bibtex, csl-json, ris.")
    ] = CiteFormat.text,
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

    ds = load_dataset(package)
    record = cite_record(ds, observation_id)
    if format is CiteFormat.json:
        sys.stdout.write(json_text(record))
        return
    if format in (CiteFormat.bibtex, CiteFormat.csl_json, CiteFormat.ris):
        from miitdata.query.citation_formats import FORMATTERS

        sys.stdout.write(FORMATTERS[format.value](record))
        return
    _print_citation(record)


def _discrepancy_line(d: dict[str, Any]) -> str:

    return (
        f"[yellow]⚠ known discrepancy {safe(d['discrepancy_id'])}[/] "
        f"({safe(d['kind'])}, {safe(d['resource'])} {safe(d['target'])}): "
        f"{safe(str(d['explanation']))}"
    )


def _print_citation(record: dict[str, Any]) -> None:

    con = console()
    tty = con.is_terminal
    o = record["observation"]
    n_sources = len(record["sources"])
    n_quotes = sum(len(s["quotes"]) for s in record["sources"])
    con.print(
        f"[bold cyan]{safe(o['observation_id'])}[/]  [bold]{safe(str(o['region_en']))}[/] "
        f"({safe(str(o['region_zh']))}, {safe(o['region_id'])}) · {safe(o['period'])}",
        soft_wrap=True,
    )
    con.print(f"  {safe(str(o['indicator_en']))}  [dim]({safe(o['indicator_id'])})[/]", soft_wrap=True)
    con.print(f"  {safe(str(o['indicator_zh']))}", soft_wrap=True)
    shown = safe(o["display_en"])
    if o["display_zh"] != o["display_en"]:
        shown += f"[/]  /  [bold]{safe(o['display_zh'])}"
    status = o.get("status")
    label = (
        f"   [bold magenta]{safe(str(status))} (not an actual figure)[/]"
        if status and status != "actual"
        else ""
    )
    con.print(f"  [bold]{shown}[/]{label}   [dim]event {safe(o['event_id'])}[/]", soft_wrap=True)
    if o.get("note"):
        con.print(f"  [dim]note: {safe(str(o['note']))}[/]", soft_wrap=True)
    if record["derivation"]:
        d = record["derivation"]
        con.print(
            f"  derived by {safe(d['relation_id'])} "
            f"({safe(d['kind'])} of {safe(', '.join(d['operands']) or 'no operands')}): "
            f"{safe(str(d['statement'] or ''))} — not stated in any source; cite its operands",
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
            f"[bold magenta]{safe(s['source_id'])}[/]  {safe(str(s['title']))}",
            soft_wrap=True,
        )
        con.print(
            f"  [dim]{safe(publisher)} · {safe(s.get('date_published'))} · {safe(s.get('language'))} · "
            f"{safe(s.get('kind'))}{mt}[/]",
            soft_wrap=True,
        )
        for q in s["quotes"]:
            exact = str(q["exact"])
            hl = q.get("highlight")
            if hl:
                a, b = hl
                if tty:
                    quote = f"{safe(exact[:a])}[bold reverse]{safe(exact[a:b])}[/]{safe(exact[b:])}"
                else:
                    quote = safe(f"{exact[:a]}{HIGHLIGHT_OPEN}{exact[a:b]}{HIGHLIGHT_CLOSE}{exact[b:]}")
            else:
                quote = safe(exact)
            con.print(
                f"  [cyan]{safe(q['mention_id'])}[/]  characters {q['start']}–{q['end']}  "
                f"value as written: [bold]{safe(str(q['value_text']))}[/]",
                soft_wrap=True,
            )
            con.print(f"    “{quote}”", soft_wrap=True)
            if q.get("note"):
                con.print(f"    [dim]note: {safe(str(q['note']))}[/]", soft_wrap=True)
            for d in q["discrepancies"]:
                con.print("    " + _discrepancy_line(d), soft_wrap=True)
            con.print(f"    [dim]cite:[/] {safe(q['citation'])}", soft_wrap=True)
