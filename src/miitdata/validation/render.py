"""Human-readable rendering (rich) of validation reports."""

from __future__ import annotations

from io import StringIO
from typing import Any

from miitdata.validation.report import Error, Report, error_line

SHOWN_PER_LAYER = 25
UNWRAPPED = 100_000  # the width when not writing to a terminal: never reached, so nothing wraps


def print_report(report: Report, *, console: Any | None = None, show_known: bool = False) -> None:
    """The report as text. Its first line names the package, its version and the counts; known
    discrepancies are one counted line under `known` (listed with `show_known`)."""
    from rich.markup import escape

    con = console if console is not None else _console()
    stats = report.stats()
    status = "[bold green]valid[/]" if report.valid else "[bold red]invalid[/]"
    con.print(
        f"{status}  {escape(report.path)}  (version {escape(report.version)}, {stats['checks']} checks, "
        f"{stats['errors']} errors, {stats['known']} known discrepancies, {stats['seconds']:.2f}s)",
        soft_wrap=True,
    )
    rows = ", ".join(f"{k} {v}" for k, v in report.rows.items())
    con.print(f"[dim]rows: {rows}[/]")
    for layer in report.layers:
        per = stats["layers"][layer]
        mark = "[green]✓[/]" if per["errors"] == 0 else "[red]✗[/]"
        con.print(
            f"{mark} [bold]{layer}[/]: {per['checks']} checks, {per['errors']} errors, {per['known']} known"
        )
        errors = [e for e in report.errors if e.layer == layer and e.caused_by is None]
        for e in errors[:SHOWN_PER_LAYER]:
            con.print(escape(error_line(report, e)), soft_wrap=True, highlight=False)
            if e.followers:
                con.print(escape(followers_line(report, e)), soft_wrap=True, highlight=False)
        if len(errors) > SHOWN_PER_LAYER:
            con.print(f"  … and {len(errors) - SHOWN_PER_LAYER} more (use --format json for all)")
        following = sum(1 for e in report.errors if e.layer == layer and e.caused_by is not None)
        if following:
            con.print(f"  ({following} more follow from the causes listed; --format json lists every error)")
    if report.known:
        con.print("[bold]known[/]")
        if show_known:
            for e in report.known:
                line = error_line(report, e, text=f"[{e.waived_by}] {e.explanation}")
                con.print(escape(line), soft_wrap=True, highlight=False)
        else:
            waivers = sorted({e.waived_by for e in report.known if e.waived_by})
            con.print(
                f"  {len(report.known)} known discrepancies waived ({', '.join(waivers)}); "
                "--show-known lists them",
                soft_wrap=True,
            )


def followers_line(report: Report, cause: Error) -> str:
    """`  └ N errors follow from it: n1 type1 (file1), …; fix it first`."""
    from collections import Counter

    kinds = Counter(
        (e.type, e.path or "")
        for e in report.errors
        if e.caused_by is not None and report.errors[e.caused_by] is cause
    )
    shown = ", ".join(
        f"{n} {kind} ({path})" if path else f"{n} {kind}" for (kind, path), n in kinds.most_common(6)
    )
    more = ", …" if len(kinds) > 6 else ""
    return f"  └ {cause.followers} more error(s) follow from this one: {shown}{more}; fix it first"


def _console() -> Any:
    """stdout's console: a terminal's width, else no hard wrapping at all (CI logs keep whole paths)."""
    import sys

    from rich.console import Console

    if sys.stdout.isatty():
        return Console()
    return Console(width=UNWRAPPED, no_color=True, soft_wrap=True)


def report_text(report: Report, *, show_known: bool = False) -> str:
    from rich.console import Console

    buf = StringIO()
    print_report(report, console=Console(file=buf, width=UNWRAPPED, no_color=True), show_known=show_known)
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))
