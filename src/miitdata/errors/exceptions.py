"""The exceptions miitdata raises on purpose, each carrying one run error of the catalogue.

`MiitdataError` is their base: `code` names the catalogue entry, `error` is its class, and the CLI
exits with `exit_code` (the entry's) after printing `messages()`: in one place, `miitdata.cli.main`.
An exception of any other type escaping a command is a bug (exit 2 all the same, never a traceback).
Subclasses elsewhere: `miitdata.versions.tags.TagConflictError`, `miitdata.numbers.NumberParseError`
(and its `UnitError`), `miitdata.numbers.periods.PeriodError`. Standard library only: imported by
`import miitdata`.
"""

from __future__ import annotations

from miitdata.errors.base import CATALOGUE, RUN, ErrorType

TYPE_CHECKING = False  # no `import typing` at `import miitdata` (annotations only)
if TYPE_CHECKING:
    from typing import Any


class MiitdataError(Exception):
    """An input miitdata cannot use, with the stable code of its run error in the catalogue."""

    code: str

    def __init__(self, code: str, message: str) -> None:
        error = CATALOGUE.get(code)
        if error is None or error.layer != RUN:
            raise ValueError(
                f"unknown {type(self).__name__} code {code!r}: add it to miitdata.errors as a RunError"
            )
        super().__init__(message)
        self.code = code
        self.error: type[ErrorType] = error
        self.message = message

    @property
    def exit_code(self) -> int:
        """The command line's exit code: 2 (could not run) or 1 (invalid), from the catalogue."""
        return self.error.exit_code

    def __str__(self) -> str:
        return self.message

    def where(self) -> str:
        """The place at fault as a message prefix (`PATH: row N: field F: `), or nothing."""
        return ""

    def messages(self) -> list[str]:
        """The lines the command line prints on stderr: `miitdata: error: [WHERE]MESSAGE [code]`."""
        return [f"miitdata: error: {self.where()}{self.message} [{self.code}]"]


class PackageError(MiitdataError):
    """The package (or another input) could not be used: exit code 2.

    `path` names the file at fault and `row`/`field` the place in it, where there is one.
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
        super().__init__(code, message)
        self.path = path
        self.row = row
        self.field = field

    def where(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if self.row is not None:
            where += f"row {self.row}: "
        if self.field is not None:
            where += f"field {self.field}: "
        return where

    def __str__(self) -> str:
        return f"{self.where()}{self.message} [{self.code}]"

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


class FilterError(MiitdataError, ValueError):
    """A filter value (indicator, region, period, event, source, status, observation id) names nothing.

    A ValueError too: a value given to `facts()`, `cite()` or `show` is wrong."""

    code = "filter-unknown"

    def __init__(self, message: str) -> None:
        super().__init__(type(self).code, message)
