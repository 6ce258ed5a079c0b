"""Ward (small-area) data: ranks, quintiles, the gap between best and worst, suppression.

Values are keyed by area code (e.g. an ONS GSS ward code). Missing values
(``None``) are left out of ranks and gaps and come back as ``None``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ._numbers import at_most
from .polarity import Band, Polarity
from .tolerance import Tolerance, tolerance_width

__all__ = [
    "AreaGap",
    "GapChange",
    "GapTrend",
    "PublicCount",
    "area_gap",
    "gap_trend",
    "quintiles",
    "rank_areas",
    "suppress_small_number",
    "suppress_small_numbers",
]

# Values equal to this many decimal places share a rank: rates are
# published to far fewer places, and floats must not split true ties.
_TIE_PLACES = 9


def _badness(polarity: Polarity | str, band: Band | None) -> Callable[[float], float]:
    """A key where smaller is better, for this polarity."""
    polarity = Polarity(polarity)
    if polarity is Polarity.HIGHER_IS_BETTER:
        return lambda v: round(-float(v), _TIE_PLACES)
    if polarity is Polarity.LOWER_IS_BETTER:
        return lambda v: round(float(v), _TIE_PLACES)
    if polarity is Polarity.WITHIN_BAND and band is not None:
        return lambda v: round(band.distance(v), _TIE_PLACES)
    raise ValueError(f"areas cannot be ranked best to worst with {polarity} polarity (and no band)")


def rank_areas(
    values: Mapping[str, float | None], polarity: Polarity | str, band: Band | None = None
) -> dict[str, int | None]:
    """Rank areas, 1 = best for the polarity; ties share a rank (1, 2, 2, 4).

    ``within_band`` ranks by distance outside ``band`` (all areas inside it
    share rank 1); ``no_judgement`` cannot be ranked.

    >>> rank_areas({"A": 30.0, "B": 45.0, "C": 30.0, "D": None}, "lower_is_better")
    {'A': 1, 'B': 3, 'C': 1, 'D': None}
    """
    key = _badness(polarity, band)
    keys = {area: key(v) for area, v in values.items() if v is not None}
    ordered = sorted(keys.values())
    ranks: dict[str, int | None] = {}
    for area in values:
        if area in keys:
            # competition ranking: 1 + number of areas strictly better
            ranks[area] = 1 + bisect_left(ordered, keys[area])
        else:
            ranks[area] = None
    return ranks


def quintiles(
    values: Mapping[str, float | None], polarity: Polarity | str, band: Band | None = None
) -> dict[str, int | None]:
    """Quintile of each area, 1 = best fifth, 5 = worst fifth.

    Worked from the rank: ``quintile = floor((rank - 1) * 5 / n) + 1`` with
    ``n`` the number of areas with a value, so tied areas share a quintile
    and with fewer than five areas some quintiles are empty.

    >>> quintiles({"A": 1, "B": 2, "C": 3, "D": 4, "E": 5}, "higher_is_better")
    {'A': 5, 'B': 4, 'C': 3, 'D': 2, 'E': 1}
    """
    ranks = rank_areas(values, polarity, band)
    n = sum(1 for r in ranks.values() if r is not None)
    return {area: None if r is None else (r - 1) * 5 // n + 1 for area, r in ranks.items()}


@dataclass(frozen=True)
class AreaGap:
    """The gap between the best and worst areas.

    ``gap`` is the absolute difference between the best and worst values (for
    ``within_band``, between their distances outside the band). Tied best or
    worst areas are all listed, in code order.
    """

    best_areas: tuple[str, ...]
    best_value: float
    worst_areas: tuple[str, ...]
    worst_value: float
    gap: float


def area_gap(
    values: Mapping[str, float | None], polarity: Polarity | str, band: Band | None = None
) -> AreaGap | None:
    """Gap between the best and the worst area (``None`` with fewer than two values).

    >>> g = area_gap({"A": 30.0, "B": 52.5, "C": 41.0}, "lower_is_better")
    >>> (g.best_areas, g.worst_areas, g.gap)
    (('A',), ('B',), 22.5)
    """
    key = _badness(polarity, band)
    present = {a: float(v) for a, v in values.items() if v is not None}
    if len(present) < 2:
        return None
    keys = {a: key(v) for a, v in present.items()}
    best_key, worst_key = min(keys.values()), max(keys.values())
    best = tuple(sorted(a for a, k in keys.items() if k == best_key))
    worst = tuple(sorted(a for a, k in keys.items() if k == worst_key))
    return AreaGap(best, present[best[0]], worst, present[worst[0]], abs(worst_key - best_key))


class GapChange(StrEnum):
    NARROWING = "narrowing"
    WIDENING = "widening"
    NO_CHANGE = "no_change"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class GapTrend:
    """How the best-to-worst gap moved between two periods."""

    status: GapChange
    earlier: AreaGap | None
    later: AreaGap | None
    change: float | None


def gap_trend(
    earlier: Mapping[str, float | None],
    later: Mapping[str, float | None],
    polarity: Polarity | str,
    tolerance: Tolerance | None = None,
    *,
    band: Band | None = None,
    same_areas: bool = True,
) -> GapTrend:
    """Is the gap between best and worst areas narrowing since an earlier period?

    With ``same_areas`` (the default) only areas with a value in both
    periods are compared, so a ward missing one year does not move the gap.
    A change no bigger than the tolerance (percent: of the earlier gap) is
    ``no_change``.

    >>> t = gap_trend({"A": 30, "B": 50}, {"A": 32, "B": 45}, "lower_is_better")
    >>> (t.status.value, t.change)
    ('narrowing', -7.0)
    """
    if same_areas:
        common = {a for a in earlier.keys() & later.keys() if None not in (earlier[a], later[a])}
        earlier = {a: earlier[a] for a in common}
        later = {a: later[a] for a in common}
    before, after = area_gap(earlier, polarity, band), area_gap(later, polarity, band)
    if before is None or after is None:
        return GapTrend(GapChange.NO_DATA, before, after, None)
    change = after.gap - before.gap
    if change == 0 or at_most(abs(change), tolerance_width(tolerance, before.gap)):
        status = GapChange.NO_CHANGE
    else:
        status = GapChange.NARROWING if change < 0 else GapChange.WIDENING
    return GapTrend(status, before, after, change)


@dataclass(frozen=True)
class PublicCount:
    """A count fit for public display: ``value`` is ``None`` when suppressed or missing."""

    value: int | None
    suppressed: bool


def suppress_small_number(
    count: int | None, *, low: int = 1, high: int = 4, suppress_zero: bool = False
) -> PublicCount:
    """Hide a small count (``low``..``high``, default 1 to 4) from public display.

    Small numbers in small areas can identify people. 0 is shown unless
    ``suppress_zero`` is set (some data owners ask for it, because a zero can
    be disclosive too). A missing count stays missing and is not flagged.

    >>> suppress_small_number(3)
    PublicCount(value=None, suppressed=True)
    >>> suppress_small_number(0)
    PublicCount(value=0, suppressed=False)
    """
    if low > high:
        raise ValueError("suppression range low is above high")
    if count is None:
        return PublicCount(None, False)
    if low <= count <= high or (suppress_zero and count == 0):
        return PublicCount(None, True)
    return PublicCount(count, False)


def suppress_small_numbers(
    counts: Mapping[str, int | None], *, low: int = 1, high: int = 4, suppress_zero: bool = False
) -> dict[str, PublicCount]:
    """:func:`suppress_small_number` for every area.

    >>> suppress_small_numbers({"A": 12, "B": 2})["B"].suppressed
    True
    """
    return {
        area: suppress_small_number(c, low=low, high=high, suppress_zero=suppress_zero)
        for area, c in counts.items()
    }
