"""Which period a figure or a page is for.

An indicator is judged for the latest period of its own frequency that ends
on or before the end of the period asked for (a quarterly dashboard for Q1
2010 shows an annual financial-year indicator for 2009/10), stepping back
while the indicator's ``lag_days`` say the value is not yet due on
``as_of``. Pages open on the quarter of the latest figure stored
(:func:`latest_period`) and read periods typed into them with
:func:`period_param` (years 1900-2200 only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Max

from concord.performance import rules
from concord.performance.models import (
    Area,
    Indicator,
    Observation,
    Period,
)


def period_containing(kind: rules.PeriodKind, day: dt.date) -> rules.Period:
    """The period of ``kind`` that contains ``day``.

    >>> str(period_containing(rules.PeriodKind.FINANCIAL_YEAR, dt.date(2010, 2, 1)))
    '2009/10'
    """
    if kind is rules.PeriodKind.MONTH:
        return rules.period_of(kind, day.year, day.month)
    if kind is rules.PeriodKind.QUARTER:
        return rules.period_of(kind, day.year, (day.month - 1) // 3 + 1)
    if kind is rules.PeriodKind.YEAR:
        return rules.period_of(kind, day.year)
    return rules.period_of(kind, day.year if day.month >= 4 else day.year - 1)


def judged_period(
    indicator: Indicator, period: Period | rules.Period | str, as_of: dt.date | None = None
) -> rules.Period:
    """The period of the indicator's own frequency that a report for ``period`` shows.

    The latest one ending on or before ``period`` ends, and whose value is due
    (``end + lag_days`` on or before ``as_of``, today by default).

    >>> ind = Indicator(frequency="financial_year")
    >>> str(judged_period(ind, "2010-Q1", dt.date(2020, 1, 1)))
    '2009/10'
    """
    p = period.rule_period if isinstance(period, Period) else rules.parse_period(period)
    kind = indicator.period_kind
    q = period_containing(kind, p.end)
    if q.end > p.end:
        q = q.previous()
    as_of = as_of or dt.date.today()
    lag = dt.timedelta(days=indicator.lag_days)
    while q.end + lag > as_of:
        q = q.previous()
    return q


class PeriodCache:
    """All stored periods, looked up by rules period or id (one query; the table is small)."""

    def __init__(self) -> None:
        self.by_id: dict[int, rules.Period] = {}
        self.by_rule: dict[rules.Period, int] = {}
        for pk, kind, year, number in Period.objects.values_list("id", "kind", "year", "number"):
            p = rules.period_of(kind, year, number)
            self.by_id[pk] = p
            self.by_rule[p] = pk

    def ids(self, periods: Iterable[rules.Period]) -> list[int]:
        return [self.by_rule[p] for p in periods if p in self.by_rule]


def month_index(p: rules.Period) -> int:
    """A common time index for periods of any kind: the month in which it ends
    (``p.end.year * 12 + p.end.month``, without making the date).

    >>> month_index(rules.parse_period("2009/10")) - month_index(rules.parse_period("2009-Q4"))
    3
    """
    kind = p.kind
    if kind is rules.PeriodKind.MONTH:
        return p.year * 12 + p.number
    if kind is rules.PeriodKind.QUARTER:
        return p.year * 12 + 3 * p.number
    if kind is rules.PeriodKind.YEAR:
        return p.year * 12 + 12
    return (p.year + 1) * 12 + 3


def parse_period(text: str | None) -> rules.Period | None:
    """A period from a query parameter, or ``None`` when absent, malformed or outside
    the years 1900-2200."""
    return period_param(text)[0]


def period_param(text: str | None) -> tuple[rules.Period | None, str]:
    """A period from a query parameter and, when it was given but is not a period
    Concord can show, the problem to tell the reader.

    >>> period_param("2024-Q3")[0].label(), period_param(None)
    ('Q3 2024', (None, ''))
    >>> period_param("9999-Q4")
    (None, 'Period: “9999-Q4” is not a period from 1900 to 2200 such as 2024-Q3 or 2024/25.')
    """
    if not text or not text.strip():
        return None, ""
    try:
        return rules.parse_sensible_period(text.strip()[:12]), ""
    except ValueError:
        shown = text.strip()[:20]
        return None, (
            f"Period: “{shown}” is not a period from 1900 to 2200 such as 2024-Q3 or 2024/25."
        )


def latest_period(area: Area) -> rules.Period:
    """The quarter holding the end of the latest period with a value for ``area``
    (today's previous quarter when there are none): what a dashboard opens on."""
    everyone = Observation.objects.for_everyone()
    end = everyone.filter(area=area).aggregate(latest=Max("period__end"))["latest"]
    day = end or dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return period_containing(rules.PeriodKind.QUARTER, day)


def period_label(code: str) -> str:
    """'2009-Q2' -> 'Q2 2009' (the code itself if it is not a period)."""
    try:
        return rules.parse_period(code).label()
    except ValueError:
        return code


def last_financial_year(
    area: Area, chosen: str | None = None, *, as_of: dt.date | None = None
) -> rules.Period:
    """The last financial year a trend shows.

    ``chosen`` (a period code; the financial year holding its end) when it is a
    period from 1900 to 2200; otherwise the latest financial year that is over
    both by ``as_of`` (today) and by the end of the latest figure stored for
    ``area``, so that a data set that stopped years ago does not open on a run
    of empty years.
    """
    picked = parse_period(chosen)  # 1900-2200: ten years back stay real dates
    if picked is not None:
        return period_containing(rules.PeriodKind.FINANCIAL_YEAR, picked.end)
    day = as_of or dt.date.today()
    everyone = Observation.objects.for_everyone()
    end = everyone.filter(area=area).aggregate(latest=Max("period__end"))["latest"]
    if end is not None and end < day:
        day = end
    fy = period_containing(rules.PeriodKind.FINANCIAL_YEAR, day)
    return fy if fy.end <= day else fy.previous()
