"""The explorer's excluded numbers meet WCAG 2 AA contrast (4.5:1) on their background (axe's rule)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    hi, lo = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert 3.56 <= contrast("#7a7f87", "#f1f1f1") < 3.57  # the colour axe reported (3.56:1, serious)


def test_excluded_numbers_are_readable() -> None:
    css = (resources.files("miitdata.outputs") / "site_assets" / "app.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))
    (rule,) = re.findall(r"\.excluded\s*\{([^}]*)\}", css)
    colour = re.search(r"(?<![-\w])color:\s*var\(--([a-z-]+)\)", rule)
    background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", rule)
    assert colour and background
    assert contrast(variables[colour.group(1)], background.group(1)) >= 4.5


def test_datasheet_content_is_in_landmarks(tmp_path: Path) -> None:
    """axe's landmark-one-main and region rules: one main; the site's back link in a nav."""
    import miitdata
    from miitdata.outputs.datasheet import render_datasheet
    from miitdata.outputs.site import build_site

    ds = miitdata.load()
    html = render_datasheet(ds)
    assert html.count("<main>") == 1 and html.count("</main>") == 1
    body = html.split("<body>", 1)[1]
    assert body.lstrip().startswith("<main>") and re.search(r"</main>\s*<footer>", body)
    build_site(ds, tmp_path / "site")
    sheet = (tmp_path / "site" / "datasheet.html").read_text(encoding="utf-8")
    assert '<body><nav aria-label="Explorer">' in sheet and '<span lang="zh">数据浏览</span>' in sheet
