"""Restore the release tags `vX.Y.Z` of a repository that lacks them (`miitdata versions --tag`).

Clones made with `--no-tags`, mirrors and some CI checkouts have no tags, so `dvc get/import --rev
vX.Y.Z` (which only know git revisions) cannot find a release. `tag_releases` creates an annotated
tag `vX.Y.Z` at each release commit that `miitdata.versions.git.versions()` finds (the first commit of
HEAD's history whose `datapackage.json` carries `X.Y.Z`).

All or nothing: every existing tag is checked first; when one points at another commit than the
release, `TagConflictError` names both commits and no tag is created or moved. The new tags are
written in one `git update-ref --stdin` transaction. A tag object is reproducible: its tagger date
is the release commit's committer date, so two machines with the same identity create the same tag.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from miitdata.errors import MiitdataError, PackageError
from miitdata.versions.git import commit_of, git, history, is_url, local_repo, run_git, versions

FALLBACK_IDENTITY = ("miitdata", "miitdata@localhost")
Status = Literal["created", "existing"]


@dataclass(frozen=True)
class TagResult:
    """One release tag: `created` by this run, or `existing` (already at the release commit)."""

    version: str
    tag: str
    commit: str
    status: Status

    def to_dict(self) -> dict[str, str]:
        return {"version": self.version, "tag": self.tag, "commit": self.commit, "status": self.status}


@dataclass(frozen=True)
class Conflict:
    tag: str
    tag_commit: str
    release_commit: str

    def __str__(self) -> str:
        return (
            f"tag {self.tag} points at {self.tag_commit}, but the release commit of "
            f"{self.tag[1:]} is {self.release_commit}"
        )


class TagConflictError(MiitdataError):
    """Existing tags point elsewhere than the releases; nothing was created or moved (exit 1)."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__("tag-conflict", "; ".join(str(c) for c in conflicts))
        self.conflicts = conflicts

    def messages(self) -> list[str]:
        """One line per conflict, then that nothing changed."""
        lines = [f"miitdata: error: {conflict} [{self.code}]" for conflict in self.conflicts]  # one each
        return [*lines, "miitdata: no tag created or moved"]


def tag_message(version: str) -> str:
    return f"miitdata dataset {version}"


def _identity_args(repo: Path) -> list[str]:
    """`-c user.name=… -c user.email=…` when the repository (or the user) has no git identity."""
    name = git(repo, "config", "--get", "user.name", check=False).strip()
    email = git(repo, "config", "--get", "user.email", check=False).strip()
    if name and email:
        return []
    env_name = os.environ.get("GIT_COMMITTER_NAME")
    env_email = os.environ.get("GIT_COMMITTER_EMAIL")
    user = name or env_name or FALLBACK_IDENTITY[0]
    address = email or env_email or FALLBACK_IDENTITY[1]
    return ["-c", f"user.name={user}", "-c", f"user.email={address}"]


def _git_input(repo: Path, args: list[str], data: str) -> str:
    proc = run_git(["-C", str(repo), *args], str(repo), input=data)
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise PackageError("git-error", f"git {args[0]}: {reason}", str(repo))
    return str(proc.stdout)


def _tag_object(repo: Path, identity: list[str], tag: str, sha: str, message: str) -> str:
    """Write an annotated tag object for `sha` (tagger date = the commit's date); return its id."""
    ident = git(repo, *identity, "var", "GIT_COMMITTER_IDENT", check=False).strip()
    if not ident:  # no identity at all, even with the fallbacks: should not happen
        raise PackageError("git-error", "git var GIT_COMMITTER_IDENT: no identity", str(repo))
    stamp = git(repo, "log", "-1", "--format=%ct %ci", sha).split()
    tz = stamp[-1] if len(stamp) >= 4 else "+0000"
    who = ident.rsplit(" ", 2)[0]  # "Name <email>" without git's current time
    body = f"object {sha}\ntype commit\ntag {tag}\ntagger {who} {stamp[0]} {tz}\n\n{message}\n"
    return _git_input(repo, ["mktag"], body).strip()


def refuse_incomplete_history(repo: Path) -> None:
    """`history-incomplete` for a shallow clone (its oldest commits are a cut, not the first commit of a
    version) or a partial clone (objects left on the server: a version's descriptor may be missing)."""
    if git(repo, "rev-parse", "--is-shallow-repository", check=False).strip() == "true":
        raise PackageError(
            "history-incomplete",
            "a shallow clone: the release commits cannot be found in a cut history; "
            "run `git fetch --unshallow` first",
            str(repo),
        )
    promisor = git(
        repo, "config", "--get-regexp", r"^(remote\..*\.promisor|extensions\.partialclone)$", check=False
    )
    if any(line.split()[-1].lower() not in ("false", "0", "no", "off") for line in promisor.splitlines()):
        raise PackageError(
            "history-incomplete",
            "a partial clone (objects left on the server): fetch the whole history first "
            "(`git fetch --refetch`, or clone without --filter)",
            str(repo),
        )


def tag_releases(repo: str | os.PathLike[str] | None = None, dry_run: bool = False) -> list[TagResult]:
    """Create the missing `vX.Y.Z` tags at the release commits of `repo` (a local repository).

    Returns one TagResult per release, oldest first. Raises TagConflictError (and creates nothing)
    when an existing tag points elsewhere; PackageError when `repo` is a URL or git fails.
    """
    if repo is not None and is_url(os.fspath(repo)):
        raise PackageError("tag-needs-local", "--tag needs a local repository, not a URL", os.fspath(repo))
    local = local_repo(repo)
    refuse_incomplete_history(local)
    release_of = {version: sha for version, sha, _ in history(local)}
    planned: list[TagResult] = []
    conflicts: list[Conflict] = []
    for v in versions(local):
        tag = f"v{v.version}"
        release = release_of.get(v.version, v.commit)
        tagged = commit_of(local, f"refs/tags/{tag}")
        if tagged is None:
            planned.append(TagResult(v.version, tag, release, "created"))
        elif tagged == release:
            planned.append(TagResult(v.version, tag, release, "existing"))
        else:
            conflicts.append(Conflict(tag, tagged, release))
    if conflicts:
        raise TagConflictError(conflicts)
    new = [r for r in planned if r.status == "created"]
    if new and not dry_run:
        identity = _identity_args(local)
        lines = []
        for r in new:
            obj = _tag_object(local, identity, r.tag, r.commit, tag_message(r.version))
            lines.append(f"create refs/tags/{r.tag} {obj}\n")
        # one transaction: either every new tag exists afterwards, or none does
        _git_input(local, ["update-ref", "--stdin"], "start\n" + "".join(lines) + "prepare\ncommit\n")
    return planned
