"""The base of the error catalogue: `ErrorType` (one class per error) and the registry."""

from __future__ import annotations

import string

TYPE_CHECKING = False  # no `import typing` at `import miitdata` (annotations only)
if TYPE_CHECKING:
    from typing import Any, ClassVar

LAYERS = ("structure", "content", "provenance", "consistency", "relations")
RUN = "run"  # the pseudo-layer of errors that stop a command (exit 2, or 1 where the class says)


class ErrorType:
    """One kind of error. Subclasses set the class attributes; `format(**params)` fills the template."""

    code: ClassVar[str] = ""
    layer: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    template: ClassVar[str] = "{note}"
    exit_code: ClassVar[int] = 1  # the CLI's exit: 1 invalid, 2 could not run (every RunError but a few)

    @classmethod
    def params(cls) -> list[str]:
        """The names the template needs."""
        return [name for _, name, _, _ in string.Formatter().parse(cls.template) if name]

    @classmethod
    def format(cls, **params: Any) -> str:
        """The message for this error; a missing parameter is a programming error (KeyError)."""
        return cls.template.format(**params)


CATALOGUE: dict[str, type[ErrorType]] = {}


def register(cls: type[ErrorType]) -> type[ErrorType]:
    if cls.code in CATALOGUE:
        raise RuntimeError(f"error code {cls.code!r} is defined twice")
    if cls.layer not in (*LAYERS, RUN):
        raise RuntimeError(f"error code {cls.code!r} has unknown layer {cls.layer!r}")
    CATALOGUE[cls.code] = cls
    return cls
