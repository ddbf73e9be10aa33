"""Time expressions in a claim: `2021年`, `in 2021`, `2012—2021年`, `from 2012 to 2021`, `2024年1-2月`,
`the first half of 2022`, `截至2021年底`, and the relative ones (`去年`, `今年上半年`, `last year`, `近十年`,
`over the past decade`), which are resolved against the event date of the observation they are
compared with (a claim about the 2022-09-23 press conference that says 去年 means 2021).

Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"((?:19|20)[0-9]{2})"
_DASH = r"\s*(?:—|–|-|~|～|至|到)\s*"
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ZH_MONTH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                 "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_DECADE = (
    r"近十年|近10年|过去十年|过去10年|这十年|十年来|10年来|十年间|近十年来|新时代十年|党的十八大以来"
    r"|(?:over |in |during )?(?:the )?(?:past|last|previous) (?:decade|ten years|10 years)|over the decade"
    r"|in the decade|since 2012"
)


@dataclass(frozen=True)
class When:
    """One time expression: `kind` is "abs" (`period` is a period string of the model's grammar),
    "rel" (`offset` years from the event year, `part` "" / "H1" / "01/02"), "decade" (the ten years before
    the event), or "base" (a comparison base year: 较2016年, compared with 2016)."""

    start: int
    end: int
    text: str
    kind: str
    period: str = ""
    offset: int = 0
    part: str = ""

    def periods(self, event_year: int) -> tuple[str, ...]:
        """The observation periods this expression accepts, for an observation of an event in `event_year`."""
        if self.kind == "abs":
            return _accepted(self.period)
        if self.kind == "decade":
            return (f"{event_year - 10}/{event_year - 1}",)
        if self.kind == "base":
            return ()
        year = event_year + self.offset
        if self.part == "H1":
            return (f"{year}-H1",)
        if self.part == "01/02":
            return (f"{year}-01/{year}-02",)
        return _accepted(str(year))

    def describe(self) -> str:
        if self.kind == "abs":
            return self.period
        if self.kind == "decade":
            return "the ten years before the event"
        if self.kind == "base":
            return f"compared with {self.period}"
        return f"{self.text} (relative to the event date)"


def _accepted(period: str) -> tuple[str, ...]:
    """A year also accepts its year-end stock (2021 <-> 2021-12-31); a span also its two end points
    (由2012年的…上升为2021年的… is often written 2012—2021年，由…上升为…)."""
    if re.fullmatch(r"[0-9]{4}", period):
        return (period, f"{period}-12-31")
    if re.fullmatch(r"[0-9]{4}-12-31", period):
        return (period, period[:4])
    m = re.fullmatch(r"([0-9]{4})/([0-9]{4})", period)
    if m:
        return (period, m.group(1), m.group(2), f"{m.group(2)}-12-31")
    return (period,)


def _months(year: str, a: int, b: int) -> str:
    if a == b:
        return f"{year}-{a:02d}"
    return f"{year}-{a:02d}/{year}-{b:02d}"


def _zh_month(text: str) -> int:
    return int(text) if text.isdigit() else _ZH_MONTH_NUM.get(text, 0)


_NOT_AMOUNT = (
    r"(?!\s*(?:billion|million|trillion|thousand|hundred|yuan|rmb|percent|per cent|%|times|[亿万千百元%]))"
)
# (pattern, builder) in priority order: longer forms first; each match hides the text it covers.
_ZM = r"([0-9]{1,2}|十[一二]?|[一二两三四五六七八九])"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_Y + r"\s*年?" + _DASH + _Y + r"\s*年(?:间|来)?"), "span"),
    (re.compile(_Y + r"年" + _DASH + _Y + r"年?"), "span"),
    (re.compile(r"(?:from|between) " + _Y + r" (?:to|and|through|until) " + _Y, re.I), "span"),
    (re.compile(_Y + r"\s*(?:—|–|-|to)\s*" + _Y, re.I), "span"),
    (re.compile(r"((?:19|20)([0-9]{2}))\s*(?:—|–|-)\s*([0-9]{2})(?![0-9%.])"), "short-span"),
    (re.compile(_Y + r"\s*年\s*" + _ZM + r"\s*(?:月份?)?" + _DASH + _ZM + r"\s*月(?:份)?"), "zh-months"),
    (re.compile(_Y + r"\s*年\s*(?:前两个月|头两个月|前2个月)"), "zh-first-two"),
    (re.compile(_Y + r"\s*年\s*(?:的)?上半年"), "zh-h1"),
    (re.compile(r"(?:截至|截止|到)?\s*" + _Y + r"\s*年\s*(?:年底|年末|底|末)"), "zh-year-end"),
    (re.compile(_Y + r"\s*年\s*" + _ZM + r"\s*月(?:底|末)"), "zh-month-end"),
    (
        re.compile(
            r"(?:(?:是|为|相当于)\s*" + _Y + r"\s*年?的)|(?:that|those|the level) (?:of|in) " + _Y, re.I
        ),
        "base",
    ),
    (re.compile(r"(?:自|从)?\s*" + _Y + r"\s*年?(?:以来|来)"), "base"),
    (re.compile(r"(?:较|比|相比|相较|与|同)\s*" + _Y + r"\s*年?(?:相比|比|同期)?"), "base"),
    (re.compile(_Y + r"\s*年"), "year"),
    (
        re.compile(_MONTH + r"\s*(?:—|–|-|to|through)\s*" + _MONTH + r",?\s+(?:of\s+)?" + _Y, re.I),
        "en-months",
    ),
    (re.compile(r"(?:the )?first two months of " + _Y, re.I), "en-first-two"),
    (re.compile(r"(?:the )?first half (?:of )?" + _Y + r"|H1 " + _Y + r"|" + _Y + r" H1", re.I), "en-h1"),
    (re.compile(r"(?:as of |by |at )?(?:the )?end(?: of|-) ?" + _Y, re.I), "en-year-end"),
    (re.compile(r"(?:the )?end of " + _MONTH + r",? " + _Y, re.I), "en-month-end"),
    (
        re.compile(
            r"(?:compared with|compared to|over|from|since|than(?: in)?|relative to|against) (?:that of |the )?"
            + _Y
            + r"(?![0-9])",
            re.I,
        ),
        "base",
    ),
    (
        re.compile(
            r"(?:(?<=\bin )|(?<=\bof )|(?<=\bfor )|(?<=\bby )|(?<=\byear )|(?<=\bduring )|(?<=\buntil )"
            r"|(?<=\bthrough )|(?<=\bto )|(?<=\band ))"
            + _Y
            + r"(?![0-9,.]?[0-9])"
            + _NOT_AMOUNT
            + ""
            + r"|(?<![0-9.,])"
            + _Y
            + r"(?=,|'s|\s*$|\)|\.(?![0-9]))",
            re.I,
        ),
        "year",
    ),
    (re.compile(_DECADE, re.I), "decade"),
    (
        re.compile(
            r"今年(?:的)?上半年|上半年|(?:the )?first half of (?:this|the) year|(?:this year's|the) first half",
            re.I,
        ),
        "rel-h1",
    ),
    (
        re.compile(
            r"今年前两个月|前两个月|今年1[-—–~至]2月|1[-—–~至]2月|(?:the )?first two months(?: of (?:this|the) year)?"
            r"|january[-–— ]+(?:to )?february",
            re.I,
        ),
        "rel-01/02",
    ),
    (re.compile(r"去年同期|同期|the same period (?:of )?last year|year[- ]on[- ]year|同比", re.I), "ignore"),
    (re.compile(r"去年|上一年|last year|the previous year|a year earlier", re.I), "rel-1"),
    (re.compile(r"前年|two years ago|the year before last", re.I), "rel-2"),
    (
        re.compile(
            r"今年|本年|当年|this year|so far this year|currently|at present|目前|当前|截至目前|现已|现在",
            re.I,
        ),
        "rel0",
    ),
]


def find_times(text: str) -> list[When]:
    """Every time expression of `text`, in order, none overlapping (earlier rules win)."""
    taken = bytearray(len(text))
    found: list[When] = []
    for pattern, kind in _RULES:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            when = _build(m, kind)
            taken[a:b] = b"\x01" * (b - a)
            if when is not None:
                found.append(when)
    return sorted(found, key=lambda w: w.start)


def _build(m: re.Match[str], kind: str) -> When | None:
    g = [x for x in m.groups() if x is not None]
    a, b, t = m.start(), m.end(), m.group(0)
    if kind == "short-span":  # 2012-21
        end = g[0][:2] + g[2]
        return When(a, b, t, "abs", f"{g[0]}/{end}") if g[0] < end else None
    if kind == "span":
        return When(a, b, t, "abs", f"{g[0]}/{g[1]}") if g[0] < g[1] else When(a, b, t, "abs", g[1])
    if kind == "zh-months":
        return When(a, b, t, "abs", _months(g[0], _zh_month(g[1]), _zh_month(g[2])))
    if kind == "zh-first-two" or kind == "en-first-two":
        return When(a, b, t, "abs", _months(g[0], 1, 2))
    if kind == "zh-h1" or kind == "en-h1":
        return When(a, b, t, "abs", f"{g[0]}-H1")
    if kind in ("zh-year-end", "en-year-end"):
        return When(a, b, t, "abs", f"{g[0]}-12-31")
    if kind == "zh-month-end":
        year, month = int(g[0]), _zh_month(g[1])
        return When(a, b, t, "abs", _month_end(year, month))
    if kind == "en-month-end":
        return When(a, b, t, "abs", _month_end(int(g[1]), _MONTHS[g[0].lower()]))
    if kind == "en-months":
        return When(a, b, t, "abs", _months(g[2], _MONTHS[g[0].lower()], _MONTHS[g[1].lower()]))
    if kind == "base":
        return When(a, b, t, "base", g[0])
    if kind == "year":
        return When(a, b, t, "abs", g[0])
    if kind == "decade":
        return When(a, b, t, "decade")
    if kind == "rel-h1":
        return When(a, b, t, "rel", part="H1")
    if kind == "rel-01/02":
        return When(a, b, t, "rel", part="01/02")
    if kind == "rel-1":
        return When(a, b, t, "rel", offset=-1)
    if kind == "rel-2":
        return When(a, b, t, "rel", offset=-2)
    if kind == "rel0":
        return When(a, b, t, "rel", offset=0)
    return When(a, b, t, "ignore")


def _month_end(year: int, month: int) -> str:
    import calendar

    if not 1 <= month <= 12:
        return str(year)
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
