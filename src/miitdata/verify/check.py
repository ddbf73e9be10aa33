"""`Verifier`: checks claims against one loaded package (the index is built once, ~0.1 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from miitdata.verify.index import Index
from miitdata.verify.judge import judge
from miitdata.verify.result import FigureVerdict, Verification
from miitdata.verify.sentence import read_sentence, split_sentences

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

MAX_CLAIM = 10_000  # characters: a claim is a sentence or a paragraph, not a book


class Verifier:
    """Checks claims against the package `ds` (default: the bundled one)."""

    def __init__(self, ds: Dataset | None = None) -> None:
        if ds is None:
            from miitdata.dataset import load

            ds = load()
        self.dataset = ds
        self.index = Index(ds)

    @property
    def version(self) -> str:
        return self.index.version

    def verify(self, claim: str) -> Verification:
        """Every figure of `claim` with its verdict (see `miitdata.verify.judge`)."""
        if not isinstance(claim, str):
            raise TypeError(f"claim must be a str, not {type(claim).__name__}")
        if len(claim) > MAX_CLAIM:
            raise ValueError(f"claim too long ({len(claim):,} characters; at most {MAX_CLAIM:,})")
        text = " ".join(claim.split())
        figures: list[FigureVerdict] = []
        for offset, sentence_text in split_sentences(text):
            sentence = read_sentence(sentence_text, offset, self.index.regions)
            first = [judge(self.index, sentence, figure) for figure in sentence.figures]
            for i, figure in enumerate(sentence.figures):
                j = first[i]
                taken = frozenset(
                    other.entry.observation_id
                    for k, other in enumerate(first)
                    if k != i and other.verdict == "supported" and other.entry is not None
                )
                if j.verdict != "supported" and taken:
                    j = judge(self.index, sentence, figure, taken)
                evidence: tuple[dict[str, object], ...] = ()
                if j.entry is not None:
                    evidence = tuple(j.entry.evidence)
                elif j.verdict == "ambiguous":
                    evidence = tuple(e.evidence[0] for e in j.candidates if e.evidence)
                figures.append(
                    FigureVerdict(
                        text=figure.text.strip(),
                        verdict=j.verdict,
                        observation_id=j.entry.observation_id if j.entry is not None else None,
                        reason=j.reason,
                        evidence=evidence,
                        differs=j.differs,
                    )
                )
        return Verification(claim=claim, version=self.version, figures=tuple(figures))
