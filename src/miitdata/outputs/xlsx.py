"""The XLSX export and import: a sheet per resource, numbers as numbers where exact, others text.

Spreadsheets: a cell starting with `=`, `+`, `-`, `@`, TAB or CR is stored as an explicit string
with Excel's quote-prefix style (shown and kept as text, never evaluated as a formula), and the
text itself is unchanged, so the round trip gives it back. Characters XML cannot hold (control
characters) and literal `_xHHHH_` sequences use OOXML's `_xHHHH_` escape, undone on import. A cell
over Excel's 32,767 characters shows its start and a note; the whole text goes to the hidden sheet
`_miitdata_long`, which `read_xlsx` joins back. The zip entries carry a fixed date and the document
properties the package's `created` date, so the file is byte-identical on re-run.
"""

from __future__ import annotations

import errno
import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Table = tuple[list[str], list[list[str | None]]]  # (column names, rows of text or None)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATE = "1980-01-01T00:00:00Z"  # used when the descriptor has no `created`
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Characters an XML 1.0 document cannot hold (and openpyxl refuses), escaped as _xHHHH_ like Excel does.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OOXML_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_CR = "\r"

SHAPE_SHEET = "_miitdata"  # hidden XLSX sheet: resource name and row count per table
LONG_SHEET = "_miitdata_long"  # hidden XLSX sheet: cells longer than a spreadsheet cell holds, in parts

XLSX_CELL_LIMIT = 32_767  # UTF-16 code units in one spreadsheet cell (Excel's limit)
XLSX_PART = 4_000  # characters per part of a longer cell (escaped: at most 7 units each, under the limit)


def _too_long_for_a_cell(escaped: str) -> bool:
    return len(escaped) > XLSX_CELL_LIMIT // 2 and len(escaped.encode("utf-16-le")) // 2 > XLSX_CELL_LIMIT


def _xlsx_escape(text: str) -> str:
    text = _OOXML_ESCAPE.sub(lambda m: "_x005F" + m.group(0), text)
    text = _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    # XML parsers turn CR (and CRLF) into LF in element text: escape CR so it survives.
    return text.replace(_CR, "_x000D_")


def _xlsx_unescape(text: str) -> str:
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(0)[2:6], 16)), text)


def _xlsx_number(text: str) -> int | float | None:
    """The spreadsheet number for a cell's text, if it reads back as exactly that text, else None.

    15400 -> 15400, 17.84 -> 17.84, 1887.5 -> 1887.5; 1e-7, 007, -0, 1.50, 33.333333333333336 stay text.
    """
    from miitdata.schema import number_text

    if re.fullmatch(r"-?[1-9][0-9]{0,14}|0", text):
        return int(text)
    # Excel keeps 15 significant digits (and openpyxl writes 16): longer numbers stay text.
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text) and len(text.lstrip("-").replace(".", "").lstrip("0")) <= 15:
        try:
            value = float(text)
        except ValueError:
            return None
        return value if number_text(value) == text else None
    return None


def _xlsx_text(value: object) -> str:
    """A cell value read back as text: numbers in their shortest form (the inverse of _xlsx_number)."""
    from miitdata.schema import number_text

    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    return _xlsx_unescape(str(value))


def write_xlsx(
    path: Path, tables: dict[str, Table], meta: dict[str, str], numeric: dict[str, set[str]]
) -> None:
    """Write the tables to the workbook `path` (`numeric`: each table's number/integer columns)."""
    from openpyxl import Workbook

    created = _parse_date(meta["created"])
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    long_cells: list[tuple[str, int, int, str]] = []  # (sheet, row, column, the whole text)
    for name, (columns, rows) in tables.items():
        sheet = book.create_sheet(title=name[:31])
        numbers = {i for i, column in enumerate(columns, start=1) if column in numeric.get(name, set())}
        grid: list[Sequence[str | None]] = [columns, *rows]
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=r, column=c)
                if r > 1 and c in numbers and (number := _xlsx_number(value)) is not None:
                    cell.value = number  # a real number in the spreadsheet, same text when read back
                    continue
                escaped = _xlsx_escape(value)
                if _too_long_for_a_cell(escaped):
                    # Shown cut with a note; the whole text is in the hidden sheet (read_export joins it).
                    long_cells.append((sheet.title, r, c, value))
                    note = f" … [{len(value):,} characters in all: hidden sheet {LONG_SHEET}]"
                    escaped = _xlsx_escape(value[:XLSX_PART]) + note
                cell.value = escaped
                cell.data_type = "s"  # an explicit string: never a formula, error code or number
                cell.number_format = "@"  # Text: what is typed into it stays text too
                if value.startswith(FORMULA_START):
                    cell.quotePrefix = True  # Excel's leading apostrophe, without changing the text
    # The row count of each table: rows whose cells are all missing have no cells to hold them.
    counts = book.create_sheet(title=SHAPE_SHEET)
    counts.sheet_state = "hidden"
    for r, (name, (_, rows)) in enumerate(tables.items(), start=1):
        counts.cell(row=r, column=1).value = _xlsx_escape(name)
        counts.cell(row=r, column=1).data_type = "s"
        counts.cell(row=r, column=2).value = len(rows)
    if long_cells:
        parts = book.create_sheet(title=LONG_SHEET)
        parts.sheet_state = "hidden"
        for r, (title, at_row, at_column, value) in enumerate(long_cells, start=1):
            pieces = [value[i : i + XLSX_PART] for i in range(0, len(value), XLSX_PART)]
            for c, piece in enumerate([title, at_row, at_column, *pieces], start=1):
                cell = parts.cell(row=r, column=c)
                cell.value = _xlsx_escape(piece) if isinstance(piece, str) else piece
                if isinstance(piece, str):
                    cell.data_type = "s"
    book.properties.creator = "miitdata"
    book.properties.created = created
    buffer = io.BytesIO()
    failure = _save_quietly(book, buffer)
    if failure is not None:
        code = errno.ENOSPC if "NOSPC" in failure else errno.EFBIG
        raise OSError(code, f"{os.strerror(code)} ({failure})")
    _deterministic_zip(buffer.getvalue(), path, created)


def _save_quietly(book: Any, buffer: io.BytesIO) -> str | None:
    """Save the workbook; on a failed write, its message (else None).

    openpyxl writes each sheet to a temporary file first; lxml reports a write that failed there (a
    full disk: IO_EFBIG, IO_ENOSPC) as its SerialisationError, and the half-written sheet streams then
    complain as they are collected ("Exception ignored"). They are collected here, quietly, so the
    caller reports one error (output-unwritable), nothing else."""
    import gc
    import sys

    failure: str | None = None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        try:
            book.save(buffer)
        except Exception as exc:
            if type(exc).__name__ != "SerialisationError":
                raise
            failure = str(exc)
        gc.collect()
    finally:
        sys.unraisablehook = hook
    return failure


def _parse_date(text: str) -> Any:
    from datetime import datetime

    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return datetime(1980, 1, 1)


def _deterministic_zip(data: bytes, path: Path, created: Any) -> None:
    """Rewrite a zip with fixed entry dates and the `modified` property set to `created`."""
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)


def read_xlsx(path: Path) -> dict[str, Table]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    tables: dict[str, Table] = {}
    try:
        shape = {
            _xlsx_unescape(str(name)): int(str(count))
            for name, count in book[SHAPE_SHEET].iter_rows(values_only=True)
            if name is not None
        }
        long: dict[tuple[str, int, int], str] = {}
        if LONG_SHEET in book.sheetnames:
            for title, r, c, *pieces in book[LONG_SHEET].iter_rows(values_only=True):
                if title is not None:
                    whole = "".join(_xlsx_unescape(str(p)) for p in pieces if p is not None)
                    long[(_xlsx_unescape(str(title)), int(str(r)), int(str(c)))] = whole
        for sheet in book.worksheets:
            if sheet.title in (SHAPE_SHEET, LONG_SHEET):
                continue
            rows = [
                [None if v is None else _xlsx_text(v) for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
            for (title, r, c), whole in long.items():
                if title == sheet.title and 0 < r <= len(rows):
                    rows[r - 1] += [None] * (c - len(rows[r - 1]))
                    rows[r - 1][c - 1] = whole
            header = [str(c) for c in rows[0] if c is not None] if rows else []
            width = len(header)
            body = [(r + [None] * width)[:width] for r in rows[1:]]
            count = shape.get(sheet.title, len(body))
            body = (body + [[None] * width for _ in range(count)])[:count]
            tables[sheet.title] = (header, body)
    finally:
        book.close()
    return tables
