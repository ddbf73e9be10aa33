"""Size and load time of the explorer (`miitdata site`), beside the datasheet page, in headless Chromium.

    python benchmarks/site_load.py [--repeat 7] [--package datapackage.json]

Builds the site from the package into a temporary directory, prints its size per file, then opens it
from disk (file://) in the system's Chromium through Playwright, each load in a fresh browser context:
the explorer's time to the facts table rendered (the page's `miitdata-table-rendered` performance mark,
counted from navigation start) and the datasheet's time to its load event. Medians; nothing asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TABLE_MARK = "() => performance.getEntriesByName('miitdata-table-rendered')[0].startTime"
LOAD_EVENT = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    sys.exit("chromium is not installed (apt-get install chromium)")


def _loads(browser: object, url: str, ready: str, metric: str, repeat: int) -> tuple[float, float]:
    """Median in-page time (ms from navigation start) and median wall time of goto → ready (ms)."""
    in_page, walls = [], []
    for _ in range(repeat + 1):  # the first load warms the disk cache and is dropped
        context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="load")
        page.wait_for_selector(ready, state="attached")
        walls.append((time.perf_counter() - started) * 1000)
        in_page.append(float(page.evaluate(metric)))
        context.close()
    return statistics.median(in_page[1:]), statistics.median(walls[1:])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--package", type=Path, default=ROOT / "datapackage.json")
    args = parser.parse_args()

    import miitdata
    from miitdata.outputs.site import build_site

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("needs playwright: pip install playwright (the browser is the system's chromium)")

    ds = miitdata.load(args.package)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        started = time.perf_counter()
        written = build_site(ds, out)
        build_s = time.perf_counter() - started
        total = 0
        print(f"miitdata site ({ds.version}): built in {build_s:.2f} s")
        for path in written:
            size = path.stat().st_size
            total += size
            print(f"  {path.relative_to(out).as_posix():<20} {size:>10,} bytes")
        explorer = total - (out / "datasheet.html").stat().st_size
        print(f"  {'total':<20} {total:>10,} bytes ({total / 1024 / 1024:.2f} MiB; limit 2 MiB)")
        print(f"  {'explorer only':<20} {explorer:>10,} bytes")

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
            table, table_wall = _loads(
                browser, (out / "index.html").as_uri(), "body[data-ready]", TABLE_MARK, args.repeat
            )
            sheet, sheet_wall = _loads(
                browser, (out / "datasheet.html").as_uri(), "body", LOAD_EVENT, args.repeat
            )
            browser.close()
    print(f"load in Chromium, median of {args.repeat} (fresh context each, file://):")
    print(f"  explorer: table rendered   {table:8.1f} ms after navigation start  ({table_wall:7.1f} ms wall)")
    print(f"  datasheet: load event      {sheet:8.1f} ms after navigation start  ({sheet_wall:7.1f} ms wall)")


if __name__ == "__main__":
    main()
