"""Table Schema (Frictionless v2) → pandas dtypes: the descriptor is the single source of truth."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.validation.celltypes import FALSE_VALUES, TRUE_VALUES

__all__ = ["FALSE_VALUES", "TRUE_VALUES", "read_resource", "read_table"]

if TYPE_CHECKING:
    import pandas as pd


def categories(field: dict[str, Any]) -> list[str] | None:
    """The closed vocabulary of a field: `categories` (strings or {value, label}) or `constraints.enum`."""
    cats = field.get("categories")
    if isinstance(cats, list):
        return [str(c["value"]) if isinstance(c, dict) else str(c) for c in cats]
    enum = (field.get("constraints") or {}).get("enum")
    return [str(v) for v in enum] if isinstance(enum, list) else None


def missing_values(schema: dict[str, Any]) -> list[str]:
    return [str(v) for v in schema.get("missingValues", [""])]


def read_dtype(field: dict[str, Any]) -> str:
    """The dtype `pandas.read_csv` should parse a column with (dates are converted afterwards)."""
    kind = field.get("type", "string")
    if kind == "integer":
        return "Int64"
    if kind == "number":
        return "float64"
    if kind == "boolean":
        return "boolean"
    return "string"


def check_bytes(data: bytes, path: str) -> None:
    """Refuse (`resource-unreadable`, with the row) what the structure layer refuses at the byte level:
    a byte-order mark, bytes that are not UTF-8, NUL bytes, CR line ends (the dialect declares LF)."""

    def fail(message: str, offset: int) -> PackageError:
        row = data[:offset].count(b"\n") + 1
        return PackageError("resource-unreadable", f"{message} (run miitdata validate)", path, row=row)

    if data.startswith(b"\xef\xbb\xbf"):
        raise fail("starts with a UTF-8 byte-order mark", 0)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 at byte {exc.start}", exc.start) from None
    for byte, what in ((b"\x00", "a NUL byte"), (b"\r", "a CR line end")):
        at = data.find(byte)
        if at >= 0:
            raise fail(what, at)


def read_resource(path: str | Path, schema: dict[str, Any]) -> pd.DataFrame:
    """Read one resource file strictly: a regular file (never a FIFO or device), the bytes `check_bytes`
    accepts, the header the schema declares, then `read_table`. Anything else: `PackageError`
    (`resource-unreadable`, naming the file and the row where there is one)."""
    from miitdata.files import read_bytes

    data = read_bytes(path, "resource-unreadable")
    check_bytes(data, str(path))
    header = data.split(b"\n", 1)[0].decode("utf-8")
    fields = [f["name"] for f in schema["fields"]]
    if header.split(",") != fields and not header.startswith('"'):
        raise PackageError(
            "resource-unreadable",
            f"header {header[:200]!r} is not the schema's fields (run miitdata validate)",
            str(path),
            row=1,
        )
    return read_table(io.BytesIO(data), schema, name=str(path))


_LINE = re.compile(r"(?:line|row) (\d+)")


def read_table(path: str | IO[bytes], schema: dict[str, Any], *, name: str | None = None) -> pd.DataFrame:
    """Read a valid CSV resource into a typed DataFrame (strings, nullable ints, floats, dates, categoricals).

    Cells are read as text, then typed by the structure layer's own parser
    (`miitdata.validation.celltypes.parse_cells`), so a cell `miitdata validate` rejects as not
    of its type (`'30.5 '`, `'1e309'`, `'426.'` for an integer, `'2022-9-23'`, fullwidth digits) is
    rejected here too, and so is a blank cell of a required field (or a primary key). Floats round-trip
    the CSV text: `repr(float("17.84")) == "17.84"`. A file pandas cannot read (empty, malformed), a cell
    not of its type or a required cell left blank raises `PackageError` (`resource-unreadable`, with the
    CSV row and the field).
    """
    import pandas as pd

    where = name or (path if isinstance(path, str) else "<stream>")
    fields = schema["fields"]
    try:
        raw = pd.read_csv(
            path,
            dtype={f["name"]: "string" for f in fields},
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8",
            engine="c",
        )
    except OSError as exc:
        raise PackageError("resource-unreadable", exc.strerror or str(exc), where) from None
    except (ValueError, TypeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        # UnicodeDecodeError, EmptyDataError, ParserError are all ValueErrors
        text = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        found = _LINE.search(text)
        row = int(found.group(1)) if found else None
        raise PackageError("resource-unreadable", f"{text} (run miitdata validate)", where, row=row) from None
    return _typed(raw, schema, where)


def _typed(raw: pd.DataFrame, schema: dict[str, Any], where: str) -> pd.DataFrame:
    """The text columns of `raw` typed with the structure layer's parser; the first bad cell raises."""
    import pandas as pd

    from miitdata.validation.celltypes import parse_cells

    missing = missing_values(schema)
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    columns: dict[str, Any] = {}
    for f in schema["fields"]:
        name = f["name"]
        if name not in raw.columns:
            continue
        values = raw[name].astype("string")
        present = ~values.isin(missing)
        kind = f.get("type", "string")
        required = bool((f.get("constraints") or {}).get("required")) or name in key
        if required and not bool(present.all()):
            row = int(present.to_numpy().argmin()) + 2
            raise PackageError(
                "resource-unreadable",
                "a required cell is blank (run miitdata validate)",
                where,
                row=row,
                field=name,
            )
        parsed, ok = parse_cells(kind, values, present, f)
        bad = (present & ~ok.astype(bool)).to_numpy()
        if bad.any():
            at = int(bad.argmax())
            cell = str(values.iloc[at])[:60]
            raise PackageError(
                "resource-unreadable",
                f"{cell!r} is not a valid {kind} (run miitdata validate)",
                where,
                row=at + 2,
                field=name,
            )
        valid = present.to_numpy()
        if kind == "integer":
            column: Any = values.where(present).astype("Int64")
        elif kind == "number":
            column = parsed.astype("float64")
        elif kind == "boolean":
            column = parsed.astype("boolean")
        elif kind == "date":
            column = pd.to_datetime(parsed.where(valid))
        elif (cats := categories(f)) is not None:
            column = pd.Categorical(values.where(present), categories=cats)
        else:
            column = values.where(present)
        columns[name] = column
    frame = pd.DataFrame(columns, index=raw.index)
    return frame[[c for c in raw.columns if c in frame.columns] + [c for c in raw.columns if c not in frame]]


def number_text(value: float) -> str:
    """The CSV text of a number: the shortest text reading back as the same float (17.84, 1887.5, 100000)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
