"""Read any dataset version from git through DVC: `load_rev()` (what `miitdata.load(rev=...)` calls).

Files are read through `dvc.api` (the ``miitdata[dvc]`` extra, imported lazily), so DVC-tracked outputs
resolve as well as git-tracked ones.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from miitdata.dataset import Dataset
from miitdata.errors import PackageError, lookup
from miitdata.package import read_package
from miitdata.schema import read_table
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
    Returns the same `Dataset` as `miitdata.load()`, with `rev` set.
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
    tables = {
        name: read_table(
            io.BytesIO(read(base + os.path.normpath(res["path"]).replace(os.sep, "/"))), res["schema"]
        )
        for name, res in package.resources.items()
    }
    return Dataset(
        path=local / desc,
        version=package.version,
        descriptor=package.descriptor,
        tables=tables,
        rev=rev or sha,
    )
