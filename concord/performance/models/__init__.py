"""Performance management: indicators, areas, periods, observations, targets and reports.

The rules that judge the figures (RAG, direction of travel, significance...)
are plain functions in :mod:`concord.performance.rules`; the queries that
feed them live in :mod:`concord.performance.status`. Each judgement stays
a separate field and is never blended into one colour.

One module per part of the data; every model is imported here, where Django looks for them.
"""

from concord.performance.models.areas import Area, AreaLevel, CodeScheme, DataSet
from concord.performance.models.figures import (
    ImportBatch,
    Observation,
    ObservationQuerySet,
    ObservationStatus,
    OfIndicatorQuerySet,
    Target,
    TargetKind,
    TargetQuerySet,
)
from concord.performance.models.groups import Dimension, Group
from concord.performance.models.indicators import (
    FREQUENCY_KIND,
    Frequency,
    Indicator,
    IndicatorQuerySet,
    PolarityChoice,
    ToleranceKindChoice,
    Unit,
)
from concord.performance.models.periods import Period, PeriodKindChoice, PeriodQuerySet
from concord.performance.models.reports import (
    AmendedPart,
    PerformanceReport,
    PerformanceReportQuerySet,
    ReportAmendment,
    ReportLine,
    ReportLineQuerySet,
    ReportLocked,
    ReportNote,
    ReportStatus,
)
from concord.performance.models.staged import FigureBasis, StagedImport, StagedImportQuerySet
from concord.performance.models.turn_the_curve import TurnTheCurve, TurnTheCurveQuerySet

__all__ = [
    "AmendedPart",
    "Area",
    "AreaLevel",
    "CodeScheme",
    "DataSet",
    "Dimension",
    "FREQUENCY_KIND",
    "FigureBasis",
    "Frequency",
    "Group",
    "ImportBatch",
    "Indicator",
    "IndicatorQuerySet",
    "Observation",
    "ObservationQuerySet",
    "ObservationStatus",
    "OfIndicatorQuerySet",
    "PerformanceReport",
    "PerformanceReportQuerySet",
    "Period",
    "PeriodKindChoice",
    "PeriodQuerySet",
    "PolarityChoice",
    "ReportAmendment",
    "ReportLine",
    "ReportLineQuerySet",
    "ReportLocked",
    "ReportNote",
    "ReportStatus",
    "StagedImport",
    "StagedImportQuerySet",
    "Target",
    "TargetKind",
    "TargetQuerySet",
    "ToleranceKindChoice",
    "TurnTheCurve",
    "TurnTheCurveQuerySet",
    "Unit",
]
