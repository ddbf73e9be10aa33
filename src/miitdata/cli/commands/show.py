"""`miitdata show`: facts (observations) as a table, CSV or JSON, with labels in English or Chinese."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from miitdata.cli.app import Lang, PackageOption, ShowFormat, console, json_text, load_dataset, safe
from miitdata.query.filters import Filters

SHOW_HEADERS = {
    "en": ("id", "indicator", "region", "period", "value", "sources"),
    "zh": ("编号", "指标", "地区", "时期", "数值", "来源数"),
}


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
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only facts of this status: actual, estimate, forecast, target (several: comma-separated).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the labels and units.")] = Lang.en,
    format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format: table, csv, json.")
    ] = ShowFormat.table,
    package: PackageOption = None,
) -> None:
    """Show facts (observations) as a table, with labels in English or Chinese.

    Values read as a person says them: [italic]≈ 100,000 亿元[/italic], [italic]> 30%[/italic],
    [italic]3.1 pp[/italic] / [italic]3.1个百分点[/italic], [italic]1.6×[/italic] / [italic]1.6倍[/italic].
    --format csv and json give raw values as well (columns value, unit, comparator, display).

    Example: [bold]miitdata show --region West --indicator industrial_va_share_of_national[/bold]

    Example: [bold]miitdata show --region 四川 --period 2021 --lang zh --format csv > sichuan.csv[/bold]
    """
    from miitdata.query.facts import MACHINE_COLUMNS, facts, facts_csv
    from miitdata.query.records import records

    ds = load_dataset(package)
    filters = Filters(
        indicator=indicator, region=region, period=period, event=event, source=source, status=status
    )
    frame = facts(ds, filters, lang.value)
    if format is ShowFormat.json:
        sys.stdout.write(json_text(records(frame[MACHINE_COLUMNS])))
    elif format is ShowFormat.csv:
        sys.stdout.write(facts_csv(frame))
    else:
        _show_table(frame, lang.value)


def _show_table(frame: Any, lang: str) -> None:
    from rich.table import Table

    con = console()
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
            safe(row.observation_id),
            safe(str(row.indicator)),
            safe(str(row.region)),
            safe(row.period),
            safe(row.display),
            safe(sources),
        )
    con.print(table)
    n = len(frame)
    con.print(
        f"[dim]{n} fact{'s' if n != 1 else ''}; `miitdata cite ID` shows the quotes of one[/]"
        if lang == "en"
        else f"[dim]共 {n} 条；`miitdata cite 编号` 显示其原文引文[/]"
    )
