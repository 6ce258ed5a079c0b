"""Performance queries: the statuses of indicators, dashboards, ward tables, reports.

Every function here reads the figures in a few set-based queries and hands
them to the plain rules in :mod:`concord.performance.rules`; pages call these
functions and never judge figures themselves. The judgements stay separate
fields (RAG, direction of travel, significance, distance to target) and are
never blended into one colour.

Which period is judged: an indicator is judged for the latest period of its
own frequency that ends on or before the end of the period asked for (a
quarterly dashboard for Q1 2010 shows an annual financial-year indicator for
2009/10), stepping back while the indicator's ``lag_days`` say the value is
not yet due on ``as_of``. A due value that is missing is "no data" (grey).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from concord.governance.models import Body
from concord.performance import rules
from concord.performance.models import (
    Area,
    AreaLevel,
    Indicator,
    Observation,
    PerformanceReport,
    Period,
    ReportLine,
    ReportStatus,
    Target,
    TargetKind,
    TurnTheCurve,
)

# -- periods ---------------------------------------------------------------------


def period_containing(kind: rules.PeriodKind, day: dt.date) -> rules.Period:
    """The period of ``kind`` that contains ``day``.

    >>> str(period_containing(rules.PeriodKind.FINANCIAL_YEAR, dt.date(2010, 2, 1)))
    '2009/10'
    """
    if kind is rules.PeriodKind.MONTH:
        return rules.Period(kind, day.year, day.month)
    if kind is rules.PeriodKind.QUARTER:
        return rules.Period(kind, day.year, (day.month - 1) // 3 + 1)
    if kind is rules.PeriodKind.YEAR:
        return rules.Period(kind, day.year)
    return rules.Period(kind, day.year if day.month >= 4 else day.year - 1)


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


class _PeriodCache:
    """All stored periods, looked up by rules period or id (one query; the table is small)."""

    def __init__(self) -> None:
        self.by_id: dict[int, rules.Period] = {}
        self.by_rule: dict[rules.Period, int] = {}
        for pk, kind, year, number in Period.objects.values_list("id", "kind", "year", "number"):
            p = rules.Period(rules.PeriodKind(kind), year, number)
            self.by_id[pk] = p
            self.by_rule[p] = pk

    def ids(self, periods: Iterable[rules.Period]) -> list[int]:
        return [self.by_rule[p] for p in periods if p in self.by_rule]


def _month_index(p: rules.Period) -> int:
    """A common time index for periods of any kind: the month in which it ends."""
    return p.end.year * 12 + p.end.month


# -- areas ---------------------------------------------------------------------


def descendants_filter(
    parent: Area, level: str, prefix: str = "", depths: Iterable[int] | None = None
) -> Q:
    """A filter for areas of ``level`` anywhere under ``parent`` (by its ``depth``).

    ``prefix`` is the path to the area from the queried model, e.g. ``"area__"``
    for observations. Areas are found through a chain of ``parent`` joins, one
    per level between them, so no list of ids is sent to the database.
    """
    if depths is None:
        depths = descendant_depths(parent, level)
    q = Q(pk__in=[])
    for depth in depths:
        chain = "parent__" * (depth - parent.depth - 1) + "parent"
        q |= Q(**{f"{prefix}{chain}": parent.pk, f"{prefix}level": level})
    return q


def descendant_depths(parent: Area, level: str) -> list[int]:
    """The depths at which areas of ``level`` sit below ``parent`` (one query)."""
    return list(
        Area.objects.filter(level=level, depth__gt=parent.depth)
        .order_by()
        .values_list("depth", flat=True)
        .distinct()
    )


def areas_under(parent: Area, level: str = AreaLevel.WARD) -> QuerySet[Area]:
    """Areas of ``level`` under ``parent`` (e.g. the wards of a local authority), by code."""
    return Area.objects.filter(descendants_filter(parent, level)).order_by("code")


# -- loaded figures ---------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One observation as the rules need it."""

    value: float
    numerator: float | None = None
    denominator: float | None = None
    ci: rules.Interval | None = None
    status: str = "final"
    observation_id: int | None = None


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


class _Figures:
    """Observations and targets of some indicators and areas, loaded in two queries."""

    def __init__(
        self,
        indicator_ids: Sequence[int],
        area_ids: Sequence[int],
        periods: _PeriodCache,
        period_ids: Sequence[int] | None = None,
        *,
        target_area_ids: Sequence[int] | None = None,
        comparator_id: int | None = None,
        comparator_period_ids: Sequence[int] = (),
    ) -> None:
        self.periods = periods
        self.obs: dict[tuple[int, int], dict[rules.Period, Point]] = defaultdict(dict)
        qs = Observation.objects.filter(indicator_id__in=indicator_ids)
        where = Q(area_id__in=area_ids)
        if period_ids is not None:
            where &= Q(period_id__in=period_ids)
        if comparator_id is not None:
            # The comparator (parent area) is only read at the judged periods:
            # half the rows of a dashboard, none of them needed for travel.
            where |= Q(area_id=comparator_id, period_id__in=comparator_period_ids)
        qs = qs.filter(where)
        for ind, area, pid, value, num, den, lo, hi, status, pk in qs.values_list(
            *_OBS_FIELDS
        ).order_by():
            ci = (lo, hi) if lo is not None and hi is not None else None
            self.obs[(ind, area)][periods.by_id[pid]] = Point(value, num, den, ci, status, pk)
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

    def series(self, indicator_id: int, area_id: int) -> dict[rules.Period, Point]:
        return self.obs.get((indicator_id, area_id), {})

    def values(self, indicator_id: int, area_id: int) -> dict[rules.Period, float]:
        return {p: pt.value for p, pt in self.series(indicator_id, area_id).items()}


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
    x = _month_index(q)
    ends = [t for t in targets if t.kind == TargetKind.TARGET]
    following = next((t for t in ends if _month_index(t.period) >= x), ends[-1] if ends else None)
    for t in targets:
        if t.period == q:
            return t.value, following or t
    if any(isinstance(t.value, rules.Band) for t in targets):
        return (following.value if following else None), following
    if any(t.kind == TargetKind.MILESTONE for t in targets):
        points: dict[int, float] = {}
        for t in targets:
            points[_month_index(t.period)] = t.value  # type: ignore[assignment]
        return rules.profiled_target(points, x), following
    if following is None:
        return None, None
    if following.baseline_period is not None and following.baseline_value is not None:
        b = _month_index(following.baseline_period)
        t_at = _month_index(following.period)
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


# -- one indicator's status --------------------------------------------------------


@dataclass(frozen=True)
class IndicatorStatus:
    """Every judgement of one indicator for one area and period, kept apart.

    ``period`` is the period judged (of the indicator's own frequency),
    ``value`` its value (the year-to-date total for a cumulative count is
    ``ytd_value``), ``rag`` the RAG result against ``target``, ``travel`` the
    two directions of travel, ``significance`` the comparison with
    ``comparator`` (the parent area) by confidence intervals, and
    ``share_of_gap_closed`` the progress from the end target's baseline.
    ``withheld``: the value (or year-to-date total) is a small count that
    public pages must not show.
    """

    indicator: Indicator
    area: Area
    period: rules.Period
    point: Point | None
    target: float | rules.Band | None
    rag: rules.RagResult
    travel: rules.TravelReport
    significance: rules.Significance
    comparator: Area | None
    comparator_point: Point | None
    share_of_gap_closed: float | None
    ytd_value: float | None = None
    distance: rules.DistanceToTarget | None = None
    # Kept from the public (a small count, :func:`is_small_count`): pages show
    # "suppressed" instead of the value; the judgements stay, as on ward tables.
    withheld: bool = False

    @property
    def value(self) -> float | None:
        return None if self.point is None else self.point.value

    @property
    def is_exception(self) -> bool:
        """Shown first in a report: red, missing, or amber and getting worse."""
        status = self.rag.status
        worse = self.travel.against_previous is rules.Direction.WORSENING
        return status in (rules.RagStatus.RED, rules.RagStatus.NO_DATA) or (
            status is rules.RagStatus.AMBER and worse
        )


def _judge(
    indicator: Indicator,
    area: Area,
    q: rules.Period,
    figures: _Figures,
    comparator: Area | None,
) -> IndicatorStatus:
    series = figures.series(indicator.pk, area.pk)
    values = {p: pt.value for p, pt in series.items()}
    point = series.get(q)
    targets = figures.targets.get((indicator.pk, area.pk), [])
    polarity = indicator.rule_polarity
    tolerance = indicator.tolerance
    ytd = None
    if indicator.cumulative and q.kind is not rules.PeriodKind.YEAR:
        fy = rules.financial_year_of(q)
        annual = next((t for t in targets if t.period == fy and t.kind == TargetKind.TARGET), None)
        position, per_year = rules.financial_year_position(q)
        profile = [
            float(t.value)  # type: ignore[arg-type]
            for t in targets
            if t.kind == TargetKind.MILESTONE
            and t.period.kind is q.kind
            and rules.financial_year_of(t.period) == fy
        ]
        rag = rules.rag_year_to_date(
            values,
            q,
            annual.value if annual is not None else None,  # type: ignore[arg-type]
            polarity,
            tolerance,
            profile if len(profile) == per_year else None,
        )
        target, source = rag.target, annual
        ytd = rag.value
    else:
        target, source = target_for(targets, q)
        rag = rules.rag_status(point.value if point else None, target, polarity, tolerance)
    travel = rules.direction_of_travel(
        values,
        q,
        polarity,
        tolerance,
        seasonal=indicator.seasonal,
        intervals={p: pt.ci for p, pt in series.items() if pt.ci is not None},
    )
    comparator_point = figures.series(indicator.pk, comparator.pk).get(q) if comparator else None
    significance = rules.compare_with_comparator(
        point.ci if point else None,
        comparator_point.ci if comparator_point else None,
        polarity,
    )
    share = None
    current = ytd if ytd is not None else (point.value if point else None)
    if (
        source is not None
        and source.baseline_value is not None
        and current is not None
        and not indicator.cumulative
    ):
        share = rules.share_of_gap_closed(source.baseline_value, current, source.value)
    return IndicatorStatus(
        indicator=indicator,
        area=area,
        period=q,
        point=point,
        target=target,
        rag=rag,
        travel=travel,
        significance=significance,
        comparator=comparator,
        comparator_point=comparator_point,
        share_of_gap_closed=share,
        ytd_value=ytd,
    )


def _for_public(status: IndicatorStatus) -> IndicatorStatus:
    """The status as a visitor who is not signed in may see it: ``withheld`` set
    when its value or year-to-date total is a small count."""
    ind = status.indicator
    point = status.point
    small = point is not None and is_small_count(ind, point.value, point.numerator)
    if status.ytd_value is not None and is_small_count(ind, status.ytd_value, None):
        small = True
    return replace(status, withheld=True) if small else status


def indicator_status(
    indicator: Indicator,
    area: Area,
    period: Period | rules.Period | str,
    *,
    as_of: dt.date | None = None,
    public: bool = False,
) -> IndicatorStatus:
    """All judgements of one indicator for one area at ``period`` (see :class:`IndicatorStatus`).

    Also works out the distance to the end target with the trend of every
    observed value from the baseline (``distance``). ``public``: for a visitor
    who is not signed in (small counts ``withheld``).
    """
    q = judged_period(indicator, period, as_of)
    periods = _PeriodCache()
    comparator = area.parent
    area_ids = [area.pk] + ([comparator.pk] if comparator else [])
    figures = _Figures([indicator.pk], area_ids, periods, target_area_ids=[area.pk])
    status = _judge(indicator, area, q, figures, comparator)
    _, source = target_for(figures.targets.get((indicator.pk, area.pk), []), q)
    if source is not None and source.baseline_value is not None and source.baseline_period:
        kind = q.kind
        observed = {
            p: v
            for p, v in figures.values(indicator.pk, area.pk).items()
            if p.kind is kind and source.baseline_period.start <= p.start and p <= q
        }
        target_at = period_containing(kind, source.period.end)
        if observed and target_at.ordinal > min(observed).ordinal:
            distance = rules.distance_to_target(
                observed,
                source.baseline_value,
                source.value,
                target_at,
                indicator.rule_polarity,
            )
            status = replace(status, distance=distance)
    return _for_public(status) if public else status


@dataclass(frozen=True)
class SeriesPoint:
    """One period of an indicator's series for one area, for tables and charts."""

    period: rules.Period
    value: float | None
    ci: rules.Interval | None
    target: float | rules.Band | None
    rag: rules.RagStatus
    observation_status: str | None
    comparator_value: float | None = None
    comparator_ci: rules.Interval | None = None
    # Small counts kept from the public: the value (or the comparator's) is None.
    withheld: bool = False
    comparator_withheld: bool = False


def indicator_series(
    indicator: Indicator,
    area: Area,
    *,
    start: Period | rules.Period | str | None = None,
    end: Period | rules.Period | str | None = None,
    as_of: dt.date | None = None,
    public: bool = False,
) -> list[SeriesPoint]:
    """The indicator's values, targets and RAG for one area, period by period.

    Runs from ``start`` (the first period with a value by default) to ``end``
    (the latest due period by default), every period of the indicator's kind,
    so gaps show as "no data". The comparator (parent area) value is given
    beside each point. ``public``: for a visitor who is not signed in: small
    counts (:func:`is_small_count`) are left out, marked ``withheld``. Three
    queries.
    """
    periods = _PeriodCache()
    comparator = area.parent
    area_ids = [area.pk] + ([comparator.pk] if comparator else [])
    figures = _Figures([indicator.pk], area_ids, periods, target_area_ids=[area.pk])
    own = figures.series(indicator.pk, area.pk)
    kind = indicator.period_kind
    mine = sorted(p for p in own if p.kind is kind)
    last = judged_period(indicator, end, as_of) if end is not None else None
    if last is None:
        last = judged_period(indicator, mine[-1], as_of) if mine else None
    first = (
        judged_period(indicator, start, dt.date.max)
        if start is not None
        else (mine[0] if mine else None)
    )
    if first is None or last is None or first > last:
        return []
    out = []
    for ordinal in range(first.ordinal, last.ordinal + 1):
        q = rules.Period.from_ordinal(kind, ordinal)
        s = _judge(indicator, area, q, figures, comparator)
        own_point, other = s.point, s.comparator_point
        hide = (
            public
            and own_point is not None
            and is_small_count(indicator, own_point.value, own_point.numerator)
        )
        hide_other = (
            public and other is not None and is_small_count(indicator, other.value, other.numerator)
        )
        out.append(
            SeriesPoint(
                period=q,
                value=None if hide else s.value,
                ci=own_point.ci if own_point and not hide else None,
                target=s.target,
                rag=s.rag.status,
                observation_status=own_point.status if own_point else None,
                comparator_value=other.value if other and not hide_other else None,
                comparator_ci=other.ci if other and not hide_other else None,
                withheld=hide,
                comparator_withheld=hide_other,
            )
        )
    return out


# -- dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    """All visible indicators' statuses for one area and period, with the summaries.

    ``rows`` are ordered by theme then code; ``summary`` is the "% achieving
    target" over all rows; ``by_theme`` and ``by_body`` the same per theme
    and per owning body (keyed by name; "" for none). ``public``: built for a
    visitor who is not signed in (small counts are ``withheld``).
    """

    area: Area
    period: rules.Period
    rows: list[IndicatorStatus]
    summary: rules.RagSummary
    by_theme: dict[str, rules.RagSummary] = field(default_factory=dict)
    by_body: dict[str, rules.RagSummary] = field(default_factory=dict)
    illustrative: bool = False
    public: bool = False


def reported_indicators(
    viewer,  # noqa: ANN001 - concord.lib.access.Viewer
    body: Body | None = None,
    theme: str | None = None,
) -> list[Indicator]:
    """The indicators a dashboard, trend or report covers (``Indicator.objects.reported``),
    with their bodies and data sets, in theme and code order. Two queries with a body."""
    qs = Indicator.objects.reported(viewer, body=body, theme=theme)
    return list(qs.select_related("body", "dataset").order_by("theme", "code"))


def _summaries(rows: Sequence[IndicatorStatus], key) -> dict[str, rules.RagSummary]:  # noqa: ANN001
    groups: dict[str, list[rules.RagResult]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r.rag)
    return {k: rules.summarise_rag(v) for k, v in sorted(groups.items())}


def _judged_and_wanted(
    inds: Sequence[Indicator], asked: Sequence[rules.Period], as_of: dt.date | None
) -> tuple[dict[tuple[int, rules.Period], rules.Period], set[rules.Period]]:
    """Each indicator's judged period for each asked period, and every period needed.

    Indicators alike in frequency, lag, seasonality and cumulation share one
    answer, so a dashboard of hundreds of indicators works out only a few.
    """
    judged: dict[tuple[int, rules.Period], rules.Period] = {}
    wanted: set[rules.Period] = set()
    memo: dict[tuple, tuple[rules.Period, set[rules.Period]]] = {}
    for ind in inds:
        for p in asked:
            key = (ind.frequency, ind.lag_days, ind.seasonal, ind.cumulative, p)
            if key not in memo:
                q = judged_period(ind, p, as_of)
                memo[key] = (q, needed_periods(ind, q))
            q, needed = memo[key]
            judged[(ind.pk, p)] = q
            wanted |= needed
    return judged, wanted


def dashboard(
    viewer,  # noqa: ANN001 - concord.lib.access.Viewer
    area: Area,
    period: Period | rules.Period | str,
    *,
    body: Body | None = None,
    theme: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    as_of: dt.date | None = None,
    public: bool = False,
) -> Dashboard:
    """RAG, direction of travel, significance and "% achieving" for every indicator of an area.

    Indicators are those the viewer may see (optionally of a ``body`` and
    the public bodies answering to it, or of one ``theme``, or exactly
    ``indicators``: ``Indicator.objects.reported``). Five queries whatever
    the number of indicators (six with a body): indicators, periods,
    observations of the area and its parent (the comparator) for the periods
    needed, targets. ``public``: for a visitor who is not signed in (small
    counts ``withheld``; the summaries count statuses, never values).
    """
    inds = list(indicators) if indicators is not None else reported_indicators(viewer, body, theme)
    p = period.rule_period if isinstance(period, Period) else rules.parse_period(period)
    periods = _PeriodCache()
    judged, wanted = _judged_and_wanted(inds, [p], as_of)
    comparator = area.parent
    figures = _area_figures(inds, area, periods, judged, wanted)
    judged_by_indicator = {pk: q for (pk, _), q in judged.items()}
    rows = [_judge(ind, area, judged_by_indicator[ind.pk], figures, comparator) for ind in inds]
    if public:
        rows = [_for_public(r) for r in rows]
    return Dashboard(
        area=area,
        period=p,
        rows=rows,
        summary=rules.summarise_rag(r.rag for r in rows),
        by_theme=_summaries(rows, _theme),
        by_body=_summaries(rows, _body_name),
        illustrative=any(ind.is_illustrative for ind in inds),
        public=public,
    )


def _area_figures(inds, area: Area, periods, judged: dict, wanted) -> _Figures:  # noqa: ANN001
    """The figures to judge ``inds`` in ``area``, with its parent as the comparator."""
    comparator = area.parent
    return _Figures(
        [ind.pk for ind in inds],
        [area.pk],
        periods,
        periods.ids(wanted),
        target_area_ids=[area.pk],
        comparator_id=comparator.pk if comparator else None,
        comparator_period_ids=periods.ids(set(judged.values())),
    )


def _theme(row) -> str:  # noqa: ANN001
    return row.indicator.theme


def _body_name(row) -> str:  # noqa: ANN001
    return row.indicator.body.name if row.indicator.body else ""


@dataclass(frozen=True)
class AchievementYear:
    period: rules.Period
    summary: rules.RagSummary
    by_theme: dict[str, rules.RagSummary]
    by_body: dict[str, rules.RagSummary]


def achievement_summary(
    viewer,  # noqa: ANN001 - concord.lib.access.Viewer
    area: Area,
    *,
    years: int = 5,
    until: Period | rules.Period | str | None = None,
    body: Body | None = None,
    theme: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    as_of: dt.date | None = None,
) -> list[AchievementYear]:
    """ "% of indicators achieving target" for each of the last ``years`` financial years.

    Each year is judged at its end (31 March): each indicator at its latest
    period due by then. Overall, per theme and per owning body, always with the
    counts of green, amber, red, data-only and no-data (:class:`rules.RagSummary`).
    Indicators are chosen as for :func:`dashboard` (``body``, ``theme``), or
    given as ``indicators``. Oldest year first. Five queries in all.
    """
    as_of = as_of or dt.date.today()
    if until is None:
        last_fy = period_containing(rules.PeriodKind.FINANCIAL_YEAR, as_of).previous()
    else:
        u = until.rule_period if isinstance(until, Period) else rules.parse_period(until)
        last_fy = period_containing(rules.PeriodKind.FINANCIAL_YEAR, u.end)
    fys = [last_fy.shift(-k) for k in range(years - 1, -1, -1)]
    inds = list(indicators) if indicators is not None else reported_indicators(viewer, body, theme)
    periods = _PeriodCache()
    judged, wanted = _judged_and_wanted(inds, fys, as_of)
    comparator = area.parent
    figures = _area_figures(inds, area, periods, judged, wanted)
    out = []
    for fy in fys:
        rows = [_judge(ind, area, judged[(ind.pk, fy)], figures, comparator) for ind in inds]
        out.append(
            AchievementYear(
                period=fy,
                summary=rules.summarise_rag(r.rag for r in rows),
                by_theme=_summaries(rows, _theme),
                by_body=_summaries(rows, _body_name),
            )
        )
    return out


# -- ward table --------------------------------------------------------------------


@dataclass(frozen=True)
class WardRow:
    """One area of a ward table. On public tables small counts are suppressed:
    ``suppressed`` is set and the value, numerator, rank and quintile are ``None``."""

    area_id: int
    code: str
    name: str
    value: float | None
    numerator: float | None
    ci: rules.Interval | None
    earlier_value: float | None
    rank: int | None
    quintile: int | None
    direction: rules.Direction
    suppressed: bool = False


@dataclass(frozen=True)
class WardTable:
    """Every ward (or other level) under an area for one indicator and period.

    ``gap`` is best against worst now, ``gap_trend`` whether it is narrowing
    since ``earlier_period`` (the same period a year earlier by default);
    each row's ``direction`` is its own change since that period.
    """

    indicator: Indicator
    parent: Area
    period: rules.Period
    earlier_period: rules.Period
    rows: list[WardRow]
    gap: rules.AreaGap | None
    gap_trend: rules.GapTrend
    ranked: bool
    public: bool


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


def is_small_count(indicator: Indicator, value: float | None, numerator: float | None) -> bool:
    """Whether a figure is kept from the public: its count (the numerator, or the
    value itself for a count indicator) is small, and the indicator suppresses
    small counts. A rate of 12.0 per 1,000 from 3 cases is kept back like the 3."""
    if not indicator.suppress_small_counts:
        return False
    count = numerator if numerator is not None else (value if _is_count(indicator) else None)
    if count is None:
        return False
    low, high, zero = small_count_range()
    return rules.suppress_small_number(
        int(round(count)), low=low, high=high, suppress_zero=zero
    ).suppressed


def ward_table(
    indicator: Indicator,
    period: Period | rules.Period | str,
    parent_area: Area,
    *,
    level: str = AreaLevel.WARD,
    earlier: Period | rules.Period | str | None = None,
    public: bool = False,
    as_of: dt.date | None = None,
) -> WardTable:
    """Ranks, quintiles, the best-worst gap and whether it narrows, for areas under a parent.

    The period is the indicator's own (see :func:`judged_period`). ``public``
    tables hide small counts (numerators, and values of count indicators)
    of indicators that ask for it. Four queries: periods, depths, areas, observations.
    """
    q = judged_period(indicator, period, as_of)
    if earlier is None:
        e = q.year_earlier()
    else:
        e = earlier.rule_period if isinstance(earlier, Period) else rules.parse_period(earlier)
    periods = _PeriodCache()
    depths = descendant_depths(parent_area, level)
    areas = list(
        Area.objects.filter(descendants_filter(parent_area, level, depths=depths))
        .order_by("code")
        .values_list("id", "code", "name")
    )
    now: dict[int, Point] = {}
    before: dict[int, Point] = {}
    pid_now, pid_before = periods.by_rule.get(q), periods.by_rule.get(e)
    obs = Observation.objects.filter(
        descendants_filter(parent_area, level, "area__", depths),
        indicator=indicator,
        period_id__in=[pid for pid in (pid_now, pid_before) if pid is not None],
    )
    for area_id, pid, value, num, lo, hi in obs.values_list(
        "area_id", "period_id", "value", "numerator", "ci_low", "ci_high"
    ).order_by():
        ci = (lo, hi) if lo is not None and hi is not None else None
        (now if pid == pid_now else before)[area_id] = Point(value, num, None, ci)
    polarity = indicator.rule_polarity
    tolerance = indicator.tolerance
    codes = {pk: code for pk, code, _ in areas}
    current = {codes[pk]: now[pk].value if pk in now else None for pk in codes}
    previous = {codes[pk]: before[pk].value if pk in before else None for pk in codes}
    ranked = polarity in (rules.Polarity.HIGHER_IS_BETTER, rules.Polarity.LOWER_IS_BETTER)
    ranks = rules.rank_areas(current, polarity) if ranked else {}
    n = sum(1 for r in ranks.values() if r is not None)
    gap = rules.area_gap(current, polarity) if ranked else None
    trend = (
        rules.gap_trend(previous, current, polarity, tolerance)
        if ranked
        else rules.GapTrend(rules.GapChange.NO_DATA, None, None, None)
    )
    rows = []
    for pk, code, name in areas:
        pt, old = now.get(pk), before.get(pk)
        rank = ranks.get(code)
        quintile = None if rank is None else (rank - 1) * 5 // n + 1
        direction = rules.compare_values(
            pt.value if pt else None,
            old.value if old else None,
            polarity,
            tolerance,
            pt.ci if pt else None,
            old.ci if old else None,
        )
        numerator = pt.numerator if pt else None
        shown: float | None = pt.value if pt else None
        if public and is_small_count(indicator, shown, numerator):
            rows.append(
                WardRow(pk, code, name, None, None, None, None, None, None, direction, True)
            )
        else:
            rows.append(
                WardRow(
                    pk,
                    code,
                    name,
                    shown,
                    numerator,
                    pt.ci if pt else None,
                    old.value if old else None,
                    rank,
                    quintile,
                    direction,
                )
            )
    return WardTable(indicator, parent_area, q, e, rows, gap, trend, ranked, public)


def _is_count(indicator: Indicator) -> bool:
    return indicator.unit == "count"


# -- reports ------------------------------------------------------------------------


class ReportAlreadyPublished(Exception):
    """A published report's snapshot is never rewritten."""


def report_statuses(
    report: PerformanceReport, *, as_of: dt.date | None = None
) -> list[IndicatorStatus]:
    """The live statuses of a report's indicators (the body's, and those of the
    public bodies answering to it), exceptions first.

    Used to preview a draft; a published report shows its frozen lines.
    """
    from concord.lib.access import Viewer

    board = dashboard(
        Viewer(is_secretariat=True), report.area, report.period, body=report.body, as_of=as_of
    )
    return sorted(
        board.rows, key=lambda r: (not r.is_exception, r.indicator.theme, r.indicator.code)
    )


def _line(report: PerformanceReport, position: int, s: IndicatorStatus) -> ReportLine:
    ind = s.indicator
    target = s.target
    low = target.low if isinstance(target, rules.Band) else target
    high = target.high if isinstance(target, rules.Band) else None
    value = s.ytd_value if s.ytd_value is not None else s.value
    return ReportLine(
        report=report,
        indicator=ind,
        position=position,
        is_exception=s.is_exception,
        indicator_code=ind.code,
        indicator_title=ind.title,
        theme=ind.theme,
        unit=ind.unit,
        unit_label=ind.unit_label,
        polarity=ind.polarity,
        period_code=str(s.period),
        value=value,
        observation_status=s.point.status if s.point else "",
        target=low,
        target_high=high,
        rag=s.rag.status.value,
        direction_previous=s.travel.against_previous.value,
        direction_mean=s.travel.against_mean.value,
        significance=s.significance.value,
        comparator=s.comparator.name if s.comparator else "",
        share_of_gap_closed=s.share_of_gap_closed,
        small_count=_for_public(s).withheld,
    )


def preview_lines(report: PerformanceReport, *, as_of: dt.date | None = None) -> list[ReportLine]:
    """Unsaved report lines from the live data: what publishing now would freeze."""
    return [_line(report, i, s) for i, s in enumerate(report_statuses(report, as_of=as_of), 1)]


def freeze_report(
    report: PerformanceReport,
    user=None,  # noqa: ANN001 - a User
    *,
    as_of: dt.date | None = None,
    commentary: dict[str, str] | None = None,
) -> PerformanceReport:
    """Publish a report: freeze every line's figures and statuses as they are now.

    The lines are copied into :class:`ReportLine` rows (exceptions first), so
    a later revision of the data, or a changed indicator, never rewrites what
    the board was shown. ``commentary`` maps indicator codes to the text shown
    beside them. One transaction; a report is frozen once
    (:class:`ReportAlreadyPublished` otherwise).
    """
    with transaction.atomic():
        locked = PerformanceReport.objects.select_for_update().get(pk=report.pk)
        if locked.status == ReportStatus.PUBLISHED:
            raise ReportAlreadyPublished(
                f"{locked} was published on {locked.published_at:%d %b %Y}."
            )
        lines = preview_lines(locked, as_of=as_of)
        for line in lines:
            line.commentary = (commentary or {}).get(line.indicator_code, "")
        ReportLine.objects.bulk_create(lines)
        locked.status = ReportStatus.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = user
        locked.save(update_fields=["status", "published_at", "published_by"])
    report.refresh_from_db()
    return report


# -- turn the curve -----------------------------------------------------------------


@dataclass(frozen=True)
class CurveData:
    """The baseline (observed series), its forecast, and the action plan of a TTC report."""

    series: list[SeriesPoint]
    forecast: rules.Forecast | None
    actions: list


def turn_the_curve_data(ttc: TurnTheCurve, viewer) -> CurveData:  # noqa: ANN001
    """The figures and the visible action plan of a turn-the-curve report.

    The forecast is the rules' straight line through the last five observed
    values, ``forecast_ahead`` periods beyond the latest. Actions are those
    the viewer may see, with their owners, in due-date order.
    """
    from concord.actions.models import Action
    from concord.actions.services import owners_prefetch

    series = indicator_series(ttc.indicator, ttc.area, public=not viewer.is_authenticated)
    observed = {p.period: p.value for p in series}
    forecast = None
    if sum(1 for v in observed.values() if v is not None) >= 2:
        forecast = rules.forecast_periods(observed, ahead=max(1, ttc.forecast_ahead))
    actions = list(
        Action.objects.visible_to(viewer)
        .filter(turn_the_curve_reports=ttc)
        .select_related("body")
        .prefetch_related(owners_prefetch(viewer))
        .order_by("due_date", "id")
    )
    return CurveData(series, forecast, actions)
