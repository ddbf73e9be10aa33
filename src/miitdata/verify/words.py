"""The words of a sentence that say *what* is measured, for matching a figure to an indicator.

Chinese text becomes character bigrams, English text lower-case word stems with a few synonyms folded
(companies -> enterprise, proportion -> share, labour -> labor …). Each word keeps its position, so a
figure weighs the words of its own clause more than the rest of the sentence. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Chinese wordings that say the same (folded before the bigrams are taken).
ZH_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("规上", "规模以上"),
    ("占比", "比重"),
    ("所占比重", "比重"),
    ("份额", "比重"),
    ("研发投入", "研发经费投入"),
    ("研发经费投入经费", "研发经费"),
    ("营收", "营业收入"),
    ("增速", "增长"),
    ("增幅", "增长"),
    ("同比增长", "增长"),
    ("创新中心", "创新中心"),
    ("企业数", "企业数量"),
    ("小巨人", "小巨人"),
    ("人均创收", "人均营业收入"),
    ("劳动生产率", "劳动生产率"),
    ("工业产值", "工业总产值"),
    ("利润总额", "利润"),
    ("先进制造业集群", "先进制造业集群"),
    ("集群", "集群"),
    ("高技术制造业", "高技术制造业"),
    ("数控化率", "数控化率"),
)

EN_SYNONYMS: dict[str, str] = {
    "companies": "enterprise", "company": "enterprise", "firms": "enterprise", "firm": "enterprise",
    "enterprises": "enterprise", "businesses": "enterprise",
    "proportion": "share", "percentage": "share", "shares": "share", "accounted": "share", "accounting": "share",
    "accounts": "share", "account": "share", "made": "share", "make": "share", "makes": "share",
    "constitute": "share", "constituted": "share",
    "labour": "labor", "centres": "center", "centre": "center", "centers": "center",
    "value-added": "value added", "added-value": "added value",
    "grew": "growth", "grow": "growth", "growing": "growth", "increased": "growth", "increase": "growth",
    "increases": "growth", "rose": "growth", "rise": "growth", "rising": "growth", "expanded": "growth",
    "expansion": "growth", "up": "growth",
    "fell": "decline", "fall": "decline", "decreased": "decline", "decrease": "decline", "dropped": "decline",
    "declined": "decline", "reduction": "decline", "reduced": "decline",
    "r&d": "research", "rd": "research",
    "hi-tech": "high-tech", "high-technology": "high-tech", "hightech": "high-tech",
    "annually": "annual", "yearly": "annual", "year-on-year": "year", "yoy": "year",
    "manufacturers": "manufacturing", "manufacture": "manufacturing", "manufacturer": "manufacturing",
    "industrial": "industry", "industries": "industry",
    "electric": "electric", "nev": "new energy vehicle", "nevs": "new energy vehicle", "ev": "new energy vehicle",
    "gdp": "gdp", "output": "output", "profits": "profit",
    "factory": "factory", "factories": "factory", "workshops": "workshop",
    "economic": "economy", "economies": "economy",
    "countrywide": "national", "nationwide": "national", "nationally": "national",
    "larger": "above designated size", "large-scale": "above designated size",
    "above-scale": "above designated size", "designated-size": "designated size",
}  # fmt: skip

_STOPWORD_TEXT = """
a an the of in on at to for from by with and or as is was were be been being will would has have had
its it this that these those which who whom there their than then so such into over under about
nearly almost around approximately roughly some more less most least at least no not only also while
where when what year years total reached reaching reach hit stood stand stands amounted amount said
says according ministry miit press conference official officials announced reported report
respectively both each all other same new-era china china's chinese's per cent percent yuan rmb
billion million trillion thousand hundred times time fold points point percentage it's worth
produced topped surpassed saw posted recorded registered logged achieved gained climbed jumped
slipped now already still just well having get got came come stood standing put puts amounting
roughly nearly some around over up down than likewise meanwhile however moreover us dollar dollars
usd euro euros
"""
EN_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_CJK = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[a-z][a-z&'-]*[a-z]|[a-z]", re.I)
_ZH_STOP_CHARS = set("的了和及与在是为有到达约近其已将我等各")


@dataclass(frozen=True)
class Word:
    text: str
    position: int


def _stem(word: str) -> str:
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in EN_SYNONYMS:
        return EN_SYNONYMS[w]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if w.endswith(suffix) and len(w) > 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + repl
            break
    return EN_SYNONYMS.get(w, w)


def _fold_zh(run: str) -> str:
    for a, b in ZH_SYNONYMS:
        if a != b:
            run = run.replace(a, b)
    return run


def words(text: str, hidden: list[tuple[int, int]]) -> list[Word]:
    """The content words of `text` (positions are code points into it), outside the `hidden` spans."""
    mask = list(text)
    for a, b in hidden:
        for i in range(max(a, 0), min(b, len(text))):
            mask[i] = " "
    masked = "".join(mask)
    out: list[Word] = []
    for m in _CJK.finditer(masked):
        run = _fold_zh(m.group(0))
        kept = "".join(c for c in run if c not in _ZH_STOP_CHARS) if len(run) > 2 else run
        scale = len(m.group(0)) / max(len(run), 1)
        for i in range(len(kept) - 1):
            out.append(Word(kept[i : i + 2], m.start() + int(i * scale)))
        if len(kept) == 1:
            out.append(Word(kept, m.start()))
    for m in _LATIN.finditer(masked):
        raw = m.group(0)
        if len(raw) < 2 or raw.lower() in EN_STOPWORDS:
            continue
        stem = _stem(raw)
        for part in stem.split():
            if part not in EN_STOPWORDS:
                out.append(Word(part, m.start()))
    return sorted(out, key=lambda w: w.position)


CLAUSE_BREAKS = re.compile(r"[，,；;。！？!?、：:（）()]|\band\b|\bwith\b|\bwhile\b|\bwhich\b")
REGION_BREAKS = re.compile(r"[，,；;。！？!?：:]|\bwith\b|\bwhile\b|\bwhich\b")
SENTENCE_BREAKS = re.compile(r"[。！？!?；;\n]+|(?<=[a-z)\"”])\.(?=\s|$)")
