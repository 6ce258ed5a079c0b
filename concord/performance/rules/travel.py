"""Direction of travel: is the indicator getting better or worse over time?

Two comparisons are reported separately: against the previous period (or the
same period a year earlier, for seasonal data) and against the mean of the
previous four.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from ._numbers import at_most
from .periods import Period, PeriodKey, parse_period
from .polarity import Polarity, as_polarity
from .significance import Interval, intervals_overlap
from .tolerance import Tolerance, tolerance_width

__all__ = [
    "Direction",
    "TravelReport",
    "compare_values",
    "compare_with_mean",
    "compared_periods",
    "direction_of_travel",
    "travel_of_period",
]


class Direction(StrEnum):
    """``improving``/``worsening`` with polarity; ``increasing``/``decreasing`` without."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    INCREASING = "increasing"
    DECREASING = "decreasing"
    NO_CHANGE = "no_change"
    NO_DATA = "no_data"


def _direction(change: float, polarity: Polarity) -> Direction:
    up = change > 0
    if polarity is Polarity.HIGHER_IS_BETTER:
        return Direction.IMPROVING if up else Direction.WORSENING
    if polarity is Polarity.LOWER_IS_BETTER:
        return Direction.WORSENING if up else Direction.IMPROVING
    # within_band: going up or down is not better or worse without knowing where the band is
    return Direction.INCREASING if up else Direction.DECREASING


def compare_values(
    current: float | None,
    earlier: float | None,
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    current_ci: Interval | None = None,
    earlier_ci: Interval | None = None,
) -> Direction:
    """Direction of travel from ``earlier`` to ``current``.

    ``no_change`` when the change is no bigger than the tolerance (a percent
    tolerance is a percentage of the earlier value), or when both confidence
    intervals are given and overlap. ``no_data`` if either value is missing.

    >>> compare_values(38.0, 42.0, "lower_is_better")
    <Direction.IMPROVING: 'improving'>
    >>> compare_values(41.0, 42.0, "lower_is_better", Tolerance.percent(5))
    <Direction.NO_CHANGE: 'no_change'>
    >>> compare_values(38.0, 42.0, "no_judgement")
    <Direction.DECREASING: 'decreasing'>
    """
    polarity = as_polarity(polarity)
    if current is None or earlier is None:
        return Direction.NO_DATA
    change = float(current) - float(earlier)
    if change == 0 or at_most(abs(change), tolerance_width(tolerance, earlier)):
        return Direction.NO_CHANGE
    both_cis = current_ci is not None and earlier_ci is not None
    if both_cis and intervals_overlap(current_ci, earlier_ci):  # type: ignore[arg-type]
        return Direction.NO_CHANGE
    return _direction(change, polarity)


def compare_with_mean(
    current: float | None,
    earlier_values: list[float | None],
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    needed: int = 4,
) -> tuple[Direction, float | None]:
    """Direction of travel against the mean of earlier values, and that mean.

    ``earlier_values`` run oldest first; the last ``needed`` of them are used.
    All of those must be present, otherwise ``no_data``: a
    mean of fewer values would be a different measure under the same name.
    Only the tolerance applies (there is no CI for a mean of periods).

    >>> compare_with_mean(30.0, [40.0, 38.0, 36.0, 34.0], "lower_is_better")
    (<Direction.IMPROVING: 'improving'>, 37.0)
    """
    recent = earlier_values[-needed:]
    if current is None or len(recent) < needed or any(v is None for v in recent):
        return Direction.NO_DATA, None
    mean = sum(float(v) for v in recent if v is not None) / needed
    return compare_values(current, mean, polarity, tolerance), mean


_V = TypeVar("_V")


def _by_period(series: Mapping[PeriodKey, _V]) -> Mapping[Period, _V]:
    """The series keyed by :class:`Period` (as it is, when it already is: the
    dashboard judges hundreds of series so keyed)."""
    if all(type(k) is Period for k in series):
        return series  # type: ignore[return-value]
    return {parse_period(k): v for k, v in series.items()}


@dataclass(frozen=True)
class TravelReport:
    """Both directions of travel for one period, kept apart."""

    period: Period
    against_previous: Direction
    previous_period: Period
    against_mean: Direction
    mean: float | None
    mean_periods: tuple[Period, ...]


def direction_of_travel(
    series: Mapping[PeriodKey, float | None],
    period: str | Period,
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    *,
    seasonal: bool = False,
    intervals: Mapping[PeriodKey, Interval] | None = None,
    mean_of: int = 4,
) -> TravelReport:
    """Direction of travel of ``period`` in a series of period values.

    Non-seasonal: against the previous period, and against the mean of the
    four periods before it. Seasonal (``seasonal=True``): against the same
    period a year earlier, and against the mean of that period in each of the
    four previous years, so summer is compared with summer.

    >>> s = {"2009-Q1": 40, "2009-Q2": 39, "2009-Q3": 41, "2009-Q4": 40, "2010-Q1": 35}
    >>> r = direction_of_travel(s, "2010-Q1", "lower_is_better")
    >>> (r.against_previous.value, r.against_mean.value, r.mean)
    ('improving', 'improving', 40.0)
    """
    return travel_of_period(
        _by_period(series),
        parse_period(period),
        polarity,
        tolerance,
        seasonal=seasonal,
        intervals=_by_period(intervals or {}),
        mean_of=mean_of,
    )


def travel_of_period(
    values: Mapping[Period, float | None],
    p: Period,
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    *,
    seasonal: bool = False,
    intervals: Mapping[Period, Interval] | None = None,
    mean_of: int = 4,
) -> TravelReport:
    """:func:`direction_of_travel` of a series already keyed by :class:`Period`, for
    a :class:`Period` (no parsing: a dashboard judges hundreds of series so keyed).

    >>> q = parse_period("2010-Q1")
    >>> travel_of_period({q.previous(): 40.0, q: 35.0}, q, "lower_is_better").against_previous
    <Direction.IMPROVING: 'improving'>
    """
    cis = intervals or {}
    previous, mean_periods = compared_periods(p, seasonal, mean_of)
    current = values.get(p)
    against_previous = compare_values(
        current, values.get(previous), polarity, tolerance, cis.get(p), cis.get(previous)
    )
    against_mean, mean = compare_with_mean(
        current, [values.get(m) for m in mean_periods], polarity, tolerance, mean_of
    )
    return TravelReport(p, against_previous, previous, against_mean, mean, mean_periods)


@lru_cache(maxsize=256)
def compared_periods(p: Period, seasonal: bool, mean_of: int) -> tuple[Period, tuple[Period, ...]]:
    """The period ``p`` is compared with, and the ``mean_of`` periods before it, oldest
    first (a year apart when ``seasonal``): the same for every indicator judged for
    ``p``, so worked out once."""

    def step_back(q: Period) -> Period:
        return q.year_earlier() if seasonal else q.previous()

    mean_periods: list[Period] = []
    q = p
    for _ in range(mean_of):
        q = step_back(q)
        mean_periods.append(q)
    mean_periods.reverse()
    return step_back(p), tuple(mean_periods)
