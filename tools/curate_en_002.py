# ruff: noqa: E501  (data rows quote long English clauses verbatim; wrapping them would hurt review)
"""Curation II, part 002: every figure in S002 (Daily Economic News, machine translation).

    /work/venv/bin/python tools/curate_en_002.py          # check everything, then merge into the tables
    /work/venv/bin/python tools/curate_en_002.py --check  # check only, write nothing

This script is the reviewable record of the curation of S002. It owns:
  - the indicators it lists (INDICATORS),
  - observations O1700-O1999,
  - every mention of S002 (M002-nnnn),
  - relations R0300-R0399 and discrepancies D300-D399,
  - curation/exclusions_002.csv (the coverage exclusions of S002).
Every other row of data/*.csv is kept as it is. Several curation scripts write the same CSVs in
parallel, so the whole read-merge-write runs under an exclusive lock (.curation.lock) and
re-reads the CSVs inside it.

Facts already in the dataset (O0001-O0093, from the Chinese sources) get S002 mentions attached;
new facts become observations in O1700-O1999. Offsets are computed by `tools.quote.locate`.
Before writing it asserts for every mention that text[start:end] == exact, that exact is on one
line, that value_text lies in exact and that prefix/suffix match; that every foreign key
resolves; that periods follow the grammar; that values lie within the indicator's range; that
every relation's arithmetic (half-unit intervals) gives the expected result; that the number
parser (src/miitdata/numbers.py) reads every value_text as the mention's value (except the
forms listed in UNPARSEABLE); and that every digit and Chinese numeral of S002 is covered.
"""

from __future__ import annotations

import csv
import fcntl
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tools.quote import CONTEXT, locate, source_text  # noqa: E402

E22 = "2022-09-23-miit"
SID = "S002"

# ---------------------------------------------------------------------------------------------
# Indicators: (id, name_zh, name_en, unit, kind, minimum, maximum, description)
# Only meanings not already in data/indicators.csv.
# ---------------------------------------------------------------------------------------------
INDICATORS = [
    (
        "land_area_share_of_national",
        "土地面积占全国比重",
        "Land area as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "The region's land area as a percentage of China's land area",
    ),
    (
        "population_share_of_national",
        "人口占全国比重",
        "Population as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "The region's population as a percentage of China's population",
    ),
    (
        "electronic_info_industry_revenue",
        "电子信息产业营业收入",
        "Operating revenue of the electronic information industry",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Operating revenue (营业收入) of the region's electronic information industry, software plus hardware "
        "(“软件+硬件”), in 亿元",
    ),
    (
        "industrial_transfer_docking_events_held",
        "产业转移系列对接活动举办届数",
        "Number of editions held of an industrial transfer docking event series",
        "count",
        "count",
        0,
        1000,
        "Editions (届) held so far of a series of industrial transfer docking (matchmaking) events; for Henan the "
        "China (Zhengzhou) industrial transfer series docking activities (中国（郑州）产业转移系列对接活动), held once a year",
    ),
    (
        "outside_province_funds_used",
        "实际利用省外资金",
        "Funds from outside the province actually used",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Funds from other provinces actually used (实际利用省外资金) by the province over the period, in 亿元",
    ),
    (
        "projects_completed",
        "建成项目数量",
        "Number of projects completed",
        "count",
        "count",
        0,
        10000000,
        "Projects completed (建成) in the region over the period; the note says which projects",
    ),
    (
        "strategic_emerging_industries_share",
        "战略性新兴产业占规模以上工业比重",
        "Share of strategic emerging industries in industry above designated size",
        "percent",
        "share",
        0,
        100,
        "Strategic emerging industries (战略性新兴产业) as a percentage of industry above designated size (the "
        "measure, value added or output, is not stated where the note does not say)",
    ),
    (
        "industrial_energy_intensity_change",
        "规模以上工业单位增加值能耗变化",
        "Change in energy consumption per unit of value added of industry above designated size",
        "percent",
        "growth-rate",
        -100,
        1000,
        "Cumulative change (累计, not annual) over the period Y0/Y1 of the energy consumption per unit of value "
        "added of industrial enterprises above designated size, in percent (negative = a fall)",
    ),
    (
        "provinces_with_ministry_cooperation_agreements",
        "与工业和信息化部签署部省合作协议的省份数量",
        "Number of provinces that signed a ministry-province cooperation agreement with MIIT",
        "count",
        "count",
        0,
        34,
        "Provincial-level divisions (provinces, autonomous regions, municipalities) with which MIIT signed a "
        "部省合作协议 (ministry-province cooperation agreement); region CN",
    ),
]

# ---------------------------------------------------------------------------------------------
# Observations: (id, indicator, region, period, value, comparator, event, derived_by, note)
# ---------------------------------------------------------------------------------------------
ONLY_EN = "stated only in the machine translation S002 (not found in S000, S001 or S003)"
NEWSPAPER = (
    "background figure of the Daily Economic News report, not a statement made at the press conference"
)
YEAR_NOT_STATED = "year not stated; taken as 2021, the last full year before the 2022-09-23 event"
AS_OF_2022 = "stock as stated at the 2022-09-23 event (date of the count not given)"
TEN_YEARS = (
    "In the past ten years (近十年): span taken as 2012/2021, the decade since the 18th National "
    "Congress that the press conference reviews (it could also be read as 2013/2022)"
)
OBSERVATIONS = [
    (
        "O1700",
        "member_regions",
        "central-west",
        "2022",
        "18",
        "=",
        E22,
        "",
        "The central and western regions include 18 provinces (中西部 = 6 central + 12 western); "
        + NEWSPAPER
        + "; "
        + ONLY_EN,
    ),
    (
        "O1701",
        "land_area_share_of_national",
        "central-west",
        "2021",
        "82",
        "=",
        E22,
        "",
        NEWSPAPER + "; " + YEAR_NOT_STATED + "; " + ONLY_EN,
    ),
    (
        "O1702",
        "population_share_of_national",
        "central-west",
        "2021",
        "53",
        "=",
        E22,
        "",
        NEWSPAPER + "; " + YEAR_NOT_STATED + "; " + ONLY_EN,
    ),
    (
        "O1703",
        "electronic_info_industry_revenue",
        "CN-CQ",
        "2021",
        "10000",
        "~",
        E22,
        "",
        "截至2021年底全市电子信息产业“软件+硬件”营业收入已近万亿元 (Yang Zhenghua, Chongqing); S003 states it too "
        "(Chinese tail, offset 65471: 营业收入已近万亿元)",
    ),
    (
        "O1704",
        "industrial_transfer_docking_events_held",
        "CN-HA",
        "2022",
        "6",
        "=",
        E22,
        "",
        "China (Zhengzhou) industrial transfer series docking activities, held 6 years in a row (Zhu Ming, Henan); "
        "S003 states it too (offset 60982: held for 6 consecutive years); " + AS_OF_2022,
    ),
    (
        "O1705",
        "outside_province_funds_used",
        "CN-HA",
        "2012/2021",
        "24800",
        "=",
        E22,
        "",
        "2.48万亿元 (S002's translation garbles it as '2.48 2.48 Typhoon', see D300); S003 states it too (offset "
        "61128: 2.48 trillion yuan of 'foreign' funds, i.e. 省外 funds from outside the province); "
        + TEN_YEARS,
    ),
    (
        "O1706",
        "projects_completed",
        "CN-HA",
        "2012/2021",
        "5000",
        "~",
        E22,
        "",
        "Projects completed in Henan under its inter-regional cooperation (the sentence on funds from outside the "
        "province); S003 states it too (offset 61169: nearly 5,000 projects); " + TEN_YEARS,
    ),
    (
        "O1707",
        "strategic_emerging_industries_share",
        "CN-HA",
        "2021",
        "24",
        "=",
        E22,
        "",
        "Stated as 24.0% (precision 0.05); base (value added or output of industry above designated size) not "
        "stated; S003 states it too (offset 61385: reached 24.0%); " + YEAR_NOT_STATED,
    ),
    (
        "O1708",
        "industrial_energy_intensity_change",
        "CN-HA",
        "2012/2021",
        "-57",
        "=",
        E22,
        "",
        "Cumulative (累计) fall by 57% of the energy consumption per unit of value added of industry above "
        "designated size; S003 states it too (offset 61479: dropped by 57%); " + TEN_YEARS,
    ),
    (
        "O1709",
        "provinces_with_ministry_cooperation_agreements",
        "CN",
        "2022",
        "18",
        "=",
        E22,
        "",
        "Agreements signed since the 13th Five-Year Plan (2016); S003 states it too (offset 15200: "
        "ministerial-provincial cooperation agreements with 18 provinces); " + AS_OF_2022,
    ),
]

# ---------------------------------------------------------------------------------------------
# Mentions: (id, observation, exact, value_text, value, occurrence, note). value None = the
# observation's value.
# ---------------------------------------------------------------------------------------------
CW = "the land area and population account for 82%and 53%of the country, respectively"
CQ = (
    'As of the end of 2021, the city\'s "software+hardware" operating income of the "software+hardware" of '
    "the city has been nearly trillion yuan"
)
WEST_SHARE = (
    "accounting for the increase in industrial added value above designated size from 17.84%to 19.21%"
)
MENTIONS = [
    (
        "M002-0001",
        "O1700",
        "The central and western regions include 18 provinces",
        "18 provinces",
        None,
        None,
        "member count of central-west (6 + 12)",
    ),
    ("M002-0002", "O1701", CW, "82%", None, None, "land area"),
    ("M002-0003", "O1702", CW, "53%", None, None, "population"),
    (
        "M002-0004",
        "O1703",
        CQ,
        "nearly trillion yuan",
        None,
        None,
        "近万亿元 rendered 'nearly trillion yuan'; the subject 电子信息产业 (electronic information industry) is lost "
        "in the translation ('the city's \"software+hardware\" operating income')",
    ),
    (
        "M002-0005",
        "O1704",
        "the sixth China (Zhengzhou) industrial transfer series docking activities have been held in a row",
        "sixth",
        6,
        None,
        "连续举办6届 rendered as an ordinal; see D301",
    ),
    (
        "M002-0006",
        "O1705",
        "In the past ten years, the province's actual funds in the province 2.48 2.48 Typhoon",
        "2.48 2.48 Typhoon",
        24800,
        None,
        "garbled 实际利用省外资金2.48万亿元; value is what the translator meant (see D300)",
    ),
    ("M002-0007", "O1706", "nearly 5,000 projects were built", "nearly 5,000", None, None, ""),
    (
        "M002-0008",
        "O1707",
        "The proportion of strategic emerging industries has reached 24.0%",
        "24.0%",
        None,
        None,
        "Henan",
    ),
    (
        "M002-0009",
        "O1708",
        "the accumulated energy consumption of industrial added value above designated size has decreased by 57%",
        "decreased by 57%",
        None,
        None,
        "'energy consumption of industrial added value' = energy consumption per unit of value added (单位增加值能耗)",
    ),
    (
        "M002-0010",
        "O0044",
        "Create a total of 445 national new industrialization industry demonstration bases",
        "a total of 445",
        None,
        None,
        "section heading",
    ),
    (
        "M002-0011",
        "O1709",
        "the Ministry of Industry and Information Technology has signed a provincial cooperation agreement with 18 "
        "provinces (autonomous regions, municipalities)",
        "18 provinces",
        None,
        None,
        "",
    ),
    (
        "M002-0012",
        "O0054",
        "support the creation of 6 industrial Internet demonstration areas",
        "6",
        None,
        None,
        "",
    ),
    (
        "M002-0013",
        "O0055",
        "4 national -level network pilot areas",
        "4",
        None,
        None,
        "国家级车联网先导区: the translation lost 'internet of vehicles' (车联网 → 'network')",
    ),
    (
        "M002-0014",
        "O0056",
        "8 national artificial intelligence innovation application pilot zones",
        "8",
        None,
        None,
        "",
    ),
    (
        "M002-0015",
        "O0001",
        "In 2021, the value -added of manufacturing in the eastern region accounted for 30.5%of the regional GDP",
        "30.5%",
        None,
        None,
        "",
    ),
    (
        "M002-0016",
        "O0002",
        "3.1 percentage points higher than the national average",
        "3.1 percentage points",
        None,
        None,
        "",
    ),
    (
        "M002-0017",
        "O0005",
        "53%of digital workshops or smart factories are located in the eastern region",
        "53%",
        None,
        None,
        "year from the preceding sentence (In 2021); like S001, S002 omits S000's 58% of the smart "
        "manufacturing demonstration factories",
    ),
    (
        "M002-0018",
        "O0007",
        "From 2012 to 2021, the annual growth rate of industrial added value above designated size in the western "
        "region reached 6.7%",
        "6.7%",
        None,
        None,
        "'annual growth rate' = 年均增速 (average annual growth)",
    ),
    (
        "M002-0019",
        "O0008",
        WEST_SHARE,
        "17.84%",
        None,
        None,
        "garbled: 占全国规模以上工业增加值比重由17.84%上升为19.21% (the share of national value added rose from 17.84% "
        "to 19.21%); the translation loses 'share of the national total'",
    ),
    (
        "M002-0020",
        "O0009",
        WEST_SHARE,
        "19.21%",
        None,
        None,
        "see M002-0019; the following 'Gradually shrink.' lost its subject (the gap with the east narrowed)",
    ),
    (
        "M002-0021",
        "O0010",
        "In 2021, the number of high -tech enterprises in Northeast China increased by nearly 10,000 from 2016",
        "nearly 10,000",
        None,
        None,
        "",
    ),
    (
        "M002-0022",
        "O0011",
        "The number of strategic emerging enterprises in Liaoning has doubled from 2017",
        "doubled",
        None,
        None,
        "增长一倍: doubled = growth of 100%",
    ),
]

# value_texts the number parser cannot read (or not in the indicator's unit), with the reason;
# each is reported, and the ones that are translation damage have a discrepancy.
UNPARSEABLE = {
    "M002-0005": "ordinal 'sixth' for a count (translation damage, D301)",
    "M002-0006": "'2.48 2.48 Typhoon': garbled 2.48万亿 (translation damage, D300)",
}

# ---------------------------------------------------------------------------------------------
# Relations: (id, kind, target, operands, tolerance, expected, statement, note)
# ---------------------------------------------------------------------------------------------
RELATIONS = [
    (
        "R0300",
        "member-count",
        "O1700",
        "",
        "exact",
        "holds",
        "The central and western regions include 18 provinces: central-west has 6 + 12 = 18 members",
        "regions.csv central-west = central (6) + west (12)",
    ),
]

# ---------------------------------------------------------------------------------------------
# Discrepancies: (id, resource, target, error_type, kind, explanation)
# ---------------------------------------------------------------------------------------------
DISCREPANCIES = [
    (
        "D300",
        "mentions",
        "M002-0006",
        "value-text-unparsed",
        "translation-error",
        "S002 reads 'In the past ten years, the province's actual funds in the province 2.48 2.48 Typhoon': the "
        "machine translation garbled 实际利用省外资金2.48万亿元 (funds from outside the province actually used, "
        "2.48 trillion yuan): the number is repeated, 万亿 became 'Typhoon', and 省外 (outside the province) became "
        "'in the province'. The value 24800 (亿元) is what the translator evidently meant; S003 has '2.48 trillion "
        "yuan'.",
    ),
    (
        "D301",
        "mentions",
        "M002-0005",
        "value-text-unparsed",
        "translation-error",
        "S002 reads 'the sixth China (Zhengzhou) industrial transfer series docking activities have been held in a "
        "row': the count 连续举办6届 (held 6 times, once a year, in a row; S003: 'held for 6 consecutive years') "
        "became the ordinal 'sixth', which the number parser does not read as a count. The value 6 is what the "
        "translator evidently meant.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Coverage exclusions of S002: (source_id, text, reason)
# ---------------------------------------------------------------------------------------------
UNRELATED = (
    "unrelated news snippet appended after '- END -' (Air China fund-raising announcement, not "
    "about the 2022-09-23 MIIT press conference nor any event in events.csv): not an observation"
)
EXCLUSIONS = [
    (SID, "Time:2022.09.23", "byline publication date (page chrome)"),
    (SID, "On September 23", "date of the event (time reference)"),
    (SID, "18th National Congress", "name of a party congress (the 18th National Congress of the CPC)"),
    (
        SID,
        "since 2017, the development of demonstration bases",
        "time reference (since 2017) of a sentence without a figure",
    ),
    (
        SID,
        "catalog in 2012 and 2018",
        "years naming the two editions (2012 and 2018) of the industrial transfer guidance catalogue (time references); "
        "the garbled sentence lost the figure S003 states here (more than 20 industrial cooperation docking "
        "activities in Henan, Jiangxi, Xinjiang, Guizhou..., O0902), so S002 has no mention of it",
    ),
    (SID, "at the end of 2021, the Ministry", "time reference (end of 2021) of a sentence without a figure"),
    (SID, "not over 15 billion yuan to introduce 22 aircraft", UNRELATED + " (headline)"),
    (SID, "August 2nd", UNRELATED + " (date)"),
    (
        SID,
        "SH601111, the stock price of 9.67 yuan, a total market value of 140.455 billion yuan",
        UNRELATED + " (stock code, price and market value)",
    ),
    (SID, "no more than 15 bi", UNRELATED + " (truncated teaser)"),
]

# =============================================================================================
# Machinery below: checks, merge and writing.
# =============================================================================================
DP = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
SCHEMAS = {r["name"]: r for r in DP["resources"]}
PERIOD_RE = re.compile(
    next(f for f in SCHEMAS["observations"]["schema"]["fields"] if f["name"] == "period")["constraints"][
        "pattern"
    ]
)
OBS_RANGE = range(1700, 2000)
REL_RANGE = range(300, 400)
DIS_RANGE = range(300, 400)
EXC_PATH = ROOT / "curation" / "exclusions_002.csv"
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


def fmt(v: object) -> str:
    """Numbers in their shortest form: 17.84, 1887.5, 15400 (no trailing .0, no exponent)."""
    if isinstance(v, str):
        float(v)
        return v
    if isinstance(v, int):
        return str(v)
    f = float(v)
    if f.is_integer():
        return str(int(f))
    s = repr(f)
    assert "e" not in s, s
    return s


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def columns(resource: str) -> list[str]:
    return [f["name"] for f in SCHEMAS[resource]["schema"]["fields"]]


# ---- half-unit interval arithmetic (same rules as tools/curate_zh.py) ----
def half_unit(s: str) -> float:
    if "." in s:
        return 0.5 * 10 ** -len(s.split(".")[1])
    return 0.5


def interval(obs: dict[str, str]) -> tuple[float, float]:
    s, cmp = obs["value"], obs["comparator"]
    v, h = float(s), half_unit(s)
    if cmp == "=":
        return v - h, v + h
    if cmp == "~":
        return v - abs(v) * 0.1, v + abs(v) * 0.1
    if cmp in (">", ">="):
        return v - h, math.inf
    return -math.inf, v + h


def mul(a, b):
    ps = [x * y for x in a for y in b if not (math.isinf(x) or math.isinf(y))]
    return min(ps), max(ps)


def div(a, b):
    assert b[0] > 0
    return mul(a, (1 / b[1], 1 / b[0]))


def overlap(a, b) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def check_relation(
    rel: dict[str, str], obs: dict[str, dict[str, str]], regions: dict[str, dict[str, str]]
) -> bool:
    t = obs[rel["target"]]
    ops = [obs[o] for o in rel["operands"].split()] if rel["operands"] else []
    T = interval(t)
    kind = rel["kind"]
    if kind == "member-count":
        members = regions[t["region_id"]]["members"].split()
        return bool(members) and float(t["value"]) == len(members)
    iv = [interval(o) for o in ops]
    if kind == "difference":
        a, b = iv
        return overlap(T, (a[0] - b[1], a[1] - b[0]))
    if kind == "sum":
        return overlap(T, (sum(o[0] for o in iv), sum(o[1] for o in iv)))
    if kind == "equal":
        return overlap(T, iv[0])
    if kind == "ratio":
        return overlap(T, div(iv[0], iv[1]))
    if kind == "share":
        r = div(iv[0], iv[1])
        return overlap(T, (100 * r[0], 100 * r[1]))
    if kind == "growth":
        r = div(iv[0], iv[1])
        return overlap(T, (100 * (r[0] - 1), 100 * (r[1] - 1)))
    if kind == "part-of":
        return all(o[0] <= T[1] for o in iv) and sum(o[0] for o in iv) <= T[1]
    if kind == "average-annual-growth":
        y0, y1 = (int(p[:4]) for p in t["period"].split("/"))
        n = y1 - y0
        grown = ((1 + T[0] / 100) ** n, (1 + T[1] / 100) ** n)
        if len(iv) == 1:
            return overlap(grown, iv[0])
        return overlap(grown, div(iv[0], iv[1]))
    raise ValueError(kind)


def build(obs_values: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    text = source_text(SID)
    ind_rows = [
        dict(zip(columns("indicators"), [i, zh, en, u, k, fmt(lo), fmt(hi), d], strict=True))
        for i, zh, en, u, k, lo, hi, d in INDICATORS
    ]
    obs_rows = [
        dict(zip(columns("observations"), [o, i, r, p, fmt(v), c, e, d, n], strict=True))
        for o, i, r, p, v, c, e, d, n in OBSERVATIONS
    ]
    values = {**obs_values, **{r["observation_id"]: r["value"] for r in obs_rows}}
    men_rows = []
    for mid, oid, exact, vt, value, occ, note in MENTIONS:
        assert mid.startswith("M002-"), mid
        loc = locate(SID, exact, occ)
        s, e = loc["start"], loc["end"]
        assert text[s:e] == exact, mid
        assert "\n" not in exact and "\r" not in exact, f"{mid}: exact spans a line break"
        assert vt in exact, f"{mid}: value_text {vt!r} not in exact"
        assert loc["prefix"] == text[max(0, s - CONTEXT) : s] and loc["suffix"] == text[e : e + CONTEXT], mid
        men_rows.append(
            dict(
                zip(
                    columns("mentions"),
                    [
                        mid,
                        oid,
                        SID,
                        str(s),
                        str(e),
                        exact,
                        loc["prefix"],
                        loc["suffix"],
                        vt,
                        fmt(value) if value is not None else values[oid],
                        note,
                    ],
                    strict=True,
                )
            )
        )
    rel_rows = [dict(zip(columns("relations"), r, strict=True)) for r in RELATIONS]
    dis_rows = [dict(zip(columns("discrepancies"), d, strict=True)) for d in DISCREPANCIES]
    exc_rows = [{"source_id": s, "text": t, "reason": r} for s, t, r in EXCLUSIONS]
    return {
        "indicators": ind_rows,
        "observations": obs_rows,
        "mentions": men_rows,
        "relations": rel_rows,
        "discrepancies": dis_rows,
        "exclusions": exc_rows,
    }


def merge(
    existing: list[dict[str, str]], mine: list[dict[str, str]], key: str, owned
) -> list[dict[str, str]]:
    my_ids = {r[key] for r in mine}
    kept = [r for r in existing if r[key] not in my_ids and not owned(r)]
    return sorted(kept + mine, key=lambda r: r[key])


def check(tables: dict[str, list[dict[str, str]]]) -> None:
    def unique(rows, key):
        ids = [r[key] for r in rows]
        dup = {i for i in ids if ids.count(i) > 1}
        assert not dup, f"duplicate {key}: {dup}"

    for name, key in [
        ("indicators", "indicator_id"),
        ("observations", "observation_id"),
        ("mentions", "mention_id"),
        ("relations", "relation_id"),
        ("discrepancies", "discrepancy_id"),
    ]:
        unique(tables[name], key)
    ind = {r["indicator_id"]: r for r in tables["indicators"]}
    obs = {r["observation_id"]: r for r in tables["observations"]}
    rels = {r["relation_id"]: r for r in tables["relations"]}
    dis = {r["discrepancy_id"]: r for r in tables["discrepancies"]}
    men = {r["mention_id"]: r for r in tables["mentions"]}
    regions = {r["region_id"]: r for r in read_csv(ROOT / "data" / "regions.csv")}
    events = {r["event_id"] for r in read_csv(ROOT / "data" / "events.csv")}
    for o in OBSERVATIONS:
        assert int(o[0][1:]) in OBS_RANGE, f"{o[0]} outside O1700-O1999"
    for r in RELATIONS:
        assert int(r[0][1:]) in REL_RANGE, r[0]
    for d in DISCREPANCIES:
        assert int(d[0][1:]) in DIS_RANGE, d[0]
    mentioned = {m["observation_id"] for m in men.values()}
    my_obs = {o[0] for o in OBSERVATIONS}
    for oid in my_obs:
        r = obs[oid]
        i = ind[r["indicator_id"]]
        assert r["region_id"] in regions, oid
        assert r["event_id"] in events, oid
        assert PERIOD_RE.fullmatch(r["period"]), oid
        assert float(i["minimum"]) <= float(r["value"]) <= float(i["maximum"]), oid
        if i["unit"] == "count":
            assert float(r["value"]).is_integer(), oid
        if r["derived_by"]:
            assert r["derived_by"] in rels and rels[r["derived_by"]]["target"] == oid, oid
            assert oid not in mentioned, f"{oid} is derived but has a mention"
        else:
            assert oid in mentioned, f"{oid} has neither a mention nor derived_by"
    # mentions: FKs, value within the indicator's range, parser agreement
    from miitdata.numbers import agrees, parse, to_unit

    for mid, oid, *_ in MENTIONS:
        m = men[mid]
        assert m["observation_id"] in obs, mid
        o = obs[m["observation_id"]]
        i = ind[o["indicator_id"]]
        assert float(i["minimum"]) <= float(m["value"]) <= float(i["maximum"]), mid
        try:
            v, prec = to_unit(parse(m["value_text"]), i["unit"])
            ok = agrees(v, float(m["value"]), prec)
            why = f"parser reads {v} ± {prec}"
        except Exception as exc:  # any parser failure is reported
            ok, why = False, str(exc)
        if mid in UNPARSEABLE:
            assert not ok, f"{mid} is listed as unparseable but now parses: drop it from UNPARSEABLE"
        else:
            assert ok, f"{mid}: value_text {m['value_text']!r} vs value {m['value']}: {why}"
        # mention value vs observation value: a difference needs a mention-disagrees discrepancy
        if float(m["value"]) != float(o["value"]):
            assert any(d["target"] == mid and d["error_type"] == "mention-disagrees" for d in dis.values()), (
                f"{mid}: value {m['value']} differs from {oid} {o['value']} without a discrepancy"
            )
    for rid, *_ in RELATIONS:
        r = rels[rid]
        assert r["target"] in obs, rid
        for o in r["operands"].split():
            assert o in obs, (rid, o)
        assert r["expected"] == "holds" or r["expected"] in dis, rid
        ok = check_relation(r, obs, regions)
        assert ok == (r["expected"] == "holds"), f"{rid}: arithmetic gives {ok}, expected {r['expected']}"
    for did, *_ in DISCREPANCIES:
        d = dis[did]
        table = {"relations": rels, "mentions": men, "observations": obs}[d["resource"]]
        assert d["target"] in table, did
    # exclusions occur in the source; coverage of every digit and Chinese numeral of S002
    text = source_text(SID)
    covered = [False] * len(text)
    for e in tables["exclusions"]:
        assert e["text"] in text, e
        i = text.find(e["text"])
        while i != -1:
            for k in range(i, i + len(e["text"])):
                covered[k] = True
            i = text.find(e["text"], i + 1)
    for m in men.values():
        if m["source_id"] == SID:
            for k in range(int(m["start"]), int(m["end"])):
                covered[k] = True
    missing = [
        (k, text[max(0, k - 30) : k + 30])
        for k, ch in enumerate(text)
        if (ch.isdigit() or ch in CN_NUMERALS) and not covered[k]
    ]
    assert not missing, f"uncovered numerals in {SID}: {missing[:10]}"


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp002")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def main() -> None:
    lock = open(ROOT / ".curation.lock", "w")  # noqa: SIM115 - held until the end
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        existing = {
            name: read_csv(ROOT / SCHEMAS[name]["path"])
            for name in ["indicators", "observations", "mentions", "relations", "discrepancies"]
        }
        mine = build({r["observation_id"]: r["value"] for r in existing["observations"]})
        mine_ind = {r["indicator_id"]: r for r in mine["indicators"]}
        existing_ind = {r["indicator_id"] for r in existing["indicators"]}
        tables = {
            # indicators keep the file's order; ours are replaced in place or appended
            "indicators": [mine_ind.get(r["indicator_id"], r) for r in existing["indicators"]]
            + [m for m in mine["indicators"] if m["indicator_id"] not in existing_ind],
            "observations": merge(
                existing["observations"],
                mine["observations"],
                "observation_id",
                lambda r: int(r["observation_id"][1:]) in OBS_RANGE,
            ),
            "mentions": merge(
                existing["mentions"], mine["mentions"], "mention_id", lambda r: r["source_id"] == SID
            ),
            "relations": merge(
                existing["relations"],
                mine["relations"],
                "relation_id",
                lambda r: int(r["relation_id"][1:]) in REL_RANGE,
            ),
            "discrepancies": merge(
                existing["discrepancies"],
                mine["discrepancies"],
                "discrepancy_id",
                lambda r: int(r["discrepancy_id"][1:]) in DIS_RANGE,
            ),
            "exclusions": mine["exclusions"],
        }
        check(tables)
        if "--check" in sys.argv:
            print("ok (nothing written)")
            return
        for name in ["indicators", "observations", "mentions", "relations", "discrepancies"]:
            write(ROOT / SCHEMAS[name]["path"], columns(name), tables[name])
        write(EXC_PATH, ["source_id", "text", "reason"], tables["exclusions"])
        print({k: len(v) for k, v in tables.items()}, {"mine": {k: len(v) for k, v in mine.items()}})
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


if __name__ == "__main__":
    main()
