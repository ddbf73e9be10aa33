"""The body of `miitdata validate`, without typer or rich: run the layers, write the report, return the
exit code. The typer command (`commands/validate.py`) and the typer-free start (`miitdata.cli.fast`)
both call `execute`, so the two paths cannot drift apart."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

from miitdata.cli.shared import write_output


class ValidateFormat(StrEnum):
    """The report formats of `validate`, and only those (each command has its own choices)."""

    text = "text"
    json = "json"
    junit = "junit"
    github = "github"
    sarif = "sarif"


def execute(
    target: Path | None,
    format: ValidateFormat | str,
    layers: list[str] | None,
    frictionless: bool,
    output: Path | None,
    show_known: bool,
) -> int:
    """Validate `target` (None: the bundled package) and write the report; 0 valid, 1 invalid.

    A `PackageError` propagates (exit 2 where the CLI maps it), after --format json|junit|github|sarif
    wrote its error document."""
    from miitdata.errors import PackageError
    from miitdata.validation import ci_formats
    from miitdata.validation import report as rep
    from miitdata.validation.memory import use_returning_pool
    from miitdata.validation.run import validate as run_validate

    format = ValidateFormat(str(format))
    use_returning_pool()  # this command owns its process: freed memory goes back at once
    try:
        report = run_validate(target, layers=layers, frictionless=frictionless)
    except PackageError as exc:
        if format is ValidateFormat.json:
            write_output(output, rep.error_json(exc) + "\n", "report")
        elif format is ValidateFormat.junit:
            write_output(output, rep.error_junit(exc), "report")
        elif format is ValidateFormat.github:
            write_output(output, ci_formats.github_run_error(exc), "report")
        elif format is ValidateFormat.sarif:
            write_output(output, ci_formats.sarif_run_error(exc), "report")
        raise
    text: str | None
    if format is ValidateFormat.json:
        text = report.to_json() + "\n"
    elif format is ValidateFormat.junit:
        text = report.to_junit()
    elif format is ValidateFormat.github:
        text = ci_formats.to_github(report)
    elif format is ValidateFormat.sarif:
        text = ci_formats.to_sarif(report)
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
