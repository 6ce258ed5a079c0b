"""How far off target an indicator may be and still be amber, or still "no change"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Tolerance", "ToleranceKind"]


class ToleranceKind(StrEnum):
    """How a tolerance is measured.

    * ``percent`` - a percentage *of the reference value* (the target for RAG,
      the earlier value for direction of travel). Use it for counts and rates
      ("within 5% of the target of 40.0 per 1,000").
    * ``points`` - absolute units of the indicator. Use it for indicators that
      are themselves percentages ("within 2 percentage points of 17%").
    """

    PERCENT = "percent"
    POINTS = "points"


@dataclass(frozen=True)
class Tolerance:
    """A per-indicator tolerance.

    >>> Tolerance(5, ToleranceKind.PERCENT).width(40.0)
    2.0
    >>> Tolerance(2, ToleranceKind.POINTS).width(17.0)
    2.0
    """

    amount: float
    kind: ToleranceKind = ToleranceKind.PERCENT

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError("a tolerance cannot be negative")
        object.__setattr__(self, "kind", ToleranceKind(self.kind))

    @classmethod
    def percent(cls, amount: float) -> Tolerance:
        """Tolerance as a percentage of the reference value.

        >>> Tolerance.percent(10).width(200)
        20.0
        """
        return cls(amount, ToleranceKind.PERCENT)

    @classmethod
    def points(cls, amount: float) -> Tolerance:
        """Tolerance in absolute units (percentage points for percentages).

        >>> Tolerance.points(1.5).width(80)
        1.5
        """
        return cls(amount, ToleranceKind.POINTS)

    def width(self, reference: float) -> float:
        """The tolerance in the indicator's own units, around ``reference``.

        >>> Tolerance.percent(5).width(-20)
        1.0
        """
        if self.kind is ToleranceKind.PERCENT:
            return abs(float(reference)) * float(self.amount) / 100.0
        return float(self.amount)


def tolerance_width(tolerance: Tolerance | None, reference: float) -> float:
    """Width of an optional tolerance (``None`` means no tolerance at all).

    >>> tolerance_width(None, 40)
    0.0
    """
    return 0.0 if tolerance is None else tolerance.width(reference)
