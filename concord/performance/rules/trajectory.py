"""Interim targets: a trajectory towards an end-of-period target, and year-to-date targets.

Positions are period indices: plain integers, or periods (parsed with
:func:`~concord.performance.rules.periods.parse_period`, all of one kind),
whose :attr:`~concord.performance.rules.periods.Period.ordinal` is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from .periods import Period, PeriodKey, parse_period, periods_to_date

__all__ = [
    "PeriodIndex",
    "linear_trajectory",
    "profiled_target",
    "to_indices",
    "year_to_date",
    "ytd_target",
]

PeriodIndex = int | str | Period
# Milestones and observations may be keyed by index, label or Period.
IndexKey = TypeVar("IndexKey", int, str, Period)


def to_indices(*points: PeriodIndex) -> list[int]:
    """Turn period indices into integers: ints as they are, periods as their ordinal.

    >>> to_indices("2009-Q4", "2010-Q1")
    [8039, 8040]
    """
    if all(isinstance(p, int) for p in points):
        return [int(p) for p in points]  # type: ignore[arg-type]
    if any(isinstance(p, int) for p in points):
        raise ValueError("mix of integer indices and periods")
    periods = [parse_period(p) for p in points]  # type: ignore[arg-type]
    if len({p.kind for p in periods}) > 1:
        raise ValueError("all periods of a trajectory must be of one kind")
    return [p.ordinal for p in periods]


def linear_trajectory(
    baseline_value: float,
    baseline_at: PeriodIndex,
    target_value: float,
    target_at: PeriodIndex,
    at: PeriodIndex,
) -> float | None:
    """The interim target at ``at`` on a straight line from baseline to target.

    Before the baseline there is no target (``None``); after the target
    period the end target stands.

    >>> linear_trajectory(60.0, "2007/08", 45.0, "2010/11", "2009/10")
    50.0
    >>> linear_trajectory(60.0, 0, 45.0, 3, 5)
    45.0
    """
    b, t, x = to_indices(baseline_at, target_at, at)
    if t <= b:
        raise ValueError("the target period must come after the baseline period")
    if x < b:
        return None
    if x >= t:
        return float(target_value)
    return float(baseline_value) + (float(target_value) - float(baseline_value)) * (x - b) / (t - b)


def profiled_target(milestones: Mapping[IndexKey, float], at: PeriodIndex) -> float | None:
    """The target at ``at`` from profiled milestones.

    A milestone at ``at`` is used as it is; between two milestones the
    target is read off the straight line joining them; before the first
    milestone there is no target (``None``); after the last, the last stands.

    >>> profiled_target({"2009-Q2": 10, "2009-Q4": 30}, "2009-Q3")
    20.0
    """
    if not milestones:
        return None
    keys = list(milestones)
    indices = to_indices(*keys, at)
    x = indices[-1]
    points = sorted(zip(indices[:-1], (float(milestones[k]) for k in keys), strict=True))
    if x < points[0][0]:
        return None
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x0 <= x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def ytd_target(
    annual_target: float,
    position: int,
    periods_in_year: int,
    profile: Sequence[float] | None = None,
) -> float:
    """The year-to-date target for a cumulative count.

    Without a profile, pro rata: ``annual_target * position / periods_in_year``.
    With a profile, ``profile[position - 1]``: the profile lists the
    *cumulative* YTD target for each period of the year, in the indicator's
    own units (e.g. quitters expected by end of Q1, Q2, Q3, Q4).

    >>> ytd_target(400, 2, 4)
    200.0
    >>> ytd_target(400, 2, 4, profile=[50, 150, 250, 400])
    150.0
    """
    if not 1 <= position <= periods_in_year:
        raise ValueError(f"position {position} is outside 1..{periods_in_year}")
    if profile is not None:
        if len(profile) != periods_in_year:
            raise ValueError(f"a profile needs {periods_in_year} cumulative values")
        return float(profile[position - 1])
    return float(annual_target) * position / periods_in_year


def year_to_date(values: Mapping[PeriodKey, float | None], period: str | Period) -> float | None:
    """Sum of the values from the start of the financial year up to ``period``.

    ``None`` if any period so far is missing, since a partial sum would look
    like under-performance.

    >>> year_to_date({"2009-04": 10, "2009-05": 12, "2009-06": 8}, "2009-05")
    22.0
    """
    by_period = {parse_period(k): v for k, v in values.items()}
    total = 0.0
    for p in periods_to_date(period):
        v = by_period.get(p)
        if v is None:
            return None
        total += float(v)
    return total
