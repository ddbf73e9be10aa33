# ruff: noqa: E501  (data rows quote long clauses verbatim; wrapping them would hurt review)
"""Curation II, part 003b: every figure in S003 from offset 34889 to the end.

    /work/venv/bin/python tools/curate_en_003b.py          # check everything, then merge into the tables
    /work/venv/bin/python tools/curate_en_003b.py --check  # check only, write nothing

S003 is the transcript of the 2022-09-23 press conference: an English machine translation whose
last answers (Beijing, Shanghai, Chongqing, closing words) are left in Chinese. This part covers the
text from the "7.jpg / Li Feng, Deputy Director of Jiangsu…" block (offset 34889) to the end: Jiangsu
(chemical industry, clusters), Chongqing (Yang Zhenghua), Yao Jun (MIIT planning, clusters),
Liaoning (Feng Wensheng), Henan (Zhu Ming), the Chinese answers of Beijing (Peng Xuehai), Shanghai
(Zhang Hongtao) and Chongqing, the closing words and the page chrome.

Owned rows (replaced on every run, all others kept): observations O1300-O1699, mentions
M003-0500-M003-0999, relations R0200-R0299, discrepancies D200-D299, the indicators listed here,
and curation/exclusions_003b.csv. Mentions of facts already in the dataset attach to those
observations (O0001-O0093 from the Chinese curation, O17xx from part 002).

Offsets are never typed: `tools.quote.locate` computes them. The whole read-merge-write runs under
an exclusive lock on .curation.lock because other curation scripts write the same CSVs.
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

from tools.quote import CONTEXT, locate, source_text  # noqa: E402

E22 = "2022-09-23-miit"
SID = "S003"
SPAN_START = 34889  # this part: S003[34889:]
MT = "stated only in the machine translation (S003)"
YEAR21 = "year not stated; taken as 2021, the last full year before the 2022-09-23 event"
STOCK = "stock as stated at the 2022-09-23 event (date of the count not given)"
TARGET = (
    "target of Liaoning's three-year action plan (2022-2024) for structural adjustment ('within three years')"
)

# ---------------------------------------------------------------------------------------------
# Indicators: (id, name_zh, name_en, unit, kind, minimum, maximum, description)
# Reused, not listed here: member_regions, national_mfg_innovation_centers,
# provincial_mfg_innovation_centers, green_factories, national_new_industrialization_demo_bases,
# high_tech_mfg_va_growth, industrial_va_growth, industrial_divisions (Chinese curation);
# electronic_info_industry_revenue, strategic_emerging_industries_share (part 002);
# national_enterprise_tech_centers, provincial_enterprise_tech_centers, mfg_single_champion_enterprises,
# little_giant_enterprises (part 003a).
# ---------------------------------------------------------------------------------------------
INDICATORS = [
    (
        "chemical_enterprises_closed_or_relocated",
        "化工企业关闭退出或搬迁数量",
        "Number of chemical enterprises closed, withdrawn or relocated",
        "count",
        "count",
        0,
        1000000,
        "Cumulative number of chemical (production) enterprises closed, withdrawn (关闭退出, 关停) or moved out "
        "(转移, 搬迁) of the region: over the span Y0/Y1 when the start is stated, up to the instant otherwise",
    ),
    (
        "chemical_enterprises_reduction_rate",
        "化工企业压减率",
        "Reduction rate of the number of chemical enterprises",
        "percent",
        "share",
        0,
        100,
        "Chemical enterprises closed or withdrawn over the period as a percentage of their number at its start "
        "(压减率)",
    ),
    (
        "chemical_parks",
        "化工园区（集中区）数量",
        "Number of chemical industry parks",
        "count",
        "count",
        0,
        10000,
        "Chemical industry parks and concentration areas (化工园区、化工集中区) recognised in the region",
    ),
    (
        "chemical_parks_reduction",
        "化工园区压减数量",
        "Reduction in the number of chemical industry parks",
        "count",
        "difference",
        0,
        10000,
        "Number of chemical industry parks at the start of the period Y0/Y1 minus the number at its end "
        "(positive = fewer parks)",
    ),
    (
        "chemical_parks_in_national_top30",
        "入选中国化工园区30强的园区数量",
        "Number of the region's chemical parks in China's top-30 chemical park list",
        "count",
        "count",
        0,
        30,
        "Chemical industry parks of the region on the annual list of China's 30 strongest chemical parks "
        "(中国化工园区30强); the list's size (30) is part of the definition",
    ),
    (
        "chemical_industry_revenue_share_of_mfg",
        "化工行业营业收入占制造业比重",
        "Chemical industry revenue as a share of manufacturing revenue",
        "percent",
        "share",
        0,
        100,
        "Operating revenue (营业收入) of the region's chemical industry as a percentage of that of its "
        "manufacturing",
    ),
    (
        "chemical_industry_profit_share_of_mfg",
        "化工行业利润总额占制造业比重",
        "Chemical industry profit as a share of manufacturing profit",
        "percent",
        "share",
        0,
        100,
        "Total profit (利润总额) of the region's chemical industry as a percentage of that of its manufacturing",
    ),
    (
        "industrial_operating_revenue",
        "规模以上工业企业营业收入",
        "Operating revenue of industrial enterprises above designated size",
        "100m-yuan",
        "level",
        0,
        100000000,
        "Operating revenue (营业收入) of industrial enterprises above designated size, in 亿元",
    ),
    (
        "industrial_cooperation_demo_parks",
        "产业合作示范园区数量",
        "Number of industrial cooperation demonstration parks",
        "count",
        "count",
        0,
        10000,
        "Industrial cooperation demonstration parks (产业合作示范园区) designated jointly by the governments of "
        "the region (for chengyu: Chongqing and Sichuan)",
    ),
    (
        "advanced_mfg_cluster_competition_rounds",
        "先进制造业集群竞赛轮数",
        "Number of rounds of the national advanced manufacturing cluster competition",
        "count",
        "count",
        0,
        100,
        "Rounds (轮) of MIIT's national advanced manufacturing cluster competition (先进制造业集群竞赛) organised "
        "so far; region CN",
    ),
    (
        "advanced_mfg_cluster_competition_preliminary_winners",
        "先进制造业集群竞赛初赛胜出集群数量",
        "Number of clusters that won the preliminary round of the national advanced manufacturing cluster competition",
        "count",
        "count",
        0,
        10000,
        "Clusters that won (胜出) the preliminary round (初赛) of MIIT's national advanced manufacturing cluster "
        "competition, all rounds together; region CN",
    ),
    (
        "provinces_with_cluster_support_policies",
        "出台集群培育支持政策文件的省市数量",
        "Number of provinces that issued policy documents supporting advanced manufacturing clusters",
        "count",
        "count",
        0,
        34,
        "Provincial-level divisions that issued policy documents supporting the cultivation of advanced "
        "manufacturing clusters; region CN",
    ),
    (
        "advanced_mfg_clusters_share_of_national_innovation_platforms",
        "国家级创新和工业互联网平台布局在重点集群的比重",
        "Share of national innovation and industrial internet platforms located in the key advanced manufacturing clusters",
        "percent",
        "share",
        0,
        100,
        "Percentage of the national manufacturing innovation centres, cross-industry cross-field industrial "
        "internet platforms and industrial internet identification secondary nodes that are located in the "
        "national key advanced manufacturing clusters; region CN",
    ),
    (
        "provincial_key_clusters",
        "省级重点培育产业集群数量",
        "Number of key industrial clusters the province cultivates",
        "count",
        "count",
        0,
        1000,
        "Advanced manufacturing or key industrial clusters a province has designated for cultivation (for "
        "Jiangsu the 16 先进制造业集群, for Liaoning the 22 重点产业集群)",
    ),
    (
        "provincial_key_clusters_share_of_industry",
        "省级重点产业集群规模占全省工业比重",
        "Size of the province's key clusters as a share of its industry",
        "percent",
        "share",
        0,
        100,
        "Size (规模) of the province's designated key (advanced manufacturing) clusters taken together as a "
        "percentage of the province's industry",
    ),
    (
        "cluster_office_member_departments",
        "集群培育工作办公室成员部门数量",
        "Number of government departments in the province's cluster cultivation office",
        "count",
        "count",
        0,
        1000,
        "Provincial government departments making up the province's advanced manufacturing cluster cultivation "
        "work office",
    ),
    (
        "provincial_industrial_funds_share_for_clusters",
        "省级工业专项资金用于支持集群培育的比重",
        "Share of provincial industrial funds spent on cluster cultivation",
        "percent",
        "share",
        0,
        100,
        "Percentage of the province's industrial special funds (省级工业财政专项资金) that goes to supporting "
        "the cultivation of advanced manufacturing clusters",
    ),
    (
        "cluster_promotion_organizations_in_cultivation_pool",
        "集群促进机构培育库入库数量",
        "Number of cluster promotion organisations in the province's cultivation pool",
        "count",
        "count",
        0,
        10000,
        "Cluster development promotion organisations (集群发展促进机构) in the province's cultivation pool (培育库)",
    ),
    (
        "cluster_alliance_member_units",
        "先进制造业集群联盟成员单位数量",
        "Number of member units of the province's advanced manufacturing cluster alliance",
        "count",
        "count",
        0,
        100000,
        "Units (enterprises, universities, institutes, financial and intermediary bodies) that joined the "
        "province's advanced manufacturing cluster alliance",
    ),
    (
        "national_advanced_mfg_clusters_in_region",
        "区域内国家先进制造业集群数量",
        "Number of national advanced manufacturing clusters located in the region",
        "count",
        "count",
        0,
        1000,
        "National (key) advanced manufacturing clusters (the winners of MIIT's cluster competition) located in "
        "the region; for all of China see advanced_mfg_clusters",
    ),
    (
        "national_advanced_mfg_clusters_share_of_wider_region",
        "国家先进制造业集群数量占所在更大区域的比重",
        "Share of a wider region's national advanced manufacturing clusters located in the region",
        "percent",
        "share",
        0,
        100,
        "The region's national advanced manufacturing clusters as a percentage of those of the wider region "
        "named in the note (for Jiangsu: the Yangtze River Delta)",
    ),
    (
        "high_value_added_industries_share_change",
        "高附加值产业比重变化",
        "Change in the share of high value-added industries",
        "percentage-points",
        "difference",
        -100,
        100,
        "Share of high value-added industries (e.g. biomedicine, medical equipment) in the region's industry "
        "at the end of the period Y0/Y1 minus that at its start, in percentage points",
    ),
    (
        "ic_equipment_key_regions",
        "集成电路装备重点地区数量",
        "Number of key regions for integrated circuit equipment",
        "count",
        "count",
        0,
        100,
        "Regions of China named as the key regions (重点地区) for integrated circuit equipment; region CN",
    ),
    (
        "industrial_internet_identification_secondary_nodes",
        "工业互联网标识解析二级节点数量",
        "Number of industrial internet identification resolution secondary nodes",
        "count",
        "count",
        0,
        10000,
        "Secondary nodes (二级节点) of the industrial internet identification resolution system in operation "
        "in the region",
    ),
    (
        "provincial_industrial_internet_platforms",
        "省级工业互联网平台数量",
        "Number of provincial-level industrial internet platforms",
        "count",
        "count",
        0,
        100000,
        "Industrial internet platforms recognised at provincial level",
    ),
    (
        "industrial_internet_platforms",
        "工业互联网平台数量",
        "Number of industrial internet platforms",
        "count",
        "count",
        0,
        1000000,
        "Industrial internet platforms built in the region (level not stated; the note says what the source "
        "says)",
    ),
    (
        "key_process_nc_rate",
        "关键工序数控化率",
        "Numerical control rate of key processes",
        "percent",
        "share",
        0,
        100,
        "Share of key production processes under numerical control in industrial enterprises (关键工序数控化率)",
    ),
    (
        "digital_rd_design_tool_penetration",
        "数字化研发设计工具普及率",
        "Penetration rate of digital R&D and design tools",
        "percent",
        "share",
        0,
        100,
        "Share of industrial enterprises using digital R&D and design tools (数字化研发设计工具普及率)",
    ),
    (
        "national_green_manufacturing_units",
        "国家级绿色制造单位数量",
        "Number of national-level green manufacturing units",
        "count",
        "count",
        0,
        100000,
        "Units of the national green manufacturing system (绿色工厂, 绿色园区, 绿色供应链企业, 绿色设计产品) "
        "recognised in the region, all kinds together",
    ),
    (
        "provincial_green_manufacturing_units",
        "省级绿色制造单位数量",
        "Number of provincial-level green manufacturing units",
        "count",
        "count",
        0,
        100000,
        "Green manufacturing units recognised at provincial level in the region",
    ),
    (
        "green_mfg_system_integration_project_enterprises",
        "承担国家绿色制造系统集成项目的企业数量",
        "Number of enterprises undertaking national green manufacturing system integration projects",
        "count",
        "count",
        0,
        10000,
        "Enterprises of the region that undertook national green manufacturing system integration projects "
        "(绿色制造系统集成项目)",
    ),
    (
        "industrial_energy_gap_below_national",
        "规模以上工业能耗指标低于全国水平的百分点",
        "Percentage points by which an industrial energy indicator of the region is below the national level",
        "percentage-points",
        "difference",
        -100,
        100,
        "National level minus the region's level of an energy indicator of industry above designated size, in "
        "percentage points (positive = lower than national); which indicator is meant is given in the note",
    ),
    (
        "conference_editions_held",
        "会议举办届数",
        "Number of editions held of a recurring conference",
        "count",
        "count",
        0,
        1000,
        "Editions (届) held so far, in consecutive years, of a recurring conference named in the note, in the "
        "region; for industrial transfer docking events see industrial_transfer_docking_events_held",
    ),
    (
        "national_sme_innovation_demo_bases",
        "国家小型微型企业创业创新示范基地数量",
        "Number of national small and micro enterprise entrepreneurship and innovation demonstration bases",
        "count",
        "count",
        0,
        10000,
        "National demonstration bases for entrepreneurship and innovation of small and micro enterprises "
        "(国家小型微型企业创业创新示范基地) in the region",
    ),
    (
        "sme_public_service_demo_platforms",
        "中小企业公共服务示范平台数量",
        "Number of public service demonstration platforms for SMEs",
        "count",
        "count",
        0,
        10000,
        "Public service demonstration platforms for small and medium-sized enterprises (中小企业公共服务示范平台) "
        "in the region (level as the note says)",
    ),
    (
        "provincial_specialized_new_products",
        "省级专精特新产品和技术数量",
        "Number of provincial 'specialised, refined, distinctive and innovative' products and technologies",
        "count",
        "count",
        0,
        1000000,
        "Products and technologies recognised as 专精特新 (specialised, refined, distinctive, innovative) at "
        "provincial level",
    ),
    (
        "provincial_specialized_new_smes",
        "省级专精特新中小企业数量",
        "Number of provincial 'specialised, refined, distinctive and innovative' SMEs",
        "count",
        "count",
        0,
        1000000,
        "Small and medium-sized enterprises recognised as 专精特新 at provincial level",
    ),
    (
        "provincial_little_giant_enterprises",
        "省级专精特新“小巨人”企业数量",
        "Number of provincial 'little giant' enterprises",
        "count",
        "count",
        0,
        100000,
        "Enterprises recognised as 专精特新“小巨人” (little giants) at provincial level",
    ),
    (
        "digital_workshops_smart_factories",
        "数字化车间和智能工厂数量",
        "Number of digital workshops and smart factories",
        "count",
        "count",
        0,
        1000000,
        "Digital workshops and smart factories (数字化车间, 智能工厂) built or recognised in the region over the "
        "period",
    ),
    (
        "service_mfg_demo_enterprises",
        "服务型制造示范企业数量",
        "Number of service-oriented manufacturing demonstration enterprises",
        "count",
        "count",
        0,
        100000,
        "Service-oriented manufacturing demonstration enterprises (服务型制造示范企业) cultivated in the region "
        "over the period (level as the note says)",
    ),
    (
        "old_industrial_brands_revitalized",
        "振兴老字号工业品牌数量",
        "Number of old industrial brands revitalised",
        "count",
        "count",
        0,
        100000,
        "Time-honoured industrial brands (老字号) revitalised in the region over the period",
    ),
    (
        "chemical_refinement_rate",
        "化工精细化率",
        "Refinement rate of the chemical industry",
        "percent",
        "share",
        0,
        100,
        "Output of fine chemicals as a percentage of the output of the chemical industry (化工精细化率)",
    ),
    (
        "new_metallurgical_materials_revenue_share",
        "冶金新材料营业收入占比",
        "Share of new metallurgical materials in metallurgical industry revenue",
        "percent",
        "share",
        0,
        100,
        "Operating revenue of new metallurgical materials as a percentage of that of the metallurgical industry",
    ),
    (
        "high_end_equipment_share",
        "高端装备占比",
        "Share of high-end equipment in equipment manufacturing",
        "percent",
        "share",
        0,
        100,
        "High-end equipment as a percentage of the region's equipment manufacturing (the measure, output or "
        "revenue, is not stated)",
    ),
    (
        "industrial_va",
        "规模以上工业增加值",
        "Value added of industrial enterprises above designated size",
        "100m-yuan",
        "level",
        0,
        10000000,
        "Value added of industrial enterprises above designated size (规模以上工业), in 亿元; for all industry "
        "see total_industrial_va",
    ),
    (
        "industrial_divisions_present",
        "拥有的工业大类行业数量",
        "Number of industrial divisions present in the region",
        "count",
        "count",
        0,
        100,
        "Divisions (大类) of the national industry classification (GB/T 4754) in which the region has industry",
    ),
    (
        "industrial_groups",
        "工业中类行业数量",
        "Number of industrial groups",
        "count",
        "count",
        1,
        1000,
        "Groups (中类) of industry in the national industry classification (GB/T 4754) as counted in the "
        "industrial statistics",
    ),
    (
        "industrial_groups_present",
        "拥有的工业中类行业数量",
        "Number of industrial groups present in the region",
        "count",
        "count",
        0,
        1000,
        "Groups (中类) of the national industry classification (GB/T 4754) in which the region has industry",
    ),
    (
        "national_green_design_products",
        "国家级绿色设计产品数量",
        "Number of national-level green design products",
        "count",
        "count",
        0,
        1000000,
        "Products (models) recognised as national green design products (绿色设计产品)",
    ),
    (
        "green_industrial_parks",
        "绿色工业园区数量",
        "Number of green industrial parks",
        "count",
        "count",
        0,
        10000,
        "Industrial parks recognised as (national) green parks (绿色园区)",
    ),
    (
        "green_supply_chain_enterprises",
        "绿色供应链管理企业数量",
        "Number of green supply chain management enterprises",
        "count",
        "count",
        0,
        100000,
        "Enterprises recognised as (national) green supply chain management enterprises (绿色供应链管理企业)",
    ),
    (
        "industrial_revenue_per_employee",
        "规模以上工业企业人均营业收入",
        "Operating revenue per employee of industrial enterprises above designated size",
        "10k-yuan-per-person",
        "level",
        0,
        100000,
        "Operating revenue (人均创收) per employed person of industrial enterprises above designated size, in "
        "万元 per person",
    ),
    (
        "gross_industrial_output",
        "工业总产值",
        "Gross industrial output value",
        "100m-yuan",
        "level",
        0,
        100000000,
        "Gross industrial output value (工业总产值), in 亿元 (scope, all industry or above designated size, as "
        "the note says)",
    ),
    (
        "leading_industries_scale",
        "先导产业规模",
        "Size of the region's leading (先导) industries",
        "100m-yuan",
        "level",
        0,
        100000000,
        "Size (规模) of the industries the region designates as its leading industries (先导产业), taken "
        "together, in 亿元 (for Shanghai: integrated circuits, biomedicine, artificial intelligence)",
    ),
    (
        "characteristic_industrial_parks",
        "特色产业园区数量",
        "Number of characteristic (specialised) industrial parks",
        "count",
        "count",
        0,
        100000,
        "Characteristic industrial parks (特色产业园区) the region builds",
    ),
    (
        "national_benchmark_smart_factories",
        "国家级标杆智能工厂数量",
        "Number of national benchmark smart factories",
        "count",
        "count",
        0,
        10000,
        "Enterprises of the region rated national benchmark smart factories (标杆智能工厂)",
    ),
    (
        "national_smart_mfg_demo_factories",
        "国家级智能制造示范工厂数量",
        "Number of national smart manufacturing demonstration factories",
        "count",
        "count",
        0,
        10000,
        "Factories of the region named national smart manufacturing demonstration factories (智能制造示范工厂)",
    ),
    (
        "provincial_smart_mfg_demo_factories",
        "省级智能制造示范工厂数量",
        "Number of provincial-level smart manufacturing demonstration factories",
        "count",
        "count",
        0,
        100000,
        "Smart manufacturing demonstration factories recognised at provincial level (市级 in the municipalities)",
    ),
    (
        "industrial_internet_5g_application_scenarios",
        "“5G+工业互联网”创新应用场景数量",
        "Number of '5G + industrial internet' innovative application scenarios",
        "count",
        "count",
        0,
        1000000,
        "Innovative application scenarios of 5G combined with the industrial internet (“5G+工业互联网”) in the region",
    ),
    (
        "press_conferences_in_series",
        "系列新闻发布会场数",
        "Number of press conferences in a series",
        "count",
        "count",
        0,
        1000,
        "Press conferences held in a themed series (for 2022: MIIT's 新时代工业和信息化发展 series); region CN",
    ),
]

# ---------------------------------------------------------------------------------------------
# Observations (mine: O1300-O1699): (id, indicator, region, period, value, comparator, event, derived_by, note)
# ---------------------------------------------------------------------------------------------
OBSERVATIONS = [
    # ---- Jiangsu: chemical industry (Li Feng) ----
    (
        "O1300",
        "chemical_enterprises_closed_or_relocated",
        "CN-JS",
        "2017/2022",
        4804,
        "=",
        E22,
        "",
        f"Closed and withdrawn (关闭退出) since 2017, cumulative up to the 2022-09-23 event; {MT}",
    ),
    (
        "O1301",
        "chemical_enterprises_closed_or_relocated",
        "jiangsu-riverside-8",
        "2017/2022",
        3750,
        "=",
        E22,
        "",
        f"The eight cities along the Yangtze, part of the province's 4,804 (O1300); {MT}",
    ),
    (
        "O1302",
        "member_regions",
        "jiangsu-riverside-8",
        "2022",
        8,
        "=",
        E22,
        "",
        f"the eight cities along the Yangtze River (沿江八市); members not listed as regions, so no member-count relation; {MT}",
    ),
    (
        "O1303",
        "chemical_enterprises_reduction_rate",
        "jiangsu-riverside-8",
        "2017/2022",
        70,
        ">",
        E22,
        "",
        "with a reduction rate of more than 70%: follows the 3,750 of the eight riverside cities, so taken as their "
        "rate (the sentence could also be read as the province's); the base (number of enterprises in 2017) is not "
        f"stated; {MT}",
    ),
    (
        "O1304",
        "chemical_enterprises_closed_or_relocated",
        "jiangsu-yangtze-1km",
        "2017/2022",
        109,
        "=",
        E22,
        "",
        "Withdrawn from within one kilometre of the Yangtze (especially outside chemical parks); span not stated, "
        f"taken as the campaign since 2017 of the same paragraph; {MT}",
    ),
    (
        "O1305",
        "chemical_enterprises_closed_or_relocated",
        "taihu-first-level-protection-zone",
        "2021-12-31",
        228,
        "=",
        E22,
        "",
        f"Shut down and moved out (关停转移), cumulative as of end-2021; start of the count not stated; {MT}",
    ),
    (
        "O1306",
        "chemical_enterprises_closed_or_relocated",
        "jiangsu-grand-canal",
        "2021-12-31",
        13,
        "=",
        E22,
        "",
        f"Shut down, cumulative as of end-2021 (same sentence as O1305); start of the count not stated; {MT}",
    ),
    (
        "O1307",
        "chemical_enterprises_closed_or_relocated",
        "jiangsu-tongyu-river",
        "2021-12-31",
        21,
        "=",
        E22,
        "",
        f"Closed and relocated, cumulative as of end-2021 (same sentence as O1305); start of the count not stated; {MT}",
    ),
    (
        "O1308",
        "chemical_parks",
        "CN-JS",
        "2017",
        54,
        "=",
        E22,
        "",
        "Number before the 'one park, one policy' renovation (reduced from 54 to 29); the base year is not stated: "
        f"taken as 2017, the start of the chemical-industry campaign named in the same answer ('Since 2017'); {MT}",
    ),
    ("O1309", "chemical_parks", "CN-JS", "2022", 29, "=", E22, "", f"After the renovation; {STOCK}; {MT}"),
    (
        "O1310",
        "chemical_parks_reduction",
        "CN-JS",
        "2017/2022",
        25,
        "=",
        E22,
        "R0200",
        "Derived: 54 - 29 = 25 (reduced from 54 to 29); base year as in O1308",
    ),
    (
        "O1311",
        "chemical_parks_in_national_top30",
        "CN-JS",
        "2021",
        9,
        "=",
        E22,
        "",
        f"Jiangsu occupies 9 seats in the 2021 list of China's top 30 chemical industry parks; {MT}",
    ),
    (
        "O1312",
        "chemical_industry_revenue_share_of_mfg",
        "CN-JS",
        "2021",
        9,
        "~",
        E22,
        "",
        f"Stated as 'about 9.0%' (precision 0.05); {MT}",
    ),
    ("O1313", "chemical_industry_profit_share_of_mfg", "CN-JS", "2021", 15.3, "=", E22, "", MT),
    # ---- Chongqing (Yang Zhenghua, English answer) ----
    (
        "O1314",
        "industrial_operating_revenue",
        "chengyu",
        "2019",
        65000,
        "=",
        E22,
        "",
        "the two places: Chongqing and Sichuan as wholes (the sum of the two provinces' enterprises above "
        f"designated size); region chengyu stands for the pair as in O0059; {MT}",
    ),
    (
        "O1315",
        "industrial_operating_revenue",
        "chengyu",
        "2021",
        80000,
        "=",
        E22,
        "",
        f"As O1314 (Chongqing plus Sichuan); {MT}",
    ),
    (
        "O1316",
        "industrial_va_growth",
        "CN-CQ",
        "2022-H1",
        6.3,
        "=",
        E22,
        "",
        f"Year on year; 'higher than the national average in the same period' (national figure not stated); {MT}",
    ),
    (
        "O1317",
        "industrial_va_growth",
        "CN-SC",
        "2022-H1",
        3.6,
        "=",
        E22,
        "",
        f"Year on year; 'higher than the national average in the same period' (national figure not stated); {MT}",
    ),
    (
        "O1318",
        "industrial_cooperation_demo_parks",
        "chengyu",
        "2022",
        20,
        "=",
        E22,
        "",
        f"The first batch of Chengdu-Chongqing industrial cooperation demonstration parks; {STOCK}; {MT}",
    ),
    # ---- Yao Jun (MIIT Planning Department): clusters ----
    (
        "O1319",
        "advanced_mfg_cluster_competition_rounds",
        "CN",
        "2022",
        3,
        "=",
        E22,
        "",
        f"three rounds of competition have been organized; {STOCK}; {MT}",
    ),
    (
        "O1320",
        "advanced_mfg_cluster_competition_preliminary_winners",
        "CN",
        "2022",
        60,
        "=",
        E22,
        "",
        "a total of 60 winning clusters in the preliminary round; the 25 key clusters (O0048) won the finals of the "
        f"first two rounds; {STOCK}; {MT}",
    ),
    (
        "O1321",
        "provinces_with_cluster_support_policies",
        "CN",
        "2022",
        13,
        "=",
        E22,
        "",
        f"13 provinces and cities including Jiangsu, Guangdong and Henan; {STOCK}; {MT}",
    ),
    (
        "O1322",
        "advanced_mfg_clusters_share_of_national_innovation_platforms",
        "CN",
        "2022",
        50,
        "~",
        E22,
        "",
        "nearly 50% of national manufacturing innovation centres, cross-industry cross-field industrial internet "
        "platforms and identification secondary nodes are located in the key clusters (the translation garbles "
        f"the end of the sentence); {MT}",
    ),
    # ---- Jiangsu: clusters (Li Feng, second answer) ----
    (
        "O1323",
        "provincial_key_clusters",
        "CN-JS",
        "2022",
        16,
        "=",
        E22,
        "",
        "The 16 advanced manufacturing clusters of Jiangsu's 2018 guiding opinions, stated twice; "
        f"{STOCK}; {MT}",
    ),
    ("O1324", "cluster_office_member_departments", "CN-JS", "2022", 27, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1325",
        "provincial_industrial_funds_share_for_clusters",
        "CN-JS",
        "2022",
        80,
        "=",
        E22,
        "",
        "80% of the provincial industrial funds of three departments (the translation does not say which) go to "
        f"cluster cultivation; current practice stated at the event; {MT}",
    ),
    (
        "O1326",
        "cluster_promotion_organizations_in_cultivation_pool",
        "CN-JS",
        "2022",
        36,
        "=",
        E22,
        "",
        "'Establish 36 cluster promotion organization cultivation libraries': read as 36 organisations in the "
        f"cultivation pool (培育库); {STOCK}; {MT}",
    ),
    (
        "O1327",
        "cluster_alliance_member_units",
        "CN-JS",
        "2022",
        48,
        "=",
        E22,
        "",
        f"First batch of members of the provincial advanced manufacturing cluster alliance; {STOCK}; {MT}",
    ),
    (
        "O1328",
        "national_advanced_mfg_clusters_in_region",
        "yrd",
        "2022",
        12,
        "=",
        E22,
        "",
        "'jointly cultivate 12 countries in the Yangtze River Delta … Advanced Manufacturing Cluster': 12 national "
        "advanced manufacturing clusters jointly cultivated in the Yangtze River Delta (国家 'national' mistranslated "
        f"as 'countries'); consistent with Jiangsu's 6 = 1/2 of them (R0203); {STOCK}; {MT}",
    ),
    (
        "O1329",
        "provincial_key_clusters_share_of_industry",
        "CN-JS",
        "2021",
        70,
        "~",
        E22,
        "",
        f"The 16 clusters' share of the province's industrial scale; {YEAR21}; {MT}",
    ),
    ("O1330", "national_mfg_innovation_centers", "CN-JS", "2022", 2, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1331",
        "national_new_industrialization_demo_bases",
        "CN-JS",
        "2022",
        30,
        "=",
        E22,
        "",
        f"'30 national new industrial demonstration bases'; {STOCK}; {MT}",
    ),
    (
        "O1332",
        "national_advanced_mfg_clusters_in_region",
        "CN-JS",
        "2022",
        6,
        "=",
        E22,
        "",
        f"6 clusters, including new electric power equipment, shortlisted as national advanced manufacturing clusters; {STOCK}; {MT}",
    ),
    (
        "O1333",
        "national_advanced_mfg_clusters_share_of_wider_region",
        "CN-JS",
        "2022",
        50,
        "=",
        E22,
        "",
        f"1/2 of those of the three provinces and one city of the Yangtze River Delta (wider region: yrd); {MT}",
    ),
    # ---- Liaoning (Feng Wensheng) ----
    (
        "O1334",
        "provincial_mfg_innovation_centers",
        "CN-LN",
        "2022",
        5,
        "=",
        E22,
        "",
        f"Besides the National Robotics Innovation Center; {STOCK}; {MT}",
    ),
    ("O1335", "national_enterprise_tech_centers", "CN-LN", "2022", 44, "=", E22, "", f"{STOCK}; {MT}"),
    ("O1336", "provincial_enterprise_tech_centers", "CN-LN", "2022", 903, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1337",
        "high_value_added_industries_share_change",
        "CN-LN",
        "2012/2021",
        29,
        "=",
        E22,
        "",
        "the proportion of high value-added industries such as biological drugs and medical equipment has increased "
        "by 29 percentage points compared with 2012; end year not stated, taken as 2021, the last full year before "
        "the event; the base of the share is not stated and 29 points is large: the Chinese original is not "
        f"available to check; {MT}",
    ),
    (
        "O1338",
        "ic_equipment_key_regions",
        "CN",
        "2022",
        3,
        "=",
        E22,
        "",
        f"Liaoning is one of the three key regions for integrated circuit equipment in the country; {STOCK}; {MT}",
    ),
    (
        "O1339",
        "industrial_internet_identification_secondary_nodes",
        "CN-LN",
        "2022",
        25,
        "=",
        E22,
        "",
        f"In operation, covering all cities of the province; {STOCK}; {MT}",
    ),
    (
        "O1340",
        "provincial_industrial_internet_platforms",
        "CN-LN",
        "2022",
        33,
        "=",
        E22,
        "",
        f"{STOCK}; {MT}",
    ),
    (
        "O1341",
        "key_process_nc_rate",
        "CN-LN",
        "2022-06-30",
        56.2,
        "=",
        E22,
        "",
        f"As of the end of June 2022; above the national average (not stated); {MT}",
    ),
    (
        "O1342",
        "digital_rd_design_tool_penetration",
        "CN-LN",
        "2022-06-30",
        75.3,
        "=",
        E22,
        "",
        f"As of the end of June 2022; above the national average (not stated); {MT}",
    ),
    ("O1343", "national_green_manufacturing_units", "CN-LN", "2022", 93, "=", E22, "", f"{STOCK}; {MT}"),
    ("O1344", "provincial_green_manufacturing_units", "CN-LN", "2022", 334, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1345",
        "green_mfg_system_integration_project_enterprises",
        "CN-LN",
        "2022",
        10,
        "=",
        E22,
        "",
        f"{STOCK}; {MT}",
    ),
    (
        "O1346",
        "industrial_energy_gap_below_national",
        "CN-LN",
        "2021",
        5.7,
        "=",
        E22,
        "",
        "'the comprehensive energy consumption of industries above the designated size will be 160 million tons of "
        "standard coal, which is 5.7 percentage points lower than the national level': a percentage-point gap cannot "
        "compare an absolute consumption, so the translation lost what the gap measures (presumably the fall in "
        "energy consumption per unit of industrial value added, compared with the national fall); the 160 million "
        "tons of standard coal are not recorded (no unit for tonnes in the dataset, see exclusions_003b); "
        f"{MT}",
    ),
    (
        "O1347",
        "conference_editions_held",
        "CN-LN",
        "2022",
        3,
        "=",
        E22,
        "",
        f"The Global Industrial Internet Conference (全球工业互联网大会), held three years in a row; {STOCK}; {MT}",
    ),
    ("O1348", "national_sme_innovation_demo_bases", "CN-LN", "2022", 33, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1349",
        "sme_public_service_demo_platforms",
        "CN-LN",
        "2022",
        50,
        "=",
        E22,
        "",
        f"Level not stated (follows the national-level bases in the same sentence); {STOCK}; {MT}",
    ),
    ("O1350", "provincial_specialized_new_products", "CN-LN", "2022", 5248, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1351",
        "provincial_specialized_new_smes",
        "CN-LN",
        "2022",
        1131,
        "=",
        E22,
        "",
        f"'1,131 small and medium-sized enterprises' in the list of provincial 专精特新 items; {STOCK}; {MT}",
    ),
    (
        "O1352",
        "provincial_little_giant_enterprises",
        "CN-LN",
        "2022",
        524,
        "=",
        E22,
        "",
        f"'524 \"little giant\" enterprises' in the list of provincial items; {STOCK}; {MT}",
    ),
    (
        "O1353",
        "little_giant_enterprises",
        "CN-LN",
        "2022",
        287,
        "=",
        E22,
        "",
        f"National level; {STOCK}; {MT}",
    ),
    ("O1354", "mfg_single_champion_enterprises", "CN-LN", "2022", 24, "=", E22, "", f"{STOCK}; {MT}"),
    (
        "O1355",
        "provincial_key_clusters",
        "CN-LN",
        "2022",
        22,
        "=",
        E22,
        "",
        f"22 key industrial clusters of the three-year action plan (2022-2024); {MT}",
    ),
    (
        "O1356",
        "digital_workshops_smart_factories",
        "CN-LN",
        "2022/2024",
        400,
        "=",
        E22,
        "",
        f"To be built within 3 years: {TARGET}; {MT}",
    ),
    (
        "O1357",
        "service_mfg_demo_enterprises",
        "CN-LN",
        "2022/2024",
        100,
        "=",
        E22,
        "",
        "'cultivate 100 provincial It will become a first-class service-oriented manufacturing demonstration "
        f"enterprise': 100 provincial service-oriented manufacturing demonstration enterprises (garbled); {TARGET}; {MT}",
    ),
    ("O1358", "old_industrial_brands_revitalized", "CN-LN", "2022/2024", 60, ">", E22, "", f"{TARGET}; {MT}"),
    ("O1359", "chemical_refinement_rate", "CN-LN", "2024", 48, "=", E22, "", f"{TARGET}; {MT}"),
    (
        "O1360",
        "new_metallurgical_materials_revenue_share",
        "CN-LN",
        "2024",
        28,
        "=",
        E22,
        "",
        f"'the operating income of new metallurgical materials will account for increased to 28%' (base not stated, presumably the metallurgical industry); {TARGET}; {MT}",
    ),
    (
        "O1361",
        "high_end_equipment_share",
        "CN-LN",
        "2024",
        27.5,
        "=",
        E22,
        "",
        f"'the proportion of high-end equipment will increase to 27.5%' (base not stated, presumably equipment manufacturing); {TARGET}; {MT}",
    ),
    (
        "O1362",
        "industrial_internet_platforms",
        "CN-LN",
        "2022/2024",
        60,
        ">",
        E22,
        "",
        f"To be built within three years (level not stated); {TARGET}; {MT}",
    ),
    # ---- Henan (Zhu Ming) ----
    (
        "O1363",
        "industrial_va",
        "CN-HA",
        "2021",
        18000,
        ">",
        E22,
        "",
        f"exceeded 1.8 trillion yuan, 'ranking fifth in the country in total' (the rank is not recorded: not a quantity); {YEAR21}; {MT}",
    ),
    (
        "O1364",
        "industrial_divisions",
        "CN",
        "2022",
        41,
        "=",
        E22,
        "",
        f"the 41 major industrial categories (大类) of the classification; same count as O0076 (2024); {MT}",
    ),
    ("O1365", "industrial_divisions_present", "CN-HA", "2022", 40, "=", E22, "", f"40 of the 41; {MT}"),
    (
        "O1366",
        "industrial_groups",
        "CN",
        "2022",
        207,
        "=",
        E22,
        "",
        f"the 207 middle categories (中类); {MT}",
    ),
    ("O1367", "industrial_groups_present", "CN-HA", "2022", 197, "=", E22, "", f"197 of the 207; {MT}"),
    (
        "O1368",
        "national_green_design_products",
        "CN-HA",
        "2022",
        62,
        "=",
        E22,
        "",
        f"'a total of 62 models of national-level green design products'; {STOCK}; {MT}",
    ),
    ("O1369", "green_factories", "CN-HA", "2022", 138, "=", E22, "", f"National level; {STOCK}; {MT}"),
    ("O1370", "green_industrial_parks", "CN-HA", "2022", 12, "=", E22, "", f"{STOCK}; {MT}"),
    ("O1371", "green_supply_chain_enterprises", "CN-HA", "2022", 14, "=", E22, "", f"{STOCK}; {MT}"),
    ("O1372", "provincial_specialized_new_smes", "CN-HA", "2022", 2200, ">", E22, "", f"{STOCK}; {MT}"),
    (
        "O1373",
        "little_giant_enterprises",
        "CN-HA",
        "2022",
        207,
        "=",
        E22,
        "",
        f"National level; {STOCK}; {MT}",
    ),
    # ---- Beijing (Peng Xuehai, answer left in Chinese) ----
    (
        "O1374",
        "high_tech_mfg_va_growth",
        "CN-BJ",
        "2015",
        6.7,
        "=",
        E22,
        "",
        "高技术制造业增加值同比增速从2015年的6.7%…; stated only in S003 (the Chinese answers of the transcript)",
    ),
    (
        "O1375",
        "high_tech_mfg_va_growth",
        "CN-BJ",
        "2021",
        10,
        "=",
        E22,
        "",
        "…提升到2021年的10%; stated only in S003 (the Chinese answers of the transcript)",
    ),
    (
        "O1376",
        "industrial_revenue_per_employee",
        "CN-BJ",
        "2015",
        172.7,
        "=",
        E22,
        "",
        "规模以上工业企业人均创收; stated only in S003 (the Chinese answers of the transcript)",
    ),
    (
        "O1377",
        "industrial_revenue_per_employee",
        "CN-BJ",
        "2021",
        359.1,
        "=",
        E22,
        "",
        "规模以上工业企业人均创收; stated only in S003 (the Chinese answers of the transcript)",
    ),
    (
        "O1378",
        "national_mfg_innovation_centers",
        "CN-BJ",
        "2022",
        3,
        "=",
        E22,
        "",
        f"推动创建国家级制造业创新中心3家; {STOCK}",
    ),
    ("O1379", "national_enterprise_tech_centers", "CN-BJ", "2022", 97, "=", E22, "", STOCK),
    (
        "O1380",
        "provincial_enterprise_tech_centers",
        "CN-BJ",
        "2022",
        858,
        "=",
        E22,
        "",
        f"市级企业技术中心 (municipal level of Beijing, a provincial-level municipality); {STOCK}",
    ),
    # ---- Shanghai (Zhang Hongtao, answer left in Chinese) ----
    ("O1381", "industrial_va", "CN-SH", "2021", 10000, ">", E22, "", f"突破1万亿元; {YEAR21}"),
    (
        "O1382",
        "gross_industrial_output",
        "CN-SH",
        "2021",
        42000,
        ">",
        E22,
        "",
        f"工业总产值超过4.2万亿元 (scope not stated); {YEAR21}",
    ),
    (
        "O1383",
        "strategic_emerging_industries_share",
        "CN-SH",
        "2021",
        40,
        ">",
        E22,
        "",
        f"战略性新兴产业制造业产值占规上工业总产值的比重: measured by output value; {YEAR21}",
    ),
    (
        "O1384",
        "leading_industries_scale",
        "CN-SH",
        "2021",
        12700,
        "=",
        E22,
        "",
        f"三大先导产业 (集成电路、生物医药、人工智能) 规模; {YEAR21}",
    ),
    (
        "O1385",
        "characteristic_industrial_parks",
        "CN-SH",
        "2022",
        53,
        "=",
        E22,
        "",
        f"高水平推进建设; {STOCK}",
    ),
    (
        "O1386",
        "national_mfg_innovation_centers",
        "CN-SH",
        "2022",
        2,
        "=",
        E22,
        "",
        f"集成电路、智能传感器; {STOCK}",
    ),
    (
        "O1387",
        "national_benchmark_smart_factories",
        "CN-SH",
        "2022",
        2,
        "=",
        E22,
        "",
        f"汽车、新材料领域2家企业; {STOCK}",
    ),
    ("O1388", "national_smart_mfg_demo_factories", "CN-SH", "2022", 5, "=", E22, "", STOCK),
    ("O1389", "provincial_smart_mfg_demo_factories", "CN-SH", "2022", 60, "=", E22, "", f"市级; {STOCK}"),
    (
        "O1390",
        "industrial_internet_platforms",
        "CN-SH",
        "2022",
        26,
        "=",
        E22,
        "",
        f"航天、船舶等领域; {STOCK}",
    ),
    (
        "O1391",
        "industrial_internet_5g_application_scenarios",
        "CN-SH",
        "2022",
        500,
        ">",
        E22,
        "",
        f"“5G+工业互联网” (the + is lost in the text: “5G 工业互联网”); {STOCK}",
    ),
    # ---- closing words (Cheng Xiaoming, Chinese) ----
    (
        "O1392",
        "press_conferences_in_series",
        "CN",
        "2022",
        10,
        "=",
        E22,
        "",
        "到今天10场发布会已经全部结束: the 新时代工业和信息化发展 series, held over two months, ended with this tenth "
        "conference (a count of the series, not its ordinal name 第十场)",
    ),
]

# Observations of other parts this part attaches to (checked to exist at write time).
FOREIGN_OBS = {
    "O0018",
    "O0048",
    "O0057",
    "O0058",
    "O0059",
    "O0060",
    "O0061",
    "O0062",
    "O0063",
    "O0064",
    "O1703",
    "O1704",
    "O1705",
    "O1706",
    "O1707",
    "O1708",
}

# ---------------------------------------------------------------------------------------------
# Mentions: (id, observation, exact, value_text, value, occurrence, note). value None = the
# observation's value.
# ---------------------------------------------------------------------------------------------
CHEM_3750 = "including 3,750 in the eight cities along the Yangtze River"
PARKS = "the total number was reduced from 54 to 29"
CHEM_SHARE = "In 2021, the total revenue of the chemical industry in the province will account for about 9.0% of the manufacturing industry"
CQ_REV = "From 2019 to 2021, the operating income of industrial enterprises above designated size in the two places increased from 6.5 trillion yuan to 8 trillion yuan"
CQ_H1 = "In the first half of this year, the added value of industrial enterprises above designated size in Chongqing and Sichuan increased by 6.3% and 3.6% year-on-year respectively"
YJ_GATHER = 'At present, 25 key cultivation clusters have gathered nearly 100 individual champion enterprises and thousands of specialized and special new "little giant" enterprises'
JS_SCALE = "The scale of 16 advanced manufacturing clusters accounts for about 70% of the province's industrial scale"
JS_CENTERS = (
    "it has 2 national manufacturing innovation centers and 30 national new industrial demonstration bases"
)
JS_HALF = "accounting for 1/2 of the three provinces and one city in the Yangtze River Delta"
LN_TECH = "It has cultivated 44 national enterprise technology centers and 903 provincial-level ones"
LN_RATES = "As of the end of June this year, the province's key process numerical control rate and digital R&D design tool penetration rate reached 56.2% and 75.3% respectively"
LN_GREEN = "Cultivate 93 national-level green manufacturing units and 334 provincial-level units"
LN_ENERGY = "In 2021, the comprehensive energy consumption of industries above the designated size will be 160 million tons of standard coal, which is 5.7 percentage points lower than the national level"
HA_CATS = "It has 40 of the 41 major industrial categories and 197 of the 207 middle categories"
HA_ENT = "It has 5 enterprises with operating income exceeding 100 billion yuan and 53 enterprises with 10 billion yuan"
BJ_HT = "高技术制造业增加值同比增速从2015年的6.7%提升到2021年的10%"
BJ_REV = "规模以上工业企业人均创收从2015年的172.7万元提升到2021年的359.1万元"
BJ_CENTERS = "推动创建国家级制造业创新中心3家、国家企业技术中心97家、市级企业技术中心858家"
SH_FACT = "培育5家国家级智能制造示范工厂、60家市级工厂"
MENTIONS = [
    # ---- Jiangsu: chemical industry ----
    (
        "M003-0500",
        "O1300",
        "Since 2017, a total of 4,804 chemical enterprises have been closed and exited in the province",
        "4,804",
        None,
        None,
        "",
    ),
    ("M003-0501", "O1301", CHEM_3750, "3,750", None, None, "part of the 4,804 (including)"),
    ("M003-0502", "O1302", CHEM_3750, "eight cities", None, None, "member count of the group"),
    ("M003-0503", "O1303", "with a reduction rate of more than 70%", "more than 70%", None, None, ""),
    (
        "M003-0504",
        "O1304",
        "Continue to promote the withdrawal of 109 chemical companies along the one kilometer of the river, especially outside the park",
        "109",
        None,
        None,
        "'one kilometer' defines the zone (the region jiangsu-yangtze-1km), not a figure of its own",
    ),
    (
        "M003-0505",
        "O1305",
        "As of the end of 2021, the province has shut down and transferred 228 chemical companies in the first-level protection zone of Taihu Lake",
        "228",
        None,
        None,
        "",
    ),
    (
        "M003-0506",
        "O1306",
        "shut down 13 companies along the Beijing-Hangzhou Grand Canal",
        "13",
        None,
        None,
        "'As of the end of 2021' of the same sentence applies",
    ),
    (
        "M003-0507",
        "O1307",
        "closed and relocated 21 companies along the Tongyu River",
        "21",
        None,
        None,
        "'As of the end of 2021' of the same sentence applies",
    ),
    ("M003-0508", "O1308", PARKS, "54", None, None, ""),
    ("M003-0509", "O1309", PARKS, "29", None, None, ""),
    (
        "M003-0510",
        "O1311",
        "In the top 30 list of China's chemical industry parks in 2021, Jiangsu occupies 9 seats",
        "9 seats",
        None,
        None,
        "'top 30' names the list (中国化工园区30强): part of the indicator, not a figure of its own",
    ),
    ("M003-0511", "O1312", CHEM_SHARE, "about 9.0%", None, None, ""),
    (
        "M003-0512",
        "O1313",
        "while the total profit will account for 15.3%",
        "15.3%",
        None,
        None,
        "In 2021, of the manufacturing industry (previous clause)",
    ),
    # ---- Chongqing (English) ----
    ("M003-0513", "O1314", CQ_REV, "6.5 trillion yuan", None, None, "2019"),
    ("M003-0514", "O1315", CQ_REV, "8 trillion yuan", None, None, "2021"),
    (
        "M003-0515",
        "O0059",
        CQ_REV,
        "two places",
        None,
        None,
        "member count: Chongqing and Sichuan (成渝两地); later anaphoric uses of 'the two places' are not counted again",
    ),
    ("M003-0516", "O1316", CQ_H1, "6.3%", None, None, "Chongqing"),
    ("M003-0517", "O1317", CQ_H1, "3.6%", None, None, "Sichuan"),
    (
        "M003-0518",
        "O1318",
        "deploy the first batch of 20 industrial cooperation demonstration parks",
        "20",
        None,
        None,
        "",
    ),
    # ---- Yao Jun ----
    (
        "M003-0519",
        "O1319",
        "At present, three rounds of competition have been organized",
        "three rounds",
        None,
        None,
        "",
    ),
    (
        "M003-0520",
        "O1320",
        "a total of 60 winning clusters have been produced in the preliminary round",
        "60",
        None,
        None,
        "",
    ),
    (
        "M003-0521",
        "O0048",
        "25 clusters have won the first two rounds of cluster finals as key cultivation targets",
        "25 clusters",
        None,
        None,
        "'first two rounds' names the rounds the 25 won, not a figure of its own",
    ),
    (
        "M003-0522",
        "O1321",
        "13 provinces and cities including Jiangsu, Guangdong, and Henan issued policy documents to support the cultivation and development of clusters",
        "13 provinces and cities",
        None,
        None,
        "",
    ),
    ("M003-0523", "O0048", YJ_GATHER, "25 key cultivation clusters", None, None, ""),
    (
        "M003-0524",
        "O0063",
        YJ_GATHER,
        "nearly 100",
        None,
        None,
        "individual champion = 单项冠军 (single champion)",
    ),
    (
        "M003-0525",
        "O0064",
        YJ_GATHER,
        "thousands",
        1000,
        None,
        "'thousands of' translates 上千家 (reaching a thousand, O0064 >= 1000); value: what the translator meant (see D200, D201)",
    ),
    (
        "M003-0526",
        "O1322",
        "nearly 50% of national manufacturing innovation centers, cross-industry and cross-field industrial Internet platforms, and industrial Internet logos Analyze the layout and construction of secondary nodes in key clusters",
        "nearly 50%",
        None,
        None,
        "garbled: 'industrial Internet logos Analyze … secondary nodes' = 工业互联网标识解析二级节点 (identification resolution secondary nodes)",
    ),
    # ---- Jiangsu: clusters ----
    ("M003-0527", "O1323", "focusing on building 16 advanced manufacturing clusters", "16", None, None, ""),
    (
        "M003-0528",
        "O1324",
        "The provincial advanced manufacturing cluster cultivation work office composed of 27 provincial departments was established",
        "27",
        None,
        None,
        "",
    ),
    (
        "M003-0529",
        "O1325",
        "80% of the provincial industrial financial funds of the three departments focus on supporting cluster cultivation",
        "80%",
        None,
        None,
        "'the three departments' scopes the funds (departments not named): not a figure of its own",
    ),
    (
        "M003-0530",
        "O1326",
        "Establish 36 cluster promotion organization cultivation libraries",
        "36",
        None,
        None,
        "",
    ),
    ("M003-0531", "O1327", "The first batch of 48 units have participated.", "48 units", None, None, ""),
    (
        "M003-0532",
        "O1328",
        "jointly cultivate 12 countries in the Yangtze River Delta",
        "12 countries",
        None,
        None,
        "mistranslation: 12个国家(先进制造业集群) = 12 national (advanced manufacturing clusters), rendered as '12 countries'; the subject 'Advanced Manufacturing Cluster' ends the sentence",
    ),
    ("M003-0533", "O1323", JS_SCALE, "16", None, None, ""),
    ("M003-0534", "O1329", JS_SCALE, "about 70%", None, None, ""),
    ("M003-0535", "O1330", JS_CENTERS, "2", None, None, ""),
    ("M003-0536", "O1331", JS_CENTERS, "30", None, None, ""),
    (
        "M003-0537",
        "O1332",
        "6 clusters, including new electric power equipment, were shortlisted for the national advanced manufacturing clusters",
        "6 clusters",
        None,
        None,
        "",
    ),
    ("M003-0538", "O1333", JS_HALF, "1/2", None, None, "of the national clusters of the Yangtze River Delta"),
    (
        "M003-0539",
        "O0018",
        JS_HALF,
        "three provinces and one city",
        4,
        None,
        "member count: 三省一市 = 3 + 1 = 4",
    ),
    # ---- Liaoning ----
    (
        "M003-0540",
        "O1334",
        "Created the National Robotics Innovation Center and 5 provincial manufacturing innovation centers",
        "5",
        None,
        None,
        "",
    ),
    ("M003-0541", "O1335", LN_TECH, "44", None, None, ""),
    ("M003-0542", "O1336", LN_TECH, "903", None, None, ""),
    (
        "M003-0543",
        "O1337",
        "the proportion of high value-added industries such as biological drugs and medical equipment in the province has increased by 29 percentage points compared with 2012",
        "29 percentage points",
        None,
        None,
        "",
    ),
    (
        "M003-0544",
        "O1338",
        "Liaoning has become one of the three key regions for integrated circuit equipment in the country",
        "three key regions",
        None,
        None,
        "",
    ),
    (
        "M003-0545",
        "O1339",
        "25 second-level nodes for industrial Internet identification analysis in the province have been put into operation",
        "25",
        None,
        None,
        "",
    ),
    (
        "M003-0546",
        "O1340",
        "Cultivate 33 provincial-level industrial Internet platforms",
        "33",
        None,
        None,
        "",
    ),
    ("M003-0547", "O1341", LN_RATES, "56.2%", None, None, "key process numerical control rate"),
    ("M003-0548", "O1342", LN_RATES, "75.3%", None, None, "digital R&D design tool penetration rate"),
    ("M003-0549", "O1343", LN_GREEN, "93", None, None, ""),
    ("M003-0550", "O1344", LN_GREEN, "334", None, None, ""),
    (
        "M003-0551",
        "O1345",
        "10 enterprises undertook the national green manufacturing system integration project",
        "10 enterprises",
        None,
        None,
        "",
    ),
    (
        "M003-0552",
        "O1346",
        LN_ENERGY,
        "5.7 percentage points",
        None,
        None,
        "the translation lost what the 5.7-point gap measures; '160 million tons of standard coal' is a figure the dataset cannot hold (no tonnes unit; see exclusions_003b)",
    ),
    (
        "M003-0553",
        "O1347",
        "The Global Industrial Internet Conference has been successfully held for three consecutive years",
        "three consecutive years",
        None,
        None,
        "",
    ),
    (
        "M003-0554",
        "O1348",
        "Cultivate 33 national-level small, medium and micro enterprise entrepreneurship and innovation demonstration bases",
        "33",
        None,
        None,
        "",
    ),
    (
        "M003-0555",
        "O1349",
        "and 50 public service demonstration platforms for small and medium-sized enterprises",
        "50",
        None,
        None,
        "",
    ),
    (
        "M003-0556",
        "O1350",
        '5,248 provincial-level "specialized, special and new" products and technologies',
        "5,248",
        None,
        None,
        "",
    ),
    ("M003-0557", "O1351", "1,131 small and medium-sized enterprises", "1,131", None, None, ""),
    ("M003-0558", "O1352", '524 "little giant" enterprises', "524", None, None, ""),
    (
        "M003-0559",
        "O1353",
        '287 enterprises were awarded the national specialization, special new "little giant" enterprise',
        "287 enterprises",
        None,
        None,
        "",
    ),
    (
        "M003-0560",
        "O1354",
        "24 enterprises were awarded the national Manufacturing single champion",
        "24 enterprises",
        None,
        None,
        "",
    ),
    (
        "M003-0561",
        "O1355",
        "world-class metallurgical new material industry base and 22 key industrial clusters",
        "22",
        None,
        None,
        "",
    ),
    (
        "M003-0562",
        "O1356",
        "Within 3 years, we will build 400 digital workshops and smart factories",
        "400",
        None,
        None,
        "'Within 3 years' is the plan's horizon (time reference)",
    ),
    (
        "M003-0563",
        "O1357",
        "cultivate 100 provincial It will become a first-class service-oriented manufacturing demonstration enterprise",
        "100",
        None,
        None,
        "garbled translation",
    ),
    ("M003-0564", "O1358", "revitalize more than 60 old industrial brands", "more than 60", None, None, ""),
    (
        "M003-0565",
        "O1359",
        "Within three years, the chemical refinement rate will reach 48%",
        "48%",
        None,
        None,
        "",
    ),
    (
        "M003-0566",
        "O1360",
        "the operating income of new metallurgical materials will account for increased to 28%",
        "28%",
        None,
        None,
        "",
    ),
    (
        "M003-0567",
        "O1361",
        "Within three years, the proportion of high-end equipment will increase to 27.5%",
        "27.5%",
        None,
        None,
        "",
    ),
    (
        "M003-0568",
        "O1362",
        "more than 60 industrial Internet platforms will be built",
        "more than 60",
        None,
        None,
        "",
    ),
    # ---- Henan ----
    (
        "M003-0569",
        "O1363",
        "The added value of industrial enterprises above designated size in Henan Province exceeded 1.8 trillion yuan",
        "exceeded 1.8 trillion yuan",
        None,
        None,
        "",
    ),
    ("M003-0570", "O1365", HA_CATS, "40", None, None, ""),
    ("M003-0571", "O1364", HA_CATS, "41", None, None, ""),
    ("M003-0572", "O1367", HA_CATS, "197", None, None, ""),
    ("M003-0573", "O1366", HA_CATS, "207", None, None, ""),
    (
        "M003-0574",
        "O1704",
        "The series of China (Zhengzhou) industrial transfer docking activities have been held for 6 consecutive years",
        "6 consecutive years",
        None,
        None,
        "",
    ),
    (
        "M003-0575",
        "O1705",
        "In the past ten years, the province has actually allocated 2.48 trillion yuan of foreign funds",
        "2.48 trillion yuan",
        None,
        None,
        "'foreign funds' mistranslates 省外资金 (funds from outside the province); the value agrees",
    ),
    (
        "M003-0576",
        "O1706",
        "nearly 5,000 projects have been completed",
        "nearly 5,000",
        None,
        None,
        "In the past ten years (same sentence)",
    ),
    (
        "M003-0577",
        "O1707",
        "the proportion of strategic emerging industries has reached 24.0%",
        "24.0%",
        None,
        None,
        "",
    ),
    (
        "M003-0578",
        "O1708",
        "the value-added energy consumption of industries above designated size has dropped by 57%",
        "dropped by 57%",
        None,
        None,
        "energy consumption per unit of value added",
    ),
    (
        "M003-0579",
        "O1368",
        "Henan Province has cultivated a total of 62 models of national-level green design products",
        "62 models",
        None,
        None,
        "",
    ),
    ("M003-0580", "O1369", "established 138 national-level green factories", "138", None, None, ""),
    ("M003-0581", "O1370", "12 green industrial parks", "12", None, None, ""),
    ("M003-0582", "O1371", "14 green supply chain management enterprises", "14", None, None, ""),
    (
        "M003-0583",
        "O0060",
        "it has a national agricultural machinery equipment innovation center and 22 provincial-level manufacturing innovation centers",
        "22",
        None,
        None,
        "",
    ),
    (
        "M003-0584",
        "O0061",
        HA_ENT,
        "5 enterprises",
        None,
        None,
        "'exceeding 100 billion yuan' is the revenue class (超千亿级), part of the indicator",
    ),
    (
        "M003-0585",
        "O0062",
        HA_ENT,
        "53 enterprises",
        None,
        None,
        "'10 billion yuan' is the revenue class (百亿级), part of the indicator",
    ),
    (
        "M003-0586",
        "O1372",
        'It has cultivated more than 2,200 provincial-level "specialized, special and new" small and medium-sized enterprises',
        "more than 2,200",
        None,
        None,
        "",
    ),
    (
        "M003-0587",
        "O1373",
        '207 national specialized, special and new "little giant" enterprises',
        "207",
        None,
        None,
        "",
    ),
    # ---- Beijing (Chinese) ----
    (
        "M003-0588",
        "O0057",
        "培育形成新一代信息技术、科技服务业两个万亿级产业集群",
        "两个",
        None,
        None,
        "万亿级 is the size class of the clusters, not a figure of its own",
    ),
    (
        "M003-0589",
        "O0058",
        "以及智能装备、医药健康、节能环保、人工智能、集成电路五个千亿级产业集群",
        "五个",
        None,
        None,
        "千亿级 is the size class of the clusters, not a figure of its own",
    ),
    ("M003-0590", "O1374", BJ_HT, "6.7%", None, None, "2015"),
    ("M003-0591", "O1375", BJ_HT, "10%", None, None, "2021"),
    ("M003-0592", "O1376", BJ_REV, "172.7万元", None, None, "人均 (per person) precedes the figures"),
    ("M003-0593", "O1377", BJ_REV, "359.1万元", None, None, "人均 (per person) precedes the figures"),
    ("M003-0594", "O1378", BJ_CENTERS, "3家", None, None, ""),
    ("M003-0595", "O1379", BJ_CENTERS, "97家", None, None, ""),
    ("M003-0596", "O1380", BJ_CENTERS, "858家", None, None, ""),
    # ---- Shanghai (Chinese) ----
    (
        "M003-0597",
        "O1381",
        "规模以上工业增加值突破1万亿元",
        "突破1万亿元",
        None,
        None,
        "突破 = broke through (more than)",
    ),
    ("M003-0598", "O1382", "工业总产值超过4.2万亿元", "超过4.2万亿元", None, None, ""),
    (
        "M003-0599",
        "O1383",
        "战略性新兴产业制造业产值占规上工业总产值的比重超过40%",
        "超过40%",
        None,
        None,
        "",
    ),
    (
        "M003-0600",
        "O1384",
        "三大先导产业规模达到1.27万亿元",
        "1.27万亿元",
        None,
        None,
        "三大 counts the named industries (enumeration)",
    ),
    ("M003-0601", "O1385", "高水平推进建设53个特色产业园区", "53个", None, None, ""),
    ("M003-0602", "O1386", "创建集成电路、智能传感器2个国家制造业创新中心", "2个", None, None, ""),
    ("M003-0603", "O1387", "汽车、新材料领域2家企业获评国家级标杆智能工厂", "2家", None, None, ""),
    ("M003-0604", "O1388", SH_FACT, "5家", None, None, ""),
    ("M003-0605", "O1389", SH_FACT, "60家", None, None, ""),
    ("M003-0606", "O1390", "建设航天、船舶等领域的26个工业互联网平台", "26个", None, None, ""),
    (
        "M003-0607",
        "O1391",
        "“5G 工业互联网”创新应用场景超过500个",
        "超过500个",
        None,
        None,
        "5G names the technology",
    ),
    # ---- Chongqing (Chinese) ----
    (
        "M003-0608",
        "O1703",
        "截至2021年底全市电子信息产业“软件 硬件”营业收入已近万亿元",
        "近万亿元",
        None,
        None,
        "“软件 硬件” = 软件+硬件 (the + is lost in the text)",
    ),
    # ---- closing words ----
    ("M003-0609", "O1392", "到今天10场发布会已经全部结束", "10场", None, None, ""),
]

# ---------------------------------------------------------------------------------------------
# Relations (mine: R0200-R0299): (id, kind, target, operands, tolerance, expected, statement, note)
# ---------------------------------------------------------------------------------------------
RELATIONS = [
    (
        "R0200",
        "difference",
        "O1310",
        "O1308 O1309",
        "half-unit",
        "holds",
        "54 - 29 = 25",
        "S003 (Jiangsu): chemical parks reduced from 54 to 29 → reduction of 25",
    ),
    (
        "R0201",
        "part-of",
        "O1300",
        "O1301",
        "half-unit",
        "holds",
        "3750 <= 4804",
        "S003 (Jiangsu): 4,804 chemical enterprises closed, including 3,750 in the eight riverside cities",
    ),
    (
        "R0202",
        "part-of",
        "O1320",
        "O0048",
        "half-unit",
        "holds",
        "25 <= 60",
        "S003 (Yao Jun): 60 preliminary-round winners; the 25 key clusters won the finals of the first two rounds",
    ),
    (
        "R0203",
        "share",
        "O1333",
        "O1332 O1328",
        "half-unit",
        "holds",
        "100 × 6 / 12 = 50",
        "S003 (Jiangsu): 6 national clusters, 1/2 of the Yangtze River Delta's 12",
    ),
    (
        "R0204",
        "part-of",
        "O1328",
        "O1332",
        "half-unit",
        "holds",
        "6 <= 12",
        "S003 (Jiangsu): Jiangsu's 6 national clusters are among the Yangtze River Delta's 12",
    ),
    (
        "R0205",
        "part-of",
        "O1364",
        "O1365",
        "half-unit",
        "holds",
        "40 <= 41",
        "S003 (Henan): 40 of the 41 major industrial categories",
    ),
    (
        "R0206",
        "part-of",
        "O1366",
        "O1367",
        "half-unit",
        "holds",
        "197 <= 207",
        "S003 (Henan): 197 of the 207 middle categories",
    ),
    (
        "R0207",
        "part-of",
        "O0048",
        "O1328",
        "half-unit",
        "holds",
        "12 <= 25",
        "S003 (Li Feng): the 12 national advanced manufacturing clusters jointly cultivated in the Yangtze River Delta "
        "are among the 25 national key clusters of the time (O0048, the winners of the first two competition rounds); "
        "the part-whole follows from the definition, the text does not state '12 of 25'",
    ),
    (
        "R0208",
        "part-of",
        "O0044",
        "O1331",
        "half-unit",
        "holds",
        "30 <= 445",
        "S003 (Li Feng): Jiangsu's 30 national new-industrialization demonstration bases are among the 445 national "
        "ones (O0044); the part-whole follows from the definition, the text does not state '30 of 445'",
    ),
]

# ---------------------------------------------------------------------------------------------
# Discrepancies (mine: D200-D299): (id, resource, target, error_type, kind, explanation)
# ---------------------------------------------------------------------------------------------
DISCREPANCIES = [
    (
        "D200",
        "mentions",
        "M003-0525",
        "value-text-unparsed",
        "translation-error",
        'S003 (Yao Jun) says the 25 key clusters gathered \'thousands of specialized and special new "little giant" '
        "enterprises'; the Chinese (S001: 上千家专精特新“小巨人”企业, O0064) says 'reaching a thousand'. 'thousands' is "
        "no number the parser reads, and as English it overstates (several thousand); value set to 1000, what the "
        "translator evidently meant.",
    ),
    (
        "D201",
        "mentions",
        "M003-0525",
        "mention-disagrees",
        "translation-error",
        "The unparsed 'thousands' (D200) gives the mention no comparator, so it reads '= 1000' against O0064's '>= 1000' "
        "(上千家): the machine translation turned 'reaching a thousand' into 'thousands'; the value itself agrees.",
    ),
]

# ---------------------------------------------------------------------------------------------
# Coverage exclusions (curation/exclusions_003b.csv): (source_id, text, reason). Each text matches
# every occurrence in S003, so they are kept specific.
# ---------------------------------------------------------------------------------------------
ORDINAL = "list ordinal"
WORD = "word containing a numeral character, not a quantity"
IMG = "image file name between speakers (page chrome)"
EXCLUSIONS = [
    (SID, "7.jpg", IMG),
    (SID, "8.jpg", IMG),
    (SID, "9.jpg", IMG),
    (SID, "10.jpg", IMG),
    (SID, "11.jpg", IMG),
    (
        SID,
        "14th Five-Year Plan",
        "name of a plan (the 14th Five-Year Plan for the High-End Development of the Chemical Industry in Jiangsu Province)",
    ),
    (
        SID,
        '"1 10" cooperation agreement',
        "name of an agreement (the “1+10” cooperation agreement of Chongqing and Sichuan; the + is lost in the translation)",
    ),
    (SID, "held on July 28 this year", "date (time reference) of the Politburo meeting"),
    (SID, "since 2019, guiding", "time reference (since 2019) of a sentence without a figure"),
    # "18th National Congress" (4 times in this span) is excluded by part 003a's exclusions_003a.csv
    (
        SID,
        "In 2018, Jiangsu took the lead",
        "time reference (2018) of the sentence that names the 16 clusters (the figure is covered by its own mention)",
    ),
    (SID, "three-year action plan (2022-2024)", "name and span of a plan (time reference)"),
    (
        SID,
        "160 million tons of standard coal",
        "a figure (Liaoning's 2021 comprehensive energy consumption of industry above designated size, 1.6亿吨标准煤) that the "
        "dataset cannot hold: the indicator unit enum has no tonnes; the 5.7-point gap of the same sentence is M003-0552",
    ),
    # Chinese answers (Beijing, Shanghai, Chongqing, closing words)
    (SID, "十四五", "name of a plan (the 14th Five-Year Plan)"),
    (SID, "十八大", "name of a party congress (the 18th National Congress)"),
    (SID, "一是", ORDINAL),
    (SID, "二是", ORDINAL),
    (SID, "三是", ORDINAL),
    (SID, "四是", ORDINAL),
    (SID, "一大批", WORD + " (一大批 = a large number of)"),
    (SID, "一批", WORD + " (一批 = a group of)"),
    (SID, "5G 8K", "names of technologies (5G mobile network, 8K ultra-high definition)"),
    (
        SID,
        "以集成电路、生物医药、人工智能三大先导产业",
        "number of items of an enumeration (the three named leading industries): discourse structure",
    ),
    (
        SID,
        "六大重点产业",
        "number of items of an enumeration (the six named key industries): discourse structure",
    ),
    (SID, "“3 6”产业体系", "name of Shanghai's “3+6” industrial system (the + is lost in the text)"),
    (SID, "一体化", WORD + " (integration)"),
    (SID, "下一步", WORD + " (next step)"),
    (SID, "进一步", WORD + " (further)"),
    (SID, "这两个月来", "time reference (these two months)"),
    (SID, "一般制造业", WORD + " (一般制造业 = general manufacturing)"),
    (SID, "长三角", "place name (Yangtze River Delta)"),
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
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
EXC_PATH = ROOT / "curation" / "exclusions_003b.csv"


def mine_obs(oid: str) -> bool:
    return 1300 <= int(oid[1:]) <= 1699


def mine_men(mid: str) -> bool:
    return mid.startswith("M003-") and 500 <= int(mid[5:]) <= 999


def mine_rel(rid: str) -> bool:
    return 200 <= int(rid[1:]) <= 299


def mine_dis(did: str) -> bool:
    return 200 <= int(did[1:]) <= 299


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


# ---- half-unit interval arithmetic (as in curate_zh.py) ----
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


def check_relation(rel: dict[str, str], obs: dict[str, dict[str, str]]) -> bool:
    t = obs[rel["target"]]
    iv = [interval(obs[o]) for o in rel["operands"].split()]
    T = interval(t)
    kind = rel["kind"]
    if kind == "difference":
        a, b = iv
        return overlap(T, (a[0] - b[1], a[1] - b[0]))
    if kind == "ratio":
        return overlap(T, div(iv[0], iv[1]))
    if kind == "share":
        r = div(iv[0], iv[1])
        return overlap(T, (100 * r[0], 100 * r[1]))
    if kind == "part-of":
        return all(o[0] <= T[1] for o in iv) and sum(o[0] for o in iv) <= T[1]
    raise ValueError(kind)


def build(existing_obs: dict[str, dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    ind_rows = [
        dict(zip(columns("indicators"), [i, zh, en, u, k, fmt(lo), fmt(hi), d], strict=True))
        for i, zh, en, u, k, lo, hi, d in INDICATORS
    ]
    obs_rows = [
        dict(zip(columns("observations"), [o, i, r, p, fmt(v), c, e, d, n], strict=True))
        for o, i, r, p, v, c, e, d, n in OBSERVATIONS
    ]
    values = {r["observation_id"]: r["value"] for r in obs_rows}
    values.update({k: v["value"] for k, v in existing_obs.items() if k not in values})
    text = source_text(SID)
    men_rows = []
    for mid, oid, exact, vt, value, occ, note in MENTIONS:
        loc = locate(SID, exact, occ)
        s, e = loc["start"], loc["end"]
        assert text[s:e] == exact, mid
        assert s >= SPAN_START, f"{mid}: outside this part's span"
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
    kept = [r for r in existing if r[key] not in my_ids and not owned(r[key])]
    return sorted(kept + mine, key=lambda r: r[key])


def merge_indicators(existing: list[dict[str, str]], mine: list[dict[str, str]]) -> list[dict[str, str]]:
    """Replace my indicators in place (keep others' order); append new ones."""
    by_id = {r["indicator_id"]: r for r in mine}
    out = [by_id.pop(r["indicator_id"], r) for r in existing]
    return out + [r for r in mine if r["indicator_id"] in by_id]


def other_scripts_indicator_ids() -> set[str]:
    """Indicator ids defined by the other curation scripts (mine must not redefine them)."""
    ids: set[str] = set()
    for p in (ROOT / "tools").glob("curate_*.py"):
        if p.name == Path(__file__).name:
            continue
        src = p.read_text(encoding="utf-8")
        m = re.search(r"^INDICATORS = \[(.*?)^\]", src, re.S | re.M)
        if m:
            ids |= set(re.findall(r'^\s*\(\s*"([a-z0-9_]+)",', m.group(1), re.M))
    return ids


def check(tables: dict[str, list[dict[str, str]]]) -> None:
    def unique(rows, key):
        ids = [r[key] for r in rows]
        dup = {i for i in ids if ids.count(i) > 1}
        assert not dup, f"duplicate {key}: {dup}"

    clash = {i[0] for i in INDICATORS} & other_scripts_indicator_ids()
    assert not clash, f"indicator ids defined by another curation script: {clash}"
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
    regions = {r["region_id"]: r for r in read_csv(ROOT / "data" / "regions.csv")[1]}
    events = {r["event_id"] for r in read_csv(ROOT / "data" / "events.csv")[1]}
    for o in OBSERVATIONS:
        assert mine_obs(o[0]), f"{o[0]} outside O1300-O1699"
    for m in MENTIONS:
        assert mine_men(m[0]), f"{m[0]} outside M003-0500-M003-0999"
        assert mine_obs(m[1]) or m[1] in FOREIGN_OBS, (
            f"{m[0]}: {m[1]} is neither mine nor a listed foreign observation"
        )
    for oid in FOREIGN_OBS:
        assert oid in obs, f"foreign observation {oid} no longer exists"
    for r in RELATIONS:
        assert mine_rel(r[0]), r[0]
    for d in DISCREPANCIES:
        assert mine_dis(d[0]), d[0]
    mentioned = {m["observation_id"] for m in men.values()}
    for r in obs.values():
        oid = r["observation_id"]
        if not mine_obs(oid):
            continue
        i = ind[r["indicator_id"]]
        assert r["region_id"] in regions, oid
        assert r["event_id"] in events, oid
        assert PERIOD_RE.fullmatch(r["period"]), oid
        assert float(i["minimum"]) <= float(r["value"]) <= float(i["maximum"]), oid
        if i["unit"] == "count":
            assert float(r["value"]).is_integer() and float(r["value"]) >= 0, oid
        if r["derived_by"]:
            assert r["derived_by"] in rels and rels[r["derived_by"]]["target"] == oid, oid
            assert oid not in mentioned, f"{oid} is derived but has a mention"
        else:
            assert oid in mentioned, f"{oid} has neither a mention nor derived_by"
    for m in men.values():
        assert m["observation_id"] in obs, m["mention_id"]
        assert m["mention_id"][1:4] == m["source_id"][1:], m["mention_id"]
    for r in rels.values():
        assert r["target"] in obs, r["relation_id"]
        for o in r["operands"].split():
            assert o in obs, (r["relation_id"], o)
        assert r["expected"] == "holds" or r["expected"] in dis, r["relation_id"]
        if not mine_rel(r["relation_id"]):
            continue
        ok = check_relation(r, obs)
        assert ok == (r["expected"] == "holds"), (
            f"{r['relation_id']}: arithmetic gives {ok}, expected {r['expected']}"
        )
    for d in dis.values():
        table = {"relations": rels, "mentions": men, "observations": obs}[d["resource"]]
        assert d["target"] in table, d["discrepancy_id"]
    for mid in (m[0] for m in MENTIONS):
        m = men[mid]
        i = ind[obs[m["observation_id"]]["indicator_id"]]
        assert float(i["minimum"]) <= float(m["value"]) <= float(i["maximum"]), mid
    text = source_text(SID)
    for e in tables["exclusions"]:
        assert e["text"] in text, e
    others = {
        (r["source_id"], r["text"])
        for p in (ROOT / "curation").glob("exclusions*.csv")
        if p != EXC_PATH
        for r in read_csv(p)[1]
    }
    dup = {(e["source_id"], e["text"]) for e in tables["exclusions"]} & others
    assert not dup, f"exclusions already listed in another exclusions file: {dup}"


def parser_report(tables) -> list[str]:
    """value_text checked with miitdata.numbers (when it exists): to_unit(parse(vt), unit) ≈ value."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from miitdata.numbers import NumberParseError, agrees, parse, to_unit
    except ImportError:
        return ["(miitdata.numbers not available: value_texts not checked)"]
    ind = {r["indicator_id"]: r for r in tables["indicators"]}
    obs = {r["observation_id"]: r for r in tables["observations"]}
    out = []
    for m in tables["mentions"]:
        if not mine_men(m["mention_id"]):
            continue
        unit = ind[obs[m["observation_id"]]["indicator_id"]]["unit"]
        try:
            n = parse(m["value_text"])
            v, p = to_unit(n, unit)
        except NumberParseError as exc:
            out.append(f"{m['mention_id']}: UNPARSED {m['value_text']!r} ({unit}): {exc}")
            continue
        if not agrees(v, float(m["value"]), p):
            out.append(f"{m['mention_id']}: MISMATCH {m['value_text']!r} -> {v} ± {p}, value {m['value']}")
        o = obs[m["observation_id"]]
        if n.comparator != o["comparator"] and not ({n.comparator, o["comparator"]} <= {"=", "~"}):
            out.append(f"{m['mention_id']}: comparator {n.comparator} vs observation {o['comparator']}")
    return out


def coverage(tables) -> list[str]:
    text = source_text(SID)
    covered = [False] * len(text)
    for m in tables["mentions"]:
        if m["source_id"] == SID:
            for i in range(int(m["start"]), int(m["end"])):
                covered[i] = True
    exc = [
        r
        for p in sorted((ROOT / "curation").glob("exclusions*.csv"))
        for r in read_csv(p)[1]
        if p != EXC_PATH
    ] + tables["exclusions"]
    for e in exc:
        if e["source_id"] in (SID, "*"):
            i = text.find(e["text"])
            while i != -1:
                for k in range(i, i + len(e["text"])):
                    covered[k] = True
                i = text.find(e["text"], i + 1)
    return [
        f"@{i} {ch!r}: …{text[max(0, i - 25) : i + 25]!r}…"
        for i, ch in enumerate(text)
        if i >= SPAN_START and (ch.isdigit() or ch in CN_NUMERALS) and not covered[i]
    ]


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp003b")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def main() -> None:
    lock = open(ROOT / ".curation.lock", "w")  # noqa: SIM115  (held until exit)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        existing = {
            name: read_csv(ROOT / SCHEMAS[name]["path"])[1]
            for name in ["indicators", "observations", "mentions", "relations", "discrepancies"]
        }
        mine = build({r["observation_id"]: r for r in existing["observations"]})
        tables = {
            "indicators": merge_indicators(existing["indicators"], mine["indicators"]),
            "observations": merge(existing["observations"], mine["observations"], "observation_id", mine_obs),
            "mentions": merge(existing["mentions"], mine["mentions"], "mention_id", mine_men),
            "relations": merge(existing["relations"], mine["relations"], "relation_id", mine_rel),
            "discrepancies": merge(
                existing["discrepancies"], mine["discrepancies"], "discrepancy_id", mine_dis
            ),
            "exclusions": mine["exclusions"],
        }
        check(tables)
        for line in parser_report(tables):
            print("numbers:", line)
        gaps = coverage(tables)
        for g in gaps:
            print("uncovered:", g)
        if "--check" in sys.argv:
            print("ok (nothing written)")
            return
        for name in ["indicators", "observations", "mentions", "relations", "discrepancies"]:
            write(ROOT / SCHEMAS[name]["path"], columns(name), tables[name])
        write(EXC_PATH, ["source_id", "text", "reason"], tables["exclusions"])
        print({k: len(v) for k, v in mine.items()}, "uncovered:", len(gaps))
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


if __name__ == "__main__":
    main()
