"""Performance status rules for Concord: plain Python, no Django.

Each rule gives its own result and they are never blended into one colour:

* :mod:`.rag` - red / amber / green against a target (``no_data`` is grey).
* :mod:`.trajectory` - interim targets on a line to an end target, profiled
  milestones, year-to-date targets for cumulative counts.
* :mod:`.travel` - direction of travel against the previous period and the
  mean of the previous four.
* :mod:`.significance` - better / similar / worse than a comparator by
  confidence-interval overlap.
* :mod:`.target` - share of the gap to target closed, and whether the trend
  gets there in time.
* :mod:`.forecast` - straight-line projection of recent values.
* :mod:`.summary` - "% of indicators achieving target".
* :mod:`.wards` - ranks, quintiles, the gap between areas, small-number
  suppression.
* :mod:`.periods` - months, quarters, calendar and financial years.

Numbers are floats throughout; round them only when displaying.
"""

from __future__ import annotations

from .forecast import Forecast, forecast, forecast_periods
from .periods import (
    Period,
    PeriodKind,
    financial_year_of,
    financial_year_position,
    parse_period,
    parse_sensible_period,
    period_of,
    periods_between,
    periods_to_date,
    sort_periods,
)
from .polarity import Band, Polarity
from .rag import RAG_COLOURS, RagResult, RagStatus, meets_target, rag_status, rag_year_to_date
from .significance import (
    Interval,
    Significance,
    compare_with_comparator,
    compare_with_comparators,
    intervals_overlap,
)
from .summary import RagSummary, summarise_rag
from .target import DistanceToTarget, distance_to_target, share_of_gap_closed
from .tolerance import Tolerance, ToleranceKind
from .trajectory import (
    PeriodIndex,
    linear_trajectory,
    profiled_target,
    to_indices,
    year_to_date,
    ytd_target,
)
from .travel import (
    Direction,
    TravelReport,
    compare_values,
    compare_with_mean,
    compared_periods,
    direction_of_travel,
    travel_of_period,
)
from .wards import (
    AreaGap,
    GapChange,
    GapTrend,
    PublicCount,
    area_gap,
    gap_trend,
    quintiles,
    rank_areas,
    suppress_small_number,
    suppress_small_numbers,
)

__all__ = [
    "RAG_COLOURS",
    "AreaGap",
    "Band",
    "Direction",
    "DistanceToTarget",
    "Forecast",
    "GapChange",
    "GapTrend",
    "Interval",
    "Period",
    "PeriodIndex",
    "PeriodKind",
    "Polarity",
    "PublicCount",
    "RagResult",
    "RagStatus",
    "RagSummary",
    "Significance",
    "Tolerance",
    "ToleranceKind",
    "TravelReport",
    "area_gap",
    "compare_values",
    "compare_with_comparator",
    "compare_with_comparators",
    "compare_with_mean",
    "compared_periods",
    "direction_of_travel",
    "travel_of_period",
    "distance_to_target",
    "financial_year_of",
    "financial_year_position",
    "forecast",
    "forecast_periods",
    "gap_trend",
    "intervals_overlap",
    "linear_trajectory",
    "meets_target",
    "parse_period",
    "parse_sensible_period",
    "period_of",
    "periods_between",
    "periods_to_date",
    "profiled_target",
    "quintiles",
    "rag_status",
    "rag_year_to_date",
    "rank_areas",
    "share_of_gap_closed",
    "sort_periods",
    "summarise_rag",
    "suppress_small_number",
    "suppress_small_numbers",
    "to_indices",
    "year_to_date",
    "ytd_target",
]
