"""What a `note` or `explanation` cell presents as a quote of the sources, and whether a text has it.

A free-text cell is English prose. In it, the following are quotes, each claimed to be verbatim in
a source the row names or concerns (CURATION.md, "Quotes in notes"):

- text in quotation marks: “…”, ‘…’, "…", '…' (an ASCII ' opens after a non-word character and closes
  before one, so apostrophes of English words are not quotes), 「…」, 『…』;
- every run of Chinese text (ideographs with the digits, punctuation and single spaces between them):
  Chinese in an English note is always read as the source's own wording.

Not quotes, and not checked: a presumed wording, `[presumed original: …]` (a back-translation or an
inferred original that no source contains); a document title in book-title marks, 《…》; a code value
in backticks (`>= 30`). A span with no letter, digit or ideograph (a lone '+') is not checked.

Matching: an ellipsis (… or ...) marks an omission, so each part around it must be in the text on its
own; runs of whitespace match any whitespace (a quote on one line may cross a line break of the text);
the first letter of an English quote may differ in case (a quote starting a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
PRESUMED = "[presumed original:"
# marked spans: skipped before anything else is looked for
_MARKED = re.compile(r"\[presumed original:[^\]]*\]|《[^》]*》|`[^`]*`")
_PAIRS = re.compile(r"“([^“”]*)”|‘([^‘’]*)’|「([^「」]*)」|『([^『』]*)』|\"([^\"]*)\"|(?<!\w)'(.+?)'(?!\w)")
_RUN_CHAR = (
    f"[{IDEOGRAPH}0-9０-９，。、；：？！（）“”‘’「」『』…·—～％／]"
    r"|[.%/+×\-](?=[0-9" + IDEOGRAPH + r"])"  # decimal points, %, / and + inside numbers and names
    r"| (?=[" + IDEOGRAPH + r"“”])(?<=[" + IDEOGRAPH + r"“”] )"  # one space between Chinese words
)
_RUN = re.compile(f"(?:{_RUN_CHAR}|%)+")
_HAS_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]")
_CHECKABLE = re.compile(f"[A-Za-z0-9{IDEOGRAPH}]")
_EDGE = "，。、；：？！（）…·—～ .,;:/+-（"  # punctuation trimmed from a run's ends
_ELLIPSIS = re.compile(r"…+|\.\.\.+|⋯+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Quote:
    """One span a cell presents as verbatim: `text` as written, `parts` the pieces around ellipses."""

    text: str
    start: int  # code-point offset in the cell
    kind: str  # "quoted" (in quotation marks) or "chinese" (a run of Chinese text)
    parts: tuple[str, ...]


def quotes(cell: str) -> list[Quote]:
    """Every span of `cell` that claims to be verbatim, in order of position (marked spans skipped)."""
    masked = _MARKED.sub(lambda m: " " * len(m.group(0)), cell)
    found: list[Quote] = []
    for m in _PAIRS.finditer(masked):
        group = next(g for g in range(1, 7) if m.group(g) is not None)
        _add(found, m.group(group), m.start(group), "quoted")
    for m in _RUN.finditer(masked):
        text = m.group(0)
        lead = len(text) - len(text.lstrip(_EDGE))
        text = text.strip(_EDGE)
        if _HAS_IDEOGRAPH.search(text):
            _add(found, _balanced(text), m.start() + lead, "chinese")
    return sorted(found, key=lambda q: (q.start, q.kind))


def _balanced(text: str) -> str:
    """A run without quotation marks or brackets at its ends (a pair's other half may lie outside it)."""
    return text.strip("“”‘’「」『』（）")


def _add(found: list[Quote], text: str, start: int, kind: str) -> None:
    parts = tuple(p.strip() for p in _ELLIPSIS.split(text))
    parts = tuple(p for p in parts if _CHECKABLE.search(p))
    if parts:
        found.append(Quote(text, start, kind, parts))


def normalise(text: str) -> str:
    """Whitespace runs as one space: how quotes and texts are compared."""
    return _SPACE.sub(" ", text)


def holds(quote: Quote, text: str) -> bool:
    """Whether every part of `quote` is in `text` (normalised with `normalise`)."""
    return all(_part_in(part, text) for part in quote.parts)


def _part_in(part: str, text: str) -> bool:
    part = normalise(part)
    if part in text:
        return True
    first = part[:1]
    return first.isalpha() and first.isascii() and (first.swapcase() + part[1:]) in text
