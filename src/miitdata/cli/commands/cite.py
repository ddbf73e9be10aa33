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


def _discrepancy_line(discrepancy: dict[str, Any]) -> str:
    return (
        f"[yellow]⚠ known discrepancy {safe(discrepancy['discrepancy_id'])}[/] "
        f"({safe(discrepancy['kind'])}, {safe(discrepancy['resource'])} {safe(discrepancy['target'])}): "
        f"{safe(str(discrepancy['explanation']))}"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _print_citation(record: dict[str, Any]) -> None:
    """The text form of `cite_record`: the figure, how it is known, then each source and its quotes."""
    con = console()
    _print_figure(con, record["observation"])
    _print_how_known(con, record)
    for source in record["sources"]:
        _print_source(con, source)
        for quote in source["quotes"]:
            _print_quote(con, quote, highlight_markup=con.is_terminal)


def _print_figure(con: Any, figure: dict[str, Any]) -> None:
    """Who, what, when: region, period, indicator (English and Chinese), the value, status, note."""
    con.print(
        f"[bold cyan]{safe(figure['observation_id'])}[/]  [bold]{safe(str(figure['region_en']))}[/] "
        f"({safe(str(figure['region_zh']))}, {safe(figure['region_id'])}) · {safe(figure['period'])}",
        soft_wrap=True,
    )
    con.print(
        f"  {safe(str(figure['indicator_en']))}  [dim]({safe(figure['indicator_id'])})[/]", soft_wrap=True
    )
    con.print(f"  {safe(str(figure['indicator_zh']))}", soft_wrap=True)
    value = safe(figure["display_en"])
    if figure["display_zh"] != figure["display_en"]:
        value += f"[/]  /  [bold]{safe(figure['display_zh'])}"
    status = figure.get("status")
    not_actual = (
        f"   [bold magenta]{safe(str(status))} (not an actual figure)[/]"
        if status and status != "actual"
        else ""
    )
    con.print(f"  [bold]{value}[/]{not_actual}   [dim]event {safe(figure['event_id'])}[/]", soft_wrap=True)
    if figure.get("note"):
        con.print(f"  [dim]note: {safe(str(figure['note']))}[/]", soft_wrap=True)


def _print_how_known(con: Any, record: dict[str, Any]) -> None:
    """The relation that derives the figure (if any), its known discrepancies, and how many quote it."""
    derivation = record["derivation"]
    if derivation:
        operands = ", ".join(derivation["operands"]) or "no operands"
        how = f"{safe(derivation['kind'])} of {safe(operands)}"
        con.print(
            f"  derived by {safe(derivation['relation_id'])} ({how}): "
            f"{safe(str(derivation['statement'] or ''))} — not stated in any source; cite its operands",
            soft_wrap=True,
        )
    for discrepancy in record["discrepancies"]:
        con.print("  " + _discrepancy_line(discrepancy), soft_wrap=True)
    sources = record["sources"]
    quotes = sum(len(source["quotes"]) for source in sources)
    if quotes or not derivation:
        con.print(
            f"  stated by {_plural(len(sources), 'source')} in {_plural(quotes, 'quote')}", soft_wrap=True
        )


def _print_source(con: Any, source: dict[str, Any]) -> None:
    """A source's id and title, then publisher · date · language · kind."""
    con.print()
    publisher = source.get("publisher") or "publisher not stated"
    machine_translated = source.get("machine_translated") and source.get("kind") != "machine-translation"
    con.print(f"[bold magenta]{safe(source['source_id'])}[/]  {safe(str(source['title']))}", soft_wrap=True)
    con.print(
        f"  [dim]{safe(publisher)} · {safe(source.get('date_published'))} · {safe(source.get('language'))} · "
        f"{safe(source.get('kind'))}{', machine-translated' if machine_translated else ''}[/]",
        soft_wrap=True,
    )


def _quote_text(quote: dict[str, Any], highlight_markup: bool) -> str:
    """The quote with its value marked: reverse video on a terminal, else between ⟦ and ⟧."""
    exact = str(quote["exact"])
    value_span = quote.get("highlight")
    if not value_span:
        return safe(exact)
    start, end = value_span
    if highlight_markup:
        return f"{safe(exact[:start])}[bold reverse]{safe(exact[start:end])}[/]{safe(exact[end:])}"
    return safe(f"{exact[:start]}{HIGHLIGHT_OPEN}{exact[start:end]}{HIGHLIGHT_CLOSE}{exact[end:]}")


def _print_quote(con: Any, quote: dict[str, Any], highlight_markup: bool) -> None:
    """One quote: its id, offsets and value as written, the text, its note and discrepancies, a citation."""
    con.print(
        f"  [cyan]{safe(quote['mention_id'])}[/]  characters {quote['start']}–{quote['end']}  "
        f"value as written: [bold]{safe(str(quote['value_text']))}[/]",
        soft_wrap=True,
    )
    con.print(f"    “{_quote_text(quote, highlight_markup)}”", soft_wrap=True)
    if quote.get("note"):
        con.print(f"    [dim]note: {safe(str(quote['note']))}[/]", soft_wrap=True)
    for discrepancy in quote["discrepancies"]:
        con.print("    " + _discrepancy_line(discrepancy), soft_wrap=True)
    con.print(f"    [dim]cite:[/] {safe(quote['citation'])}", soft_wrap=True)
