"""One-off generator of data/regions.csv (kept for review; the CSV is the curated data).

Provinces come from pycountry's ISO 3166-2:CN list (codes checked), Chinese and
English names are ours. Groupings follow the official definitions cited in `note`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

PROVINCES = {
    "CN-AH": ("安徽省", "Anhui"),
    "CN-BJ": ("北京市", "Beijing"),
    "CN-CQ": ("重庆市", "Chongqing"),
    "CN-FJ": ("福建省", "Fujian"),
    "CN-GD": ("广东省", "Guangdong"),
    "CN-GS": ("甘肃省", "Gansu"),
    "CN-GX": ("广西壮族自治区", "Guangxi"),
    "CN-GZ": ("贵州省", "Guizhou"),
    "CN-HA": ("河南省", "Henan"),
    "CN-HB": ("湖北省", "Hubei"),
    "CN-HE": ("河北省", "Hebei"),
    "CN-HI": ("海南省", "Hainan"),
    "CN-HK": ("香港特别行政区", "Hong Kong"),
    "CN-HL": ("黑龙江省", "Heilongjiang"),
    "CN-HN": ("湖南省", "Hunan"),
    "CN-JL": ("吉林省", "Jilin"),
    "CN-JS": ("江苏省", "Jiangsu"),
    "CN-JX": ("江西省", "Jiangxi"),
    "CN-LN": ("辽宁省", "Liaoning"),
    "CN-MO": ("澳门特别行政区", "Macao"),
    "CN-NM": ("内蒙古自治区", "Inner Mongolia"),
    "CN-NX": ("宁夏回族自治区", "Ningxia"),
    "CN-QH": ("青海省", "Qinghai"),
    "CN-SC": ("四川省", "Sichuan"),
    "CN-SD": ("山东省", "Shandong"),
    "CN-SH": ("上海市", "Shanghai"),
    "CN-SN": ("陕西省", "Shaanxi"),
    "CN-SX": ("山西省", "Shanxi"),
    "CN-TJ": ("天津市", "Tianjin"),
    "CN-TW": ("台湾省", "Taiwan"),
    "CN-XJ": ("新疆维吾尔自治区", "Xinjiang"),
    "CN-XZ": ("西藏自治区", "Tibet (Xizang)"),
    "CN-YN": ("云南省", "Yunnan"),
    "CN-ZJ": ("浙江省", "Zhejiang"),
}
EAST = "CN-BJ CN-TJ CN-HE CN-SH CN-JS CN-ZJ CN-FJ CN-SD CN-GD CN-HI"
CENTRAL = "CN-SX CN-AH CN-JX CN-HA CN-HB CN-HN"
WEST = "CN-NM CN-GX CN-CQ CN-SC CN-GZ CN-YN CN-XZ CN-SN CN-GS CN-QH CN-NX CN-XJ"
NORTHEAST = "CN-LN CN-JL CN-HL"
GBA9 = "guangzhou shenzhen zhuhai foshan huizhou dongguan zhongshan jiangmen zhaoqing"
MAINLAND31 = " ".join(sorted(f"{EAST} {CENTRAL} {WEST} {NORTHEAST}".split()))
NBS = "NBS regional division (东中西部和东北地区划分方法, 2011)"

# region_id, name_zh, name_en, level, iso, gb2260, parent, members, note
GROUPS = [
    ("east", "东部地区", "Eastern region", "macro-region", EAST, NBS),
    ("central", "中部地区", "Central region", "macro-region", CENTRAL, NBS),
    ("west", "西部地区", "Western region", "macro-region", WEST, NBS),
    ("northeast", "东北地区", "Northeast region", "macro-region", NORTHEAST, NBS),
    (
        "central-west",
        "中西部地区",
        "Central and western regions",
        "macro-region",
        f"{CENTRAL} {WEST}",
        NBS + "; central plus western regions",
    ),
    (
        "mainland-31",
        "31个省（区、市）",
        "31 provincial-level divisions of the mainland",
        "group",
        MAINLAND31,
        "The 31 provinces, autonomous regions and municipalities covered by national statistics "
        "(excluding Hong Kong, Macao and Taiwan)",
    ),
    (
        "jjj",
        "京津冀",
        "Beijing-Tianjin-Hebei",
        "strategic-region",
        "CN-BJ CN-TJ CN-HE",
        "京津冀协同发展规划纲要 (2015)",
    ),
    (
        "yrd",
        "长三角",
        "Yangtze River Delta",
        "strategic-region",
        "CN-SH CN-JS CN-ZJ CN-AH",
        "长江三角洲区域一体化发展规划纲要 (2019): 三省一市",
    ),
    (
        "gba",
        "粤港澳大湾区",
        "Guangdong-Hong Kong-Macao Greater Bay Area",
        "strategic-region",
        f"CN-HK CN-MO {GBA9}",
        "粤港澳大湾区发展规划纲要 (2019): Hong Kong, Macao and nine cities of Guangdong",
    ),
    (
        "gba-mainland",
        "粤港澳大湾区内地9市",
        "Greater Bay Area: the nine mainland cities",
        "group",
        GBA9,
        "粤港澳大湾区发展规划纲要 (2019): 珠三角九市",
    ),
    (
        "chengyu",
        "成渝地区双城经济圈",
        "Chengdu-Chongqing economic circle",
        "strategic-region",
        "CN-CQ CN-SC",
        "成渝地区双城经济圈建设规划纲要 (2021); covers parts of Chongqing and Sichuan only",
    ),
    (
        "yreb",
        "长江经济带",
        "Yangtze River Economic Belt",
        "strategic-region",
        "CN-SH CN-JS CN-ZJ CN-AH CN-JX CN-HB CN-HN CN-CQ CN-SC CN-YN CN-GZ",
        "长江经济带发展规划纲要 (2016): 11 provinces and municipalities",
    ),
    (
        "yellow-river",
        "黄河流域",
        "Yellow River basin",
        "strategic-region",
        "CN-QH CN-SC CN-GS CN-NX CN-NM CN-SX CN-SN CN-HA CN-SD",
        "黄河流域生态保护和高质量发展规划纲要 (2021): 9 provinces and autonomous regions",
    ),
    # Groups the sources name without listing their members (members left blank on purpose).
    (
        "major-industrial-provinces",
        "工业大省",
        "Major industrial provinces",
        "group",
        "",
        "The 10 工业大省 (major industrial provinces) MIIT tracks; named at the 2024-03-26 SCIO press "
        "conference (10个工业大省均保持增长). Members not stated in the sources: the text names 浙江, 广东 "
        "and 江苏 among them",
    ),
    (
        "major-industrial-cities",
        "工业大市",
        "Major industrial cities",
        "group",
        "",
        "The 20 工业大市 (major industrial cities) MIIT tracks; named at the 2024-03-26 SCIO press "
        "conference (20个工业大市中，15个增速超过全国平均水平). Members not stated in the sources: the "
        "text names 东莞 and 深圳 among them",
    ),
]
# region_id, name_zh, name_en, level, gb2260, parent, note
PLACES = [
    ("guangzhou", "广州市", "Guangzhou", "city", "440100", "CN-GD", ""),
    ("shenzhen", "深圳市", "Shenzhen", "city", "440300", "CN-GD", ""),
    ("zhuhai", "珠海市", "Zhuhai", "city", "440400", "CN-GD", ""),
    ("foshan", "佛山市", "Foshan", "city", "440600", "CN-GD", ""),
    ("jiangmen", "江门市", "Jiangmen", "city", "440700", "CN-GD", ""),
    ("zhaoqing", "肇庆市", "Zhaoqing", "city", "441200", "CN-GD", ""),
    ("huizhou", "惠州市", "Huizhou", "city", "441300", "CN-GD", ""),
    ("dongguan", "东莞市", "Dongguan", "city", "441900", "CN-GD", ""),
    ("zhongshan", "中山市", "Zhongshan", "city", "442000", "CN-GD", ""),
    ("xiongan", "雄安新区", "Xiong'an New Area", "zone", "", "CN-HE", "State-level new area in Hebei (2017)"),
    (
        "hengqin",
        "横琴粤澳深度合作区",
        "Guangdong-Macao In-Depth Cooperation Zone in Hengqin",
        "zone",
        "",
        "zhuhai",
        "横琴粤澳深度合作区建设总体方案 (2021)",
    ),
    (
        "qianhai",
        "前海深港现代服务业合作区",
        "Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone",
        "zone",
        "",
        "shenzhen",
        "全面深化前海深港现代服务业合作区改革开放方案 (2021)",
    ),
    # Jiangsu areas named in the transcript (S003, Li Feng on the chemical industry; part 003b)
    (
        "jiangsu-riverside-8",
        "江苏沿江8市",
        "Jiangsu: the eight cities along the Yangtze",
        "group",
        "",
        "CN-JS",
        "The eight prefecture-level cities of Jiangsu on the Yangtze (沿江八市): Nanjing, Wuxi, Changzhou, "
        "Suzhou, Nantong, Yangzhou, Zhenjiang and Taizhou; the cities are not (yet) regions of their own, so "
        "members are left blank",
    ),
    (
        "jiangsu-yangtze-1km",
        "江苏长江沿岸1公里范围",
        "Jiangsu: within 1 km of the Yangtze",
        "zone",
        "",
        "CN-JS",
        "The strip within one kilometre of the Yangtze banks (沿江1公里范围) in Jiangsu, where chemical "
        "enterprises are to be withdrawn under the Yangtze River Economic Belt protection policy",
    ),
    (
        "taihu-first-level-protection-zone",
        "太湖流域一级保护区",
        "Taihu Lake first-level protection zone",
        "zone",
        "",
        "CN-JS",
        "The first-level protection zone of the Taihu Lake basin (太湖流域一级保护区) under the Jiangsu "
        "Taihu "
        "Lake water pollution prevention regulations (江苏省太湖水污染防治条例)",
    ),
    (
        "jiangsu-grand-canal",
        "京杭大运河江苏段沿线",
        "Jiangsu: along the Beijing-Hangzhou Grand Canal",
        "zone",
        "",
        "CN-JS",
        "The area along the Jiangsu section of the Beijing-Hangzhou Grand Canal (京杭大运河)",
    ),
    (
        "jiangsu-tongyu-river",
        "通榆河沿线",
        "Jiangsu: along the Tongyu River",
        "zone",
        "",
        "CN-JS",
        "The area along the Tongyu River (通榆河), Jiangsu's north-south water-transfer canal near the coast",
    ),
]
HEADER = ["region_id", "name_zh", "name_en", "level", "iso_3166_2", "gb2260", "parent", "members", "note"]


def rows() -> list[list[str]]:
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="CN")}
    assert set(iso) == set(PROVINCES), set(iso) ^ set(PROVINCES)
    out = [
        [
            "CN",
            "中国",
            "China",
            "country",
            "",
            "",
            "",
            "",
            "The People's Republic of China; national figures cover the 31 mainland divisions",
        ]
    ]
    for code, (zh, en) in sorted(PROVINCES.items()):
        note = f"ISO 3166-2 subdivision type: {iso[code].type}"
        out.append([code, zh, en, "province", code, "", "CN", "", note])
    for rid, zh, en, level, members, note in GROUPS:
        out.append([rid, zh, en, level, "", "", "CN", members, note])
    for rid, zh, en, level, gb, parent, note in PLACES:
        out.append([rid, zh, en, level, "", gb, parent, "", note])
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/regions.csv")
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows())
