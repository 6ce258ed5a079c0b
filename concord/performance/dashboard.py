"""The dashboard: every visible indicator of an area, judged, in words.

:func:`dashboard` judges the indicators (five queries whatever their
number) and :func:`sparkline_values` reads the sparklines' values (one);
:func:`dashboard_rows` turns them into rows of words and a sparkline each
(no queries). :func:`widest_gaps` gives each indicator's widest gap between
population groups (one query), which the page loads on demand, after the
rows, so that the dashboard does not wait for figures by group. Every status is a
separate column with a text label: RAG, direction of travel and comparison
with other areas are never blended into one colour, and "no data" is grey.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.frozen import made_frozen
from concord.lib.urls import url_for_each
from concord.performance import charts, rules
from concord.performance.breakdowns import assemble, group_points, widest_gap_text
from concord.performance.figures import recent_values
from concord.performance.models import (
    Area,
    Indicator,
    Period,
)
from concord.performance.periods import PeriodCache
from concord.performance.status import (
    IndicatorStatus,
    area_figures,
    body_name,
    for_public,
    judge,
    judged_and_wanted,
    reported_indicators,
    summaries,
    theme_of,
)
from concord.performance.words import (
    RAG_LABELS,
    SUPPRESSED,
    TRAVEL_LABELS,
    figure,
    status_comparison_words,
    target_text,
)


@dataclass(frozen=True)
class Dashboard:
    """All visible indicators' statuses for one area and period, with the summaries.

    ``rows`` are ordered by theme then code; ``summary`` is the "% achieving
    target" over all rows; ``by_theme`` and ``by_body`` the same per theme
    and per owning body (keyed by name; "" for none). ``public``: built for a
    visitor who is not signed in (small counts are ``withheld``).
    """

    area: Area
    period: rules.Period
    rows: list[IndicatorStatus]
    summary: rules.RagSummary
    by_theme: dict[str, rules.RagSummary] = field(default_factory=dict)
    by_body: dict[str, rules.RagSummary] = field(default_factory=dict)
    illustrative: bool = False
    public: bool = False
    # Each indicator's last values up to its judged period, oldest first, for its
    # sparkline (``None`` for a gap or, on a public board, a small count); only
    # when asked for (``trend_points``).
    trends: dict[int, list[float | None]] | None = None


def dashboard(
    viewer: Viewer,
    area: Area,
    period: Period | rules.Period | str,
    *,
    body: Body | None = None,
    theme: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    as_of: dt.date | None = None,
    public: bool = False,
    trend_points: int = 0,
) -> Dashboard:
    """RAG, direction of travel, significance and "% achieving" for every indicator of an area.

    Indicators are those the viewer may see (optionally of a ``body`` and
    the public bodies answering to it, or of one ``theme``, or exactly
    ``indicators``: ``Indicator.objects.reported``). Five queries whatever
    the number of indicators (six with a body): indicators, periods,
    observations of the area and its parent (the comparator) for the periods
    needed, targets. ``public``: for a visitor who is not signed in (small
    counts ``withheld``; the summaries count statuses, never values).
    ``trend_points``: also each indicator's last so many values up to its judged
    period (``Dashboard.trends``, for the sparklines), read by the same query.
    """
    inds = list(indicators) if indicators is not None else reported_indicators(viewer, body, theme)
    p = period.rule_period if isinstance(period, Period) else rules.parse_period(period)
    periods = PeriodCache()
    judged, wanted = judged_and_wanted(inds, [p], as_of)
    # The sparklines' periods: a few more of the periods already read.
    recent = {
        q: [q.shift(-k) for k in range(trend_points - 1, -1, -1)] for q in set(judged.values())
    }
    for shown in recent.values():
        wanted.update(shown)
    comparator = area.parent
    figures = area_figures(inds, area, periods, judged, wanted)
    judged_by_indicator = {pk: q for (pk, _), q in judged.items()}
    rows = [judge(ind, area, judged_by_indicator[ind.id], figures, comparator) for ind in inds]
    if public:
        rows = [for_public(r) for r in rows]
    trends = None
    if trend_points:
        trends = {}
        area_id = area.id
        for ind in inds:
            ind_id = ind.id
            shown = recent[judged_by_indicator[ind_id]]
            if public and ind.suppress_small_counts:
                points = [figures.point_at(ind_id, area_id, q) for q in shown]
                trends[ind_id] = [
                    None if pt is None or pt.small_count else pt.value for pt in points
                ]
            else:
                values = figures.values(ind_id, area_id)
                trends[ind_id] = [values.get(q) for q in shown]
    return Dashboard(
        area=area,
        period=p,
        rows=rows,
        summary=rules.summarise_rag(r.rag for r in rows),
        by_theme=summaries(rows, theme_of),
        by_body=summaries(rows, body_name),
        illustrative=any(ind.is_illustrative for ind in inds),
        public=public,
        trends=trends,
    )


@dataclass(frozen=True)
class DashboardRow:
    """One indicator of a dashboard, every status in words (``indicator``,
    ``period_label`` and ``year_to_date`` repeat what ``status``
    holds, so that a page of many rows looks each up once; ``html`` is the
    dashboard's table row, :func:`dashboard_rows`)."""

    status: IndicatorStatus
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
    indicator: Indicator | None = None
    period_label: str = ""
    year_to_date: bool = False
    html: SafeString = SafeString("")


def sparkline_values(board: Dashboard) -> dict[int, list[float | None]]:
    """Each row's last values up to its judged period, for its sparkline: the board's
    own ``trends`` when it was built with them (no query), else one query (a public
    board's small counts left out: :func:`concord.performance.figures.recent_values`)."""
    if board.trends is not None:
        return board.trends
    inds = [r.indicator for r in board.rows]
    ends = {r.indicator.pk: r.period for r in board.rows}
    return recent_values(inds, board.area, ends, public=board.public)


@dataclass(frozen=True)
class GapRow:
    """One indicator's widest gap between groups in words (``text``: "" when no gap
    can be shown), with ``url``, the indicator page's figures by group."""

    indicator: Indicator
    text: str
    url: str


def widest_gaps(
    indicators: Sequence[Indicator],
    area: Area,
    period: rules.Period,
    *,
    public: bool = False,
) -> list[GapRow]:
    """The widest gap between groups of each indicator with figures by group in ``area``
    up to ``period`` (:mod:`concord.performance.breakdowns`; ``public``: small counts
    withheld, with the gaps that would give them away). One query whatever the number
    of indicators and groups; the dashboard loads it on demand (views.dashboards.gaps)."""
    points = group_points(indicators, area, before=period)
    out = []
    indicator_url = url_for_each("performance:indicator")
    for ind in indicators:
        if not points[ind.pk]:
            continue
        found = assemble(points[ind.pk], ind.tolerance, public=public)
        url = indicator_url(ind.pk) + f"?area={area.code}#by-group"
        out.append(GapRow(ind, widest_gap_text(ind, found), url))
    return out


# One dashboard row, drawn in one pass: a page has hundreds, and a template would
# look up and escape each of their cells one at a time. Every text is escaped
# (html.escape, as Django's own escape); the cells are those of the table head in
# dashboard.html.
_ROW_HTML = (
    "<tr>\n"
    '    <th scope="row"><a href="{}">{} {}</a>{}</th>\n'
    "    <td>{}</td>\n"
    "    <td>{}{}</td>\n"
    "    <td>{}</td>\n"
    '    <td><span class="rag rag-{}">{}</span></td>\n'
    '    <td>{}<span class="helptext">vs average of previous four: {}</span></td>\n'
    "    <td>{}</td>\n"
    "    <td>{}</td>\n"
    '    <td id="gap-{}"></td>\n'
    "  </tr>"
)
_YEAR_TO_DATE = ' <span class="helptext">year to date</span>'


# The cells whose words come from a few fixed labels, escaped once.
_RAG_CELLS = {rag: (escape(rag), escape(label)) for rag, label in RAG_LABELS.items()}
_TRAVEL_CELLS = {travel: escape(label) for travel, label in TRAVEL_LABELS.items()}


def dashboard_rows(
    board: Dashboard,
    trends: dict[int, list[float | None]],
    status: str = "",
    *,
    show_body: bool = False,
) -> list[DashboardRow]:
    """The dashboard's rows in words, with a sparkline each of ``trends``
    (:func:`sparkline_values`), and each row's ``<tr>`` (``html``; ``show_body``:
    with the owning body under the title, which the indicators must carry,
    ``select_related``); ``status`` keeps one RAG status. A public board
    shows no small count, in the value or the sparkline. No queries. (The widest
    gaps between groups come on demand: :func:`widest_gaps`.) Each indicator's
    address is reversed once for the page, each period's label worked out once,
    and words that many rows share (labels, comparisons) escaped once."""
    out = []
    indicator_url = url_for_each("performance:indicator")
    area_query = f"?area={board.area.code}"
    labels: dict[rules.Period, tuple[str, str]] = {}
    escaped: dict[str, str] = {}
    for r in board.rows:
        rag = r.rag.status.value
        if status and rag != status:
            continue
        ind = r.indicator
        ind_id = ind.id
        ytd = r.ytd_value is not None
        value = r.ytd_value if ytd else r.value
        values = trends.get(ind_id, [])
        period = r.period
        if period in labels:
            period_label, period_html = labels[period]
        else:
            period_label = period.label()
            period_html = escape(period_label)
            labels[period] = (period_label, period_html)
        travel = r.travel.against_previous.value
        url = indicator_url(ind_id) + area_query
        shown = SUPPRESSED if r.withheld else figure(value, ind.unit, ind.decimals)
        target = target_text(r.target, ind.unit, ind.decimals)
        mean = r.travel.against_mean.value
        significance_label = status_comparison_words(r)
        significance_html = escaped.get(significance_label)
        if significance_html is None:
            significance_html = escaped[significance_label] = escape(significance_label)
        spark = SafeString(  # built by charts.py, which escapes all text
            charts.sparkline(
                values,
                chart_id=f"spark-{ind_id}",
                title=f"Trend of {ind.code}, last {len(values)} periods to {period_label}",
            )
        )
        owner = ind.body if show_body and ind.body_id is not None else None
        body = f'<span class="helptext">{escape(owner.name)}</span>' if owner else ""
        rag_html, rag_label_html = _RAG_CELLS[rag]
        html = _ROW_HTML.format(
            escape(url),
            escape(ind.code),
            escape(ind.title),
            body,
            period_html,
            escape(shown or "No data"),
            _YEAR_TO_DATE if ytd else "",
            escape(target or "None set"),
            rag_html,
            rag_label_html,
            _TRAVEL_CELLS[travel],
            _TRAVEL_CELLS[mean],
            significance_html,
            spark,
            ind_id,
        )
        out.append(
            made_frozen(
                DashboardRow,
                {
                    "status": r,
                    "url": url,
                    "value": shown,
                    "target": target,
                    "rag": rag,
                    "rag_label": RAG_LABELS[rag],
                    "travel": travel,
                    "travel_label": TRAVEL_LABELS[travel],
                    "travel_mean_label": TRAVEL_LABELS[mean],
                    "significance_label": significance_label,
                    "spark": spark,
                    "indicator": ind,
                    "period_label": period_label,
                    "year_to_date": ytd,
                    "html": SafeString(html),  # every text escaped above
                },
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


def gaps_url(
    area: Area,
    period: rules.Period,
    *,
    body: Body | None = None,
    theme: str = "",
    fixed_body: bool = False,
) -> str:
    """The widest gaps between groups of the dashboard with these filters (loaded
    into its rows on demand, or a page of their own)."""
    url = _filtered_url("performance:gaps", "performance:body_gaps", area, body, theme, fixed_body)
    return f"{url}&{urlencode({'period': str(period)})}"


def dashboard_url(
    area: Area | None, *, body: Body | None = None, theme: str = "", fixed_body: bool = False
) -> str:
    """The dashboard with the achievement page's filters (the way back)."""
    return _filtered_url(
        "performance:dashboard", "performance:body_dashboard", area, body, theme, fixed_body
    )


def group_by_theme(rows: Sequence[DashboardRow]) -> list[tuple[str, list[DashboardRow]]]:
    """Dashboard rows grouped by theme, in the order they come."""
    groups: dict[str, list[DashboardRow]] = defaultdict(list)
    for row in rows:
        groups[row.status.indicator.theme or "Other indicators"].append(row)
    return list(groups.items())


def theme_tables(rows: Sequence[DashboardRow]) -> list[tuple[str, SafeString]]:
    """Each theme's name and the body of its table, its rows' ``<tr>`` one after the
    other as ``dashboard.html`` lays them out (joined here: a template loop would
    look up each of hundreds of rows)."""
    return [
        (theme, SafeString("".join(f"\n  {row.html}\n  " for row in theme_rows)))
        for theme, theme_rows in group_by_theme(rows)
    ]
