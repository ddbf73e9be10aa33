"""The datasheet's charts: SVG drawn by miitdata itself (outputs/svg.py, outputs/charts.py).

Every label is literal text (escaped XML, never markup or math), axes carry unit labels rather than
unit ids, and the bytes are a pure function of the package: no plotting library, locale, time zone
or installed font changes them.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import miitdata
from miitdata.outputs import charts
from miitdata.outputs.datasheet import render_datasheet
from miitdata.outputs.svg import Svg, nice_ticks, text_width, wrap
from miitdata.query.format import UNIT_LABELS, unit_label
from miitdata.vocab import units
from tests.conftest import ROOT, copy_package, edit_rows

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = {
    "regional-shares": charts.chart_regional_shares,
    "before-after": charts.chart_before_after,
    "clusters": charts.chart_clusters,
    "sources-histogram": charts.chart_sources_histogram,
    "discrepancies": charts.chart_discrepancies,
}


@pytest.fixture(scope="module")
def ds() -> Any:
    return miitdata.load(ROOT / "datapackage.json")


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]  # Chinese runs are in <tspan>


@pytest.mark.parametrize("slug", list(CHARTS))
def test_every_chart_is_well_formed_svg_with_text(ds: Any, slug: str) -> None:
    svg = CHARTS[slug](ds)
    assert svg is not None
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == f"title-{slug}"
    assert float(root.get("width", "0")) > 0 and float(root.get("height", "0")) > 0
    assert _texts(svg) and list(root.iter(f"{SVG}path"))


def test_axes_name_units_by_label_not_id(ds: Any) -> None:
    """Each before/after panel's y axis is labelled with its unit's label (`100 million yuan / 亿元`)."""
    pairs = charts.before_after_pairs(ds)
    texts = _texts(charts.chart_before_after(ds) or "")
    units = {str(u) for u in pairs["unit"]}
    assert units
    for unit in units:
        assert unit_label(unit) in texts, unit
        assert unit not in texts or unit_label(unit) == unit, unit  # never the bare id
    clusters = _texts(charts.chart_clusters(ds) or "")
    assert unit_label("count") in clusters
    assert unit_label("100m-yuan") == "100 million yuan / 亿元"


def test_unit_label_prefers_the_descriptor() -> None:
    descriptor = {
        "resources": [
            {
                "name": "indicators",
                "schema": {
                    "fields": [{"name": "unit", "categories": [{"value": "count", "label": "items"}]}]
                },
            }
        ]
    }
    assert unit_label("count", descriptor) == "items"
    assert unit_label("percent", descriptor) == "percent (%) / 百分比"
    assert unit_label("furlongs") == "furlongs"  # an unknown unit: its id, the only name there is
    assert set(UNIT_LABELS) >= set(units())


HOSTILE = [
    "$\\frac{1}$",
    "<script>alert(1)</script>",
    "a & b; ]]> &amp;",
    "\"quoted\" 'single'",
    "%s {0} $x$ \\n",
    "ctrl\x01\x1f char",
]


def test_labels_are_drawn_literally(ds: Any, tmp_path: Path) -> None:
    """Region and indicator names reach the SVG as text: math markup, tags and entities are shown as
    written (XML-illegal control characters as U+FFFD)."""
    pkg = copy_package(tmp_path)
    shares = charts.joined(ds)
    shares = shares[(shares["level"] == "macro-region") & (shares["kind"] == "share")]
    region_ids = sorted(set(shares["region_id"]))[: len(HOSTILE)]

    def rename(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["region_id"] in region_ids:
                row["name_en"] = HOSTILE[region_ids.index(row["region_id"])]

    edit_rows(pkg, "regions", rename)
    hostile = miitdata.load(pkg)
    svg = charts.chart_regional_shares(hostile) or ""
    joined = "\n".join(_texts(svg))
    for i, _ in enumerate(region_ids):
        shown = HOSTILE[i].replace("\x01", "\ufffd").replace("\x1f", "\ufffd")
        assert shown in joined, shown
    assert "<script" not in svg
    page = render_datasheet(hostile)
    assert "$\\frac{1}$" in page and "<script>alert" not in page


@settings(max_examples=60)
@given(st.text(min_size=0, max_size=80))
def test_any_text_round_trips_through_svg(label: str) -> None:
    svg = Svg(100, 100, "t")
    svg.text(0, 10, label)
    (shown,) = _texts(svg.render())
    expected = "".join(
        "\ufffd"
        if (ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff"
        else c
        for c in label
    )
    assert shown == expected.replace("\r\n", "\n").replace("\r", "\n")


@given(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
def test_nice_ticks_cover_the_top(top: float) -> None:
    ticks = nice_ticks(top)
    assert ticks[0] == 0 and ticks[-1] >= top * (1 - 1e-9)
    assert 2 <= len(ticks) <= 12
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len({f"{s:.6g}" for s in steps}) == 1


@given(
    st.text(alphabet=st.sampled_from("ab 中文，x"), max_size=120), st.integers(min_value=40, max_value=400)
)
def test_wrap_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert text_width(line) <= width or (len(line.split(" ")) == 1 and len(line) == len(line.strip()))


def test_bytes_do_not_depend_on_locale_time_zone_or_plotting_libraries(tmp_path: Path) -> None:
    """The datasheet rendered in another process, another locale and time zone, with matplotlib
    unimportable, is byte for byte the one rendered here."""
    here = render_datasheet(miitdata.load(ROOT / "datapackage.json")).encode("utf-8")
    block = tmp_path / "block"
    block.mkdir()
    (block / "sitecustomize.py").write_text(
        "import sys\nsys.modules['matplotlib'] = None\n", encoding="utf-8"
    )
    package = str(ROOT / "datapackage.json")
    code = (
        "import sys, miitdata\nfrom miitdata.outputs.datasheet import render_datasheet\n"
        f"sys.stdout.buffer.write(render_datasheet(miitdata.load({package!r})).encode())"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(block), str(ROOT / "src")]),
        "LC_ALL": "C",
        "LANG": "C",
        "TZ": "Pacific/Kiritimati",
        "PYTHONHASHSEED": "12345",
    }
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert proc.stdout == here
