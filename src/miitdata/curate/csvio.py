"""Read and write the package's CSVs exactly as they are shipped.

UTF-8, LF line ends, a header row, minimal quoting (Python `csv` with `lineterminator="\\n"`):
a table read with `read_csv` and written with `render_csv` is byte-identical.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

Row = dict[str, str]


def parse_csv(text: str) -> tuple[list[str], list[Row]]:
    """The header and the rows of a CSV text (every cell a string, blank = "")."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, cells, strict=False)) for cells in reader]
    return header, rows


def read_csv(path: Path) -> tuple[list[str], list[Row]]:
    from miitdata.files import regular_file

    with regular_file(path, "resource-unreadable").open(encoding="utf-8", newline="") as fh:
        return parse_csv(fh.read())


def render_csv(header: list[str], rows: list[Row]) -> bytes:
    """The bytes of a CSV in the package's format (cells missing from a row are blank)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row.get(name, "") for name in header] for row in rows)
    return out.getvalue().encode("utf-8")
