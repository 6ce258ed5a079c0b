"""Each indicator's trend chart for a performance report's Word and PDF files.

The board papers show, beside the table, a chart per indicator: its recent
history in the report's area, with the target and the tolerance band. The
chart is the indicator page's own (:func:`~concord.performance.indicator_chart.
indicator_chart`), ending at the period the report's line judged, drawn from
the figures held now (a published report's table stays as published; its
files say so). Only indicators the reader may see are charted, and a reader
who is not signed in never sees a small count (as on the indicator's page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from concord.lib.access import Viewer
from concord.performance.indicator_chart import (
    SeriesPoint,
    indicator_chart,
    indicator_series,
    load_series_figures,
)
from concord.performance.models import Indicator, PerformanceReport, ReportLine
from concord.performance.words import figure

# How many periods of history a report's chart shows, the judged one last.
TREND_POINTS = 12
# The size the chart is drawn at (CSS pixels), as on the indicator's page.
TREND_WIDTH, TREND_HEIGHT = 640, 300

CHARTS_NOTE = (
    "Each chart shows the indicator's recent history in the report's area, up to the period "
    "the report judged, with its target, from the figures held when this file was made."
)


@dataclass(frozen=True)
class TrendChart:
    """One indicator's chart (SVG markup, escaped, no script; empty when there is
    nothing to draw) and the same in words."""

    indicator_id: int
    heading: str
    svg: str
    words: str


def trend_words(indicator: Indicator, area_name: str, series: Sequence[SeriesPoint]) -> str:
    """The chart in words, for readers who cannot see it.

    >>> trend_words(Indicator(code="X1", title="Rate", unit="count", decimals=0), "Here", [])
    'X1 Rate in Here: no values yet.'
    """
    name = f"{indicator.code} {indicator.title}".strip()
    observed = [p for p in series if p.value is not None]
    if not series or not observed:
        return f"{name} in {area_name}: no values yet."
    unit, d = indicator.unit, indicator.decimals
    first, last = observed[0], observed[-1]
    words = (
        f"{name} in {area_name}, {series[0].period.label()} to {series[-1].period.label()}: "
        f"{len(observed)} observed value{'s' if len(observed) != 1 else ''}, from "
        f"{figure(first.value, unit, d)} ({first.period.label()}) to "
        f"{figure(last.value, unit, d)} ({last.period.label()})."
    )
    withheld = sum(1 for p in series if p.withheld)
    if withheld:
        words += f" {withheld} small count{'s' if withheld != 1 else ''} not shown."
    return words


def report_trends(
    report: PerformanceReport,
    lines: Sequence[ReportLine],
    viewer: Viewer,
    *,
    as_of: dt.date | None = None,
) -> list[TrendChart]:
    """A chart for each line of ``report`` whose indicator the viewer may see, in the
    lines' order. Four queries, whatever the number of indicators."""
    ids = [line.indicator_id for line in lines if line.indicator_id]
    if not ids:
        return []
    indicators = {
        ind.pk: ind
        for ind in Indicator.objects.visible_to(viewer).filter(pk__in=ids).select_related("body")
    }
    area = report.area
    figures = load_series_figures(list(indicators.values()), area)
    public = not viewer.is_authenticated
    charts = []
    for line in lines:
        indicator = indicators.get(line.indicator_id) if line.indicator_id else None
        if indicator is None:
            continue
        series = indicator_series(
            indicator,
            area,
            end=line.period_code or None,
            as_of=as_of,
            public=public,
            figures=figures,
        )[-TREND_POINTS:]
        markup = ""
        if any(p.value is not None for p in series):  # nothing to draw otherwise: words only
            drawn = indicator_chart(indicator, area, series, None, chart_id=f"trend-{indicator.pk}")
            markup = str(drawn.svg)
        charts.append(
            TrendChart(
                indicator_id=indicator.pk,
                heading=f"{indicator.code} {indicator.title}".strip(),
                svg=markup,
                words=trend_words(indicator, area.name, series),
            )
        )
    return charts
