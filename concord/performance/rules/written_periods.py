"""Periods as people write them in spreadsheets, read into :class:`Period` codes.

Besides the canonical codes (``2009-04``, ``2009-Q2``, ``2009``, ``2009/10``):

* quarters: ``Q3 2026``, ``2026 Q3``, ``Quarter 3 2026`` (calendar quarters:
  Q3 is July to September); ``Q3 2026/27`` or ``2026/27 Q3`` (a quarter *of a
  financial year*: Q1 is April to June, so Q3 2026/27 is October to December
  2026, the calendar quarter ``2026-Q4``);
* months: ``Sept 2026``, ``September 2026``, ``Sep-26``, ``09/2026``;
* financial years: ``FY 2009/10``, ``2009/2010``, ``2009-2010``.

:func:`read_period` also says how the text was read, so an import can show
the form each column was read as before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from concord.performance.rules.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    Period,
    PeriodKind,
    parse_period,
)

__all__ = ["ReadPeriod", "read_period"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_FY = r"(\d{4})\s*/\s*(\d{2}|\d{4})"
_Q = r"(?:q|quarter\s*)([1-4])"
_FIN_QUARTER = [
    re.compile(rf"^{_Q}\s*,?\s*(?:fy\s*)?{_FY}$", re.I),
    re.compile(rf"^(?:fy\s*)?{_FY}\s*,?\s*{_Q}$", re.I),
]
_CAL_QUARTER = [
    re.compile(rf"^{_Q}\s*[-,]?\s*(\d{{4}})$", re.I),
    re.compile(rf"^(\d{{4}})\s*[-,]?\s*{_Q}$", re.I),
]
_MONTH_WORD = re.compile(r"^([a-z]+)\.?[\s\-/]*(\d{4}|\d{2})$", re.I)
_MONTH_NUMBER = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_FY_WORD = re.compile(r"^(?:fy|financial year)\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.I)
_FY_DASH = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")


@dataclass(frozen=True)
class ReadPeriod:
    """A period and how its text was read ("quarter of a financial year")."""

    period: Period
    form: str


def _financial_quarter(quarter: int, start_year: int) -> Period:
    """Quarter 1-4 of the financial year starting in April of ``start_year``.

    >>> str(_financial_quarter(3, 2026)), str(_financial_quarter(4, 2026))
    ('2026-Q4', '2027-Q1')
    """
    if quarter == 4:
        return Period(PeriodKind.QUARTER, start_year + 1, 1)
    return Period(PeriodKind.QUARTER, start_year, quarter + 1)


def _fy_start(start: str, end: str) -> int:
    """The first year of a financial year, checked as :func:`parse_period` checks it."""
    return parse_period(f"{start}/{end}").year


def _year(two_or_four: str) -> int:
    return int(two_or_four) if len(two_or_four) == 4 else 2000 + int(two_or_four)


def _read(s: str) -> ReadPeriod:
    try:
        return ReadPeriod(parse_period(s), "code")
    except ValueError:
        pass
    for pattern in _FIN_QUARTER:
        if m := pattern.match(s):
            groups = m.groups()
            quarter, start, end = (
                (groups[0], groups[1], groups[2])
                if pattern is _FIN_QUARTER[0]
                else (groups[2], groups[0], groups[1])
            )
            first = _fy_start(start, end)
            return ReadPeriod(
                _financial_quarter(int(quarter), first), "quarter of a financial year"
            )
    for pattern in _CAL_QUARTER:
        if m := pattern.match(s):
            a, b = m.groups()
            quarter, year = (a, b) if pattern is _CAL_QUARTER[0] else (b, a)
            return ReadPeriod(
                Period(PeriodKind.QUARTER, int(year), int(quarter)), "calendar quarter"
            )
    if m := _FY_WORD.match(s) or _FY_DASH.match(s):
        return ReadPeriod(
            Period(PeriodKind.FINANCIAL_YEAR, _fy_start(m[1], m[2])), "financial year"
        )
    if m := _MONTH_WORD.match(s):
        word = m[1].lower()
        month = _MONTHS.get(word) or _MONTH_NAMES.get(word)
        if month:
            return ReadPeriod(Period(PeriodKind.MONTH, _year(m[2]), month), "month")
    if (m := _MONTH_NUMBER.match(s)) and 1 <= int(m[1]) <= 12:
        return ReadPeriod(Period(PeriodKind.MONTH, int(m[2]), int(m[1])), "month")
    raise ValueError(f"not a period: {s!r}")


def read_period(text: str) -> ReadPeriod:
    """Read a period written in any common form; ``ValueError`` says why not.

    >>> [str(read_period(t).period) for t in ("Q3 2026", "Q3 2026/27", "2026/27 Q3", "Sept 2026")]
    ['2026-Q3', '2026-Q4', '2026-Q4', '2026-09']
    >>> read_period("Q3 2026/27").form
    'quarter of a financial year'
    >>> read_period("Q5 2026")
    Traceback (most recent call last):
    ...
    ValueError: not a period: 'Q5 2026'
    """
    s = " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split())
    read = _read(s)
    if not FIRST_YEAR <= read.period.year <= LAST_YEAR:
        raise ValueError(f"period {text!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    if read.period.kind == PeriodKind.MONTH and not 1 <= read.period.number <= 12:
        raise ValueError(f"not a period: {text!r}")
    return read
