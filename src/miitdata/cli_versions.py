"""CLI commands for dataset versions: `miitdata metrics`, `miitdata versions`, `miitdata diff`.

Registered on the main app by importing this module at the end of `miitdata.cli`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli import app, fail
from miitdata.errors import PackageError

RepoOption = Annotated[
    str | None,
    typer.Option(
        "--repo",
        "-r",
        help="Git repository (path or URL). Default: the checkout of the current directory, else miitdata's.",
    ),
]


def _repo(repo: str | None) -> str | None:
    """The CLI's default repository: the checkout of the current directory, else miitdata's own."""
    if repo is not None:
        return repo
    from miitdata.versions import default_repo

    return str(default_repo(prefer_cwd=True))


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}") from None


@app.command()
def metrics(
    path: Annotated[
        Path | None,
        typer.Argument(help="A datapackage.json (or its directory). Default: the bundled package."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write metrics.json here instead of stdout.")
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the JSON validation report (without timings) here."),
    ] = None,
) -> None:
    """Dataset metrics (rows per resource, multi-source observations, errors, known discrepancies) as JSON.

    Runs all validation layers once. Exit 0 even when the package is invalid (the metrics record
    the errors); 2 when it cannot run. Used by the `validate` stage of dvc.yaml.

    Example: [bold]miitdata metrics datapackage.json -o metrics.json --report reports/validation.json[/bold]
    """
    from miitdata import metrics as m
    from miitdata.validation import validate

    try:
        result = validate(path)
        values = m.compute(path, report=result)
    except PackageError as exc:
        raise fail(str(exc)) from None
    if report is not None:
        _write(report, m.reproducible_report(result))
    _write(output, m.dumps(values))


@app.command()
def versions(
    repo: RepoOption = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.text,
    tag: Annotated[
        bool,
        typer.Option("--tag", help="Create the missing annotated tags vX.Y.Z at the release commits."),
    ] = False,
) -> None:
    """Every released dataset version (tags vX.Y.Z and the history of datapackage.json's version).

    Shows each version's commit, date and metrics (metrics.json at that commit, when present).
    With --tag, creates the missing release tags instead (for clones and mirrors without tags):
    idempotent; exit 1, creating nothing, when an existing tag points at another commit.
    """
    if tag:
        from miitdata.cli_release_tags import tag_command

        tag_command(_repo(repo), format is ListFormat.json)
        return
    from miitdata.versions import versions as list_versions

    try:
        found = list_versions(_repo(repo))
    except PackageError as exc:
        raise fail(str(exc)) from None
    if format is ListFormat.json:
        sys.stdout.write(json.dumps([v.to_dict() for v in found], ensure_ascii=False, indent=2) + "\n")
        return
    if not found:
        typer.echo("no released versions")
        return
    keys = ("observations", "mentions", "sources", "multi_source_observations", "errors")
    header = ["version", "tag", "commit", "date", *keys]
    table = [header]
    for v in found:
        table.append(
            [v.version, v.tag or "-", v.commit[:10], v.date[:10], *(str(v.metrics.get(k, "-")) for k in keys)]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Old revision: vX.Y.Z, a tag, branch or sha.")],
    b: Annotated[
        str | None, typer.Argument(help="New revision (default WORKTREE: the working tree of --repo).")
    ] = None,
    repo: RepoOption = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when ids of A's released version vanished in B.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Semantic diff of two dataset versions: observations added, removed, revised; mentions, sources, ...

    Text output is markdown (a pull-request comment). Vanished ids (ids of A's release missing in
    B) come first; with --strict they make the exit code 1. Exit 2 when it cannot run.

    Example: [bold]miitdata diff v0.1.0 HEAD[/bold]   [bold]miitdata diff v0.1.0 --strict[/bold]
    """
    from miitdata import diff as d

    try:
        result = d.diff(a, b, repo=_repo(repo))
    except PackageError as exc:
        raise fail(str(exc)) from None
    if format is DiffFormat.json:
        text = json.dumps(d.to_json(result), ensure_ascii=False, indent=2) + "\n"
    else:
        text = d.to_markdown(result) + "\n"
    _write(output, text)
    if strict and result["vanished"]:
        raise typer.Exit(1)
