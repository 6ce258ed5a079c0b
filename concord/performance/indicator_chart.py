"""One indicator's history for one area: the series, its chart and data table.

:func:`indicator_series` gives every period of the indicator's kind with its
value, target, RAG and the comparator's value (three queries);
:func:`indicator_chart` draws the line chart with target line, tolerance
band and forecast, and the table beside it with the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from concord.performance import charts, rules
from concord.performance.figures import Figures
from concord.performance.models import (
    Area,
    Indicator,
    Period,
)
from concord.performance.periods import PeriodCache, judged_period
from concord.performance.rules.tolerance import tolerance_width
from concord.performance.status import judge
from concord.performance.words import RAG_LABELS, SUPPRESSED, figure, svg, target_text


@dataclass(frozen=True)
class SeriesPoint:
    """One period of an indicator's series for one area, for tables and charts."""

    period: rules.Period
    value: float | None
    ci: rules.Interval | None
    target: float | rules.Band | None
    rag: rules.RagStatus
    observation_status: str | None
    comparator_value: float | None = None
    comparator_ci: rules.Interval | None = None
    # Small counts kept from the public: the value (or the comparator's) is None.
    withheld: bool = False
    comparator_withheld: bool = False


def indicator_series(
    indicator: Indicator,
    area: Area,
    *,
    start: Period | rules.Period | str | None = None,
    end: Period | rules.Period | str | None = None,
    as_of: dt.date | None = None,
    public: bool = False,
    figures: Figures | None = None,
) -> list[SeriesPoint]:
    """The indicator's values, targets and RAG for one area, period by period.

    Runs from ``start`` (the first period with a value by default) to ``end``
    (the latest due period by default), every period of the indicator's kind,
    so gaps show as "no data". The comparator (parent area) value is given
    beside each point. ``public``: for a visitor who is not signed in: small
    counts (marked where loaded) are left out, marked ``withheld``. Three
    queries, or none when given ``figures`` already loaded for the indicator,
    the area and its parent (:func:`load_series_figures`, for many indicators).
    """
    comparator = area.parent
    if figures is None:
        figures = load_series_figures([indicator], area)
    own = figures.series(indicator.pk, area.pk)
    kind = indicator.period_kind
    mine = sorted(p for p in own if p.kind is kind)
    last = judged_period(indicator, end, as_of) if end is not None else None
    if last is None:
        last = judged_period(indicator, mine[-1], as_of) if mine else None
    first = (
        judged_period(indicator, start, dt.date.max)
        if start is not None
        else (mine[0] if mine else None)
    )
    if first is None or last is None or first > last:
        return []
    out = []
    for ordinal in range(first.ordinal, last.ordinal + 1):
        q = rules.Period.from_ordinal(kind, ordinal)
        s = judge(indicator, area, q, figures, comparator)
        own_point, other = s.point, s.comparator_point
        hide = public and own_point is not None and own_point.small_count
        hide_other = public and other is not None and other.small_count
        out.append(
            SeriesPoint(
                period=q,
                value=None if hide else s.value,
                ci=own_point.ci if own_point and not hide else None,
                target=s.target,
                rag=s.rag.status,
                observation_status=own_point.status if own_point else None,
                comparator_value=other.value if other and not hide_other else None,
                comparator_ci=other.ci if other and not hide_other else None,
                withheld=hide,
                comparator_withheld=hide_other,
            )
        )
    return out


def load_series_figures(indicators: Sequence[Indicator], area: Area) -> Figures:
    """The figures :func:`indicator_series` reads, for any number of indicators at
    once: their values in ``area`` and its parent, and their targets in ``area``
    (three queries)."""
    comparator = area.parent
    area_ids = [area.pk] + ([comparator.pk] if comparator else [])
    return Figures(indicators, area_ids, PeriodCache(), target_area_ids=[area.pk])


@dataclass(frozen=True)
class SeriesRow:
    period: str
    value: str
    ci: str
    target: str
    rag: str
    rag_label: str
    observation_status: str
    comparator: str
    forecast: bool = False


@dataclass
class IndicatorChart:
    """The history chart of one indicator and the rows of its data table."""

    svg: SafeString
    rows: list[SeriesRow]
    forecast_method: str
    band_note: str


def _amber_zone(
    indicator: Indicator, target: float | rules.Band | None
) -> tuple[float | None, float | None]:
    """The tolerance band beside a target: the values that are amber, not red.

    For a band target, the band itself is shaded (it is what "on target" means).
    """
    if target is None:
        return None, None
    if isinstance(target, rules.Band):
        return target.low, target.high
    width = tolerance_width(indicator.tolerance, target)
    if not width:
        return None, None
    if indicator.polarity == "higher_is_better":
        return target - width, target
    if indicator.polarity == "lower_is_better":
        return target, target + width
    return None, None


def indicator_chart(
    indicator: Indicator,
    area: Area,
    series: Sequence[SeriesPoint],
    forecast: rules.Forecast | None,
    *,
    chart_id: str = "history",
) -> IndicatorChart:
    """The line chart of the history with target line, tolerance band and forecast,
    and the table beside it (the same figures)."""
    d = indicator.decimals
    labels = [p.period.label() for p in series]
    values = [p.value for p in series]
    targets = [
        None if p.target is None or isinstance(p.target, rules.Band) else float(p.target)
        for p in series
    ]
    zones = [_amber_zone(indicator, p.target) for p in series]
    band_low = [z[0] for z in zones]
    band_high = [z[1] for z in zones]
    has_band = any(lo is not None for lo in band_low)
    f_labels: list[str] = []
    f_values: list[float] = []
    method = "Not forecast: a trend needs at least two observed values."
    if forecast is not None and forecast.path and series:
        last = series[-1].period
        f_labels = [last.shift(k).label() for k in range(1, len(forecast.path) + 1)]
        f_values = list(forecast.path)
        method = forecast.method
    elif forecast is not None:
        method = forecast.method
    observed = [v for v in values if v is not None]
    if observed:
        description = (
            f"{indicator.title} in {area.name}, {labels[0]} to {labels[-1]}: "
            f"{len(observed)} observed values from {figure(observed[0], indicator.unit, d)} "
            f"to {figure(observed[-1], indicator.unit, d)}."
        )
        if f_values:
            description += f" Forecast {figure(f_values[-1], indicator.unit, d)} by {f_labels[-1]}."
    else:
        description = f"No values of {indicator.title} in {area.name} yet."
    band_words = (
        "Target band (inside it is on target)"
        if any(isinstance(p.target, rules.Band) for p in series)
        else "Tolerance band (amber zone)"
    )
    markup = charts.line_chart(
        chart_id=chart_id,
        title=f"{indicator.code} {indicator.title}: history, target and forecast",
        description=description + " The table below gives every figure.",
        labels=labels,
        values=values,
        targets=targets if any(t is not None for t in targets) else None,
        band_low=band_low if has_band else None,
        band_high=band_high if has_band else None,
        band_label=band_words,
        forecast_labels=f_labels,
        forecast_values=f_values,
        unit=indicator.unit_label or indicator.get_unit_display(),
    )
    rows = [
        SeriesRow(
            period=p.period.label(),
            value=SUPPRESSED if p.withheld else figure(p.value, indicator.unit, d),
            ci=(
                f"{figure(p.ci[0], indicator.unit, d)} to {figure(p.ci[1], indicator.unit, d)}"
                if p.ci
                else ""
            ),
            target=target_text(p.target, indicator.unit, d),
            rag=p.rag.value,
            rag_label=RAG_LABELS[p.rag.value],
            observation_status=(p.observation_status or "").capitalize(),
            comparator=(
                SUPPRESSED
                if p.comparator_withheld
                else figure(p.comparator_value, indicator.unit, d)
            ),
        )
        for p in series
    ]
    rows += [
        SeriesRow(label, figure(v, indicator.unit, d), "", "", "", "Forecast", "", "", True)
        for label, v in zip(f_labels, f_values, strict=True)
    ]
    note = band_words if has_band else ""
    return IndicatorChart(svg(markup), rows, method, note)
