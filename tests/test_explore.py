"""`miitdata show`, `cite`, `info`, `datasheet` and their loader counterparts `facts()` and `cite()`.

The data grows while these tests are written: they assert content (O0009, the West's 19.21% share in
2021, is quoted by several sources), never exact counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import miitdata
from miitdata.query.filters import FilterError
from miitdata.query.format import format_value
from tests.conftest import ROOT, run_cli, run_inproc

WEST_SHARE = "O0009"  # West's share of national industrial value added, 2021 = 19.21%


@pytest.fixture(scope="module")
def ds() -> Any:
    return miitdata.load()


def one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("miitdata: error: ")


# --------------------------------------------------------------------------------------------------
# values as a person reads them


@pytest.mark.parametrize(
    ("value", "unit", "comparator", "lang", "expected"),
    [
        (100000.0, "100m-yuan", "~", "zh", "≈ 100,000 亿元"),
        (100000.0, "100m-yuan", "~", "en", "≈ 10 trillion yuan"),
        (15400.0, "100m-yuan", "=", "en", "1.54 trillion yuan"),
        (1887.5, "100m-yuan", "=", "en", "188.75 billion yuan"),
        (41.9, "10k-yuan-per-person", ">=", "en", "≥ 419,000 yuan per person"),
        (30.0, "percent", ">", "en", "> 30%"),
        (19.21, "percent", "=", "en", "19.21%"),
        (3.1, "percentage-points", "=", "en", "3.1 pp"),
        (3.1, "percentage-points", "=", "zh", "3.1个百分点"),
        (1.6, "times", "=", "en", "1.6×"),
        (1.6, "times", "=", "zh", "1.6倍"),
        (11000.0, "count", "=", "en", "11,000"),
        (1887.5, "100m-yuan", "=", "zh", "1,887.5 亿元"),
        (41.9, "10k-yuan-per-person", ">=", "zh", "≥ 41.9 万元/人"),
    ],
)
def test_format_value(value: float, unit: str, comparator: str, lang: str, expected: str) -> None:
    assert format_value(value, unit, comparator, lang) == expected


# --------------------------------------------------------------------------------------------------
# loader: facts() and cite()


@pytest.mark.parametrize("region", ["west", "West", "WEST", "Western region", "western", "西部地区", "西部"])
def test_facts_region_by_id_or_name(ds: Any, region: str) -> None:
    facts = ds.facts(region=region)
    assert set(facts["region_id"]) == {"west"}
    row = facts.set_index("observation_id").loc[WEST_SHARE]
    assert row["display"] == "19.21%"
    assert row["sources"] >= 2


def test_facts_filters_mirror_the_cli(ds: Any) -> None:
    sichuan = ds.facts(region="四川")
    assert len(sichuan) and set(sichuan["region_id"]) == {"CN-SC"}
    assert ds.facts(region="cn-sc").equals(ds.facts(region="Sichuan"))
    zh = ds.facts(region="West", indicator="industrial_va_share_of_national", lang="zh")
    assert set(zh["region"]) == {"西部地区"} and "19.21%" in set(zh["display"])
    by_name = ds.facts(
        indicator=str(ds.indicators.set_index("indicator_id").loc["advanced_mfg_clusters", "name_zh"])
    )
    assert set(by_name["indicator_id"]) == {"advanced_mfg_clusters"}
    # a period selects the periods within it: the Jan-Feb 2024 span is in 2024
    in_2024 = ds.facts(period="2024")
    assert len(in_2024) and all(p.startswith("2024") for p in in_2024["period"])
    assert ds.facts(period="2021")["period"].isin(["2021", "2021-12-31", "2021-H1", "2021-H2"]).all()
    s000 = ds.facts(source="S000")
    stated = set(ds.mentions.loc[ds.mentions["source_id"] == "S000", "observation_id"])
    assert set(s000["observation_id"]) == stated
    assert set(ds.facts(event="2024-03-26")["event_id"]) == {"2024-03-26-scio"}


@pytest.mark.parametrize(
    "kwargs",
    [{"region": "Atlantis"}, {"indicator": "no_such_thing"}, {"period": "2021-13"}, {"source": "S999"}],
)
def test_facts_unknown_filter_raises(ds: Any, kwargs: dict[str, str]) -> None:
    with pytest.raises(FilterError):
        ds.facts(**kwargs)


def test_cite_west_share(ds: Any) -> None:
    quotes = ds.cite(WEST_SHARE)
    assert quotes["source_id"].nunique() >= 2
    assert {"S000", "S001"} <= set(quotes["source_id"])
    for q in quotes.itertuples(index=False):
        assert "19.21%" in q.exact
        assert q.exact[q.highlight_start : q.highlight_end] == q.value_text
        assert q.source_id in q.citation and ds.version in q.citation and WEST_SHARE in q.citation
        assert f"{q.start}–{q.end}" in q.citation
    assert quotes.attrs["observation"]["value"] == 19.21
    assert quotes.attrs["observation"]["region_zh"] == "西部地区"
    assert ds.cite("o9").equals(quotes)
    with pytest.raises(FilterError):
        ds.cite("O99999")


def test_cite_shows_discrepancies_beside_what_they_concern(ds: Any) -> None:
    from miitdata.query.cite import cite_record

    disc = ds.discrepancies
    on_mentions = disc[disc["resource"] == "mentions"]
    if len(on_mentions):
        # a record may name several mentions: the quote of each shows it
        d = next((r for _, r in on_mentions.iterrows() if len(r["target"].split()) > 1), on_mentions.iloc[0])
        for mid in d["target"].split():
            oid = ds.mentions.set_index("mention_id").loc[mid, "observation_id"]
            rec = cite_record(ds, oid)
            quote = next(q for s in rec["sources"] for q in s["quotes"] if q["mention_id"] == mid)
            assert d["discrepancy_id"] in {x["discrepancy_id"] for x in quote["discrepancies"]}
    on_observations = disc[(disc["resource"] == "observations") & disc["target"].str.contains(" ")]
    if len(on_observations):
        d = on_observations.iloc[0]
        for oid in d["target"].split():
            assert d["discrepancy_id"] in {x["discrepancy_id"] for x in cite_record(ds, oid)["discrepancies"]}
    on_relations = disc[disc["resource"] == "relations"]
    if len(on_relations):
        d = on_relations.iloc[0]
        target = ds.relations.set_index("relation_id").loc[d["target"], "target"]
        rec = cite_record(ds, target)
        assert d["discrepancy_id"] in {x["discrepancy_id"] for x in rec["discrepancies"]}


def test_cite_derived_observation_names_its_relation(ds: Any) -> None:
    from miitdata.query.cite import cite_record

    derived = ds.observations[ds.observations["derived_by"].notna()]
    if derived.empty:
        pytest.skip("no derived observation in this version")
    row = derived.iloc[0]
    rec = cite_record(ds, row["observation_id"])
    assert rec["derivation"]["relation_id"] == row["derived_by"]
    assert rec["sources"] == []


# --------------------------------------------------------------------------------------------------
# command line


def test_show_table_west() -> None:
    proc = run_inproc("show", "--region", "West", "--indicator", "industrial_va_share_of_national")
    assert proc.returncode == 0, proc.stderr
    assert WEST_SHARE in proc.stdout and "19.21%" in proc.stdout and "17.84%" in proc.stdout
    assert "Western region" in proc.stdout


def test_show_zh_and_machine_formats() -> None:
    zh = run_inproc("show", "--region", "西部地区", "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    assert "西部地区" in zh.stdout and "19.21%" in zh.stdout
    js = run_inproc("show", "--region", "CN-SC", "--format", "json")
    rows = json.loads(js.stdout)
    assert rows and {r["region_id"] for r in rows} == {"CN-SC"}
    assert all({"value", "unit", "comparator", "display"} <= set(r) for r in rows)
    cs = run_inproc("show", "--region", "west", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(cs.stdout)))
    west = {r["observation_id"]: r for r in table}
    assert west[WEST_SHARE]["value"] == "19.21" and west[WEST_SHARE]["display"] == "19.21%"


def test_show_values_read_naturally() -> None:
    proc = run_inproc("show", "--format", "json", "--lang", "zh")
    rows = json.loads(proc.stdout)
    for r in rows:
        if r["comparator"] == "~":
            assert r["display"].startswith("≈ "), r
        if r["unit"] == "100m-yuan":
            assert r["display"].endswith(" 亿元"), r
        if r["unit"] == "count" and r["value"] >= 1000:
            assert re.search(r"\d,\d{3}", r["display"]), r
        if r["unit"] == "percentage-points":
            assert r["display"].endswith("个百分点"), r


@pytest.mark.parametrize(
    "args",
    [
        ("show", "--region", "Atlantis"),
        ("show", "--period", "last year"),
        ("cite", "O99999"),
        ("cite", "nonsense"),
        ("info", "--package", "/nonexistent/datapackage.json"),
    ],
)
def test_bad_input_is_one_line_exit_2(args: tuple[str, ...]) -> None:
    one_line_error(run_inproc(*args))


def test_cite_text() -> None:
    proc = run_inproc("cite", WEST_SHARE)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "19.21%" in out and "Western region" in out and "西部地区" in out
    cited = set(re.findall(r"miitdata source (S\d{3}), characters \d+–\d+", out))
    assert len(cited) >= 2
    assert "⟦19.21%⟧" in out  # the value highlighted inside the quote (not a terminal: brackets)
    assert "证券时报" in out  # publisher of S001
    assert f"miitdata {miitdata.load().version}" in out


def test_cite_json() -> None:
    proc = run_inproc("cite", WEST_SHARE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["observation"]["observation_id"] == WEST_SHARE
    assert rec["observation"]["display_en"] == "19.21%"
    assert len(rec["sources"]) >= 2
    for source in rec["sources"]:
        assert source["date_published"] and source["title"]
        for q in source["quotes"]:
            a, b = q["highlight"]
            assert q["exact"][a:b] == q["value_text"] and "19.21%" in q["exact"]
            assert isinstance(q["start"], int) and q["end"] > q["start"]


def test_info() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    proc = run_inproc("info", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["version"] == descriptor["version"]
    assert set(info["counts"]) == {r["name"] for r in descriptor["resources"] if "schema" in r}  # tables
    assert all(n > 0 for n in info["counts"].values())
    assert {"S000", "S001"} <= {s["source_id"] for s in info["sources"]}
    assert info["licenses"][0]["name"] == descriptor["licenses"][0]["name"]
    text = run_inproc("info")
    assert text.returncode == 0 and descriptor["version"] in text.stdout and "S004" in text.stdout
    assert "CC-BY-4.0" in text.stdout and "observations" in text.stdout


def test_info_on_a_package_copy(pkg: Path) -> None:
    proc = run_inproc("info", "--format", "json", "--package", str(pkg))
    assert json.loads(proc.stdout)["path"] == str(pkg)


@pytest.mark.parametrize("command", ["show", "cite", "info", "datasheet"])
def test_help_has_an_example(command: str) -> None:
    proc = run_inproc(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "Example" in proc.stdout and f"miitdata {command}" in proc.stdout


def test_shell_completion_is_available() -> None:
    proc = run_inproc("--help")
    assert "--install-completion" in proc.stdout and "--show-completion" in proc.stdout
    env = {
        **os.environ,
        "_MIITDATA_COMPLETE": "complete_bash",
        "COMP_WORDS": "miitdata show --lang ",
        "COMP_CWORD": "3",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from miitdata.cli.main import app; app(prog_name='miitdata')"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.stdout.split() == ["en", "zh"], (done.stdout, done.stderr)


# --------------------------------------------------------------------------------------------------
# datasheet


@pytest.fixture(scope="module")
def datasheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("datasheet") / "sheet" / "datasheet.html"
    out.parent.mkdir()  # the datasheet, like every output, refuses a missing directory (test_hostile)
    proc = run_cli("datasheet", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


CHART_IDS = ["regional-shares", "before-after", "clusters", "sources-histogram", "discrepancies"]


def chart_svgs(html: str) -> dict[str, str]:
    found = {}
    for slug in CHART_IDS:
        m = re.search(rf'<figure class="chart" id="chart-{slug}">(.*?)</figure>', html, re.S)
        assert m, slug
        svg = re.search(r"<svg\b.*?</svg>", m.group(1), re.S)
        assert svg, f"chart {slug} has no SVG"
        found[slug] = svg.group(0)
    return found


def test_datasheet_is_self_contained_and_complete(datasheet: Path, ds: Any) -> None:
    html = datasheet.read_text(encoding="utf-8")
    for section in (
        "Motivation",
        "Composition",
        "Collection process",
        "Preprocessing",
        "Uses",
        "Distribution",
        "Maintenance",
        "Known discrepancies",
        "How to validate",
        "Versions",
    ):
        assert f"{section}" in html, section
    assert ds.version in html
    # nothing fetched at view time, no code run: the one script is schema.org JSON-LD data
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, count=1, flags=re.S)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", html))  # clip paths only
    # every discrepancy is in the table
    for d in ds.discrepancies["discrepancy_id"]:
        assert f"<td>{d}</td>" in html


def test_datasheet_charts_use_the_data(datasheet: Path, ds: Any) -> None:
    svgs = chart_svgs(datasheet.read_text(encoding="utf-8"))
    for slug, svg in svgs.items():
        assert "<path" in svg and "<text" in svg, slug  # text stays text (svg.fonttype = none)
    obs = ds.observations.set_index("observation_id")
    # West's share 2012 → 2021, values from the data
    for oid in ("O0008", WEST_SHARE):
        if oid in obs.index:
            assert f"{obs.loc[oid, 'value']:g}%" in svgs["regional-shares"]
    assert "西部地区" in svgs["regional-shares"]
    clusters = ds.observations[
        (ds.observations["indicator_id"] == "advanced_mfg_clusters") & (ds.observations["region_id"] == "CN")
    ]
    for value in clusters["value"]:
        assert f">{value:g}<" in svgs["clusters"]
    profit = ds.observations[
        (ds.observations["indicator_id"] == "industrial_profit") & (ds.observations["region_id"] == "CN-CQ")
    ]
    # what the chart says, read as text: Chinese runs sit in <tspan lang="zh"> elements of a <text>
    said = "".join(ElementTree.fromstring(svgs["before-after"]).itertext())
    for value in profit["value"]:
        assert format_value(value, "100m-yuan", "=", "zh") in said


def test_datasheet_is_deterministic(datasheet: Path, ds: Any) -> None:
    from miitdata.outputs.croissant import content_root_for
    from miitdata.outputs.datasheet import render_datasheet

    # another process, same package: same bytes (the Croissant file URLs lead from its directory)
    html = render_datasheet(ds, content_root_for(datasheet, ds.path.parent))
    assert html.encode("utf-8") == datasheet.read_bytes()


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.slow
@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_datasheet_renders_in_headless_chromium(datasheet: Path, tmp_path: Path) -> None:
    browser = _chromium()
    assert browser
    url = datasheet.resolve().as_uri()
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1280,4000",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert shot.is_file(), proc.stderr[-2000:]
    assert shot.stat().st_size > 20_000
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (1280, 4000)
    # a single-colour page of that size compresses to a few kB: 20 kB or more is drawn content
    # the DOM as the browser parsed it: every chart's SVG is there with drawn paths and text; no
    # console errors
    dom = subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile2'}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr and "ERROR:CONSOLE" not in dom.stderr
    for slug, svg in chart_svgs(dom.stdout).items():
        assert "<path" in svg and "<text" in svg, slug


def test_datasheet_embeds_schema_org_dataset(datasheet: Path, ds: Any) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    html = datasheet.read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    doc = json.loads(scripts[0])

    def offline(url: str, options: object = None) -> None:
        raise AssertionError(f"network request for {url}")

    (dataset,) = jsonld.expand(doc, {"documentLoader": offline})
    so = "https://schema.org/"
    assert dataset["@type"] == [f"{so}Dataset"]
    from miitdata.outputs.croissant import semver

    assert dataset[f"{so}version"][0]["@value"] == semver(ds.version)  # Croissant: Semantic Versioning
    assert dataset[f"{so}license"][0]["@value"].startswith("https://creativecommons.org/licenses/by/4.0")
    for key in (
        "name",
        "description",
        "creator",
        "publisher",
        "datePublished",
        "spatialCoverage",
        "citation",
    ):
        assert dataset.get(f"{so}{key}"), key
    # Croissant (tests/test_croissant.py): a FileObject per table and per raw text
    paths = {r["path"] for r in ds.descriptor["resources"]}
    paths |= {s["path"] for s in ds.descriptor.get("sources", []) if s.get("path")}
    assert len(dataset[f"{so}distribution"]) == len(paths)
    assert len(dataset[f"{so}variableMeasured"]) == len(ds.indicators)
    assert len(dataset[f"{so}isBasedOn"]) == len(ds.sources)
    years = sorted({int(y) for p in ds.observations["period"] for y in re.findall(r"[0-9]{4}", p)})
    assert doc["temporalCoverage"] == f"{years[0]}/{years[-1]}"


def test_datasheet_fixes(datasheet: Path, ds: Any) -> None:
    html = datasheet.read_text(encoding="utf-8")
    # the licence sentence: said once, no nested parentheses
    assert html.count("remain their publishers'") == 1
    assert "publishers'))" not in html and "publishers');" not in html
    svgs = chart_svgs(html)
    # discrepancy chart: a bar (and its count label) only for the kinds that occur
    kinds = ds.discrepancies["kind"].astype(str)
    for kind in ds.discrepancies["kind"].cat.categories:
        assert (f">{kind}<" in svgs["discrepancies"]) == (kind in set(kinds)), kind
    # before/after panels have a y axis (the unit as its label)
    assert 'class="ytick"' in svgs["before-after"]
    # regional shares: no axis claiming one scale for different denominators
    assert "national total or of the region" not in svgs["regional-shares"]


def test_facts_filter_by_status(ds: Any) -> None:
    targets = ds.facts(status="target")
    assert len(targets) and (targets["status"] == "target").all()
    both = ds.facts(status="target,forecast")
    assert set(both["status"]) == {"target", "forecast"}
    assert len(ds.facts(status="actual")) + len(both) == len(ds.facts())
    with pytest.raises(ValueError, match="no status"):
        ds.facts(status="planned")
    assert ds.cite("O1359").attrs["observation"]["status"] == "target"


def test_facts_columns_are_one_list_in_two_orders() -> None:
    """MACHINE_COLUMNS (show --format csv|json) reorders FACT_COLUMNS: the same names, each id just
    before its label."""
    from miitdata.query.facts import FACT_COLUMNS, LABELLED, MACHINE_COLUMNS

    assert sorted(MACHINE_COLUMNS) == sorted(FACT_COLUMNS) and len(set(FACT_COLUMNS)) == len(FACT_COLUMNS)
    for label, id_column in LABELLED.items():
        assert MACHINE_COLUMNS.index(id_column) + 1 == MACHINE_COLUMNS.index(label)
