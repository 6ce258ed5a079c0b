"""Is the local value significantly different from a comparator (region, England...)?

The test is the one used in public health profiles: two values differ
significantly when their 95% confidence intervals (CIs) do not overlap.
Touching intervals count as overlapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .polarity import Polarity, as_polarity

__all__ = [
    "Interval",
    "Significance",
    "compare_with_comparator",
    "compare_with_comparators",
    "intervals_overlap",
]

Interval = tuple[float, float]


class Significance(StrEnum):
    """Result of a comparison: judged (better/worse) or, without polarity, higher/lower."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_TESTED = "not_tested"


def intervals_overlap(a: Interval, b: Interval) -> bool:
    """Whether two confidence intervals share at least one point.

    >>> intervals_overlap((1.0, 2.0), (2.0, 3.0))
    True
    """
    (a_low, a_high), (b_low, b_high) = _checked(a), _checked(b)
    return a_low <= b_high and b_low <= a_high


def _checked(interval: Interval) -> Interval:
    low, high = interval
    if low > high:
        raise ValueError(f"confidence interval lower {low} is above upper {high}")
    return float(low), float(high)


def compare_with_comparator(
    interval: Interval | None,
    comparator_interval: Interval | None,
    polarity: Polarity | str,
    *,
    comparator_value: float | None = None,
    comparator_is_exact: bool = False,
) -> Significance:
    """Compare a local CI with a comparator's CI.

    * ``not_tested`` when either CI is missing.
    * ``similar`` when the CIs overlap.
    * otherwise ``better`` / ``worse`` for ``higher_is_better`` and
      ``lower_is_better``; ``higher`` / ``lower`` for ``no_judgement`` and
      ``within_band`` (being above or below a comparator is not in itself
      nearer the band).

    When the comparator is a whole-population figure published without a CI
    (England is often treated so), pass ``comparator_value`` with
    ``comparator_is_exact=True`` and it is tested as a single point.

    >>> compare_with_comparator((30.1, 35.0), (38.0, 40.2), "lower_is_better")
    <Significance.BETTER: 'better'>
    >>> compare_with_comparator((30.1, 35.0), None, "lower_is_better")
    <Significance.NOT_TESTED: 'not_tested'>
    """
    polarity = as_polarity(polarity)
    if comparator_interval is None and comparator_is_exact and comparator_value is not None:
        comparator_interval = (comparator_value, comparator_value)
    if interval is None or comparator_interval is None:
        return Significance.NOT_TESTED
    if intervals_overlap(interval, comparator_interval):
        return Significance.SIMILAR
    higher = interval[0] > comparator_interval[1]
    if polarity is Polarity.HIGHER_IS_BETTER:
        return Significance.BETTER if higher else Significance.WORSE
    if polarity is Polarity.LOWER_IS_BETTER:
        return Significance.WORSE if higher else Significance.BETTER
    return Significance.HIGHER if higher else Significance.LOWER


def compare_with_comparators(
    interval: Interval | None,
    comparators: Mapping[str, Interval | None],
    polarity: Polarity | str,
) -> dict[str, Significance]:
    """Compare one local CI with several named comparators, each separately.

    >>> compare_with_comparators((10, 12), {"region": (11, 13), "England": (13, 14)},
    ...                          "higher_is_better")
    {'region': <Significance.SIMILAR: 'similar'>, 'England': <Significance.WORSE: 'worse'>}
    """
    return {
        name: compare_with_comparator(interval, ci, polarity) for name, ci in comparators.items()
    }
