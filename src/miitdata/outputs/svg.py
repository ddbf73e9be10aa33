"""A small SVG writer for the datasheet's charts: rectangles, lines, text; nothing else.

Deterministic by construction: coordinates are written with one decimal (`_n`), elements in the order
they are drawn, and no library, font or clock takes part. Text is escaped XML character data, drawn
literally (a label like `$\\frac{1}$` or `<b>` is shown as written, never interpreted), and stays text:
the browser renders it with its own fonts, Chinese included, each Chinese run in `<tspan lang="zh">`
(`outputs/zh.py`) so that it is read as Chinese. Text widths for layout are estimated
from the characters (`text_width`), never measured with installed fonts. Standard library only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from xml.sax.saxutils import quoteattr

from miitdata.outputs.zh import tag_zh

FONT_SIZE = 12.0
# Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _n(value: float) -> str:
    """A coordinate as text: one decimal, no trailing `.0`, never `-0`."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The width of `text` in a sans-serif font, estimated: wide (CJK, full-width) characters take one
    em, others 0.6 em (a little more than the average Latin letter, so labels never overlap)."""
    em = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)
    return em * size


def wrap(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """`text` in lines no wider than `width` (estimated), broken at spaces, or anywhere in CJK text."""
    lines: list[str] = []
    line = ""
    for word in _words(text):
        candidate = line + word
        if line and text_width(candidate.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _words(text: str) -> list[str]:
    """Breakable pieces: a word with its following space, or one wide character."""
    words: list[str] = []
    current = ""
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            if current:
                words.append(current)
                current = ""
            words.append(c)
        else:
            current += c
            if c == " ":
                words.append(current)
                current = ""
    if current:
        words.append(current)
    return words


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top` (steps of 1, 2 or 5 times a power of ten)."""
    if not top > 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / count
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9 * step:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


class Svg:
    """An SVG document built element by element; `render()` gives its text."""

    def __init__(self, width: float, height: float, label_id: str) -> None:
        self.width = width
        self.height = height
        self.label_id = label_id
        self.defs: list[str] = []
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, cls: str = "") -> None:
        """A filled rectangle, as a path (`M x y h w v h h -w z`)."""
        klass = f" class={quoteattr(cls)}" if cls else ""
        d = f"M{_n(x)} {_n(y)}h{_n(w)}v{_n(h)}h{_n(-w)}z"
        self.parts.append(f'<path d="{d}" fill={quoteattr(fill)}{klass}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = "#444", cls: str = "") -> None:
        klass = f" class={quoteattr(cls)}" if cls else ""
        d = f"M{_n(x1)} {_n(y1)}L{_n(x2)} {_n(y2)}"
        self.parts.append(f'<path d="{d}" stroke={quoteattr(stroke)} stroke-width="1" fill="none"{klass}/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        anchor: str = "start",
        size: float = FONT_SIZE,
        bold: bool = False,
        fill: str = "#1d1d1f",
        cls: str = "",
        baseline: str = "",
    ) -> None:
        """One line of text at (x, y) (its baseline), drawn literally."""
        attrs = f'x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill={quoteattr(fill)}'
        if anchor != "start":
            attrs += f" text-anchor={quoteattr(anchor)}"
        if baseline:
            attrs += f" dominant-baseline={quoteattr(baseline)}"
        if bold:
            attrs += ' font-weight="bold"'
        if cls:
            attrs += f" class={quoteattr(cls)}"
        # each Chinese run in <tspan lang="zh">, so it is read as Chinese (the page is English)
        body = tag_zh(_NOT_XML.sub(chr(0xFFFD), text), "tspan", quote=False)
        self.parts.append(f"<text {attrs}>{body}</text>")

    def hatch(self, pattern_id: str, color: str) -> str:
        """A diagonal hatch over `color`, for `fill`; returns `url(#pattern_id)`."""
        self.defs.append(
            f'<pattern id={quoteattr(pattern_id)} width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><path d="M0 0h6v6h-6z" fill={quoteattr(color)}/>'
            '<path d="M0 0v6" stroke="#fff" stroke-width="2.5"/></pattern>'
        )
        return f"url(#{pattern_id})"

    def render(self) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={quoteattr(self.label_id)} '
            f'width="{_n(self.width)}" height="{_n(self.height)}" '
            f'viewBox="0 0 {_n(self.width)} {_n(self.height)}" font-family="sans-serif">'
        )
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        return head + defs + "".join(self.parts) + "</svg>"
