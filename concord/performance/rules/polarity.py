"""Which way is good for an indicator, and target bands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Band", "Polarity", "as_polarity"]


class Polarity(StrEnum):
    """Which way is good.

    * ``higher_is_better`` - e.g. smoking quitters, chlamydia screening coverage.
    * ``lower_is_better`` - e.g. under-18 conception rate, serious acquisitive crime.
    * ``within_band`` - good means inside a target band, e.g. a caseload kept
      between 40 and 60 per worker.
    * ``no_judgement`` - contextual data: it goes up or down, neither is "better".

    >>> Polarity("lower_is_better") is Polarity.LOWER_IS_BETTER
    True
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    WITHIN_BAND = "within_band"
    NO_JUDGEMENT = "no_judgement"

    @property
    def judges(self) -> bool:
        """Whether a change can be called better or worse (not for no_judgement).

        >>> Polarity.NO_JUDGEMENT.judges
        False
        """
        return self is not Polarity.NO_JUDGEMENT


def as_polarity(polarity: Polarity | str) -> Polarity:
    """``Polarity(polarity)``, without the enum's lookup when it already is one
    (the rules are called hundreds of times for one dashboard).

    >>> as_polarity("lower_is_better") is as_polarity(Polarity.LOWER_IS_BETTER)
    True
    """
    return polarity if polarity.__class__ is Polarity else Polarity(polarity)


@dataclass(frozen=True)
class Band:
    """An inclusive target band ``low``..``high`` for ``within_band`` indicators.

    >>> Band(40, 60).distance(65)
    5.0
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"band low {self.low} is above high {self.high}")

    def contains(self, value: float) -> bool:
        """Whether ``value`` is inside the band (edges included).

        >>> Band(40, 60).contains(60)
        True
        """
        return self.low <= value <= self.high

    def distance(self, value: float) -> float:
        """How far ``value`` lies outside the band; 0.0 inside it.

        >>> Band(40, 60).distance(38)
        2.0
        """
        if value < self.low:
            return float(self.low - value)
        if value > self.high:
            return float(value - self.high)
        return 0.0
