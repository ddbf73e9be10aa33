"""`load()` and the `Dataset` it returns: one typed DataFrame per resource, plus version, path and helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.package import read_package

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
            table: pd.DataFrame = tables[name]
            return table
        raise AttributeError(f"{type(self).__name__} has no resource or attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self.tables})

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        at = f" @ {self.rev}" if self.rev else ""
        return f"<miitdata {self.version}{at} {self.path}: {counts}>"

    def with_rev(self, rev: str) -> Dataset:
        """This dataset, recorded as read at git revision `rev`."""
        self.rev = rev
        return self

    @property
    def resource_names(self) -> list[str]:
        return list(self.tables)

    def facts(self, *, lang: str = "en", **filters: str | None) -> pd.DataFrame:
        """Observations joined with indicator and region labels (in `lang`: "en" or "zh"), the value as a
        person reads it (`display`: `≈ 100,000 亿元`, `19.21%`) and how many sources state it.

        Filters are those of `miitdata show` (`miitdata.query.filters.Filters`): `indicator`, `region`,
        `period`, `event`, `source`, `status` (actual, estimate, forecast, target);
        ids or names (Chinese or English), case-insensitive; region names
        also without their generic suffix (`West`, `西部`, `四川`); `period` keeps the periods lying within
        it. A value naming nothing raises `miitdata.query.filters.FilterError` (a ValueError).
        """
        from miitdata.query.facts import facts
        from miitdata.query.filters import FilterError, Filters

        unknown = sorted(set(filters) - set(Filters.names()))
        if unknown:
            raise FilterError(f"facts() got unknown filter(s) {unknown}; filters are {Filters.names()}")
        if lang not in ("en", "zh"):
            raise FilterError(f"lang must be 'en' or 'zh', got {lang!r}"[:200])
        return facts(self, Filters(**filters), lang)

    def retirement(self, id: str) -> dict[str, Any] | None:
        """Whether `id` (of any table) was retired: its `retired` row (`id`, `resource`, `retired_in`,
        `replaced_by` (None when nothing replaces it), `reason`), or None for an id never retired.

        `cite()` of a retired id raises `FilterError` with the same information."""
        from miitdata.query.retired import retirement

        return retirement(self, id)

    def cite(self, observation_id: str) -> pd.DataFrame:
        """Every quote of one observation (one row each, by source and offset) with offsets, publication
        details, discrepancy ids and a ready-to-paste `citation`, as `miitdata cite` shows it.

        `.attrs["observation"]` is the figure itself, `.attrs["discrepancies"]` the known problems with
        it; `miitdata.query.cite.cite_record()` returns all of it as JSON-ready dicts.
        """
        from miitdata.query.filters import FilterError

        if not isinstance(observation_id, str):
            raise FilterError(
                f"observation_id must be a string such as 'O0009', got {type(observation_id).__name__}"
            )
        from miitdata.query.cite import cite

        return cite(self, observation_id)


def load(path: str | Path | None = None) -> Dataset:
    """Read the package at `path` (a datapackage.json or its directory; default: the bundled one).

    Strict: a resource file that is not a regular file, has a byte-order mark, bytes that are not UTF-8,
    NUL bytes, CR line ends, a header other than the schema's fields, or a cell pandas cannot read as
    its type raises `PackageError` (`resource-unreadable`, naming the file and the row where known),
    never a pandas or decoding error. (`miitdata validate` says everything that is wrong.)"""
    from miitdata.schema import read_resource

    package = read_package(path)
    tables = {
        name: read_resource(package.resource_path(name), res["schema"])
        for name, res in package.resources.items()
    }
    return Dataset(path=package.path, version=package.version, descriptor=package.descriptor, tables=tables)
