"""Layer 3, provenance: the raw sources are the bytes we think they are, and every quote is where it says.

For each source: the file exists and its sha256 matches. For each mention: 0 <= start < end <= len(text),
exact == text[start:end], value_text is inside exact,
text[value_start:value_end] == value_text with start <= value_start < value_end <= end (when the
table has the columns), prefix/suffix equal the 16 code points around it. Every quote in a `note` or
`explanation` cell is verbatim in a source the row names or concerns (`miitdata.validation.notecheck`).
Offsets are Unicode code points into the text decoded as UTF-8 with newlines untouched.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.sources import NO_SUCH_FILE, read_source
from miitdata.validation.context import Context, records
from miitdata.validation.edits import locate_edits
from miitdata.validation.notecheck import check_notes
from miitdata.validation.textresources import check_text_resources

if TYPE_CHECKING:
    import pandas as pd

CONTEXT = 16  # prefix and suffix are the CONTEXT code points around the quote (fewer at the text's ends)


@dataclass
class Source:
    """What reading one row of the sources table found (no error filed yet)."""

    row: int
    sid: Any
    relpath: str
    digest: Any
    problem: str | None = None  # why the file cannot be read (source-missing)
    actual: str | None = None  # its sha256
    size: int | None = None  # its length in bytes
    text: str | None = None
    data: bytes | None = None  # its bytes, when they decoded: the text's UTF-8
    bad_byte: int | None = None  # where decoding failed
    bad_line: int | None = None


@dataclass
class Prepared:
    """The provenance layer's work that files no error: read, hash and decode every source, and the
    vectorised pass over the mentions. `prepare` runs it on a second thread while the content layer
    runs (reading files, sha256 and numpy release the GIL); `run` files the errors in order."""

    sources: list[Source]
    masks: tuple[Any, Any] | None  # _fast_pass's (quotes hold, values hold), None without mentions


def read_sources(ctx: Context) -> list[Source]:
    found: list[Source] = []
    sources = ctx.typed.get("sources")
    if sources is None:
        return found
    for row, sid, relpath, digest in zip(
        sources.index, sources["source_id"], sources["path"], sources["sha256"], strict=True
    ):
        if not isinstance(relpath, str):
            continue
        item = Source(int(row), sid, relpath, digest)
        found.append(item)
        try:  # the one reader of source files (miitdata.sources): never a FIFO, never outside the package
            source = read_source(ctx.package.root, ctx.package.path, relpath)
        except PackageError as exc:
            item.problem = f"no file {relpath}" if exc.message == NO_SUCH_FILE else exc.message
            continue
        data = source.data
        item.actual = source.sha256
        item.size = len(data)
        item.bad_byte = source.bad_byte
        if item.bad_byte is None:
            item.text, item.data = source.text(), data
        else:
            item.bad_line = data.count(b"\n", 0, item.bad_byte) + 1
    return found


def _texts(found: list[Source]) -> tuple[dict[str, str], dict[str, bytes]]:
    texts = {str(s.sid): s.text for s in found if s.text is not None}
    encoded = {str(s.sid): s.data for s in found if s.data is not None}
    return texts, encoded


def _work(ctx: Context) -> Prepared:
    found = read_sources(ctx)
    mentions = ctx.typed.get("mentions")
    if mentions is None:
        return Prepared(found, None)
    texts, encoded = _texts(found)
    values = "value_start" in mentions.columns and "value_end" in mentions.columns
    return Prepared(found, _fast_pass(mentions, texts, values, encoded))


def prepare(ctx: Context) -> None:
    """Start the layer's error-free work on a second thread (joined by `run`).

    What the thread imports is imported here first: two threads importing at once can deadlock."""
    from miitdata.validation import textslices

    textslices.warm()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["done"] = _work(ctx)
        except BaseException as exc:  # re-raised by `run`, in the caller's thread
            result["failed"] = exc

    thread = threading.Thread(target=work, name="miitdata-provenance", daemon=True)
    thread.start()
    ctx.pending["provenance"] = (thread, result)


def _prepared(ctx: Context) -> Prepared:
    pending = ctx.pending.pop("provenance", None)
    if pending is None:
        return _work(ctx)
    thread, result = pending
    thread.join()
    if "failed" in result:
        raise result["failed"]
    done: Prepared = result["done"]
    return done


def source_texts(ctx: Context, found: list[Source] | None = None) -> dict[str, str]:
    """sha256-check every raw source; return the decoded texts of those that exist (cached on ctx)."""
    if ctx.texts is not None:
        return ctx.texts
    if found is None:
        found = read_sources(ctx)
    texts: dict[str, str] = {}
    ctx.texts = texts
    if ctx.typed.get("sources") is None:
        return texts
    for check in ("source-missing", "source-hash-mismatch", "source-not-utf8"):
        ctx.check(check, "sources")
    for item in found:
        row, sid, relpath, digest = item.row, item.sid, item.relpath, item.digest
        if item.problem is not None:
            ctx.error("source-missing", resource="sources", row=row, field="path", id=sid, note=item.problem)
            continue
        if isinstance(digest, str) and item.actual != digest:
            ctx.error(
                "source-hash-mismatch",
                resource="sources",
                row=row,
                field="sha256",
                id=sid,
                path=relpath,  # the file that changed: its line is set by `edits.locate_edits`
                file=relpath,
                actual=item.actual,
                expected=digest,
            )
        if item.text is not None:
            texts[str(sid)] = item.text
        else:
            ctx.error(
                "source-not-utf8",
                resource="sources",
                row=row,
                field="path",
                id=sid,
                path=relpath,
                line=item.bad_line,
                file=relpath,
                byte=item.bad_byte,
            )
    return texts


def check_mentions(ctx: Context, texts: dict[str, str], masks: tuple[Any, Any] | None = None) -> None:
    import numpy as np

    mentions = ctx.typed.get("mentions")
    if mentions is None:
        return
    for check in (
        "offset-out-of-range",
        "quote-mismatch",
        "value-text-not-in-quote",
        "prefix-mismatch",
        "suffix-mismatch",
    ):
        ctx.check(check, "mentions")
    values = "value_start" in mentions.columns and "value_end" in mentions.columns
    # A vectorised pass finds the rows that certainly hold; only the others get the full checks.
    quotes_ok, values_ok = masks if masks is not None else _fast_pass(mentions, texts, values)
    cols = ["mention_id", "source_id", "start", "end", "exact", "prefix", "suffix", "value_text"]
    for rows in _blocks(np.flatnonzero(~quotes_ok)):
        for row in records(mentions.iloc[rows], cols):
            _check_mention(ctx, texts, *row)
    if values:
        ctx.check("value-offset-mismatch", "mentions")
        cols = ["mention_id", "source_id", "start", "end", "value_start", "value_end", "value_text"]
        for rows in _blocks(np.flatnonzero(~values_ok)):
            _value_offset_errors(ctx, texts, records(mentions.iloc[rows], cols))


CHUNK = 65536  # rows per block of full checks: bounds the Python objects alive at once


def _blocks(rows: Any) -> Any:
    return (rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK))


def _fast_pass(
    mentions: pd.DataFrame, texts: dict[str, str], values: bool, encoded: dict[str, bytes] | None = None
) -> tuple[Any, Any]:
    """(quote checks certainly pass, value-offset check certainly passes) per row, as bool arrays.

    A quote holds when the row has every field, whole offsets into a known text, exact ==
    text[start:end], the CONTEXT code points around it equal prefix and suffix, and value_text is in
    exact (with value offsets: text[value_start:value_end] == value_text inside [start, end), which
    implies it). False means "not sure": the full checks decide, with their messages."""
    import numpy as np
    import pandas as pd

    from miitdata.validation import textslices as ts

    nothing = np.zeros(len(mentions), dtype=bool)
    if not all(
        isinstance(mentions[c].dtype, pd.StringDtype)
        for c in ("source_id", "exact", "prefix", "suffix", "value_text")
    ):
        return nothing, nothing  # cells that are not text: the full checks handle them
    names = ("start", "end", "value_start", "value_end") if values else ("start", "end")
    found = _whole_offsets(mentions, names)
    if found is None:
        return nothing, nothing
    whole, offsets = found
    start, end = offsets[0], offsets[1]
    index, known = ts.source_index(list(texts), mentions["source_id"])
    value_text = ts.utf8_column(mentions["value_text"])
    usable = whole & known & value_text.valid
    before = np.maximum(start - CONTEXT, 0)
    after = np.minimum(end + CONTEXT, ts.text_lengths(texts, index, usable))
    # positions 0 start, 1 end, 2 start - CONTEXT, 3 end + CONTEXT (both within the text), 4-5 the value
    where = ts.locate(texts, index, usable, [start, end, before, after, *offsets[2:]], encoded)
    exact = ts.utf8_column(mentions["exact"])
    quotes = ts.slices_hold(where, usable & (start < end), 0, 1, exact)
    quotes &= ts.slices_hold(where, quotes, 2, 0, ts.utf8_column(mentions["prefix"]))
    quotes &= ts.slices_hold(where, quotes, 1, 3, ts.utf8_column(mentions["suffix"]))
    if not values:
        rows = np.flatnonzero(quotes)
        inside = [
            v in x
            for v, x in zip(
                mentions["value_text"].iloc[rows].tolist(), mentions["exact"].iloc[rows].tolist(), strict=True
            )
        ]
        quotes[rows[~np.array(inside, dtype=bool)]] = False
        return quotes, nothing
    vstart, vend = offsets[2], offsets[3]
    inside_quote = (start <= vstart) & (vstart < vend) & (vend <= end)
    values_ok = ts.slices_hold(where, usable & inside_quote, 4, 5, value_text)
    return quotes & values_ok, values_ok


def _whole_offsets(mentions: pd.DataFrame, names: tuple[str, ...]) -> tuple[Any, list[Any]] | None:
    """(a bool array: every offset of the row is a whole finite number, the offsets as int64 arrays, 0
    where not whole) for numeric columns `names`; None when a column is not numeric."""
    import numpy as np
    import pandas as pd

    arrays = []
    for name in names:
        dtype = mentions[name].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            return None
        arrays.append(mentions[name].to_numpy(dtype=np.float64, na_value=np.nan))
    whole = np.ones(len(mentions), dtype=bool)
    with np.errstate(invalid="ignore"):
        for a in arrays:
            whole &= (np.abs(a) < 2**53) & (a % 1 == 0)
    return whole, [np.where(whole, a, 0).astype(np.int64) for a in arrays]


def _value_offset_errors(ctx: Context, texts: dict[str, str], rows: Any) -> None:
    for row, mid, sid, start, end, vstart, vend, value_text in rows:
        text = texts.get(str(sid))
        numbers = (start, end, vstart, vend)
        if text is None or not isinstance(value_text, str):
            continue  # unknown source or missing value_text: reported by other checks
        if not all(isinstance(n, (int, float)) and n == n for n in numbers):
            continue  # a missing or mistyped offset: a structure error already
        start, end, vstart, vend = (int(n) for n in numbers)
        if not start <= vstart < vend <= end:
            problem = f"value span [{vstart}, {vend}) is not inside the quote [{start}, {end})"
        elif text[vstart:vend] != value_text:
            problem = f"text[{vstart}:{vend}] is {text[vstart:vend]!r}, value_text is {value_text!r}"
        else:
            continue
        ctx.error(
            "value-offset-mismatch",
            resource="mentions",
            row=int(row),
            field="value_start",
            id=mid,
            refers=[("sources", sid)],
            problem=problem,
        )


def _check_mention(
    ctx: Context,
    texts: dict[str, str],
    row: int,
    mid: Any,
    sid: Any,
    start: Any,
    end: Any,
    exact: Any,
    prefix: Any,
    suffix: Any,
    value_text: Any,
) -> None:
    """Every provenance check of one mention, reporting each failure.

    Long because: every check of one mention in the order its errors are reported, sharing the text and the
    offsets."""
    row = int(row)
    if isinstance(exact, str) and isinstance(value_text, str) and value_text not in exact:
        ctx.error(
            "value-text-not-in-quote",
            resource="mentions",
            row=row,
            field="value_text",
            id=mid,
            refers=[("sources", sid)],
            value_text=value_text,
            exact=exact,
        )
    text = texts.get(str(sid))
    if text is None or not isinstance(start, (int, float)) or not isinstance(end, (int, float)):
        return  # unknown source (a foreign-key error) or a bad offset (a type error): reported already
    if start != start or end != end:  # missing (NaN)
        return
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text):
        ctx.error(
            "offset-out-of-range",
            resource="mentions",
            row=row,
            field="start",
            id=mid,
            refers=[("sources", sid)],
            start=start,
            end=end,
            source_id=sid,
            length=len(text),
        )
        return
    quoted = text[start:end]
    if isinstance(exact, str) and quoted != exact:
        ctx.error(
            "quote-mismatch",
            resource="mentions",
            row=row,
            field="exact",
            id=mid,
            refers=[("sources", sid)],
            start=start,
            end=end,
            quoted=quoted,
            exact=exact,
        )
    prefix = prefix if isinstance(prefix, str) else ""
    suffix = suffix if isinstance(suffix, str) else ""
    before = text[max(0, start - CONTEXT) : start]
    if before != prefix:
        ctx.error(
            "prefix-mismatch",
            resource="mentions",
            row=row,
            field="prefix",
            id=mid,
            refers=[("sources", sid)],
            actual=before,
            prefix=prefix,
        )
    after = text[end : end + CONTEXT]
    if after != suffix:
        ctx.error(
            "suffix-mismatch",
            resource="mentions",
            row=row,
            field="suffix",
            id=mid,
            refers=[("sources", sid)],
            actual=after,
            suffix=suffix,
        )


CODES = (
    "source-missing", "source-hash-mismatch", "source-not-utf8", "offset-out-of-range", "quote-mismatch",
    "value-text-not-in-quote", "prefix-mismatch", "suffix-mismatch", "value-offset-mismatch",
    "exact-not-one-line",
    "quote-not-in-source", "text-resource-mismatch",
)  # fmt: skip


def run(ctx: Context) -> None:
    from miitdata.validation.meaning import check_exact_one_line

    prepared = _prepared(ctx)
    texts = source_texts(ctx, prepared.sources)
    check_text_resources(ctx, prepared.sources)
    check_mentions(ctx, texts, prepared.masks)
    check_exact_one_line(ctx)
    locate_edits(ctx, texts)
    check_notes(ctx, texts)
