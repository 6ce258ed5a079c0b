"""Distance to target: how much of the gap has been closed, and will the trend get there?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ._numbers import close_enough, least_squares
from .polarity import Band, Polarity
from .rag import meets_target
from .trajectory import IndexKey, PeriodIndex, to_indices

__all__ = ["DistanceToTarget", "distance_to_target", "share_of_gap_closed"]


def share_of_gap_closed(baseline: float, current: float, target: float | Band) -> float | None:
    """Share of the gap from baseline to target closed so far.

    Worked out as ``(current - baseline) / (target - baseline)``.

    0 means no progress, 1 means the target is reached, more than 1 means it
    was passed, and a negative share means the indicator moved away from the
    target. For a band, the gap is to the band edge nearest the baseline.
    ``None`` when there was no gap at the baseline.

    >>> share_of_gap_closed(60.0, 54.0, 45.0)
    0.4
    >>> share_of_gap_closed(60.0, 63.0, 45.0)
    -0.2
    """
    if isinstance(target, Band):
        if target.contains(baseline):
            return None
        goal = target.low if baseline < target.low else target.high
    else:
        goal = target
    gap = float(goal) - float(baseline)
    if close_enough(gap, 0.0):
        return None
    return (float(current) - float(baseline)) / gap


@dataclass(frozen=True)
class DistanceToTarget:
    """Progress towards an end target.

    ``current`` is the latest observed value; ``projected_value`` the value
    the straight-line trend reaches at the target period; ``on_track`` whether
    that projection meets the target (``None`` when it cannot be judged).
    """

    baseline: float
    current: float | None
    target: float | Band
    share_of_gap_closed: float | None
    projected_value: float | None
    on_track: bool | None
    method: str


def distance_to_target(
    observations: Mapping[IndexKey, float | None],
    baseline: float,
    target: float | Band,
    target_at: PeriodIndex,
    polarity: Polarity | str,
) -> DistanceToTarget:
    """Share of the gap closed and whether the observed trend reaches the target in time.

    The trend is the least-squares straight line through every observed
    (non-missing) point in ``observations``; include the baseline period there
    if it should count. It needs two observed points, otherwise
    ``projected_value`` and ``on_track`` are ``None``.

    >>> obs = {"2007/08": 60.0, "2008/09": 57.0}
    >>> d = distance_to_target(obs, 60.0, 45.0, "2010/11", "lower_is_better")
    >>> (d.share_of_gap_closed, d.projected_value, d.on_track)
    (0.2, 51.0, False)
    """
    polarity = Polarity(polarity)
    keys = [k for k, v in observations.items() if v is not None]
    indices = to_indices(*keys, target_at) if keys else to_indices(target_at)
    target_index = indices[-1]
    points = sorted(zip(indices[:-1], (float(observations[k]) for k in keys), strict=True))  # type: ignore[arg-type]
    current = points[-1][1] if points else None
    share = None if current is None else share_of_gap_closed(baseline, current, target)

    distinct = {x for x, _ in points}
    if len(distinct) < 2:
        return DistanceToTarget(
            float(baseline),
            current,
            target,
            share,
            None,
            None,
            "Not projected: a trend needs values for at least two periods.",
        )
    origin = points[0][0]
    slope, intercept = least_squares([(x - origin, y) for x, y in points])
    projected = intercept + slope * (target_index - origin)
    on_track = meets_target(projected, target, polarity) if polarity.judges else None
    method = (
        f"Least-squares straight line through {len(points)} observed values, "
        f"extended {target_index - points[-1][0]} period(s) beyond the latest to the target period."
    )
    return DistanceToTarget(float(baseline), current, target, share, projected, on_track, method)
