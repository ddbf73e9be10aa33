"""Read and write the package's CSVs exactly as they are shipped, never losing a cell.

UTF-8, LF line ends, a header row, minimal quoting (Python `csv` with `lineterminator="\\n"`):
a table read with `read_csv` and written with `render_csv` is byte-identical.

`read_csv` is strict, as `miitdata.load()` and the structure layer are: the bytes `schema.check_bytes`
accepts (no BOM, UTF-8, no NUL, no CR), the strict `csv` module, the schema's header when one is given,
and every row exactly as wide as the header and not blank. A table that breaks any of this, or that
would not read back the same after `render_csv`, is refused (`resource-unreadable`, naming the file and
the row): curate never rewrites what it could not read losslessly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from miitdata.csvline import csv_text
from miitdata.errors import PackageError

Row = dict[str, str]


def parse_csv(text: str) -> tuple[list[str], list[Row]]:
    """The header and the rows of a CSV text (every cell a string, blank = "")."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, cells, strict=False)) for cells in reader]
    return header, rows


def _refuse(path: Path, message: str, row: int | None = None) -> PackageError:
    return PackageError(
        "resource-unreadable",
        f"{message}: curate rewrites only a table it reads losslessly (run miitdata validate)",
        str(path),
        row=row,
    )


def read_csv(path: Path, fields: Sequence[str] | None = None) -> tuple[list[str], list[Row]]:
    """The header and rows of a CSV file, read strictly (see the module docstring); with `fields`, the
    header must be exactly those columns in that order."""
    from miitdata.files import read_bytes
    from miitdata.schema import check_bytes

    data = read_bytes(path, "resource-unreadable")
    check_bytes(data, str(path))
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error as exc:
        raise _refuse(path, f"malformed CSV ({exc})", len(records) + 1) from None
    if not records:
        raise _refuse(path, "empty file: no header row", 1)
    header = records[0]
    if len(set(header)) != len(header):
        raise _refuse(path, "a column appears twice in the header", 1)
    if fields is not None and header != list(fields):
        raise _refuse(path, f"the header is not the schema's fields {list(fields)}", 1)
    rows: list[Row] = []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cells):
            raise _refuse(path, "a blank row", number)
        if len(cells) != len(header):
            raise _refuse(path, f"{len(cells)} cells, the header has {len(header)}", number)
        rows.append(dict(zip(header, cells, strict=True)))
    if parse_csv(render_csv(header, rows).decode("utf-8")) != (header, rows):
        raise _refuse(path, "the table would not read back the same once written")
    return header, rows


def render_csv(header: list[str], rows: list[Row]) -> bytes:
    """The bytes of a CSV in the package's format (cells missing from a row are blank)."""
    return csv_text(header, ([row.get(name, "") for name in header] for row in rows)).encode("utf-8")
