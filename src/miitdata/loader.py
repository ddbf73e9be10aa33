"""`miitdata.load()`: read a data package into typed DataFrames."""

from __future__ import annotations

from pathlib import Path

from miitdata.dataset import Dataset
from miitdata.package import read_package


def load(path: str | Path | None = None, *, rev: str | None = None, repo: str | None = None) -> Dataset:
    """Load the bundled package, a package at `path`, or (`rev`/`repo`) a version from git via DVC."""
    if rev is not None or repo is not None:
        from miitdata.versions import load_rev

        return load_rev(rev=rev, repo=repo, path=str(path) if path else None)
    from miitdata.schema import read_table

    package = read_package(path)
    tables = {
        name: read_table(str(package.resource_path(name)), res["schema"])
        for name, res in package.resources.items()
    }
    return Dataset(path=package.path, version=package.version, descriptor=package.descriptor, tables=tables)
