"""The object `miitdata.load()` returns: one DataFrame per resource, plus version, path and helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Dataset:
    """A loaded data package. Attribute names are the resource names (`observations`, `mentions`, ...)."""

    path: Path
    version: str
    descriptor: dict[str, Any]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    rev: str | None = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"{type(self).__name__} has no resource or attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self.tables})

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        at = f" @ {self.rev}" if self.rev else ""
        return f"<miitdata {self.version}{at} {self.path}: {counts}>"

    @property
    def resource_names(self) -> list[str]:
        return list(self.tables)

    def facts(
        self,
        *,
        indicator: str | None = None,
        region: str | None = None,
        period: str | None = None,
        event: str | None = None,
        source: str | None = None,
        lang: str = "en",
    ) -> pd.DataFrame:
        """Observations joined with indicator and region labels (in `lang`: "en" or "zh"), the value as a
        person reads it (`display`: `≈ 100,000 亿元`, `19.21%`) and how many sources state it.

        The same filters as `miitdata show`: ids or names (Chinese or English), case-insensitive; region
        names also without their generic suffix (`West`, `西部`, `四川`); `period` keeps the periods lying
        within it. A value naming nothing raises `miitdata.facts.FilterError` (a ValueError).
        """
        from miitdata.facts import facts

        return facts(
            self, indicator=indicator, region=region, period=period, event=event, source=source, lang=lang
        )

    def cite(self, observation_id: str) -> pd.DataFrame:
        """Every quote of one observation (one row each, by source and offset) with offsets, publication
        details, discrepancy ids and a ready-to-paste `citation`, as `miitdata cite` shows it.

        `.attrs["observation"]` is the figure itself, `.attrs["discrepancies"]` the known problems with
        it; `miitdata.facts.cite_record()` returns all of it as JSON-ready dicts.
        """
        from miitdata.facts import cite

        return cite(self, observation_id)
