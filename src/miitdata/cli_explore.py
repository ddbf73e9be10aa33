"""Commands for people exploring the data: `show`, `cite`, `info`, `datasheet`.

Registered on the main app by one import at the end of `miitdata.cli`. Exit codes: 0 success; 2 bad
input (an unknown observation id, region, indicator, period ...; an unreadable package; an unwritable
output file), with a one-line reason on stderr and never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from miitdata.cli import app, fail
from miitdata.errors import PackageError

if TYPE_CHECKING:
    from rich.console import Console

    from miitdata.dataset import Dataset

HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "⟦", "⟧"  # marks the value inside a quote when the output is not a terminal


class Lang(StrEnum):
    en = "en"
    zh = "zh"


class ShowFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


PackageOption = Annotated[
    Path | None,
    typer.Option(
        "--package",
        "-p",
        help="A datapackage.json (or its directory). Default: the package bundled with miitdata.",
        show_default=False,
    ),
]


def _load(path: Path | None) -> Dataset:
    from miitdata.loader import load

    try:
        return load(path)
    except PackageError as exc:
        raise fail(str(exc)) from None


def _console(stderr: bool = False) -> Console:
    """A rich console; when not writing to a terminal, wide enough not to wrap table rows needlessly."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(file=stream)
    return Console(file=stream, width=int(os.environ.get("COLUMNS", "160")), no_color=True)


def _json_out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------------------------------
# show

SHOW_HEADERS = {
    "en": ("id", "indicator", "region", "period", "value", "sources"),
    "zh": ("编号", "指标", "地区", "时期", "数值", "来源数"),
}
MACHINE_COLUMNS = [
    "observation_id",
    "indicator_id",
    "indicator",
    "region_id",
    "region",
    "period",
    "comparator",
    "value",
    "unit",
    "display",
    "sources",
    "mentions",
    "event_id",
    "derived_by",
    "note",
]


@app.command()
def show(
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator", "-i", help="Indicator id or name (English or Chinese).", show_default=False
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            help="Region id or name, Chinese or English: CN-SC, Sichuan, 四川省, West, 西部地区.",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Keep periods lying within this one: 2021, 2024, 2012/2021, 2022-H1.",
            show_default=False,
        ),
    ] = None,
    event: Annotated[
        str | None,
        typer.Option("--event", "-e", help="Press conference: id or date (2022-09-23).", show_default=False),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", "-s", help="Only facts this source states (S000 … S004).", show_default=False
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the labels and units.")] = Lang.en,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.table,
    package: PackageOption = None,
) -> None:
    """Show facts (observations) as a table, with labels in English or Chinese.

    Values read as a person says them: [italic]≈ 100,000 亿元[/italic], [italic]> 30%[/italic],
    [italic]3.1 pp[/italic] / [italic]3.1个百分点[/italic], [italic]1.6×[/italic] / [italic]1.6倍[/italic].
    --format csv and json give raw values as well (columns value, unit, comparator, display).

    Example: [bold]miitdata show --region West --indicator industrial_va_share_of_national[/bold]

    Example: [bold]miitdata show --region 四川 --period 2021 --lang zh --format csv > sichuan.csv[/bold]
    """
    from miitdata.facts import FilterError

    ds = _load(package)
    try:
        frame = ds.facts(
            indicator=indicator, region=region, period=period, event=event, source=source, lang=lang.value
        )
    except FilterError as exc:
        raise fail(str(exc)) from None
    if format is ShowFormat.json:
        from miitdata.facts import _records

        _json_out(_records(frame[MACHINE_COLUMNS]))
        return
    if format is ShowFormat.csv:
        from miitdata.schema import number_text

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(MACHINE_COLUMNS)
        for row in frame[MACHINE_COLUMNS].itertuples(index=False):
            cells = []
            for col, cell in zip(MACHINE_COLUMNS, row, strict=True):
                if cell is None or (not isinstance(cell, str) and _isna(cell)):
                    cells.append("")
                elif col == "value":
                    cells.append(number_text(cell))
                else:
                    cells.append(str(cell))
            writer.writerow(cells)
        return
    _show_table(frame, lang.value)


def _isna(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def _show_table(frame: Any, lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    con = _console()
    if frame.empty:
        con.print("no facts match" if lang == "en" else "没有符合条件的数据")
        return
    heads = SHOW_HEADERS[lang]
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), show_edge=False)
    table.add_column(heads[0], no_wrap=True, style="cyan")
    table.add_column(heads[1], overflow="fold")
    table.add_column(heads[2], overflow="fold")
    table.add_column(heads[3], no_wrap=True)
    table.add_column(heads[4], justify="right", no_wrap=True, style="bold")
    table.add_column(heads[5], justify="right", no_wrap=True)
    derived_word = "derived" if lang == "en" else "推算"
    for row in frame.itertuples(index=False):
        derived = row.derived_by if isinstance(row.derived_by, str) else None
        sources = f"{derived_word} ({derived})" if derived else str(row.sources)
        table.add_row(
            row.observation_id,
            escape(str(row.indicator)),
            escape(str(row.region)),
            row.period,
            escape(row.display),
            sources,
        )
    con.print(table)
    n = len(frame)
    con.print(
        f"[dim]{n} fact{'s' if n != 1 else ''}; `miitdata cite ID` shows the quotes of one[/]"
        if lang == "en"
        else f"[dim]共 {n} 条；`miitdata cite 编号` 显示其原文引文[/]"
    )


# ---------------------------------------------------------------------------------------------------
# cite


@app.command()
def cite(
    observation_id: Annotated[
        str, typer.Argument(help="Observation id, e.g. O0009 (o9 works too).", show_default=False)
    ],
    format: Annotated[TextFormat, typer.Option("--format", "-f", help="Output format.")] = TextFormat.text,
    package: PackageOption = None,
) -> None:
    """Cite a figure: every quote that states it, per source, with offsets and a ready-to-paste citation.

    Shows the figure (indicator, region, period, value), then for each source its title, publisher and
    date and each quote with the value highlighted, its character offsets into the raw text, and a
    citation; known discrepancies are shown beside the quote or figure they concern.
    An unknown id exits with code 2.

    Example: [bold]miitdata cite O0009[/bold]

    Example: [bold]miitdata cite O0009 --format json[/bold]
    """
    from miitdata.facts import FilterError, cite_record

    ds = _load(package)
    try:
        record = cite_record(ds, observation_id)
    except FilterError as exc:
        raise fail(str(exc)) from None
    if format is TextFormat.json:
        _json_out(record)
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

    con = _console()
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
    con.print(f"  [bold]{shown}[/]   [dim]event {o['event_id']}[/]", soft_wrap=True)
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


# ---------------------------------------------------------------------------------------------------
# info


def info_record(ds: Dataset) -> dict[str, Any]:
    """What `miitdata info --format json` prints: version, path, licences, counts, sources, events."""
    from miitdata.facts import _records

    desc = ds.descriptor
    sources = ds.sources[
        [
            "source_id",
            "event_id",
            "language",
            "kind",
            "machine_translated",
            "publisher",
            "date_published",
            "title",
        ]
    ]
    events = ds.events[["event_id", "date", "host", "title_en", "title_zh"]]
    return {
        "name": desc.get("name"),
        "title": desc.get("title"),
        "version": ds.version,
        "created": desc.get("created"),
        "path": str(ds.path),
        "licenses": [
            {k: lic.get(k) for k in ("name", "title", "path") if lic.get(k)}
            for lic in desc.get("licenses", [])
        ],
        "counts": {name: len(frame) for name, frame in ds.tables.items()},
        "sources": _records(sources),
        "events": _records(events),
    }


@app.command()
def info(
    format: Annotated[TextFormat, typer.Option("--format", "-f", help="Output format.")] = TextFormat.text,
    package: PackageOption = None,
) -> None:
    """Describe the data package: version, licence, where it is, rows per resource, sources and events.

    Example: [bold]miitdata info[/bold]

    Example: [bold]miitdata info --format json --package path/to/datapackage.json[/bold]
    """
    from rich.markup import escape
    from rich.table import Table

    ds = _load(package)
    rec = info_record(ds)
    if format is TextFormat.json:
        _json_out(rec)
        return
    con = _console()
    con.print(
        f"[bold]{escape(str(rec['name']))} {rec['version']}[/]  {escape(str(rec['title']))}", soft_wrap=True
    )
    con.print(f"path:     {escape(rec['path'])}", soft_wrap=True)
    for lic in rec["licenses"]:
        con.print(f"licence:  {escape(lic.get('name', ''))} — {escape(lic.get('title', ''))}", soft_wrap=True)
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
            s["source_id"],
            s["language"],
            kind,
            escape(s.get("publisher") or "—"),
            str(s["date_published"]),
            s["event_id"],
        )
    con.print(src)
    con.print()
    ev = Table(title="events", title_justify="left", box=None, padding=(0, 1), show_edge=False)
    for col in ("id", "date", "host"):
        ev.add_column(col, overflow="fold")
    for e in rec["events"]:
        ev.add_row(e["event_id"], str(e["date"]), escape(str(e["host"])))
    con.print(ev)


# ---------------------------------------------------------------------------------------------------
# datasheet


@app.command()
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
    ds = _load(package)
    try:
        from miitdata.datasheet import render_datasheet
    except ImportError as exc:  # matplotlib missing
        raise fail(f"the datasheet needs matplotlib ({exc}): pip install 'miitdata[datasheet]'") from None
    html = render_datasheet(ds)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise fail(f"{output}: cannot write the datasheet: {exc.strerror or exc}") from None
    typer.echo(f"wrote {output} ({len(html.encode('utf-8')):,} bytes)", err=True)
