"""Loading figures: observations and targets as the rules need them.

Every figure a page or report shows is read here, in a few set-based
queries, and **small counts are marked where they are loaded**: each
:class:`Point` carries ``small_count`` (:func:`is_small_count`: its count,
the numerator or the value of a count indicator, is 1-4 by default and the
indicator suppresses small counts). What is public then only asks
``point.small_count``; no other module applies the rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q

from concord.lib.frozen import made_frozen
from concord.performance import rules
from concord.performance.models import (
    Area,
    Indicator,
    Observation,
    Target,
    TargetKind,
)
from concord.performance.periods import PeriodCache, month_index


@dataclass(frozen=True)
class Point:
    """One observation as the rules need it.

    ``small_count``: its count is small (:func:`is_small_count`), so a public
    page must not show it; set by :func:`point`, where figures are loaded.
    """

    value: float
    numerator: float | None = None
    denominator: float | None = None
    ci: rules.Interval | None = None
    status: str = "final"
    observation_id: int | None = None
    small_count: bool = False


def point(
    indicator: Indicator,
    value: float,
    numerator: float | None = None,
    denominator: float | None = None,
    ci_low: float | None = None,
    ci_high: float | None = None,
    status: str = "final",
    observation_id: int | None = None,
    *,
    small_counts: SmallCounts | None = None,
) -> Point:
    """A loaded observation as a :class:`Point`, its small count marked.

    Every figure read from the database becomes a point here, so the rule
    that keeps small counts from the public is applied once. A loader of
    many figures passes one ``small_counts`` (the settings read once).

    >>> ind = Indicator(unit="count", suppress_small_counts=True)
    >>> point(ind, 3.0).small_count, point(ind, 30.0).small_count, point(ind, 3.0, ci_low=1).ci
    (True, False, None)
    """
    ci = (ci_low, ci_high) if ci_low is not None and ci_high is not None else None
    small = (small_counts or SmallCounts())(indicator, value, numerator)
    return Point(value, numerator, denominator, ci, status, observation_id, small)


@dataclass(frozen=True)
class TargetPoint:
    period: rules.Period
    kind: str
    value: float | rules.Band
    baseline_period: rules.Period | None
    baseline_value: float | None


_OBS_FIELDS = (
    "indicator_id",
    "area_id",
    "period_id",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
    "status",
    "id",
)


# The columns of an observation as :class:`Figures` keeps it (``_OBS_FIELDS``).
_VALUE, _NUMERATOR, _DENOMINATOR, _CI_LOW, _CI_HIGH, _STATUS, _ID = range(3, 10)


class Figures:
    """Observations and targets of some indicators and areas, loaded in two queries.

    The observations are kept as they were read and made into :class:`Point` s
    (small counts marked, :func:`point`) when asked for: a dashboard asks for the
    values of every series but for the points of only its judged periods."""

    def __init__(
        self,
        indicators: Sequence[Indicator],
        area_ids: Sequence[int],
        periods: PeriodCache,
        period_ids: Sequence[int] | None = None,
        *,
        target_area_ids: Sequence[int] | None = None,
        comparator_id: int | None = None,
        comparator_period_ids: Sequence[int] = (),
    ) -> None:
        self.periods = periods
        self.small_counts = SmallCounts()
        # (indicator id, area id) -> period -> the observation's row (_OBS_FIELDS).
        self.rows: dict[tuple[int, int], dict[rules.Period, tuple[Any, ...]]] = defaultdict(dict)
        self._series: dict[tuple[int, int], dict[rules.Period, Point]] = {}
        self._values: dict[tuple[int, int], dict[rules.Period, float]] = {}
        self._indicators = by_id = {ind.pk: ind for ind in indicators}
        indicator_ids = list(by_id)
        qs = Observation.objects.filter(indicator_id__in=indicator_ids)
        # Figures for all people only. The condition is repeated in each branch
        # of the OR, so that each branch can use the (partial) unique index.
        everyone = Q(group__isnull=True)
        where = Q(area_id__in=area_ids) & everyone
        if period_ids is not None:
            where &= Q(period_id__in=period_ids)
        if comparator_id is not None:
            # The comparator (parent area) is only read at the judged periods:
            # half the rows of a dashboard, none of them needed for travel.
            where |= Q(area_id=comparator_id, period_id__in=comparator_period_ids) & everyone
        qs = qs.filter(where)
        period_of = periods.by_id
        rows = self.rows
        for row in qs.values_list(*_OBS_FIELDS).order_by():
            rows[(row[0], row[1])][period_of[row[2]]] = row
        self.targets: dict[tuple[int, int], list[TargetPoint]] = defaultdict(list)
        tq = Target.objects.filter(
            indicator_id__in=indicator_ids,
            area_id__in=area_ids if target_area_ids is None else target_area_ids,
        )
        for ind, area, pid, kind, value, high, bpid, bvalue in tq.values_list(
            "indicator_id",
            "area_id",
            "period_id",
            "kind",
            "value",
            "value_high",
            "baseline_period_id",
            "baseline_value",
        ).order_by():
            target = rules.Band(value, high) if high is not None else value
            baseline = periods.by_id.get(bpid) if bpid else None
            self.targets[(ind, area)].append(
                TargetPoint(periods.by_id[pid], kind, target, baseline, bvalue)
            )
        for points in self.targets.values():
            points.sort(key=lambda t: t.period)

    def _point(self, row: tuple[Any, ...]) -> Point:
        """The :class:`Point` of an observation's row, as :func:`point` makes it (made
        without the frozen dataclass's ``__init__``: thousands for some pages)."""
        ind = self._indicators[row[0]]
        value, numerator, low, high = row[_VALUE], row[_NUMERATOR], row[_CI_LOW], row[_CI_HIGH]
        small = self.small_counts(ind, value, numerator) if ind.suppress_small_counts else False
        return made_frozen(
            Point,
            {
                "value": value,
                "numerator": numerator,
                "denominator": row[_DENOMINATOR],
                "ci": (low, high) if low is not None and high is not None else None,
                "status": row[_STATUS],
                "observation_id": row[_ID],
                "small_count": small,
            },
        )

    def series(self, indicator_id: int, area_id: int) -> dict[rules.Period, Point]:
        """One indicator's points in one area by period (made once; not to be changed)."""
        key = (indicator_id, area_id)
        made = self._series.get(key)
        if made is None:
            rows = self.rows.get(key)
            if rows is None:
                return {}
            made = self._series[key] = {p: self._point(row) for p, row in rows.items()}
        return made

    def point_at(self, indicator_id: int, area_id: int, period: rules.Period) -> Point | None:
        """One indicator's point in one area for one period, or ``None``."""
        rows = self.rows.get((indicator_id, area_id))
        row = rows.get(period) if rows is not None else None
        return None if row is None else self._point(row)

    def values(self, indicator_id: int, area_id: int) -> dict[rules.Period, float]:
        """One indicator's values in one area by period (worked out once; not to be
        changed)."""
        key = (indicator_id, area_id)
        made = self._values.get(key)
        if made is None:
            rows = self.rows.get(key)
            if rows is None:
                return {}
            made = self._values[key] = {p: row[_VALUE] for p, row in rows.items()}
        return made

    def interval_at(
        self, indicator_id: int, area_id: int, period: rules.Period
    ) -> rules.Interval | None:
        """The confidence interval of one figure, or ``None`` (no figure, or none given)."""
        rows = self.rows.get((indicator_id, area_id))
        row = rows.get(period) if rows is not None else None
        if row is None or row[_CI_LOW] is None or row[_CI_HIGH] is None:
            return None
        return (row[_CI_LOW], row[_CI_HIGH])


def needed_periods(indicator: Indicator, q: rules.Period) -> set[rules.Period]:
    """The periods whose values judge ``q``: itself, travel, year to date.

    >>> q = rules.parse_period("2010-Q1")
    >>> sorted(str(p) for p in needed_periods(Indicator(frequency="quarterly"), q))
    ['2009-Q1', '2009-Q2', '2009-Q3', '2009-Q4', '2010-Q1']
    """
    step = q.periods_per_year if indicator.seasonal else 1
    wanted = {q.shift(-step * k) for k in range(0, 5)}
    if indicator.cumulative and q.kind is not rules.PeriodKind.YEAR:
        wanted.update(rules.periods_to_date(q))
    return wanted


def target_for(
    targets: Sequence[TargetPoint], q: rules.Period
) -> tuple[float | rules.Band | None, TargetPoint | None]:
    """The target that applies to period ``q``, and the end target it comes from.

    A target set for ``q`` itself applies as it is. Otherwise profiled
    milestones (with the targets), where any exist, give the target read off
    the lines joining them; otherwise the next end target applies, on the
    straight line from its baseline when it has one (no target before the
    baseline), as it stands when it has none. After the last target, the last
    one stands. Periods of different kinds are placed in time by the month
    in which they end. Bands are never interpolated: a band target applies
    as it stands.
    """
    if not targets:
        return None, None
    x = month_index(q)
    ends = [t for t in targets if t.kind == TargetKind.TARGET]
    following = next((t for t in ends if month_index(t.period) >= x), ends[-1] if ends else None)
    for t in targets:
        if t.period == q:
            return t.value, following or t
    if any(isinstance(t.value, rules.Band) for t in targets):
        return (following.value if following else None), following
    if any(t.kind == TargetKind.MILESTONE for t in targets):
        points: dict[int, float] = {}
        for t in targets:
            points[month_index(t.period)] = t.value  # type: ignore[assignment]
        return rules.profiled_target(points, x), following
    if following is None:
        return None, None
    if following.baseline_period is not None and following.baseline_value is not None:
        b = month_index(following.baseline_period)
        t_at = month_index(following.period)
        if t_at <= b:
            return following.value, following
        value = rules.linear_trajectory(
            following.baseline_value,
            b,
            following.value,  # type: ignore[arg-type]
            t_at,
            x,
        )
        return value, following
    return following.value, following


def small_count_range() -> tuple[int, int, bool]:
    """The small counts hidden on public pages: ``(low, high, suppress_zero)``.

    Settings ``CONCORD_SMALL_COUNT_LOW`` (1), ``CONCORD_SMALL_COUNT_HIGH`` (4)
    and ``CONCORD_SUPPRESS_ZERO`` (False) change it.
    """
    return (
        settings.CONCORD_SMALL_COUNT_LOW,
        settings.CONCORD_SMALL_COUNT_HIGH,
        settings.CONCORD_SUPPRESS_ZERO,
    )


class SmallCounts:
    """The small-count rule (:func:`is_small_count`) with its range read from the
    settings once, for a load of many figures."""

    def __init__(self) -> None:
        self.low, self.high, self.zero = small_count_range()

    def __call__(self, indicator: Indicator, value: float | None, numerator: float | None) -> bool:
        if not indicator.suppress_small_counts:
            return False
        count = numerator if numerator is not None else (value if is_count(indicator) else None)
        if count is None:
            return False
        return rules.suppress_small_number(
            int(round(count)), low=self.low, high=self.high, suppress_zero=self.zero
        ).suppressed


def is_small_count(indicator: Indicator, value: float | None, numerator: float | None) -> bool:
    """Whether a figure is kept from the public: its count (the numerator, or the
    value itself for a count indicator) is small, and the indicator suppresses
    small counts. A rate of 12.0 per 1,000 from 3 cases is kept back like the 3."""
    return SmallCounts()(indicator, value, numerator)


def is_count(indicator: Indicator) -> bool:
    return indicator.unit == "count"


SPARK_POINTS = 8


def recent_points(
    indicators: Sequence[Indicator],
    area: Area,
    ends: dict[int, rules.Period],
    n: int = SPARK_POINTS,
) -> dict[int, list[tuple[rules.Period, Point | None]]]:
    """The last ``n`` periods of each indicator up to its judged period, oldest first,
    each with its point (``None`` for a gap; small counts marked, as everywhere). One
    query, whatever the number of indicators."""
    wanted: dict[int, list[rules.Period]] = {
        ind.pk: [ends[ind.pk].shift(-k) for k in range(n - 1, -1, -1)] for ind in indicators
    }
    codes = {str(p) for periods in wanted.values() for p in periods}
    found: dict[tuple[int, str], Point] = {}
    by_id = {ind.pk: ind for ind in indicators}
    small_counts = SmallCounts()
    if wanted:
        for ind_id, code, value, numerator in (
            Observation.objects.for_everyone()
            .filter(area=area, indicator_id__in=list(wanted), period__code__in=sorted(codes))
            .order_by()
            .values_list("indicator_id", "period__code", "value", "numerator")
        ):
            found[(ind_id, code)] = point(
                by_id[ind_id], value, numerator, small_counts=small_counts
            )
    return {pk: [(p, found.get((pk, str(p)))) for p in periods] for pk, periods in wanted.items()}


def recent_values(
    indicators: Sequence[Indicator],
    area: Area,
    ends: dict[int, rules.Period],
    n: int = SPARK_POINTS,
    *,
    public: bool = False,
) -> dict[int, list[float | None]]:
    """The last ``n`` values of each indicator up to its judged period, oldest first
    (``None`` for a gap, and, when ``public``, for a small count kept from the
    public). One query, whatever the number of indicators (:func:`recent_points`)."""
    return {
        pk: [None if pt is None or (public and pt.small_count) else pt.value for _, pt in points]
        for pk, points in recent_points(indicators, area, ends, n).items()
    }
