"""Indicator figures due: the secretariat's list of figures to chase.

A figure is **due** when the indicator's last complete period whose value is
due by today (the period's end plus the indicator's ``lag_days``, as
:func:`concord.performance.periods.judged_period` judges it) has no
observation for the default area (:func:`concord.performance.areas.choose_area`).
Only active indicators count. Four queries, however many indicators.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from concord.performance import rules
from concord.performance.areas import choose_area
from concord.performance.models import Indicator, Observation, Period
from concord.performance.periods import judged_period, period_containing


@dataclass(frozen=True)
class FigureDue:
    indicator: Indicator  # body loaded
    period: rules.Period
    due_on: dt.date  # the period's end plus the indicator's lag

    @property
    def body_name(self) -> str:
        return self.indicator.body.name if self.indicator.body else "No body"


def last_due_period(indicator: Indicator, today: dt.date) -> rules.Period:
    """The latest period of the indicator's frequency whose figure is due by ``today``.

    >>> ind = Indicator(frequency="quarterly", lag_days=45)
    >>> [str(last_due_period(ind, dt.date(2025, 5, day))) for day in (1, 20)]
    ['2024-Q4', '2025-Q1']
    """
    current = period_containing(indicator.period_kind, today)
    return judged_period(indicator, current.previous(), as_of=today)


def figures_due(today: dt.date | None = None) -> list[FigureDue]:
    """Active indicators whose last due figure is missing for the default area,
    by body then code."""
    today = today or dt.date.today()
    area = choose_area()
    if area is None:
        return []
    indicators = list(
        Indicator.objects.filter(is_active=True).select_related("body").order_by("code")
    )
    wanted = {ind.pk: last_due_period(ind, today) for ind in indicators}
    codes = {str(p) for p in wanted.values()}
    period_ids = dict(Period.objects.filter(code__in=codes).values_list("code", "pk"))
    stored = set(
        Observation.objects.filter(
            area=area, indicator_id__in=wanted, period_id__in=period_ids.values()
        ).values_list("indicator_id", "period_id")
    )
    have = {pk for pk, p in wanted.items() if (pk, period_ids.get(str(p))) in stored}
    lag = {ind.pk: dt.timedelta(days=ind.lag_days) for ind in indicators}
    due = [
        FigureDue(ind, wanted[ind.pk], wanted[ind.pk].end + lag[ind.pk])
        for ind in indicators
        if ind.pk not in have
    ]
    return sorted(due, key=lambda d: (d.body_name, d.indicator.code))
