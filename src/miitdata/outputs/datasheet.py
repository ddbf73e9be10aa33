"""The datasheet: one self-contained HTML page describing the dataset, after "Datasheets for Datasets"
(Gebru et al., 2021), with charts drawn by matplotlib as inline SVG.

Self-contained: no external CSS, scripts, fonts or images, so it renders offline. Deterministic: the
same package gives the same bytes (fixed SVG hash salts, no dates in the SVG metadata, no timestamp
in the page). Every number shown comes from the loaded dataset; charts are selected by indicator
kinds, units and region levels found in the data (and the indicator id `advanced_mfg_clusters`), never
by hard-coded values.

Text in the SVGs stays text (`svg.fonttype = "none"`): the browser renders Chinese labels with its
own CJK fonts even when the machine that drew the charts has none.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.outputs.charts import (
    FONTS,
    chart_before_after,
    chart_clusters,
    chart_discrepancies,
    chart_regional_shares,
    chart_sources_histogram,
    joined,
    sources_per_observation,
)
from miitdata.outputs.croissant import croissant_jsonld
from miitdata.outputs.schemaorg import script_tag
from miitdata.query.format import format_number

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

CSS_FONTS = ", ".join(f'"{f}"' for f in FONTS) + ", sans-serif"


# ---------------------------------------------------------------------------------------------------
# Page


CSS = f"""
:root {{ color-scheme: light; }}
body {{ font-family: {CSS_FONTS}; max-width: 1100px; margin: 2rem auto; padding: 0 1.2rem;
  line-height: 1.5; color: #1d1d1f; background: #fff; }}
h1 {{ font-size: 1.7rem; margin-bottom: .2rem; }}
h2 {{ border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }}
h3 {{ margin-top: 1.4rem; }}
.subtitle {{ color: #555; margin-top: 0; }}
table {{ border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }}
th, td {{ border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; text-align: left; }}
th {{ background: #f4f4f6; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
code, pre {{ font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88rem; }}
pre {{ background: #f6f8fa; padding: .7rem; overflow-x: auto; }}
figure.chart {{ margin: 1.2rem 0; }}
figure.chart svg {{ max-width: 100%; height: auto; }}
figure.chart svg text {{ font-family: {CSS_FONTS} !important; }}
figcaption {{ color: #555; font-size: .9rem; }}
nav ol {{ columns: 2; }}
.summary {{ background: #f4f7fb; border: 1px solid #dbe4f0; padding: .6rem 1rem; }}
.missing {{ color: #8a6d3b; }}
"""


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = "" if cell is None else escape(str(cell))
            cells.append(f'<td class="num">{text}</td>' if i in numeric else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _text(value: Any) -> str:
    import pandas as pd

    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _chart(slug: str, title: str, svg: str | None, caption: str) -> str:
    if svg is None:
        return (
            f'<figure class="chart" id="chart-{slug}"><figcaption class="missing">{escape(title)}: '
            "no data of this kind in this version.</figcaption></figure>"
        )
    return (
        f'<figure class="chart" id="chart-{slug}"><div class="svg">{svg}</div>'
        f'<figcaption id="title-{slug}"><strong>{escape(title)}.</strong> {caption}</figcaption></figure>'
    )


def _licence(lic: dict[str, Any]) -> str:
    """`CC-BY-4.0 (Creative Commons Attribution 4.0, https://...)`: the licence's name, its title without
    a trailing parenthetical (the descriptor's title says what it covers, which the sentence says)."""
    import re

    name = str(lic.get("name") or "").strip()
    title = re.sub(r"\s*\([^()]*\)\s*$", "", str(lic.get("title") or "")).strip()
    detail = ", ".join(x for x in (title, str(lic.get("path") or "").strip()) if x and x != name)
    return f"{name} ({detail})" if name and detail else name or detail


def _counts_by(frame: pd.DataFrame, column: str) -> list[list[Any]]:
    counts = frame[column].astype("string").fillna("—").value_counts()
    return [[k, format_number(v)] for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_datasheet(ds: Dataset, content_root: str = "") -> str:
    """The datasheet of a loaded dataset, as one self-contained HTML page. Its JSON-LD is the Croissant
    description (outputs/croissant.py), whose file URLs are `content_root` + the package paths.

    Raises PackageError `extra-missing` (with the pip command) when matplotlib is not installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise PackageError(
            "extra-missing", "the datasheet needs matplotlib: pip install 'miitdata[datasheet]'"
        ) from None
    desc = ds.descriptor
    version = ds.version
    obs = joined(ds)
    n_obs = len(obs)
    derived = int(obs["derived_by"].notna().sum())
    stated = int(obs["observation_id"].isin(set(ds.mentions["observation_id"])).sum())
    hist = sources_per_observation(ds)
    multi = int(hist[hist.index >= 2].sum())
    resources = {r["name"]: r for r in desc.get("resources", [])}
    licenses = desc.get("licenses", [])
    lic_text = "; ".join(_licence(lic) for lic in licenses) or "not stated"
    events = ds.events.sort_values("date")
    sources = ds.sources.sort_values("source_id")

    charts = [
        (
            "regional-shares",
            "Regional shares / 区域占比",
            chart_regional_shares(ds),
            "Every share (percent) stated for a macro-region (East, Central, West, Northeast and the "
            "central and western regions together), one panel per indicator, one bar per region and period.",
        ),
        (
            "before-after",
            "Before and after, per province / 各省市前后对比",
            chart_before_after(ds),
            "Each indicator stated for one province, city or zone for two or more single periods: the "
            "earliest and the latest value. Hatched bars are derived by a relation, not stated.",
        ),
        (
            "clusters",
            "Advanced manufacturing clusters / 先进制造业集群",
            chart_clusters(ds),
            "National advanced manufacturing clusters at each press conference (indicator "
            "<code>advanced_mfg_clusters</code>).",
        ),
        (
            "sources-histogram",
            "How many sources state each fact / 每条数据的来源数",
            chart_sources_histogram(ds),
            f"Distinct sources quoting each observation; {format_number(multi)} of {format_number(n_obs)} "
            "facts are stated by two sources or more and checked against each other. "
            "0: derived by a relation.",
        ),
        (
            "discrepancies",
            "Known discrepancies by kind / 已知差异（按类型）",
            chart_discrepancies(ds),
            "Known errors and inconsistencies in the sources, by kind (see the table below).",
        ),
    ]

    counts_rows = [
        [name, format_number(len(frame)), (resources.get(name) or {}).get("description", "")]
        for name, frame in ds.tables.items()
    ]
    source_rows = [
        [
            s.source_id,
            s.language,
            s.kind,
            "yes" if bool(s.machine_translated) else "no",
            _text(s.publisher) or "not stated",
            _text(s.date_published),
            s.title,
            format_number(int((ds.mentions["source_id"] == s.source_id).sum())),
        ]
        for s in sources.itertuples(index=False)
    ]
    event_rows = [
        [e.event_id, _text(e.date), e.host, e.title_en, e.title_zh] for e in events.itertuples(index=False)
    ]
    disc_rows = [
        [d.discrepancy_id, d.kind, d.resource, d.target, d.error_type, d.explanation]
        for d in ds.discrepancies.sort_values("discrepancy_id").itertuples(index=False)
    ]
    comparators = obs["comparator"].value_counts()
    hedged = int(comparators.drop("=", errors="ignore").sum())
    languages = ", ".join(sorted({str(x) for x in ds.sources["language"].dropna()}))
    first_event, last_event = _text(events["date"].min()), _text(events["date"].max())
    example = obs[obs["n_sources"] == obs["n_sources"].max()].head(1)
    example_id = str(example["observation_id"].iloc[0]) if len(example) else "O0001"

    toc = [
        ("motivation", "Motivation"),
        ("composition", "Composition"),
        ("charts", "Charts"),
        ("collection", "Collection process"),
        ("preprocessing", "Preprocessing, cleaning and labelling"),
        ("uses", "Uses"),
        ("distribution", "Distribution"),
        ("maintenance", "Maintenance"),
        ("discrepancies", "Known discrepancies"),
        ("validate", "How to validate"),
        ("versions", "Versions"),
    ]
    p: list[str] = []
    add = p.append
    add("<!DOCTYPE html>")
    add('<html lang="en"><head><meta charset="utf-8">')
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add(f"<title>Datasheet: {escape(str(desc.get('name', 'miitdata')))} {escape(version)}</title>")
    # Croissant (a schema.org Dataset with files and record sets), for dataset search (no code runs)
    add(script_tag(croissant_jsonld(ds, content_root)))
    add(f"<style>{CSS}</style></head><body>")
    add(f"<h1>Datasheet for {escape(str(desc.get('name', 'miitdata')))} {escape(version)}</h1>")
    add(f'<p class="subtitle">{escape(str(desc.get("title", "")))}</p>')
    add(
        '<p class="summary">'
        f"{format_number(n_obs)} figures (observations) from {format_number(len(ds.events))} "
        "press conferences "
        f"({first_event} to {last_event}), stated in {format_number(len(ds.mentions))} verbatim quotes from "
        f"{format_number(len(ds.sources))} source documents ({escape(languages)}); "
        f"{format_number(len(ds.indicators))} indicators, {format_number(len(ds.regions))} regions, "
        f"{format_number(len(ds.relations))} arithmetic relations, "
        f"{format_number(len(ds.discrepancies))} known discrepancies. Licence: {escape(lic_text)}.</p>"
    )
    add(
        "<p>This datasheet follows <em>Datasheets for Datasets</em> (Gebru et al., Communications of the "
        "ACM 64(12), 2021). It is generated from the data package by <code>miitdata datasheet</code>; every "
        "number on this page is computed from the data.</p>"
    )
    add("<nav><ol>" + "".join(f'<li><a href="#{a}">{escape(t)}</a></li>' for a, t in toc) + "</ol></nav>")

    add('<h2 id="motivation">1. Motivation</h2>')
    add(
        "<p><strong>For what purpose was the dataset created?</strong> China's Ministry of Industry and "
        "Information Technology (MIIT, 工业和信息化部) announces statistics at press conferences — shares, "
        "growth rates, amounts and counts about regional manufacturing — that are then reported, summarised "
        "and machine-translated by many outlets, often with errors. miitdata records every figure once, with "
        "its unit, region, period and hedge (<em>nearly</em>, <em>more than</em>), and every statement of it "
        "as a verbatim quote with character offsets into the raw text, so that each figure can be checked "
        "against its sources mechanically and cited precisely.</p>"
    )
    add(
        "<p><strong>Who created it?</strong> The miitdata contributors (see <code>datapackage.json</code>, "
        "<code>contributors</code>). <strong>Funding:</strong> none declared.</p>"
    )

    add('<h2 id="composition">2. Composition</h2>')
    add(
        "<p><strong>What do the instances represent?</strong> An <em>observation</em> is one fact: an "
        "indicator's value for a region and a period, with a comparator (=, ~ nearly, &gt; more than …). A "
        "<em>mention</em> is one place a source states it (a W3C TextQuoteSelector: offsets, exact text, "
        "prefix and suffix). <em>Relations</em> are arithmetic facts linking observations; "
        "<em>discrepancies</em> are known errors in the sources. Rows per resource:</p>"
    )
    add(_table(["resource", "rows", "one row is"], counts_rows, {1}))
    add(
        f"<p>Of the {format_number(n_obs)} observations, {format_number(stated)} are stated by at least one "
        f"source (each quote checked), and {format_number(derived)} are <em>derived</em> "
        "(implied by the text but "
        f"never stated; computed by a relation). {format_number(hedged)} carry a hedge other than “=”.</p>"
    )
    add("<h3>Observations by indicator kind and by region level</h3>")
    add(_table(["indicator kind", "observations"], _counts_by(obs, "kind"), {1}))
    add(_table(["region level", "observations"], _counts_by(obs, "level"), {1}))
    add(_table(["comparator", "observations"], _counts_by(obs, "comparator"), {1}))
    if "status" in obs.columns:  # 0.3+: actual, estimate, forecast, target
        add(_table(["status", "observations"], _counts_by(obs, "status"), {1}))
    add("<h3>Sources</h3>")
    add(
        _table(
            ["id", "language", "kind", "machine-translated", "publisher", "published", "title", "quotes"],
            source_rows,
            {7},
        )
    )
    add("<h3>Events (press conferences)</h3>")
    add(_table(["id", "date", "host", "title", "标题"], event_rows))
    add(
        "<p><strong>Is anything missing?</strong> Only figures stated in the bundled sources are recorded; "
        "where a source omits the year or scope, the observation's <code>note</code> says how it was "
        "decided. <strong>Confidential or sensitive data?</strong> No: all sources are public press "
        "reports about aggregate economic statistics; no individuals are described beyond the officials "
        "speaking at the press conferences.</p>"
    )

    add('<h2 id="charts">Charts</h2>')
    for slug, title, svg, caption in charts:
        add(_chart(slug, title, svg, caption))

    add('<h2 id="collection">3. Collection process</h2>')
    add(
        "<p>The raw texts in <code>data/sources/</code> are copies, byte for byte, of the official summary, "
        "news reports, a machine translation and a transcript of each press conference; their SHA-256 is "
        "recorded in <code>sources.csv</code> and checked on every validation. Curators read each text and "
        "record every figure following <code>CURATION.md</code>; quote offsets are computed by code "
        "(<code>miitdata curate anchor</code>), never by hand, and a test checks that every number in "
        f"the sources lies inside a quote or a listed exclusion. Timeframe: the press conferences "
        f"were held from {first_event} to {last_event}.</p>"
    )
    add('<h2 id="preprocessing">4. Preprocessing, cleaning and labelling</h2>')
    add(
        "<p>The raw texts are never changed (no newline or whitespace normalisation). Values are converted "
        "into the indicator's unit (亿元 for money: 1.54万亿元 → 15,400; percent; percentage points; counts; "
        "multiples), hedges become comparators, and periods follow a small grammar (<code>2021</code>, "
        "<code>2021-12-31</code>, <code>2022-H1</code>, <code>2024-01/2024-02</code>, "
        "<code>2012/2021</code>). "
        "Each mention keeps the value as written (<code>value_text</code>) and what it says, even where the "
        "source is wrong; the observation holds the right value and a discrepancy explains the "
        "difference.</p>"
    )
    add('<h2 id="uses">5. Uses</h2>')
    add(
        "<p><strong>Intended uses:</strong> fact-checking and citing MIIT figures; research on China's "
        "regional industrial policy; evaluating information extraction and machine translation of numbers "
        "(each quote is aligned across Chinese and English sources). <strong>Not suited for:</strong> "
        "replacing official statistical series (the figures are as announced, not revised data); inferring "
        "values for regions or periods not stated. Machine-translated sources contain translation errors "
        "(see the discrepancies); prefer the Chinese quote when citing.</p>"
    )
    add('<h2 id="distribution">6. Distribution</h2>')
    add(
        "<p>As a Frictionless Data Package (<code>datapackage.json</code> + CSV) in a git repository, inside "
        "the <code>miitdata</code> Python wheel (works offline), and through DVC at any tagged version. "
        f"The curated tables are licensed under {escape(lic_text)}. The raw source texts remain their "
        "publishers'. The code is MIT-licensed.</p>"
    )
    add('<h2 id="maintenance">7. Maintenance</h2>')
    add(
        "<p>Ids are stable once released and never renumbered, so citations keep working. Corrections are "
        "recorded, not silently applied: a wrong figure in a source becomes a discrepancy. Versions follow "
        "semantic versioning (major: schema change; minor: new figures or sources; patch: corrections). "
        "Contributions follow <code>CURATION.md</code> and must pass <code>miitdata validate</code>.</p>"
    )
    add('<h2 id="discrepancies">8. Known discrepancies</h2>')
    records = sum(1 for d in disc_rows if not _text(d[4]))
    add(
        f"<p>{format_number(len(disc_rows))} known errors or inconsistencies in the sources. "
        "A row with an error type waives exactly "
        "the validation failure it names; one that no longer matches a failure is itself an error. A row "
        f"without one ({format_number(records)} of them) is a <em>record</em>: it documents a problem "
        "of the ids it names and waives nothing.</p>"
    )
    add(_table(["id", "kind", "resource", "target", "error type", "explanation"], disc_rows))
    add('<h2 id="validate">9. How to validate</h2>')
    add(
        "<pre>pip install miitdata\n"
        "miitdata validate                      # every layer; exit 0 valid, 1 invalid\n"
        "miitdata validate --frictionless       # also the reference Frictionless validator\n"
        "frictionless validate datapackage.json # on a checkout\n"
        f"miitdata cite {escape(example_id)}                  # every quote of one figure, with offsets</pre>"
    )
    add(
        "<p>Validation checks structure (types, keys, foreign keys, vocabularies), "
        "content (ranges, periods), "
        "provenance (source hashes; each quote equals the raw text at its offsets), cross-source consistency "
        "(every quote's number agrees with its observation) and relations (the arithmetic holds).</p>"
    )
    add('<h2 id="versions">10. Versions</h2>')
    add(
        f"<p>This datasheet describes version <strong>{escape(version)}</strong>"
        + (f" (created {escape(str(desc['created']))})" if desc.get("created") else "")
        + '. Earlier versions: <code>miitdata.load(rev="vX.Y.Z", repo=URL)</code> or '
        "<code>dvc get URL data/observations.csv --rev vX.Y.Z</code>; what changed between versions: "
        "<code>CHANGELOG.md</code>.</p>"
    )
    add(
        f'<footer><p class="subtitle">Generated by miitdata from {escape(str(desc.get("name", "miitdata")))} '
        f"{escape(version)}. Cite as: <em>miitdata {escape(version)}, observation ID</em>.</p></footer>"
    )
    add("</body></html>")
    return "\n".join(p) + "\n"
