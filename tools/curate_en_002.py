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
re-reads the CSVs inside it (tools/curation.py, shared by the curation scripts).

Facts already in the dataset (O0001-O0093, from the Chinese sources) get S002 mentions attached;
new facts become observations in O1700-O1999. Offsets are computed by `tools.quote.locate`.
Before writing, the merged tables must pass `miitdata validate` (quotes, prefixes, value texts
read by the number parser, keys, periods, ranges, relation arithmetic, discrepancies). This
script adds what the validator does not check: the ids it lists lie in its ranges, every exact
is on one line, the validator's unparsed value_texts of S002 are exactly those in UNPARSEABLE,
its exclusions occur in S002, and every digit and Chinese numeral of S002 is covered.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import curation

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
# Machinery below: the checks `miitdata validate` does not do. Building the rows, merging them
# into the CSVs, validating the merged package and writing it are tools/curation.py's.
# =============================================================================================
OWNS = {
    "observations": curation.id_range("O", 1700, 1999),
    "mentions": curation.id_range("M002-", 1, 9999),
    "relations": curation.id_range("R", 300, 399),
    "discrepancies": curation.id_range("D", 300, 399),
}
EXC_PATH = curation.ROOT / "curation" / "exclusions_002.csv"


def check(tables: curation.Tables) -> None:
    """Exclusions occur in S002; every digit and Chinese numeral of S002 is covered."""
    stale = curation.stale_exclusions(tables["exclusions"])
    assert not stale, f"exclusions that do not occur in {SID}: {stale}"
    missing = curation.uncovered(SID, tables["mentions"], tables["exclusions"])
    assert not missing, f"uncovered numerals in {SID}: {missing[:10]}"


def check_unparseable(report) -> None:
    """UNPARSEABLE lists exactly the value_texts the validator's number parser cannot read."""
    failed = {
        str(e.id)
        for e in report.known
        if e.type in ("value-text-unparsed", "value-text-mismatch") and OWNS["mentions"](str(e.id))
    }
    assert failed <= set(UNPARSEABLE), f"value_texts the parser cannot read: {failed - set(UNPARSEABLE)}"
    parses = set(UNPARSEABLE) - failed
    assert not parses, f"{parses} listed as unparseable but now parse: drop them from UNPARSEABLE"


def main() -> None:
    with curation.locked():  # other curation scripts write the same CSVs
        mine = curation.build(INDICATORS, OBSERVATIONS, MENTIONS, RELATIONS, DISCREPANCIES, EXCLUSIONS)
        tables = curation.merge(mine, OWNS)
        check(tables)
        check_unparseable(curation.validate_merged(tables))
        if "--check" in sys.argv:
            print("ok (nothing written)")
            return
        curation.write_tables(tables, EXC_PATH)
    print({k: len(v) for k, v in tables.items()}, {"mine": {k: len(v) for k, v in mine.items()}})


if __name__ == "__main__":
    main()
