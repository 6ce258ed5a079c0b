"""Small numeric helpers shared by the rules (floats throughout)."""

from __future__ import annotations

from collections.abc import Sequence

# Floats such as 40 * 1.05 carry representation error; comparisons at a
# boundary ("exactly on the edge of the tolerance") must not flip on it.
_REL_EPS = 1e-9


def close_enough(a: float, b: float) -> bool:
    """Whether two floats are equal up to representation error.

    >>> close_enough(0.1 + 0.2, 0.3)
    True
    """
    return abs(a - b) <= _REL_EPS * max(1.0, abs(a), abs(b))


def at_most(a: float, b: float) -> bool:
    """``a <= b`` allowing for representation error.

    >>> at_most(10.500000000000002, 10.5)
    True
    """
    return a <= b or close_enough(a, b)


def least_squares(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Ordinary least-squares line through ``(x, y)`` points: ``(slope, intercept)``.

    Needs at least two distinct x values.

    >>> least_squares([(0, 1.0), (1, 3.0), (2, 5.0)])
    (2.0, 1.0)
    """
    n = len(points)
    if n < 2:
        raise ValueError("a trend needs at least two points")
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        raise ValueError("a trend needs at least two different periods")
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x
