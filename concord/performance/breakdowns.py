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
from collections.abc import Mapping
from dataclasses import dataclass

from concord.performance import rules
from concord.performance.figures import Point, SmallCounts, point
from concord.performance.models import Area, Indicator, Observation
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


def breakdowns(
    indicator: Indicator, area: Area, *, public: bool = False
) -> list[DimensionBreakdown]:
    """The indicator's figures by population group in ``area``, dimension by dimension.

    Each dimension is shown for its own latest period with figures, and
    compared with the latest period before it that has figures too. One query.
    """
    rows = (
        Observation.objects.by_group()
        .filter(area=area, indicator=indicator)
        .order_by()
        .values_list(
            "group__dimension__name",
            "group__dimension__order",
            "group__dimension__reference_group__name",
            "group__name",
            "group__order",
            "period__code",
            "value",
            "numerator",
        )
    )
    small_counts = SmallCounts()
    found: dict[tuple[int, str], dict[rules.Period, dict[str, Point]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    references: dict[tuple[int, str], str] = {}
    order: dict[str, int] = {}
    for dim, dim_order, ref, group, group_order, code, value, numerator in rows:
        key = (dim_order, dim)
        references[key] = ref or ""
        order[group] = group_order
        pt = point(indicator, value, numerator, small_counts=small_counts)
        found[key][rules.parse_period(code)][group] = pt
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
                indicator.tolerance,
            )
        out.append(
            DimensionBreakdown(
                key[1], latest, earlier, groups, reference, gap, trend, bool(withheld)
            )
        )
    return out


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
