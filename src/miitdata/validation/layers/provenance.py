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
from collections.abc import Iterator, Mapping
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

    from miitdata.validation.textslices import Corpus

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
    span: tuple[int, int] | None = None  # where its bytes lie in the corpus, when they are UTF-8
    bad_byte: int | None = None  # where decoding failed
    bad_line: int | None = None


class SourceTexts(Mapping[str, str]):
    """source_id -> decoded text of every source whose bytes are UTF-8, decoded on first use from the
    corpus (the one copy of the texts): a layer that finds nothing wrong decodes nothing."""

    def __init__(self, found: list[Source], buffer: bytearray) -> None:
        from miitdata.validation import textslices as ts

        self._spans = {str(s.sid): s.span for s in found if s.span is not None}  # a repeated id: its last
        self.corpus: Corpus = ts.corpus_of(list(self._spans), buffer, list(self._spans.values()))
        self._decoded: dict[str, str] = {}

    def __getitem__(self, sid: str) -> str:
        text = self._decoded.get(sid)
        if text is None:
            a, b = self._spans[sid]  # KeyError for an unknown id, as a dict
            text = self._decoded[sid] = self.corpus.data[a:b].tobytes().decode("utf-8")
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


@dataclass
class Prepared:
    """The provenance layer's work that files no error: read, hash and decode every source, and the
    vectorised pass over the mentions. `prepare` runs it on a second thread while the content layer
    runs (reading files, sha256 and numpy release the GIL); `run` files the errors in order."""

    sources: list[Source]
    texts: SourceTexts
    masks: tuple[Any, Any] | None  # _fast_pass's (quotes hold, values hold), None without mentions


def read_sources(ctx: Context) -> tuple[list[Source], SourceTexts]:
    """Read every source file of the sources table: what each read found, and the texts of those whose
    bytes are UTF-8. The bytes go into one buffer as they are read (the corpus), so each text is held
    once, whatever the number of sources."""
    from miitdata.validation import textslices as ts

    found: list[Source] = []
    buffer = bytearray()
    sources = ctx.typed.get("sources")
    if sources is None:
        return found, SourceTexts(found, buffer)
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
        if ts.is_utf8(data):
            item.span = (len(buffer), len(buffer) + len(data))
            buffer += data
        else:
            item.bad_byte = source.bad_byte
            item.bad_line = data.count(b"\n", 0, item.bad_byte) + 1
        del source, data
    return found, SourceTexts(found, buffer)


def _work(ctx: Context) -> Prepared:
    found, texts = read_sources(ctx)
    mentions = ctx.typed.get("mentions")
    if mentions is None:
        return Prepared(found, texts, None)
    values = "value_start" in mentions.columns and "value_end" in mentions.columns
    return Prepared(found, texts, _fast_pass(mentions, texts.corpus, values))


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


def source_texts(ctx: Context, prepared: Prepared | None = None) -> Mapping[str, str]:
    """sha256-check every raw source; return the texts of those that exist and are UTF-8 (cached on
    ctx; each decoded on first use)."""
    if ctx.texts is not None:
        return ctx.texts
    found, texts = (prepared.sources, prepared.texts) if prepared is not None else read_sources(ctx)
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
        if item.bad_byte is not None:
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


def check_mentions(ctx: Context, texts: Mapping[str, str], masks: tuple[Any, Any] | None = None) -> None:
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
    if masks is None:  # the texts' bytes as read, where they were read here
        masks = _fast_pass(mentions, texts.corpus if isinstance(texts, SourceTexts) else texts, values)
    quotes_ok, values_ok = masks
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


def _fast_pass(mentions: pd.DataFrame, texts: Corpus | Mapping[str, str], values: bool) -> tuple[Any, Any]:
    """(quote checks certainly pass, value-offset check certainly passes) per row, as bool arrays.

    A quote holds when the row has every field, whole offsets into a known text, exact ==
    text[start:end], the CONTEXT code points around it equal prefix and suffix, and value_text is in
    exact (with value offsets: text[value_start:value_end] == value_text inside [start, end), which
    implies it). False means "not sure": the full checks decide, with their messages."""
    import numpy as np
    import pandas as pd

    from miitdata.validation import textslices as ts

    if not isinstance(texts, ts.Corpus):
        texts = ts.corpus(texts)
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
    index, known = ts.source_index(texts.ids, mentions["source_id"])
    value_text = ts.utf8_column(mentions["value_text"])
    usable = whole & known & value_text.valid
    before = np.maximum(start - CONTEXT, 0)
    after = np.minimum(end + CONTEXT, ts.text_lengths(texts, index, usable))
    # positions 0 start, 1 end, 2 start - CONTEXT, 3 end + CONTEXT (both within the text), 4-5 the value
    where = ts.locate(texts, index, usable, [start, end, before, after, *offsets[2:]])
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


def _value_offset_errors(ctx: Context, texts: Mapping[str, str], rows: Any) -> None:
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
    texts: Mapping[str, str],
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
    texts = source_texts(ctx, prepared)
    check_text_resources(ctx, prepared.sources)
    check_mentions(ctx, texts, prepared.masks)
    check_exact_one_line(ctx)
    locate_edits(ctx, texts)
    check_notes(ctx, texts)
