"""`miitdata versions --tag`: output and exit codes (the logic is in `miitdata.versions.tags`)."""

from __future__ import annotations

import json
import sys

import typer


def tag_command(repo: str | None, as_json: bool) -> None:
    """Create the missing release tags of `repo`; one line per version (or JSON). A conflict raises
    TagConflictError (exit 1, each conflict on stderr: `miitdata.cli.main`)."""
    from miitdata.versions.tags import tag_releases

    results = tag_releases(repo)
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
