"""Read any dataset version from git through DVC: `load_rev()` (what `miitdata.load(rev=...)` calls).

Files are read through `dvc.api` (the ``miitdata[dvc]`` extra, imported lazily), so DVC-tracked outputs
resolve as well as git-tracked ones.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from miitdata.dataset import Dataset
from miitdata.dataset import load as load_path
from miitdata.errors import PackageError, lookup
from miitdata.package import read_package
from miitdata.versions.git import DESCRIPTOR, local_repo, resolve


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
    try:
        fs = api.DVCFileSystem(str(local), rev=sha)
    except Exception as exc:
        raise PackageError("repo-unreadable", f"dvc cannot open the repository: {exc}", where) from None

    def read(relpath: str) -> bytes:
        try:
            with fs.open(relpath, mode="rb") as fh:
                return bytes(fh.read())
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
    for source in _source_paths(package, files, base):
        with contextlib.suppress(PackageError):  # missing at that version: `validate` reports it
            files[base + source] = read(base + source)
    root = materialise(sha, files)
    return load_path(root / desc).with_rev(rev or sha)


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
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{sha}.", dir=root.parent))
    try:
        for rel, data in files.items():
            target = tmp / rel
            if not target.resolve().is_relative_to(tmp.resolve()):
                continue  # never outside the cache entry (paths were checked by read_package)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if root.exists():
            shutil.rmtree(root)
        os.replace(tmp, root)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
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
