"""The datasheet's charts, drawn by miitdata itself as inline SVG (`outputs/svg.py`).

A chart is a pure function of the package: no plotting library, installed font, locale or clock takes
part, so `dvc repro` rebuilds the datasheet byte for byte on any machine. Charts are selected by the
indicator kinds, units and region levels found in the data (and the indicator id
`advanced_mfg_clusters`), never by hard-coded values. Every label is drawn as literal text; axes name
the unit by its label (`100 million yuan / 亿元`), not its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from miitdata.outputs.svg import FONT_SIZE, Svg, nice_ticks, text_width, wrap
from miitdata.query.format import format_number, format_value, unit_label

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

COLORS = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"]
CLUSTER_INDICATORS = ("advanced_mfg_clusters",)
LOCAL_LEVELS = ("province", "city", "zone")
AXIS = "#444"
GRID = "#e3e3e3"
MUTED = "#555"
SMALL = 10.5
LINE = 15.0  # the distance between two lines of 12 px text


# ------------------------------------------------------------------------------------------- the data


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


def before_after_pairs(ds: Dataset) -> pd.DataFrame:
    """Earliest and latest value of each (indicator, province/city/zone) stated for two or more periods."""
    import pandas as pd

    obs = joined(ds)
    local = obs[obs["level"].isin(LOCAL_LEVELS) & obs["period"].map(_is_single)]
    rows = []
    for (_, _), g in local.groupby(["region_id", "indicator_id"], sort=True):
        if g["period"].nunique() < 2:
            continue
        g = g.sort_values(["period", "observation_id"], kind="stable")
        rows.append(g.iloc[[0, -1]])
    if not rows:
        return obs.iloc[0:0]
    return pd.concat(rows, ignore_index=True)


def sources_per_observation(ds: Dataset) -> pd.Series:
    """How many observations are stated by 0, 1, 2 … distinct sources (0: derived or not yet quoted)."""
    counts = joined(ds)["n_sources"]
    hist = counts.value_counts().sort_index()
    return hist.reindex(range(int(counts.max()) + 1 if len(counts) else 1), fill_value=0)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], frame.to_dict(orient="records"))


def _unit(ds: Dataset, unit: Any) -> str:
    return unit_label(None if unit is None else str(unit), ds.descriptor)


# ------------------------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Bar:
    label: Sequence[str]  # lines (a category under a vertical bar; one line beside a horizontal one)
    value: float
    text: Sequence[str]  # the value as a person reads it (lines)
    fill: str


def _title(svg: Svg, x: float, y: float, lines: Sequence[str], size: float = FONT_SIZE + 1) -> float:
    """Bold lines from baseline y; the y below them."""
    for line in lines:
        svg.text(x, y, line, bold=True, size=size)
        y += size + 4
    return y


def _hbars(
    svg: Svg,
    x: float,
    y: float,
    width: float,
    title: Sequence[str],
    bars: Sequence[Bar],
    top: float | None,
    axis_title: str,
) -> float:
    """A horizontal bar panel at (x, y), `width` wide; the y below it."""
    y = _title(svg, x, y + FONT_SIZE, title, FONT_SIZE) + 2
    label_w = min(max(text_width(" ".join(b.label)) for b in bars) + 10, width * 0.45)
    value_w = max(text_width(" ".join(b.text), SMALL) for b in bars) + 10
    plot_x, plot_w = x + label_w, max(width - label_w - value_w, 60.0)
    ticks = nice_ticks(top if top is not None else max(b.value for b in bars) * 1.05)
    scale = plot_w / ticks[-1]
    rows = [wrap(" ".join(b.label), label_w - 10) for b in bars]
    heights = [max(22.0, len(lines) * LINE + 7) for lines in rows]
    bottom = y + sum(heights)
    for t in ticks:
        tx = plot_x + t * scale
        svg.line(tx, y, tx, bottom, GRID, "grid")
    for bar, lines, h in zip(bars, rows, heights, strict=True):
        middle = y + h / 2
        first = middle - (len(lines) - 1) * LINE / 2 + 4
        for i, line in enumerate(lines):
            svg.text(plot_x - 8, first + i * LINE, line, anchor="end", cls="label")
        w = max(bar.value, 0) * scale
        svg.rect(plot_x, middle - 7, w, 14, bar.fill, "bar")
        svg.text(plot_x + w + 4, middle + 4, " ".join(bar.text), size=SMALL, cls="value")
        y += h
    svg.line(plot_x, bottom, plot_x + plot_w, bottom, AXIS, "axis")
    svg.line(plot_x, y - sum(heights), plot_x, bottom, AXIS, "axis")
    for t in ticks:
        tx = plot_x + t * scale
        svg.line(tx, bottom, tx, bottom + 4, AXIS, "xtick")
        svg.text(tx, bottom + 16, format_number(t), anchor="middle", size=SMALL, fill=MUTED, cls="xtick")
    y = bottom + 32
    for line in wrap(axis_title, width - label_w):
        svg.text(plot_x, y, line, size=SMALL, fill=MUTED, cls="axis-title")
        y += LINE
    return y + 4


def _vbars(
    svg: Svg,
    x: float,
    y: float,
    width: float,
    title: Sequence[str],
    bars: Sequence[Bar],
    unit: str,
    axis_title: str = "",
    plot_h: float = 150.0,
) -> float:
    """A vertical bar panel at (x, y), `width` wide, its y axis labelled with `unit`; the y below it."""
    y = _title(svg, x, y + FONT_SIZE, title, FONT_SIZE)
    svg.text(x, y + 4, unit, size=SMALL, fill=MUTED, cls="unit")  # the y axis' label, above it
    ticks = nice_ticks(max(b.value for b in bars) * 1.05)
    tick_w = max(text_width(format_number(t), SMALL) for t in ticks) + 8
    plot_x, plot_y = x + tick_w, y + 18 + LINE * max(len(b.text) for b in bars)
    plot_w = width - tick_w - 4
    scale = plot_h / ticks[-1]
    base = plot_y + plot_h
    for t in ticks:
        ty = base - t * scale
        svg.line(plot_x, ty, plot_x + plot_w, ty, GRID, "grid")
        svg.line(plot_x - 4, ty, plot_x, ty, AXIS, "ytick")
        svg.text(plot_x - 6, ty + 4, format_number(t), anchor="end", size=SMALL, fill=MUTED, cls="ytick")
    slot = plot_w / len(bars)
    bar_w = min(slot * 0.6, 70.0)
    label_lines = 0
    for i, bar in enumerate(bars):
        cx = plot_x + slot * (i + 0.5)
        h = max(bar.value, 0) * scale
        svg.rect(cx - bar_w / 2, base - h, bar_w, h, bar.fill, "bar")
        for j, line in enumerate(reversed(bar.text)):
            svg.text(cx, base - h - 5 - j * LINE, line, anchor="middle", size=SMALL, cls="value")
        lines = [piece for label in bar.label for piece in wrap(label, slot - 4, SMALL)]
        for j, line in enumerate(lines):
            svg.text(cx, base + 16 + j * LINE, line, anchor="middle", size=SMALL, cls="label")
        label_lines = max(label_lines, len(lines))
    svg.line(plot_x, base, plot_x + plot_w, base, AXIS, "axis")
    svg.line(plot_x, plot_y, plot_x, base, AXIS, "axis")
    y = base + 16 + label_lines * LINE + 4
    for line in wrap(axis_title, width) if axis_title else []:
        svg.text(plot_x + plot_w / 2, y + 4, line, anchor="middle", size=SMALL, fill=MUTED, cls="axis-title")
        y += LINE
    return y + 6


def _chart(slug: str, width: float, heading: str, draw: Any) -> str:
    """Draw with `draw(svg, y) -> bottom` below the chart's heading (if any); the <svg>, sized to fit."""
    svg = Svg(width, 0, f"title-{slug}")
    y = _title(svg, 4, 16, wrap(heading, width - 8), FONT_SIZE + 1) if heading else 4.0
    svg.height = draw(svg, y) + 4
    return svg.render()


# ------------------------------------------------------------------------------------------- the charts


def chart_regional_shares(ds: Dataset) -> str | None:
    """Shares (percent) of macro-regions, one panel per indicator, bars per region and period."""
    obs = joined(ds)
    data = obs[(obs["level"] == "macro-region") & (obs["unit"] == "percent") & (obs["kind"] == "share")]
    if data.empty:
        return None
    groups = [
        g.sort_values(["region_id", "period", "observation_id"], kind="stable")
        for _, g in data.groupby("indicator_id", sort=True)
    ]
    width = 860.0

    def draw(svg: Svg, y: float) -> float:
        for g in groups:
            first = g.iloc[0]
            bars = [
                Bar(
                    [f"{r['region_en']} / {r['region_zh']} · {r['period']}"],
                    float(r["value"]),
                    [format_value(r["value"], r["unit"], r["comparator"])],
                    COLORS[i % len(COLORS)],
                )
                for i, r in enumerate(_records(g))
            ]
            title = wrap(f"{first['indicator_en']} / {first['indicator_zh']}", width - 8)
            # no shared axis: each panel is a share of its own denominator (the national total, ...)
            axis = f"{_unit(ds, first['unit'])} — {first['indicator_en']} / {first['indicator_zh']}"
            y = _hbars(svg, 4, y, width - 8, title, bars, 100.0, axis) + 8
        return y

    heading = "Regional shares / 区域占比 (each panel its own denominator / 各图分母不同)"
    return _chart("regional-shares", width, heading, draw)


def chart_before_after(ds: Dataset) -> str | None:
    """Small multiples: before and after values of one indicator in one province (city, zone)."""
    pairs = before_after_pairs(ds)
    if pairs.empty:
        return None
    panels = [pairs.iloc[i : i + 2] for i in range(0, len(pairs), 2)]
    ncols = min(3, len(panels))
    panel_w = 280.0
    width = panel_w * ncols + 8

    def draw(svg: Svg, y: float) -> float:
        for row in range(0, len(panels), ncols):
            bottoms = [y]
            for col, p in enumerate(panels[row : row + ncols]):
                first = p.iloc[0]
                bars = []
                for k, r in enumerate(_records(p)):
                    derived = isinstance(r["derived_by"], str)
                    fill = COLORS[k]
                    if derived:
                        fill = svg.hatch(f"before-after-hatch-{r['observation_id']}", COLORS[k])
                    text = [format_value(r["value"], r["unit"], r["comparator"], "zh")]
                    bars.append(
                        Bar([str(r["period"])], float(r["value"]), text + ["(derived)"] * derived, fill)
                    )
                title = [
                    f"{first['region_en']} {first['region_zh']}",
                    *wrap(str(first["indicator_en"]), panel_w - 16),
                    *wrap(str(first["indicator_zh"]), panel_w - 16),
                ]
                x = 4 + col * panel_w
                bottoms.append(_vbars(svg, x, y, panel_w - 16, title, bars, _unit(ds, first["unit"])))
            y = max(bottoms) + 8
        return y

    heading = "Before and after, per province / 各省市前后对比 (hatched: derived / 斜线：推算)"
    return _chart("before-after", width, heading, draw)


def chart_clusters(ds: Dataset) -> str | None:
    """Advanced manufacturing clusters, national, for every period stated."""
    obs = joined(ds)
    data = obs[obs["indicator_id"].isin(CLUSTER_INDICATORS) & (obs["region_id"] == "CN")]
    if data.empty:
        return None
    data = data.sort_values(["period", "observation_id"], kind="stable")
    first = data.iloc[0]
    bars = [
        Bar(
            [str(r["period"]), str(r["event_id"])],
            float(r["value"]),
            [format_value(r["value"], r["unit"], r["comparator"])],
            COLORS[2],
        )
        for r in _records(data)
    ]
    width = max(560.0, 90.0 * len(bars) + 80)
    title = wrap(
        f"{first['indicator_en']} / {first['indicator_zh']} ({first['region_en']} / 全国)", width - 8
    )
    unit = _unit(ds, first["unit"])
    return _chart("clusters", width, "", lambda svg, y: _vbars(svg, 4, y, width - 8, title, bars, unit))


def chart_sources_histogram(ds: Dataset) -> str | None:
    hist = sources_per_observation(ds)
    if int(hist.sum()) == 0:
        return None
    bars = [
        Bar([str(k), *(["(derived / 推算)"] if k == 0 else [])], float(n), [format_number(n)], COLORS[0])
        for k, n in zip(hist.index.tolist(), hist.tolist(), strict=True)
    ]
    width = 560.0
    title = ["How many sources state each fact / 每条数据的来源数"]

    def draw(svg: Svg, y: float) -> float:
        axis = "distinct sources stating the fact / 陈述该数据的来源数"
        return _vbars(svg, 4, y, width - 8, title, bars, "observations / 数据条数", axis)

    return _chart("sources-histogram", width, "", draw)


def chart_discrepancies(ds: Dataset) -> str | None:
    kinds = ds.discrepancies["kind"]
    counts = kinds.value_counts(sort=False)
    counts = counts[counts > 0]  # only the kinds that occur: no empty zero bars
    if counts.empty:
        return None
    counts = counts.sort_index()
    bars = [Bar([str(k)], float(n), [str(n)], COLORS[3]) for k, n in counts.items()]
    width = 560.0
    title = ["Known discrepancies by kind / 已知差异（按类型）"]

    def draw(svg: Svg, y: float) -> float:
        return _hbars(svg, 4, y, width - 8, title, bars, None, "known discrepancies / 已知差异数")

    return _chart("discrepancies", width, "", draw)
