"""Check a claim against the sources: `miitdata.verify("西部地区…2021年升至19.21%")`.

Claims -> figures -> verdicts: `figures` finds each number phrase of a sentence (read by
`miitdata.numbers`), `periods` and `regions` what it is stated for, `index` what the package states
(stated observations with their quotes and word profiles), `judge` decides, `result` is the answer.
The module itself is callable, so `miitdata.verify(claim)` works whether or not this subpackage has
been imported.
"""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import TYPE_CHECKING

from miitdata.verify.result import EXIT_CODES, VERDICTS, FigureVerdict, Verification

if TYPE_CHECKING:
    from miitdata.dataset import Dataset
    from miitdata.verify.check import Verifier

__all__ = ["EXIT_CODES", "VERDICTS", "FigureVerdict", "Verification", "Verifier", "verifier", "verify"]


@lru_cache(maxsize=1)
def _bundled() -> Verifier:
    from miitdata.verify.check import Verifier

    return Verifier()


def verifier(ds: Dataset | None = None) -> Verifier:
    """A `Verifier` for `ds` (the bundled package, built once, when None)."""
    if ds is None:
        return _bundled()
    from miitdata.verify.check import Verifier

    return Verifier(ds)


def verify(claim: str, ds: Dataset | None = None) -> Verification:
    """Check `claim` (Chinese or English) against the sources of `ds` (default: the bundled package)."""
    return verifier(ds).verify(claim)


def __getattr__(name: str) -> object:
    if name == "Verifier":
        from miitdata.verify.check import Verifier

        return Verifier
    raise AttributeError(f"module 'miitdata.verify' has no attribute {name!r}")


class _CallableModule(types.ModuleType):
    def __call__(self, claim: str, ds: Dataset | None = None) -> Verification:
        return verify(claim, ds)


sys.modules[__name__].__class__ = _CallableModule
