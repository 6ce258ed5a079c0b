"""One indicator's status: every judgement of it, kept apart.

The figures loaded by :mod:`concord.performance.figures` are handed to the
plain rules in :mod:`concord.performance.rules`; pages never judge figures
themselves. RAG, direction of travel, significance and distance to target
stay separate fields and are never blended into one colour. A due value
that is missing is "no data" (grey).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.frozen import made_frozen
from concord.performance import rules
from concord.performance.figures import Figures, Point, needed_periods, target_for
from concord.performance.figures import point as figure_point
from concord.performance.models import (
    Area,
    Indicator,
    Period,
    TargetKind,
)
from concord.performance.periods import PeriodCache, judged_period, period_containing


@dataclass(frozen=True)
class IndicatorStatus:
    """Every judgement of one indicator for one area and period, kept apart.

    ``period`` is the period judged (of the indicator's own frequency),
    ``value`` its value (the year-to-date total for a cumulative count is
    ``ytd_value``), ``rag`` the RAG result against ``target``, ``travel`` the
    two directions of travel, ``significance`` the comparison with
    ``comparator`` (the parent area) by confidence intervals, and
    ``share_of_gap_closed`` the progress from the end target's baseline.
    ``small_count``: the value (or year-to-date total) is a small count
    (marked where the figures were loaded, :func:`concord.performance.figures.point`);
    ``withheld``: it is, and the status is for a public page, which must not show it.
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
    small_count: bool = False
    # Kept from the public (a small count): pages show "suppressed" instead
    # of the value; the judgements stay, as on ward tables.
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


def judge(
    indicator: Indicator,
    area: Area,
    q: rules.Period,
    figures: Figures,
    comparator: Area | None,
) -> IndicatorStatus:
    ind_id, area_id = indicator.id, area.id
    values = figures.values(ind_id, area_id)
    point = figures.point_at(ind_id, area_id, q)
    targets = figures.targets.get((ind_id, area_id), [])
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
    # Only the judged period's and the one it is compared with have their
    # intervals asked for.
    previous = rules.compared_periods(q, indicator.seasonal, 4)[0]
    intervals = {}
    for p in (q, previous):
        ci = figures.interval_at(ind_id, area_id, p)
        if ci is not None:
            intervals[p] = ci
    travel = rules.travel_of_period(
        values, q, polarity, tolerance, seasonal=indicator.seasonal, intervals=intervals
    )
    comparator_point = figures.point_at(ind_id, comparator.id, q) if comparator else None
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
    # Every field given, made without the frozen dataclass's __init__ (a dashboard
    # makes hundreds).
    return made_frozen(
        IndicatorStatus,
        {
            "indicator": indicator,
            "area": area,
            "period": q,
            "point": point,
            "target": target,
            "rag": rag,
            "travel": travel,
            "significance": significance,
            "comparator": comparator,
            "comparator_point": comparator_point,
            "share_of_gap_closed": share,
            "ytd_value": ytd,
            "distance": None,
            "small_count": (point is not None and point.small_count)
            or (
                ytd is not None
                and figure_point(indicator, ytd, small_counts=figures.small_counts).small_count
            ),
            "withheld": False,
        },
    )


def for_public(status: IndicatorStatus) -> IndicatorStatus:
    """The status as a visitor who is not signed in may see it: ``withheld`` set
    when its value or year-to-date total is a small count."""
    return replace(status, withheld=True) if status.small_count else status


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
    periods = PeriodCache()
    comparator = area.parent
    area_ids = [area.pk] + ([comparator.pk] if comparator else [])
    figures = Figures([indicator], area_ids, periods, target_area_ids=[area.pk])
    status = judge(indicator, area, q, figures, comparator)
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
    return for_public(status) if public else status


def reported_indicators(
    viewer: Viewer,
    body: Body | None = None,
    theme: str | None = None,
) -> list[Indicator]:
    """The indicators a dashboard, trend or report covers (``Indicator.objects.reported``),
    with their bodies and data sets, in theme and code order. Two queries with a body."""
    qs = Indicator.objects.reported(viewer, body=body, theme=theme)
    return list(qs.select_related("body", "dataset").order_by("theme", "code"))


def summaries(
    rows: Sequence[IndicatorStatus], key: Callable[[IndicatorStatus], str]
) -> dict[str, rules.RagSummary]:
    groups: dict[str, list[rules.RagResult]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r.rag)
    return {k: rules.summarise_rag(v) for k, v in sorted(groups.items())}


def judged_and_wanted(
    inds: Sequence[Indicator], asked: Sequence[rules.Period], as_of: dt.date | None
) -> tuple[dict[tuple[int, rules.Period], rules.Period], set[rules.Period]]:
    """Each indicator's judged period for each asked period, and every period needed.

    Indicators alike in frequency, lag, seasonality and cumulation share one
    answer, so a dashboard of hundreds of indicators works out only a few.
    """
    judged: dict[tuple[int, rules.Period], rules.Period] = {}
    wanted: set[rules.Period] = set()
    memo: dict[tuple[object, ...], tuple[rules.Period, set[rules.Period]]] = {}
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


def area_figures(
    inds: Sequence[Indicator],
    area: Area,
    periods: PeriodCache,
    judged: dict[tuple[int, rules.Period], rules.Period],
    wanted: set[rules.Period],
) -> Figures:
    """The figures to judge ``inds`` in ``area``, with its parent as the comparator."""
    comparator = area.parent
    return Figures(
        inds,
        [area.pk],
        periods,
        periods.ids(wanted),
        target_area_ids=[area.pk],
        comparator_id=comparator.pk if comparator else None,
        comparator_period_ids=periods.ids(set(judged.values())),
    )


def theme_of(row: IndicatorStatus) -> str:
    return row.indicator.theme


def body_name(row: IndicatorStatus) -> str:
    return row.indicator.body.name if row.indicator.body else ""
