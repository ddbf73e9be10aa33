"""Layer 3, provenance: the raw sources are the bytes we think they are, and every quote is where it says.

For each source: the file exists and its sha256 matches. For each mention: 0 <= start < end <= len(text),
exact == text[start:end], value_text is inside exact,
text[value_start:value_end] == value_text with start <= value_start < value_end <= end (when the
table has the columns), prefix/suffix equal the 16 code points around it.
Offsets are Unicode code points into the text decoded as UTF-8 with newlines untouched.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.package import resolve_inside
from miitdata.validation.context import Context, records

if TYPE_CHECKING:
    import pandas as pd

CONTEXT = 16  # prefix and suffix are the CONTEXT code points around the quote (fewer at the text's ends)


def source_texts(ctx: Context) -> dict[str, str]:
    """sha256-check every raw source; return the decoded texts of those that exist (cached on ctx)."""
    if ctx.texts is not None:
        return ctx.texts
    texts: dict[str, str] = {}
    sources = ctx.typed.get("sources")
    ctx.texts = texts
    if sources is None:
        return texts
    for check in ("source-missing", "source-hash-mismatch", "source-not-utf8"):
        ctx.check(check, "sources")
    for row, sid, relpath, digest in zip(
        sources.index, sources["source_id"], sources["path"], sources["sha256"], strict=True
    ):
        if not isinstance(relpath, str):
            continue
        try:
            path = resolve_inside(ctx.package.root, relpath, ctx.package.path)
        except PackageError as exc:
            ctx.error("source-missing", "sources", int(row), "path", sid, note=exc.message)
            continue
        if not path.is_file():
            ctx.error("source-missing", "sources", int(row), "path", sid, note=f"no file {relpath}")
            continue
        data = path.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if isinstance(digest, str) and actual != digest:
            ctx.error(
                "source-hash-mismatch",
                "sources",
                int(row),
                "sha256",
                sid,
                path=relpath,
                actual=actual,
                expected=digest,
            )
        try:
            texts[str(sid)] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            ctx.error("source-not-utf8", "sources", int(row), "path", sid, path=relpath, byte=exc.start)
    return texts


def check_mentions(ctx: Context, texts: dict[str, str]) -> None:
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
    cols = ["mention_id", "source_id", "start", "end", "exact", "prefix", "suffix", "value_text"]
    values = "value_start" in mentions.columns and "value_end" in mentions.columns
    # (first row of a chunk, its rows the value-offset check must see): reported after the quotes
    value_suspects: list[tuple[int, list[int]]] = []
    # A fast pass finds the rows that are certainly right; only the others get the full checks. Both
    # fast passes (quotes, value offsets) share each chunk's Python lists.
    for first in range(0, len(mentions), CHUNK):
        chunk = mentions.iloc[first : first + CHUNK]
        lists: dict[str, list[Any]] = {}
        suspect = [i for i, ok in enumerate(_quotes_hold(chunk, texts, lists)) if not ok]
        if suspect:
            for row in records(chunk.iloc[suspect], cols):
                _check_mention(ctx, texts, *row)
        if values:
            suspect = [i for i, ok in enumerate(_values_hold(chunk, texts, lists)) if not ok]
            if suspect:
                value_suspects.append((first, suspect))
    if values:
        _check_value_offsets(ctx, texts, mentions, value_suspects)


def _column(mentions: pd.DataFrame, name: str, lists: dict[str, list[Any]]) -> list[Any]:
    """`mentions[name].tolist()`, once per chunk."""
    if name not in lists:
        lists[name] = mentions[name].tolist()
    return lists[name]


def _check_value_offsets(
    ctx: Context, texts: dict[str, str], mentions: pd.DataFrame, suspects: list[tuple[int, list[int]]]
) -> None:
    """text[value_start:value_end] == value_text, and the value span lies inside [start, end)."""
    ctx.check("value-offset-mismatch", "mentions")
    cols = ["mention_id", "source_id", "start", "end", "value_start", "value_end", "value_text"]
    # As for the quotes: a vectorised pass cleared the rows that certainly hold; the loop sees the rest.
    for first, suspect in suspects:
        chunk = mentions.iloc[first : first + CHUNK]
        _value_offset_errors(ctx, texts, records(chunk.iloc[suspect], cols))


def _whole_offsets(mentions: pd.DataFrame, names: tuple[str, ...]) -> tuple[Any, list[list[int]]] | None:
    """(a bool array: every offset of the row is a whole finite number, the offsets as int lists, 0 where
    not whole) for numeric columns `names`; None when a column is not numeric."""
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
    return whole, [np.where(whole, a, 0).astype(np.int64).tolist() for a in arrays]


def _values_hold(mentions: pd.DataFrame, texts: dict[str, str], lists: dict[str, list[Any]]) -> list[bool]:
    """For each row, True when `_value_offset_errors` certainly reports nothing for it: whole offsets,
    start <= value_start < value_end <= end and text[value_start:value_end] == value_text."""
    import pandas as pd

    if not all(isinstance(mentions[c].dtype, pd.StringDtype) for c in ("source_id", "value_text")):
        return [False] * len(mentions)
    found = _whole_offsets(mentions, ("start", "end", "value_start", "value_end"))
    if found is None:
        return [False] * len(mentions)
    whole, (starts, ends, vstarts, vends) = found
    whole &= mentions[["source_id", "value_text"]].notna().all(axis=1).to_numpy()
    get = texts.get
    return [
        w and (t := get(sid)) is not None and a <= c < d <= b and t[c:d] == v
        for w, a, b, c, d, sid, v in zip(
            whole.tolist(),
            starts,
            ends,
            vstarts,
            vends,
            _column(mentions, "source_id", lists),
            _column(mentions, "value_text", lists),
            strict=True,
        )
    ]


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
        ctx.error("value-offset-mismatch", "mentions", int(row), "value_start", mid, problem=problem)


CHUNK = 65536  # rows per fast pass: bounds the Python strings alive at once


def _quotes_hold(mentions: pd.DataFrame, texts: dict[str, str], lists: dict[str, list[Any]]) -> list[bool]:
    """For each row, True when it has every field, integral offsets into a known text, and every
    check of `_check_mention` passes; False means "not sure" (the full checks decide)."""
    import numpy as np
    import pandas as pd

    texts_in = ("source_id", "exact", "prefix", "suffix", "value_text")
    if not all(isinstance(mentions[c].dtype, pd.StringDtype) for c in texts_in):
        return [False] * len(mentions)  # cells that are not text: the full checks handle them
    offsets = []
    for name in ("start", "end"):
        dtype = mentions[name].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            return [False] * len(mentions)
        offsets.append(mentions[name].to_numpy(dtype=np.float64, na_value=np.nan))
    start, end = offsets
    with np.errstate(invalid="ignore"):
        whole = (np.abs(start) < 2**53) & (np.abs(end) < 2**53) & (start % 1 == 0) & (end % 1 == 0)
    whole &= mentions[list(texts_in)].notna().all(axis=1).to_numpy()  # every text cell is a str
    starts = np.where(whole, start, 0).astype(np.int64).tolist()
    ends = np.where(whole, end, 0).astype(np.int64).tolist()
    columns = (_column(mentions, c, lists) for c in texts_in)
    get = texts.get
    return [
        w
        and (t := get(sid)) is not None
        and 0 <= a < b <= len(t)
        and v in x
        and t[a:b] == x
        and t[a - CONTEXT if a > CONTEXT else 0 : a] == p
        and t[b : b + CONTEXT] == q
        for w, a, b, sid, x, p, q, v in zip(whole.tolist(), starts, ends, *columns, strict=True)
    ]


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
    """Every provenance check of one mention, reporting each failure."""
    row = int(row)
    if isinstance(exact, str) and isinstance(value_text, str) and value_text not in exact:
        ctx.error(
            "value-text-not-in-quote", "mentions", row, "value_text", mid, value_text=value_text, exact=exact
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
            "mentions",
            row,
            "start",
            mid,
            start=start,
            end=end,
            source_id=sid,
            length=len(text),
        )
        return
    quoted = text[start:end]
    if isinstance(exact, str) and quoted != exact:
        ctx.error(
            "quote-mismatch", "mentions", row, "exact", mid, start=start, end=end, quoted=quoted, exact=exact
        )
    prefix = prefix if isinstance(prefix, str) else ""
    suffix = suffix if isinstance(suffix, str) else ""
    before = text[max(0, start - CONTEXT) : start]
    if before != prefix:
        ctx.error("prefix-mismatch", "mentions", row, "prefix", mid, actual=before, prefix=prefix)
    after = text[end : end + CONTEXT]
    if after != suffix:
        ctx.error("suffix-mismatch", "mentions", row, "suffix", mid, actual=after, suffix=suffix)


CODES = (
    "source-missing", "source-hash-mismatch", "source-not-utf8", "offset-out-of-range", "quote-mismatch",
    "value-text-not-in-quote", "prefix-mismatch", "suffix-mismatch", "value-offset-mismatch",
)  # fmt: skip


def run(ctx: Context) -> None:
    check_mentions(ctx, source_texts(ctx))
