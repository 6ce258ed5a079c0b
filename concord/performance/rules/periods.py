"""Reporting periods: parse, order, step and label them.

Four kinds of period are understood, written in a canonical code:

========================  ===========  ============
kind                      code         label
========================  ===========  ============
month                     ``2009-04``  ``Apr 2009``
calendar quarter          ``2009-Q2``  ``Q2 2009``
calendar year             ``2009``     ``2009``
financial year (Apr-Mar)  ``2009/10``  ``2009/10``
========================  ===========  ============

Quarters are *calendar* quarters (Q1 = January-March, Q2 = April-June), so
``2009-Q2`` is the first quarter of the financial year 2009/10. The
financial-year position helpers translate between the two.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, total_ordering
from typing import TypeVar

__all__ = [
    "Period",
    "PeriodKind",
    "financial_year_of",
    "financial_year_position",
    "parse_period",
    "parse_sensible_period",
    "periods_between",
    "period_of",
    "periods_to_date",
    "sort_periods",
]


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"

    # Hashed as the string it equals (an Enum member's own hash is a Python-level
    # call, and periods are dictionary keys wherever figures are judged).
    __hash__ = str.__hash__


_KIND_INDEX = {
    PeriodKind.MONTH: 0,
    PeriodKind.QUARTER: 1,
    PeriodKind.YEAR: 2,
    PeriodKind.FINANCIAL_YEAR: 3,
}

_PER_YEAR = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.YEAR: 1,
    PeriodKind.FINANCIAL_YEAR: 1,
}

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER_RE = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(\d{4})$")
_FY_RE = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})$")


@total_ordering
@dataclass(frozen=True)
class Period:
    """One reporting period.

    ``year`` is the calendar year, or the *starting* year of a financial year
    (2009 for 2009/10). ``number`` is the month (1-12) or quarter (1-4), and 1
    for the two kinds of year.

    Periods order by start date, then by end date, so ``2009-04`` sorts before
    ``2009-Q2`` which sorts before ``2009/10``.

    >>> Period(PeriodKind.QUARTER, 2009, 2).label()
    'Q2 2009'
    """

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        kind = self.kind
        limit = 12 if kind is PeriodKind.MONTH else 4 if kind is PeriodKind.QUARTER else 1
        if not 1 <= self.number <= limit:
            raise ValueError(f"{self.kind} number must be 1..{limit}, got {self.number}")
        # The hash, worked out once: periods key the figures wherever they are judged
        # (a dashboard looks them up thousands of times). A plain int, the same in
        # every process, so a pickled period keeps its place in a dictionary.
        object.__setattr__(self, "_hash", self._hash_key())

    def __hash__(self) -> int:
        try:
            return self._hash  # type: ignore[attr-defined, no-any-return]
        except AttributeError:  # a period pickled before its hash was kept
            key = self._hash_key()
            object.__setattr__(self, "_hash", key)
            return key

    def _hash_key(self) -> int:
        return (self.year * 16 + self.number) * 4 + _KIND_INDEX.get(self.kind, 4)

    # -- identity and order -------------------------------------------------

    def __str__(self) -> str:
        """The canonical code, e.g. ``2009-04``, ``2009-Q2``, ``2009``, ``2009/10``."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year:04d}-Q{self.number}"
        if self.kind is PeriodKind.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}/{(self.year + 1) % 100:02d}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def _sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.start, self.end, self.kind.value)

    @property
    def ordinal(self) -> int:
        """A running index within the period's kind: consecutive periods differ by 1.

        >>> parse_period("2009-Q2").ordinal - parse_period("2008-Q4").ordinal
        2
        """
        per_year = _PER_YEAR[self.kind]
        return self.year * per_year + (self.number - 1)

    @classmethod
    def from_ordinal(cls, kind: PeriodKind, ordinal: int) -> Period:
        """The inverse of :attr:`ordinal`.

        >>> str(Period.from_ordinal(PeriodKind.MONTH, parse_period("2009-12").ordinal + 1))
        '2010-01'
        """
        per_year = _PER_YEAR[kind]
        year, index = divmod(ordinal, per_year)
        if cls is Period:
            return period_of(kind, year, index + 1)
        return cls(kind, year, index + 1)

    @property
    def periods_per_year(self) -> int:
        """12 for months, 4 for quarters, 1 for years."""
        return _PER_YEAR[self.kind]

    # -- calendar -------------------------------------------------------------

    @property
    def start(self) -> dt.date:
        """First day of the period.

        >>> parse_period("2009/10").start
        datetime.date(2009, 4, 1)
        """
        if self.kind is PeriodKind.MONTH:
            return dt.date(self.year, self.number, 1)
        if self.kind is PeriodKind.QUARTER:
            return dt.date(self.year, 3 * self.number - 2, 1)
        if self.kind is PeriodKind.YEAR:
            return dt.date(self.year, 1, 1)
        return dt.date(self.year, 4, 1)

    @property
    def end(self) -> dt.date:
        """Last day of the period (inclusive).

        >>> parse_period("2009-Q1").end
        datetime.date(2009, 3, 31)
        """
        if self.kind is PeriodKind.MONTH:
            return dt.date(self.year, self.number, calendar.monthrange(self.year, self.number)[1])
        if self.kind is PeriodKind.QUARTER:
            last_month = 3 * self.number
            return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        if self.kind is PeriodKind.YEAR:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year + 1, 3, 31)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the period.

        >>> parse_period("2009/10").contains(dt.date(2010, 2, 1))
        True
        """
        return self.start <= day <= self.end

    # -- stepping -------------------------------------------------------------

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (negative: earlier), of the same kind.

        >>> str(parse_period("2009-Q4").shift(1))
        '2010-Q1'
        """
        return Period.from_ordinal(self.kind, self.ordinal + n)

    def previous(self) -> Period:
        """The period immediately before.

        >>> str(parse_period("2010-01").previous())
        '2009-12'
        """
        return self.shift(-1)

    def next(self) -> Period:
        """The period immediately after.

        >>> str(parse_period("2009/10").next())
        '2010/11'
        """
        return self.shift(1)

    def year_earlier(self) -> Period:
        """The same period one year earlier (for seasonal comparisons).

        >>> str(parse_period("2009-Q2").year_earlier())
        '2008-Q2'
        """
        return self.shift(-self.periods_per_year)

    # -- display -------------------------------------------------------------

    def label(self) -> str:
        """Label for people: ``Apr 2009``, ``Q2 2009``, ``2009``, ``2009/10``.

        >>> parse_period("2009-04").label()
        'Apr 2009'
        """
        if self.kind is PeriodKind.MONTH:
            return f"{calendar.month_abbr[self.number]} {self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"Q{self.number} {self.year}"
        return str(self)


def period_of(kind: PeriodKind | str, year: int, number: int = 1) -> Period:
    """``Period(kind, year, number)``, the same object each time it is asked for: the
    periods that key a dashboard's figures and those it looks them up by are then one
    object, which a dictionary finds without comparing them (and stepping from one
    period to the next makes none).

    >>> period_of("quarter", 2009, 2) is parse_period("2009-Q2").shift(4).shift(-4)
    True
    """
    return _interned(kind if kind.__class__ is PeriodKind else PeriodKind(kind), year, number)


@lru_cache(maxsize=4096)
def _interned(kind: PeriodKind, year: int, number: int) -> Period:
    return Period(kind, year, number)


def parse_period(text: str | Period) -> Period:
    """Parse a period code; a :class:`Period` is returned unchanged.

    Accepted: ``2009-04`` (month), ``2009-Q2`` / ``2009Q2`` / ``2009 Q2``
    (calendar quarter), ``2009`` (calendar year), ``2009/10`` or
    ``2009/2010`` (financial year April-March).

    >>> parse_period("2009/10")
    Period(kind=<PeriodKind.FINANCIAL_YEAR: 'financial_year'>, year=2009, number=1)
    """
    if isinstance(text, Period):
        return text
    s = text.strip()
    if m := _MONTH_RE.match(s):
        return Period(PeriodKind.MONTH, int(m[1]), int(m[2]))
    if m := _QUARTER_RE.match(s):
        return Period(PeriodKind.QUARTER, int(m[1]), int(m[2]))
    if m := _YEAR_RE.match(s):
        return Period(PeriodKind.YEAR, int(m[1]))
    if m := _FY_RE.match(s):
        start, end = int(m[1]), m[2]
        expected = str(start + 1) if len(end) == 4 else f"{(start + 1) % 100:02d}"
        if end != expected:
            raise ValueError(f"financial year {text!r} must run from one year to the next")
        return Period(PeriodKind.FINANCIAL_YEAR, start)
    raise ValueError(f"not a period: {text!r}")


# Periods people enter or import must lie in these years, so that every period a
# page derives from one (ten years back, a forecast ahead, a financial year's end)
# is a real date: ``9999/00`` would end in the year 10000.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_sensible_period(text: str | Period) -> Period:
    """:func:`parse_period`, refusing years outside 1900-2200 with a ``ValueError``.

    >>> parse_sensible_period("2024/25").year
    2024
    >>> parse_sensible_period("9999/00")
    Traceback (most recent call last):
    ...
    ValueError: period '9999/00' is outside the years 1900 to 2200
    """
    period = parse_period(text)
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise ValueError(f"period {str(text)!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return period


def sort_periods(periods: Iterable[str | Period]) -> list[Period]:
    """Parse and sort periods into time order.

    >>> [str(p) for p in sort_periods(["2010-Q1", "2009-Q4", "2009-Q2"])]
    ['2009-Q2', '2009-Q4', '2010-Q1']
    """
    return sorted(parse_period(p) for p in periods)


def periods_between(earlier: str | Period, later: str | Period) -> int:
    """Number of steps from ``earlier`` to ``later`` (same kind required).

    >>> periods_between("2008/09", "2010/11")
    2
    """
    a, b = parse_period(earlier), parse_period(later)
    if a.kind is not b.kind:
        raise ValueError(f"cannot count steps between a {a.kind} and a {b.kind}")
    return b.ordinal - a.ordinal


def financial_year_of(period: str | Period) -> Period:
    """The financial year (April-March) that contains the period.

    A calendar year straddles two financial years, so it raises ``ValueError``.

    >>> str(financial_year_of("2010-02"))
    '2009/10'
    """
    p = parse_period(period)
    if p.kind is PeriodKind.YEAR:
        raise ValueError("a calendar year does not sit inside one financial year")
    start = p.start
    return Period(PeriodKind.FINANCIAL_YEAR, start.year if start.month >= 4 else start.year - 1)


def financial_year_position(period: str | Period) -> tuple[int, int]:
    """Position of the period inside its financial year, and how many there are.

    Used for year-to-date (YTD) targets: April is month 1 of 12, January is
    month 10 of 12; calendar Q2 (April-June) is quarter 1 of 4; a financial
    year is 1 of 1.

    >>> financial_year_position("2010-01")
    (10, 12)
    >>> financial_year_position("2009-Q2")
    (1, 4)
    """
    p = parse_period(period)
    fy = financial_year_of(p)
    if p.kind is PeriodKind.FINANCIAL_YEAR:
        return (1, 1)
    first = Period(p.kind, fy.year, 4 if p.kind is PeriodKind.MONTH else 2)
    return (p.ordinal - first.ordinal + 1, p.periods_per_year)


def periods_to_date(period: str | Period) -> list[Period]:
    """All periods of the same kind from the start of the financial year up to this one.

    >>> [str(p) for p in periods_to_date("2009-Q4")]
    ['2009-Q2', '2009-Q3', '2009-Q4']
    """
    p = parse_period(period)
    position, _ = financial_year_position(p)
    return [p.shift(-k) for k in range(position - 1, -1, -1)]


# Series may be keyed by period labels ("2009/10") or by Period objects.
PeriodKey = TypeVar("PeriodKey", str, Period)
