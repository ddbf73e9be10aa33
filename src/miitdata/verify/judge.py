"""The verdict on one figure of a claim: find the observations its words speak of, then decide.

- `supported`: an observation of the indicator, region and period the claim names states the value
  (within the precision written, with a compatible hedge);
- `contradicted`: the claim differs from a matching observation in exactly one way, named first in
  the reason: `value`, `year`, `region`, `scale`, `unit` or `comparator`;
- `not_found`: nothing the sources state is what the claim speaks of (or only less precisely);
- `ambiguous`: several observations fit and disagree, and the claim does not say which it means.

Never a guess: an indicator match below `MIN_SCORE` is no match; the national level is assumed only when
the claim names no region; a figure the sources never state is never supported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miitdata.verify.compare import Relation, relate
from miitdata.verify.figures import Figure
from miitdata.verify.index import Entry, Index, unit_token
from miitdata.verify.periods import When
from miitdata.verify.sentence import Sentence

MIN_SCORE = 0.36  # below this the claim's words do not speak of the indicator (calibrated on tests/claims)
SUPPORT_SCORE = 0.4  # a figure is supported only by an observation this surely spoken of
CONTRADICT_SCORE = 0.5  # a figure is contradicted only by an observation this surely spoken of
CLEAR = 0.05  # a disagreeing candidate this much better than an agreeing one blocks "supported"
BAND = 0.12  # candidates within this of the best score compete; beyond it they are another indicator


@dataclass
class Judgement:
    verdict: str
    reason: str
    entry: Entry | None = None
    candidates: tuple[Entry, ...] = ()
    differs: str = ""


@dataclass
class _Cand:
    entry: Entry
    score: float
    region_ok: bool | None
    period_ok: bool | None
    rel: Relation


_DATASET_UNITS = {
    "percent": ("percent",),
    "fraction": ("percent", "times"),
    "percentage-points": ("percentage-points",),
    "times": ("times",),
    "yuan": ("100m-yuan",),
    "yuan-per-person": ("10k-yuan-per-person",),
    "tonnes-sce": ("10k-tonnes-sce",),
    "rank": ("rank",),
}


def claim_units(figure: Figure) -> dict[str, float]:
    """The unit pseudo-words of a figure (see index.unit_token): what kind of quantity it can be."""
    unit = figure.number.unit
    if unit == "percent" and ("倍" in figure.text or re.search(r"times|fold", figure.text, re.I)):
        return {unit_token("times"): 1.0, unit_token("percent"): 0.5}  # 增长1.6倍: growth, or a multiple
    if unit is None:
        units: tuple[str, ...] = ("count",) if figure.counted else ("count", "100m-yuan")
    else:
        units = _DATASET_UNITS.get(unit, ())
    return {unit_token(u): 1.0 for u in units}


def _unknown_subject(sentence: Sentence, figure: Figure, index: Index) -> str:
    """The words of the figure's own clause that the sources never use, when they say what it is of: three
    Chinese bigrams in a row (零售总额) or two English words (retail sales); else ""."""
    own = sentence.clause_of(figure.start)
    mine = [w for w in sentence.words if sentence.clause_of(w.position) == own]
    unknown = [w for w in mine if w.text not in index.idf and w.text not in index.corpus]
    zh = [w for w in unknown if "\u3400" <= w.text[0] <= "\u9fff"]
    en = [w.text for w in unknown if not ("\u3400" <= w.text[0] <= "\u9fff")]
    run = best = 0
    last = -2
    for w in zh:
        run = run + 1 if w.position == last + 1 else 1
        best, last = max(best, run), w.position
    if best >= 3 or len(set(en)) >= 2:
        return ", ".join(w.text for w in unknown)
    return ""


def _period_ok(entry: Entry, primary: When | None, base: When | None) -> bool | None:
    if primary is None and base is None:
        return None
    accepted: set[str] = set()
    if primary is not None:
        accepted.update(primary.periods(entry.event_year))
        if base is not None:
            for p in primary.periods(entry.event_year):
                if len(p) == 4:
                    accepted.add(f"{base.period}/{p}")
    elif base is not None:
        return entry.period.startswith(f"{base.period}/")
    if entry.period in accepted:
        return True
    # a stock counted at the event (clusters, zones …: period = the event year) holds all that year
    # (or the last full year before it: 2021年上海有3大先导产业 for the 2022 count)
    if entry.unit == "count" and entry.period == str(entry.event_year):
        return any(p[:4] in (entry.period, str(entry.event_year - 1)) for p in accepted)
    return False


def _describe(e: Entry) -> str:
    return f"{e.observation_id} ({e.indicator_en}, {e.region_en}, {e.period}: {_shown(e)})"


def _shown(e: Entry) -> str:
    from miitdata.query.format import format_value

    # amounts in 亿元 / 万元 read better with their Chinese unit than as "15,400 100 million yuan"
    lang = "zh" if e.unit in ("100m-yuan", "10k-yuan-per-person", "10k-tonnes-sce") else "en"
    return str(format_value(e.value, e.unit, e.comparator, lang))


def judge(index: Index, sentence: Sentence, figure: Figure, taken: frozenset[str] = frozenset()) -> Judgement:
    """The verdict on `figure`, one of the figures of `sentence`; `taken`: observations that other figures
    of the sentence state (拥有3家…、5.7万家…: each figure is its own observation).

    Long because: the verdict rules in their order of precedence; each reads the figure and the quotes found
    so far."""
    weights = sentence.weights(figure)
    weights.update(claim_units(figure))
    regions, named = sentence.regions_for(figure)
    primary, base = sentence.times_for(figure)
    unknown = _unknown_subject(sentence, figure, index)
    if unknown:
        return Judgement(
            "not_found",
            f"no-indicator: the sources never use the words the claim describes it with ({unknown})",
        )
    scored = []
    for entry in index.entries:
        if entry.observation_id in taken:
            continue
        rel = relate(figure, entry)
        if rel.kind == "incompatible":
            continue
        score = index.score(weights, entry)
        if score < MIN_SCORE:
            continue
        region_ok: bool | None = (
            entry.region_id in regions if named else (True if entry.region_id == "CN" else None)
        )
        scored.append(_Cand(entry, score, region_ok, _period_ok(entry, primary, base), rel))
    if not scored:
        return Judgement("not_found", "no-indicator: the sources state no figure of what the claim speaks of")
    scored.sort(key=lambda c: -c.score)
    best = scored[0].score
    band = [c for c in scored if c.score >= best - BAND]
    fitting = [c for c in scored if c.region_ok is not False and c.period_ok is not False]
    fits = [c for c in fitting if c.score >= fitting[0].score - BAND] if fitting else []
    agree = [c for c in fits if c.rel.kind == "agree" and c.score >= SUPPORT_SCORE]
    if agree:
        chosen = agree[0]
        unnamed = [c for c in agree if c.region_ok is None]
        if chosen.region_ok is None and len({c.entry.region_id for c in unnamed}) > 1:
            return _ambiguous(agree, "the claim names no region, and the sources state it for several")
        better = [c for c in fits if c.score > chosen.score + CLEAR and c.rel.kind != "agree"]
        if not better:
            note = f"; {chosen.rel.note}" if chosen.rel.note else ""
            return Judgement("supported", f"match: {_describe(chosen.entry)}{note}", chosen.entry, differs="")
    # one thing changed: the value is right but the region or the year is not
    for kind in ("region", "year"):
        hits = [
            c for c in band if c.rel.kind == "agree" and _only_wrong(c, kind) and c.score >= CONTRADICT_SCORE
        ]
        if hits:
            e = hits[0].entry
            said = (
                f"the sources state it for {e.region_en} ({e.region_id})"
                if kind == "region"
                else f"the sources state it for {e.period}"
            )
            return Judgement("contradicted", f"{kind}: {said}: {_describe(e)}", e, differs=kind)
    # a contradiction needs an observation the claim surely speaks of: near the best match overall
    differing = [
        c
        for c in fits
        if c.rel.kind in ("comparator", "scale", "unit", "value")
        and c.score >= max(best - BAND, CONTRADICT_SCORE)
    ]
    if fitting:  # the same number in a clashing unit (9.4 pp for 9.4%) is worth looking further for
        wide = fitting[0].score - 2 * BAND
        differing += [
            c
            for c in fitting
            if c.score >= max(wide, CONTRADICT_SCORE) and c not in differing and c.rel.same_number
        ]
    named_fits = [c for c in differing if c.region_ok is True]
    if named_fits:
        differing = named_fits
    # the most specific explanation first: the same number with another hedge, scale or unit
    differing.sort(key=lambda c: (_specificity(c), -c.score))
    if primary is not None and primary.kind in ("rel", "decade"):
        differing = _latest_event(differing)
    if differing:
        top = differing[0]
        rivals = [
            c
            for c in differing[1:]
            if c.score >= top.score - 0.02
            and c.entry.indicator_id == top.entry.indicator_id
            and (c.entry.value != top.entry.value or c.entry.region_id != top.entry.region_id)
        ]
        if top.region_ok is None:
            return _not_found_region(differing)
        if rivals or (top.period_ok is None and _periods_differ(differing, top)):
            why = "several periods or observations fit; the claim does not say which"
            return _ambiguous([top, *rivals] if rivals else _same_indicator(differing, top), why)
        e = top.entry
        kind = top.rel.kind
        detail = top.rel.note or f"the claim says {figure.text.strip()}"
        return Judgement(
            "contradicted", f"{kind}: {detail}; the sources state {_describe(e)}", e, differs=kind
        )
    finer = [c for c in fits if c.rel.kind == "finer"]
    if finer:
        e = finer[0].entry
        return Judgement("not_found", f"precision: the sources state it less precisely: {_describe(e)}", e)
    stated = sorted({f"{c.entry.region_en} {c.entry.period}" for c in band})[:6]
    what = band[0].entry.indicator_en
    return Judgement(
        "not_found",
        f"no-observation: the sources state {what} only for {', '.join(stated)}",
        candidates=tuple(c.entry for c in band[:3]),
    )


def _only_wrong(c: _Cand, kind: str) -> bool:
    """The candidate fits in all but `kind` (region or year)."""
    if kind == "region":
        return c.region_ok is False and c.period_ok is not False
    return c.period_ok is False and c.region_ok is not False


def _specificity(c: _Cand) -> int:
    kind = c.rel.kind
    if kind in ("comparator", "scale") or (kind == "unit" and c.rel.same_number):
        return 0
    return 2 if kind == "unit" else 1


def _latest_event(cands: list[_Cand]) -> list[_Cand]:
    """今年 / now / 近十年 with observations of several events: the claim speaks of the latest."""
    if not cands:
        return cands
    latest: dict[str, int] = {}
    for c in cands:
        key = c.entry.indicator_id
        latest[key] = max(latest.get(key, 0), c.entry.event_year)
    return [c for c in cands if c.entry.event_year == latest[c.entry.indicator_id]]


def _same_indicator(cands: list[_Cand], top: _Cand) -> list[_Cand]:
    return [c for c in cands if c.entry.indicator_id == top.entry.indicator_id]


def _periods_differ(cands: list[_Cand], top: _Cand) -> bool:
    same = _same_indicator(cands, top)
    return len({(c.entry.period, c.entry.region_id) for c in same}) > 1


def _ambiguous(cands: list[_Cand], why: str) -> Judgement:
    entries = tuple(dict.fromkeys(c.entry.observation_id for c in cands))
    chosen = [c.entry for c in cands if c.entry.observation_id in entries][: len(entries)]
    ids = ", ".join(entries)
    return Judgement("ambiguous", f"ambiguous: {why}: {ids}", candidates=tuple(chosen))


def _not_found_region(cands: list[_Cand]) -> Judgement:
    stated = sorted({c.entry.region_en for c in cands})
    return Judgement(
        "not_found",
        f"no-region: the claim names no region; the sources state this for {', '.join(stated)} only",
        candidates=tuple(c.entry for c in cands[:3]),
    )
