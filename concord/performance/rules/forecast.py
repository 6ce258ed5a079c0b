"""Forecast: a straight-line trend of recent values, projected ahead."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ._numbers import least_squares
from .periods import Period, PeriodKey, parse_period

__all__ = ["Forecast", "forecast", "forecast_periods"]


@dataclass(frozen=True)
class Forecast:
    """A projection and how it was made.

    ``path`` holds the projected values 1..k periods ahead, ``projected`` the
    last of them; both are empty/``None`` when there were too few points.
    ``period`` is the period projected to, when the input was keyed by period.
    """

    projected: float | None
    path: tuple[float, ...]
    slope: float | None
    points_used: int
    method: str
    period: Period | None = None


def _fit(points: list[tuple[int, float]], last_position: int, ahead: int, last_n: int) -> Forecast:
    if ahead < 1:
        raise ValueError("forecast at least one period ahead")
    if last_n < 2:
        raise ValueError("a trend needs at least two points")
    used = points[-last_n:]
    if len(used) < 2:
        return Forecast(
            None, (), None, len(used), "Not forecast: a trend needs at least two observed values."
        )
    slope, intercept = least_squares([(float(x), y) for x, y in used])
    path = tuple(intercept + slope * (last_position + k) for k in range(1, ahead + 1))
    method = (
        f"Linear least-squares trend fitted to the last {len(used)} observed values "
        f"(asked for up to {last_n}), projected {ahead} period(s) ahead of the latest period. "
        "It assumes the recent trend simply continues."
    )
    return Forecast(path[-1], path, slope, len(used), method)


def forecast(values: Sequence[float | None], ahead: int = 1, last_n: int = 5) -> Forecast:
    """Project consecutive period values ``ahead`` periods beyond the last one.

    The trend is fitted to the last ``last_n`` *observed* values; a missing
    value (``None``) keeps its place in time but adds no point.

    >>> f = forecast([10.0, 12.0, None, 16.0], ahead=2)
    >>> f.path
    (18.0, 20.0)
    """
    points = [(i, float(v)) for i, v in enumerate(values) if v is not None]
    return _fit(points, len(values) - 1, ahead, last_n)


def forecast_periods(
    series: Mapping[PeriodKey, float | None], ahead: int = 1, last_n: int = 5
) -> Forecast:
    """:func:`forecast` for values keyed by period (all of one kind).

    The result's ``period`` is the period ``ahead`` steps after the latest
    period in the series.

    >>> f = forecast_periods({"2009-Q1": 30.0, "2009-Q2": 28.0, "2009-Q3": 26.0}, ahead=2)
    >>> (str(f.period), round(f.projected, 6))
    ('2010-Q1', 22.0)
    """
    periods = {parse_period(k): v for k, v in series.items()}
    if not periods:
        raise ValueError("no values to forecast from")
    if len({p.kind for p in periods}) > 1:
        raise ValueError("all periods of a series must be of one kind")
    first = min(periods)
    last = max(periods)
    points = sorted(
        (p.ordinal - first.ordinal, float(v)) for p, v in periods.items() if v is not None
    )
    result = _fit(points, last.ordinal - first.ordinal, ahead, last_n)
    return Forecast(
        result.projected,
        result.path,
        result.slope,
        result.points_used,
        result.method,
        last.shift(ahead),
    )
