"""Region names in a claim, from the package's `regions` table: Chinese and English names, the names
without their generic suffix (四川 for 四川省, Western for Western region), and the usual ways articles
write the macro-regions and strategic regions (西部, western China, the Greater Bay Area, 长三角 …).

The national level (全国, 我国, China, nationwide) is weak: it names the region only when no other
region is named (西部地区占全国比重 speaks of the west, not of China).
"""

from __future__ import annotations

from dataclasses import dataclass

# Ways of writing a region that its names in regions.csv do not cover (region_id -> aliases).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "CN": ("全国", "我国", "中国", "全国范围", "China", "China's", "nationwide", "national", "the country",
           "the whole country", "the nation", "Chinese"),
    "east": ("东部", "东部地区", "东部省份", "eastern China", "East China", "the east", "eastern regions",
             "eastern provinces", "the eastern region", "eastern"),
    "central": ("中部", "中部地区", "中部六省", "central China", "the central region", "central provinces",
                "six central provinces", "six provinces in the central region"),
    "west": ("西部", "西部地区", "西部省份", "western China", "West China", "the west", "the western region",
             "western provinces", "western regions", "western"),
    "northeast": ("东北", "东北地区", "东北三省", "northeast China", "northeastern China", "the northeast",
                  "north-east China", "northeastern region", "northeastern"),
    "central-west": ("中西部", "中西部地区", "central and western China", "central and western regions",
                     "central and western provinces", "the central and western regions"),
    "macro-regions": ("四大板块", "four major regions", "four macro-regions", "four major sectors"),
    "mainland-31": ("31个省份", "31个省区市", "31个省（区、市）", "31 provinces", "31 provincial-level regions",
                    "31 provincial-level divisions", "all 31 provinces"),
    "jjj": ("京津冀", "京津冀地区", "北京、天津、河北", "Beijing-Tianjin-Hebei", "Beijing, Tianjin and Hebei",
            "Jing-Jin-Ji"),
    "yrd": ("长三角", "长三角地区", "长江三角洲", "长江三角洲地区", "长三角三省一市", "the Yangtze River Delta",
            "Yangtze River Delta", "Yangtze Delta", "YRD"),
    "yrd-provinces": ("苏浙皖",),
    "gba": ("粤港澳大湾区", "大湾区", "Greater Bay Area", "Guangdong-Hong Kong-Macao Greater Bay Area",
            "Guangdong-Hong Kong-Macau Greater Bay Area", "GBA"),
    "gba-mainland": ("粤港澳大湾区内地9市", "粤港澳大湾区内地九市", "大湾区内地9市", "大湾区内地九市", "大湾区9市",
                     "大湾区九市", "湾区内地9市", "内地9市", "内地九市", "珠三角九市", "珠三角9市",
                     "nine mainland cities of the Greater Bay Area", "nine cities of the Greater Bay Area",
                     "nine mainland cities", "nine cities in the Greater Bay Area",
                     "nine Pearl River Delta cities", "9 mainland cities", "9 cities in the Greater Bay Area"),
    "chengyu": ("成渝地区双城经济圈", "成渝双城经济圈", "成渝经济圈", "Chengdu-Chongqing economic circle",
                "Chengdu-Chongqing Economic Circle", "Chengdu-Chongqing twin-city economic circle"),
    "cq-sc": ("川渝", "成渝两地", "川渝两地", "重庆和四川", "四川和重庆", "Sichuan and Chongqing",
              "Chongqing and Sichuan"),
    "yreb": ("长江经济带", "沿长江11省市", "沿江11省市", "Yangtze River Economic Belt", "Yangtze Economic Belt",
             "11 provinces and cities along the Yangtze River", "11 provinces along the Yangtze"),
    "yellow-river": ("黄河流域", "沿黄河9省区", "沿黄9省区", "沿黄九省区", "Yellow River basin",
                     "Yellow River Basin", "Yellow River", "Yellow River region", "9 provinces and regions along the Yellow River",
                     "nine provinces along the Yellow River", "provinces along the Yellow River"),
    "major-industrial-provinces": ("工业大省", "10个工业大省", "十个工业大省", "major industrial provinces",
                                   "10 major industrial provinces", "ten major industrial provinces"),
    "major-industrial-cities": ("工业大市", "20个工业大市", "major industrial cities",
                                "20 major industrial cities"),
    "xiongan": ("雄安", "雄安新区", "Xiongan", "Xiong'an", "Xiongan New Area", "Xiong'an New Area"),
    "hengqin": ("横琴", "横琴合作区", "Hengqin"),
    "qianhai": ("前海", "前海合作区", "Qianhai"),
    "CN-HK": ("香港", "Hong Kong"),
    "CN-MO": ("澳门", "Macao", "Macau"),
    "CN-XZ": ("西藏", "Tibet", "Xizang"),
    "CN-NM": ("内蒙古", "Inner Mongolia"),
    "jiangsu-riverside-8": ("沿江八市", "沿江8市", "eight cities along the Yangtze",
                            "eight cities along the Yangtze River"),
}  # fmt: skip

_SUFFIXES_ZH = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "地区", "省", "市")
_SUFFIXES_EN = (" region", " regions", " province", " municipality")


@dataclass(frozen=True)
class Place:
    """A region named in a claim: its id, where it is written, and whether it is the weak national level."""

    region_id: str
    start: int
    end: int
    text: str

    @property
    def national(self) -> bool:
        return self.region_id == "CN"


class RegionFinder:
    """Finds region names in text; built from the rows (region_id, name_zh, name_en) of `regions`."""

    def __init__(self, rows: list[tuple[str, str, str]], levels: dict[str, str] | None = None) -> None:
        aliases: dict[str, str] = {}
        known = {r[0] for r in rows}
        for region_id, name_zh, name_en in rows:
            # 四川 for 四川省, Western for Western region; not 工业大 for 工业大省 (a group, not a place)
            strip = (levels or {}).get(region_id, "province") in (
                "province",
                "city",
                "macro-region",
                "country",
            )
            for name in (name_zh, name_en):
                if not name:
                    continue
                aliases.setdefault(name.casefold(), region_id)
                for suffix in (_SUFFIXES_ZH + _SUFFIXES_EN) if strip else ():
                    if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                        aliases.setdefault(name[: -len(suffix)].casefold(), region_id)
        for region_id, extra in EXTRA_ALIASES.items():
            if region_id in known:
                for name in extra:
                    aliases[name.casefold()] = region_id
        self.aliases = aliases
        self.by_length = sorted(aliases, key=len, reverse=True)

    def find(self, text: str) -> list[Place]:
        """Every region name of `text`, longest first, not overlapping, in order (ASCII names only as
        whole words)."""
        folded = text.casefold()
        if len(folded) != len(text):  # a character whose case folding changes length: fall back to lower()
            folded = text.lower()
        taken = bytearray(len(text))
        found: list[Place] = []
        for alias in self.by_length:
            pos = folded.find(alias)
            while pos != -1:
                end = pos + len(alias)
                ok = not any(taken[pos:end])
                if (
                    ok
                    and alias[0].isascii()
                    and pos > 0
                    and folded[pos - 1].isalnum()
                    and folded[pos - 1].isascii()
                ):
                    ok = False
                if (
                    ok
                    and alias[-1].isascii()
                    and end < len(folded)
                    and ((folded[end].isalnum() and folded[end].isascii()) or folded[end] == "-")
                ):
                    ok = alias.endswith("'s")
                if ok:
                    taken[pos:end] = b"\x01" * (end - pos)
                    found.append(Place(self.aliases[alias], pos, end, text[pos:end]))
                pos = folded.find(alias, pos + 1)
        return sorted(found, key=lambda p: p.start)
