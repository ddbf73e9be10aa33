"""Hostile region labels in the datasheet: a label is drawn literally, never interpreted.

A package copy whose region names (English and Chinese) contain TeX math (`$\\frac{1}$`), markup
(`<script>`), an entity (`&amp;`) and a very long label still gives a datasheet (exit 0) whose charts
are well-formed SVG showing the label text as written, and whose page has no injected element.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import edit_rows, run_cli

SVG = "{http://www.w3.org/2000/svg}"
LONG = "Very long region label " * 20
HOSTILE = [r"$\frac{1}$ math", "<script>alert(1)</script>", "Tom &amp; Jerry", LONG.strip()]


def hostile_labels(rows: list[dict[str, str]]) -> None:
    for i, row in enumerate(rows):
        label = HOSTILE[i % len(HOSTILE)]
        row["name_en"] = f"{label} {row['region_id']}"
        row["name_zh"] = f"{label} 区{row['region_id']}"


def svg_texts(svg: ET.Element) -> str:
    """All text the SVG draws (text, tspan and title contents), joined."""
    return "\n".join("".join(el.itertext()) for el in svg.iter() if el.tag in (f"{SVG}text", f"{SVG}title"))


def test_hostile_region_labels_are_drawn_literally(pkg: Path, tmp_path: Path) -> None:
    edit_rows(pkg, "regions", hostile_labels)
    out = tmp_path / "datasheet.html"
    proc = run_cli("datasheet", str(out), "-p", str(pkg))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    html = out.read_text(encoding="utf-8")
    # nothing injected: the one script is the JSON-LD data block, closed once (labels escaped inside it)
    assert re.findall(r"<script\b[^>]*>", html) == ['<script type="application/ld+json">']
    assert html.count("</script>") == 1
    body = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    assert "<script>" not in body
    svgs = re.findall(r"<svg\b.*?</svg>", body, re.S)
    assert svgs, "the datasheet has no chart"
    drawn = "\n".join(svg_texts(ET.fromstring(svg)) for svg in svgs)  # each SVG is well-formed XML
    # every label is drawn as written: markup, TeX and the entity text literally, not interpreted
    assert "<script>alert(1)</script> CN-" in drawn
    assert r"$\frac{1}$ math CN" in drawn
    assert "Tom &amp; Jerry CN-" in drawn  # the text "&amp;" itself, so "&amp;amp;" in the markup
    assert "Tom &amp;amp; Jerry" in body
    # the long label may wrap over lines, but every word is drawn, in order
    assert " ".join(LONG.split()) in " ".join(drawn.split())
