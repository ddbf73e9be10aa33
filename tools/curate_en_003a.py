# ruff: noqa: E501  (data rows quote long clauses verbatim; wrapping them would hurt review)
"""Curation II, part 003a: every figure in S003 (the English machine-translated transcript),
characters [0, 34889): page top, Cheng Xiaoming's opening, Wang Wei's introduction and answer,
and the answers of Beijing (Peng Xuehai), Shanghai (Zhang Hongtao) and Guangdong (Wu Dongwen), up
to (not including) the "7.jpg / Li Feng, Jiangsu" speaker block.

    /work/venv/bin/python tools/curate_en_003a.py          # check everything, then write the tables
    /work/venv/bin/python tools/curate_en_003a.py --check  # check only, write nothing

Modelled on tools/curate_zh.py. This script is the reviewable record of this part: the indicators
it adds, observations O0900-O1299, mentions M003-0001-M003-0499, relations R0100-R0199,
discrepancies D100-D199 and the coverage exclusions in curation/exclusions_003a.csv. Offsets are
never typed: `tools.quote.locate` computes them. Every other row of data/*.csv is kept as it is.
The read-merge-write runs under an exclusive lock on .curation.lock (other curation scripts
write the same CSVs), re-reading the CSVs inside the lock; it and the validation of the merged
tables with `miitdata validate` are tools/curation.py's. This script adds what the validator does
not check: its ids lie in its ranges, its mentions in its span, every exact on one line, the
indicators it shares keep their unit and kind, its exclusions occur in S003, and every digit and
Chinese numeral of S003[0:34889) is covered.

Mentions of facts already in the dataset (the 2022 figures of S000/S001, O0001-O0093) attach to
those observations: one fact, one observation, however many documents and languages state it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import curation
from tools.curation import ROOT

SOURCE = "S003"
SPAN = (0, 34889)  # this part's share of S003: up to the "7.jpg" speaker block of Li Feng (Jiangsu)
E22 = "2022-09-23-miit"
THIRD = 100 / 3  # 1/3 in percent, as in curate_zh.py (shortest repr of the float)
OBS_RANGE = (900, 1299)
MEN_RANGE = (1, 499)
REL_RANGE = (100, 199)
DIS_RANGE = (100, 199)
EXCLUSIONS_FILE = ROOT / "curation" / "exclusions_003a.csv"

MT_ONLY = "stated only in the machine translation (S003), no Chinese original among the sources"
AS_OF_2022 = "stock as stated at the 2022-09-23 event (date of the count not given)"
YEAR_NOT_STATED = "year not stated; taken as 2021, the last full year before the 2022-09-23 event"
GBA_SCOPE = (
    "Wu Dongwen (Guangdong) speaks of 'the Greater Bay Area'; Guangdong's figures cover its nine mainland "
    "cities (gba-mainland), whether province-wide figures are meant cannot be told from the text"
)

# ---------------------------------------------------------------------------------------------
# Indicators added by this part: (id, name_zh, name_en, unit, kind, minimum, maximum, description)
# Chinese names are our translation where the Chinese original is not among the sources.
# ---------------------------------------------------------------------------------------------
INDICATORS = [
    (
        "press_conference_local_sub_venues",
        "新闻发布会地方分会场数量",
        "Number of local sub-venues of the press conference",
        "count",
        "count",
        0,
        100,
        "Local sub-venues (地方分会场) a press conference set up besides its main venue; a fact about the event itself",
    ),
    (
        "national_new_industrialization_demo_base_batches",
        "国家新型工业化产业示范基地批次数",
        "Number of batches of national new-industrialization industry demonstration bases",
        "count",
        "count",
        0,
        100,
        "Batches in which the national new-industrialization industry demonstration bases were named, cumulative",
    ),
    (
        "industrial_cooperation_docking_activities",
        "产业合作对接活动场次",
        "Number of industrial cooperation docking activities held",
        "count",
        "count",
        0,
        10000,
        "Industrial cooperation docking (matchmaking) activities (产业合作对接活动) MIIT held in the region to guide "
        "industrial transfer, counted as single events, cumulative; for the editions of one recurring event series see "
        "industrial_transfer_docking_events_held",
    ),
    (
        "fuel_cell_vehicle_demo_cluster_cities",
        "燃料电池汽车示范城市群城市数量",
        "Number of cities (districts) in the region's fuel cell vehicle demonstration city cluster",
        "count",
        "count",
        1,
        100,
        "Cities and districts making up the national fuel cell vehicle demonstration city cluster (燃料电池汽车示范城市群) "
        "led by the region",
    ),
    (
        "beijing_hyundai_plant4_total_investment",
        "北京现代第四工厂（沧州）总投资",
        "Total investment of Beijing Hyundai's fourth plant (Cangzhou)",
        "100m-yuan",
        "level",
        0,
        100000,
        "Total investment of the Beijing Hyundai No. 4 plant in Cangzhou, Hebei, a Beijing-Hebei industrial cooperation "
        "project, in 亿元",
    ),
    (
        "baic_hebei_manufacturing_base_total_investment",
        "北汽河北制造基地总投资",
        "Total investment of the Beijing Automobile (BAIC) manufacturing base in Hebei",
        "100m-yuan",
        "level",
        0,
        100000,
        "Total investment of the 'Hebei Beijing Automobile Manufacturing Base', a Beijing-Hebei industrial cooperation "
        "project, in 亿元",
    ),
    (
        "sanyuan_xinle_industrial_park_total_investment",
        "新乐三元工业园总投资",
        "Total investment of the Sanyuan industrial park in Xinle",
        "100m-yuan",
        "level",
        0,
        100000,
        "Total investment of the Xinle Sanyuan Industrial Park (Hebei), a Beijing-Hebei industrial cooperation project, "
        "in 亿元",
    ),
    (
        "gdp",
        "地区生产总值",
        "Gross domestic product (regional GDP)",
        "100m-yuan",
        "level",
        0,
        100000000,
        "Gross domestic product of the region (地区生产总值; 经济总量, total economic volume) in the period, current "
        "prices, in 亿元",
    ),
    (
        "gdp_change",
        "地区生产总值增加额",
        "Increase in GDP",
        "100m-yuan",
        "difference",
        -10000000,
        10000000,
        "GDP at the end of the period Y0/Y1 minus GDP in Y0, in 亿元",
    ),
    (
        "gdp_growth",
        "地区生产总值增速",
        "GDP growth",
        "percent",
        "growth-rate",
        -50,
        100,
        "Year-on-year growth of the region's GDP in the period, in percent",
    ),
    (
        "services_va_share_of_gdp",
        "服务业增加值占地区生产总值比重",
        "Services value added as a share of GDP",
        "percent",
        "share",
        0,
        100,
        "Value added of the service (tertiary) sector divided by the region's GDP, in percent",
    ),
    (
        "advanced_mfg_va_share_of_industrial_va",
        "先进制造业增加值占规模以上工业增加值比重",
        "Advanced manufacturing value added as a share of value added of industry above designated size",
        "percent",
        "share",
        0,
        100,
        "Value added of advanced manufacturing (先进制造业, as Guangdong defines it) divided by the value added of "
        "industrial enterprises above designated size, in percent",
    ),
    (
        "high_tech_mfg_va_share_of_industrial_va",
        "高技术制造业增加值占规模以上工业增加值比重",
        "High-tech manufacturing value added as a share of value added of industry above designated size",
        "percent",
        "share",
        0,
        100,
        "Value added of high-tech manufacturing (高技术制造业) divided by the value added of industrial enterprises "
        "above designated size, in percent",
    ),
    (
        "industrial_tech_public_service_platforms",
        "产业技术基础公共服务平台数量",
        "Number of industrial technology (foundation) public service platforms",
        "count",
        "count",
        0,
        10000,
        "Industrial technology-based public service platforms (产业技术基础公共服务平台) built in the region",
    ),
    (
        "regional_innovation_capability_leading_years",
        "区域创新能力连续居全国领先的年数",
        "Consecutive years of national lead in regional innovation capability",
        "count",
        "count",
        0,
        100,
        "Number of consecutive years, up to the period, in which the region's regional innovation capability was rated "
        "at the national lead (China regional innovation capability ranking)",
    ),
    (
        "ip_development_index_leading_years",
        "知识产权综合发展指数连续居全国前列的年数",
        "Consecutive years at the national forefront of the intellectual property development index",
        "count",
        "count",
        0,
        100,
        "Number of consecutive years, up to the period, in which the region's comprehensive intellectual property "
        "development index (知识产权综合发展指数) was at the national forefront",
    ),
    (
        "national_enterprise_tech_centers",
        "国家企业技术中心数量",
        "Number of national enterprise technology centres",
        "count",
        "count",
        0,
        100000,
        "National-level enterprise technology centres (国家企业技术中心) in the region",
    ),
    (
        "provincial_enterprise_tech_centers",
        "省级企业技术中心数量",
        "Number of provincial-level enterprise technology centres",
        "count",
        "count",
        0,
        100000,
        "Provincial-level enterprise technology centres (省级企业技术中心) cultivated in the region, cumulative",
    ),
    (
        "fortune_global_500_companies",
        "世界500强企业数量",
        "Number of Fortune Global 500 companies",
        "count",
        "count",
        0,
        500,
        "Companies headquartered in the region in the Fortune Global 500 list of the year",
    ),
    (
        "fortune_global_500_companies_change",
        "世界500强企业数量增加",
        "Increase in the number of Fortune Global 500 companies",
        "count",
        "difference",
        -500,
        500,
        "Number of Fortune Global 500 companies of the region at the end of the period Y0/Y1 minus at its start",
    ),
    (
        "mfg_single_champion_enterprises",
        "制造业单项冠军企业数量",
        "Number of national manufacturing single-champion enterprises",
        "count",
        "count",
        0,
        100000,
        "National-level manufacturing single-champion enterprises (制造业单项冠军企业) in the region, cumulative",
    ),
    (
        "little_giant_enterprises",
        "专精特新“小巨人”企业数量",
        "Number of national specialised and innovative 'little giant' enterprises",
        "count",
        "count",
        0,
        1000000,
        "National-level 专精特新“小巨人” (specialised, refined, distinctive and innovative 'little giant') enterprises "
        "in the region, cumulative",
    ),
    (
        "macao_funded_enterprises",
        "澳资企业数量",
        "Number of Macao-funded enterprises",
        "count",
        "count",
        0,
        10000000,
        "Macao-funded enterprises (澳资企业) registered in the region",
    ),
    (
        "macao_funded_enterprises_added",
        "新增澳资企业数量",
        "Number of Macao-funded enterprises added",
        "count",
        "count",
        0,
        10000000,
        "Macao-funded enterprises (澳资企业) newly registered in the region in the period",
    ),
    (
        "hong_kong_funded_enterprises",
        "港资企业数量",
        "Number of Hong Kong-funded enterprises",
        "count",
        "count",
        0,
        10000000,
        "Hong Kong-funded enterprises (港资企业) registered in the region, cumulative",
    ),
    (
        "strategic_pillar_industry_clusters",
        "战略性支柱产业集群数量",
        "Number of strategic pillar industry clusters",
        "count",
        "count",
        0,
        1000,
        "Strategic pillar industry clusters (战略性支柱产业集群) a province has designated for cultivation (for "
        "Guangdong the ten of its 'double ten' cluster programme, 十大战略性支柱产业集群)",
    ),
    (
        "strategic_emerging_industry_clusters",
        "战略性新兴产业集群数量",
        "Number of strategic emerging industry clusters",
        "count",
        "count",
        0,
        1000,
        "Strategic emerging industry clusters (战略性新兴产业集群) a province has designated for cultivation (for "
        "Guangdong the ten of its 'double ten' cluster programme, 十大战略性新兴产业集群)",
    ),
]

# ---------------------------------------------------------------------------------------------
# Observations of new facts: (id, indicator, region, period, value, comparator, event, derived_by, note)
# ---------------------------------------------------------------------------------------------
OBSERVATIONS = [
    (
        "O0900",
        "press_conference_local_sub_venues",
        "CN",
        "2022-09-23",
        "6",
        "=",
        E22,
        "",
        "6 local sub-venues of the 2022-09-23 press conference besides the Beijing main venue (Henan, Liaoning, Shanghai, "
        "Jiangsu, Guangdong and Chongqing, as the opening lists them); a fact about the event, kept because every figure "
        "is curated; " + MT_ONLY,
    ),
    (
        "O0901",
        "national_new_industrialization_demo_base_batches",
        "CN",
        "2022",
        "10",
        "=",
        E22,
        "",
        "'ten batches of 445 demonstration bases' (O0044): the 445 bases were named in ten batches; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0902",
        "industrial_cooperation_docking_activities",
        "central-west",
        "2022",
        "20",
        ">",
        E22,
        "",
        "More than 20 industrial cooperation docking activities held in Henan, Jiangxi, Xinjiang, Guizhou and other "
        "central and western regions; cumulative, start not stated (the answer covers the work since 2012); "
        "S002 has the same sentence but its translation lost the figure ('the two version of the industrial "
        "transfer guidance catalog in 2012 and 2018 will be formulated in the central and western regions of Henan, "
        "Jiangxi, Xinjiang, Guizhou and other regions'), so S002 has no mention of it; " + MT_ONLY,
    ),
    (
        "O0903",
        "fuel_cell_vehicle_demo_cluster_cities",
        "jjj",
        "2022",
        "12",
        "=",
        E22,
        "",
        "Twelve cities (districts), including Beijing's Daxing District, Tianjin's Binhai New Area and Tangshan (Hebei), "
        "approved as the first batch of national fuel cell vehicle demonstration city clusters (the Beijing-Tianjin-Hebei "
        "cluster); " + AS_OF_2022 + "; " + MT_ONLY,
    ),
    (
        "O0904",
        "beijing_hyundai_plant4_total_investment",
        "CN-HE",
        "2022",
        "74",
        "=",
        E22,
        "",
        "'Cangzhou Hyundai No. 4 Factory', total (planned) investment as stated at the event; " + MT_ONLY,
    ),
    (
        "O0905",
        "baic_hebei_manufacturing_base_total_investment",
        "CN-HE",
        "2022",
        "42",
        "=",
        E22,
        "",
        "'Hebei Beijing Automobile Manufacturing Base', total investment as stated at the event; " + MT_ONLY,
    ),
    (
        "O0906",
        "sanyuan_xinle_industrial_park_total_investment",
        "CN-HE",
        "2022",
        "18",
        "=",
        E22,
        "",
        "'Xinle Sanyuan Industrial Park', total investment as stated at the event; " + MT_ONLY,
    ),
    (
        "O0907",
        "gdp",
        "gba",
        "2021",
        "126000",
        "~",
        E22,
        "",
        "'total economic volume' (经济总量) of the whole Greater Bay Area incl. Hong Kong and Macao, about 12.6 trillion "
        "yuan; " + MT_ONLY,
    ),
    (
        "O0908",
        "gdp_change",
        "gba",
        "2017/2021",
        "24000",
        "~",
        E22,
        "",
        "an increase of about 2.4 trillion yuan over 2017; " + MT_ONLY,
    ),
    (
        "O0909",
        "gdp",
        "gba",
        "2017",
        "102000",
        "~",
        E22,
        "R0100",
        "Derived: 126000 - 24000 = 102000 (about 10.2 trillion yuan in 2017, implied by 'about 12.6 trillion yuan, an "
        "increase of about 2.4 trillion yuan over 2017')",
    ),
    (
        "O0910",
        "services_va_share_of_gdp",
        "CN-HK",
        "2021",
        "90",
        ">",
        E22,
        "",
        "'the service industry in Hong Kong and Macau ... accounting for more than 90% of the GDP': read as holding for "
        "each of the two (it could also mean their combined GDP); " + YEAR_NOT_STATED + "; " + MT_ONLY,
    ),
    (
        "O0911",
        "services_va_share_of_gdp",
        "CN-MO",
        "2021",
        "90",
        ">",
        E22,
        "",
        "'the service industry in Hong Kong and Macau ... accounting for more than 90% of the GDP': read as holding for "
        "each of the two (it could also mean their combined GDP); " + YEAR_NOT_STATED + "; " + MT_ONLY,
    ),
    (
        "O0912",
        "advanced_mfg_va_share_of_industrial_va",
        "gba-mainland",
        "2022-H1",
        "55.9",
        "=",
        E22,
        "",
        "The nine (mainland) cities of the Greater Bay Area, first half of 2022; " + MT_ONLY,
    ),
    (
        "O0913",
        "high_tech_mfg_va_share_of_industrial_va",
        "gba-mainland",
        "2022-H1",
        "33.1",
        "=",
        E22,
        "",
        "The nine (mainland) cities of the Greater Bay Area, first half of 2022; " + MT_ONLY,
    ),
    (
        "O0914",
        "provincial_mfg_innovation_centers",
        "gba-mainland",
        "2022",
        "27",
        "=",
        E22,
        "",
        "Provincial-level (Guangdong) manufacturing innovation centres deployed and built in the Greater Bay Area; "
        + GBA_SCOPE
        + "; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0915",
        "industrial_tech_public_service_platforms",
        "gba-mainland",
        "2022",
        "17",
        "=",
        E22,
        "",
        "'17 industrial technology-based public service platforms'; "
        + GBA_SCOPE
        + "; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0916",
        "regional_innovation_capability_leading_years",
        "gba-mainland",
        "2022",
        "5",
        "=",
        E22,
        "",
        "'at the leading level in the country for five consecutive years' (the Chinese ranking is of provinces, so "
        "presumably Guangdong's rank); the years are not named; " + MT_ONLY,
    ),
    (
        "O0917",
        "ip_development_index_leading_years",
        "gba-mainland",
        "2022",
        "9",
        "=",
        E22,
        "",
        "'at the forefront of the country for nine consecutive years' (presumably Guangdong's rank); the years are not "
        "named; " + MT_ONLY,
    ),
    (
        "O0918",
        "national_enterprise_tech_centers",
        "gba-mainland",
        "2022",
        "87",
        "=",
        E22,
        "",
        "'At present, 9 cities in the Greater Bay Area have 87 national-level enterprise technology centers'; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0919",
        "provincial_enterprise_tech_centers",
        "gba-mainland",
        "2022",
        "996",
        "=",
        E22,
        "",
        "Cumulative ('a total of ... have been cultivated') in the nine mainland cities; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0920",
        "fortune_global_500_companies",
        "gba",
        "2021",
        "25",
        "=",
        E22,
        "",
        "'In 2021, 25 companies in the Greater Bay Area will enter the world's top 500 companies' (Fortune Global 500 "
        "list of 2021; the whole Greater Bay Area incl. Hong Kong and Macao); " + MT_ONLY,
    ),
    (
        "O0921",
        "fortune_global_500_companies_change",
        "gba",
        "2017/2021",
        "8",
        "=",
        E22,
        "",
        "'an increase of 8 from 2017'; " + MT_ONLY,
    ),
    (
        "O0922",
        "fortune_global_500_companies",
        "gba",
        "2017",
        "17",
        "=",
        E22,
        "R0101",
        "Derived: 25 - 8 = 17 (2017 list, implied by '25 companies ... an increase of 8 from 2017')",
    ),
    (
        "O0923",
        "mfg_single_champion_enterprises",
        "gba-mainland",
        "2022",
        "84",
        "=",
        E22,
        "",
        "'84 national-level manufacturing individual champion enterprises' (单项冠军, single champions), cumulative; "
        + GBA_SCOPE
        + "; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0924",
        "little_giant_enterprises",
        "gba-mainland",
        "2022",
        "407",
        "=",
        E22,
        "",
        "'407 national-level specialized and special new \"little giant\" enterprises' (专精特新“小巨人”), cumulative; "
        + GBA_SCOPE
        + "; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
    (
        "O0925",
        "macao_funded_enterprises_added",
        "hengqin",
        "2021-09/2022-09",
        "700",
        ">",
        E22,
        "",
        "'Over the past year': the year up to the event (the cooperation zone was inaugurated in September 2021). The "
        "translation says 'Australian-funded', an evident misreading of 澳资 (Macao-funded: 澳 abbreviates both Macao "
        "and Australia; the sentence is about Macao's industries); " + MT_ONLY,
    ),
    (
        "O0926",
        "macao_funded_enterprises",
        "hengqin",
        "2022",
        "5000",
        ">",
        E22,
        "",
        "'the total number now exceeds 5,000' (Macao-funded enterprises in Hengqin, see O0925); " + MT_ONLY,
    ),
    (
        "O0927",
        "hong_kong_funded_enterprises",
        "qianhai",
        "2022",
        "11900",
        "=",
        E22,
        "",
        "'In the past year, a total of 11,900 Hong Kong-funded enterprises have been registered': read as the "
        "cumulative number registered ('a total of', 累计) as of the event; the English could also be read as "
        "registrations within the past year; " + MT_ONLY,
    ),
    (
        "O0928",
        "gdp_growth",
        "qianhai",
        "2021",
        "10.5",
        "=",
        E22,
        "",
        "Qianhai cooperation zone GDP growth in 2021, year on year; " + MT_ONLY,
    ),
    (
        "O0929",
        "strategic_pillar_industry_clusters",
        "CN-GD",
        "2022",
        "10",
        "=",
        E22,
        "",
        "'accelerated the cultivation of ten strategic pillar industries Clusters' (Wu Dongwen): Guangdong's ten "
        "strategic pillar industry clusters, province-wide (the 'double ten' programme); the number is written as a "
        "word; " + AS_OF_2022 + "; " + MT_ONLY,
    ),
    (
        "O0930",
        "strategic_emerging_industry_clusters",
        "CN-GD",
        "2022",
        "10",
        "=",
        E22,
        "",
        "'and ten strategic emerging industry clusters' (Wu Dongwen): Guangdong's ten strategic emerging industry "
        "clusters, province-wide (the 'double ten' programme); the number is written as a word; "
        + AS_OF_2022
        + "; "
        + MT_ONLY,
    ),
]

# ---------------------------------------------------------------------------------------------
# Mentions: (id, observation, exact, value_text, value, occurrence, note). value None = the
# observation's value. All in S003.
# ---------------------------------------------------------------------------------------------
EAST_58 = "58% of the smart manufacturing demonstration factories are listed units"
WEST_SHARE = "the proportion of added value of industrial above designated size in the country rose from 17.84% to 19.21%"
GBA_2021 = (
    "In 2021, the average growth rate of the industrial added value of the nine cities in the "
    "Guangdong-Hong Kong-Macao Greater Bay Area will reach 11.1%"
)
GBA_CENTERS = "It has 3 national manufacturing innovation centers and 57,000 high-tech enterprises"
CQ_PRODUCTIVITY = (
    "the labor productivity of all employees will increase from 255,000 yuan/person to 419,000 yuan/person"
)
YREB = "1,134 green factories have been built in 11 provinces and cities along the Yangtze River"
CLUSTERS = (
    "The output value of the leading industries of the 25 advanced manufacturing clusters that have been "
    "cultivated is nearly 10 trillion yuan"
)
H1 = "in the first half of this year, the output value of 25 clusters was 6.2 trillion yuan"
BASES = "Up to now, ten batches of 445 demonstration bases have been established"
YRD_BIO_AI = (
    "the scale of biomedicine and artificial intelligence industries both account for 1/3 of the country"
)
HK_MO = (
    "the service industry in Hong Kong and Macau is highly developed, accounting for more than 90% of the GDP"
)
GBA_H1 = (
    "In the first half of this year, the added value of advanced manufacturing and high-tech manufacturing in "
    "the nine cities in the Greater Bay Area accounted for 55.9% and 33.1% of the added value of industrial "
    "enterprises above designated size respectively"
)
GBA_LOST = (
    "The sentence goes on 'forming a new generation of electronic information, green petrochemicals, and smart "
    "home appliances. Level industrial clusters': the translation lost a figure there (presumably N "
    "trillion-yuan-class industrial clusters, N个万亿级产业集群); the original is not among the sources"
)
ETC = "At present, 9 cities in the Greater Bay Area have 87 national-level enterprise technology centers"
FUTURE = "the translation renders the Chinese past as 'will' (a machine-translation artefact, not a forecast)"
MENTIONS = [
    # ---- page top and Cheng Xiaoming's opening ----
    (
        "M003-0001",
        "O0900",
        "This press conference set up the main venue in Beijing and 6 local sub-venues",
        "6",
        None,
        None,
        "",
    ),
    (
        "M003-0002",
        "O0900",
        "Today's press conference set up the main venue in Beijing and 6 local sub-venues",
        "6",
        None,
        None,
        "Cheng Xiaoming's opening",
    ),
    # ---- Wang Wei's introduction (the figures of S000) ----
    (
        "M003-0003",
        "O0001",
        "In 2021, the added value of the manufacturing industry in the eastern region will account for 30.5% of the "
        "regional GDP",
        "30.5%",
        None,
        None,
        FUTURE,
    ),
    (
        "M003-0004",
        "O0002",
        "which is 3.1 percentage points higher than the national average",
        "3.1 percentage points",
        None,
        None,
        "",
    ),
    (
        "M003-0005",
        "O0004",
        EAST_58,
        "58%",
        None,
        None,
        "garbled: 58%的智能制造示范工厂揭榜单位 (58% of the units on the smart manufacturing demonstration factory list) "
        "rendered as '... factories are listed units'; the figure is intact",
    ),
    (
        "M003-0006",
        "O0005",
        "and 53% of the digital workshops Or the smart factory is located in the eastern region",
        "53%",
        None,
        None,
        "",
    ),
    (
        "M003-0007",
        "O0006",
        "The six provinces in the central region",
        "six provinces",
        None,
        None,
        "member count: central = 6 provinces (中部六省)",
    ),
    (
        "M003-0008",
        "O0007",
        "From 2012 to 2021, the average annual growth rate of industrial added value above designated size in the "
        "western region reached 6.7%",
        "6.7%",
        None,
        None,
        "",
    ),
    ("M003-0009", "O0008", WEST_SHARE, "17.84%", None, None, ""),
    ("M003-0010", "O0009", WEST_SHARE, "19.21%", None, None, ""),
    (
        "M003-0011",
        "O0010",
        "In 2021, the number of high-tech enterprises in Northeast China will increase by nearly 10,000 compared with 2016",
        "nearly 10,000",
        None,
        None,
        FUTURE,
    ),
    (
        "M003-0012",
        "O0011",
        "the number of industrial strategic emerging enterprises in Liaoning will double that of 2017",
        "double",
        None,
        None,
        "'double that of 2017' = 增长一倍: twice the 2017 number, +100%",
    ),
    (
        "M003-0013",
        "O0012",
        "the three regions of Beijing, Tianjin and Hebei",
        "three regions",
        None,
        None,
        "member count: 京津冀三地",
    ),
    (
        "M003-0014",
        "O0013",
        "As of the end of 2021, Beijing will shed nearly 3,000 general manufacturing companies",
        "nearly 3,000",
        None,
        None,
        FUTURE,
    ),
    (
        "M003-0015",
        "O0014",
        "the added value of high-tech industries will account for 30.1% of the region's GDP",
        "30.1%",
        None,
        None,
        "'high-tech industries' translates 高精尖产业 (high-grade, precision and advanced industries), "
        "not 高技术; Beijing's share, as in S000",
    ),
    (
        "M003-0016",
        "O0015",
        "A total of 11,000 industrial activity units have been transferred from Beijing and Tianjin in Hebei",
        "11,000",
        None,
        None,
        "1.1万个 in S000",
    ),
    (
        "M003-0017",
        "O0016",
        "This year, more than 100 major projects will be implemented",
        "more than 100",
        None,
        None,
        "Xiong'an New Area (the preceding sentence)",
    ),
    (
        "M003-0018",
        "O0017",
        "The annual investment is expected to exceed 200 billion yuan",
        "exceed 200 billion yuan",
        None,
        None,
        "forecast; 200 billion yuan = 2000亿元 (超2000亿元 in S000)",
    ),
    (
        "M003-0019",
        "O0018",
        "The three provinces and one city in the Yangtze River Delta",
        "three provinces and one city",
        4,
        None,
        "member count: 三省一市 = 3 + 1 = 4",
    ),
    (
        "M003-0020",
        "O0019",
        "The Yangtze River Delta region contributes 1/4 of the country's industrial added value",
        "1/4",
        None,
        None,
        "",
    ),
    (
        "M003-0021",
        "O0020",
        "the scale of the integrated circuit industry accounts for 60% of the country",
        "60%",
        None,
        None,
        "",
    ),
    ("M003-0022", "O0021", YRD_BIO_AI, "1/3", None, None, "both: biomedicine"),
    ("M003-0023", "O0022", YRD_BIO_AI, "1/3", None, None, "both: artificial intelligence"),
    (
        "M003-0024",
        "O0023",
        "the output of new energy vehicles accounts for 38% of the country",
        "38%",
        None,
        None,
        "",
    ),
    (
        "M003-0025",
        "O0025",
        GBA_2021,
        "11.1%",
        None,
        None,
        "the translation drops 规上 (above designated size) and 内地 (mainland) of 内地9市的规上工业增加值; "
        + FUTURE,
    ),
    (
        "M003-0026",
        "O0024",
        "the nine cities in the Guangdong-Hong Kong-Macao Greater Bay Area",
        "nine cities",
        None,
        None,
        "member count: 粤港澳大湾区内地9市 ('mainland' dropped by the translation)",
    ),
    (
        "M003-0027",
        "O0026",
        "of which the added value of high-tech manufacturing will increase by 16.17%",
        "16.17%",
        None,
        None,
        "",
    ),
    (
        "M003-0028",
        "O0027",
        "the R&D investment intensity of industrial enterprises above the designated size will reach 3.7%",
        "3.7%",
        None,
        None,
        "",
    ),
    (
        "M003-0029",
        "O0028",
        "which is higher than The national average is 2.37 percentage points",
        "2.37 percentage points",
        None,
        None,
        "garbled word order (高于全国平均2.37个百分点); the figure is intact",
    ),
    ("M003-0030", "O0030", GBA_CENTERS, "3", None, None, ""),
    ("M003-0031", "O0031", GBA_CENTERS, "57,000", None, None, "5.7万家 in S000"),
    (
        "M003-0032",
        "O0032",
        "In 2021, Sichuan's industrial added value will increase to 1.54 trillion yuan",
        "1.54 trillion yuan",
        None,
        None,
        FUTURE,
    ),
    ("M003-0033", "O0033", "1.6 times that of 2012", "1.6 times", None, None, ""),
    (
        "M003-0034",
        "O0034",
        "with an average annual growth rate of 8%",
        "8%",
        None,
        None,
        "inconsistent with the 1.6 times (D001, on the relation R0008)",
    ),
    (
        "M003-0035",
        "O0037",
        "188.75 billion yuan in 2021",
        "188.75 billion yuan",
        None,
        None,
        "The translation lost this sentence's subject and its first figure: S000 has 重庆规上工业利润由2012年的608亿元"
        "增加至2021年的1887.5亿元 (Chongqing's profit of industrial enterprises above designated size rose from 60.8 "
        "billion yuan in 2012, O0036, to 188.75 billion yuan in 2021); read in English it follows Sichuan's 8% with no "
        "subject; the figure itself (1887.5亿元) is intact",
    ),
    (
        "M003-0036",
        "O0038",
        CQ_PRODUCTIVITY,
        "255,000 yuan/person",
        None,
        None,
        "Chongqing's (S000), but the translation lost the subject: in English it reads as continuing Sichuan's "
        "sentence; start year 2012 not repeated",
    ),
    (
        "M003-0037",
        "O0039",
        CQ_PRODUCTIVITY,
        "419,000 yuan/person",
        None,
        None,
        "Chongqing's (S000), but the translation lost the subject: in English it reads as continuing Sichuan's "
        "sentence; end year 2021 not repeated",
    ),
    ("M003-0038", "O0041", YREB, "1,134", None, None, ""),
    ("M003-0039", "O0040", YREB, "11 provinces and cities", None, None, "member count: 沿长江11省市"),
    (
        "M003-0040",
        "O0042",
        "the industrial water use efficiency in 9 provinces and regions along the Yellow River is higher than the "
        "national average",
        "9 provinces and regions",
        None,
        None,
        "member count: 沿黄河9省区",
    ),
    (
        "M003-0041",
        "O0043",
        "The water consumption per 10,000 yuan of industrial added value is about half of the national average",
        "about half",
        None,
        None,
        "'per 10,000 yuan' is the unit of the indicator (water use per 万元 of value added), not a figure",
    ),
    (
        "M003-0042",
        "O0044",
        "445 national new industrial demonstration bases have been built",
        "445",
        None,
        None,
        "",
    ),
    (
        "M003-0043",
        "O0045",
        "have created nearly 30% of the national industrial added value",
        "nearly 30%",
        None,
        None,
        "",
    ),
    ("M003-0044", "O0046", "More than 30% of the import and export volume", "More than 30%", None, None, ""),
    (
        "M003-0045",
        "O0047",
        "the total profits of industrial enterprises above designated size account for nearly 45% of the country's "
        "total",
        "nearly 45%",
        None,
        None,
        "",
    ),
    ("M003-0046", "O0048", CLUSTERS, "25", None, None, ""),
    ("M003-0047", "O0049", CLUSTERS, "nearly 10 trillion yuan", None, None, ""),
    (
        "M003-0048",
        "O0050",
        "has gathered 25,000 enterprises above the designated size",
        "25,000",
        None,
        None,
        "2.5万家 in S000",
    ),
    (
        "M003-0049",
        "O0051",
        "In 2021, the year-on-year growth rate of the output value of 17 clusters exceeded double digits",
        "17",
        None,
        None,
        "'double digits' (两位数) is the threshold of the count, part of the indicator",
    ),
    ("M003-0050", "O0048", H1, "25", None, None, ""),
    ("M003-0051", "O0052", H1, "6.2 trillion yuan", None, None, ""),
    ("M003-0052", "O0053", "an increase of 6.1% over the same period last year", "6.1%", None, None, ""),
    # ---- Wang Wei's answer (Daily Economic News) ----
    (
        "M003-0053",
        "O1709",
        'Since the "13th Five-Year Plan", our ministry has signed ministerial-provincial cooperation agreements with '
        "18 provinces (autonomous regions, municipalities directly under the central government)",
        "18",
        None,
        None,
        "'13th Five-Year Plan' is the name of a plan (time reference: since 2016), not a figure",
    ),
    ("M003-0054", "O0901", BASES, "ten batches", None, None, ""),
    ("M003-0055", "O0044", BASES, "445", None, None, ""),
    (
        "M003-0056",
        "O0054",
        "support the establishment of 6 industrial Internet demonstration areas",
        "6",
        None,
        None,
        "",
    ),
    ("M003-0057", "O0055", "4 national-level Internet of Vehicles pilot areas", "4", None, None, ""),
    (
        "M003-0058",
        "O0056",
        "and 8 national artificial intelligence innovation application pilot areas",
        "8",
        None,
        None,
        "",
    ),
    (
        "M003-0059",
        "O0902",
        "more than 20 industrial cooperation docking activities have been held in Henan, Jiangxi, Xinjiang, Guizhou and "
        "other central and western regions",
        "more than 20",
        None,
        None,
        "",
    ),
    # ---- Peng Xuehai (Beijing) ----
    (
        "M003-0060",
        "O0013",
        "withdraw nearly 3,000 general manufacturing enterprises",
        "nearly 3,000",
        None,
        None,
        "Peng Xuehai restates Beijing's figure (退出/疏解一般制造业企业近3000家) without a date",
    ),
    (
        "M003-0061",
        "O0012",
        "the industry and information technology departments of the three places",
        "three places",
        None,
        None,
        "member count: 京津冀三地 (Beijing, Tianjin, Hebei)",
    ),
    (
        "M003-0062",
        "O0903",
        "Twelve cities (districts) including Daxing District of Beijing, Binhai New Area of Tianjin, and Tangshan of "
        "Hebei Province have been approved as the first batch of national fuel cell vehicle demonstration city clusters",
        "Twelve cities",
        None,
        None,
        "'first batch' is an ordinal, not a figure",
    ),
    (
        "M003-0063",
        "O0904",
        "Cangzhou Hyundai No. 4 Factory with a total investment of 7.4 billion yuan",
        "7.4 billion yuan",
        None,
        None,
        "'No. 4' is part of the plant's name, not a figure",
    ),
    (
        "M003-0064",
        "O0905",
        "Hebei Beijing Automobile Manufacturing Base with a total investment of 4.2 billion yuan",
        "4.2 billion yuan",
        None,
        None,
        "",
    ),
    (
        "M003-0065",
        "O0906",
        "Xinle Sanyuan Industrial Park with a total investment of 1.8 billion yuan",
        "1.8 billion yuan",
        None,
        None,
        "",
    ),
    (
        "M003-0066",
        "O0012",
        "the vitality of industrial development in the three regions has continued to increase",
        "three regions",
        None,
        None,
        "member count: 京津冀三地 (Beijing, Tianjin, Hebei)",
    ),
    # ---- Wu Dongwen (Guangdong) ----
    (
        "M003-0067",
        "O0907",
        "In 2021, the total economic volume of the Guangdong-Hong Kong-Macao Greater Bay Area will be about 12.6 "
        "trillion yuan",
        "about 12.6 trillion yuan",
        None,
        None,
        FUTURE,
    ),
    (
        "M003-0068",
        "O0908",
        "an increase of about 2.4 trillion yuan over 2017",
        "about 2.4 trillion yuan",
        None,
        None,
        "",
    ),
    ("M003-0069", "O0910", HK_MO, "more than 90%", None, None, "Hong Kong"),
    ("M003-0070", "O0911", HK_MO, "more than 90%", None, None, "Macao"),
    (
        "M003-0071",
        "O0024",
        "the nine mainland cities in the Greater Bay Area",
        "nine mainland cities",
        None,
        None,
        "member count: 粤港澳大湾区内地9市",
    ),
    ("M003-0072", "O0912", GBA_H1, "55.9%", None, None, "advanced manufacturing. " + GBA_LOST),
    ("M003-0073", "O0913", GBA_H1, "33.1%", None, None, "high-tech manufacturing. " + GBA_LOST),
    (
        "M003-0074",
        "O0024",
        "the nine cities in the Greater Bay Area",
        "nine cities",
        None,
        None,
        "member count: the nine mainland cities",
    ),
    (
        "M003-0075",
        "O0030",
        "The Greater Bay Area promotes the establishment of 3 national manufacturing innovation centers",
        "3",
        None,
        None,
        "Wu Dongwen restates the 3 national manufacturing innovation centres of Wang Wei's "
        "introduction (拥有3家国家制造业创新中心)",
    ),
    (
        "M003-0076",
        "O0914",
        "deploys and builds 27 provincial-level manufacturing innovation centers in the fields of new-generation "
        "information technology, high-end equipment, and new materials",
        "27",
        None,
        None,
        "",
    ),
    (
        "M003-0077",
        "O0915",
        "builds 17 industrial technology-based public service platforms",
        "17",
        None,
        None,
        "",
    ),
    (
        "M003-0078",
        "O0916",
        "The regional innovation capability of the Greater Bay Area has been at the leading level in the country for "
        "five consecutive years",
        "five consecutive years",
        None,
        None,
        "a duration count",
    ),
    (
        "M003-0079",
        "O0917",
        "the comprehensive development index of intellectual property has been at the forefront of the country for nine "
        "consecutive years",
        "nine consecutive years",
        None,
        None,
        "a duration count",
    ),
    ("M003-0080", "O0024", ETC, "9 cities", None, None, "member count: the nine mainland cities"),
    ("M003-0081", "O0918", ETC, "87", None, None, ""),
    (
        "M003-0082",
        "O0919",
        "a total of 996 provincial-level enterprise technology centers have been cultivated",
        "996",
        None,
        None,
        "",
    ),
    (
        "M003-0083",
        "O0920",
        "In 2021, 25 companies in the Greater Bay Area will enter the world's top 500 companies",
        "25",
        None,
        None,
        "'top 500' names the list (Fortune Global 500), part of the indicator; " + FUTURE,
    ),
    ("M003-0084", "O0921", "an increase of 8 from 2017", "8", None, None, ""),
    (
        "M003-0085",
        "O0923",
        "A total of 84 national-level manufacturing individual champion enterprises have been cultivated",
        "84",
        None,
        None,
        "'individual champion' translates 单项冠军 (single champion)",
    ),
    (
        "M003-0086",
        "O0924",
        '407 national-level specialized and special new "little giant" enterprises have been cultivated',
        "407",
        None,
        None,
        "",
    ),
    (
        "M003-0087",
        "O0925",
        "Over the past year, Hengqin has added more than 700 Australian-funded enterprises",
        "more than 700",
        None,
        None,
        "'Australian-funded' is a mistranslation of 澳资 (Macao-funded; 澳 abbreviates both Macao and Australia): the "
        "sentence is about Macao's industries in the Guangdong-Macao cooperation zone; the figure is intact",
    ),
    (
        "M003-0088",
        "O0926",
        "the total number now exceeds 5,000",
        "exceeds 5,000",
        None,
        None,
        "the subject ('Australian-funded', i.e. Macao-funded, enterprises in Hengqin) is in the preceding clause",
    ),
    (
        "M003-0089",
        "O0927",
        "In the past year, a total of 11,900 Hong Kong-funded enterprises have been registered",
        "11,900",
        None,
        None,
        "Qianhai (the preceding sentence)",
    ),
    (
        "M003-0090",
        "O0928",
        "the GDP in 2021 will increase by 10.5% year-on-year",
        "10.5%",
        None,
        None,
        "Qianhai (the subject is two sentences back); " + FUTURE,
    ),
    (
        "M003-0091",
        "O0929",
        "accelerated the cultivation of ten strategic pillar industries Clusters and ten strategic emerging industry "
        "clusters",
        "ten strategic pillar industries",
        None,
        None,
        "number written as a word (not caught by the digit coverage test); the 'six major projects' of the same "
        "sentence name a programme (六大工程), not a statistic",
    ),
    (
        "M003-0092",
        "O0930",
        "accelerated the cultivation of ten strategic pillar industries Clusters and ten strategic emerging industry "
        "clusters",
        "ten strategic emerging industry clusters",
        None,
        None,
        "number written as a word (not caught by the digit coverage test)",
    ),
    (
        "M003-0093",
        "O0043",
        "The water consumption per 10,000 yuan of industrial added value is about half of the national average",
        "about half",
        None,
        None,
        "the Yellow River provinces (the subject of the preceding clause); number written as words",
    ),
]

# ---------------------------------------------------------------------------------------------
# Relations: (id, kind, target, operands, tolerance, expected, statement, note)
# ---------------------------------------------------------------------------------------------
RELATIONS = [
    (
        "R0100",
        "difference",
        "O0909",
        "O0907 O0908",
        "half-unit",
        "holds",
        "126000 - 24000 = 102000",
        "S003 (Wu Dongwen): GBA economy about 12.6 trillion yuan in 2021, about 2.4 trillion more than in 2017 → 2017 "
        "GDP about 10.2 trillion yuan",
    ),
    (
        "R0101",
        "difference",
        "O0922",
        "O0920 O0921",
        "half-unit",
        "holds",
        "25 - 8 = 17",
        "S003 (Wu Dongwen): 25 Fortune Global 500 companies in 2021, 8 more than in 2017 → 17 in 2017",
    ),
    (
        "R0102",
        "part-of",
        "O0926",
        "O0925",
        "half-unit",
        "holds",
        "700 < 5000 (more than 700 added, of more than 5,000)",
        "S003 (Wu Dongwen): Hengqin added more than 700 Macao-funded enterprises in the past year, and the total now "
        "exceeds 5,000",
    ),
]

# ---------------------------------------------------------------------------------------------
# Discrepancies: (id, resource, target, error_type, kind, explanation)
# ---------------------------------------------------------------------------------------------
DISCREPANCIES: list[tuple[str, str, str, str, str, str]] = []

# ---------------------------------------------------------------------------------------------
# Coverage exclusions: (source_id, text, reason). An exclusion text covers every occurrence in the
# whole source, so the texts are kept specific.
# ---------------------------------------------------------------------------------------------
EXCLUSIONS = [
    ("S003", "Sep 27, 2022 888 Previewers", "page chrome: posting date and view count"),
    ("S003", "18th National Congress", "name of a party congress (the 18th National Congress of the CPC)"),
    ("S003", "2.jpg", "image file name (page chrome)"),
    ("S003", "3.jpg", "image file name (page chrome)"),
    ("S003", "4.jpg", "image file name (page chrome)"),
    ("S003", "5.jpg", "image file name (page chrome)"),
    ("S003", "6.png", "image file name (page chrome)"),
    ("S003", "10th press conference", "number of the press conference in its series (name of the event)"),
    (
        "S003",
        "Since 2017, the demonstration base development quality evaluation",
        "time reference (yearly evaluation since 2017)",
    ),
    (
        "S003",
        "The 2012 and 2018 editions of the industrial transfer guidance catalog",
        "years naming the editions of a catalogue (time reference), not figures",
    ),
    ("S003", "At the end of 2021, our ministry", "time reference (date a policy document was issued)"),
    (
        "S003",
        "In 2018, the integration of the Yangtze River Delta",
        "time reference (year a strategy was adopted)",
    ),
    (
        "S003",
        "Yangtze River Delta G60 Science and Technology Innovation Corridor",
        "name of a corridor (G60 is the expressway's number)",
    ),
]

# =============================================================================================
# Machinery below: the checks `miitdata validate` does not do. Building the rows, merging them
# into the CSVs, validating the merged package and writing it are tools/curation.py's.
# =============================================================================================
OWNS = {
    "observations": curation.id_range("O", *OBS_RANGE),
    "mentions": curation.id_range("M003-", *MEN_RANGE),
    "relations": curation.id_range("R", *REL_RANGE),
    "discrepancies": curation.id_range("D", *DIS_RANGE),
}


def check(tables: curation.Tables, before: list[dict[str, str]]) -> None:
    """Indicators keep their unit and kind; exclusions occur in S003; S003[SPAN] is covered."""
    mine = {r["indicator_id"]: r for r in tables["indicators"]}
    for r in before:
        m = mine[r["indicator_id"]]
        assert (r["unit"], r["kind"]) == (m["unit"], m["kind"]), (
            f"indicator {r['indicator_id']} exists with another unit/kind: {r}"
        )
    curation.check_mention_sources(tables["mentions"])
    stale = curation.stale_exclusions(tables["exclusions"])
    assert not stale, f"stale exclusions: {stale}"
    exclusions = tables["exclusions"] + curation.other_exclusions(EXCLUSIONS_FILE)
    bad = curation.uncovered(SOURCE, tables["mentions"], exclusions, SPAN)
    assert not bad, f"uncovered numerals in {SOURCE}[{SPAN[0]}:{SPAN[1]}):\n" + "\n".join(bad)


def main() -> None:
    mine = curation.build(INDICATORS, OBSERVATIONS, MENTIONS, RELATIONS, DISCREPANCIES, EXCLUSIONS, SPAN)
    with curation.locked():  # other curation scripts write the same CSVs
        before = curation.read_table("indicators")
        tables = curation.merge(mine, OWNS)
        check(tables, before)
        report = curation.validate_merged(tables)
        if "--check" not in sys.argv:
            curation.write_tables(tables, EXCLUSIONS_FILE)
    for line in curation.known(report, OWNS["mentions"]):
        print("known:", line)
    counts = {k: len(v) for k, v in mine.items()}
    print("ok (nothing written)" if "--check" in sys.argv else "written", counts)


if __name__ == "__main__":
    main()
