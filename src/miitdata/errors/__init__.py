"""The one error catalogue: every code miitdata reports, with its layer, title, description and template.

Modelled on frictionless-py's errors: one class per error, each with a stable `code` (frictionless calls
it `type`), a `title`, a `description` and a message `template` filled from named parameters.

- Validation errors (exit 1) belong to one of the layers in `LAYERS`; the validator files them in its
  report (see `miitdata.validation.context.Context.error`).
- Run errors (layer `run`, exit 2) stop a command before it can run; `PackageError` carries one, and
  the CLI turns it into exit code 2 in exactly one place (`miitdata.cli.main.main`).

The error tables of docs/errors.md and the CLI's `--layer` choices are generated from this module
(`miitdata.errors.markdown_table`; a test compares docs/errors.md with the catalogue in both directions).
Only the standard library: imported by `import miitdata`.
"""

from __future__ import annotations

from typing import Any

from miitdata.errors import run, validation
from miitdata.errors.base import CATALOGUE, LAYERS, RUN, ErrorType

__all__ = ["CATALOGUE", "LAYERS", "RUN", "ErrorType", "PackageError", "codes", "lookup", "markdown_table"]
_DEFINITIONS = (run, validation)  # importing them fills CATALOGUE


def lookup(code: str) -> type[ErrorType]:
    """The error class of `code`; KeyError naming the catalogue when there is none."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise KeyError(f"unknown error code {code!r}: add it to miitdata.errors") from None


def codes(layer: str | None = None) -> list[str]:
    """Every code (of one layer, or `run` for exit-2 codes), in catalogue order."""
    return [c for c, cls in CATALOGUE.items() if layer is None or cls.layer == layer]


def markdown_table(kind: str) -> str:
    """The docs/errors.md table of `run` codes (kind="run") or of validation types (kind="validation")."""
    if kind == RUN:
        lines = ["| code (exit 2) | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {CATALOGUE[c].description} |" for c in codes(RUN)]
    else:
        lines = ["| type | layer | meaning |", "|---|---|---|"]
        lines += [
            f"| `{c}` | {cls.layer} | {cls.description} |" for c, cls in CATALOGUE.items() if cls.layer != RUN
        ]
    return "\n".join(lines)


class PackageError(Exception):
    """The package (or another input) could not be used: exit code 2.

    Carries one run error of the catalogue: `code` is stable, `error` its class, `path` names the file
    at fault and `row`/`field` the place in it, where there is one.
    """

    def __init__(
        self,
        code: str,
        message: str,
        path: str | None = None,
        *,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        error = CATALOGUE.get(code)
        if error is None or error.layer != RUN:
            raise ValueError(f"unknown PackageError code {code!r}: add it to miitdata.errors as a RunError")
        super().__init__(message)
        self.code = code
        self.error = error
        self.message = message
        self.path = path
        self.row = row
        self.field = field

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if self.row is not None:
            where += f"row {self.row}: "
        if self.field is not None:
            where += f"field {self.field}: "
        return f"{where}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form (the JSON/JUnit error document of exit 2)."""
        return {
            "code": self.code,
            "title": self.error.title,
            "message": self.message,
            "path": self.path,
            "row": self.row,
            "field": self.field,
        }
