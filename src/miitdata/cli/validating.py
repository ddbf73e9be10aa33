"""The body of `miitdata validate`, without typer or rich: run the layers, write the report, return the
exit code. The typer command (`commands/validate.py`) and the typer-free start (`miitdata.cli.fast`)
both call `execute`, so the two paths cannot drift apart."""

from __future__ import annotations

import sys
from pathlib import Path

from miitdata.cli.shared import Format, write_output


def execute(
    target: Path | None,
    format: Format,
    layers: list[str] | None,
    frictionless: bool,
    output: Path | None,
    show_known: bool,
) -> int:
    """Validate `target` (None: the bundled package) and write the report; 0 valid, 1 invalid.

    A `PackageError` propagates (exit 2 where the CLI maps it), after --format json|junit wrote its
    error document."""
    from miitdata.errors import PackageError
    from miitdata.validation import report as rep
    from miitdata.validation.run import validate as run_validate

    try:
        report = run_validate(target, layers=layers, frictionless=frictionless)
    except PackageError as exc:
        if format is Format.json:
            write_output(output, rep.error_json(exc) + "\n", "report")
        elif format is Format.junit:
            write_output(output, rep.error_junit(exc), "report")
        raise
    text: str | None
    if format is Format.json:
        text = report.to_json() + "\n"
    elif format is Format.junit:
        text = report.to_junit()
    elif output is not None:
        from miitdata.validation.render import report_text

        text = report_text(report, show_known=show_known)
    else:
        from miitdata.validation.render import print_report

        print_report(report, show_known=show_known)
        text = None
    if text is not None:
        write_output(output, text, "report")
    sys.stdout.flush()
    sys.stderr.write(rep.summary_line(report) + "\n")
    sys.stderr.flush()
    return 0 if report.valid else 1
