"""What the validation layers share: the package, its tables, what earlier layers computed, the errors.

Each layer is a module of `miitdata.validation.layers` with `CODES` (the error codes it can raise, from
`miitdata.errors`) and `run(ctx)`. Layers hand data on through typed fields of `Context`, never
through an untyped dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from miitdata.errors import lookup
from miitdata.validation.report import Check, Error

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.package import Package
    from miitdata.validation.readings import Readings

MAX_MESSAGE = 500  # characters of one message: a 50 MB cell is never echoed into the report
MAX_ERRORS_PER_CHECK = 1000  # errors listed per check (rule x resource); the count stays exact


def records(frame: pd.DataFrame, columns: list[str], index: bool = True) -> Iterator[tuple[Any, ...]]:
    """Like `frame[columns].itertuples(name=None)`, but 30x faster on Arrow-backed string columns."""
    lists = [frame[c].tolist() for c in columns]
    if index:
        lists.insert(0, frame.index.tolist())
    return zip(*lists, strict=True)


def clip(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text`, cut to `limit` characters with a note of how many were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


@dataclass
class Context:
    """The state of one validation run."""

    package: Package
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)  # cells as text, index = CSV row number
    typed: dict[str, pd.DataFrame] = field(default_factory=dict)  # typed from the descriptor
    errors: list[Error] = field(default_factory=list)
    checks: dict[str, Check] = field(default_factory=dict)
    texts: Mapping[str, str] | None = None  # source_id -> decoded raw text (provenance; decoded on first use)
    readings: Readings | None = None  # every mention's parsed value_text (consistency, relations)
    truncated: set[str] = field(default_factory=set)  # ids of checks with more errors than listed
    duplicated: dict[tuple[str, str], tuple[Any, pd.Series]] = field(default_factory=dict)
    pending: dict[str, Any] = field(default_factory=dict)  # work a layer started on another thread

    def check(self, error_type: str, resource: str | None = None) -> Check:
        """Record that a rule ran (a JUnit testcase), whether or not it found anything."""
        c = Check(lookup(error_type).layer, error_type, resource)
        return self.checks.setdefault(c.id, c)

    def error(
        self,
        error_type: str,
        *,
        resource: str | None = None,
        row: int | None = None,
        field: str | None = None,
        id: str | None = None,
        path: str | None = None,
        line: int | None = None,
        refers: Iterable[tuple[str, Any]] = (),
        follows: Error | None = None,
        suggestion: str | None = None,
        **params: Any,
    ) -> Error | None:
        """File an error; its message is the catalogue's template filled with `params`.

        The place is keyword-only: `resource`, `row` (the CSV record number, header = 1), `field`, `id`.
        `path` (relative to the package root) and `line` (physical, 1-based) are filled in when the report
        is built (`miitdata.validation.locate`) from the resource and row; pass them only for an error
        that points at another file (a source text, the descriptor). `refers` names the (resource, id)
        pairs the error is about besides its own row (a foreign key's target), `follows` the error it
        follows from when the layer knows it (see `miitdata.validation.causes`), `suggestion` the closest
        known value to an unknown one (`miitdata.validation.suggest`). Returns the error filed
        (None when only counted).
        At most MAX_ERRORS_PER_CHECK errors are listed per check; the rest are counted."""
        kind = lookup(error_type)
        check = self.check(error_type, resource)
        check.errors += 1
        if check.errors > MAX_ERRORS_PER_CHECK:
            self.truncated.add(check.id)
            return None
        message = clip(kind.format(**params))
        if suggestion:
            message += f" (did you mean {suggestion!r}?)"
        if id is not None:
            id = clip(str(id), MAX_MESSAGE)
        if field is not None:
            field = clip(str(field), 200)
        error = Error(error_type, kind.layer, message, resource, row, field, id)
        error.path, error.line = path, line
        error.refers = tuple((str(r), str(v)) for r, v in refers)
        error.follows = follows
        error.suggestion = suggestion
        self.errors.append(error)
        return error

    def count(self, error_type: str, resource: str | None, n: int) -> None:
        """Count `n` more errors of a check without listing them (a capped scan)."""
        check = self.check(error_type, resource)
        check.errors += n
        self.truncated.add(check.id)
