"""`miitdata versions --tag`: output and exit codes (the logic is in `miitdata.versions.tags`)."""

from __future__ import annotations

import json
import sys

import typer


def tag_command(repo: str | None, as_json: bool) -> None:
    """Create the missing release tags of `repo`; one line per version (or JSON). Exit 1 on a conflict."""
    from miitdata.versions.tags import TagConflictError, tag_releases

    try:
        results = tag_releases(repo)
    except TagConflictError as exc:
        for conflict in exc.conflicts:
            typer.echo(f"miitdata: error: {conflict}", err=True)
        typer.echo("miitdata: no tag created or moved", err=True)
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(json.dumps([r.to_dict() for r in results], indent=2) + "\n")
        return
    if not results:
        typer.echo("no released versions")
        return
    for r in results:
        what = "created" if r.status == "created" else "already present"
        typer.echo(f"{r.tag}  {r.commit[:10]}  {what}")
    created = sum(r.status == "created" for r in results)
    typer.echo(f"{created} tag(s) created" if created else "nothing to do: every release is tagged")
