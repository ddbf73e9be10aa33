"""One sentence read for verification: its time expressions, region names, figures and content words,
and for each figure the words that belong to it (its own clause weighs most). Used for claims and,
the same way, for the package's quotes, so both sides are read alike. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from miitdata.verify.figures import Figure, find_figures
from miitdata.verify.periods import When, find_times
from miitdata.verify.regions import Place, RegionFinder
from miitdata.verify.words import CLAUSE_BREAKS, REGION_BREAKS, SENTENCE_BREAKS, Word, words


@dataclass
class Sentence:
    text: str
    offset: int  # where the sentence starts in the claim
    times: list[When] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # positions of clause breaks
    region_breaks: list[int] = field(default_factory=list)  # the same without 、 and "and" (lists of places)

    def clause_of(self, position: int) -> int:
        return sum(1 for b in self.breaks if b < position)

    def region_clause_of(self, position: int) -> int:
        return sum(1 for b in self.region_breaks if b < position)

    def weights(self, figure: Figure) -> dict[str, float]:
        """Each content word weighted by how surely it speaks of `figure` (its clause 1.0, elsewhere less)."""
        own = {self.clause_of(figure.start)}
        clauses = {self.clause_of(w.position) for w in self.words}
        while own and not own & clauses and min(own) > 0:
            own.add(
                min(own) - 1
            )  # 是2012年的1.6倍: a clause without words of its own speaks of the one before
        others = [f for f in self.figures if f is not figure]
        out: dict[str, float] = {}
        for w in self.words:
            a, b = sorted((w.position, figure.start))
            between = any(a < f.start < b for f in others)
            same = self.clause_of(w.position) in own
            weight = (0.5 if between else 1.0) if same else (0.25 if between else 0.45)
            if figure.counted and 0 <= w.position - figure.end < 12 and not between:
                weight = 1.6  # 25个先进制造业集群, 25 clusters: the counted noun says what is counted
            if out.get(w.text, 0.0) < weight:
                out[w.text] = weight
        return out

    def regions_for(self, figure: Figure) -> tuple[set[str], bool]:
        """The regions a figure speaks of: those of its clause, else of the sentence (strong names first; the
        national level only when no other region is named). The flag says the regions were named at all."""
        strong = [p for p in self.places if not p.national]
        national = [p for p in self.places if p.national]
        own = self.region_clause_of(figure.start)
        for group in (strong, national):
            if not group:
                continue
            mine = {p.region_id for p in group if self.region_clause_of(p.start) == own}
            before = [p for p in group if p.start < figure.start]
            if mine:
                return mine, True
            if before:
                last_clause = self.region_clause_of(before[-1].start)
                return {p.region_id for p in before if self.region_clause_of(p.start) == last_clause}, True
            return {p.region_id for p in group}, True
        return set(), False

    def times_for(self, figure: Figure) -> tuple[When | None, When | None]:
        """(the time expression a figure is stated for, a comparison base year that applies to it)."""
        usable = [t for t in self.times if t.kind not in ("ignore", "base")]
        before = [t for t in usable if t.start < figure.start]
        after = [t for t in usable if t.start >= figure.end]
        right_after = [
            t
            for t in after
            if re.fullmatch(r"\s*(?:in|for|during|as of|by|,)?\s*", self.text[figure.end : t.start])
        ]
        primary = right_after[0] if right_after else before[-1] if before else (after[0] if after else None)
        own = self.clause_of(figure.start)
        base = None
        for t in self.times:
            if t.kind == "base" and (t.start < figure.start or self.clause_of(t.start) == own):
                base = t
        return primary, base


_REGION_COUNT_EN = re.compile(r"\s+(?:provinces?|cities|provinces and (?:cities|regions)|places)\b", re.I)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in SENTENCE_BREAKS.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, text[pos : m.start()]))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


def read_sentence(text: str, offset: int, regions: RegionFinder) -> Sentence:
    times = find_times(text)
    places = regions.find(text)
    # a place inside a time expression (rare) or a time inside a place name is dropped
    places = [p for p in places if not any(t.start <= p.start < t.end for t in times)]
    hidden = [(t.start, t.end) for t in times] + [(p.start, p.end) for p in places if not p.national]
    figures = find_figures(text, hidden)
    if any(not p.national for p in places):
        figures = [f for f in figures if not _REGION_COUNT_EN.match(text, f.end)]
    hidden_words = hidden + [(f.start, f.end) for f in figures]
    return Sentence(
        text=text,
        offset=offset,
        times=times,
        places=places,
        figures=figures,
        words=words(text, hidden_words),
        breaks=[m.start() for m in CLAUSE_BREAKS.finditer(text)],
        region_breaks=[m.start() for m in REGION_BREAKS.finditer(text)],
    )
