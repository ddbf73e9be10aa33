"""Chinese runs in English pages are tagged lang="zh" (WCAG 3.1.2): the helper (outputs/zh.py) and the
pages it fills, read without a browser (tests/test_axe.py checks the same in Chromium, every view)."""

from __future__ import annotations

import itertools
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import miitdata
from miitdata.outputs.datasheet import render_datasheet
from miitdata.outputs.site import index_html, site_data
from miitdata.outputs.svg import Svg
from miitdata.outputs.zh import has_han, tag_zh, zh_runs
from tests.conftest import ROOT

IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # what tests/test_axe.py looks for
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Chinese, English, digits, full-width and ASCII punctuation, markup characters, spaces and newlines
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("工业和信息化部四川省万亿元个百分点截至年底")),
        st.sampled_from(list("，。：“”（）、《》　")),
        st.sampled_from(list("abcSXyz")),
        st.sampled_from(list("0123456789.,%")),
        st.sampled_from(list(" \n\t-/()[]:;'\"<>&·…—’")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=60,
)


class _Langs(HTMLParser):
    """Each text with the lang of its nearest element that has one ('' for none), as the browser sees it;
    `zh_spans` counts the spans tagged zh inside another element tagged zh."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str, tuple[str, ...]]] = []
        self.nested = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        if lang is not None and lang.startswith("zh") and self.lang().startswith("zh"):
            self.nested += 1
        self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.texts.append((data, self.lang(), tuple(t for t, _ in self.stack)))

    def lang(self) -> str:
        return next((lang for _, lang in reversed(self.stack) if lang is not None), "")


def _parse(html: str) -> _Langs:
    parser = _Langs()
    parser.feed(html)
    parser.close()
    return parser


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_runs_cover_the_text(text: str) -> None:
    runs = zh_runs(text)
    assert "".join(piece for piece, _ in runs) == text
    assert all(piece for piece, _ in runs)
    assert all(has_han(piece) for piece, zh in runs if zh)
    assert not any(has_han(piece) for piece, zh in runs if not zh)  # every ideograph is in a run
    assert all(a[1] != b[1] for a, b in itertools.pairwise(runs))  # runs never touch


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tagged_html_is_the_escaped_text_with_every_ideograph_in_a_zh_span(text: str) -> None:
    html = tag_zh(text)
    assert re.sub(r'<span lang="zh">|</span>', "", html) == escape(text)
    parsed = _parse(f"<p>{html}</p>")
    assert "".join(data for data, _, _ in parsed.texts) == text
    for data, lang, _ in parsed.texts:
        assert (lang == "zh") == has_han(data), (data, lang)  # a span holds Chinese, nothing else does
    assert parsed.nested == 0


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_svg_text_tags_chinese_in_tspans(text: str) -> None:
    svg = Svg(100, 20, "t")
    svg.text(0, 10, text)
    root = ET.fromstring(svg.render())  # well-formed XML, or this raises
    drawn = root.find("{http://www.w3.org/2000/svg}text")
    assert drawn is not None
    shown = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\ufffd", text)
    assert "".join(drawn.itertext()) == shown.replace("\r\n", "\n").replace("\r", "\n")  # XML line ends
    for span in drawn:
        assert span.tag == "{http://www.w3.org/2000/svg}tspan" and span.get("lang") == "zh"
        assert has_han(span.text or "")
    assert not has_han(drawn.text or "") and not any(has_han(span.tail or "") for span in drawn)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (
            "MIIT press-conference statistics (工业和信息化部新闻发布会统计数据)",
            ["工业和信息化部新闻发布会统计数据"],
        ),
        (
            "S000 says 58%的智能制造示范工厂揭榜单位、53%的数字化车间 (58% of",
            ["58%的智能制造示范工厂揭榜单位、53%的数字化车间"],
        ),
        ("达到30.1%. (high", ["达到30.1%"]),
        ("Daily Economic News (每日经济新闻)", ["每日经济新闻"]),
        ("已知差异（按类型）.", ["已知差异（按类型）"]),
        ("172.7 万元/人", ["万元/人"]),
        ("S000说 S1.54万", ["说", "万"]),  # an id's digits stay with the id
        ("“软件 硬件”营业收入 and 证券时报", ["“软件 硬件”营业收入", "证券时报"]),
        ("（English） 1.54 trillion", []),
    ],
)
def test_examples(text: str, runs: list[str]) -> None:
    assert [piece for piece, zh in zh_runs(text) if zh] == runs


def _untagged(html: str) -> list[tuple[str, str]]:
    """Texts of the page's body with an ideograph whose nearest lang is not zh (scripts, styles and
    the head are not read out)."""
    return [
        (data.strip()[:40], lang)
        for data, lang, tags in _parse(html).texts
        if IDEOGRAPH.search(data)
        and "body" in tags
        and not {"script", "style"} & set(tags)
        and not lang.lower().startswith("zh")
    ]


@pytest.fixture(scope="module")
def ds() -> Any:
    return miitdata.load(ROOT / "datapackage.json")


def test_the_datasheet_tags_every_chinese_text(ds: Any) -> None:
    html = render_datasheet(ds)
    assert _untagged(html) == []
    assert _parse(html).nested == 0  # no span says zh inside a zh element
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "<" not in title.group(1)  # the title holds no markup


def test_the_explorer_page_tags_its_chinese(ds: Any) -> None:
    """The page before the app runs: the subtitle from the package's title and the 中文 button."""
    html = index_html(site_data(ds))
    assert "中文" in html and _untagged(html) == []
    head = html.split("<body>", 1)[0]
    assert 'lang="zh"' not in head


def test_the_site_datasheet_too(tmp_path: Path, ds: Any) -> None:
    from miitdata.outputs.site import build_site

    build_site(ds, tmp_path / "site")
    assert _untagged((tmp_path / "site" / "datasheet.html").read_text(encoding="utf-8")) == []
