"""The ward table and chart: one indicator across the areas under another.

:func:`ward_table` ranks the areas, puts them in quintiles and works out the
gap between best and worst and whether it narrows (four queries);
:func:`ward_view` lays it out in words and as a bar chart. On a public
table a small count keeps its name and direction but loses value,
numerator, rank and quintile, and the gap is not shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.safestring import SafeString

from concord.performance import charts, rules
from concord.performance.areas import descendant_depths, descendants_filter
from concord.performance.figures import Point, SmallCounts, point
from concord.performance.models import (
    Area,
    AreaLevel,
    Group,
    Indicator,
    Observation,
    Period,
)
from concord.performance.periods import PeriodCache, judged_period
from concord.performance.words import SUPPRESSED, TRAVEL_LABELS, figure, svg, unit_suffix


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
    group: Group | None = None


def ward_table(
    indicator: Indicator,
    period: Period | rules.Period | str,
    parent_area: Area,
    *,
    level: str = AreaLevel.WARD,
    earlier: Period | rules.Period | str | None = None,
    public: bool = False,
    as_of: dt.date | None = None,
    group: Group | None = None,
) -> WardTable:
    """Ranks, quintiles, the best-worst gap and whether it narrows, for areas under a parent.

    The period is the indicator's own (see :func:`judged_period`). ``public``
    tables hide small counts (numerators, and values of count indicators)
    of indicators that ask for it. ``group``: every area's figure for that
    population group (equality breakdowns) instead of for all people. Four
    queries: periods, depths, areas, observations.
    """
    q = judged_period(indicator, period, as_of)
    if earlier is None:
        e = q.year_earlier()
    else:
        e = earlier.rule_period if isinstance(earlier, Period) else rules.parse_period(earlier)
    periods = PeriodCache()
    depths = descendant_depths(parent_area, level)
    areas = list(
        Area.objects.filter(descendants_filter(parent_area, level, depths=depths))
        .order_by("code")
        .values_list("id", "code", "name")
    )
    now: dict[int, Point] = {}
    before: dict[int, Point] = {}
    pid_now, pid_before = periods.by_rule.get(q), periods.by_rule.get(e)
    small_counts = SmallCounts()
    obs = Observation.objects.for_group(group).filter(
        descendants_filter(parent_area, level, "area__", depths),
        indicator=indicator,
        period_id__in=[pid for pid in (pid_now, pid_before) if pid is not None],
    )
    for area_id, pid, value, num, lo, hi in obs.values_list(
        "area_id", "period_id", "value", "numerator", "ci_low", "ci_high"
    ).order_by():
        (now if pid == pid_now else before)[area_id] = point(
            indicator, value, num, None, lo, hi, small_counts=small_counts
        )
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
        if public and pt is not None and pt.small_count:
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
    return WardTable(indicator, parent_area, q, e, rows, gap, trend, ranked, public, group)


@dataclass(frozen=True)
class WardView:
    table: WardTable
    svg: SafeString
    rows: list[dict[str, object]]
    gap_text: str
    trend_text: str


def ward_view(
    indicator: Indicator,
    period: rules.Period,
    area: Area,
    *,
    public: bool,
    group: Group | None = None,
) -> WardView:
    """The ward table and ward chart of an indicator under ``area``, for all people or
    for one population ``group`` (four queries)."""
    table = ward_table(indicator, period, area, public=public, group=group)
    of_group = f" ({group})" if group is not None else ""
    d = indicator.decimals
    dashboard = reverse("performance:dashboard")
    rows: list[dict[str, object]] = [
        {
            "code": w.code,
            "name": w.name,
            "url": f"{dashboard}?{urlencode({'area': w.code})}",
            "value": SUPPRESSED
            if w.suppressed
            else (figure(w.value, indicator.unit, d) or "No data"),
            "numerator": "" if w.numerator is None else charts.format_number(w.numerator, 0),
            "earlier": figure(w.earlier_value, indicator.unit, d),
            "rank": w.rank or "",
            "quintile": w.quintile or "",
            "direction": TRAVEL_LABELS[w.direction.value],
            "suppressed": w.suppressed,
        }
        for w in table.rows
    ]
    bars = [charts.BarDatum(w.name, w.value, w.suppressed) for w in table.rows]
    markup = charts.ward_bar_chart(
        bars,
        chart_id=f"wards-{indicator.pk}",
        title=f"{indicator.code}{of_group} by ward in {area.name}, {table.period.label()}",
        description=(
            f"{sum(1 for w in table.rows if w.value is not None)} of {len(table.rows)} wards "
            "have a value shown. The table below gives every figure."
        ),
        unit=unit_suffix(indicator.unit),
    )
    gap_text = ""
    if table.public and any(w.suppressed for w in table.rows):
        # best, worst and the gap between them could give a hidden figure away
        gap_text = "The gap between wards is not shown here because some figures are suppressed."
    elif table.gap is not None:
        names = {w.code: w.name for w in table.rows}
        best = ", ".join(names.get(c, c) for c in table.gap.best_areas)
        worst = ", ".join(names.get(c, c) for c in table.gap.worst_areas)
        gap_text = (
            f"Gap between best and worst: {figure(table.gap.gap, indicator.unit, d)} "
            f"(best: {best}; worst: {worst})."
        )
    trend_text = {
        "narrowing": "The gap is narrowing",
        "widening": "The gap is widening",
        "no_change": "No significant change in the gap (the change is within tolerance)",
        "no_data": "Not known whether the gap is narrowing (a figure is missing)",
    }.get(table.gap_trend.status.value, "")
    if trend_text:
        trend_text += f" since {table.earlier_period.label()}."
    return WardView(table, svg(markup), rows, gap_text, trend_text)
