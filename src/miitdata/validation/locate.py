"""Give every error of a report its place: `path` (relative to the package root) and `line` (physical).

- An error on a row of a resource: the resource's file and the line where that CSV record starts.
- An error on a resource without a row: the resource's file, line 1 (its header).
- An error on the descriptor (no resource, or a resource the descriptor lacks): `datapackage.json` and
  the line of the property concerned (or 1).
- An error on a raw-text resource (`--frictionless`'s hash check of `text-s000`): that text's file, line 1.
- An error filed with its own `path`/`line` (a source text, a descriptor property) keeps them.

Lines are computed after validation and only for the files that have errors (`lines.record_lines`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.validation.lines import line_of_pointer, pointer_lines, record_lines, record_lines_python

if TYPE_CHECKING:
    from miitdata.package import Package
    from miitdata.validation.report import Error


class Locator:
    """Lines of one package's files, each computed once and only when asked for."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._pointers: dict[tuple[str, ...], int] | None = None

    @property
    def descriptor(self) -> str:
        return self.package.path.name

    def pointer_line(self, pointer: Iterable[object]) -> int:
        """The descriptor line of a JSON pointer path (its deepest existing prefix; 1 when unknown)."""
        if self._pointers is None:
            try:
                text = self.package.path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._pointers = pointer_lines(text)
        return line_of_pointer(self._pointers, pointer)

    def resource_pointer(self, name: str, *rest: object) -> list[object]:
        """The JSON pointer path of resource `name` (plus `rest`) in the descriptor."""
        items = self.package.descriptor.get("resources")
        if isinstance(items, list):
            for i, res in enumerate(items):
                if isinstance(res, dict) and res.get("name") == name:
                    return ["resources", i, *rest]
        return ["resources"]

    def record_lines(self, name: str, rows: Iterable[int]) -> dict[int, int]:
        """{row: line} of resource `name`'s CSV file; rows map to themselves when it cannot be read."""
        rows = list(rows)
        try:
            data = self.package.resource_path(name).read_bytes()
        except (OSError, PackageError):  # a missing or unreadable file: the row is the best guess
            return {r: r for r in rows}
        dialect = self.package.resources[name].get("dialect")
        dialect = dialect if isinstance(dialect, dict) else {}
        quote = dialect.get("quoteChar", '"')
        if dialect.get("escapeChar") or not isinstance(quote, str) or len(quote.encode("utf-8")) != 1:
            text = data.decode(str(dialect.get("encoding") or "utf-8"), errors="replace")
            kwargs: dict[str, Any] = {"delimiter": str(dialect.get("delimiter", ",")) or ","}
            if dialect.get("escapeChar"):
                kwargs["escapechar"] = str(dialect["escapeChar"])
                kwargs["doublequote"] = bool(dialect.get("doubleQuote", False))
            return record_lines_python(text, rows, **kwargs)
        return record_lines(data, rows, quote.encode("utf-8"))


def locate(package: Package, errors: Iterable[Error]) -> None:
    """Fill `path` and `line` of every error that has none (see the module's rules)."""
    locator = Locator(package)
    pending: dict[str, list[Error]] = defaultdict(list)
    for e in errors:
        if e.path is not None and e.line is not None:
            continue
        own = package.resources[e.resource]["path"] if e.resource in package.resources else None
        if e.path is not None and own is not None and e.path != str(own):
            e.line = 1  # another file than the row's (a source text): no better line is known
            continue
        if e.resource is not None and e.resource in package.resources:
            if e.path is None:
                e.path = str(package.resources[e.resource]["path"])
            if e.line is None:
                if e.row is None:
                    e.line = 1
                else:
                    pending[e.resource].append(e)
            continue
        if e.resource is not None and e.resource in package.texts and e.path is None:
            e.path, e.line = str(package.texts[e.resource]["path"]), e.line or 1  # a raw text's own file
            continue
        if e.path is None:
            e.path = locator.descriptor
        if e.line is None:
            e.line = locator.pointer_line(["resources"] if e.resource is not None else [])
    for name, errs in pending.items():
        lines = locator.record_lines(name, (e.row for e in errs if e.row is not None))
        for e in errs:
            e.line = lines.get(e.row or 1, e.row)
