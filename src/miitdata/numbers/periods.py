"""The period grammar: `2021`, `2021-12`, `2021-12-31`, `2022-H1`, `2024-Q1`, and spans `A/B` of two of these.

`parse_period("2012/2021")` returns the first and last day covered; `years("2012/2021")` the
number of years between the endpoints (9), used by average-annual-growth relations.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from miitdata.errors import MiitdataError

POINT = r"[0-9]{4}(?:-(?:H[12]|Q[1-4]|[0-9]{2}(?:-[0-9]{2})?))?"
PERIOD = re.compile(rf"({POINT})(?:/({POINT}))?")


class PeriodError(MiitdataError, ValueError):
    """Not a period of the grammar (see `parse_period`)."""

    code = "period-unparsable"

    def __init__(self, message: str) -> None:
        super().__init__(type(self).code, message)


def _bounds(point: str) -> tuple[date, date]:
    year = int(point[:4])
    rest = point[5:]
    if not rest:
        return date(year, 1, 1), date(year, 12, 31)
    if rest[0] == "H":
        half = int(rest[1])
        return date(year, 6 * half - 5, 1), date(year, 6 * half, 30 if half == 1 else 31)
    if rest[0] == "Q":
        q = int(rest[1])
        last = 3 * q
        return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])
    month = int(rest[:2])
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month} out of range")
    if len(rest) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(rest[3:5]))  # raises ValueError on 2021-02-30
    return day, day


def parse_period(text: str) -> tuple[date, date]:
    """First and last day a period covers; PeriodError when it breaks the grammar or is not a real date."""
    m = PERIOD.fullmatch(text)
    if m is None:
        raise PeriodError(
            f"{text!r} does not follow the period grammar (2021, 2021-12-31, 2022-H1, 2012/2021, ...)"
        )
    try:
        start, end = _bounds(m.group(1))
        if m.group(2):
            second_start, end = _bounds(m.group(2))
            if second_start < start:
                raise PeriodError(f"{text!r}: the span ends before it starts")
    except PeriodError:
        raise
    except ValueError as exc:  # not a real date (2021-02-30)
        raise PeriodError(f"{text!r}: {exc}") from None
    return start, end


def years(text: str) -> int:
    """Whole years between the endpoints of a span `Y0/Y1` (Y1 - Y0); 0 for a single period."""
    m = PERIOD.fullmatch(text)
    if m is None:
        raise PeriodError(f"{text!r} does not follow the period grammar")
    return int(m.group(2)[:4]) - int(m.group(1)[:4]) if m.group(2) else 0
