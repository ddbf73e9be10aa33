"""The datasheet's charts, drawn by matplotlib as inline SVG (deterministic: fixed hash salts, no dates).

Charts are selected by indicator kinds, units and region levels found in the data (and the indicator id
`advanced_mfg_clusters`), never by hard-coded values. Text in the SVGs stays text (`svg.fonttype =
"none"`): the browser renders Chinese labels with its own CJK fonts.
"""

from __future__ import annotations

import io
import logging
import textwrap
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from miitdata.query.format import format_number, format_value

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from miitdata.dataset import Dataset

FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "DejaVu Sans",
]
COLORS = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"]
CLUSTER_INDICATORS = ("advanced_mfg_clusters",)
LOCAL_LEVELS = ("province", "city", "zone")


@contextmanager
def _quiet_matplotlib() -> Iterator[None]:
    """Silence the missing-glyph warnings and findfont messages of machines without CJK fonts."""
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            yield
    finally:
        logger.setLevel(level)


def _svg(draw: Callable[[], Figure | None], salt: str) -> str | None:
    """Run `draw` under deterministic, text-preserving SVG settings; the <svg> element, or None."""
    import matplotlib

    rc: dict[Any, Any] = {  # matplotlib types its keys as a Literal of every rc name
        "svg.fonttype": "none",
        "svg.hashsalt": f"miitdata-{salt}",
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 9,
        "axes.titleweight": "bold",
        "path.simplify": False,
    }
    with matplotlib.rc_context(rc), _quiet_matplotlib():
        fig = draw()
        if fig is None:
            return None
        buf = io.StringIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "miitdata"})
    text = buf.getvalue()
    start = text.find("<svg")
    svg = text[start:].strip()
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="title-{salt}" ', 1)


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _wrap(text: Any, width: int = 42) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def joined(ds: Dataset) -> pd.DataFrame:
    """Observations with indicator and region fields (both languages) and distinct sources per observation."""
    ind = ds.indicators[["indicator_id", "name_en", "name_zh", "unit", "kind"]].rename(
        columns={"name_en": "indicator_en", "name_zh": "indicator_zh"}
    )
    reg = ds.regions[["region_id", "name_en", "name_zh", "level"]].rename(
        columns={"name_en": "region_en", "name_zh": "region_zh"}
    )
    nsrc = ds.mentions.groupby("observation_id", observed=True)["source_id"].nunique()
    out = ds.observations.merge(ind, on="indicator_id", how="left").merge(reg, on="region_id", how="left")
    out["n_sources"] = out["observation_id"].map(nsrc).fillna(0).astype(int)
    for col in ("unit", "kind", "level", "comparator"):
        out[col] = out[col].astype("string")
    return out


def _is_single(period: Any) -> bool:
    return isinstance(period, str) and "/" not in period


def chart_regional_shares(ds: Dataset) -> str | None:
    """Shares (percent) of macro-regions, one panel per indicator, bars per region and period."""
    obs = joined(ds)
    data = obs[(obs["level"] == "macro-region") & (obs["unit"] == "percent") & (obs["kind"] == "share")]
    if data.empty:
        return None
    groups = [g.sort_values(["region_id", "period"]) for _, g in data.groupby("indicator_id", sort=True)]

    def draw() -> Figure:
        heights = [len(g) for g in groups]
        fig = _figure(8.5, 0.9 * len(groups) + 0.32 * sum(heights))
        # no shared axis: each panel is a share of its own denominator (national total, the region's GDP...)
        axes = fig.subplots(len(groups), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)
        for ax, g in zip(axes[:, 0], groups, strict=True):
            labels = [f"{r.region_en} / {r.region_zh} · {r.period}" for r in g.itertuples(index=False)]
            colors = [COLORS[i % len(COLORS)] for i in range(len(g))]
            ypos = list(range(len(g)))
            ax.barh(ypos, g["value"].tolist(), color=colors, height=0.65)
            ax.set_yticks(ypos, labels)
            ax.invert_yaxis()
            ax.set_xlim(0, 100)
            first = g.iloc[0]
            ax.set_title(f"{first['indicator_en']}\n{first['indicator_zh']}", loc="left")
            ax.set_xlabel(_wrap(f"% — {first['indicator_en']} / {first['indicator_zh']}", 110), fontsize=8)
            for y, r in zip(ypos, g.to_dict(orient="records"), strict=True):
                label = format_value(r["value"], r["unit"], r["comparator"])
                ax.text(r["value"] + 1, y, label, va="center", fontsize=8)
        fig.suptitle(
            "Regional shares / 区域占比 (each panel its own denominator / 各图分母不同)",
            fontweight="bold",
            x=0.02,
            ha="left",
        )
        return fig

    return _svg(draw, "regional-shares")


def before_after_pairs(ds: Dataset) -> pd.DataFrame:
    """Earliest and latest value of each (indicator, province/city/zone) stated for two or more periods."""
    import pandas as pd

    obs = joined(ds)
    local = obs[obs["level"].isin(LOCAL_LEVELS) & obs["period"].map(_is_single)]
    rows = []
    for (_, _), g in local.groupby(["region_id", "indicator_id"], sort=True):
        if g["period"].nunique() < 2:
            continue
        g = g.sort_values("period")
        rows.append(g.iloc[[0, -1]])
    if not rows:
        return obs.iloc[0:0]
    return pd.concat(rows, ignore_index=True)


def chart_before_after(ds: Dataset) -> str | None:
    """Small multiples: before and after values of one indicator in one province (city, zone)."""
    pairs = before_after_pairs(ds)
    if pairs.empty:
        return None
    panels = [pairs.iloc[i : i + 2] for i in range(0, len(pairs), 2)]
    ncols = min(3, len(panels))
    nrows = -(-len(panels) // ncols)

    def draw() -> Figure:
        fig = _figure(3.0 * ncols, 2.9 * nrows + 0.4)
        axes = fig.subplots(nrows, ncols, squeeze=False)
        for ax in axes.flat[len(panels) :]:
            ax.set_visible(False)
        for ax, p in zip(axes.flat, panels, strict=False):
            first = p.iloc[0]
            derived = [isinstance(d, str) for d in p["derived_by"]]
            ax.bar(
                [0, 1],
                p["value"].tolist(),
                color=[COLORS[0], COLORS[1]],
                hatch=["//" if d else "" for d in derived],
                edgecolor="white",
                width=0.6,
            )
            ax.set_xticks([0, 1], p["period"].tolist())
            ax.set_xlim(-0.6, 1.6)
            ax.set_ylim(0, float(p["value"].max()) * 1.25)
            ax.set_ylabel(str(first["unit"]), fontsize=8)
            ax.tick_params(axis="y", labelsize=7)
            for x, r, d in zip([0, 1], p.to_dict(orient="records"), derived, strict=True):
                label = format_value(r["value"], r["unit"], r["comparator"], "zh") + (
                    " (derived)" if d else ""
                )
                ax.text(x, r["value"], label, ha="center", va="bottom", fontsize=8)
            ax.set_title(
                f"{first['region_en']} {first['region_zh']}\n{_wrap(first['indicator_en'], 36)}\n"
                f"{_wrap(first['indicator_zh'], 18)}",
                fontsize=8,
            )
        fig.suptitle(
            "Before and after, per province / 各省市前后对比 (hatched: derived / 斜线：推算)",
            fontweight="bold",
            x=0.02,
            ha="left",
        )
        return fig

    return _svg(draw, "before-after")


def chart_clusters(ds: Dataset) -> str | None:
    """Advanced manufacturing clusters, national, for every period stated."""
    obs = joined(ds)
    data = obs[obs["indicator_id"].isin(CLUSTER_INDICATORS) & (obs["region_id"] == "CN")]
    if data.empty:
        return None
    data = data.sort_values("period")

    def draw() -> Figure:
        fig = _figure(5.5, 3.0)
        ax = fig.subplots()
        x = list(range(len(data)))
        ax.bar(x, data["value"].tolist(), color=COLORS[2], width=0.55)
        ax.set_xticks(x, [f"{r.period}\n{r.event_id}" for r in data.itertuples(index=False)])
        ax.set_ylim(0, float(data["value"].max()) * 1.2)
        for xi, r in zip(x, data.to_dict(orient="records"), strict=True):
            ax.text(
                xi, r["value"], format_value(r["value"], r["unit"], r["comparator"]), ha="center", va="bottom"
            )
        first = data.iloc[0]
        ax.set_ylabel("clusters / 个")
        ax.set_title(
            f"{first['indicator_en']} / {first['indicator_zh']} ({first['region_en']} / 全国)", loc="left"
        )
        return fig

    return _svg(draw, "clusters")


def sources_per_observation(ds: Dataset) -> pd.Series:
    """How many observations are stated by 0, 1, 2 … distinct sources (0: derived or not yet quoted)."""
    counts = joined(ds)["n_sources"]
    hist = counts.value_counts().sort_index()
    return hist.reindex(range(int(counts.max()) + 1 if len(counts) else 1), fill_value=0)


def chart_sources_histogram(ds: Dataset) -> str | None:
    hist = sources_per_observation(ds)
    if int(hist.sum()) == 0:
        return None

    def draw() -> Figure:
        fig = _figure(5.5, 3.0)
        ax = fig.subplots()
        x = hist.index.tolist()
        ax.bar(x, hist.tolist(), color=COLORS[0], width=0.6)
        ax.set_xticks(x, [f"{k}\n(derived / 推算)" if k == 0 else str(k) for k in x])
        for xi, n in zip(x, hist.tolist(), strict=True):
            ax.text(xi, n, format_number(n), ha="center", va="bottom")
        ax.set_ylim(0, max(hist.tolist()) * 1.18 + 1)
        ax.set_xlabel("distinct sources stating the fact / 陈述该数据的来源数")
        ax.set_ylabel("observations / 数据条数")
        ax.set_title("How many sources state each fact / 每条数据的来源数", loc="left")
        return fig

    return _svg(draw, "sources-histogram")


def chart_discrepancies(ds: Dataset) -> str | None:
    kinds = ds.discrepancies["kind"]
    counts = kinds.value_counts(sort=False)
    counts = counts[counts > 0]  # only the kinds that occur: no empty zero bars
    if counts.empty:
        return None
    counts = counts.sort_index()

    def draw() -> Figure:
        fig = _figure(5.5, 0.35 * len(counts) + 1.1)
        ax = fig.subplots()
        y = list(range(len(counts)))
        ax.barh(y, counts.tolist(), color=COLORS[3], height=0.6)
        ax.set_yticks(y, [str(k) for k in counts.index])
        ax.invert_yaxis()
        for yi, n in zip(y, counts.tolist(), strict=True):
            ax.text(n + 0.05, yi, str(n), va="center")
        ax.set_xlim(0, max(counts.max(), 1) * 1.2)
        ax.set_xlabel("known discrepancies / 已知差异数")
        ax.set_title("Known discrepancies by kind / 已知差异（按类型）", loc="left")
        return fig

    return _svg(draw, "discrepancies")
