"""Human-readable rendering of validation reports.

The report is built as lines of styled segments (text, style). Off a terminal (CI logs, pipes, files)
the lines are written as plain text with the standard library; on a terminal rich draws the styles.
No text of the report is ever read as markup, so paths and quotes print as they are."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any, TextIO

from miitdata.validation.report import Error, Report, error_line

SHOWN_PER_LAYER = 25

Segment = tuple[str, str]  # (text, rich style; "" for none)
Line = list[Segment]


def report_lines(report: Report, *, show_known: bool = False) -> list[Line]:
    """The report, line by line. Its first line names the package, its version and the counts; known
    discrepancies are one counted line under `known` (listed with `show_known`)."""
    stats = report.stats()
    status = ("valid", "bold green") if report.valid else ("invalid", "bold red")
    lines: list[Line] = [
        [
            status,
            (
                f"  {report.path}  (version {report.version}, {stats['checks']} checks, "
                f"{stats['errors']} errors, {stats['known']} known discrepancies, {stats['seconds']:.2f}s)",
                "",
            ),
        ],
        [("rows: " + ", ".join(f"{k} {v}" for k, v in report.rows.items()), "dim")],
    ]
    for layer in report.layers:
        per = stats["layers"][layer]
        mark = ("✓", "green") if per["errors"] == 0 else ("✗", "red")
        counts = f": {per['checks']} checks, {per['errors']} errors, {per['known']} known"
        lines.append([mark, (" ", ""), (layer, "bold"), (counts, "")])
        errors = [e for e in report.errors if e.layer == layer and e.caused_by is None]
        for e in errors[:SHOWN_PER_LAYER]:
            lines.append([(error_line(report, e), "")])
            if e.followers:
                lines.append([(followers_line(report, e), "")])
        if len(errors) > SHOWN_PER_LAYER:
            more = f"  … and {len(errors) - SHOWN_PER_LAYER} more (use --format json for all)"
            lines.append([(more, "")])
        following = sum(1 for e in report.errors if e.layer == layer and e.caused_by is not None)
        if following:
            note = f"  ({following} more follow from the causes listed; --format json lists every error)"
            lines.append([(note, "")])
    if report.known:
        lines.append([("known", "bold")])
        if show_known:
            for e in report.known:
                lines.append([(error_line(report, e, text=f"[{e.waived_by}] {e.explanation}"), "")])
        else:
            waivers = sorted({e.waived_by for e in report.known if e.waived_by})
            summary = (
                f"  {len(report.known)} known discrepancies waived ({', '.join(waivers)}); "
                "--show-known lists them"
            )
            lines.append([(summary, "")])
    return lines


def followers_line(report: Report, cause: Error) -> str:
    """`  └ N errors follow from it: n1 type1 (file1), …; fix it first`."""
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


def report_text(report: Report, *, show_known: bool = False) -> str:
    """The report as plain text (no styles), lines joined with LF and ending with one."""
    return "".join(_plain(line) + "\n" for line in report_lines(report, show_known=show_known))


def print_report(
    report: Report, *, console: Any | None = None, show_known: bool = False, file: TextIO | None = None
) -> None:
    """The report on `console` (a rich Console), else on `file` (default stdout): styled on a terminal,
    plain text anywhere else (without importing rich)."""
    lines = report_lines(report, show_known=show_known)
    out = file if file is not None else sys.stdout
    if console is None and not out.isatty():
        out.write("".join(_plain(line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    con = console if console is not None else Console(file=out)
    for line in lines:
        con.print(Text.assemble(*line), soft_wrap=True, highlight=False)


def _plain(line: Line) -> str:
    text = "".join(text for text, _style in line)
    return "\n".join(part.rstrip() for part in text.split("\n"))
