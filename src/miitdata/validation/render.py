"""Human-readable rendering (rich) of validation reports."""

from __future__ import annotations

from io import StringIO

from miitdata.validation.report import Error, Report

SHOWN_PER_LAYER = 25


def print_report(report: Report, *, console: object | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    con = console if console is not None else Console()
    stats = report.stats()
    status = "[bold green]valid[/]" if report.valid else "[bold red]invalid[/]"
    con.print(
        f"{status}  {report.path}  (version {report.version}, {stats['checks']} checks, "
        f"{stats['errors']} errors, {stats['known']} known discrepancies, {stats['seconds']:.2f}s)"
    )
    rows = ", ".join(f"{k} {v}" for k, v in report.rows.items())
    con.print(f"[dim]rows: {rows}[/]")
    for layer in report.layers:
        per = stats["layers"][layer]
        mark = "[green]✓[/]" if per["errors"] == 0 else "[red]✗[/]"
        con.print(
            f"{mark} [bold]{layer}[/]: {per['checks']} checks, {per['errors']} errors, {per['known']} known"
        )
        errors = [e for e in report.errors if e.layer == layer]
        if errors:
            con.print(_table(Table, errors[:SHOWN_PER_LAYER], "red"))
            if len(errors) > SHOWN_PER_LAYER:
                con.print(f"  … and {len(errors) - SHOWN_PER_LAYER} more (use --format json for all)")
        known = [e for e in report.known if e.layer == layer]
        if known:
            con.print(_table(Table, known[:SHOWN_PER_LAYER], "yellow", known=True))


def _table(table_cls: type, errors: list[Error], style: str, known: bool = False) -> object:
    table = table_cls(show_header=True, header_style=f"bold {style}", box=None, padding=(0, 1))
    table.add_column("type", style=style, no_wrap=True)
    table.add_column("resource")
    table.add_column("row", justify="right")
    table.add_column("field")
    table.add_column("id")
    table.add_column("explanation" if known else "message", overflow="fold")
    for e in errors:
        table.add_row(
            e.type,
            e.resource or "",
            str(e.row or ""),
            e.field or "",
            e.id or "",
            f"[{e.waived_by}] {e.explanation}" if known else e.message,
        )
    return table


def report_text(report: Report) -> str:
    from rich.console import Console

    buf = StringIO()
    print_report(report, console=Console(file=buf, width=120, no_color=True))
    return buf.getvalue()
