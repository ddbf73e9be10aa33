"""CLI commands for dataset versions: `miitdata metrics`, `miitdata versions`, `miitdata diff`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from miitdata.cli.app import (
    OutputOption,
    PackageOption,
    TextJson,
    one_package,
    write_output,
)

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
    from miitdata.versions.git import default_repo

    return str(default_repo(prefer_cwd=True))


def metrics(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A datapackage.json (or its directory). Default: ./datapackage.json if there is one, "
            "else the bundled package."
        ),
    ] = None,
    output: OutputOption = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the JSON validation report (without timings) here."),
    ] = None,
    package: PackageOption = None,
) -> None:
    """Dataset metrics (rows per resource, multi-source observations, errors, known discrepancies) as JSON.

    Runs all validation layers once. Exit 0 even when the package is invalid (the metrics record
    the errors); 2 when it cannot run. Used by the `validate` stage of dvc.yaml.

    Example: [bold]miitdata metrics datapackage.json -o metrics.json --report reports/validation.json[/bold]
    """
    from miitdata.outputs import metrics as m
    from miitdata.validation.run import validate

    target = one_package(path, package)
    result = validate(target)
    values = m.compute(target, report=result)
    if report is not None:
        write_output(report, m.reproducible_report(result), "report", make_parents=True)
    write_output(output, m.dumps(values), "metrics", make_parents=True)


def versions(
    repo: RepoOption = None,
    format: Annotated[
        TextJson, typer.Option("--format", "-f", help="Output format: text, json.")
    ] = TextJson.text,
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
        from miitdata.cli.commands.release_tags import tag_command

        tag_command(_repo(repo), format is TextJson.json)
        return
    from miitdata.versions.git import versions as list_versions

    found = list_versions(_repo(repo))
    if format is TextJson.json:
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


def diff(
    a: Annotated[str, typer.Argument(help="Old revision: vX.Y.Z, a tag, branch or sha.")],
    b: Annotated[
        str | None, typer.Argument(help="New revision (default WORKTREE: the working tree of --repo).")
    ] = None,
    repo: RepoOption = None,
    format: Annotated[
        TextJson, typer.Option("--format", "-f", help="Output format: text, json.")
    ] = TextJson.text,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when ids of A's released version vanished in B (retired ids are fine)."
        ),
    ] = False,
    output: OutputOption = None,
) -> None:
    """Semantic diff of two dataset versions: observations added, removed, revised; mentions, sources, ...

    Text output is markdown (a pull-request comment). Vanished ids (ids of A's release missing in
    B and not in B's retired table) come first; with --strict they make the exit code 1. Exit 2 when
    it cannot run.

    Example: [bold]miitdata diff v0.1.0 HEAD[/bold]   [bold]miitdata diff v0.1.0 --strict[/bold]
    """
    from miitdata.versions import diff as d

    result = d.diff(a, b, repo=_repo(repo))
    if format is TextJson.json:
        text = json.dumps(d.to_json(result), ensure_ascii=False, indent=2) + "\n"
    else:
        text = d.to_markdown(result) + "\n"
    write_output(output, text, "diff")
    if strict and result["vanished"]:
        raise typer.Exit(1)
