"""Equality breakdowns: one indicator's latest figures by population group, and the gaps.

For each dimension (sex, age band...) with figures for the area, the page
shows every group's figure for the latest period that has them, the gap
between groups and whether it is narrowing since the period before that.

- **The gap** is highest minus lowest (:func:`concord.performance.rules.area_gap`,
  groups in place of areas) or, when the dimension names a reference group,
  the largest distance of any group from it (:func:`reference_gap`).
- **Narrowing** compares it with the earlier period's gap over the groups
  with a figure in both; a change within the indicator's tolerance (percent:
  of the earlier gap) is no significant change, as for wards.
- **Small counts** are marked where the figures are loaded
  (:func:`concord.performance.figures.point`); on a public page such a figure
  is withheld, and so are that dimension's gap and trend, which could give it
  away.

One query, whatever the number of dimensions and groups; the functions that
turn results into words run none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from concord.performance import rules
from concord.performance.figures import SmallCounts, point
from concord.performance.group_figures import latest_group_rows
from concord.performance.models import Area, Indicator
from concord.performance.rules._numbers import at_most
from concord.performance.rules.tolerance import tolerance_width
from concord.performance.words import SUPPRESSED, figure


@dataclass(frozen=True)
class Gap:
    """The gap between groups: ``size`` (never negative) between ``high`` and ``low``
    (group names; with a reference group, ``low`` is it)."""

    size: float
    high: str
    low: str


def highest_lowest_gap(values: Mapping[str, float]) -> Gap | None:
    """Highest minus lowest (``None`` with fewer than two groups).

    >>> highest_lowest_gap({"Female": 12.0, "Male": 20.5})
    Gap(size=8.5, high='Male', low='Female')
    """
    found = rules.area_gap(values, rules.Polarity.LOWER_IS_BETTER)
    if found is None:
        return None
    return Gap(found.gap, ", ".join(found.worst_areas), ", ".join(found.best_areas))


def reference_gap(values: Mapping[str, float], reference: str) -> Gap | None:
    """The largest distance of any group from the ``reference`` group.

    >>> reference_gap({"White": 10.0, "Asian": 14.0, "Black": 7.0}, "White")
    Gap(size=4.0, high='Asian', low='White')
    >>> reference_gap({"Asian": 14.0}, "White") is None
    True
    """
    if reference not in values or len(values) < 2:
        return None
    base = values[reference]
    size, name = max((abs(v - base), g) for g, v in values.items() if g != reference)
    return Gap(size, name, reference)


def gap_change(
    earlier: Gap | None, later: Gap | None, tolerance: rules.Tolerance | None
) -> rules.GapChange:
    """Narrowing, widening or no significant change (within tolerance) between two gaps.

    >>> gap_change(Gap(8, "a", "b"), Gap(5, "a", "b"), None).value
    'narrowing'
    >>> tol = rules.Tolerance(4, rules.ToleranceKind.POINTS)
    >>> gap_change(Gap(8, "a", "b"), Gap(5, "a", "b"), tol).value
    'no_change'
    """
    if earlier is None or later is None:
        return rules.GapChange.NO_DATA
    change = later.size - earlier.size
    if change == 0 or at_most(abs(change), tolerance_width(tolerance, earlier.size)):
        return rules.GapChange.NO_CHANGE
    return rules.GapChange.NARROWING if change < 0 else rules.GapChange.WIDENING


@dataclass(frozen=True)
class GroupFigure:
    """One group's figure for the latest period (``value`` ``None``: none, or withheld)."""

    name: str
    value: float | None
    earlier: float | None
    withheld: bool
    reference: bool


@dataclass(frozen=True)
class DimensionBreakdown:
    """One dimension's groups for the latest period with figures, the gap and its trend."""

    name: str
    period: rules.Period
    earlier_period: rules.Period | None
    groups: list[GroupFigure]
    reference: str
    gap: Gap | None
    trend: rules.GapChange
    withheld: bool  # some figure kept from the public: no gap, no trend


def _gap(values: Mapping[str, float], reference: str) -> Gap | None:
    return reference_gap(values, reference) if reference else highest_lowest_gap(values)


@dataclass(frozen=True)
class GroupPoint:
    """One figure for a population group, as loaded (its small count marked once, by
    :func:`concord.performance.figures.point`); a published report freezes these."""

    dimension: str
    dimension_order: int
    reference: str
    group: str
    group_order: int
    period: str
    value: float
    small_count: bool
    dimension_code: str = ""
    group_code: str = ""


def group_points(
    indicators: Sequence[Indicator], area: Area, *, before: rules.Period | None = None
) -> dict[int, list[GroupPoint]]:
    """The figures by group of ``indicators`` in ``area`` for each dimension's latest two
    periods (all :func:`assemble` reads), by indicator id. One query
    (:func:`concord.performance.group_figures.latest_group_rows`).
    ``before``: only periods ending no later than it (for a report of that period)."""
    by_pk = {ind.pk: ind for ind in indicators}
    out: dict[int, list[GroupPoint]] = {pk: [] for pk in by_pk}
    if not by_pk:
        return out
    # Only each dimension's latest two periods are ever shown (assemble): ranked in
    # the database, so that years of history cost no Python (group_figures).
    rows = latest_group_rows(
        list(by_pk), area.pk, ends_by=before.end if before is not None else None
    )
    small_counts = SmallCounts()
    for (
        ind_pk,
        dim,
        dim_order,
        dim_code,
        ref,
        group,
        group_order,
        group_code,
        code,
        value,
        num,
    ) in rows:
        pt = point(by_pk[ind_pk], value, num, small_counts=small_counts)
        out[ind_pk].append(
            GroupPoint(
                dim,
                dim_order,
                ref or "",
                group,
                group_order,
                code,
                value,
                pt.small_count,
                dim_code,
                group_code,
            )
        )
    return out


def latest_two(points: Sequence[GroupPoint]) -> list[GroupPoint]:
    """Only the points :func:`assemble` reads: each dimension's latest two periods
    (what a published report freezes)."""
    periods: dict[str, set[rules.Period]] = defaultdict(set)
    for p in points:
        periods[p.dimension].add(rules.parse_period(p.period))
    keep = {dim: set(sorted(found)[-2:]) for dim, found in periods.items()}
    return [p for p in points if rules.parse_period(p.period) in keep[p.dimension]]


def assemble(
    points: Sequence[GroupPoint], tolerance: rules.Tolerance | None, *, public: bool = False
) -> list[DimensionBreakdown]:
    """The figures by group, dimension by dimension, with the gap and its trend.

    Each dimension is shown for its own latest period with figures, and
    compared with the latest period before it that has figures too. On a
    ``public`` breakdown a small count is withheld, and so are its
    dimension's gap and trend. No queries.
    """
    found: dict[tuple[int, str], dict[rules.Period, dict[str, GroupPoint]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    references: dict[tuple[int, str], str] = {}
    order: dict[str, int] = {}
    for p in points:
        key = (p.dimension_order, p.dimension)
        references[key] = p.reference
        order[p.group] = p.group_order
        found[key][rules.parse_period(p.period)][p.group] = p
    out = []
    for key in sorted(found):
        by_period = found[key]
        periods = sorted(by_period)
        latest = periods[-1]
        earlier = periods[-2] if len(periods) > 1 else None
        now = by_period[latest]
        before = by_period[earlier] if earlier is not None else {}
        reference = references[key] if references[key] in now else ""
        withheld = public and any(p.small_count for p in (*now.values(), *before.values()))
        groups = [
            GroupFigure(
                name,
                None if public and pt.small_count else pt.value,
                before[name].value if name in before and not withheld else None,
                public and pt.small_count,
                name == reference,
            )
            for name, pt in sorted(now.items(), key=lambda item: (order[item[0]], item[0]))
        ]
        later_values = {g: p.value for g, p in now.items()}
        gap = None if withheld else _gap(later_values, reference)
        trend = rules.GapChange.NO_DATA
        if not withheld and earlier is not None:
            common = later_values.keys() & before.keys()
            trend = gap_change(
                _gap({g: before[g].value for g in common}, reference),
                _gap({g: later_values[g] for g in common}, reference),
                tolerance,
            )
        out.append(
            DimensionBreakdown(
                key[1], latest, earlier, groups, reference, gap, trend, bool(withheld)
            )
        )
    return out


def breakdowns(
    indicator: Indicator, area: Area, *, public: bool = False
) -> list[DimensionBreakdown]:
    """The indicator's figures by population group in ``area``, dimension by dimension
    (:func:`assemble`). One query."""
    points = group_points([indicator], area)[indicator.pk]
    return assemble(points, indicator.tolerance, public=public)


def widest(found: Sequence[DimensionBreakdown]) -> DimensionBreakdown | None:
    """The dimension with the widest gap (none shown when every gap is withheld or missing).

    >>> widest([]) is None
    True
    """
    gaps = [b for b in found if b.gap is not None]
    return max(gaps, key=lambda b: b.gap.size if b.gap else 0.0) if gaps else None


@dataclass(frozen=True)
class GroupRow:
    name: str
    value: str
    earlier: str


@dataclass(frozen=True)
class BreakdownView:
    """A dimension's breakdown in words, for the indicator page."""

    name: str
    period: str
    earlier_period: str
    rows: list[GroupRow]
    gap_text: str
    trend_text: str


TREND_WORDS = {
    "narrowing": "The gap is narrowing",
    "widening": "The gap is widening",
    "no_change": "No significant change in the gap (the change is within tolerance)",
    "no_data": "",
}


def breakdown_view(indicator: Indicator, b: DimensionBreakdown) -> BreakdownView:
    """Words for one dimension: each group's figure, the gap and whether it narrows."""
    unit, d = indicator.unit, indicator.decimals
    rows = [
        GroupRow(
            g.name + (" (reference)" if g.reference else ""),
            SUPPRESSED if g.withheld else figure(g.value, unit, d),
            figure(g.earlier, unit, d),
            # (the earlier figure is blank when withheld or missing)
        )
        for g in b.groups
    ]
    if b.withheld:
        gap_text = (
            f"The gap between groups by {b.name.lower()} is not shown here because some "
            "figures are suppressed."
        )
    elif b.gap is None:
        gap_text = "Fewer than two groups have a figure, so there is no gap to show."
    elif b.reference:
        gap_text = f"Largest gap from {b.reference}: {figure(b.gap.size, unit, d)} ({b.gap.high})."
    else:
        gap_text = (
            f"Gap between highest and lowest: {figure(b.gap.size, unit, d)} "
            f"(highest: {b.gap.high}; lowest: {b.gap.low})."
        )
    trend_text = TREND_WORDS[b.trend.value]
    if trend_text and b.earlier_period is not None:
        trend_text += f" since {b.earlier_period.label()}."
    elif not b.withheld and b.gap is not None:
        trend_text = "Not known whether the gap is narrowing (no earlier figures by group)."
    return BreakdownView(
        b.name,
        b.period.label(),
        b.earlier_period.label() if b.earlier_period else "",
        rows,
        gap_text,
        trend_text,
    )


SHORT_TREND = {
    "narrowing": "narrowing",
    "widening": "widening",
    "no_change": "no significant change",
    "no_data": "",
}


def widest_gap_text(indicator: Indicator, found: Sequence[DimensionBreakdown]) -> str:
    """The widest gap between groups in a few words, for the dashboard ("" when no gap
    can be shown: no figures by group, fewer than two groups, or withheld).

    >>> from concord.performance.rules import GapChange, parse_period
    >>> b = DimensionBreakdown("Sex", parse_period("2024-Q4"), parse_period("2024-Q3"),
    ...     [], "", Gap(8.0, "Male", "Female"), GapChange.NARROWING, False)
    >>> widest_gap_text(Indicator(unit="percent", decimals=0), [b])
    'By sex: 8% (Male, Female), narrowing since Q3 2024'
    """
    b = widest(found)
    if b is None or b.gap is None:
        return ""
    text = (
        f"By {b.name.lower()}: {figure(b.gap.size, indicator.unit, indicator.decimals)} "
        f"({b.gap.high}, {b.gap.low})"
    )
    trend = SHORT_TREND[b.trend.value]
    if trend and b.earlier_period is not None:
        text += f", {trend} since {b.earlier_period.label()}"
    return text


def frozen(points: Sequence[GroupPoint], tolerance: rules.Tolerance | None) -> dict[str, Any]:
    """The figures by group a report needs (:func:`latest_two`), with the tolerance
    that judged their trend, as JSON for a published report line (:func:`thawed`).

    >>> p = GroupPoint("Sex", 1, "", "Male", 2, "2024-Q4", 70.0, False)
    >>> thawed(frozen([p], rules.Tolerance(5, rules.ToleranceKind.POINTS))) == (
    ...     [p], rules.Tolerance(5, rules.ToleranceKind.POINTS))
    True
    >>> thawed({})
    ([], None)
    """
    if not points:
        return {}
    return {
        "tolerance": None if tolerance is None else [tolerance.amount, tolerance.kind.value],
        "points": [
            [
                p.dimension,
                p.dimension_order,
                p.reference,
                p.group,
                p.group_order,
                p.period,
                p.value,
                p.small_count,
            ]
            for p in latest_two(points)
        ],
    }


def thawed(data: Mapping[str, Any]) -> tuple[list[GroupPoint], rules.Tolerance | None]:
    """The points and tolerance :func:`frozen` kept."""
    if not data:
        return [], None
    tol = data.get("tolerance")
    tolerance = None if tol is None else rules.Tolerance(tol[0], rules.ToleranceKind(tol[1]))
    return [GroupPoint(*row) for row in data.get("points", [])], tolerance
