"""Summary: "% of indicators achieving target"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .rag import RagResult, RagStatus

__all__ = ["RagSummary", "summarise_rag"]


@dataclass(frozen=True)
class RagSummary:
    """Counts of each RAG status, and the share of judged indicators that are green."""

    green: int
    amber: int
    red: int
    data_only: int
    no_data: int
    denominator: int
    percent_achieving: float | None

    @property
    def total(self) -> int:
        """Every indicator counted, judged or not."""
        return self.denominator + self.data_only + self.no_data


def summarise_rag(results: Iterable[RagResult | RagStatus | str]) -> RagSummary:
    """Count RAG results and work out the percentage achieving target.

    * Numerator: green indicators (target met). Amber is *not* achieving.
    * Denominator: green + amber + red, i.e. the indicators that have both
      a target and a value for the period, because only those can be said
      to have achieved or missed their target.
    * ``data_only`` (no target) and ``no_data`` (value due but missing) are
      left out of the denominator: counting them would make the partnership
      look worse for late data, or better for untargeted ones. They are always
      reported beside the percentage so nothing disappears from view.
    * ``percent_achieving`` is ``None`` when the denominator is 0 (not 0%).
      It is an unrounded float; round it when displaying.

    >>> s = summarise_rag(["green", "green", "amber", "red", "no_data", "data_only"])
    >>> (s.denominator, s.percent_achieving, s.no_data, s.data_only)
    (4, 50.0, 1, 1)
    """
    counts = dict.fromkeys(RagStatus, 0)
    for r in results:
        status = r.status if isinstance(r, RagResult) else RagStatus(r)
        counts[status] += 1
    denominator = counts[RagStatus.GREEN] + counts[RagStatus.AMBER] + counts[RagStatus.RED]
    percent = 100.0 * counts[RagStatus.GREEN] / denominator if denominator else None
    return RagSummary(
        green=counts[RagStatus.GREEN],
        amber=counts[RagStatus.AMBER],
        red=counts[RagStatus.RED],
        data_only=counts[RagStatus.DATA_ONLY],
        no_data=counts[RagStatus.NO_DATA],
        denominator=denominator,
        percent_achieving=percent,
    )
