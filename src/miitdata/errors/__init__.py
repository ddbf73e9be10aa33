"""The one error catalogue: every code miitdata reports, with its layer, title, description and template.

Modelled on frictionless-py's errors: one class per error, each with a stable `code` (frictionless calls
it `type`), a `title`, a `description` and a message `template` filled from named parameters.

- Validation errors (exit 1) belong to one of the layers in `LAYERS`; the validator files them in its
  report (see `miitdata.validation.context.Context.error`).
- Run errors (layer `run`) stop a command: exit 2 (it could not run), or 1 where the error's class says
  so. Every exception miitdata raises on purpose derives from `MiitdataError` and carries one
  (`PackageError`, `FilterError`, `miitdata.versions.tags.TagConflictError`); the CLI turns it into its
  exit code in exactly one place (`miitdata.cli.main.main`).

The error tables of docs/errors.md and the CLI's `--layer` choices are generated from this module
(`miitdata.errors.markdown_table`; a test compares docs/errors.md with the catalogue in both directions).
Only the standard library: imported by `import miitdata`.
"""

from __future__ import annotations

from miitdata.errors import run, validation
from miitdata.errors.base import CATALOGUE, LAYERS, RUN, ErrorType
from miitdata.errors.exceptions import FilterError, MiitdataError, PackageError

__all__ = [
    "CATALOGUE",
    "LAYERS",
    "RUN",
    "ErrorType",
    "FilterError",
    "MiitdataError",
    "PackageError",
    "codes",
    "lookup",
    "markdown_table",
]
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
        lines = ["| code | exit | meaning |", "|---|---|---|"]
        lines += [f"| `{c}` | {CATALOGUE[c].exit_code} | {CATALOGUE[c].description} |" for c in codes(RUN)]
    else:
        lines = ["| type | layer | meaning |", "|---|---|---|"]
        lines += [
            f"| `{c}` | {cls.layer} | {cls.description} |" for c, cls in CATALOGUE.items() if cls.layer != RUN
        ]
    return "\n".join(lines)
