"""The answer of `verify`: one verdict per claim and per figure, with the evidence, as the JSON contract
`{"claim", "verdict", "version", "figures": [{"text", "verdict", "observation_id", "reason", "evidence"}]}`
and as text for people. Exit codes: 0 supported, 1 contradicted, 3 not found or ambiguous."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("supported", "contradicted", "not_found", "ambiguous")
EXIT_CODES = {"supported": 0, "contradicted": 1, "not_found": 3, "ambiguous": 3}


@dataclass(frozen=True)
class FigureVerdict:
    """One figure of a claim: its text, verdict, the observation it was compared with (or None), why
    (the reason starts with its kind: match, value, year, region, scale, unit, comparator, no-indicator,
    no-region, no-observation, precision, ambiguous), and the quotes of that observation."""

    text: str
    verdict: str
    observation_id: str | None
    reason: str
    evidence: tuple[dict[str, Any], ...] = ()
    differs: str = ""  # for a contradiction: value, year, region, scale, unit or comparator

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "observation_id": self.observation_id,
            "reason": self.reason,
            "evidence": [dict(e) for e in self.evidence],
        }


@dataclass(frozen=True)
class Verification:
    """A claim checked against the sources of one release of the package."""

    claim: str
    version: str
    figures: tuple[FigureVerdict, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        """contradicted if any figure is; supported if every figure is; else ambiguous if any figure is,
        else not_found (also for a claim that states no figure)."""
        kinds = [f.verdict for f in self.figures]
        if "contradicted" in kinds:
            return "contradicted"
        if kinds and all(k == "supported" for k in kinds):
            return "supported"
        return "ambiguous" if "ambiguous" in kinds else "not_found"

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "version": self.version,
            "figures": [f.to_dict() for f in self.figures],
        }

    def to_text(self) -> str:
        lines = [f"{self.verdict.upper()}: {self.claim}", f"  (miitdata {self.version})"]
        if not self.figures:
            lines.append("  no figure found in the claim")
        for f in self.figures:
            lines.append(
                f"  {f.text!s} -> {f.verdict}" + (f" [{f.observation_id}]" if f.observation_id else "")
            )
            lines.append(f"    {f.reason}")
            for e in f.evidence:
                lines.append(
                    f"    {e['mention_id']} {e['source_id']} {e['start']}-{e['end']}: “{e['exact']}”"
                )
        return "\n".join(lines) + "\n"
