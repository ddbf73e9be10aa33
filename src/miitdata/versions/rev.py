"""Read any dataset version from git through DVC: `load_rev()` (what `miitdata.load(rev=...)` calls).

Files are read through `dvc.api` (the ``miitdata[dvc]`` extra, imported lazily), so DVC-tracked outputs
resolve as well as git-tracked ones.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from miitdata.atomic import atomic_path
from miitdata.dataset import Dataset
from miitdata.dataset import load as load_path
from miitdata.errors import PackageError, lookup
from miitdata.package import read_package
from miitdata.versions.git import DESCRIPTOR, local_repo, resolve, show, timeout

T = TypeVar("T")


def _dvc_api() -> Any:
    try:
        import dvc.api
    except ImportError:
        raise PackageError("dvc-missing", lookup("dvc-missing").template) from None
    return dvc.api


def load_rev(
    rev: str | None = None, repo: str | os.PathLike[str] | None = None, path: str | None = None
) -> Dataset:
    """Load the data package as it is at `rev` of `repo` (see the module docstring), through `dvc.api`.

    `path` is the descriptor's path inside the repository (default ``datapackage.json``).
    Returns the same `Dataset` as `miitdata.load()`, with `rev` set; its `path` is the version's
    descriptor materialised under `cache_dir()/<sha>/` (with its resources and source texts), so
    `miitdata.validate(ds.path)` validates that version.
    """
    api = _dvc_api()
    local = local_repo(repo)
    desc = (path or DESCRIPTOR).replace("\\", "/").removeprefix("./") or DESCRIPTOR
    if desc.endswith("/") or not desc.endswith(".json"):
        desc = desc.rstrip("/") + "/" + DESCRIPTOR
    sha = resolve(rev, local, desc)
    where = f"{repo or local}@{rev or 'HEAD'}"
    opened: list[Any] = []

    def dvc_fs() -> Any:
        if not opened:
            opened.append(guarded(lambda: api.DVCFileSystem(str(local), rev=sha), where, "open"))
        return opened[0]

    def read(relpath: str) -> bytes:
        """A git-tracked file straight from git (a damaged object: repo-unreadable), else through DVC."""
        data = show(local, sha, relpath)
        if data is not None:
            return data
        fs = dvc_fs()

        def dvc_read() -> bytes:
            with fs.open(relpath, mode="rb") as fh:
                return bytes(fh.read())

        try:
            return guarded(dvc_read, where, relpath)
        except FileNotFoundError:
            raise PackageError(
                "rev-file-not-found", f"{relpath}: no such file at this revision", where
            ) from None

    raw = read(desc)
    # Reuse the descriptor checks of `miitdata.load()` (shape, safe local paths) on a scratch copy.
    with tempfile.TemporaryDirectory(prefix="miitdata-rev-") as tmp:
        scratch = Path(tmp) / DESCRIPTOR
        scratch.write_bytes(raw)
        try:
            package = read_package(scratch)
        except PackageError as exc:
            raise PackageError(exc.code, exc.message, f"{where}:{desc}") from None
    base = desc.rsplit("/", 1)[0] + "/" if "/" in desc else ""
    files = {
        base + os.path.normpath(res["path"]).replace(os.sep, "/"): read(
            base + os.path.normpath(res["path"]).replace(os.sep, "/")
        )
        for res in package.resources.values()
    }
    files[desc] = raw
    texts = [os.path.normpath(res["path"]).replace(os.sep, "/") for res in package.texts.values()]
    for source in dict.fromkeys([*_source_paths(package, files, base), *texts]):
        with contextlib.suppress(PackageError):  # missing at that version: `validate` reports it
            files[base + source] = read(base + source)
    root = materialise(sha, files)
    return load_path(root / desc).with_rev(rev or sha)


def guarded(work: Callable[[], T], where: str, what: str) -> T:
    """`work()` (a DVC call) in a worker thread, waited for at most `git.timeout()` seconds.

    DVC reads git objects in threads of its own; when one dies (a damaged loose object makes pygit2
    raise in its reader thread) the reading call would wait on it forever. Any thread that dies while
    `work` runs ends the wait at once: `repo-unreadable` with that thread's error, as does a timeout.
    FileNotFoundError and PackageError from `work` pass through; any other error is `repo-unreadable`."""
    done = threading.Event()
    outcome: dict[str, Any] = {}
    previous_hook = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        outcome.setdefault("died", args.exc_value)
        done.set()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            done.set()

    threading.excepthook = hook
    try:
        worker = threading.Thread(target=target, name=f"miitdata-read-{what}", daemon=True)
        worker.start()
        finished = done.wait(timeout())
    finally:
        threading.excepthook = previous_hook
    if "value" in outcome:
        return outcome["value"]  # type: ignore[no-any-return]
    error = outcome.get("error")
    if isinstance(error, (FileNotFoundError, PackageError)):
        raise error
    if "died" in outcome or error is not None:
        cause = outcome.get("died", error)
        reason = f"{type(cause).__name__}: {str(cause).splitlines()[0][:200] if str(cause) else ''}"
        raise PackageError("repo-unreadable", f"cannot read {what}: {reason}", where) from None
    assert not finished
    raise PackageError("repo-unreadable", f"reading {what} did not finish within {timeout():g} s", where)


def cache_dir() -> Path:
    """Where versions are materialised: `$MIITDATA_CACHE`, else `$XDG_CACHE_HOME/miitdata`, else
    `~/.cache/miitdata`; one directory per commit sha, never modified once written."""
    if os.environ.get("MIITDATA_CACHE"):
        return Path(os.environ["MIITDATA_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "miitdata"


def materialise(sha: str, files: dict[str, bytes]) -> Path:
    """The files of one version written under `cache_dir()/<sha>/` (atomically: a whole directory renamed
    into place; a directory already there is reused, since a commit's files never change)."""
    root = cache_dir() / sha
    if all((root / rel).is_file() for rel in files):
        return root
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        if not root.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(root.parent))
        with atomic_path(root, directory=True) as tmp:  # the one atomic writer: whole or not at all
            for rel, data in files.items():
                target = tmp / rel
                if not target.resolve().is_relative_to(tmp.resolve()):
                    continue  # never outside the cache entry (paths were checked by read_package)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PackageError(
            "output-unwritable",
            f"cannot write the version cache ({reason}): set MIITDATA_CACHE to a writable directory",
            str(root),
        ) from None
    return root


def _source_paths(package: Any, files: dict[str, bytes], base: str) -> list[str]:
    """The raw texts the sources table names (so that validating the version checks them too)."""
    import csv

    if "sources" not in package.resources:
        return []
    rel = base + os.path.normpath(package.resources["sources"]["path"]).replace(os.sep, "/")
    try:
        rows = list(csv.DictReader(io.StringIO(files[rel].decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error, KeyError):
        return []
    out = []
    for row in rows:
        path = (row.get("path") or "").replace("\\", "/")
        if path and not path.startswith("/") and ".." not in path.split("/") and "://" not in path:
            out.append(os.path.normpath(path).replace(os.sep, "/"))
    return out
