"""Layer 1, structure: the CSVs against their Table Schemas in `datapackage.json` (the one source of truth).

Reads every cell as text first (so nothing is silently coerced), then checks labels, row shape,
types, constraints, unique fields, primary keys and foreign keys, all derived from the descriptor.
Also builds the typed tables the later layers use (cells that failed their type become missing).
Row numbers are CSV record numbers with the header as row 1, as in frictionless.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import TYPE_CHECKING, Any

from miitdata.checks import Context
from miitdata.package import RESOURCE_NAMES
from miitdata.schema import FALSE_VALUES, TRUE_VALUES, categories, missing_values

if TYPE_CHECKING:
    import pandas as pd

INTEGER = r"[+-]?[0-9]+"
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
MAX_ERRORS_PER_CHECK = 1000
ROW_CHECKS = ("blank-row", "extra-cell", "missing-cell")
csv.field_size_limit(2**31 - 1)


def read_raw(ctx: Context, name: str) -> pd.DataFrame | None:
    """Read one resource as strings (index = CSV row number), reporting file-level problems."""
    import pandas as pd

    res = ctx.package.resources[name]
    path = ctx.package.resource_path(name)
    ctx.check("resource-not-found", name)
    if not path.is_file():
        ctx.error("resource-not-found", f"no file {res['path']}", name)
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
                "file starts with a UTF-8 byte-order mark (declared utf-8 without BOM)",
                name,
                1,
            )
            data, clean = data[3:], False
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            message = f"not UTF-8 at byte {exc.start} (line {line}): {exc.reason}"
            ctx.error("encoding-error", message, name, line)
            text, clean = data.decode("utf-8", errors="replace"), False
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            ctx.error("encoding-error", f"NUL byte on line {line}", name, line)
            text, clean = text.replace("\x00", ""), False
        ctx.check("format-error", name)
        if "\r" in text:
            line = text[: text.index("\r")].count("\n") + 1
            ctx.error("format-error", f"CR line end on line {line} (the dialect declares LF)", name, line)
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
        ctx.error("format-error", scan.error[0], name, scan.error[1])
    header = scan.header
    if header is None:
        ctx.error("missing-label", "empty file: no header row", name, 1)
        header = []
    _check_labels(ctx, name, header, fields)
    for check in ROW_CHECKS:
        ctx.check(check, name)
        for message, row_number in scan.issues[check]:
            _limited(ctx, check, message, name, row_number)
        if scan.overflow[check]:
            _limited_count(ctx, check, name, scan.overflow[check])
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
    import pyarrow as pa

    if data.startswith(b"\xef\xbb\xbf") or b"\x00" in data or b"\r" in data:
        return False
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64).tobytes())
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
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
            data = {label: pd.array(list(columns[i]), dtype=object) for i, label in enumerate(labels)}
            return pd.DataFrame(data, index=index)
        self._flush()
        data = {}
        for i, label in enumerate(labels):
            chunked = self.pa.chunked_array(self.chunks[i], type=self.pa.large_string())
            series = pd.Series(pd.arrays.ArrowExtensionArray(chunked), index=index, copy=False)
            data[label] = series.astype("string")
        return pd.DataFrame(data, index=index)


def _check_labels(ctx: Context, name: str, header: list[str], fields: list[str]) -> None:
    for check in ("missing-label", "extra-label", "incorrect-label"):
        ctx.check(check, name)
    for f in fields:
        if f not in header:
            ctx.error("missing-label", f"column {f!r} is missing from the header", name, 1, f)
    seen: set[str] = set()
    for label in header:
        if label not in fields:
            ctx.error("extra-label", f"column {label!r} is not in the schema", name, 1, label)
        elif label in seen:
            ctx.error("extra-label", f"column {label!r} appears more than once", name, 1, label)
        seen.add(label)
    if set(header) == set(fields) and header != fields:
        ctx.error("incorrect-label", f"columns are in the order {header}, schema says {fields}", name, 1)


def _limited(
    ctx: Context,
    error_type: str,
    message: str,
    name: str,
    row: int | None,
    field: str | None = None,
    id: str | None = None,
) -> None:
    """Report an error, but at most MAX_ERRORS_PER_CHECK per check (the count stays exact)."""
    check = ctx.check(error_type, name)
    if check.errors >= MAX_ERRORS_PER_CHECK:
        check.errors += 1
        ctx.cache.setdefault("truncated", set()).add(check.id)
        return
    ctx.error(error_type, message, name, row, field, id)


def _limited_count(ctx: Context, error_type: str, name: str, count: int) -> None:
    """Count `count` more errors of a check that already listed its MAX_ERRORS_PER_CHECK."""
    check = ctx.check(error_type, name)
    check.errors += count
    ctx.cache.setdefault("truncated", set()).add(check.id)


def check_fields(ctx: Context, name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Types and constraints of every field; returns the typed table (bad cells become missing)."""
    import pandas as pd

    schema = ctx.package.resources[name]["schema"]
    missing = set(missing_values(schema))
    pk = _key_fields(schema.get("primaryKey"))
    typed = pd.DataFrame(index=raw.index)
    for f in schema["fields"]:
        col = f["name"]
        values = raw[col].astype("string")
        present = ~values.isin(missing)
        kind = f.get("type", "string")
        cons = f.get("constraints") or {}
        ctx.check("type-error", name)
        ctx.check("constraint-error", name)
        required = bool(cons.get("required")) or col in pk
        if required:
            for row in values.index[~present]:
                _limited(
                    ctx,
                    "constraint-error",
                    "required value is missing",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        parsed, ok = _parse(kind, values, present, f)
        for row in values.index[present & ~ok]:
            _limited(
                ctx,
                "type-error",
                f"{values[row]!r} is not a valid {kind}{_type_hint(kind)}",
                name,
                int(row),
                col,
                _row_id(raw, pk, row),
            )
        valid = present & ok
        cats = categories(f)
        if cats is not None:
            bad = valid & ~values.isin(cats)
            for row in values.index[bad]:
                _limited(
                    ctx,
                    "constraint-error",
                    f"{values[row]!r} is not one of {cats}",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        if "pattern" in cons and kind == "string":
            bad = valid & ~values.str.fullmatch(str(cons["pattern"])).fillna(True).astype(bool)
            for row in values.index[bad]:
                _limited(
                    ctx,
                    "constraint-error",
                    f"{values[row]!r} does not match the pattern {cons['pattern']}",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        for key, op, word in (("minimum", "lt", "below the minimum"), ("maximum", "gt", "above the maximum")):
            if key in cons and kind in ("integer", "number"):
                bad = valid & getattr(parsed, op)(cons[key]).fillna(False).astype(bool)
                for row in values.index[bad]:
                    _limited(
                        ctx,
                        "constraint-error",
                        f"{values[row]} is {word} {cons[key]}",
                        name,
                        int(row),
                        col,
                        _row_id(raw, pk, row),
                    )
        for key, op, word in (("minLength", "lt", "shorter than"), ("maxLength", "gt", "longer than")):
            if key in cons:
                lengths = values.str.len()
                bad = valid & getattr(lengths, op)(cons[key]).fillna(False).astype(bool)
                for row in values.index[bad]:
                    _limited(
                        ctx,
                        "constraint-error",
                        f"value is {word} {cons[key]} characters",
                        name,
                        int(row),
                        col,
                        _row_id(raw, pk, row),
                    )
        if cons.get("unique"):
            ctx.check("unique-error", name)
            dup = valid & _duplicated(values, ctx, name)
            for row in values.index[dup]:
                _limited(
                    ctx,
                    "unique-error",
                    f"{values[row]!r} is repeated",
                    name,
                    int(row),
                    col,
                    _row_id(raw, pk, row),
                )
        typed[col] = parsed.where(valid)
    return typed


def _type_hint(kind: str) -> str:
    return {"date": " (YYYY-MM-DD)", "boolean": " (true or false)", "number": " (finite decimal)"}.get(
        kind, ""
    )


def _parse(
    kind: str, values: pd.Series, present: pd.Series, field: dict[str, Any]
) -> tuple[pd.Series, pd.Series]:
    """(parsed values, whether each present cell parsed) for one column."""
    import pandas as pd

    text = values.fillna("")
    if kind == "integer":
        ok = text.str.fullmatch(INTEGER).fillna(False).astype(bool)
        parsed = _fast_numeric(text, ok, kind)
        if parsed is None:
            parsed = pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")
        return parsed, ok
    if kind == "number":
        ok = text.str.fullmatch(NUMBER).fillna(False).astype(bool)
        parsed = _fast_numeric(text, ok, kind)
        if parsed is None:
            parsed = pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")
        finite = parsed.notna() & (parsed.abs() != float("inf"))
        return parsed, ok & finite.fillna(False).astype(bool)
    if kind == "boolean":
        true = field.get("trueValues", TRUE_VALUES)
        false = field.get("falseValues", FALSE_VALUES)
        ok = text.isin(true) | text.isin(false)
        return text.isin(true).astype("boolean").where(ok), ok
    if kind == "date":
        ok = text.str.fullmatch(DATE).fillna(False).astype(bool)
        parsed = pd.to_datetime(text.where(ok), format="%Y-%m-%d", errors="coerce")
        return parsed, ok & parsed.notna()
    return values, pd.Series(True, index=values.index)


def _arrow_text(values: pd.Series) -> Any:
    """The pyarrow ChunkedArray behind an Arrow-backed string column, or None."""
    import pandas as pd

    dtype = values.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    return values.array.__arrow_array__()


def _fast_numeric(text: pd.Series, ok: pd.Series, kind: str) -> pd.Series | None:
    """`pd.to_numeric(text.where(ok), errors="coerce").astype("Float64")` computed by pyarrow, for the
    common case where it is provably the same: every matched cell has at most 15 characters and no
    exponent, so the exact decimal value needs at most 15 digits and both parsers round it correctly
    (pandas gives whole numbers via int64 unless some cell has a decimal point, hence "-0" -> 0.0 there).
    None when the case does not apply; the caller then runs pandas."""
    import numpy as np
    import pandas as pd

    arr = _arrow_text(text)
    if arr is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    mask = ok.to_numpy(dtype=bool)
    chosen = arr.filter(pa.array(mask))
    data = np.zeros(len(mask), dtype=np.float64)
    if len(chosen):
        longest = pc.max(pc.binary_length(chosen)).as_py()
        if longest > 15 or pc.any(pc.match_substring_regex(chosen, "[eE]")).as_py():
            return None
        decimal = kind == "number" and pc.any(pc.match_substring(chosen, ".")).as_py()
        try:
            if decimal:
                numbers = pc.cast(chosen, pa.float64()).to_numpy()
            else:
                numbers = pc.cast(chosen, pa.int64()).to_numpy().astype(np.float64)
        except (pa.ArrowException, ValueError):
            return None
        data[mask] = numbers
    floats = pd.arrays.FloatingArray(data, ~mask)
    return pd.Series(floats, index=text.index, name=text.name, copy=False)


def _duplicated(values: pd.Series, ctx: Context, name: str) -> pd.Series:
    """`values.duplicated(keep="first")`, kept on ctx for the same column (a unique field that is also
    the primary key is hashed once)."""
    store = ctx.cache.setdefault("structure-duplicated", {})
    hit = store.get((name, values.name))
    if hit is not None and hit[0] is values.array:
        return hit[1]
    dup = _first_duplicated(values)
    store[(name, values.name)] = (values.array, dup)
    return dup


def _first_duplicated(values: pd.Series) -> pd.Series:
    """`values.duplicated(keep="first")`, vectorised with pyarrow for an Arrow-backed column without
    missing cells (dictionary codes number the distinct values in order of first appearance)."""
    import numpy as np
    import pandas as pd

    arr = _arrow_text(values)
    if arr is None or arr.null_count or not len(arr):
        return values.duplicated(keep="first")
    import pyarrow as pa

    codes = pa.chunked_array(arr).combine_chunks().dictionary_encode().indices.to_numpy()
    seen = np.maximum.accumulate(codes)
    first = np.empty(len(codes), dtype=bool)
    first[0] = True
    first[1:] = codes[1:] > seen[:-1]
    return pd.Series(~first, index=values.index, name=values.name, copy=False)


def _key_fields(key: Any) -> list[str]:
    if key is None:
        return []
    return [key] if isinstance(key, str) else list(key)


def _row_id(raw: pd.DataFrame, pk: list[str], row: Any) -> str | None:
    if len(pk) != 1 or pk[0] not in raw.columns:
        return None
    value = raw.at[row, pk[0]]
    return str(value) if value else None


def check_keys(ctx: Context) -> None:
    """Primary keys within each resource, then every declared foreign key across resources."""
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        pk = _key_fields(schema.get("primaryKey"))
        if pk and all(f in raw.columns for f in pk):
            ctx.check("primary-key", name)
            dup = _duplicated(raw[pk[0]], ctx, name) if len(pk) == 1 else raw[pk].duplicated(keep="first")
            for row in raw.index[dup]:
                shown = ", ".join(f"{f}={raw.at[row, f]!r}" for f in pk)
                _limited(
                    ctx,
                    "primary-key",
                    f"primary key {shown} is repeated",
                    name,
                    int(row),
                    ",".join(pk),
                    _row_id(raw, pk, row),
                )
    for name, raw in ctx.raw.items():
        schema = ctx.package.resources[name]["schema"]
        missing = set(missing_values(schema))
        pk = _key_fields(schema.get("primaryKey"))
        for fk in schema.get("foreignKeys", []) or []:
            local = _key_fields(fk.get("fields"))
            ref = fk.get("reference") or {}
            target = ref.get("resource") or name
            remote = _key_fields(ref.get("fields"))
            ctx.check("foreign-key", name)
            if target not in ctx.raw or not all(f in raw.columns for f in local) or len(local) != len(remote):
                continue
            other = ctx.raw[target]
            if not all(f in other.columns for f in remote):
                continue
            known: set[tuple[Any, ...]] = set()
            if len(local) == 1:  # vectorised: the common case, and the one that meets 1M-row tables
                col = raw[local[0]]
                bad = ~(col.isin(other[remote[0]]) | col.isin(list(missing)))
                candidates = zip(raw.index[bad], ((v,) for v in col[bad].tolist()), strict=True)
            else:
                known = set(map(tuple, other[remote].itertuples(index=False, name=None)))
                candidates = zip(raw.index, raw[local].itertuples(index=False, name=None), strict=True)
            for row, values in candidates:
                if all(v in missing for v in values) or values in known:
                    continue
                shown = ", ".join(f"{f}={v!r}" for f, v in zip(local, values, strict=True))
                _limited(
                    ctx,
                    "foreign-key",
                    f"{shown} has no match in {target}.{','.join(remote)}",
                    name,
                    int(row),
                    ",".join(local),
                    _row_id(raw, pk, row),
                )


def run(ctx: Context) -> None:
    ctx.check("resource-missing")
    for name in RESOURCE_NAMES:
        if name not in ctx.package.resources:
            ctx.error("resource-missing", f"the package has no {name!r} resource", name)
    for name in ctx.package.resources:
        raw = read_raw(ctx, name)
        if raw is None:
            continue
        ctx.raw[name] = raw
        ctx.typed[name] = check_fields(ctx, name, raw)
    check_keys(ctx)
