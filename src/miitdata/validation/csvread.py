"""Reading one CSV resource as text cells, safely: bytes, encoding, dialect, header labels and row shape.

Part of the structure layer (`layers/structure.py` types and keys what this returns). A plain UTF-8 file
with regular quoting goes through pyarrow; anything else through the strict `csv` module. Errors are
filed on the context; the frame's index is the CSV row number (header = row 1), as in frictionless.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import TYPE_CHECKING, Any

from miitdata.validation.context import MAX_ERRORS_PER_CHECK, Context
from miitdata.validation.locate import Locator
from miitdata.validation.textslices import is_utf8

if TYPE_CHECKING:
    import pandas as pd

ROW_CHECKS = ("blank-row", "extra-cell", "missing-cell")


def read_raw(ctx: Context, name: str) -> pd.DataFrame | None:
    """Read one resource as strings (index = CSV row number), reporting file-level problems.

    Long because: one streaming pass over the file whose per-row work stays in local variables (a call per row
    costs seconds at 10M rows)."""
    import pandas as pd

    res = ctx.package.resources[name]
    path = ctx.package.resource_path(name)
    ctx.check("resource-not-found", name)
    if not path.is_file():
        locator = Locator(ctx.package)
        line = locator.pointer_line(locator.resource_pointer(name, "path"))
        ctx.error("resource-not-found", resource=name, path=locator.descriptor, line=line, file=res["path"])
        return None
    data = path.read_bytes()
    fields = [f["name"] for f in res["schema"]["fields"]]
    clean = True  # nothing wrong at the byte level: the fast Arrow reader may parse the file
    ctx.check("encoding-error", name)
    # A file that is plain UTF-8 (no BOM, NUL or CR) with regular quoting is parsed by pyarrow straight
    # away: its parse then equals the strict csv module's (see `_regular`), so the Python scan is skipped.
    # Anything else, or a file pyarrow rejects, takes the strict scan below.
    regular = len(fields) > 1 and len(set(fields)) == len(fields) and _has_pyarrow() and _regular(data)
    if regular:
        text = ""
        ctx.check("format-error", name)
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            ctx.error(
                "encoding-error",
                resource=name,
                row=1,
                note="file starts with a UTF-8 byte-order mark (declared utf-8 without BOM)",
            )
            data, clean = data[3:], False
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            message = f"not UTF-8 at byte {exc.start} (line {line}): {exc.reason}"
            ctx.error("encoding-error", resource=name, row=line, note=message)
            text, clean = data.decode("utf-8", errors="replace"), False
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            ctx.error("encoding-error", resource=name, row=line, note=f"NUL byte on line {line}")
            text, clean = text.replace("\x00", ""), False
        ctx.check("format-error", name)
        if "\r" in text:
            line = text[: text.index("\r")].count("\n") + 1
            ctx.error(
                "format-error",
                resource=name,
                row=line,
                note=f"CR line end on line {line} (the dialect declares LF)",
            )
            clean = False
    frame = None
    if regular:
        frame = _arrow_frame(data, fields, None)
        if frame is not None:
            scan = _Scan(header=list(fields), rows=len(frame))
        else:  # pyarrow disagrees (a row of the wrong shape, a blank row...): the strict scan keeps rows
            text = data.decode("utf-8")
            scan = _scan(text, fields, _ColumnBuilder)
    else:
        # Pass 1 checks every record with the strict csv module, keeping nothing. A clean file with the
        # schema's header is then parsed into Arrow columns by pyarrow (compact and fast); anything else
        # gets pass 2, which keeps the well-formed rows itself.
        fast = clean and len(fields) > 1 and _has_pyarrow()
        scan = _scan(text, fields, None if fast else _ColumnBuilder)
        if fast and scan.clean and scan.header == fields:
            frame = _arrow_frame(data, fields, scan.rows)
        if frame is None and scan.builder is None:
            scan = _scan(text, fields, _ColumnBuilder)
    del data, text
    if scan.error is not None:
        ctx.error("format-error", resource=name, row=scan.error[1], note=scan.error[0])
    header = scan.header
    if header is None:
        ctx.error("missing-label", resource=name, row=1, note="empty file: no header row")
        header = []
    _check_labels(ctx, name, header, fields)
    for check in ROW_CHECKS:
        ctx.check(check, name)
        for message, row_number in scan.issues[check]:
            ctx.error(check, resource=name, row=row_number, note=message)
        if scan.overflow[check]:
            ctx.count(check, name, scan.overflow[check])
    if frame is None:
        present = [f for f in _first_labels(header) if f in fields]
        frame = (scan.builder or _ColumnBuilder([])).frame(present)
    for missing in (f for f in fields if f not in frame.columns):
        frame[missing] = pd.Series([""] * len(frame), index=frame.index, dtype=frame_dtype())
    return frame[fields]


@dataclasses.dataclass
class _Scan:
    header: list[str] | None = None
    rows: int = 0
    error: tuple[str, int] | None = None
    issues: dict[str, list[tuple[str, int]]] = dataclasses.field(
        default_factory=lambda: {k: [] for k in ROW_CHECKS}
    )
    overflow: dict[str, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(ROW_CHECKS, 0))
    builder: _ColumnBuilder | None = None

    @property
    def clean(self) -> bool:
        return self.error is None and not any(self.issues.values())


def _scan(text: str, fields: list[str], make_builder: type[_ColumnBuilder] | None) -> _Scan:
    """Read every record with the strict csv module: the header, row-shape problems, and (with a builder)
    the well-formed rows, streamed into compact columns (a 1M-row file never exists as Python lists)."""
    scan = _Scan()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 1
    try:
        scan.header = header = next(reader, None)
        width = len(header) if header is not None else 0
        if make_builder is not None:
            scan.builder = make_builder(_first_positions(header or [], fields))
        builder = scan.builder
        issues, overflow = scan.issues, scan.overflow
        for row in reader:
            number += 1
            issue = None
            if len(row) == width and any(row):
                pass
            elif not any(row):
                issue = ("blank-row", "blank row")
            elif len(row) > width:
                issue = ("extra-cell", f"{len(row)} cells, header has {width}")
            else:
                issue = ("missing-cell", f"{len(row)} cells, header has {width}")
                row = row + [""] * (width - len(row))
            if issue is not None:
                if len(issues[issue[0]]) < MAX_ERRORS_PER_CHECK:
                    issues[issue[0]].append((issue[1], number))
                else:
                    overflow[issue[0]] += 1
                if issue[0] != "missing-cell":
                    continue
            if builder is not None:
                builder.append(row, number)
    except csv.Error as exc:
        scan.error = (f"malformed CSV near line {reader.line_num}: {exc}", number + 1)
    scan.rows = number - 1
    return scan


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _regular(data: bytes) -> bool:
    """Whether pyarrow's parse of `data` is the strict csv module's: UTF-8 without BOM, NUL or CR, and
    regular quoting, i.e. every quoted field opens at a field start and its closing quote is followed
    by a delimiter, a line end, the end of the file or a doubled quote (an escaped quote inside)."""
    import numpy as np

    if data.startswith(b"\xef\xbb\xbf") or b"\x00" in data or b"\r" in data:
        return False
    if not is_utf8(data):
        return False
    if b'"' not in data:
        return True
    raw = np.frombuffer(data, dtype=np.uint8)
    step = 1 << 20  # cache-sized pieces: no file-sized temporary
    at = np.concatenate([np.flatnonzero(raw[i : i + step] == 34) + i for i in range(0, len(raw), step)])
    if len(at) % 2:
        return False
    opens, closes = at[0::2], at[1::2]  # toggling in and out of quotes; "" inside closes and reopens
    before = raw[np.maximum(opens - 1, 0)]
    good_open = (opens == 0) | (before == 44) | (before == 10)
    good_open[1:] |= opens[1:] - 1 == closes[:-1]
    after = raw[np.minimum(closes + 1, len(raw) - 1)]
    good_close = (closes == len(raw) - 1) | (after == 44) | (after == 10)
    good_close[:-1] |= closes[:-1] + 1 == opens[1:]
    return bool(good_open.all() and good_close.all())


def _arrow_frame(data: bytes, fields: list[str], rows: int | None) -> pd.DataFrame | None:
    """Parse a file with pyarrow; None if it fails, if the header is not `fields`, if the row count is not
    `rows` (when given), or if a row is blank (pyarrow reads a blank line as a row of empty cells)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    end = data.find(b"\n")
    first = data[: end if end >= 0 else len(data)]
    if b'"' not in first and first.split(b",") != [f.encode("utf-8") for f in fields]:
        return None  # not the schema's header: the strict scan reports it (pyarrow would build every column)
    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(fields, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
                auto_dict_encode=False,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None
    if table.column_names != fields or (rows is not None and table.num_rows != rows):
        return None
    rows = table.num_rows
    if rows:
        blank = None
        for f in fields:
            empty = pc.equal(pc.binary_length(table.column(f)), 0)
            blank = empty if blank is None else pc.and_(blank, empty)
            if not pc.any(blank).as_py():
                break
        else:
            return None
    index = pd.Index(pd.RangeIndex(2, rows + 2), dtype="int64", name="row")
    columns = {
        f: pd.Series(pd.arrays.ArrowExtensionArray(table.column(f)), index=index, copy=False).astype("string")
        for f in fields
    }
    return pd.DataFrame(columns, index=index)


def _first_labels(header: list[str]) -> list[str]:
    """The header's labels, a repeated one only at its first position."""
    return list(dict.fromkeys(header))


def _first_positions(header: list[str], fields: list[str]) -> list[int]:
    """Positions of the header's schema labels (the first one of a repeated label)."""
    seen: dict[str, int] = {}
    for i, label in enumerate(header):
        if label in fields and label not in seen:
            seen[label] = i
    return list(seen.values())


def frame_dtype() -> Any:
    """The dtype of the raw text columns: Arrow-backed strings (compact), else Python objects."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return object
    return "string"


class _ColumnBuilder:
    """Rows in, compact text columns out: every CHUNK rows are transposed into Arrow arrays."""

    CHUNK = 65536

    def __init__(self, keep: list[int]) -> None:
        self.keep = keep
        self.rows: list[list[str]] = []
        self.chunks: list[list[Any]] = [[] for _ in keep]
        self.numbers: list[int] = []
        try:
            import pyarrow as pa
        except ImportError:
            pa = None
        self.pa = pa

    def append(self, row: list[str], number: int) -> None:
        self.rows.append(row)
        self.numbers.append(number)
        if self.pa is not None and len(self.rows) >= self.CHUNK:
            self._flush()

    def _columns(self) -> list[tuple[str, ...]]:
        if not self.rows:
            return [() for _ in self.keep]
        width = max(self.keep) + 1 if self.keep else 0
        columns = list(zip(*(row[:width] for row in self.rows), strict=True)) if width else []
        return [columns[i] for i in self.keep]

    def _flush(self) -> None:
        for i, col in enumerate(self._columns()):
            self.chunks[i].append(self.pa.array(col, type=self.pa.large_string()))
        self.rows = []

    def frame(self, labels: list[str]) -> pd.DataFrame:
        import pandas as pd

        index = pd.Index(self.numbers, dtype="int64", name="row")
        if self.pa is None:
            columns = self._columns()
            cells = {label: pd.array(list(columns[i]), dtype=object) for i, label in enumerate(labels)}
            return pd.DataFrame(cells, index=index)
        self._flush()
        strings: dict[str, pd.Series] = {}
        for i, label in enumerate(labels):
            chunked = self.pa.chunked_array(self.chunks[i], type=self.pa.large_string())
            series = pd.Series(pd.arrays.ArrowExtensionArray(chunked), index=index, copy=False)
            strings[label] = series.astype("string")
        return pd.DataFrame(strings, index=index)


def _check_labels(ctx: Context, name: str, header: list[str], fields: list[str]) -> None:
    for check in ("missing-label", "extra-label", "incorrect-label"):
        ctx.check(check, name)
    for f in fields:
        if f not in header:
            ctx.error(
                "missing-label",
                resource=name,
                row=1,
                field=f,
                note=f"column {f!r} is missing from the header",
            )
    seen: set[str] = set()
    for label in header:
        if label not in fields:
            ctx.error(
                "extra-label",
                resource=name,
                row=1,
                field=label,
                note=f"column {label!r} is not in the schema",
            )
        elif label in seen:
            ctx.error(
                "extra-label",
                resource=name,
                row=1,
                field=label,
                note=f"column {label!r} appears more than once",
            )
        seen.add(label)
    if set(header) == set(fields) and header != fields:
        ctx.error("incorrect-label", resource=name, row=1, header=header, fields=fields)
