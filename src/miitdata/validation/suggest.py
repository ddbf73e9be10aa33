"""Did you mean: the closest value of a vocabulary to an unknown one (an id, a foreign key, a category).

difflib's ratio, case-insensitive, at least `CUTOFF` similar. A large vocabulary (a 1M-row key column)
is first narrowed to values of about the same length and the same first character, so an error costs
little however big the table.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.7
LARGE = 5000  # above this many candidates, only those that look alike are compared
MAX_COMPARED = 20000


class Vocabulary:
    """The known values of one column; `closest(value)` names the nearest, when one is close."""

    def __init__(self, values: Iterable[object]) -> None:
        self.values = sorted({str(v) for v in values if isinstance(v, str) and v})
        self.lower: dict[str, str] = {}
        for v in self.values:
            self.lower.setdefault(v.lower(), v)

    def closest(self, value: object) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        key = value.lower()
        if key in self.lower and self.lower[key] != value:
            return self.lower[key]  # only the case differs
        pool = list(self.lower)
        if len(pool) > LARGE:
            pool = [c for c in pool if abs(len(c) - len(key)) <= 2 and c[:1] == key[:1]][:MAX_COMPARED]
        found = difflib.get_close_matches(key, pool, n=1, cutoff=CUTOFF)
        return self.lower[found[0]] if found and self.lower[found[0]] != value else None


def closest(value: object, candidates: Iterable[object]) -> str | None:
    """The candidate closest to `value` when one is close (see `Vocabulary`), else None."""
    return Vocabulary(candidates).closest(value)


def hint(suggestion: str | None) -> str:
    """The text appended to a message: ` (did you mean 'west'?)`, or nothing."""
    return f" (did you mean {suggestion!r}?)" if suggestion else ""
