"""Accessibility: axe-core finds no serious or critical violation in the explorer or the datasheet.

axe-core (version 4) is installed from the npm registry into a temporary directory; the pages are
built by the CLI (`miitdata site OUT`, `miitdata datasheet OUT`) and opened in the system's Chromium
through Playwright, as in tests/test_site.py. Without npm, Chromium or Playwright the test is
skipped, except under CI (`CI` set), where it fails: CI installs them.
Every Chinese text node must sit inside an element whose lang starts with "zh" (WCAG 3.1.2), so a
screen reader reads it in Chinese: in every view, with the labels in English, in Chinese, and switched
back. With the labels in Chinese (the page zh-CN), English texts are tagged lang="en" in turn.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_site import CHROMIUM_ARGS, WAIT_MS, WEST_SHARE

pytestmark = pytest.mark.slow

SOURCES = ["S000", "S001", "S002", "S003", "S004"]
BLOCKING = ("serious", "critical")

# Every text node with a CJK ideograph, the lang of its nearest ancestor that has one.
CJK_LANGS = r"""() => {
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!cjk.test(n.textContent)) continue;
    const el = n.parentElement;
    if (el.closest('script, style, [hidden]')) continue;
    const tagged = el.closest('[lang]');
    out.push({text: n.textContent.trim().slice(0, 40), lang: tagged ? tagged.getAttribute('lang') : ''});
  }
  return out;
}"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(
            f"the accessibility test needs {reason}: apt-get install chromium npm; pip install playwright"
        )
    pytest.skip(f"{reason} is not available")


@pytest.fixture(scope="module")
def axe_js(tmp_path_factory: pytest.TempPathFactory) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        _unavailable("npm")
    prefix = tmp_path_factory.mktemp("axe")
    done = subprocess.run(
        [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "axe-core@4"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    script = prefix / "node_modules" / "axe-core" / "axe.min.js"
    if done.returncode != 0 or not script.is_file():
        _unavailable(f"axe-core from the npm registry (npm install said: {done.stderr.strip()[-300:]})")
    return script


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("built")
    site = run_cli("site", str(out / "site"), cwd=ROOT)
    assert site.returncode == 0, site.stderr
    sheet = run_cli("datasheet", str(out / "datasheet.html"), cwd=ROOT)
    assert sheet.returncode == 0, sheet.stderr
    return {"site": out / "site" / "index.html", "datasheet": out / "datasheet.html"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package")
    executable = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if executable is None:
        _unavailable("Chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


# view -> (page, hash, a condition that holds once the view is drawn)
VIEWS: dict[str, tuple[str, str, str]] = {
    "table": (
        "site",
        "",
        "() => document.body.hasAttribute('data-ready') && document.querySelector('#facts-body tr')",
    ),
    "figure": (
        "site",
        "#" + WEST_SHARE,
        f"() => document.body.hasAttribute('data-ready') && "
        f"document.querySelector('#figure-view .oid')?.textContent === '{WEST_SHARE}'",
    ),
    **{
        f"source-{s}": (
            "site",
            f"#source/{s}",
            f"() => document.body.hasAttribute('data-ready') && "
            "!document.querySelector('#source-view')?.hidden && "
            "document.querySelector('#source-view .source-text')?.textContent.length > 0 && "
            f"location.hash === '#source/{s}'",
        )
        for s in SOURCES
    },
    "not-found": (
        "site",
        "#O9999",
        "() => document.body.hasAttribute('data-ready') && !document.querySelector('#notice').hidden",
    ),
    "datasheet": ("datasheet", "", "() => document.readyState === 'complete'"),
}
# view -> (a view above, the label languages a user switches to in turn): the labels in Chinese (the
# page's lang is then zh-CN), and switched back to English (texts drawn under zh stay tagged)
SWITCHED: dict[str, tuple[str, list[str]]] = {
    "table-zh": ("table", ["zh"]),
    "figure-zh": ("figure", ["zh"]),
    "source-S003-zh": ("source-S003", ["zh"]),
    "table-zh-en": ("table", ["zh", "en"]),
    "figure-zh-en": ("figure", ["zh", "en"]),
    "not-found-zh": ("not-found", ["zh"]),
}
IN_CHINESE = [view for view, (_, langs) in SWITCHED.items() if langs[-1] == "zh"]

# With the labels in Chinese the page is zh-CN: every English text node (no ideograph, a word of two
# letters or more) has a language below the page's, en (or zh: a Latin abbreviation in a Chinese text)
ENGLISH_UNTAGGED = r"""() => {
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (cjk.test(n.textContent) || !/[A-Za-z]{2,}/.test(n.textContent)) continue;
    const el = n.parentElement;
    if (el.closest('script, style, noscript, [hidden]')) continue;
    if (el.closest('[lang]') === document.documentElement) out.push(n.textContent.trim().slice(0, 40));
  }
  return out;
}"""


@pytest.fixture
def opened(
    request: pytest.FixtureRequest, browser: Any, pages: dict[str, Path], axe_js: Path
) -> Iterator[Any]:
    view, langs = SWITCHED.get(request.param, (request.param, []))
    which, hash_, ready = VIEWS[view]
    # the pages forbid inline scripts (CSP script-src self); axe is injected by the test only
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page.set_default_timeout(WAIT_MS)  # a bound for a condition that never comes, not a wait
    page.goto(pages[which].as_uri() + hash_)
    page.wait_for_function(ready)
    for lang in langs:  # the labels' language, as a user switches it
        page.click(f'button[data-lang="{lang}"]')
        page.wait_for_function(
            f"() => document.documentElement.lang === '{'zh-CN' if lang == 'zh' else 'en'}' && "
            f"document.querySelector('button[data-lang=\"{lang}\"]').getAttribute('aria-pressed') === 'true'"
        )
        page.wait_for_function(ready)
    page.add_script_tag(path=str(axe_js))
    page.wait_for_function("() => typeof window.axe === 'object'")
    yield page
    page.close()


@pytest.mark.parametrize("opened", [*VIEWS, *SWITCHED], indirect=True)
def test_no_serious_violation(opened: Any) -> None:
    violations = opened.evaluate(
        "async () => (await axe.run(document)).violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], blocking


@pytest.mark.parametrize("opened", [*VIEWS, *SWITCHED], indirect=True)
def test_chinese_text_is_tagged_zh(opened: Any) -> None:
    nodes = opened.evaluate(CJK_LANGS)
    untagged = [n for n in nodes if not n["lang"].lower().startswith("zh")]
    assert untagged == [], untagged[:10]


@pytest.mark.parametrize("opened", IN_CHINESE, indirect=True)
def test_english_text_is_tagged_en_under_chinese_labels(opened: Any) -> None:
    assert opened.evaluate("document.documentElement.lang") == "zh-CN"
    assert opened.evaluate(ENGLISH_UNTAGGED) == []
