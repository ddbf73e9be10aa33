"""One CSV record as the package writes it: the one CSV writer of every table miitdata writes.

RFC 4180 quoting as the csv module's QUOTE_MINIMAL, with LF line ends, but a lone CR is quoted too (the
csv module leaves it bare when the line terminator is LF, and every reader then takes it for a line end),
and a record of one empty cell is written `""` (an empty line would read back as no record at all).
Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_SPECIAL = (",", '"', "\n", "\r")


def csv_line(cells: Sequence[str | None]) -> str:
    """One record, LF-terminated; None is an empty cell."""
    if len(cells) == 1 and not cells[0]:
        return '""\n'
    out = []
    for cell in cells:
        text = "" if cell is None else cell
        if any(c in text for c in _SPECIAL):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return ",".join(out) + "\n"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> str:
    """A whole table: the header record, then one record per row."""
    return csv_line(header) + "".join(csv_line(row) for row in rows)
