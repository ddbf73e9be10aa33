"""The datasheet: one self-contained HTML page describing the dataset, after "Datasheets for Datasets"
(Gebru et al., 2021), with charts drawn by miitdata as inline SVG (`outputs/charts.py`).

The page is a template of this package (`datasheet_assets/datasheet.html`, with `datasheet.css`), read
with importlib.resources, like the explorer's `site_assets/`: the prose lives there; this module
computes what fills its `$placeholders` (every value escaped, its Chinese runs in `<span lang="zh">`:
`outputs/zh.py`). Self-contained: no external CSS, scripts, fonts or images, so it renders offline.
Deterministic: a pure function of the package and the miitdata version (no plotting library, font,
locale or clock takes part). Every number shown comes from the loaded dataset; charts are selected by
indicator kinds, units and region levels found in the data (and the indicator id
`advanced_mfg_clusters`), never by hard-coded values.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any

from miitdata.outputs.charts import (
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
from miitdata.outputs.zh import tag_zh
from miitdata.query.format import format_number

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset


def _asset(name: str) -> str:
    return (resources.files("miitdata.outputs") / "datasheet_assets" / name).read_text(encoding="utf-8")


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{tag_zh(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = "" if cell is None else tag_zh(str(cell))
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
            f'<figure class="chart" id="chart-{slug}"><figcaption class="missing">{tag_zh(title)}: '
            "no data of this kind in this version.</figcaption></figure>"
        )
    return (
        f'<figure class="chart" id="chart-{slug}"><div class="svg">{svg}</div>'
        f'<figcaption id="title-{slug}"><strong>{tag_zh(title)}.</strong> {caption}</figcaption></figure>'
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
    """The datasheet of a loaded dataset, as one self-contained HTML page (needs no extra). Its JSON-LD
    is the Croissant description (outputs/croissant.py), whose file URLs are `content_root` + the
    package paths.

    Long because: it gathers every value the page's template shows (counts, tables, charts, the
    JSON-LD) from lookups they share, in the order the page shows them."""
    desc = ds.descriptor
    version = ds.version
    obs = joined(ds)
    n_obs = len(obs)
    derived = int(obs["derived_by"].notna().sum())
    stated = int(obs["observation_id"].isin(set(ds.mentions["observation_id"])).sum())
    hist = sources_per_observation(ds)
    multi = int(hist[hist.index >= 2].sum())
    resources_ = {r["name"]: r for r in desc.get("resources", [])}
    licenses = desc.get("licenses", [])
    lic_text = "; ".join(_licence(lic) for lic in licenses) or "not stated"
    events = ds.events.sort_values(["date", "event_id"], kind="stable")
    sources = ds.sources.sort_values("source_id", kind="stable")

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
        [name, format_number(len(frame)), (resources_.get(name) or {}).get("description", "")]
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

    name = str(desc.get("name", "miitdata"))
    created = f" (created {escape(str(desc['created']))})" if desc.get("created") else ""
    breakdown = [
        _table(["indicator kind", "observations"], _counts_by(obs, "kind"), {1}),
        _table(["region level", "observations"], _counts_by(obs, "level"), {1}),
        _table(["comparator", "observations"], _counts_by(obs, "comparator"), {1}),
    ]
    if "status" in obs.columns:  # 0.3+: actual, estimate, forecast, target
        breakdown.append(_table(["status", "observations"], _counts_by(obs, "status"), {1}))
    values = {
        "name": escape(name),
        "version": escape(version),
        "title": tag_zh(str(desc.get("title", ""))),
        # Croissant (a schema.org Dataset with files and record sets), for dataset search (no code runs)
        "jsonld": script_tag(croissant_jsonld(ds, content_root)),
        "css": _asset("datasheet.css"),
        "n_obs": format_number(n_obs),
        "n_events": format_number(len(ds.events)),
        "first_event": escape(first_event),
        "last_event": escape(last_event),
        "n_mentions": format_number(len(ds.mentions)),
        "n_sources": format_number(len(ds.sources)),
        "languages": tag_zh(languages),
        "n_indicators": format_number(len(ds.indicators)),
        "n_regions": format_number(len(ds.regions)),
        "n_relations": format_number(len(ds.relations)),
        "n_discrepancies": format_number(len(disc_rows)),
        "licence": tag_zh(lic_text),
        "resources_table": _table(["resource", "rows", "one row is"], counts_rows, {1}),
        "n_stated": format_number(stated),
        "n_derived": format_number(derived),
        "n_hedged": format_number(hedged),
        "breakdown_tables": "\n".join(breakdown),
        "sources_table": _table(
            ["id", "language", "kind", "machine-translated", "publisher", "published", "title", "quotes"],
            source_rows,
            {7},
        ),
        "events_table": _table(["id", "date", "host", "title", "标题"], event_rows),
        "charts": "\n".join(_chart(slug, title, svg, caption) for slug, title, svg, caption in charts),
        "n_records": format_number(sum(1 for d in disc_rows if not _text(d[4]))),
        "discrepancies_table": _table(
            ["id", "kind", "resource", "target", "error type", "explanation"], disc_rows
        ),
        "example_id": escape(example_id),
        "created": created,
    }
    return Template(_asset("datasheet.html")).substitute(values)
