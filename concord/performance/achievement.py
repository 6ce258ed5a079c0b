"""“% of indicators achieving target”, financial year by financial year.

:func:`achievement_summary` judges every indicator at the end of each year
(five queries in all); :func:`achievement_trend` lays the result out as
tables and a chart (no queries). A percentage never stands alone: its
denominator and the amber, red, data-only and no-data counts come with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.performance import charts, rules
from concord.performance.dashboard import _filtered_url
from concord.performance.models import (
    Area,
    Indicator,
    Period,
)
from concord.performance.periods import PeriodCache, period_containing
from concord.performance.status import (
    area_figures,
    body_name,
    judge,
    judged_and_wanted,
    reported_indicators,
    summaries,
    theme_of,
)
from concord.performance.words import svg


@dataclass(frozen=True)
class AchievementYear:
    period: rules.Period
    summary: rules.RagSummary
    by_theme: dict[str, rules.RagSummary]
    by_body: dict[str, rules.RagSummary]


def achievement_summary(
    viewer: Viewer,
    area: Area,
    *,
    years: int = 5,
    until: Period | rules.Period | str | None = None,
    body: Body | None = None,
    theme: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    as_of: dt.date | None = None,
) -> list[AchievementYear]:
    """ "% of indicators achieving target" for each of the last ``years`` financial years.

    Each year is judged at its end (31 March): each indicator at its latest
    period due by then. Overall, per theme and per owning body, always with the
    counts of green, amber, red, data-only and no-data (:class:`rules.RagSummary`).
    Indicators are chosen as for :func:`dashboard` (``body``, ``theme``), or
    given as ``indicators``. Oldest year first. Five queries in all.
    """
    as_of = as_of or dt.date.today()
    if until is None:
        last_fy = period_containing(rules.PeriodKind.FINANCIAL_YEAR, as_of).previous()
    else:
        u = until.rule_period if isinstance(until, Period) else rules.parse_period(until)
        last_fy = period_containing(rules.PeriodKind.FINANCIAL_YEAR, u.end)
    fys = [last_fy.shift(-k) for k in range(years - 1, -1, -1)]
    inds = list(indicators) if indicators is not None else reported_indicators(viewer, body, theme)
    periods = PeriodCache()
    judged, wanted = judged_and_wanted(inds, fys, as_of)
    comparator = area.parent
    figures = area_figures(inds, area, periods, judged, wanted)
    out = []
    for fy in fys:
        rows = [judge(ind, area, judged[(ind.pk, fy)], figures, comparator) for ind in inds]
        out.append(
            AchievementYear(
                period=fy,
                summary=rules.summarise_rag(r.rag for r in rows),
                by_theme=summaries(rows, theme_of),
                by_body=summaries(rows, body_name),
            )
        )
    return out


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


def achievement_row(year: AchievementYear) -> AchievementRow:
    """A year of the overall trend in words.

    >>> y = AchievementYear(rules.parse_period("2009/10"),
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
    years: Sequence[AchievementYear], by: str, unnamed: str
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
    years: Sequence[AchievementYear], area: Area, table_caption: str
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


def achievement_trend(years: Sequence[AchievementYear], area: Area) -> AchievementTrend:
    """The achievement page's tables and chart from
    :func:`achievement_summary` (no queries)."""
    caption = "% of indicators achieving target, by financial year"
    return AchievementTrend(
        years=[y.period.label() for y in years],
        overall=[achievement_row(y) for y in years],
        by_theme=achievement_groups(years, "by_theme", "No theme"),
        by_body=achievement_groups(years, "by_body", "No owning body"),
        chart=achievement_chart(years, area, caption),
        table_caption=caption,
    )


def achievement_url(
    area: Area | None, *, body: Body | None = None, theme: str = "", fixed_body: bool = False
) -> str:
    """The achievement page with a dashboard's filters: the body's own page from a
    body's dashboard, else the partnership's with ``?body=``, ``?theme=``, ``?area=``."""
    return _filtered_url(
        "performance:achievement", "performance:body_achievement", area, body, theme, fixed_body
    )
