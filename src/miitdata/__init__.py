"""miitdata: statistics announced at China's MIIT press conferences, as a validated data package.

    >>> import miitdata
    >>> pkg = miitdata.load()            # the bundled data package
    >>> pkg.observations.head()          # one pandas DataFrame per resource
    >>> report = miitdata.validate()     # every validation layer, one report
    >>> miitdata.verify("西部地区工业增加值占全国比重2021年升至19.21%").verdict   # 'supported'

Importing this module loads only the standard library; pandas, pandera, frictionless and dvc
are imported on first use.
"""

from __future__ import annotations

__all__ = ["FilterError", "MiitdataError", "PackageError", "__version__", "load", "validate", "verify"]

from miitdata import files as _files  # noqa: F401  (raises the csv field limit for every reader)
from miitdata.errors import FilterError, MiitdataError, PackageError

TYPE_CHECKING = False  # `import typing` costs a fifth of `import miitdata`: only type checkers import it

if TYPE_CHECKING:
    from typing import Any

    from miitdata.dataset import Dataset
    from miitdata.validation.report import Report
    from miitdata.verify.result import Verification


def load(path: str | None = None, *, rev: str | None = None, repo: str | None = None) -> Dataset:
    """Load the data package: the bundled one, a `datapackage.json` at `path`, or a version.

    `rev`/`repo` read another dataset version (a tag such as ``v0.1.0``, a branch or a sha)
    from a git repository through DVC; they need the ``miitdata[dvc]`` extra.
    """
    if rev is not None or repo is not None:
        from miitdata.versions.rev import load_rev

        return load_rev(rev=rev, repo=repo, path=str(path) if path else None)
    from miitdata.dataset import load as load_path

    return load_path(path)


def validate(path: str | None = None, **options: Any) -> Report:
    """Validate a data package (the bundled one by default) and return the report."""
    from miitdata.validation.run import validate as run_validate

    return run_validate(path, **options)


def verify(claim: str, ds: Any = None) -> Verification:
    """Check a claim (a sentence in Chinese or English) against the sources of the bundled package (or of
    the loaded package `ds`): each figure it states is supported, contradicted (and how), not found or
    ambiguous, with the quotes as evidence. See `miitdata.verify` (the subpackage is callable too)."""
    from miitdata.verify import verify as run_verify

    return run_verify(claim, ds)


def __getattr__(name: str) -> Any:
    # `__version__` is looked up lazily: importlib.metadata costs ~40 ms at import time.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("miitdata")
        except metadata.PackageNotFoundError:  # a plain checkout, not installed
            return "0.0.0+checkout"
    raise AttributeError(f"module 'miitdata' has no attribute {name!r}")
