"""Chinese runs in English pages, tagged `lang="zh"` (WCAG 3.1.2, language of parts).

The datasheet, the explorer's page and the charts are English (`lang="en"`) with Chinese in them:
titles, publishers, region names, quotes. A screen reader reads each part in its language only if the
part is tagged, so every Chinese run goes into `<span lang="zh">` (`<tspan lang="zh">` in SVG).

A run is what a reader takes as one piece of Chinese: CJK ideographs, with the full-width punctuation
(，。：“”（）、) next to them, and the digits, spaces and ASCII punctuation between or right beside them
(`1.54万亿元`, `由17.84%上升为19.21%`, `截至2021年底`); a Latin letter ends it. The rule is the same as
the explorer's (`site_assets/app.js`, `zhRuns`). Standard library only.
"""

from __future__ import annotations

import re
from html import escape

# CJK ideographs (unified, extension A, compatibility, the supplementary planes; radicals)
HAN = "\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# CJK symbols and punctuation, full-width forms, vertical forms, double curly quotes
_WIDE = "\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef\u201c\u201d"
_CJK = f"[{HAN}{_WIDE}]+"
# a number (`30.1%`, `1,887.5`) glued to the run's start or end, never part of a word or an id (`S000`)
_NUM = r"[0-9](?:[.,]?[0-9])*%?"
# what may stand between two Chinese pieces: digits, spaces, ASCII punctuation, · and …
_BETWEEN = r"[0-9\s!-/:-@\[-`{-~\u00b7\u2026]*"
RUN = re.compile(f"(?:(?<![A-Za-z0-9.,]){_NUM})?{_CJK}(?:{_BETWEEN}{_CJK})*(?:{_NUM}(?![A-Za-z0-9]))?")
_HAN = re.compile(f"[{HAN}]")


def has_han(text: str) -> bool:
    """Whether `text` has a CJK ideograph."""
    return _HAN.search(text) is not None


def zh_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each with whether it is a Chinese run; joined, they give `text` back.
    A run has at least one ideograph (a lone full-width mark or number is not Chinese)."""
    out: list[tuple[str, bool]] = []
    at = 0
    for match in RUN.finditer(text):
        if not has_han(match.group()):
            continue
        if match.start() > at:
            out.append((text[at : match.start()], False))
        out.append((match.group(), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def tag_zh(text: str, element: str = "span", *, quote: bool = True) -> str:
    """`text` as escaped HTML (or SVG) character data, each Chinese run in `<element lang="zh">`.

    Only for element content in an English context: not for attributes, `<title>` or scripts (they
    hold no markup), nor inside an element already tagged zh (where the spans would say nothing)."""
    return "".join(
        f'<{element} lang="zh">{escape(piece, quote=quote)}</{element}>' if zh else escape(piece, quote=quote)
        for piece, zh in zh_runs(text)
    )
