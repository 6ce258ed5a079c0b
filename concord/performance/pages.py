"""What the performance pages show, assembled from the services in a fixed number of queries.

Views stay thin: they check access, read parameters and hand the results of
these functions to templates. Figures are judged only by
:mod:`concord.performance.services` (and the rules behind it); this module
turns the judgements into words, table rows and charts. Every status is a
separate column with a text label: RAG, direction of travel and comparison
with other areas are never blended into one colour, and "no data" is grey.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from concord.actions.models import Action, ActionUpdate
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.performance import charts, rules, services
from concord.performance.models import (
    Area,
    AreaLevel,
    Indicator,
    Observation,
    PerformanceReport,
    ReportLine,
    TurnTheCurve,
    Unit,
)
from concord.performance.reports import ReportLayout, ReportRow
from concord.performance.rules.tolerance import tolerance_width

RAG_LABELS = {
    "green": "Green: target met",
    "amber": "Amber: missed, within tolerance",
    "red": "Red: missed by more than tolerance",
    "no_data": "No data: awaited",
    "data_only": "Data only: no target",
}
TRAVEL_LABELS = {
    "improving": "Improving",
    "worsening": "Worsening",
    "increasing": "Increasing",
    "decreasing": "Decreasing",
    "no_change": "No change",
    "no_data": "Not known",
}
SIGNIFICANCE_LABELS = {
    "better": "Better",
    "similar": "Similar",
    "worse": "Worse",
    "higher": "Higher",
    "lower": "Lower",
    "not_tested": "Not tested",
}
STATUS_FILTERS = [("", "Any status"), *((k, v.split(":")[0]) for k, v in RAG_LABELS.items())]
SPARK_POINTS = 8
ILLUSTRATIVE_TEXT = (
    "Illustrative figures: this data set is invented for demonstration and is not real."
)


def svg(markup: str) -> SafeString:
    """Mark a chart from :mod:`concord.performance.charts` safe for a template.

    Only for our own SVG: the chart functions escape every piece of text they
    are given, so no imported text reaches the page unescaped.
    """
    return mark_safe(markup)  # noqa: S308 - built by charts.py, which escapes all text


# -- choosing the area and period -----------------------------------------------------


def choose_area(code: str | None = None) -> Area | None:
    """The area a page shows: ``code`` if it exists, else the configured one
    (``CONCORD_PERFORMANCE_AREA``), else the first local authority, else the
    broadest area stored."""
    for candidate in (code, settings.CONCORD_PERFORMANCE_AREA):
        if candidate:
            area = Area.objects.select_related("parent").filter(code=candidate.strip()).first()
            if area is not None:
                return area
    return (
        Area.objects.select_related("parent")
        .filter(level=AreaLevel.LOCAL_AUTHORITY)
        .order_by("code")
        .first()
        or Area.objects.select_related("parent").order_by("depth", "code").first()
    )


def area_choices() -> QuerySet[Area]:
    """Areas above ward level, for the area selector (wards have their own table)."""
    return (
        Area.objects.exclude(level__in=[AreaLevel.WARD, AreaLevel.LSOA])
        .order_by("depth", "name")
        .only("code", "name", "level")
    )


def ward_choices(area: Area) -> QuerySet[Area]:
    """The wards of ``area``'s local authority (its own, or a ward's siblings), for
    the dashboard's area selector: a councillor's ward is one choice away."""
    authority = area.parent if area.level == AreaLevel.WARD else area
    if authority is None or authority.level != AreaLevel.LOCAL_AUTHORITY:
        return Area.objects.none()
    return (
        Area.objects.filter(parent=authority, level=AreaLevel.WARD)
        .order_by("name")
        .only("code", "name", "level")
    )


def parse_period(text: str | None) -> rules.Period | None:
    """A period from a query parameter, or ``None`` when absent, malformed or outside
    the years 1900-2200."""
    return period_param(text)[0]


def period_param(text: str | None) -> tuple[rules.Period | None, str]:
    """A period from a query parameter and, when it was given but is not a period
    Concord can show, the problem to tell the reader.

    >>> period_param("2024-Q3")[0].label(), period_param(None)
    ('Q3 2024', (None, ''))
    >>> period_param("9999-Q4")
    (None, 'Period: “9999-Q4” is not a period from 1900 to 2200 such as 2024-Q3 or 2024/25.')
    """
    if not text or not text.strip():
        return None, ""
    try:
        return rules.parse_sensible_period(text.strip()[:12]), ""
    except ValueError:
        shown = text.strip()[:20]
        return None, (
            f"Period: “{shown}” is not a period from 1900 to 2200 such as 2024-Q3 or 2024/25."
        )


def latest_period(area: Area) -> rules.Period:
    """The quarter holding the end of the latest period with a value for ``area``
    (today's previous quarter when there are none): what a dashboard opens on."""
    end = Observation.objects.filter(area=area).aggregate(latest=Max("period__end"))["latest"]
    day = end or dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return services.period_containing(rules.PeriodKind.QUARTER, day)


# -- words for figures ----------------------------------------------------------------


def unit_suffix(unit: str, unit_label: str = "") -> str:
    """What follows a figure: '%' for a percentage, else the unit's label."""
    if unit == Unit.PERCENT:
        return "%"
    return ""


def figure(value: float | None, indicator_unit: str = "", decimals: int = 1) -> str:
    """A value with its unit, e.g. '41.5%' or '1,204'; '' when missing.

    >>> figure(41.456, "percent"), figure(1204.0, "count", 0), figure(None)
    ('41.5%', '1,204', '')
    """
    if value is None:
        return ""
    return charts.format_number(value, decimals) + unit_suffix(indicator_unit)


def target_text(target: float | rules.Band | None, unit: str = "", decimals: int = 1) -> str:
    """A target or band in words: '40', '40 to 60'; '' when there is none."""
    if target is None:
        return ""
    if isinstance(target, rules.Band):
        return f"{figure(target.low, unit, decimals)} to {figure(target.high, unit, decimals)}"
    return figure(target, unit, decimals)


def period_label(code: str) -> str:
    """'2009-Q2' -> 'Q2 2009' (the code itself if it is not a period)."""
    try:
        return rules.parse_period(code).label()
    except ValueError:
        return code


# -- the dashboard ----------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardRow:
    """One indicator of a dashboard, every status in words."""

    status: services.IndicatorStatus
    url: str
    value: str
    target: str
    rag: str
    rag_label: str
    travel: str
    travel_label: str
    travel_mean_label: str
    significance_label: str
    spark: SafeString


def recent_values(
    indicators: Sequence[Indicator],
    area: Area,
    ends: dict[int, rules.Period],
    n: int = SPARK_POINTS,
    *,
    public: bool = False,
) -> dict[int, list[float | None]]:
    """The last ``n`` values of each indicator up to its judged period, oldest first
    (``None`` for a gap, and, when ``public``, for a small count kept from the
    public). One query, whatever the number of indicators."""
    wanted: dict[int, list[rules.Period]] = {
        ind.pk: [ends[ind.pk].shift(-k) for k in range(n - 1, -1, -1)] for ind in indicators
    }
    codes = {str(p) for periods in wanted.values() for p in periods}
    found: dict[tuple[int, str], float] = {}
    by_id = {ind.pk: ind for ind in indicators}
    if wanted:
        for ind_id, code, value, numerator in (
            Observation.objects.filter(
                area=area, indicator_id__in=list(wanted), period__code__in=sorted(codes)
            )
            .order_by()
            .values_list("indicator_id", "period__code", "value", "numerator")
        ):
            if not (public and services.is_small_count(by_id[ind_id], value, numerator)):
                found[(ind_id, code)] = value
    return {pk: [found.get((pk, str(p))) for p in periods] for pk, periods in wanted.items()}


SUPPRESSED = "Suppressed (small number)"


def dashboard_rows(board: services.Dashboard, status: str = "") -> list[DashboardRow]:
    """The dashboard's rows in words, with a sparkline each; ``status`` keeps one RAG
    status. A public board shows no small count, in the value or the sparkline."""
    inds = [r.indicator for r in board.rows]
    ends = {r.indicator.pk: r.period for r in board.rows}
    trends = recent_values(inds, board.area, ends, public=board.public)
    out = []
    for r in board.rows:
        rag = r.rag.status.value
        if status and rag != status:
            continue
        ind = r.indicator
        value = r.ytd_value if r.ytd_value is not None else r.value
        values = trends.get(ind.pk, [])
        out.append(
            DashboardRow(
                status=r,
                url=reverse("performance:indicator", args=[ind.pk]) + f"?area={board.area.code}",
                value=SUPPRESSED if r.withheld else figure(value, ind.unit, ind.decimals),
                target=target_text(r.target, ind.unit, ind.decimals),
                rag=rag,
                rag_label=RAG_LABELS[rag],
                travel=r.travel.against_previous.value,
                travel_label=TRAVEL_LABELS[r.travel.against_previous.value],
                travel_mean_label=TRAVEL_LABELS[r.travel.against_mean.value],
                significance_label=SIGNIFICANCE_LABELS[r.significance.value],
                spark=svg(
                    charts.sparkline(
                        values,
                        chart_id=f"spark-{ind.pk}",
                        title=f"Trend of {ind.code}, last {len(values)} periods to "
                        f"{r.period.label()}",
                    )
                ),
            )
        )
    return out


def themes_for(viewer: Viewer) -> list[str]:
    """Themes of the indicators the viewer may see, for the filter."""
    return list(
        Indicator.objects.visible_to(viewer)
        .exclude(theme="")
        .order_by("theme")
        .values_list("theme", flat=True)
        .distinct()
    )


def bodies_with_indicators(viewer: Viewer) -> QuerySet[Body]:
    """Bodies the viewer may see that own an indicator, for the filter."""
    return (
        Body.objects.visible_to(viewer)
        .filter(pk__in=Indicator.objects.filter(body__isnull=False).values("body_id"))
        .only("pk", "name", "slug")
        .order_by("name")
    )


def summary_text(summary: rules.RagSummary) -> str:
    """'60% achieving target (6 of 10); 2 without a target; 1 awaiting data'.

    >>> summary_text(rules.summarise_rag(["green", "red", "no_data"]))
    '50% achieving target (1 of 2); 1 awaiting data'
    """
    if summary.percent_achieving is None:
        head = "Achieving target: not available (no indicator could be judged)"
    else:
        head = (
            f"{charts.format_number(summary.percent_achieving, 0)}% achieving target "
            f"({summary.green} of {summary.denominator})"
        )
    parts = [head]
    if summary.data_only:
        parts.append(f"{summary.data_only} without a target")
    if summary.no_data:
        parts.append(f"{summary.no_data} awaiting data")
    return "; ".join(parts)


# -- achieving target over the years ---------------------------------------------------

ACHIEVEMENT_YEARS = 5
ACHIEVEMENT_METHOD = (
    "Each financial year is judged at its end, 31 March: each indicator at its latest "
    "period due by then. Only green (target met) counts as achieving; amber and red do "
    "not. Indicators with no target (data only) and those whose figure is awaited (no "
    "data) are left out of the denominator and counted apart."
)


def achievement_years(text: str | None) -> int:
    """How many financial years to show: ``?years=N`` kept between 2 and 10, else 5.

    >>> [achievement_years(t) for t in ("8", "1", "99", "x", None)]
    [8, 2, 10, 5, 5]
    """
    text = (text or "").strip()
    if not text.isdigit() or len(text) > 3:
        return ACHIEVEMENT_YEARS
    return min(10, max(2, int(text)))


def last_financial_year(
    area: Area, chosen: str | None = None, *, as_of: dt.date | None = None
) -> rules.Period:
    """The last financial year a trend shows.

    ``chosen`` (a period code; the financial year holding its end) when it is a
    period from 1900 to 2200; otherwise the latest financial year that is over
    both by ``as_of`` (today) and by the end of the latest figure stored for
    ``area``, so that a data set that stopped years ago does not open on a run
    of empty years.
    """
    picked = parse_period(chosen)  # 1900-2200: ten years back stay real dates
    if picked is not None:
        return services.period_containing(rules.PeriodKind.FINANCIAL_YEAR, picked.end)
    day = as_of or dt.date.today()
    end = Observation.objects.filter(area=area).aggregate(latest=Max("period__end"))["latest"]
    if end is not None and end < day:
        day = end
    fy = services.period_containing(rules.PeriodKind.FINANCIAL_YEAR, day)
    return fy if fy.end <= day else fy.previous()


def percent_text(summary: rules.RagSummary) -> str:
    """The share achieving target, rounded: '67%'; 'Not available' when none was judged.

    >>> percent_text(rules.summarise_rag(["green", "green", "red"]))
    '67%'
    >>> percent_text(rules.summarise_rag(["data_only", "no_data"]))
    'Not available'
    """
    if summary.percent_achieving is None:
        return "Not available"
    return f"{charts.format_number(summary.percent_achieving, 0)}%"


def counts_text(summary: rules.RagSummary) -> str:
    """Every count but green, in words, for a compact cell.

    >>> counts_text(rules.summarise_rag(["green", "amber", "no_data"]))
    '1 amber, 0 red, 0 no target, 1 no data'
    """
    return (
        f"{summary.amber} amber, {summary.red} red, "
        f"{summary.data_only} no target, {summary.no_data} no data"
    )


@dataclass(frozen=True)
class AchievementRow:
    """One financial year of the overall trend: the percentage never without its counts."""

    year: str
    percent: str
    achieving: str
    amber: int
    red: int
    data_only: int
    no_data: int


@dataclass(frozen=True)
class AchievementCell:
    """One year of one theme or body: '60% (6 of 10)', the other counts beneath."""

    headline: str
    counts: str


@dataclass(frozen=True)
class AchievementGroup:
    """One theme or body, a cell per financial year (oldest first)."""

    name: str
    cells: list[AchievementCell]


@dataclass(frozen=True)
class AchievementTrend:
    """What the achievement page shows: the overall rows (also the chart's data
    table), the trend by theme and by body, and the chart."""

    years: list[str]
    overall: list[AchievementRow]
    by_theme: list[AchievementGroup]
    by_body: list[AchievementGroup]
    chart: SafeString
    table_caption: str


def achievement_row(year: services.AchievementYear) -> AchievementRow:
    """A year of the overall trend in words.

    >>> y = services.AchievementYear(rules.parse_period("2009/10"),
    ...     rules.summarise_rag(["green", "red", "data_only"]), {}, {})
    >>> row = achievement_row(y)
    >>> row.year, row.percent, row.achieving, row.amber, row.red, row.data_only, row.no_data
    ('2009/10', '50%', '1 of 2', 0, 1, 1, 0)
    """
    s = year.summary
    return AchievementRow(
        year=year.period.label(),
        percent=percent_text(s),
        achieving=f"{s.green} of {s.denominator}",
        amber=s.amber,
        red=s.red,
        data_only=s.data_only,
        no_data=s.no_data,
    )


def achievement_cell(summary: rules.RagSummary | None) -> AchievementCell:
    """One compact cell: '60% (6 of 10)' or 'Not available (none judged)', with the
    other counts; 'No indicators' when the group had none that year.

    >>> achievement_cell(rules.summarise_rag(["green", "amber", "red"])).headline
    '33% (1 of 3)'
    >>> achievement_cell(rules.summarise_rag(["no_data"])).headline
    'Not available (none judged)'
    """
    if summary is None or summary.total == 0:
        return AchievementCell("No indicators", "")
    if summary.percent_achieving is None:
        headline = "Not available (none judged)"
    else:
        headline = f"{percent_text(summary)} ({summary.green} of {summary.denominator})"
    return AchievementCell(headline, counts_text(summary))


def achievement_groups(
    years: Sequence[services.AchievementYear], by: str, unnamed: str
) -> list[AchievementGroup]:
    """The trend of each theme (``by="by_theme"``) or body (``by="by_body"``): a row
    per group in name order, a cell per year; the group with no name last, as ``unnamed``."""
    names = sorted({name for y in years for name in getattr(y, by)}, key=lambda n: (n == "", n))
    return [
        AchievementGroup(
            name=name or unnamed,
            cells=[achievement_cell(getattr(y, by).get(name)) for y in years],
        )
        for name in names
    ]


def achievement_chart(
    years: Sequence[services.AchievementYear], area: Area, table_caption: str
) -> SafeString:
    """The line of the overall % achieving target by year, on a 0–100 % axis; a
    year with no judged indicator is a gap, never a zero. Its description lists
    every year and names the table that gives the counts."""
    labels = [y.period.label() for y in years]
    values = [y.summary.percent_achieving for y in years]
    listed = "; ".join(
        f"{y.period.label()}: "
        + (
            "not available"
            if y.summary.percent_achieving is None
            else f"{percent_text(y.summary)} ({y.summary.green} of {y.summary.denominator})"
        )
        for y in years
    )
    title = "% of indicators achieving target"
    if labels:
        title += f" in {area.name}, {labels[0]} to {labels[-1]}"
    return svg(
        charts.percent_line_chart(
            chart_id="achievement",
            title=title,
            description=f"{listed}. The table “{table_caption}” gives every count.",
            labels=labels,
            values=values,
            series_label="% achieving target",
        )
    )


def achievement_trend(years: Sequence[services.AchievementYear], area: Area) -> AchievementTrend:
    """The achievement page's tables and chart from
    :func:`services.achievement_summary` (no queries)."""
    caption = "% of indicators achieving target, by financial year"
    return AchievementTrend(
        years=[y.period.label() for y in years],
        overall=[achievement_row(y) for y in years],
        by_theme=achievement_groups(years, "by_theme", "No theme"),
        by_body=achievement_groups(years, "by_body", "No owning body"),
        chart=achievement_chart(years, area, caption),
        table_caption=caption,
    )


def _filtered_url(
    name: str, body_name: str, area: Area | None, body: Body | None, theme: str, fixed_body: bool
) -> str:
    url = reverse(body_name, args=[body.slug]) if body is not None and fixed_body else reverse(name)
    params: dict[str, str] = {}
    if body is not None and not fixed_body:
        params["body"] = str(body.pk)
    if theme:
        params["theme"] = theme
    if area is not None:
        params["area"] = area.code
    return f"{url}?{urlencode(params)}" if params else url


def achievement_url(
    area: Area | None, *, body: Body | None = None, theme: str = "", fixed_body: bool = False
) -> str:
    """The achievement page with a dashboard's filters: the body's own page from a
    body's dashboard, else the partnership's with ``?body=``, ``?theme=``, ``?area=``."""
    return _filtered_url(
        "performance:achievement", "performance:body_achievement", area, body, theme, fixed_body
    )


def dashboard_url(
    area: Area | None, *, body: Body | None = None, theme: str = "", fixed_body: bool = False
) -> str:
    """The dashboard with the achievement page's filters (the way back)."""
    return _filtered_url(
        "performance:dashboard", "performance:body_dashboard", area, body, theme, fixed_body
    )


# -- one indicator ---------------------------------------------------------------------


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
    series: Sequence[services.SeriesPoint],
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


@dataclass(frozen=True)
class WardView:
    table: services.WardTable
    svg: SafeString
    rows: list[dict]
    gap_text: str
    trend_text: str


def ward_view(indicator: Indicator, period: rules.Period, area: Area, *, public: bool) -> WardView:
    """The ward table and ward chart of an indicator under ``area`` (three queries)."""
    table = services.ward_table(indicator, period, area, public=public)
    d = indicator.decimals
    dashboard = reverse("performance:dashboard")
    rows = [
        {
            "code": w.code,
            "name": w.name,
            "url": f"{dashboard}?{urlencode({'area': w.code})}",
            "value": SUPPRESSED
            if w.suppressed
            else (figure(w.value, indicator.unit, d) or "No data"),
            "numerator": "" if w.numerator is None else charts.format_number(w.numerator, 0),
            "earlier": figure(w.earlier_value, indicator.unit, d),
            "rank": w.rank or "",
            "quintile": w.quintile or "",
            "direction": TRAVEL_LABELS[w.direction.value],
            "suppressed": w.suppressed,
        }
        for w in table.rows
    ]
    bars = [charts.BarDatum(w.name, w.value, w.suppressed) for w in table.rows]
    markup = charts.ward_bar_chart(
        bars,
        chart_id=f"wards-{indicator.pk}",
        title=f"{indicator.code} by ward in {area.name}, {table.period.label()}",
        description=(
            f"{sum(1 for w in table.rows if w.value is not None)} of {len(table.rows)} wards "
            "have a value shown. The table below gives every figure."
        ),
        unit=unit_suffix(indicator.unit),
    )
    gap_text = ""
    if table.public and any(w.suppressed for w in table.rows):
        # best, worst and the gap between them could give a hidden figure away
        gap_text = "The gap between wards is not shown here because some figures are suppressed."
    elif table.gap is not None:
        names = {w.code: w.name for w in table.rows}
        best = ", ".join(names.get(c, c) for c in table.gap.best_areas)
        worst = ", ".join(names.get(c, c) for c in table.gap.worst_areas)
        gap_text = (
            f"Gap between best and worst: {figure(table.gap.gap, indicator.unit, d)} "
            f"(best: {best}; worst: {worst})."
        )
    trend_text = {
        "narrowing": "The gap is narrowing",
        "widening": "The gap is widening",
        "no_change": "No change in the gap",
        "no_data": "Not known whether the gap is narrowing",
    }.get(table.gap_trend.status.value, "")
    if trend_text:
        trend_text += f" since {table.earlier_period.label()}."
    return WardView(table, svg(markup), rows, gap_text, trend_text)


def latest_story(indicator: Indicator, viewer: Viewer) -> ReportLine | None:
    """The newest commentary on the indicator in a published report the viewer may read."""
    return (
        ReportLine.objects.filter(
            indicator=indicator,
            report__in=PerformanceReport.objects.visible_to(viewer).filter(status="published"),
        )
        .exclude(commentary="")
        .select_related("report")
        .order_by("-report__period__end", "-report__published_at")
        .first()
    )


# -- turn the curve -------------------------------------------------------------------


@dataclass
class PlanItem:
    action: Action
    updates: list[ActionUpdate] = field(default_factory=list)


def plan_items(actions: Iterable[Action]) -> list[PlanItem]:
    """The action plan with each action's progress notes, oldest first (one query)."""
    items = [PlanItem(a) for a in actions]
    by_id = {i.action.pk: i for i in items}
    if by_id:
        for update in ActionUpdate.objects.filter(action_id__in=list(by_id)).order_by("date", "id"):
            by_id[update.action_id].updates.append(update)
    return items


def lines_of(text: str) -> list[str]:
    """Non-blank lines of a text field, for lists such as partners."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def turn_the_curve_for(indicator: Indicator, area: Area) -> TurnTheCurve | None:
    return TurnTheCurve.objects.filter(indicator=indicator, area=area).first()


# -- performance reports ----------------------------------------------------------------


def _line_row(line: ReportLine, public: bool = False) -> ReportRow:
    decimals = line.indicator.decimals if line.indicator_id and line.indicator else 1
    target: float | rules.Band | None = line.target
    if line.target is not None and line.target_high is not None:
        target = rules.Band(line.target, line.target_high)
    url = ""
    if line.indicator_id:
        url = reverse("performance:indicator", args=[line.indicator_id])
    return ReportRow(
        code=line.indicator_code,
        name=line.indicator_title,
        period=period_label(line.period_code) if line.period_code else "",
        value=SUPPRESSED
        if public and line.small_count
        else figure(line.value, line.unit, decimals),
        target=target_text(target, line.unit, decimals),
        rag=line.rag,
        rag_label=RAG_LABELS.get(line.rag, line.rag),
        travel=line.direction_previous,
        travel_label=TRAVEL_LABELS.get(line.direction_previous, line.direction_previous),
        travel_mean_label=TRAVEL_LABELS.get(line.direction_mean, line.direction_mean),
        significance_label=SIGNIFICANCE_LABELS.get(line.significance, line.significance)
        + (f" (vs {line.comparator})" if line.comparator and line.significance else ""),
        commentary=line.commentary,
        theme=line.theme,
        url=url,
        is_exception=line.is_exception,
        observation_status=line.observation_status,
    )


def report_lines(report: PerformanceReport) -> list[ReportLine]:
    """The frozen lines of a published report, or what publishing now would freeze
    (the preview's indicators come loaded with their data sets)."""
    if report.is_published:
        return list(report.lines.select_related("indicator__dataset").order_by("position"))
    return services.preview_lines(report)


def report_layout(
    report: PerformanceReport,
    lines: Sequence[ReportLine],
    *,
    show_item: bool = False,
    public: bool = False,
) -> ReportLayout:
    """The one layout both the HTML page and the Word file are drawn from.

    ``show_item``: name the agenda item the report is attached to (only when
    the reader may read that item). ``public``: for a reader who is not signed
    in: small counts are shown as suppressed.
    """
    rows = [_line_row(line, public) for line in lines]
    summary = rules.summarise_rag(line.rag for line in lines)
    if report.is_published and report.published_at:
        note = (
            f"Published on {report.published_at:%-d %B %Y}: the figures and statuses are "
            "frozen as published; later revisions of the data do not change this report."
        )
    else:
        note = (
            "Draft: the figures are live and may change until the report is published, "
            "when they are frozen."
        )
    meeting = ""
    if show_item and report.agenda_item_id and report.agenda_item:
        item = report.agenda_item
        meeting = (
            f"For item {item.number} ({item.title}) of the meeting of "
            f"{item.meeting.date:%-d %B %Y}."
        )
    illustrative = any(
        line.indicator_id and line.indicator and line.indicator.is_illustrative for line in lines
    )
    return ReportLayout(
        title=report.title,
        body_name=report.body.name,
        period=report.period.label,
        rows=rows,
        summary=summary_text(summary),
        status_note=note,
        recommendations=report.recommendations,
        illustrative=illustrative,
        frozen_on=report.published_at.date() if report.published_at else None,
        meeting_reference=meeting,
        amendments=amendment_lines(report),
        method_notes=(
            "RAG compares the latest value with its target; amber is a miss within the "
            "indicator's tolerance; no data (grey) means a value is due but not yet supplied.",
            "Direction of travel compares the latest value with the period before (the same "
            "period a year earlier for seasonal indicators).",
            "Compared with others: better, similar or worse than the comparator area by "
            "confidence intervals; not tested when an interval is missing.",
        ),
    )


def illustrative_indicator_ids(indicator_ids: Iterable[int]) -> set[int]:
    """Which of these indicators carry invented demonstration data (one query)."""
    ids = list(indicator_ids)
    if not ids:
        return set()
    return set(
        Indicator.objects.filter(pk__in=ids, dataset__illustrative=True).values_list(
            "pk", flat=True
        )
    )


def group_by_theme(rows: Sequence[DashboardRow]) -> list[tuple[str, list[DashboardRow]]]:
    """Dashboard rows grouped by theme, in the order they come."""
    groups: dict[str, list[DashboardRow]] = defaultdict(list)
    for row in rows:
        groups[row.status.indicator.theme or "Other indicators"].append(row)
    return list(groups.items())


def amendment_lines(report: PerformanceReport) -> tuple[str, ...]:
    """A published report's corrections as sentences: what, when, by whom, what, why."""
    if not report.is_published:
        return ()

    def who(user) -> str:  # noqa: ANN001 - a User or None
        return (user.get_full_name() or user.get_username()) if user else "a former user"

    return tuple(
        f"{a.get_part_display()}, {a.made_at:%-d %b %Y}, by {who(a.made_by)}: "
        f"{a.correction} Why: {a.reason}"
        for a in report.amendments.select_related("made_by")
    )
