"""What the package states, indexed for claims: one entry per stated observation (derived figures, which
no source states, are left out), with its value, precision as written in the sources, event year, the
quotes as evidence, and word profiles ("views") from its indicator's names and from each quote.

The vocabulary is the package's own: indicator names and descriptions in Chinese and English, and the
wording of the quotes around each value (so a claim that paraphrases a source, in either language,
finds the figure). Words are weighted by inverse document frequency over the observations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.numbers import NumberParseError, parse, to_unit
from miitdata.verify.regions import RegionFinder
from miitdata.verify.sentence import Sentence, read_sentence
from miitdata.verify.words import words

if TYPE_CHECKING:
    from miitdata.dataset import Dataset


@dataclass
class Entry:
    observation_id: str
    indicator_id: str
    indicator_zh: str
    indicator_en: str
    unit: str
    region_id: str
    region_zh: str
    region_en: str
    period: str
    value: float
    comparator: str
    status: str
    event_year: int
    precision: float
    evidence: list[dict[str, Any]] = field(default_factory=list)
    views: list[dict[str, float]] = field(default_factory=list)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


class Index:
    """The stated observations of one loaded package, ready to be matched against claims."""

    def __init__(self, ds: Dataset) -> None:
        self.version = str(ds.version)
        regions = ds.regions
        self.region_names = {
            str(r.region_id): (_text(r.name_zh), _text(r.name_en)) for r in regions.itertuples(index=False)
        }
        levels = {str(r): str(lv) for r, lv in zip(regions["region_id"], regions["level"], strict=True)}
        self.regions = RegionFinder([(rid, zh, en) for rid, (zh, en) in self.region_names.items()], levels)
        indicators = {str(r.indicator_id): r for r in ds.indicators.itertuples(index=False)}
        events = {
            str(eid): int(str(date)[:4])
            for eid, date in zip(ds.events["event_id"], ds.events["date"], strict=True)
            if str(date)[:4].isdigit()
        }
        by_obs: dict[str, list[Any]] = {}
        for m in ds.mentions.sort_values(["observation_id", "source_id", "start"]).itertuples(index=False):
            by_obs.setdefault(str(m.observation_id), []).append(m)
        self.entries: list[Entry] = []
        o: Any
        for o in ds.observations.itertuples(index=False):
            mentions = by_obs.get(str(o.observation_id), [])
            ind = indicators.get(str(o.indicator_id))
            if not mentions or ind is None:
                continue  # derived: no source states it, so nothing can support a claim of it
            unit = str(ind.unit)
            zh, en = self.region_names.get(str(o.region_id), ("", ""))
            entry = Entry(
                observation_id=str(o.observation_id),
                indicator_id=str(o.indicator_id),
                indicator_zh=_text(ind.name_zh),
                indicator_en=_text(ind.name_en),
                unit=unit,
                region_id=str(o.region_id),
                region_zh=zh,
                region_en=en,
                period=str(o.period),
                value=float(o.value),
                comparator=str(o.comparator),
                status=_text(getattr(o, "status", "")) or "actual",
                event_year=int(events.get(str(o.event_id), 0) or 0),
                precision=_precision(mentions, unit),
                evidence=[
                    {
                        "mention_id": str(m.mention_id),
                        "source_id": str(m.source_id),
                        "start": int(m.start),
                        "end": int(m.end),
                        "exact": str(m.exact),
                    }
                    for m in mentions
                ],
            )
            entry.views = self._views(ind, mentions)
            self.entries.append(entry)
        self._idf()
        self.corpus = self._corpus(ds)

    def _views(self, ind: Any, mentions: list[Any]) -> list[dict[str, float]]:
        desc = _text(getattr(ind, "description", ""))
        name_zh = dict.fromkeys((w.text for w in words(_text(ind.name_zh), [])), 1.0)
        name_en = dict.fromkeys((w.text for w in words(_text(ind.name_en), [])), 1.0)
        for w in words(desc, []):
            target = name_zh if "\u3400" <= w.text[0] <= "\u9fff" else name_en
            target.setdefault(w.text, 0.3)
        unit = unit_token(str(ind.unit))
        name_zh[unit] = name_en[unit] = 1.0
        views = [name_zh, name_en]
        for m in mentions:
            exact = str(m.exact)
            sentence = self._read(exact)
            own = _own_figure(sentence, int(m.value_start) - int(m.start), int(m.value_end) - int(m.start))
            if own is None:
                view = dict.fromkeys((w.text for w in sentence.words), 0.6)
            else:
                view = sentence.weights(own)
            is_zh = any("\u3400" <= c <= "\u9fff" for c in exact)
            for token, weight in (name_zh if is_zh else name_en).items():
                view[token] = max(view.get(token, 0.0), 0.5 * weight)
            view[unit] = 1.0
            views.append(view)
        return views

    def _corpus(self, ds: Dataset) -> frozenset[str]:
        """Every word of the source texts (Chinese bigrams, English stems): what the sources speak of at
        all, figures or not."""
        from miitdata.files import read_bytes

        found: set[str] = set()
        root = ds.path.parent
        for path in ds.sources["path"]:
            try:
                text = read_bytes(root / str(path), "resource-unreadable").decode("utf-8", "replace")
            except PackageError:
                continue
            found.update(w.text for w in words(text, []))
        return frozenset(found)

    def _read(self, exact: str) -> Sentence:
        """A quote read as a sentence (quotes shared by several figures are read once)."""
        cache: dict[str, Sentence] = self.__dict__.setdefault("_sentences", {})
        if exact not in cache:
            cache[exact] = read_sentence(exact, 0, self.regions)
        return cache[exact]

    def _idf(self) -> None:
        df: dict[str, int] = {}
        for e in self.entries:
            for token in set().union(*e.views):
                df[token] = df.get(token, 0) + 1
        n = len(self.entries)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self.unknown_idf = math.log(n + 1) + 1.0

    def score(self, claim: dict[str, float], entry: Entry) -> float:
        """How surely the claim's words (token -> weight) speak of the entry's indicator, 0..1: mostly the
        share of the claim's words the entry's best view has, partly the share of that view the claim has."""
        if not claim:
            return 0.0
        total = sum(w * self.idf.get(t, self.unknown_idf) for t, w in claim.items())
        best = 0.0
        for view in entry.views:
            if not view:
                continue
            hit = sum(w * self.idf.get(t, 0.0) for t, w in claim.items() if t in view)
            view_total = sum(v * self.idf.get(t, 0.0) for t, v in view.items())
            view_hit = sum(v * self.idf.get(t, 0.0) for t, v in view.items() if t in claim)
            p = hit / total if total else 0.0
            r = view_hit / view_total if view_total else 0.0
            best = max(best, 0.7 * p + 0.3 * r)
        return best


def unit_token(unit: str | None) -> str:
    """A pseudo-word for the kind of quantity (倍 is a multiple, 个百分点 a difference)."""
    return f"<unit:{unit or 'count'}>"


def _own_figure(sentence: Sentence, a: int, b: int) -> Any:
    for f in sentence.figures:
        if f.start < b and a < f.end:
            return f
    return None


def _precision(mentions: list[Any], unit: str) -> float:
    """The finest precision with which any source writes the figure, in the indicator's unit."""
    found: list[float] = []
    for m in mentions:
        try:
            found.append(to_unit(parse(str(m.value_text)), unit)[1])
        except (NumberParseError, ValueError):
            continue
    return min(found) if found else 0.0
