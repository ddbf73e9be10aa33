"""Dataset versions in git: resolve `vX.Y.Z` to a commit and list releases (`rev.load_rev` reads one).

A dataset version is the package version (`datapackage.json` "version", tagged `vX.Y.Z`).
`vX.Y.Z` resolves to the git tag when it exists, else to the first commit of HEAD's history
whose `datapackage.json` carries that version; any other git revision (sha, branch, tag) works too.

`repo` is a local path or a git URL. It defaults to the git checkout miitdata runs from (the git
toplevel of the installed package, for editable installs), else the git toplevel of the current
directory. URLs are cloned once per process into a temporary directory (history only, no checkout).

Git is driven with plain `git` subprocess calls; files are read through `dvc.api` (the
``miitdata[dvc]`` extra, imported lazily), so DVC-tracked outputs resolve as well as git-tracked ones.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from miitdata.errors import PackageError

DESCRIPTOR = "datapackage.json"
METRICS = "metrics.json"
RELEASE_RE = re.compile(r"\d+\.\d+\.\d+")  # a release; 0.2.0.dev0 (work towards 0.2.0) is not one
VERSION_RE = re.compile(r"^v(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)$")

_clones: dict[str, Path] = {}


def timeout() -> float:
    """Seconds any one git command may take: `$MIITDATA_GIT_TIMEOUT`, else 120."""
    try:
        value = float(os.environ.get("MIITDATA_GIT_TIMEOUT", "120"))
    except ValueError:
        return 120.0
    return value if value > 0 else 120.0


def run_git(
    args: list[str], where: str, *, text: bool = True, input: str | None = None
) -> subprocess.CompletedProcess[Any]:
    """`git ARGS` with a timeout (`timeout()`), no prompt, C locale: a git that does not answer is
    `repo-unreadable`, a missing git `git-not-found`. Never raises for git's own exit status."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    limit = timeout()
    try:
        return subprocess.run(
            ["git", *args], capture_output=True, text=text, env=env, check=False, timeout=limit, input=input
        )
    except FileNotFoundError:
        raise PackageError("git-not-found", "the git command is not installed") from None
    except subprocess.TimeoutExpired:
        shown = " ".join(a for a in args if a not in ("-C", where))[:80]
        raise PackageError(
            "repo-unreadable", f"git {shown} did not answer within {limit:g} s", where
        ) from None


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run `git -C repo ARGS` and return stdout; a failure becomes a one-line PackageError."""
    proc = run_git(["-C", str(repo), *args], str(repo))
    if check and proc.returncode != 0:
        reason = _git_reason(proc.stderr, "git failed")
        code = "repo-unreadable" if damaged(proc.stderr) else "git-error"
        raise PackageError(code, f"git {' '.join(args[:2])}: {reason}", str(repo))
    return str(proc.stdout)


DAMAGE = re.compile(
    r"corrupt|inflate|unable to read|bad object|did not receive expected object|unable to unpack|"
    r"object file .* is empty|packfile .* cannot be accessed|missing blob|missing tree|missing commit|"
    r"fatal: failed to read object|error: unable to|cannot simplify commit|could not parse|could not read|"
    r"invalid object|broken link|object .* is a .*, not a",
    re.IGNORECASE,
)


def damaged(stderr: str) -> bool:
    """Whether git's message says the repository itself is damaged (a corrupt or missing object)."""
    return DAMAGE.search(stderr or "") is not None


def _git_reason(stderr: str, default: str) -> str:
    """The one line of git's stderr that says what went wrong (its `fatal:` line, else the last)."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    fatal = [line.removeprefix("fatal: ") for line in lines if line.startswith("fatal: ")]
    return (fatal or lines or [default])[0]


def is_url(repo: str) -> bool:
    return "://" in repo or re.match(r"^[\w.-]+@[\w.-]+:", repo) is not None


def default_repo(prefer_cwd: bool = False) -> Path:
    """The git toplevel of the checkout miitdata runs from, else of the current directory.

    With `prefer_cwd` (the CLI), the current directory's checkout comes first.
    """
    starts = [Path(__file__).resolve().parent, Path.cwd()]
    for start in reversed(starts) if prefer_cwd else starts:
        if not start.is_dir():
            continue
        out = git(start, "rev-parse", "--show-toplevel", check=False).strip()
        if out and (Path(out) / DESCRIPTOR).is_file():
            return Path(out)
    raise PackageError(
        "repo-not-found",
        "no git repository to read versions from: pass repo= (a path or URL) or run inside a checkout",
    )


def local_repo(repo: str | os.PathLike[str] | None) -> Path:
    """A local git repository for `repo`: the path itself, a process-wide clone of a URL, or the default."""
    if repo is None:
        return default_repo()
    text = os.fspath(repo)
    if is_url(text):
        if text not in _clones:
            dest = Path(tempfile.mkdtemp(prefix="miitdata-clone-"))
            atexit.register(shutil.rmtree, dest, True)
            proc = run_git(["clone", "--quiet", "--no-checkout", "--", text, str(dest)], text)
            if proc.returncode != 0:
                reason = _git_reason(proc.stderr, "git clone failed")
                raise PackageError("repo-not-found", f"cannot clone: {reason}", text)
            _clones[text] = dest
        return _clones[text]
    path = Path(text)
    if not path.is_dir():
        raise PackageError("repo-not-found", "no such directory", text)
    top = git(path, "rev-parse", "--show-toplevel", check=False).strip()
    if not top:
        if git(path, "rev-parse", "--is-bare-repository", check=False).strip() == "true":
            return path
        raise PackageError("repo-not-found", "not a git repository", text)
    return Path(top)


def commit_of(repo: Path, rev: str) -> str | None:
    out = git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", check=False)
    return out.strip() or None


def show(repo: Path, sha: str, path: str) -> bytes | None:
    """The bytes of `path` at commit `sha` (git-tracked files only), or None when git has no such file
    there. A damaged object (a corrupt or missing loose object or pack) is `repo-unreadable`."""
    proc = run_git(["-C", str(repo), "cat-file", "blob", f"{sha}:{path}"], str(repo), text=False)
    if proc.returncode == 0:
        return bytes(proc.stdout)
    stderr = bytes(proc.stderr).decode("utf-8", "replace")
    if damaged(stderr):
        reason = _git_reason(stderr, "a damaged object")
        raise PackageError("repo-unreadable", f"{path} at {sha[:12]}: {reason}", str(repo))
    return None


def version_at(repo: Path, sha: str, path: str = DESCRIPTOR) -> str | None:
    raw = show(repo, sha, path)
    if raw is None:
        return None
    try:
        value = json.loads(raw.decode("utf-8-sig")).get("version")
    except (ValueError, AttributeError):
        return None
    return str(value) if value is not None else None


@dataclass
class Version:
    """One released dataset version: where it is in git, and its metrics (metrics.json) when present."""

    version: str
    commit: str
    date: str
    tag: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "tag": self.tag,
            "commit": self.commit,
            "date": self.date,
            "metrics": self.metrics,
        }


def history(repo: Path, path: str = DESCRIPTOR) -> list[tuple[str, str, str]]:
    """(version, first commit carrying it, its commit date) along HEAD's history, oldest first.

    Only release versions (X.Y.Z) count: between releases `datapackage.json` carries the next
    version with a `.dev0` suffix, so the first commit carrying X.Y.Z is the release commit."""
    if commit_of(repo, "HEAD") is None:
        return []
    log = git(repo, "log", "--reverse", "--format=%H %cI", "HEAD", "--", path)
    seen: dict[str, tuple[str, str]] = {}
    for line in log.splitlines():
        sha, date = line.split(" ", 1)
        version = version_at(repo, sha, path)
        if version and RELEASE_RE.fullmatch(version) and version not in seen:
            seen[version] = (sha, date)
    return [(v, sha, date) for v, (sha, date) in seen.items()]


def resolve(rev: str | None, repo: Path, path: str = DESCRIPTOR) -> str:
    """The commit of `rev` (default HEAD): a `vX.Y.Z` tag, else the version's history, else any rev."""
    rev = rev or "HEAD"
    match = VERSION_RE.match(rev)
    if match:
        tagged = commit_of(repo, f"refs/tags/{rev}")
        if tagged:
            return tagged
        for version, released, _ in history(repo, path):
            if version == match.group(1):
                return released
    commit = commit_of(repo, rev)
    if commit is None:
        what = "no tag and no commit of HEAD's history with that version" if match else "unknown revision"
        raise PackageError("rev-not-found", f"{rev!r}: {what}", str(repo))
    return commit


def versions(repo: str | os.PathLike[str] | None = None, path: str = DESCRIPTOR) -> list[Version]:
    """Every released version: tags `vX.Y.Z` and each version of `datapackage.json` in HEAD's history."""
    local = local_repo(repo)
    found: dict[str, Version] = {}
    for version, released, date in history(local, path):
        found[version] = Version(version, released, date)
    tags = git(local, "tag", "--list", "v*", "--format=%(refname:short)").split()
    for tag in tags:
        match = VERSION_RE.match(tag)
        tagged = commit_of(local, f"refs/tags/{tag}") if match else None
        if not match or tagged is None:
            continue
        date = git(local, "log", "-1", "--format=%cI", tagged).strip()
        found[match.group(1)] = Version(match.group(1), tagged, date, tag=tag)
    for v in found.values():
        raw = show(local, v.commit, METRICS)
        if raw is not None:
            try:
                data = json.loads(raw)
                v.metrics = data if isinstance(data, dict) else {}
            except ValueError:
                v.metrics = {}
    return sorted(found.values(), key=lambda v: (v.date, _version_key(v.version)))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", version.split("-")[0].split("+")[0])[:3])
