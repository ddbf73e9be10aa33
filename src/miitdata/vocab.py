"""The model's closed vocabularies, read once from the bundled `datapackage.json` (the one list of each).

Units, comparators, statuses and the other categories are declared in the descriptor's Table Schemas;
everything else in miitdata (the number parser's unit conversions, the display of values, the content
checks) asks this module instead of keeping its own list. Standard library only.
"""

from __future__ import annotations

import json
from functools import cache

from miitdata.package import bundled_path


@cache
def _fields() -> dict[tuple[str, str], dict[str, object]]:
    descriptor = json.loads(bundled_path().read_text(encoding="utf-8"))
    tables = [res for res in descriptor["resources"] if "schema" in res]  # not the raw texts
    return {(res["name"], f["name"]): f for res in tables for f in res["schema"]["fields"]}


def categories(resource: str, field: str) -> tuple[str, ...]:
    """The closed vocabulary of one field of the model (its `categories`, or `constraints.enum`)."""
    spec = _fields()[(resource, field)]
    cats = spec.get("categories")
    if isinstance(cats, list):
        return tuple(str(c["value"]) if isinstance(c, dict) else str(c) for c in cats)
    constraints = spec.get("constraints")
    enum = constraints.get("enum") if isinstance(constraints, dict) else None
    if isinstance(enum, list):
        return tuple(str(v) for v in enum)
    raise KeyError(f"{resource}.{field} has no closed vocabulary in datapackage.json")


def units() -> tuple[str, ...]:
    """The indicators' units: percent, percentage-points, 100m-yuan, count, ..."""
    return categories("indicators", "unit")


def comparators() -> tuple[str, ...]:
    """How an observation's value relates to the true figure: =, ~, >, >=, <, <=."""
    return categories("observations", "comparator")
