"""Root cause first: which errors follow from another one, and the report's errors grouped by cause.

An error *follows* a cause when fixing the cause makes it go away. The rules, each decided from what
the validator saw (never from the message text):

1. **A CSV parse break** (`format-error` at record r of table T: the strict reader stops there): every
   other error on a row of T after r.
2. **Rows that could not be read** make references to their ids fail. A table T *lost* rows through
   - a parse break (the records from r on),
   - a row with more cells than the header (`extra-cell`: that row is left out),
   - its file not found (`resource-not-found`: every row),
   - a wrong header (`missing-label`, `extra-label`, `incorrect-label`: its cells are misread).
   An error that refers to an id of T (a foreign key, a relation's operand, a discrepancy's target, a
   waiver's target) follows the loss when that id is in the lost part of T's file (its key column there,
   read leniently), or when T's file is missing.
3. **A source whose bytes changed** (`source-hash-mismatch` of source S): every provenance error of a
   mention of S (its quote, prefix, suffix or offsets no longer read true).
4. **A wrong header** of T: every error on a row of T.
5. **A row of the wrong shape** (`missing-cell` on row r of T: its cells are shifted): every other error on
   row r of T.
6. **One wrong cell, several checks of its row**: on one row of T, `primary-key` follows `unique-error`
   (the same repeated id), a quote's `prefix-mismatch`, `suffix-mismatch`, `value-offset-mismatch` and
   `value-text-not-in-quote` follow its `quote-mismatch` or `offset-out-of-range` (wrong offsets), and a
   mention's `mention-disagrees` follows its `value-text-mismatch` (its value misreads its own text).
7. **A stale waiver** (`stale-discrepancy` of a discrepancy on (T, id)) follows any error that follows a
   cause on that row of T (the failure it waives could not be checked).
8. A layer may also name the cause when it files an error (`Error.follows`), e.g. the observation that
   disagrees with every one of its quotes is the cause of each quote's `mention-disagrees`.

Followers of followers belong to the root cause. The report lists each cause followed by its followers
(`caused_by`: the cause's index in the errors list; the cause carries `followers`). Nothing is dropped
and the exit code does not change.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import TYPE_CHECKING

from miitdata.errors import PackageError

if TYPE_CHECKING:
    from miitdata.package import Package
    from miitdata.validation.report import Error

HEADER = ("missing-label", "extra-label", "incorrect-label")
SAME_ROW = {
    "primary-key": ("unique-error",),
    "prefix-mismatch": ("quote-mismatch", "offset-out-of-range"),
    "suffix-mismatch": ("quote-mismatch", "offset-out-of-range"),
    "value-offset-mismatch": ("quote-mismatch", "offset-out-of-range"),
    "value-text-not-in-quote": ("quote-mismatch", "offset-out-of-range"),
    "mention-disagrees": ("value-text-mismatch",),
}
CHANGED_SOURCE_FOLLOWERS = (
    "quote-mismatch", "prefix-mismatch", "suffix-mismatch", "offset-out-of-range", "value-offset-mismatch",
    "value-text-not-in-quote",
)  # fmt: skip


class Lost:
    """What table T lost, and by which error: ids from the unread part of its file."""

    def __init__(self) -> None:
        self.everything: Error | None = None
        self.ids: dict[str, Error] = {}

    def cause_of(self, value: str) -> Error | None:
        return self.ids.get(value) or self.everything


def _key_column(package: Package, name: str) -> tuple[int, str]:
    """(position, delimiter) of the primary key's first field in T's header as declared."""
    res = package.resources[name]
    schema = res.get("schema") or {}
    pk = schema.get("primaryKey")
    key = pk if isinstance(pk, str) else (pk[0] if isinstance(pk, list) and pk else None)
    names = [f.get("name") for f in schema.get("fields", [])]
    dialect = res.get("dialect")
    dialect = dialect if isinstance(dialect, dict) else {}
    delimiter = str(dialect.get("delimiter", ",")) or ","
    return (names.index(key) if key in names else 0), delimiter


def _ids_in(lines: list[str], position: int, delimiter: str) -> set[str]:
    """The key cells of `lines`, read leniently one physical line at a time (a record broken across
    lines only adds cells that name nothing)."""
    ids = set()
    for line in lines:
        try:
            cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
        except csv.Error:
            cells = line.split(delimiter)
        if len(cells) > position and cells[position]:
            ids.add(cells[position].strip())
    return ids


def _lost(package: Package, errors: list[Error]) -> dict[str, Lost]:
    lost: dict[str, Lost] = defaultdict(Lost)
    texts: dict[str, list[str] | None] = {}

    def lines_of(name: str) -> list[str] | None:
        if name not in texts:
            try:
                data = package.resource_path(name).read_bytes()
                texts[name] = data.decode("utf-8", errors="replace").split("\n")
            except (OSError, PackageError):  # unreadable: nothing is known about its ids
                texts[name] = None
        return texts[name]

    for e in errors:
        name = e.resource
        if name is None or name not in package.resources:
            continue
        if e.type == "resource-not-found":
            lost[name].everything = lost[name].everything or e
            continue
        parse_break = e.type == "format-error" and e.message.startswith("malformed CSV")
        if not (parse_break or e.type == "extra-cell" or e.type in HEADER):
            continue
        lines = lines_of(name)
        if lines is None:
            continue
        position, delimiter = _key_column(package, name)
        start = max(0, (e.line or 1) - 1)
        if parse_break:
            part = lines[start:]
        elif e.type == "extra-cell":
            part = lines[start : start + 1]
        else:
            part = lines[1:]
        for value in _ids_in(part, position, delimiter):
            lost[name].ids.setdefault(value, e)
    return lost


def _rule_cause(e: Error, state: _State) -> Error | None:
    """The cause `e` follows by rules 1-5, or None."""
    if e.follows is not None:
        return e.follows
    here = e.resource
    if here is not None and e.row is not None:
        brk = state.breaks.get(here)
        if brk is not None and e is not brk and e.row > (brk.row or 0):
            return brk
        header = state.headers.get(here)
        if header is not None and e.type not in HEADER and e.row >= 2:
            return header
        shape = state.shapes.get((here, e.row))
        if shape is not None and e is not shape:
            return shape
        for kind in SAME_ROW.get(e.type, ()):
            same = state.rows.get((here, e.row, kind))
            if same is not None:
                return same
    for resource, value in e.refers:
        if resource == "sources" and e.type in CHANGED_SOURCE_FOLLOWERS:
            changed = state.changed.get(value)
            if changed is not None:
                return changed
        table = state.lost.get(resource)
        cause = table.cause_of(value) if table is not None else None
        if cause is not None and cause is not e:
            return cause
    return None


class _State:
    def __init__(self, package: Package, errors: list[Error]) -> None:
        self.breaks: dict[str, Error] = {}
        self.headers: dict[str, Error] = {}
        self.shapes: dict[tuple[str, int], Error] = {}
        self.changed: dict[str, Error] = {}
        self.rows: dict[tuple[str, int, str], Error] = {}
        for e in errors:
            if e.resource is None:
                continue
            if e.row is not None:
                self.rows.setdefault((e.resource, e.row, e.type), e)
            if e.type == "format-error" and e.message.startswith("malformed CSV"):
                self.breaks.setdefault(e.resource, e)
            elif e.type in HEADER:
                self.headers.setdefault(e.resource, e)
            elif e.type == "missing-cell" and e.row is not None:
                self.shapes.setdefault((e.resource, e.row), e)
            elif e.type == "source-hash-mismatch" and e.id is not None:
                self.changed.setdefault(str(e.id), e)
        self.lost = _lost(package, errors)


def _root(e: Error) -> Error:
    seen = {id(e)}
    while e.follows is not None and id(e.follows) not in seen:
        seen.add(id(e.follows))
        e = e.follows
    return e


def group(package: Package, errors: list[Error]) -> list[Error]:
    """`errors` with `follows` set by the rules, reordered: each root cause, then its followers
    (`caused_by` = the cause's index, `followers` = their count)."""
    state = _State(package, errors)
    for e in errors:
        cause = _rule_cause(e, state)
        if cause is not None and _root(cause) is not e:
            e.follows = cause
    # rule 6: a stale waiver on (T, id) follows a follower on that row
    by_row: dict[tuple[str, str], Error] = {}
    for e in errors:
        if e.follows is not None and e.resource is not None and e.id is not None:
            by_row.setdefault((e.resource, str(e.id)), e)
    for e in errors:
        if e.type == "stale-discrepancy" and e.follows is None:
            for resource, value in e.refers:
                hit = by_row.get((resource, value))
                if hit is not None and _root(hit) is not e:
                    e.follows = hit
                    break
    groups: dict[int, list[Error]] = {}
    roots: list[Error] = []
    for e in errors:
        root = _root(e)
        if root is e:
            e.follows = None
            roots.append(e)
            groups.setdefault(id(e), [])
        else:
            e.follows = root
    for e in errors:
        if e.follows is not None:
            groups.setdefault(id(e.follows), []).append(e)
    ordered: list[Error] = []
    for root in roots:
        root.caused_by, root.followers = None, len(groups[id(root)])
        at = len(ordered)
        ordered.append(root)
        for f in groups[id(root)]:
            f.caused_by, f.followers = at, 0
            ordered.append(f)
    return ordered
