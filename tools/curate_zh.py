# ruff: noqa: E501  (data rows quote long Chinese clauses verbatim; wrapping them would hurt review)
"""Curation I: every figure in the three Chinese sources (S000, S001, S004).

    /work/venv/bin/python tools/curate_zh.py          # check everything, then write the tables
    /work/venv/bin/python tools/curate_zh.py --check  # check only, write nothing

This script is the reviewable record of the Chinese curation. It holds the indicators, the
observations (O0001-O0899 are reserved for it), the quotes (mentions of S000, S001 and S004),
the relations, the discrepancies and the coverage exclusions, and writes them into data/*.csv
and curation/exclusions.csv. Offsets are never typed: `tools.quote.locate` computes them.

Rows it does not own (other sources' mentions, observations O0900+, relations and discrepancies
with ids it does not list, exclusions of other sources) are kept as they are in the CSVs.

IDs are explicit and stable: never renumber; append new rows with the next free id.
Before writing, it asserts for every mention that text[start:end] == exact, that exact is on
one line, that value_text lies in exact and that prefix/suffix match; that every foreign key
resolves; that periods follow the grammar; that values lie within the indicator's range; and
that every relation's arithmetic (half-unit intervals) gives the expected result.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.quote import CONTEXT, locate, source_text  # noqa: E402

E22 = "2022-09-23-miit"
E24 = "2024-03-26-scio"
THIRD = 100 / 3  # 1/3 in percent (written as the shortest repr of the float)

# ---------------------------------------------------------------------------------------------
# Indicators: (id, name_zh, name_en, unit, kind, minimum, maximum, description)
# Naming: `industrial_va_*` = industrial enterprises above designated size (规模以上工业, as in
# the seed rows); `total_industrial_va_*` = all industry (全部工业增加值, no 规上 in the text).
# ---------------------------------------------------------------------------------------------
INDICATORS = [
    # -- seed rows (ids kept, text improved) --
    (
        "mfg_va_share_of_gdp",
        "制造业增加值占地区生产总值比重",
        "Manufacturing value added as a share of GDP",
        "percent",
        "share",
        0,
        100,
        "Manufacturing value added divided by the GDP of the region (national GDP for CN), in percent",
    ),
    (
        "industrial_va_avg_annual_growth",
        "规模以上工业增加值年均增速",
        "Average annual growth of value added of industrial enterprises above designated size",
        "percent",
        "growth-rate",
        -50,
        100,
        "Compound average annual growth over the period Y0/Y1 of the value added of industrial enterprises "
        "above designated size (规模以上工业); for all industry see total_industrial_va_avg_annual_growth",
    ),
    (
        "industrial_va_share_of_national",
        "占全国规模以上工业增加值比重",
        "Share of national value added of industrial enterprises above designated size",
        "percent",
        "share",
        0,
        100,
        "The region's value added of industrial enterprises above designated size as a percentage of the "
        "national total",
    ),
    (
        "advanced_mfg_clusters",
        "先进制造业集群数量",
        "Number of (national or key) advanced manufacturing clusters",
        "count",
        "count",
        0,
        1000,
        "Advanced manufacturing clusters MIIT cultivates as national clusters: in 2022 the 25 重点培育 (key) "
        "clusters, in 2024 the 45 国家先进制造业集群; region CN",
    ),
    (
        "advanced_mfg_cluster_output",
        "先进制造业集群主导产业产值",
        "Output value of the leading industries of the advanced manufacturing clusters",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Output value (产值) of the leading industries of the national key advanced manufacturing clusters "
        "taken together, in 亿元 (100 million yuan); region CN",
    ),
    # -- general --
    (
        "member_regions",
        "成员地区数量",
        "Number of member regions of a grouping",
        "count",
        "count",
        1,
        100,
        "Number of provinces or cities a grouping comprises as a source states it (沿长江11省市, 长三角三省一市); "
        "member-count relations check it against the members listed in regions.csv where they are known",
    ),
    (
        "mfg_va_share_of_gdp_gap_to_national",
        "制造业增加值占地区生产总值比重与全国平均水平之差",
        "Gap between the region's manufacturing share of GDP and the national average",
        "percentage-points",
        "difference",
        -100,
        100,
        "mfg_va_share_of_gdp of the region minus that of CN, in percentage points",
    ),
    (
        "smart_mfg_demo_factory_share",
        "智能制造示范工厂揭榜单位所在地区占比",
        "Share of the smart manufacturing demonstration factory winners located in the region",
        "percent",
        "share",
        0,
        100,
        "Percentage of the units named in MIIT's smart manufacturing demonstration factory list (智能制造示范工厂"
        "揭榜单位) that are located in the region",
    ),
    (
        "digital_workshop_smart_factory_share",
        "数字化车间或智能工厂所在地区占比",
        "Share of the (recognised) digital workshops or smart factories located in the region",
        "percent",
        "share",
        0,
        100,
        "Percentage of the digital workshops or smart factories (数字化车间或智能工厂) located in the region",
    ),
    (
        "high_tech_enterprises",
        "高新技术企业数量",
        "Number of high-tech enterprises",
        "count",
        "count",
        0,
        10000000,
        "Enterprises certified as 高新技术企业 (national high and new technology enterprises)",
    ),
    (
        "high_tech_enterprises_change",
        "高新技术企业数量增加",
        "Increase in the number of high-tech enterprises",
        "count",
        "difference",
        -1000000,
        1000000,
        "Number of high-tech enterprises at the end of the period minus at its start (period Y0/Y1)",
    ),
    (
        "strategic_emerging_enterprises_growth",
        "工业战略性新兴企业数量增长",
        "Growth in the number of industrial strategic emerging enterprises",
        "percent",
        "growth-rate",
        -100,
        10000,
        "Growth over the period Y0/Y1, in percent of the Y0 number (增长一倍 = doubled = +100%)",
    ),
    (
        "general_mfg_enterprises_relocated",
        "疏解一般制造业企业数量",
        "Number of general manufacturing enterprises relocated out (疏解)",
        "count",
        "count",
        0,
        1000000,
        "Cumulative number of general manufacturing enterprises moved out of Beijing under the Beijing-Tianjin-"
        "Hebei coordinated development policy (疏解非首都功能)",
    ),
    (
        "high_end_industry_va_share_of_gdp",
        "高精尖产业增加值占地区生产总值比重",
        "Value added of high-end (高精尖) industries as a share of regional GDP",
        "percent",
        "share",
        0,
        100,
        "Beijing's 高精尖 (high-grade, precision and advanced) industries' value added divided by regional GDP",
    ),
    (
        "industrial_units_transferred_in",
        "转入产业活动单位数量",
        "Number of industrial activity units transferred in from other regions",
        "count",
        "count",
        0,
        1000000,
        "Cumulative number of industrial activity units (产业活动单位) that moved into the region; for Hebei, "
        "from Beijing and Tianjin",
    ),
    (
        "major_projects",
        "实施重大项目数量",
        "Number of major projects under implementation",
        "count",
        "count",
        0,
        100000,
        "Major (重大) construction projects implemented in the region in the period",
    ),
    (
        "investment",
        "投资额",
        "Investment",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Investment (投资) in the region in the period, in 亿元; forecasts are flagged in the note",
    ),
    (
        "total_industrial_va",
        "工业增加值",
        "Industrial value added (all industry)",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Value added of all industry (全部工业, not only enterprises above designated size), in 亿元",
    ),
    (
        "total_industrial_va_multiple_of_base_year",
        "工业增加值相当于基年的倍数",
        "Industrial value added (all industry) as a multiple of its base-year value",
        "times",
        "ratio",
        0,
        100,
        "total_industrial_va at the end of the period Y0/Y1 divided by its value in Y0 (是2012年的1.6倍 = 1.6)",
    ),
    (
        "total_industrial_va_avg_annual_growth",
        "工业增加值年均增速",
        "Average annual growth of industrial value added (all industry)",
        "percent",
        "growth-rate",
        -50,
        100,
        "Compound average annual growth of total_industrial_va over the period Y0/Y1, in percent (the sources "
        "do not say whether at current or comparable prices)",
    ),
    (
        "total_industrial_va_share_of_national",
        "工业增加值占全国比重",
        "Share of national industrial value added (all industry)",
        "percent",
        "share",
        0,
        100,
        "The region's value added of all industry as a percentage of the national total",
    ),
    (
        "ic_industry_share_of_national",
        "集成电路产业规模占全国比重",
        "Integrated circuit industry size as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "Size (规模) of the region's integrated circuit industry as a percentage of the national total",
    ),
    (
        "biomedicine_industry_share_of_national",
        "生物医药产业规模占全国比重",
        "Biomedicine industry size as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "Size (规模) of the region's biomedicine industry as a percentage of the national total",
    ),
    (
        "ai_industry_share_of_national",
        "人工智能产业规模占全国比重",
        "Artificial intelligence industry size as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "Size (规模) of the region's artificial intelligence industry as a percentage of the national total",
    ),
    (
        "nev_output_share_of_national",
        "新能源汽车产量占全国比重",
        "New energy vehicle output as a share of the national total",
        "percent",
        "share",
        0,
        100,
        "The region's output (产量, units) of new energy vehicles as a percentage of national output",
    ),
    (
        "industrial_va_growth",
        "规模以上工业增加值增速",
        "Growth of value added of industrial enterprises above designated size",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth (同比, comparable prices as in NBS releases) of the value added of industrial "
        "enterprises above designated size over the period, in percent",
    ),
    (
        "high_tech_mfg_va_growth",
        "规模以上高技术制造业增加值增速",
        "Growth of value added of high-tech manufacturing (above designated size)",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of the value added of high-tech manufacturing (高技术制造业), in percent",
    ),
    (
        "high_tech_mfg_va_growth_accelerating_months",
        "高技术制造业增加值增速连续加快的月数",
        "Consecutive months of accelerating high-tech manufacturing value added growth",
        "count",
        "count",
        0,
        120,
        "Number of consecutive monthly readings, up to the end of the period, in which the year-on-year growth of "
        "high-tech manufacturing value added was higher than in the previous reading",
    ),
    (
        "industrial_enterprise_rd_intensity",
        "规模以上工业企业研发经费投入强度",
        "R&D intensity of industrial enterprises above designated size",
        "percent",
        "share",
        0,
        100,
        "R&D expenditure of industrial enterprises above designated size divided by their operating revenue, "
        "in percent",
    ),
    (
        "industrial_enterprise_rd_intensity_gap_to_national",
        "规模以上工业企业研发经费投入强度与全国平均水平之差",
        "Gap between the region's and the national R&D intensity of industrial enterprises above designated size",
        "percentage-points",
        "difference",
        -100,
        100,
        "industrial_enterprise_rd_intensity of the region minus that of CN, in percentage points",
    ),
    (
        "national_mfg_innovation_centers",
        "国家制造业创新中心数量",
        "Number of national manufacturing innovation centres",
        "count",
        "count",
        0,
        1000,
        "National manufacturing innovation centres (国家制造业创新中心) in the region",
    ),
    (
        "provincial_mfg_innovation_centers",
        "省级制造业创新中心数量",
        "Number of provincial manufacturing innovation centres",
        "count",
        "count",
        0,
        10000,
        "Provincial-level manufacturing innovation centres (省级制造业创新中心) in the province",
    ),
    (
        "industrial_profit",
        "规模以上工业企业利润总额",
        "Total profit of industrial enterprises above designated size",
        "100m-yuan",
        "level",
        -1000000,
        10000000,
        "Total profit (利润总额) of industrial enterprises above designated size, in 亿元",
    ),
    (
        "industrial_labour_productivity",
        "工业全员劳动生产率",
        "Overall labour productivity of industry",
        "10k-yuan-per-person",
        "level",
        0,
        1000,
        "Industrial value added per employed person (全员劳动生产率), in 万元 per person",
    ),
    (
        "green_factories",
        "绿色工厂数量",
        "Number of green factories",
        "count",
        "count",
        0,
        1000000,
        "Factories recognised as (national) green factories (绿色工厂) in the region",
    ),
    (
        "industrial_water_use_per_va_ratio_to_national",
        "万元工业增加值用水量与全国平均水平之比",
        "Water use per 10,000 yuan of industrial value added, relative to the national average",
        "times",
        "ratio",
        0,
        100,
        "The region's water use per 10,000 yuan of industrial value added divided by the national average "
        "(一半 = 0.5)",
    ),
    (
        "national_new_industrialization_demo_bases",
        "国家新型工业化产业示范基地数量",
        "Number of national new-industrialization industry demonstration bases",
        "count",
        "count",
        0,
        10000,
        "National demonstration bases of new industrialization (国家新型工业化产业示范基地), cumulative over all batches",
    ),
    (
        "demo_bases_total_industrial_va_share_of_national",
        "国家新型工业化产业示范基地工业增加值占全国比重",
        "Demonstration bases' share of national industrial value added",
        "percent",
        "share",
        0,
        100,
        "Industrial value added created by the national new-industrialization demonstration bases as a percentage "
        "of the national total; region CN",
    ),
    (
        "demo_bases_trade_share_of_national",
        "国家新型工业化产业示范基地进出口额占全国比重",
        "Demonstration bases' share of national imports and exports",
        "percent",
        "share",
        0,
        100,
        "Imports and exports of the national new-industrialization demonstration bases as a percentage of the "
        "national total; region CN",
    ),
    (
        "demo_bases_industrial_profit_share_of_national",
        "国家新型工业化产业示范基地规模以上工业企业利润总额占全国比重",
        "Demonstration bases' share of national profit of industrial enterprises above designated size",
        "percent",
        "share",
        0,
        100,
        "Total profit of the industrial enterprises above designated size in the national new-industrialization "
        "demonstration bases as a percentage of the national total; region CN",
    ),
    (
        "advanced_mfg_cluster_enterprises",
        "先进制造业集群规上企业数量",
        "Number of enterprises above designated size in the advanced manufacturing clusters",
        "count",
        "count",
        0,
        10000000,
        "Industrial enterprises above designated size gathered in the national key advanced "
        "manufacturing clusters taken together; region CN",
    ),
    (
        "advanced_mfg_clusters_with_double_digit_output_growth",
        "产值同比增速超过两位数的先进制造业集群数量",
        "Number of advanced manufacturing clusters with double-digit output growth",
        "count",
        "count",
        0,
        1000,
        "Key advanced manufacturing clusters whose output value grew year on year by 10% or more (两位数)",
    ),
    (
        "advanced_mfg_cluster_output_growth",
        "先进制造业集群产值增速",
        "Growth of the advanced manufacturing clusters' output",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of the output value of the national key advanced manufacturing clusters taken "
        "together, in percent",
    ),
    (
        "advanced_mfg_cluster_single_champions",
        "先进制造业集群单项冠军企业数量",
        "Number of single-champion enterprises in the advanced manufacturing clusters",
        "count",
        "count",
        0,
        100000,
        "Manufacturing single-champion enterprises (单项冠军企业) in the national key advanced manufacturing clusters",
    ),
    (
        "advanced_mfg_cluster_little_giants",
        "先进制造业集群专精特新“小巨人”企业数量",
        "Number of specialised and innovative 'little giant' enterprises in the advanced manufacturing clusters",
        "count",
        "count",
        0,
        1000000,
        "专精特新“小巨人” enterprises in the national key advanced manufacturing clusters",
    ),
    (
        "industrial_internet_demo_zones",
        "工业互联网示范区数量",
        "Number of industrial internet demonstration zones",
        "count",
        "count",
        0,
        1000,
        "National industrial internet demonstration zones (工业互联网示范区) MIIT supported",
    ),
    (
        "iov_pilot_zones",
        "国家级车联网先导区数量",
        "Number of national internet-of-vehicles pilot zones",
        "count",
        "count",
        0,
        1000,
        "National-level internet-of-vehicles pilot zones (国家级车联网先导区)",
    ),
    (
        "ai_innovation_application_pilot_zones",
        "国家人工智能创新应用先导区数量",
        "Number of national AI innovation and application pilot zones",
        "count",
        "count",
        0,
        1000,
        "National artificial intelligence innovation and application pilot zones (国家人工智能创新应用先导区)",
    ),
    (
        "trillion_yuan_industry_clusters",
        "万亿级产业集群数量",
        "Number of trillion-yuan-class industry clusters",
        "count",
        "count",
        0,
        1000,
        "Industry clusters of the 万亿级 size class (output of the order of 1 trillion yuan or more)",
    ),
    (
        "hundred_billion_yuan_industry_clusters",
        "千亿级产业集群数量",
        "Number of hundred-billion-yuan-class industry clusters",
        "count",
        "count",
        0,
        10000,
        "Industry clusters of the 千亿级 size class (output of the order of 100 billion yuan)",
    ),
    (
        "enterprises_revenue_over_100bn_yuan",
        "营业收入超千亿级企业数量",
        "Number of enterprises with operating revenue above 100 billion yuan",
        "count",
        "count",
        0,
        100000,
        "Enterprises whose operating revenue (营业收入) exceeds the 千亿 (100 billion yuan) class",
    ),
    (
        "enterprises_revenue_10bn_yuan_class",
        "营业收入百亿级企业数量",
        "Number of enterprises with operating revenue of the 10-billion-yuan class",
        "count",
        "count",
        0,
        100000,
        "Enterprises whose operating revenue is of the 百亿 (10 billion yuan) class",
    ),
    (
        "national_high_tech_zones",
        "国家高新区数量",
        "Number of national high-tech industrial development zones",
        "count",
        "count",
        0,
        10000,
        "National high-tech industrial development zones (国家高新技术产业开发区)",
    ),
    (
        "mfg_investment_growth",
        "制造业投资增速",
        "Growth of manufacturing investment",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of fixed-asset investment in manufacturing, in percent",
    ),
    (
        "mfg_investment_growth_change",
        "制造业投资增速变化",
        "Change in the growth of manufacturing investment",
        "percentage-points",
        "difference",
        -100,
        100,
        "Growth of manufacturing investment in the period minus that of the comparison period named in the note, "
        "in percentage points",
    ),
    (
        "high_tech_mfg_investment_growth",
        "高技术制造业投资增速",
        "Growth of high-tech manufacturing investment",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of investment in high-tech manufacturing, in percent",
    ),
    (
        "mfg_tech_upgrade_investment_growth",
        "制造业技改投资增速",
        "Growth of technological-upgrading investment in manufacturing",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of technological transformation (技术改造) investment in manufacturing, in percent",
    ),
    (
        "industrial_divisions",
        "工业大类行业数量",
        "Number of industrial divisions",
        "count",
        "count",
        1,
        100,
        "Divisions (大类) of industry in the national industry classification (GB/T 4754) as counted in the "
        "industrial statistics",
    ),
    (
        "industrial_divisions_with_va_growth",
        "增加值同比增长的工业大类行业数量",
        "Number of industrial divisions whose value added grew",
        "count",
        "count",
        0,
        100,
        "Industrial divisions (大类) whose value added (above designated size) grew year on year in the period",
    ),
    (
        "industrial_divisions_with_va_growth_share",
        "保持增长的工业大类行业占比",
        "Share of industrial divisions whose value added grew",
        "percent",
        "share",
        0,
        100,
        "Percentage of the industrial divisions (大类) whose value added grew year on year (超九成 = more than 90)",
    ),
    (
        "equipment_mfg_va_growth",
        "装备制造业增加值增速",
        "Growth of value added of equipment manufacturing",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of value added of equipment manufacturing, in percent",
    ),
    (
        "consumer_goods_mfg_va_growth",
        "消费品制造业增加值增速",
        "Growth of value added of consumer goods manufacturing",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of value added of consumer goods manufacturing, in percent",
    ),
    (
        "provinces_with_industrial_va_growth",
        "规模以上工业增加值同比增长的省份数量",
        "Number of provinces whose industrial value added grew",
        "count",
        "count",
        0,
        100,
        "Provincial-level divisions of the group whose value added of industrial enterprises above designated size "
        "grew year on year in the period",
    ),
    (
        "cities_with_industrial_va_growth_above_national",
        "工业增加值增速超过全国平均水平的城市数量",
        "Number of cities whose industrial value added grew faster than the national average",
        "count",
        "count",
        0,
        1000,
        "Cities of the group whose industrial value added growth exceeded the national growth in the period",
    ),
    (
        "industrial_products_with_output_growth_share",
        "产量同比增长的主要工业产品占比",
        "Share of the main industrial products whose output grew",
        "percent",
        "share",
        0,
        100,
        "Percentage of the main industrial products (主要工业产品, NBS list) whose output grew year on year",
    ),
    (
        "charging_pile_output_growth",
        "充电桩产量增速",
        "Growth of charging-pile output",
        "percent",
        "growth-rate",
        -100,
        1000,
        "Year-on-year growth of the output of (EV) charging piles (充电桩), in percent",
    ),
    (
        "monocrystalline_silicon_output_growth",
        "单晶硅产量增速",
        "Growth of monocrystalline silicon output",
        "percent",
        "growth-rate",
        -100,
        1000,
        "Year-on-year growth of the output of monocrystalline silicon (单晶硅), in percent",
    ),
]

# ---------------------------------------------------------------------------------------------
# Observations: (id, indicator, region, period, value, comparator, event, derived_by, note)
# Values are strings in the indicator's unit (or a float for 1/3, written as its shortest repr).
# ---------------------------------------------------------------------------------------------
AS_OF_2022 = "stock as stated at the 2022-09-23 event (date of the count not given)"
YEAR_NOT_STATED = (
    "year not stated in the sources; taken as 2021, the last full year before the 2022-09-23 event"
)
OBSERVATIONS = [
    ("O0001", "mfg_va_share_of_gdp", "east", "2021", "30.5", "=", E22, "", ""),
    (
        "O0002",
        "mfg_va_share_of_gdp_gap_to_national",
        "east",
        "2021",
        "3.1",
        "=",
        E22,
        "",
        "比全国平均水平高3.1个百分点",
    ),
    (
        "O0003",
        "mfg_va_share_of_gdp",
        "CN",
        "2021",
        "27.4",
        "=",
        E22,
        "R0001",
        "Derived: 30.5 - 3.1 = 27.4 (eastern share minus its stated gap to the national average)",
    ),
    (
        "O0004",
        "smart_mfg_demo_factory_share",
        "east",
        "2021",
        "58",
        "=",
        E22,
        "",
        "Share of the 智能制造示范工厂揭榜单位 located in the eastern region; the sentence is headed 2021年",
    ),
    ("O0005", "digital_workshop_smart_factory_share", "east", "2021", "53", "=", E22, "", ""),
    ("O0006", "member_regions", "central", "2022", "6", "=", E22, "", "中部六省"),
    (
        "O0007",
        "industrial_va_avg_annual_growth",
        "west",
        "2012/2021",
        "6.7",
        "=",
        E22,
        "",
        "Fastest of the four macro-regions (四大板块)",
    ),
    (
        "O0008",
        "industrial_va_share_of_national",
        "west",
        "2012",
        "17.84",
        "=",
        E22,
        "",
        "Start of the 2012—2021 span of the same sentence (由17.84%上升为19.21%)",
    ),
    (
        "O0009",
        "industrial_va_share_of_national",
        "west",
        "2021",
        "19.21",
        "=",
        E22,
        "",
        "End of the 2012—2021 span of the same sentence",
    ),
    (
        "O0010",
        "high_tech_enterprises_change",
        "northeast",
        "2016/2021",
        "10000",
        "~",
        E22,
        "",
        "近万家: increase from 2016 to 2021",
    ),
    (
        "O0011",
        "strategic_emerging_enterprises_growth",
        "CN-LN",
        "2017/2021",
        "100",
        "=",
        E22,
        "",
        "增长一倍: the number doubled (+100%) from 2017; end year 2021 from the same sentence",
    ),
    ("O0012", "member_regions", "jjj", "2022", "3", "=", E22, "", "京津冀三地"),
    (
        "O0013",
        "general_mfg_enterprises_relocated",
        "CN-BJ",
        "2021-12-31",
        "3000",
        "~",
        E22,
        "",
        "Cumulative, as of end-2021 (截至2021年年底); start of the count not stated",
    ),
    (
        "O0014",
        "high_end_industry_va_share_of_gdp",
        "CN-BJ",
        "2021",
        "30.1",
        "=",
        E22,
        "",
        "Stated under 截至2021年年底: the share for 2021",
    ),
    (
        "O0015",
        "industrial_units_transferred_in",
        "CN-HE",
        "2021-12-31",
        "11000",
        "=",
        E22,
        "",
        "Cumulative (累计) units transferred from Beijing and Tianjin; the 截至2021年年底 of the preceding sentence "
        "is taken to apply",
    ),
    (
        "O0016",
        "major_projects",
        "xiongan",
        "2022",
        "100",
        ">",
        E22,
        "",
        "100多个 major projects implemented in 2022",
    ),
    (
        "O0017",
        "investment",
        "xiongan",
        "2022",
        "2000",
        ">",
        E22,
        "",
        "Forecast (预计全年) for the full year 2022, made in September 2022",
    ),
    (
        "O0018",
        "member_regions",
        "yrd",
        "2022",
        "4",
        "=",
        E22,
        "",
        "长三角三省一市: three provinces and one municipality = 4",
    ),
    (
        "O0019",
        "total_industrial_va_share_of_national",
        "yrd",
        "2021",
        "25",
        "=",
        E22,
        "",
        "1/4 of national 工业增加值 (all industry); " + YEAR_NOT_STATED,
    ),
    ("O0020", "ic_industry_share_of_national", "yrd", "2021", "60", "=", E22, "", YEAR_NOT_STATED),
    (
        "O0021",
        "biomedicine_industry_share_of_national",
        "yrd",
        "2021",
        THIRD,
        "=",
        E22,
        "",
        "1/3 (生物医药和人工智能产业规模均占全国1/3); " + YEAR_NOT_STATED,
    ),
    (
        "O0022",
        "ai_industry_share_of_national",
        "yrd",
        "2021",
        THIRD,
        "=",
        E22,
        "",
        "1/3 (生物医药和人工智能产业规模均占全国1/3); " + YEAR_NOT_STATED,
    ),
    ("O0023", "nev_output_share_of_national", "yrd", "2021", "38", "=", E22, "", YEAR_NOT_STATED),
    ("O0024", "member_regions", "gba-mainland", "2022", "9", "=", E22, "", "粤港澳大湾区内地9市"),
    (
        "O0025",
        "industrial_va_growth",
        "gba-mainland",
        "2021",
        "11.1",
        "=",
        E22,
        "",
        "平均增速: presumably the average over the nine cities of their 2021 growth rates",
    ),
    (
        "O0026",
        "high_tech_mfg_va_growth",
        "gba-mainland",
        "2021",
        "16.17",
        "=",
        E22,
        "",
        "其中高技术制造业增加值增速 in the nine mainland cities",
    ),
    (
        "O0027",
        "industrial_enterprise_rd_intensity",
        "gba-mainland",
        "2021",
        "3.7",
        "=",
        E22,
        "",
        "000 states it for the nine mainland cities; 001 says 粤港澳大湾区",
    ),
    (
        "O0028",
        "industrial_enterprise_rd_intensity_gap_to_national",
        "gba-mainland",
        "2021",
        "2.37",
        "=",
        E22,
        "",
        "高于全国平均2.37个百分点",
    ),
    (
        "O0029",
        "industrial_enterprise_rd_intensity",
        "CN",
        "2021",
        "1.33",
        "=",
        E22,
        "R0006",
        "Derived: 3.7 - 2.37 = 1.33 (national average of 2021 implied by the GBA figure and its gap)",
    ),
    (
        "O0030",
        "national_mfg_innovation_centers",
        "gba-mainland",
        "2021",
        "3",
        "=",
        E22,
        "",
        "Stock; the passage is headed 2021年",
    ),
    (
        "O0031",
        "high_tech_enterprises",
        "gba-mainland",
        "2021",
        "57000",
        "=",
        E22,
        "",
        "Stock; the passage is headed 2021年",
    ),
    ("O0032", "total_industrial_va", "CN-SC", "2021", "15400", "=", E22, "", "1.54万亿元"),
    (
        "O0033",
        "total_industrial_va_multiple_of_base_year",
        "CN-SC",
        "2012/2021",
        "1.6",
        "=",
        E22,
        "",
        "是2012年的1.6倍",
    ),
    (
        "O0034",
        "total_industrial_va_avg_annual_growth",
        "CN-SC",
        "2012/2021",
        "8",
        "=",
        E22,
        "",
        "年均增速达到8%; inconsistent with the 1.6倍 multiple (see D001)",
    ),
    (
        "O0035",
        "total_industrial_va",
        "CN-SC",
        "2012",
        "9625",
        "~",
        E22,
        "R0007",
        "Derived: 15400 / 1.6 = 9625; about ±3% given the rounding of 1.54万亿 and 1.6倍",
    ),
    ("O0036", "industrial_profit", "CN-CQ", "2012", "608", "=", E22, "", "规上工业利润"),
    ("O0037", "industrial_profit", "CN-CQ", "2021", "1887.5", "=", E22, "", "规上工业利润"),
    (
        "O0038",
        "industrial_labour_productivity",
        "CN-CQ",
        "2012",
        "25.5",
        "=",
        E22,
        "",
        "Start year from the parallel 由2012年的…增加至2021年的 of the same sentence",
    ),
    (
        "O0039",
        "industrial_labour_productivity",
        "CN-CQ",
        "2021",
        "41.9",
        "=",
        E22,
        "",
        "End year from the parallel 由2012年的…增加至2021年的 of the same sentence",
    ),
    ("O0040", "member_regions", "yreb", "2022", "11", "=", E22, "", "沿长江11省市"),
    ("O0041", "green_factories", "yreb", "2022", "1134", "=", E22, "", "已建设: cumulative; " + AS_OF_2022),
    ("O0042", "member_regions", "yellow-river", "2022", "9", "=", E22, "", "沿黄河9省区"),
    (
        "O0043",
        "industrial_water_use_per_va_ratio_to_national",
        "yellow-river",
        "2021",
        "0.5",
        "~",
        E22,
        "",
        "约为全国平均水平的一半; " + YEAR_NOT_STATED,
    ),
    (
        "O0044",
        "national_new_industrialization_demo_bases",
        "CN",
        "2022",
        "445",
        "=",
        E22,
        "",
        "Cumulative over ten batches; " + AS_OF_2022,
    ),
    (
        "O0045",
        "demo_bases_total_industrial_va_share_of_national",
        "CN",
        "2021",
        "30",
        "~",
        E22,
        "",
        "近三成 of national 工业增加值, created by the 445 demonstration bases; " + YEAR_NOT_STATED,
    ),
    (
        "O0046",
        "demo_bases_trade_share_of_national",
        "CN",
        "2021",
        "30",
        ">",
        E22,
        "",
        "三成以上 of national imports and exports; " + YEAR_NOT_STATED,
    ),
    (
        "O0047",
        "demo_bases_industrial_profit_share_of_national",
        "CN",
        "2021",
        "45",
        "~",
        E22,
        "",
        YEAR_NOT_STATED,
    ),
    (
        "O0048",
        "advanced_mfg_clusters",
        "CN",
        "2022",
        "25",
        "=",
        E22,
        "",
        "The 25 重点培育 (key) clusters, winners of the first two rounds of the national cluster competition; the "
        "series continues with 45 national clusters in 2024 (O0068)",
    ),
    (
        "O0049",
        "advanced_mfg_cluster_output",
        "CN",
        "2021",
        "100000",
        "~",
        E22,
        "",
        "近10万亿元, the 25 key clusters; year not stated in the sources, taken as 2021 (the last full year; the "
        "next sentence gives 2021 cluster growth)",
    ),
    (
        "O0050",
        "advanced_mfg_cluster_enterprises",
        "CN",
        "2021",
        "25000",
        "=",
        E22,
        "",
        "The 25 key clusters; stated together with the cluster output, taken as 2021 like it",
    ),
    (
        "O0051",
        "advanced_mfg_clusters_with_double_digit_output_growth",
        "CN",
        "2021",
        "17",
        "=",
        E22,
        "",
        "17 of the 25 key clusters",
    ),
    ("O0052", "advanced_mfg_cluster_output", "CN", "2022-H1", "62000", "=", E22, "", "The 25 key clusters"),
    (
        "O0053",
        "advanced_mfg_cluster_output_growth",
        "CN",
        "2022-H1",
        "6.1",
        "=",
        E22,
        "",
        "较去年同期: against the first half of 2021",
    ),
    (
        "O0054",
        "industrial_internet_demo_zones",
        "CN",
        "2022",
        "6",
        "=",
        E22,
        "",
        "支持创建: zones MIIT supported; " + AS_OF_2022,
    ),
    ("O0055", "iov_pilot_zones", "CN", "2022", "4", "=", E22, "", AS_OF_2022),
    ("O0056", "ai_innovation_application_pilot_zones", "CN", "2022", "8", "=", E22, "", AS_OF_2022),
    (
        "O0057",
        "trillion_yuan_industry_clusters",
        "CN-BJ",
        "2022",
        "2",
        "=",
        E22,
        "",
        "两个万亿级产业集群 (新一代信息技术, 科技服务业): count 2; 万亿级 is the size class; " + AS_OF_2022,
    ),
    (
        "O0058",
        "hundred_billion_yuan_industry_clusters",
        "CN-BJ",
        "2022",
        "5",
        "=",
        E22,
        "",
        "五个千亿级产业集群 (智能装备, 医药健康, 节能环保, 人工智能, 集成电路): count 5; 千亿级 is the size class; "
        + AS_OF_2022,
    ),
    (
        "O0059",
        "member_regions",
        "chengyu",
        "2022",
        "2",
        "=",
        E22,
        "",
        "成渝两地: Chongqing and Sichuan (chengyu covers parts of both)",
    ),
    ("O0060", "provincial_mfg_innovation_centers", "CN-HA", "2022", "22", "=", E22, "", AS_OF_2022),
    (
        "O0061",
        "enterprises_revenue_over_100bn_yuan",
        "CN-HA",
        "2022",
        "5",
        "=",
        E22,
        "",
        "营业收入超千亿级企业5家; " + AS_OF_2022 + " (presumably 2021 revenue)",
    ),
    (
        "O0062",
        "enterprises_revenue_10bn_yuan_class",
        "CN-HA",
        "2022",
        "53",
        "=",
        E22,
        "",
        "百亿级企业53家; " + AS_OF_2022 + " (presumably 2021 revenue)",
    ),
    (
        "O0063",
        "advanced_mfg_cluster_single_champions",
        "CN",
        "2022",
        "100",
        "~",
        E22,
        "",
        "近100家, in the 25 key clusters (目前)",
    ),
    (
        "O0064",
        "advanced_mfg_cluster_little_giants",
        "CN",
        "2022",
        "1000",
        ">=",
        E22,
        "",
        "上千家 ('reaching a thousand'), in the 25 key clusters (目前); read as at least 1000",
    ),
    (
        "O0065",
        "high_tech_mfg_va_growth",
        "CN",
        "2024-01/2024-02",
        "7.5",
        "=",
        E24,
        "",
        "规模以上高技术制造业",
    ),
    (
        "O0066",
        "high_tech_mfg_va_growth_accelerating_months",
        "CN",
        "2024-01/2024-02",
        "3",
        "=",
        E24,
        "",
        "连续3个月加快增长: three consecutive monthly readings up to Jan-Feb 2024 (the months are not named; Jan "
        "and Feb are published as one reading)",
    ),
    (
        "O0067",
        "national_high_tech_zones",
        "CN",
        "2024",
        "178",
        "=",
        E24,
        "",
        "已有 (existing) at the 2024-03-26 event",
    ),
    (
        "O0068",
        "advanced_mfg_clusters",
        "CN",
        "2024",
        "45",
        "=",
        E24,
        "",
        "45 国家先进制造业集群 existing at the 2024-03-26 event; continues the series of O0048 (25 key clusters in "
        "2022)",
    ),
    ("O0069", "mfg_investment_growth", "CN", "2024-01/2024-02", "9.4", "=", E24, "", ""),
    (
        "O0070",
        "mfg_investment_growth_change",
        "CN",
        "2024-01/2024-02",
        "2.9",
        "=",
        E24,
        "",
        "Change from the 2023 full-year growth (较去年全年提高2.9个百分点)",
    ),
    (
        "O0071",
        "mfg_investment_growth",
        "CN",
        "2023",
        "6.5",
        "=",
        E24,
        "R0013",
        "Derived: 9.4 - 2.9 = 6.5 (full year 2023, implied by 较去年全年提高2.9个百分点)",
    ),
    ("O0072", "high_tech_mfg_investment_growth", "CN", "2024-01/2024-02", "10", "=", E24, "", ""),
    ("O0073", "mfg_tech_upgrade_investment_growth", "CN", "2024-01/2024-02", "15.1", "=", E24, "", ""),
    ("O0074", "industrial_va_growth", "CN", "2024-01/2024-02", "7", "=", E24, "", ""),
    (
        "O0075",
        "industrial_divisions_with_va_growth_share",
        "CN",
        "2024-01/2024-02",
        "90",
        ">",
        E24,
        "",
        "超九成工业大类保持增长 (39 of 41 = 95.1%)",
    ),
    ("O0076", "industrial_divisions", "CN", "2024-01/2024-02", "41", "=", E24, "", "41个工业大类行业"),
    ("O0077", "industrial_divisions_with_va_growth", "CN", "2024-01/2024-02", "39", "=", E24, "", ""),
    ("O0078", "equipment_mfg_va_growth", "CN", "2024-01/2024-02", "8.6", "=", E24, "", ""),
    ("O0079", "consumer_goods_mfg_va_growth", "CN", "2024-01/2024-02", "4.7", "=", E24, "", ""),
    ("O0080", "member_regions", "mainland-31", "2024", "31", "=", E24, "", "31个省份"),
    (
        "O0081",
        "provinces_with_industrial_va_growth",
        "mainland-31",
        "2024-01/2024-02",
        "29",
        "=",
        E24,
        "",
        "29 of the 31 provinces",
    ),
    (
        "O0082",
        "member_regions",
        "major-industrial-provinces",
        "2024",
        "10",
        "=",
        E24,
        "",
        "10个工业大省; members not stated (no member-count relation possible)",
    ),
    (
        "O0083",
        "industrial_va_growth",
        "CN-ZJ",
        "2024-01/2024-02",
        "9.6",
        ">",
        E24,
        "",
        "浙江、广东、江苏增速在9.6%以上 (以上 → > by the curation convention; Chinese 以上 usually includes the "
        "bound)",
    ),
    (
        "O0084",
        "industrial_va_growth",
        "CN-GD",
        "2024-01/2024-02",
        "9.6",
        ">",
        E24,
        "",
        "浙江、广东、江苏增速在9.6%以上 (以上 → > by the curation convention; Chinese 以上 usually includes the "
        "bound)",
    ),
    (
        "O0085",
        "industrial_va_growth",
        "CN-JS",
        "2024-01/2024-02",
        "9.6",
        ">",
        E24,
        "",
        "浙江、广东、江苏增速在9.6%以上 (以上 → > by the curation convention; Chinese 以上 usually includes the "
        "bound)",
    ),
    (
        "O0086",
        "member_regions",
        "major-industrial-cities",
        "2024",
        "20",
        "=",
        E24,
        "",
        "20个工业大市; members not stated (no member-count relation possible)",
    ),
    (
        "O0087",
        "cities_with_industrial_va_growth_above_national",
        "major-industrial-cities",
        "2024-01/2024-02",
        "15",
        "=",
        E24,
        "",
        "15 of the 20 major industrial cities grew faster than the national 7% (O0074)",
    ),
    (
        "O0088",
        "industrial_va_growth",
        "dongguan",
        "2024-01/2024-02",
        "20.2",
        "=",
        E24,
        "",
        "Industrial value added growth of the city (规上 presumably)",
    ),
    (
        "O0089",
        "industrial_va_growth",
        "shenzhen",
        "2024-01/2024-02",
        "13.5",
        "=",
        E24,
        "",
        "Industrial value added growth of the city (规上 presumably)",
    ),
    (
        "O0090",
        "industrial_products_with_output_growth_share",
        "CN",
        "2024-01/2024-02",
        "70",
        "~",
        E24,
        "",
        "近七成主要工业产品",
    ),
    ("O0091", "charging_pile_output_growth", "CN", "2024-01/2024-02", "41.8", "=", E24, "", ""),
    ("O0092", "monocrystalline_silicon_output_growth", "CN", "2024-01/2024-02", "65.5", "=", E24, "", ""),
    (
        "O0093",
        "provinces_with_industrial_va_growth",
        "major-industrial-provinces",
        "2024-01/2024-02",
        "10",
        "=",
        E24,
        "",
        "10个工业大省均保持增长: all 10 grew",
    ),
]

# ---------------------------------------------------------------------------------------------
# Mentions: (id, observation, exact, value_text, value, occurrence, note). The source is the
# number in the id (M000 → S000). value None = the observation's value.
# ---------------------------------------------------------------------------------------------
CLUSTERS_000 = "重点培育的25个先进制造业集群主导产业产值近10万亿元"
THREE_NINE_ZH = "浙江、广东、江苏增速在9.6%以上"
MENTIONS = [
    # ---- S000 (official summary) ----
    ("M000-0001", "O0001", "2021年，东部地区制造业增加值占地区生产总值比重为30.5%", "30.5%", None, None, ""),
    ("M000-0002", "O0002", "比全国平均水平高3.1个百分点", "3.1个百分点", None, None, ""),
    (
        "M000-0003",
        "O0004",
        "58%的智能制造示范工厂揭榜单位、53%的数字化车间或智能工厂位于东部地区",
        "58%",
        None,
        None,
        "",
    ),
    (
        "M000-0004",
        "O0005",
        "58%的智能制造示范工厂揭榜单位、53%的数字化车间或智能工厂位于东部地区",
        "53%",
        None,
        None,
        "",
    ),
    ("M000-0005", "O0006", "中部六省", "六省", None, None, "member count: 中部 = 6 provinces"),
    ("M000-0006", "O0007", "2012—2021年，西部地区规模以上工业增加值年均增速达到6.7%", "6.7%", None, None, ""),
    ("M000-0007", "O0008", "占全国规模以上工业增加值比重由17.84%上升为19.21%", "17.84%", None, None, ""),
    ("M000-0008", "O0009", "占全国规模以上工业增加值比重由17.84%上升为19.21%", "19.21%", None, None, ""),
    ("M000-0009", "O0010", "2021年东北地区高新技术企业数量较2016年增加了近万家", "近万家", None, None, ""),
    (
        "M000-0010",
        "O0011",
        "辽宁工业战略性新兴企业数量比2017年增长一倍",
        "增长一倍",
        None,
        None,
        "增长一倍 = increased by one times (doubled)",
    ),
    ("M000-0011", "O0012", "京津冀三地", "三地", None, None, "member count: Beijing, Tianjin, Hebei"),
    ("M000-0012", "O0013", "截至2021年年底，北京疏解一般制造业企业近3000家", "近3000家", None, None, ""),
    ("M000-0013", "O0014", "高精尖产业增加值占地区生产总值达到30.1%", "30.1%", None, None, ""),
    ("M000-0014", "O0015", "河北累计从北京、天津转入产业活动单位达1.1万个", "1.1万个", None, None, ""),
    ("M000-0015", "O0016", "今年实施重大项目100多个", "100多个", None, None, ""),
    ("M000-0016", "O0017", "预计全年投资超2000亿元", "超2000亿元", None, None, "forecast"),
    (
        "M000-0017",
        "O0018",
        "长三角三省一市",
        "三省一市",
        None,
        None,
        "member count: 3 provinces + 1 municipality = 4",
    ),
    ("M000-0018", "O0019", "长三角地区贡献了全国1/4的工业增加值", "1/4", None, None, ""),
    ("M000-0019", "O0020", "集成电路产业规模占全国60%", "60%", None, None, ""),
    ("M000-0020", "O0021", "生物医药和人工智能产业规模均占全国1/3", "1/3", None, None, "均: both 1/3"),
    ("M000-0021", "O0022", "生物医药和人工智能产业规模均占全国1/3", "1/3", None, None, "均: both 1/3"),
    ("M000-0022", "O0023", "新能源汽车产量占全国38%", "38%", None, None, ""),
    ("M000-0023", "O0024", "粤港澳大湾区内地9市", "9市", None, None, "member count"),
    (
        "M000-0024",
        "O0025",
        "2021年，粤港澳大湾区内地9市的规上工业增加值平均增速达到11.1%",
        "11.1%",
        None,
        None,
        "",
    ),
    ("M000-0025", "O0026", "其中高技术制造业增加值增速为16.17%", "16.17%", None, None, ""),
    ("M000-0026", "O0027", "规上工业企业研发投入强度达3.7%", "3.7%", None, None, ""),
    ("M000-0027", "O0028", "高于全国平均2.37个百分点", "2.37个百分点", None, None, ""),
    ("M000-0028", "O0030", "拥有3家国家制造业创新中心、5.7万家高新技术企业", "3家", None, None, ""),
    ("M000-0029", "O0031", "拥有3家国家制造业创新中心、5.7万家高新技术企业", "5.7万家", None, None, ""),
    ("M000-0030", "O0032", "2021年，四川工业增加值增长到1.54万亿元", "1.54万亿元", None, None, ""),
    ("M000-0031", "O0033", "是2012年的1.6倍", "1.6倍", None, None, ""),
    ("M000-0032", "O0034", "年均增速达到8%", "8%", None, None, ""),
    (
        "M000-0033",
        "O0036",
        "规上工业利润由2012年的608亿元增加至2021年的1887.5亿元",
        "608亿元",
        None,
        None,
        "",
    ),
    (
        "M000-0034",
        "O0037",
        "规上工业利润由2012年的608亿元增加至2021年的1887.5亿元",
        "1887.5亿元",
        None,
        None,
        "",
    ),
    ("M000-0035", "O0038", "全员劳动生产率由25.5万元/人提高至41.9万元/人", "25.5万元/人", None, None, ""),
    ("M000-0036", "O0039", "全员劳动生产率由25.5万元/人提高至41.9万元/人", "41.9万元/人", None, None, ""),
    ("M000-0037", "O0040", "沿长江11省市已建设1134家绿色工厂", "11省市", None, None, "member count"),
    ("M000-0038", "O0041", "沿长江11省市已建设1134家绿色工厂", "1134家", None, None, ""),
    ("M000-0039", "O0042", "沿黄河9省区工业用水效率高于全国平均水平", "9省区", None, None, "member count"),
    (
        "M000-0040",
        "O0043",
        "万元工业增加值用水量约为全国平均水平的一半",
        "一半",
        None,
        None,
        "hedged: 约为…一半 (the observation's comparator is ~); 万元 in 万元工业增加值 is the unit of the "
        "indicator (water use per 10,000 yuan), not a figure",
    ),
    ("M000-0041", "O0044", "建设了445个国家新型工业化产业示范基地", "445个", None, None, ""),
    ("M000-0042", "O0045", "创造了全国近三成工业增加值、三成以上进出口额", "近三成", None, None, ""),
    ("M000-0043", "O0046", "创造了全国近三成工业增加值、三成以上进出口额", "三成以上", None, None, ""),
    ("M000-0044", "O0047", "规模以上工业企业利润总额占全国比重近45%", "近45%", None, None, ""),
    ("M000-0045", "O0048", CLUSTERS_000, "25个", None, None, ""),
    ("M000-0046", "O0049", CLUSTERS_000, "近10万亿元", None, None, ""),
    ("M000-0047", "O0050", "聚集规上企业2.5万家", "2.5万家", None, None, ""),
    (
        "M000-0048",
        "O0051",
        "2021年有17个集群产值同比增速超过两位数",
        "17个",
        None,
        None,
        "两位数 (double digits) is the threshold of the count, part of the indicator",
    ),
    ("M000-0049", "O0048", "今年上半年25个集群完成产值6.2万亿元", "25个", None, None, ""),
    ("M000-0050", "O0052", "今年上半年25个集群完成产值6.2万亿元", "6.2万亿元", None, None, ""),
    ("M000-0051", "O0053", "较去年同期增长6.1%", "6.1%", None, None, ""),
    # ---- S001 (Securities Times report) ----
    ("M001-0001", "O0048", "25个集群主导产业产值近10万亿", "25个", None, None, "headline"),
    ("M001-0002", "O0049", "25个集群主导产业产值近10万亿", "近10万亿", None, None, "headline; 元 omitted"),
    ("M001-0003", "O0048", "重点培育的25个先进制造业集群主导产业产值近10万亿元", "25个", None, 1, ""),
    ("M001-0004", "O0049", "重点培育的25个先进制造业集群主导产业产值近10万亿元", "近10万亿元", None, 1, ""),
    ("M001-0005", "O0050", "集聚了规上企业2.5万家", "2.5万家", None, 1, ""),
    (
        "M001-0006",
        "O0048",
        "25个先进制造业集群 主导产业产值近10万亿元",
        "25个",
        None,
        None,
        "section heading",
    ),
    (
        "M001-0007",
        "O0049",
        "25个先进制造业集群 主导产业产值近10万亿元",
        "近10万亿元",
        None,
        None,
        "section heading",
    ),
    ("M001-0008", "O0005", "2021年,53%的数字化车间或智能工厂位于东部地区", "53%", None, None, ""),
    ("M001-0009", "O0006", "中部六省", "六省", None, None, "member count"),
    ("M001-0010", "O0007", "2012-2021年,西部地区规模以上工业增加值年均增速达到6.7%", "6.7%", None, None, ""),
    ("M001-0011", "O0008", "占全国规模以上工业增加值比重由17.84%上升为19.21%", "17.84%", None, None, ""),
    ("M001-0012", "O0009", "占全国规模以上工业增加值比重由17.84%上升为19.21%", "19.21%", None, None, ""),
    ("M001-0013", "O0012", "京津冀三地", "三地", None, None, "member count"),
    ("M001-0014", "O0016", "今年实施重大项目100多个", "100多个", None, None, ""),
    ("M001-0015", "O0017", "预计全年投资超2000亿元", "超2000亿元", None, None, "forecast"),
    ("M001-0016", "O0019", "长三角地区贡献了全国1/4的工业增加值", "1/4", None, None, ""),
    (
        "M001-0017",
        "O0027",
        "2021年,规上工业企业研发投入强度达3.7%",
        "3.7%",
        None,
        None,
        "001 attributes it to 粤港澳大湾区 (000: the nine mainland cities)",
    ),
    ("M001-0018", "O0030", "拥有3家国家制造业创新中心、5.7万家高新技术企业", "3家", None, None, ""),
    ("M001-0019", "O0031", "拥有3家国家制造业创新中心、5.7万家高新技术企业", "5.7万家", None, None, ""),
    ("M001-0020", "O0044", "建设了445个国家新型工业化产业示范基地", "445个", None, None, ""),
    ("M001-0021", "O0047", "规模以上工业企业利润总额占全国比重近45%", "近45%", None, None, ""),
    ("M001-0022", "O0048", "重点培育的25个先进制造业集群主导产业产值近10万亿元", "25个", None, 2, ""),
    ("M001-0023", "O0049", "重点培育的25个先进制造业集群主导产业产值近10万亿元", "近10万亿元", None, 2, ""),
    ("M001-0024", "O0050", "集聚了规上企业2.5万家", "2.5万家", None, 2, ""),
    ("M001-0025", "O0048", "今年上半年25个集群完成产值6.2万亿元", "25个", None, None, ""),
    ("M001-0026", "O0052", "今年上半年25个集群完成产值6.2万亿元", "6.2万亿元", None, None, ""),
    ("M001-0027", "O0053", "较去年同期增长6.1%", "6.1%", None, None, ""),
    ("M001-0028", "O0054", "支持创建6个工业互联网示范区", "6个", None, None, ""),
    ("M001-0029", "O0055", "4个国家级车联网先导区", "4个", None, None, ""),
    ("M001-0030", "O0056", "8个国家人工智能创新应用先导区", "8个", None, None, ""),
    (
        "M001-0031",
        "O0057",
        "培育形成新一代信息技术、科技服务业两个万亿级产业集群",
        "两个",
        None,
        None,
        "万亿级 is the size class of the clusters, not a figure of its own",
    ),
    (
        "M001-0032",
        "O0058",
        "以及智能装备、医药健康、节能环保、人工智能、集成电路五个千亿级产业集群",
        "五个",
        None,
        None,
        "千亿级 is the size class of the clusters, not a figure of its own",
    ),
    ("M001-0033", "O0059", "成渝两地", "两地", None, None, "member count: Chongqing and Sichuan"),
    ("M001-0034", "O0060", "拥有国家农机装备创新中心和22家省级制造业创新中心", "22家", None, None, ""),
    (
        "M001-0035",
        "O0061",
        "拥有营业收入超千亿级企业5家、百亿级企业53家",
        "5家",
        None,
        None,
        "超千亿级 is the revenue class (part of the indicator)",
    ),
    (
        "M001-0036",
        "O0062",
        "拥有营业收入超千亿级企业5家、百亿级企业53家",
        "53家",
        None,
        None,
        "百亿级 is the revenue class (part of the indicator)",
    ),
    ("M001-0037", "O0048", "25个重点培育的集群", "25个", None, None, ""),
    ("M001-0038", "O0063", "集聚了近100家单项冠军企业", "近100家", None, None, ""),
    ("M001-0039", "O0064", "上千家专精特新“小巨人”企业", "上千家", None, None, "上千 read as at least 1000"),
    # ---- S004 (2024-03-26 SCIO press conference) ----
    ("M004-0001", "O0065", "今年1—2月规模以上高技术制造业增加值同比增长7.5%", "7.5%", None, None, ""),
    ("M004-0002", "O0066", "连续3个月加快增长", "3个月", None, None, "a duration count"),
    ("M004-0003", "O0067", "在已有的178家国家高新区、45个国家先进制造业集群基础上", "178家", None, None, ""),
    ("M004-0004", "O0068", "在已有的178家国家高新区、45个国家先进制造业集群基础上", "45个", None, None, ""),
    ("M004-0005", "O0069", "1—2月份，制造业投资同比增长9.4%", "9.4%", None, None, ""),
    ("M004-0006", "O0070", "增速较去年全年提高2.9个百分点", "2.9个百分点", None, None, ""),
    ("M004-0007", "O0072", "其中，高技术制造业投资增长10%", "10%", None, None, ""),
    ("M004-0008", "O0073", "制造业技改投资同比增长15.1%", "15.1%", None, None, ""),
    (
        "M004-0009",
        "O0074",
        "今年1—2月，工业经济延续去年四季度向好态势，规模以上工业增加值同比增长7%",
        "7%",
        None,
        None,
        "",
    ),
    ("M004-0010", "O0075", "超九成工业大类保持增长", "超九成", None, None, ""),
    ("M004-0011", "O0076", "41个工业大类行业中有39个增加值同比增长", "41个", None, None, ""),
    ("M004-0012", "O0077", "41个工业大类行业中有39个增加值同比增长", "39个", None, None, ""),
    ("M004-0013", "O0078", "装备制造业增加值同比增长8.6%", "8.6%", None, None, ""),
    ("M004-0014", "O0079", "消费品制造业增加值同比增长4.7%", "4.7%", None, None, ""),
    ("M004-0015", "O0080", "31个省份中有29个实现同比增长", "31个", None, None, "member count"),
    ("M004-0016", "O0081", "31个省份中有29个实现同比增长", "29个", None, None, ""),
    ("M004-0017", "O0082", "10个工业大省均保持增长", "10个", None, None, "member count of the group"),
    ("M004-0018", "O0093", "10个工业大省均保持增长", "10个", None, None, "均: all 10 grew"),
    ("M004-0019", "O0083", THREE_NINE_ZH, "9.6%以上", None, None, "浙江"),
    ("M004-0020", "O0084", THREE_NINE_ZH, "9.6%以上", None, None, "广东"),
    ("M004-0021", "O0085", THREE_NINE_ZH, "9.6%以上", None, None, "江苏"),
    (
        "M004-0022",
        "O0086",
        "20个工业大市中，15个增速超过全国平均水平",
        "20个",
        None,
        None,
        "member count of the group",
    ),
    ("M004-0023", "O0087", "20个工业大市中，15个增速超过全国平均水平", "15个", None, None, ""),
    (
        "M004-0024",
        "O0088",
        "东莞和深圳在电子行业企业带动下实现较快增长，增速分别为20.2%和13.5%",
        "20.2%",
        None,
        None,
        "东莞",
    ),
    (
        "M004-0025",
        "O0089",
        "东莞和深圳在电子行业企业带动下实现较快增长，增速分别为20.2%和13.5%",
        "13.5%",
        None,
        None,
        "深圳",
    ),
    ("M004-0026", "O0090", "近七成主要工业产品产量实现同比增长", "近七成", None, None, ""),
    ("M004-0027", "O0091", "充电桩、单晶硅等产量同比分别增长41.8%和65.5%", "41.8%", None, None, "充电桩"),
    ("M004-0028", "O0092", "充电桩、单晶硅等产量同比分别增长41.8%和65.5%", "65.5%", None, None, "单晶硅"),
]

# ---------------------------------------------------------------------------------------------
# Relations: (id, kind, target, operands, tolerance, expected, statement, note)
# ---------------------------------------------------------------------------------------------
RELATIONS = [
    (
        "R0001",
        "difference",
        "O0003",
        "O0001 O0002",
        "half-unit",
        "holds",
        "30.5 - 3.1 = 27.4",
        "S000: east 30.5%, 比全国平均水平高3.1个百分点 → national share 2021",
    ),
    (
        "R0002",
        "member-count",
        "O0006",
        "",
        "exact",
        "holds",
        "中部六省: central has 6 members",
        "regions.csv central = SX AH JX HA HB HN",
    ),
    (
        "R0003",
        "member-count",
        "O0012",
        "",
        "exact",
        "holds",
        "京津冀三地: jjj has 3 members",
        "regions.csv jjj = BJ TJ HE",
    ),
    (
        "R0004",
        "member-count",
        "O0018",
        "",
        "exact",
        "holds",
        "长三角三省一市 = 3 + 1 = 4: yrd has 4 members",
        "regions.csv yrd = SH JS ZJ AH",
    ),
    (
        "R0005",
        "member-count",
        "O0024",
        "",
        "exact",
        "holds",
        "粤港澳大湾区内地9市: gba-mainland has 9 members",
        "regions.csv gba-mainland = the nine Pearl River Delta cities",
    ),
    (
        "R0006",
        "difference",
        "O0029",
        "O0027 O0028",
        "half-unit",
        "holds",
        "3.7 - 2.37 = 1.33",
        "S000: GBA 3.7%, 高于全国平均2.37个百分点 → national R&D intensity 2021",
    ),
    (
        "R0007",
        "ratio",
        "O0035",
        "O0032 O0033",
        "half-unit",
        "holds",
        "15400 / 1.6 = 9625",
        "S000: 1.54万亿元 是2012年的1.6倍 → Sichuan 2012 industrial value added",
    ),
    (
        "R0008",
        "average-annual-growth",
        "O0034",
        "O0033",
        "half-unit",
        "D001",
        "(1 + 8/100)^9 = 1.999 ≠ 1.6; 1.6^(1/9) = 1.0536, i.e. 5.4% a year, not 8%",
        "S000: 1.6倍 of 2012 and 年均增速8% over 2012/2021 (9 years)",
    ),
    (
        "R0009",
        "member-count",
        "O0040",
        "",
        "exact",
        "holds",
        "沿长江11省市: yreb has 11 members",
        "regions.csv yreb",
    ),
    (
        "R0010",
        "member-count",
        "O0042",
        "",
        "exact",
        "holds",
        "沿黄河9省区: yellow-river has 9 members",
        "regions.csv yellow-river",
    ),
    (
        "R0011",
        "part-of",
        "O0048",
        "O0051",
        "half-unit",
        "holds",
        "17 <= 25",
        "17 of the 25 key clusters grew by double digits in 2021",
    ),
    (
        "R0012",
        "member-count",
        "O0059",
        "",
        "exact",
        "holds",
        "成渝两地: chengyu has 2 members",
        "regions.csv chengyu = CQ SC",
    ),
    (
        "R0013",
        "difference",
        "O0071",
        "O0069 O0070",
        "half-unit",
        "holds",
        "9.4 - 2.9 = 6.5",
        "S004: 制造业投资同比增长9.4%，增速较去年全年提高2.9个百分点 → 2023 growth",
    ),
    ("R0014", "part-of", "O0076", "O0077", "half-unit", "holds", "39 <= 41", "41个工业大类行业中有39个"),
    (
        "R0015",
        "share",
        "O0075",
        "O0077 O0076",
        "half-unit",
        "holds",
        "100 × 39 / 41 = 95.1 > 90",
        "超九成工业大类保持增长 against 41个工业大类行业中有39个",
    ),
    (
        "R0016",
        "member-count",
        "O0080",
        "",
        "exact",
        "holds",
        "31个省份: mainland-31 has 31 members",
        "regions.csv mainland-31",
    ),
    ("R0017", "part-of", "O0080", "O0081", "half-unit", "holds", "29 <= 31", "31个省份中有29个实现同比增长"),
    (
        "R0018",
        "part-of",
        "O0081",
        "O0093",
        "half-unit",
        "holds",
        "10 <= 29",
        "The 10 major industrial provinces all grew, so they are among the 29 provinces that grew",
    ),
    (
        "R0019",
        "part-of",
        "O0080",
        "O0082",
        "half-unit",
        "holds",
        "10 <= 31",
        "The 10 major industrial provinces are among the 31 provinces",
    ),
    (
        "R0020",
        "part-of",
        "O0086",
        "O0087",
        "half-unit",
        "holds",
        "15 <= 20",
        "20个工业大市中，15个增速超过全国平均水平",
    ),
    (
        "R0021",
        "equal",
        "O0093",
        "O0082",
        "half-unit",
        "holds",
        "10 = 10",
        "10个工业大省均保持增长: 均 (all) — the major industrial provinces that grew are all 10 of them",
    ),
]

# ---------------------------------------------------------------------------------------------
# Discrepancies: (id, resource, target, error_type, kind, explanation)
# ---------------------------------------------------------------------------------------------
DISCREPANCIES = [
    (
        "D001",
        "relations",
        "R0008",
        "relation-failed",
        "internal-inconsistency",
        "S000 says Sichuan's industrial value added reached 1.54万亿元 in 2021, 1.6倍 that of 2012, with average "
        "annual growth of 8%. Over 2012/2021 (9 years) 1.6^(1/9) = 1.0536, i.e. 5.4% a year, while 1.08^9 = 1.999, "
        "i.e. a doubling (15400/2.0 = 7700 for 2012 instead of 15400/1.6 = 9625). Even at half-unit precision the "
        "intervals are disjoint: 1.075^9 = 1.918 to 1.085^9 = 2.085 against 1.55 to 1.65. The sources do not say "
        "whether the 8% is real growth at comparable prices and the 1.6倍 a current-price ratio; both figures are "
        "kept as stated.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Coverage exclusions: (source_id, text, reason). Every digit and Chinese numeral character of a
# source outside all mention spans must lie inside an occurrence of one of these texts.
# ---------------------------------------------------------------------------------------------
ORDINAL = "list ordinal"
WORD = "word containing a numeral character, not a quantity"
EXCLUSIONS = [
    # S000
    ("S000", "二十大", "name of a party congress (the 20th National Congress)"),
    ("S000", "第十场", "number of the press conference in its series (name of the event)"),
    ("S000", "9月23日", "date of the event (time reference)"),
    ("S000", "十八大", "name of a party congress (the 18th National Congress)"),
    ("S000", "一是", ORDINAL),
    ("S000", "二是", ORDINAL),
    ("S000", "三是", ORDINAL),
    (
        "S000",
        "四大板块",
        "name of the four-region division (east, central, west, northeast), not a statistic",
    ),
    ("S000", "一批", WORD + " (一批 = a group of)"),
    ("S000", "长三角", "place name (Yangtze River Delta)"),
    ("S000", "一体化", WORD + " (integration)"),
    ("S000", "下一步", WORD + " (next step)"),
    ("S000", "进一步", WORD + " (further)"),
    # S001
    ("S001", "2022-09-24 07:31", "publication date and time (page chrome)"),
    ("S001", "9月23日", "date of the event (time reference)"),
    ("S001", "第十场", "number of the press conference in its series (name of the event)"),
    ("S001", "十八大", "name of a party congress (the 18th National Congress)"),
    ("S001", "一批", WORD + " (一批 = a group of)"),
    ("S001", "长三角", "place name (Yangtze River Delta)"),
    ("S001", "一体化", WORD + " (integration)"),
    ("S001", "下一步", WORD + " (next step)"),
    ("S001", "零部件", WORD + " (components)"),
    ("S001", "珠三角", "place name (Pearl River Delta)"),
    ("S001", "进一步", WORD + " (further)"),
    ("S001", "一起抓", "相关阅读 headline (unrelated later article): word, not a quantity"),
    (
        "S001",
        "“四大区域”",
        "相关阅读 headline (证券时报网 2024-04-10, unrelated later article): name of a grouping",
    ),
    (
        "S001",
        "东莞电子信息产业规上总产值力争破1万亿元",
        "相关阅读 headline (广州日报 2023-11-21): a target from an unrelated later article, not stated at any press "
        "conference of events.csv, so it cannot be an observation (it would need an event_id)",
    ),
    ("S001", "2024-09-25", "相关阅读 headline date (page chrome)"),
    ("S001", "2024-04-26", "相关阅读 headline date (page chrome)"),
    ("S001", "2024-04-10", "相关阅读 headline date (page chrome)"),
    ("S001", "2024-02-14", "相关阅读 headline date (page chrome)"),
    ("S001", "2024-02-04", "相关阅读 headline date (page chrome)"),
    ("S001", "2024-01-15", "相关阅读 headline date (page chrome)"),
    ("S001", "2023-11-21", "相关阅读 headline date (page chrome)"),
    ("S001", "2023-11-17", "相关阅读 headline date (page chrome)"),
    # S004
    ("S004", "3月26日", "date of the event (time reference)"),
    (
        "S004",
        "三个方面",
        "number of items of the list that follows (一是…三是): discourse structure, not a statistic",
    ),
    ("S004", "一是", ORDINAL + " (also covers 第一是)"),
    ("S004", "二是", ORDINAL + " (also covers 第二是)"),
    ("S004", "三是", ORDINAL + " (also covers 第三是)"),
    ("S004", "四是", ORDINAL),
    ("S004", "今年1—2月，智能手机", "time reference (January-February 2024) of a sentence without a figure"),
    ("S004", "新一代", WORD + " (new generation)"),
    ("S004", "一批", WORD + " (一批 = a group of)"),
    ("S004", "5G", "name of a technology (fifth-generation mobile network)"),
    ("S004", "下一步", WORD + " (next step)"),
    ("S004", "新一轮", WORD + " (a new round)"),
    ("S004", "十四五", "name of a plan (the 14th Five-Year Plan)"),
    ("S004", "三方面", "number of items of an enumeration (科研攻关、产业化和推广应用): discourse structure"),
    ("S004", "千兆光网", "name of a technology (gigabit optical network)"),
    ("S004", "进一步", WORD + " (further)"),
    ("S004", "一体化", WORD + " (integration)"),
    ("S004", "前两个月", "time reference (the first two months of 2024)"),
    ("S004", "2022年4月份以来", "time reference (since April 2022)"),
    (
        "S004",
        "十大重点行业",
        "name of a policy programme (the ten key industries' growth plans), not a statistic",
    ),
    ("S004", "“三品”", "name of a campaign (增品种、提品质、创品牌)"),
    ("S004", "一流", WORD + " (first-class)"),
]

# =============================================================================================
# Machinery below: checks and writing.
# =============================================================================================
DP = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
SCHEMAS = {r["name"]: r for r in DP["resources"]}
PERIOD_RE = re.compile(
    next(f for f in SCHEMAS["observations"]["schema"]["fields"] if f["name"] == "period")["constraints"][
        "pattern"
    ]
)
OWNED_SOURCES = {"S000", "S001", "S004"}


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


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def columns(resource: str) -> list[str]:
    return [f["name"] for f in SCHEMAS[resource]["schema"]["fields"]]


# ---- half-unit interval arithmetic (independent of the validator written in parallel) ----
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
    if cmp == ">":
        return v - h, math.inf
    if cmp == ">=":
        return v - h, math.inf
    if cmp == "<":
        return -math.inf, v + h
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
    if kind == "equal":
        return overlap(T, iv[0])
    if kind == "ratio":
        return overlap(T, div(iv[0], iv[1]))
    if kind == "share":
        r = div(iv[0], iv[1])
        return overlap(T, (100 * r[0], 100 * r[1]))
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


def build() -> dict[str, list[dict[str, str]]]:
    ind_rows = [
        dict(zip(columns("indicators"), [i, zh, en, u, k, fmt(lo), fmt(hi), d], strict=True))
        for i, zh, en, u, k, lo, hi, d in INDICATORS
    ]
    obs_rows = [
        dict(zip(columns("observations"), [o, i, r, p, fmt(v), c, e, d, n], strict=True))
        for o, i, r, p, v, c, e, d, n in OBSERVATIONS
    ]
    obs_by_id = {r["observation_id"]: r for r in obs_rows}
    men_rows = []
    for mid, oid, exact, vt, value, occ, note in MENTIONS:
        sid = "S" + mid[1:4]
        loc = locate(sid, exact, occ)
        text = source_text(sid)
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
                        sid,
                        str(s),
                        str(e),
                        exact,
                        loc["prefix"],
                        loc["suffix"],
                        vt,
                        fmt(value) if value is not None else obs_by_id[oid]["value"],
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


def _in_place(existing: list[dict[str, str]], mine: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    """Replace rows in place and append new ones: a stable row order whatever order the scripts run in."""
    by_id = {r[key]: r for r in mine}
    present = {r[key] for r in existing}
    return [by_id.get(r[key], r) for r in existing] + [r for r in mine if r[key] not in present]


def merge(resource: str, mine: list[dict[str, str]], key: str, owned) -> list[dict[str, str]]:
    path = ROOT / SCHEMAS[resource]["path"]
    _, existing = read_csv(path)
    my_ids = {r[key] for r in mine}
    kept = [r for r in existing if r[key] not in my_ids and not owned(r)]
    return (
        sorted(kept + mine, key=lambda r: r[key])
        if resource != "indicators"
        else _in_place(existing, mine, key)
    )


def check(tables: dict[str, list[dict[str, str]]]) -> None:
    def unique(rows, key):
        ids = [r[key] for r in rows]
        dup = {i for i in ids if ids.count(i) > 1}
        assert not dup, f"duplicate {key}: {dup}"

    ind = {r["indicator_id"]: r for r in tables["indicators"]}
    obs = {r["observation_id"]: r for r in tables["observations"]}
    rels = {r["relation_id"]: r for r in tables["relations"]}
    dis = {r["discrepancy_id"]: r for r in tables["discrepancies"]}
    men = {r["mention_id"]: r for r in tables["mentions"]}
    for name, key in [
        ("indicators", "indicator_id"),
        ("observations", "observation_id"),
        ("mentions", "mention_id"),
        ("relations", "relation_id"),
        ("discrepancies", "discrepancy_id"),
    ]:
        unique(tables[name], key)
    _, regions_rows = read_csv(ROOT / "data" / "regions.csv")
    regions = {r["region_id"]: r for r in regions_rows}
    events = {r["event_id"] for r in read_csv(ROOT / "data" / "events.csv")[1]}
    units = next(f for f in SCHEMAS["indicators"]["schema"]["fields"] if f["name"] == "unit")["constraints"][
        "enum"
    ]
    for r in ind.values():
        assert r["unit"] in units, r
        assert float(r["minimum"]) < float(r["maximum"]), r
    mentioned = {m["observation_id"] for m in men.values()}
    for o in OBSERVATIONS:
        assert re.fullmatch(r"O0[0-8][0-9]{2}", o[0]), f"{o[0]} outside O0001-O0899"
    for r in obs.values():
        oid = r["observation_id"]
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
        elif int(oid[1:]) < 900:
            assert oid in mentioned, f"{oid} has neither a mention nor derived_by"
    for m in men.values():
        assert m["observation_id"] in obs, m["mention_id"]
        assert m["mention_id"][1:4] == m["source_id"][1:], m["mention_id"]
    for r in rels.values():
        assert r["target"] in obs, r["relation_id"]
        for o in r["operands"].split():
            assert o in obs, (r["relation_id"], o)
        assert r["expected"] == "holds" or r["expected"] in dis, r["relation_id"]
        if r["relation_id"] not in {x[0] for x in RELATIONS}:
            continue
        ok = check_relation(r, obs, regions)
        want = r["expected"] == "holds"
        assert ok == want, f"{r['relation_id']}: arithmetic gives {ok}, expected {r['expected']}"
    for d in dis.values():
        table = {"relations": rels, "mentions": men, "observations": obs}[d["resource"]]
        assert d["target"] in table, d["discrepancy_id"]
    # every observation's unit agrees with the mention values' plausibility
    for m in men.values():
        i = ind[obs[m["observation_id"]]["indicator_id"]]
        assert float(i["minimum"]) <= float(m["value"]) <= float(i["maximum"]), m["mention_id"]
    # exclusions must occur in their source
    for e in tables["exclusions"]:
        if e["source_id"] in OWNED_SOURCES:
            assert e["text"] in source_text(e["source_id"]), e


def write(resource_path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    resource_path.parent.mkdir(parents=True, exist_ok=True)
    with resource_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    import fcntl

    lock = (ROOT / ".curation.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # other curation scripts write the same CSVs
    mine = build()
    my_rel = {r[0] for r in RELATIONS}
    my_dis = {d[0] for d in DISCREPANCIES}
    tables = {
        "indicators": merge("indicators", mine["indicators"], "indicator_id", lambda r: False),
        "observations": merge(
            "observations",
            mine["observations"],
            "observation_id",
            lambda r: int(r["observation_id"][1:]) < 900,
        ),
        "mentions": merge(
            "mentions", mine["mentions"], "mention_id", lambda r: r["source_id"] in OWNED_SOURCES
        ),
        "relations": merge(
            "relations", mine["relations"], "relation_id", lambda r: r["relation_id"] in my_rel
        ),
        "discrepancies": merge(
            "discrepancies", mine["discrepancies"], "discrepancy_id", lambda r: r["discrepancy_id"] in my_dis
        ),
    }
    exc_path = ROOT / "curation" / "exclusions.csv"
    old_exc = read_csv(exc_path)[1] if exc_path.exists() else []
    tables["exclusions"] = [r for r in old_exc if r["source_id"] not in OWNED_SOURCES] + mine["exclusions"]
    check(tables)
    if "--check" in sys.argv:
        print("ok (nothing written)")
        return
    for name in ["indicators", "observations", "mentions", "relations", "discrepancies"]:
        write(ROOT / SCHEMAS[name]["path"], columns(name), tables[name])
    write(exc_path, ["source_id", "text", "reason"], tables["exclusions"])
    print({k: len(v) for k, v in tables.items()})


if __name__ == "__main__":
    main()
