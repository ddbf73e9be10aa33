"""`miitdata site`: the explorer, built from the shipped package and driven in a real browser.

The browser tests use Playwright for Python with the system's Chromium (`apt-get install chromium`;
Playwright's own browser download is never used). Without Chromium or Playwright they are skipped,
except under CI (`CI` set), where they fail: CI installs both.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import miitdata
from miitdata.errors import PackageError
from miitdata.outputs.site import MARKER, build_site, site_data
from miitdata.outputs.zh import zh_runs
from tests.conftest import ROOT, copy_package, edit_rows, run_cli

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or, under CI, fails) without playwright
    expect = None  # type: ignore[assignment]

WEST_SHARE = "O0009"  # the West's share of national industrial value added in 2021: 19.21%, in S000-S003
MAX_BYTES = 2 * 1024 * 1024
WAIT_MS = 120_000  # a bound for conditions that never come (a loaded machine still gets there)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --------------------------------------------------------------------------------------------------
# the site, built once


@pytest.fixture(scope="module")
def ds() -> Any:
    return miitdata.load(ROOT / "datapackage.json")


@pytest.fixture(scope="module")
def data(ds: Any) -> dict[str, Any]:
    return site_data(ds)


@pytest.fixture(scope="module")
def site(ds: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    written = build_site(ds, out)
    assert written[0] == out / "index.html"
    return out


def test_files_and_size(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"index.html", "datasheet.html", "assets/app.js", "assets/app.css", "assets/data.js"} <= names
    assert MARKER in names
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert size <= MAX_BYTES, f"the site is {size:,} bytes (limit {MAX_BYTES:,})"


def test_nothing_from_the_network(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in index
    for name in ("index.html", "assets/app.js", "assets/app.css"):
        text = (site / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "fetch(" not in text, name
    assert 'href="datasheet.html"' in index
    assert 'href="index.html"' in (site / "datasheet.html").read_text(encoding="utf-8")


def test_offsets_slice_the_sources(data: dict[str, Any], ds: Any) -> None:
    texts = data["texts"]
    assert len(data["mentions"]) == len(ds.mentions)
    for m in data["mentions"]:
        assert texts[m["s"]][m["vs"] : m["ve"]] == m["vt"], m["id"]
        assert m["start"] <= m["vs"] <= m["ve"] <= m["end"], m["id"]
    by_id = {m["id"]: m for m in data["mentions"]}
    marked = set()
    for sid, marks in data["marks"].items():
        last = 0
        for start, end, ids, reason in marks:
            assert start >= last, (sid, start)  # never crossing, so the reader can nest them
            last = end
            for mid in ids:
                assert texts[sid][start:end] == by_id[mid]["vt"], mid
                marked.add(mid)
            if not ids:
                assert reason
    assert marked == set(by_id), set(by_id) - marked


def test_same_sentence_and_discrepancies(data: dict[str, Any]) -> None:
    first = next(m for m in data["mentions"] if m["o"] == WEST_SHARE and m["s"] == "S000")
    assert "O0008" in first["same"] and WEST_SHARE not in first["same"]  # "由17.84%上升为19.21%"
    d001 = next(d for d in data["discrepancies"] if d["id"] == "D001")
    assert {"O0034", "O0033"} <= set(d001["obs"])  # a relation's discrepancy concerns its figures


def test_no_curation_directory(tmp_path: Path) -> None:
    pkg = copy_package(tmp_path)  # datapackage.json and data/ only, as in an installed wheel
    payload = site_data(miitdata.load(pkg))
    assert all(ids for marks in payload["marks"].values() for _, _, ids, _ in marks)


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & \x1b[31m "quoted" </b>'
    pkg = copy_package(tmp_path)

    def change(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["observation_id"] == WEST_SHARE:
                row["note"] = hostile

    edit_rows(pkg, "observations", change)
    out = tmp_path / "site"
    build_site(miitdata.load(pkg), out)
    script = (out / "assets" / "data.js").read_text(encoding="utf-8")
    assert "<" not in script and ">" not in script  # written as \u003c, \u003e: never markup
    payload = json.loads(script.removeprefix("window.MIITDATA = ").rstrip().removesuffix(";"))
    assert next(o for o in payload["observations"] if o["id"] == WEST_SHARE)["note"] == hostile
    app = (out / "assets" / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", app)


def test_output_directory_rules(ds: Any, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(PackageError) as exc:
        build_site(ds, theirs)
    assert exc.value.code == "output-invalid"
    assert (theirs / "thesis.tex").read_text(encoding="utf-8") == "precious"
    afile = tmp_path / "file.html"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(PackageError):
        build_site(ds, afile)
    empty = tmp_path / "empty"
    empty.mkdir()
    build_site(ds, empty)
    (empty / "assets" / "stale.js").write_text("old", encoding="utf-8")
    build_site(ds, empty)  # ours: replaced whole
    assert not (empty / "assets" / "stale.js").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "file.html", "theirs"]  # no temp left


def test_cli(tmp_path: Path) -> None:
    bad = run_cli("site", str(tmp_path / "out"), "-p", str(tmp_path / "nowhere"))
    assert bad.returncode == 2, bad.stderr
    assert bad.stderr.startswith("miitdata: error: ") and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr
    pkg = copy_package(tmp_path)
    ok = run_cli("site", "out", cwd=tmp_path)  # ./datapackage.json by default
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    refused = run_cli("site", str(tmp_path / "mine"), "-p", str(pkg))
    assert refused.returncode == 2 and "output-invalid" in refused.stderr


# --------------------------------------------------------------------------------------------------
# in a real browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests need {reason}: apt-get install chromium; pip install playwright")
    pytest.skip(f"{reason} is not available")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package")
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium")
    # Every wait is for a condition (a selector, a function, an expectation), never for time; these
    # bounds only turn a condition that never comes into a failure instead of a hang.
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Tab:
    """A page with the console errors, page errors and requests it saw."""

    def __init__(self, browser: Any, width: int = 1400) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.set_default_timeout(WAIT_MS)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda req: self.requests.append(req.url))

    def open(self, site: Path, hash_: str = "") -> Any:
        self.page.goto((site / "index.html").as_uri() + hash_)
        self.page.wait_for_selector("body[data-ready]")
        return self.page

    def assert_clean(self) -> None:
        assert self.errors == []
        assert [u for u in self.requests if not u.startswith(("file:", "data:"))] == []


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    t = Tab(browser)
    yield t
    t.page.close()


def _visible_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#facts-body tr:not([hidden])", "rows => rows.map(r => r.dataset.observation)"
    )


def test_search(tab: Tab, site: Path, data: dict[str, Any]) -> None:
    page = tab.open(site)
    assert len(_visible_rows(page)) == len(data["observations"])
    page.fill("#q", "19.21")
    rows = _visible_rows(page)
    assert WEST_SHARE in rows and "O0001" not in rows and len(rows) < 5
    sichuan = {
        m["o"] for m in data["mentions"] if "1.54万亿" in m["vt"]
    }  # Sichuan's industrial value added, 2021
    assert {next(o for o in data["observations"] if o["id"] in sichuan)["r"]} == {"CN-SC"}
    page.fill("#q", "1.54万亿")
    assert sichuan <= set(_visible_rows(page))
    page.fill("#q", "")
    page.select_option("#f-source", "S004")
    rows = _visible_rows(page)
    assert rows and WEST_SHARE not in rows
    page.select_option("#f-source", "")
    page.select_option("#f-region", "west")
    assert WEST_SHARE in _visible_rows(page) and "O0001" not in _visible_rows(page)
    tab.assert_clean()


def test_figure_view(tab: Tab, site: Path, data: dict[str, Any]) -> None:
    page = tab.open(site, "#" + WEST_SHARE)  # a permalink, opened directly
    assert page.is_visible("#figure-view") and not page.is_visible("#facts-view")
    assert "19.21%" in page.inner_text("#figure-view .big-value")
    mentions = [m for m in data["mentions"] if m["o"] == WEST_SHARE]
    assert {m["s"] for m in mentions} == {"S000", "S001", "S002", "S003"}
    marks = page.query_selector_all(f'#figure-view mark[data-observation="{WEST_SHARE}"]')
    assert len(marks) == len(mentions) == 4
    by_id = {m["id"]: m for m in mentions}
    for mark in marks:
        assert mark.inner_text() == by_id[mark.get_attribute("data-mention")]["vt"]
    assert page.query_selector_all("#figure-view .quote-col") and page.query_selector("button.copy")
    assert page.query_selector('#figure-view a[href="#O0008"]')  # stated in the same sentence
    page.click("#figure-view button.copy")
    expect(page.locator("#figure-view .copy-status").first).to_have_text("Citation copied")
    page.goto((site / "index.html").as_uri() + "#O0033")  # hashchange
    page.wait_for_function("() => document.querySelector('#figure-view .oid').textContent === 'O0033'")
    assert page.query_selector('#figure-view [data-discrepancy="D001"]')
    assert page.query_selector('#figure-view [data-relation="R0007"]')
    tab.assert_clean()


def test_language_switch(tab: Tab, site: Path, data: dict[str, Any]) -> None:
    page = tab.open(site)
    cell = f'tr[data-observation="{WEST_SHARE}"] td.ind'
    o = next(o for o in data["observations"] if o["id"] == WEST_SHARE)
    assert page.inner_text(cell) == data["indicators"][o["i"]]["en"]
    page.click('button[data-lang="zh"]')
    expect(page.locator(cell)).to_have_text(data["indicators"][o["i"]]["zh"])
    page.click('button[data-lang="en"]')
    expect(page.locator(cell)).to_have_text(data["indicators"][o["i"]]["en"])
    tab.assert_clean()


def test_source_reader(tab: Tab, site: Path, data: dict[str, Any]) -> None:
    page = tab.open(site, "#source/S000")
    assert page.is_visible("#source-view")
    mentions = [m for m in data["mentions"] if m["s"] == "S000"]
    for m in mentions:
        mark = page.query_selector(f'#source-view mark[data-mention="{m["id"]}"]')
        assert mark is not None, m["id"]
        assert mark.inner_text() == m["vt"]
        assert mark.get_attribute("data-observation") == m["o"]
    text = page.eval_on_selector("#source-view .source-text", "n => n.textContent")
    assert text == data["texts"]["S000"]  # the whole text, unaltered
    excluded = page.query_selector_all("#source-view .excluded")
    if (ROOT / "curation").is_dir():
        assert excluded and excluded[0].get_attribute("title")
    page.goto((site / "index.html").as_uri() + f"#source/S000/{mentions[-1]['id']}")  # one quote, in place
    page.wait_for_selector(f'#source-view mark.target[data-mention="{mentions[-1]["id"]}"]')
    page.click(f'#source-view mark[data-mention="{mentions[0]["id"]}"]')
    page.wait_for_function(f"() => location.hash === '#{mentions[0]['o']}'")
    assert page.is_visible("#figure-view")
    tab.assert_clean()


def test_keyboard(tab: Tab, site: Path) -> None:
    page = tab.open(site)
    page.focus("#reset")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.dataset.observation")
    assert first == "O0001"
    page.keyboard.press("Enter")
    # location.hash changes at once, the view on the `hashchange` event after it: wait for the view
    expect(page.locator("#figure-view")).to_be_visible()
    expect(page.locator("#figure-view .oid")).to_have_text("O0001")
    page.keyboard.press("Escape")
    expect(page.locator("#facts-view")).to_be_visible()
    expect(page.locator('tr[data-observation="O0001"]')).to_be_focused()
    tab.assert_clean()


@pytest.mark.parametrize("hash_", ["", "#" + WEST_SHARE, "#source/S003"])
def test_narrow_screen(browser: Any, site: Path, hash_: str) -> None:
    tab = Tab(browser, width=400)
    page = tab.open(site, hash_)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 401
    tab.assert_clean()
    page.close()


# Chinese in an English note: the app's runs (app.js, zhRuns) are the datasheet's (outputs/zh.py, zh_runs)
MIXED = (
    " S000说 截至2021年底“软件 硬件”营业收入 (近万亿元) and 58%的 x 证券时报’s 1.54 trillion"
    "（English）\U00020000字"
)

# the note's text as [piece, in a span lang="zh"]
NOTE_PIECES = """() => {
  const dt = [...document.querySelectorAll('#figure-view dl.facts dt')].find(n => n.textContent === 'Note');
  return [...dt.nextElementSibling.childNodes].map(n => n.nodeType === 3 ? [n.data, false]
    : [n.textContent, n.tagName === 'SPAN' && n.getAttribute('lang') === 'zh' && n.children.length === 0]);
}"""


def test_hostile_note_in_browser(browser: Any, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>' + MIXED
    pkg = copy_package(tmp_path)

    def change(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["observation_id"] == WEST_SHARE:
                row["note"] = hostile

    edit_rows(pkg, "observations", change)
    build_site(miitdata.load(pkg), tmp_path / "site")
    tab = Tab(browser)
    page = tab.open(tmp_path / "site", "#" + WEST_SHARE)
    assert hostile in page.inner_text("#figure-view dl.facts")
    assert page.evaluate("window.pwned") is None
    assert [tuple(p) for p in page.evaluate(NOTE_PIECES)] == zh_runs(hostile)
    assert page.query_selector("#figure-view img, #figure-view script") is None
    tab.assert_clean()
    page.close()
