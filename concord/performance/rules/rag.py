"""Red / amber / green against a target.

RAG is one of several *separate* judgements about an indicator; it says only
"where is the latest value compared with its target". Direction of travel,
significance against comparators and distance to target are reported beside
it, never folded into the colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ._numbers import at_most
from .periods import Period, PeriodKey, financial_year_position, parse_period
from .polarity import Band, Polarity, as_polarity
from .tolerance import Tolerance, tolerance_width
from .trajectory import year_to_date, ytd_target

__all__ = [
    "RAG_COLOURS",
    "RagResult",
    "RagStatus",
    "meets_target",
    "rag_status",
    "rag_year_to_date",
]


class RagStatus(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_DATA = "no_data"
    DATA_ONLY = "data_only"

    @property
    def colour(self) -> str:
        """The colour to show: ``no_data`` is grey (never red), ``data_only`` has none.

        >>> RagStatus.NO_DATA.colour
        'grey'
        """
        return RAG_COLOURS[self]


RAG_COLOURS: Mapping[RagStatus, str] = {
    RagStatus.GREEN: "green",
    RagStatus.AMBER: "amber",
    RagStatus.RED: "red",
    RagStatus.NO_DATA: "grey",
    RagStatus.DATA_ONLY: "none",
}


@dataclass(frozen=True)
class RagResult:
    """The outcome of :func:`rag_status`.

    ``shortfall`` is how far the value is on the wrong side of the target (0.0
    when met, ``None`` when not judged); ``tolerance`` is the amber width in the
    indicator's units.
    """

    status: RagStatus
    value: float | None
    target: float | Band | None
    shortfall: float | None = None
    tolerance: float | None = None

    @property
    def colour(self) -> str:
        return self.status.colour


def meets_target(value: float, target: float | Band, polarity: Polarity | str) -> bool:
    """Whether ``value`` meets ``target`` for this polarity (no tolerance).

    A plain number as the target of a ``within_band`` indicator is a band of
    one value.

    >>> meets_target(38.0, 40.0, "lower_is_better")
    True
    """
    return _shortfall_and_reference(value, target, Polarity(polarity))[0] == 0.0


def _shortfall_and_reference(
    value: float, target: float | Band, polarity: Polarity
) -> tuple[float, float]:
    """How far short of target, and the target value a percent tolerance is taken of."""
    if polarity is Polarity.WITHIN_BAND:
        band = target if isinstance(target, Band) else Band(target, target)
        reference = band.low if value < band.low else band.high
        return band.distance(value), reference
    if isinstance(target, Band):
        raise ValueError(f"a band target needs within_band polarity, not {polarity}")
    if polarity is Polarity.HIGHER_IS_BETTER:
        return max(0.0, float(target - value)), float(target)
    if polarity is Polarity.LOWER_IS_BETTER:
        return max(0.0, float(value - target)), float(target)
    raise ValueError("an indicator with no_judgement polarity has no target to meet")


def rag_status(
    value: float | None,
    target: float | Band | None,
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
) -> RagResult:
    """RAG status of one value against its target.

    * ``no_data`` (grey) when the value is missing. Call this only for a period
      whose value is due; a missing value is never red, and it is ``no_data``
      even when there is no target, because it still needs chasing.
    * ``data_only`` when there is no target, or polarity is ``no_judgement``.
    * ``green`` when the target is met (on the target counts as met).
    * ``amber`` when missed by no more than the tolerance (edge included).
    * ``red`` when missed by more.

    For ``within_band`` the target is a :class:`Band`; a percent tolerance is
    taken of the band edge that was crossed.

    >>> rag_status(41.0, 40.0, "lower_is_better", Tolerance.percent(5)).status
    <RagStatus.AMBER: 'amber'>
    >>> rag_status(None, 40.0, "lower_is_better").status
    <RagStatus.NO_DATA: 'no_data'>
    """
    polarity = as_polarity(polarity)
    if value is None:
        return RagResult(RagStatus.NO_DATA, None, target)
    if target is None or not polarity.judges:
        return RagResult(RagStatus.DATA_ONLY, float(value), target)
    shortfall, reference = _shortfall_and_reference(float(value), target, polarity)
    width = tolerance_width(tolerance, reference)
    if shortfall == 0.0:
        status = RagStatus.GREEN
    elif at_most(shortfall, width):
        status = RagStatus.AMBER
    else:
        status = RagStatus.RED
    return RagResult(status, float(value), target, shortfall, width)


def rag_year_to_date(
    values: Mapping[PeriodKey, float | None],
    period: str | Period,
    annual_target: float | None,
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    profile: Sequence[float] | None = None,
) -> RagResult:
    """RAG for a cumulative count, judged year to date (YTD).

    The YTD value is the sum of the period values from the start of the
    financial year to ``period``; it is compared with the pro-rata share of
    ``annual_target`` (or the profiled YTD target, see
    :func:`~concord.performance.rules.trajectory.ytd_target`). A missing period
    value in the year so far makes the result ``no_data``.

    >>> q = {"2009-Q2": 100, "2009-Q3": 90}
    >>> rag_year_to_date(q, "2009-Q3", 400, "higher_is_better").status
    <RagStatus.RED: 'red'>
    >>> rag_year_to_date(q, "2009-Q3", 400, "higher_is_better", Tolerance.percent(5)).status
    <RagStatus.AMBER: 'amber'>
    """
    p = parse_period(period)
    value = year_to_date(values, p)
    target = None
    if annual_target is not None:
        position, per_year = financial_year_position(p)
        target = ytd_target(annual_target, position, per_year, profile)
    return rag_status(value, target, polarity, tolerance)
