"""Physical lines: where a CSV record starts in its file, where a JSON property is in the descriptor.

An editor shows physical lines; a CSV record number (the `row` of an error, header = 1) is not one
when quoted cells hold line breaks. Both mappings are computed only for what an error names, after
validation, so a valid 10M-row package pays nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

_scanstring: Any = getattr(json.decoder, "scanstring")  # noqa: B009 - typeshed omits it
STEP = 1 << 22  # bytes per vectorised piece: no file-sized temporary


def record_lines(data: bytes, rows: Iterable[int], quote: bytes = b'"') -> dict[int, int]:
    """{record number: physical 1-based line where it starts} for each of `rows` (header = record 1).

    A record ends at a line feed outside quotes: one whose count of quote characters before it is
    even (an escaped `""` counts twice, so RFC 4180 quoting keeps the parity). One vectorised pass
    over the bytes. Records past the end of the file (or past an unclosed quote, where no record
    ends) map to the line after the last record end that could be found."""
    import numpy as np

    wanted = sorted({int(r) for r in rows if int(r) >= 1})
    if not wanted:
        return {}
    raw = np.frombuffer(data, dtype=np.uint8)
    q = quote[0] if quote else 34
    ends: list[Any] = []  # line indexes (0-based, among all line feeds) of the line feeds that end a record
    lines_before = 0
    quotes_before = 0
    for start in range(0, len(raw), STEP):
        piece = raw[start : start + STEP]
        feeds = np.flatnonzero(piece == 10)
        quotes = np.flatnonzero(piece == q)
        parity = (np.searchsorted(quotes, feeds) + quotes_before) % 2
        ends.append(np.flatnonzero(parity == 0) + lines_before)
        lines_before += len(feeds)
        quotes_before += len(quotes)
    end_lines = np.concatenate(ends) if ends else np.zeros(0, dtype=np.int64)
    result: dict[int, int] = {}
    for record in wanted:
        if record == 1:
            result[record] = 1
        elif record - 2 < len(end_lines):
            result[record] = int(end_lines[record - 2]) + 2  # the line after the record's predecessor ends
        else:
            result[record] = (int(end_lines[-1]) + 2) if len(end_lines) else 1
    return result


def record_lines_python(text: str, rows: Iterable[int], **dialect: Any) -> dict[int, int]:
    """`record_lines` for dialects the parity rule cannot follow (an escape character): the csv module
    reads the records and says on which line each one started."""
    import csv
    import io

    wanted = {int(r) for r in rows if int(r) >= 1}
    result: dict[int, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), **dialect)
    record, line = 1, 1
    try:
        while wanted - result.keys():
            if record in wanted:
                result[record] = line
            if next(reader, None) is None:
                break
            record, line = record + 1, reader.line_num + 1
    except csv.Error:
        pass
    for r in wanted - result.keys():
        result[r] = line
    return result


_TOKEN = re.compile(
    r'\s*(?:(?P<open>[{\[])|(?P<close>[}\]])|(?P<comma>,)|(?P<colon>:)|(?P<string>")|(?P<other>[^\s,:\]\}"]+))'
)


def pointer_lines(text: str) -> dict[tuple[str, ...], int]:
    """{JSON pointer path (as a tuple of keys and indexes, strings): 1-based line} for every value of a
    JSON document: an object member's line is its key's, an array item's its first character's.
    Empty when the text is not JSON."""
    result: dict[tuple[str, ...], int] = {(): 1}
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return result
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_at(offset: int) -> int:
        import bisect

        return bisect.bisect_right(newlines, offset - 1) + 1

    # an explicit stack of containers: (path, kind, next index or pending key)
    stack: list[tuple[tuple[str, ...], str, list[Any]]] = []
    pos = 0
    pending_key: str | None = None
    key_line = 1
    path: tuple[str, ...] = ()
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        start = m.start(m.lastgroup) if m.lastgroup else m.end()
        kind = m.lastgroup
        pos = m.end()
        if kind == "string":
            value, pos = _scanstring(text, pos)
            if stack and stack[-1][1] == "object" and stack[-1][2][0] is None:
                stack[-1][2][0] = value  # a key: its value follows the colon
                pending_key, key_line = value, line_at(start)
                continue
        if kind in ("comma", "colon", None):
            if kind == "comma" and stack and stack[-1][1] == "object":
                stack[-1][2][0] = None
            if kind == "comma" and stack and stack[-1][1] == "array":
                stack[-1][2][0] += 1
            continue
        if kind == "close":
            stack.pop()
            continue
        # a value starts here (open, string value, or other scalar)
        if stack:
            parent, ptype, state = stack[-1]
            if ptype == "object":
                path = (*parent, str(pending_key))
                result.setdefault(path, key_line)
            else:
                path = (*parent, str(state[0]))
                result.setdefault(path, line_at(start))
        else:
            path = ()
        if kind == "open":
            opener = text[start]
            stack.append((path, "object" if opener == "{" else "array", [None] if opener == "{" else [0]))
    return result


def line_of_pointer(lines: dict[tuple[str, ...], int], pointer: Iterable[Any]) -> int:
    """The line of the deepest existing prefix of `pointer` (a path of keys and indexes)."""
    parts = tuple(str(p) for p in pointer)
    while parts not in lines and parts:
        parts = parts[:-1]
    return lines.get(parts, 1)
