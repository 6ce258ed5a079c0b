"""The figures of the facts pages: a priority's indicators for one area, and a ward's profile.

Everything is judged and drawn by the performance app, for a visitor
(``public=True``): :func:`concord.performance.dashboard.dashboard` judges the
indicators (RAG, direction of travel, comparison with the area above),
:func:`concord.performance.figures.recent_points` reads their recent values,
and small counts are withheld by the one rule that marks them where figures
are loaded (:mod:`concord.performance.figures`). This module only arranges
them; the functions that read the database run a fixed number of queries,
whatever the number of indicators or wards.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from concord.facts.priorities import PUBLIC
from concord.performance import charts, rules
from concord.performance.dashboard import DashboardRow, dashboard, dashboard_rows
from concord.performance.figures import Point, recent_points
from concord.performance.models import Area, Indicator
from concord.performance.words import (
    SUPPRESSED,
    TRAVEL_LABELS,
    figure,
    status_comparison_words,
    svg,
)


@dataclass(frozen=True)
class Figure:
    """One value as a page and a download show it: ``number`` is ``None`` when there is
    no figure or it is withheld, and ``text`` says which."""

    number: float | None
    text: str


def shown(indicator: Indicator, pt: Point | None, *, withheld: bool = False) -> Figure:
    """A point as the public may see it: its value, "No data", or suppressed when small.

    >>> ind = Indicator(unit="count", suppress_small_counts=True, decimals=0)
    >>> shown(ind, Point(3.0, small_count=True)).text, shown(ind, None).text
    ('Suppressed (small number)', 'No data')
    """
    if pt is None:
        return Figure(None, "No data")
    if withheld or pt.small_count:
        return Figure(None, SUPPRESSED)
    return Figure(pt.value, figure(pt.value, indicator.unit, indicator.decimals))


@dataclass(frozen=True)
class IndicatorFacts:
    """One indicator of a priority page: its row of judgements in words (the
    dashboard's), and its recent history as a chart with the same figures as a table."""

    row: DashboardRow
    history: list[tuple[str, Figure]]
    chart: SafeString


@dataclass(frozen=True)
class PriorityFigures:
    area: Area
    period: rules.Period
    indicators: list[IndicatorFacts]
    illustrative: bool


def priority_figures(
    indicators: list[Indicator], area: Area, period: rules.Period
) -> PriorityFigures:
    """The judged figures and recent history of ``indicators`` in ``area`` up to
    ``period``, as the public may see them (four queries)."""
    board = dashboard(PUBLIC, area, period, indicators=indicators, public=True)
    ends = {r.indicator.pk: r.period for r in board.rows}
    points = recent_points(indicators, area, ends)
    values = {
        pk: [None if pt is None or pt.small_count else pt.value for _, pt in series]
        for pk, series in points.items()
    }
    out = []
    for row in dashboard_rows(board, values):
        ind = row.status.indicator
        history = [(p.label(), shown(ind, pt)) for p, pt in points[ind.pk]]
        out.append(IndicatorFacts(row, history, _history_chart(ind, area, history)))
    return PriorityFigures(area, board.period, out, board.illustrative)


def _history_chart(ind: Indicator, area: Area, history: list[tuple[str, Figure]]) -> SafeString:
    observed = [f for _, f in history if f.number is not None]
    if observed:
        words = (
            f"{len(observed)} figures from {observed[0].text} to {observed[-1].text}, "
            f"{history[0][0]} to {history[-1][0]}."
        )
    else:
        words = "No figures to show yet."
    return svg(
        charts.line_chart(
            chart_id=f"facts-{ind.pk}",
            title=f"{ind.code} {ind.title} in {area.name}",
            description=f"{words} The table beside it gives every figure.",
            labels=[label for label, _ in history],
            values=[f.number for _, f in history],
            unit=ind.unit_label or ind.get_unit_display(),
            observed_label=area.name,
            width=560,
            height=240,
        )
    )


@dataclass(frozen=True)
class ProfileRow:
    """One indicator of a ward's profile: the ward's latest figure and its direction of
    travel, beside the place's (the local authority) and the region's for the same period."""

    indicator: Indicator
    priority: str
    period: str
    ward: Figure
    travel: str
    place: Figure
    place_travel: str
    region: Figure
    comparison: str


@dataclass(frozen=True)
class WardProfile:
    ward: Area
    place: Area | None
    region: Area | None
    period: rules.Period
    rows: list[ProfileRow]
    illustrative: bool


def ward_profile(
    ward: Area, indicators: list[tuple[str, Indicator]], period: rules.Period
) -> WardProfile:
    """A ward's latest figures against its local authority and region, indicator by
    indicator (``(priority, indicator)`` pairs), as the public may see them (six queries:
    the ward judged against the place, the place judged against the region)."""
    inds = [ind for _, ind in indicators]
    place = ward.parent
    region = place.parent if place is not None else None
    ward_board = dashboard(PUBLIC, ward, period, indicators=inds, public=True)
    place_rows = {}
    if place is not None:
        place_board = dashboard(PUBLIC, place, period, indicators=inds, public=True)
        place_rows = {r.indicator.pk: r for r in place_board.rows}
    priority_of = {ind.pk: priority for priority, ind in indicators}
    rows = []
    for r in ward_board.rows:
        ind = r.indicator
        p = place_rows.get(ind.pk)
        rows.append(
            ProfileRow(
                indicator=ind,
                priority=priority_of[ind.pk],
                period=r.period.label(),
                ward=shown(ind, r.point, withheld=r.withheld),
                travel=TRAVEL_LABELS[r.travel.against_previous.value],
                place=shown(ind, p.point, withheld=p.withheld) if p else Figure(None, ""),
                place_travel=TRAVEL_LABELS[p.travel.against_previous.value] if p else "",
                region=shown(ind, p.comparator_point) if p and region else Figure(None, ""),
                comparison=status_comparison_words(r),
            )
        )
    return WardProfile(ward, place, region, ward_board.period, rows, ward_board.illustrative)
