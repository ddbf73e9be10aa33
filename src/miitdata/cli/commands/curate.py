"""`miitdata curate`: the curator's commands (anchor, todo, add-source), a typer sub-app.

`miitdata.cli.main` registers it with `app.add_typer(curate_app, name="curate")`.
Exit codes: 0 done / nothing to do, 1 something to fix (a quote not found, offsets that would
change under --check, numbers not yet data), 2 could not run (`miitdata: error: ... [code]`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from miitdata.cli.app import CurateFormat, PackageOption, package_path
from miitdata.errors import PackageError

if TYPE_CHECKING:
    from miitdata.curate.anchor import Result
    from miitdata.curate.texts import Table
    from miitdata.package import Package

curate_app = typer.Typer(
    help="Curate the data: anchor quotes, list numbers not yet data, add a source.",
    no_args_is_help=True,
    add_completion=False,
)


def _package(path: Path | None) -> Package:
    from miitdata.curate.texts import open_package

    return open_package(package_path(path))


@curate_app.command()
def anchor(
    package: PackageOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 listing what would change.")
    ] = False,
) -> None:
    """Compute every mention's start, end, prefix and suffix (and value_start/value_end when the
    schema has them) from its exact quote: the occurrence nearest the current start wins."""
    from miitdata.curate.anchor import anchor_rows, describe_missing
    from miitdata.curate.csvio import render_csv
    from miitdata.curate.files import locked, write_files
    from miitdata.curate.guard import refuse_invalid
    from miitdata.curate.texts import read_table, source_texts

    pkg = _package(package)

    def compute() -> tuple[Table, Result]:
        table = read_table(pkg, "mentions")
        return table, anchor_rows(table.header, table.rows, source_texts(pkg))

    table, result = compute()
    if result.missing:
        for m in result.missing:
            typer.echo(describe_missing(m), err=True)
        typer.echo(f"{len(result.missing)} quote(s) not found; nothing written", err=True)
        raise typer.Exit(1)
    if check or not result.changes:
        for c in result.changes:
            typer.echo(f"{c.mention_id} {c.field}: {c.old!r} -> {c.new!r}")
        n = len({c.mention_id for c in result.changes})
        typer.echo(f"{n} of {len(table.rows)} mentions would change" if n else "all mentions anchored")
        raise typer.Exit(1 if result.changes else 0)
    with locked(pkg.root):  # read again under the lock: another curator may have written meanwhile
        table, result = compute()
        if result.missing:
            for m in result.missing:
                typer.echo(describe_missing(m), err=True)
            raise typer.Exit(1)
        files = {table.path: render_csv(table.header, result.rows)}
        refuse_invalid(pkg, files)
        write_files(files)
    n = len({c.mention_id for c in result.changes})
    typer.echo(f"anchored {n} of {len(table.rows)} mentions ({len(result.changes)} cells changed)")


@curate_app.command()
def todo(
    source_id: Annotated[str, typer.Argument(help="The source, e.g. S004.")],
    package: PackageOption = None,
    fmt: Annotated[
        CurateFormat,
        typer.Option("--format", "-f", help="text, json, or csv: draft mention rows to complete."),
    ] = CurateFormat.text,
) -> None:
    """List every number-like token of a source that no mention quotes and no exclusion lists.
    Exit 0 when there is none, 1 when there are some."""
    from miitdata.curate import todo as todo_mod
    from miitdata.curate.texts import exclusions, read_table, source_texts

    pkg = _package(package)
    texts = source_texts(pkg, {source_id})
    if source_id not in texts:
        raise PackageError("source-unknown", f"no source {source_id!r}", str(pkg.path))
    mentions = read_table(pkg, "mentions")
    items = todo_mod.uncovered(source_id, texts[source_id], mentions.rows, exclusions(pkg))
    if fmt is CurateFormat.json:
        typer.echo(json.dumps([t.as_dict() for t in items], ensure_ascii=False, indent=2))
    elif fmt is CurateFormat.csv:
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=mentions.header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(todo_mod.draft_rows(items, texts[source_id], mentions.header))
        sys.stdout.write(out.getvalue())
    else:
        for t in items:
            typer.echo(f"{t.source_id}@{t.start}\t{t.token}\t…{t.context}…")
        typer.echo(f"{len(items)} number(s) of {source_id} not yet data", err=bool(items))
    raise typer.Exit(1 if items else 0)


@curate_app.command("add-source")
def add_source_cmd(
    file: Annotated[Path, typer.Argument(help="The raw text (copied byte for byte).")],
    source_id: Annotated[str, typer.Option("--id", help="The new source id, e.g. S005.")],
    event: Annotated[str, typer.Option("--event", help="The event id (a row of events).")],
    language: Annotated[str, typer.Option("--language", help="zh, en or en+zh.")],
    kind: Annotated[str, typer.Option("--kind", help="official-summary, transcript, news-report, ...")],
    publisher: Annotated[str, typer.Option("--publisher", help="Publisher ('' when not stated).")],
    published: Annotated[str, typer.Option("--published", help="Date published, YYYY-MM-DD.")],
    title: Annotated[str, typer.Option("--title", help="Title as it appears in the text.")],
    package: PackageOption = None,
    machine_translated: Annotated[
        bool,
        typer.Option(
            "--machine-translated/--not-machine-translated", help="Whether it is machine-translated."
        ),
    ] = False,
    note: Annotated[str, typer.Option("--note", help="Known peculiarities of the text.")] = "",
) -> None:
    """Copy a raw text into data/sources/ and register it in sources (and the descriptor's list)."""
    from miitdata.curate.add_source import NewSource, add_source

    pkg = _package(package)
    src = NewSource(source_id, event, language, kind, publisher, published, title, machine_translated, note)
    target = add_source(pkg, file, src)
    typer.echo(f"added {source_id}: {target.relative_to(pkg.root).as_posix()}")
