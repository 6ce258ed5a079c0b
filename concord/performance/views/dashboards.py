"""The dashboards and the “% achieving target” trend, of the partnership or of one body."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import Viewer, get_visible_or_404
from concord.lib.http import HtmxHttpRequest
from concord.performance import dashboard as dashboards
from concord.performance.achievement import (
    ACHIEVEMENT_METHOD,
    achievement_summary,
    achievement_trend,
    achievement_url,
    achievement_years,
)
from concord.performance.areas import area_select, choose_area
from concord.performance.dashboard import (
    bodies_with_indicators,
    dashboard_rows,
    dashboard_url,
    gaps_url,
    sparkline_values,
    theme_tables,
    themes_for,
    widest_gaps,
)
from concord.performance.figures import SPARK_POINTS
from concord.performance.periods import last_financial_year, latest_period, period_param
from concord.performance.status import reported_indicators
from concord.performance.words import RAG_LABELS, STATUS_FILTERS, summary_text


def _chosen(
    request: HttpRequest, viewer: Viewer, slug: str | None, *, wards: bool = False
) -> dict[str, Any]:
    """What the dashboard and the achievement trend are filtered by (body, theme,
    area) and the choices their filter forms offer (``wards``: the area's wards too)."""
    area = choose_area(request.GET.get("area"))
    return {
        "body": _chosen_body(request, viewer, slug),
        "fixed_body": slug is not None,
        "theme": request.GET.get("theme", "").strip()[:100],
        "themes": themes_for(viewer),
        "bodies": bodies_with_indicators(viewer),
        "area": area,
        # The achievement page offers the areas above ward level only.
        "areas": area_select(area, wards=wards),
    }


def _chosen_body(request: HttpRequest, viewer: Viewer, slug: str | None) -> Body | None:
    """The body of a body page (404 if the viewer may not see it), else ``?body=ID``
    when the viewer may see that body, else none."""
    if slug is not None:
        return get_visible_or_404(Body.objects.all(), viewer, slug=slug)
    chosen = request.GET.get("body", "")
    if chosen.isdigit() and len(chosen) <= 15:
        return Body.objects.visible_to(viewer).filter(pk=int(chosen)).first()
    return None


def dashboard(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Every visible indicator's latest value, target, RAG, travel and trend, filterable."""
    viewer = viewer_for(request)
    context = _chosen(request, viewer, slug, wards=True)
    body, theme, area = context["body"], context["theme"], context["area"]
    status = request.GET.get("status", "")
    if status not in RAG_LABELS:
        status = ""
    context.update(
        status=status,
        statuses=STATUS_FILTERS,
        can_import=viewer.can_edit_any,
    )
    period, problem = period_param(request.GET.get("period"))
    context["problems"] = [problem] if problem else []
    if area is not None:
        period = period or latest_period(area)
        board = dashboards.dashboard(
            viewer,
            area,
            period,
            body=body,
            theme=theme or None,
            public=not viewer.is_authenticated,
            trend_points=SPARK_POINTS,
        )
        rows = dashboard_rows(board, sparkline_values(board), status, show_body=slug is None)
        context.update(
            gaps_url=gaps_url(
                area, board.period, body=body, theme=theme, fixed_body=slug is not None
            ),
            period=period,
            board=board,
            rows=rows,
            groups=theme_tables(rows),
            summary=summary_text(board.summary),
            by_body={k or "No owning body": summary_text(v) for k, v in board.by_body.items()},
            illustrative=board.illustrative,
            achievement_url=achievement_url(
                area, body=body, theme=theme, fixed_body=slug is not None
            ),
        )
    return render(request, "performance/dashboard.html", context, status=400 if problem else 200)


def gaps(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    """The widest gap between population groups of each indicator of a dashboard (same
    filters, same indicators, small counts withheld from the public as there): the
    cells of the dashboard's rows, swapped in by htmx once the page is shown, or
    without JavaScript a page of their own. One query for the gaps."""
    viewer = viewer_for(request)
    body = _chosen_body(request, viewer, slug)
    theme = request.GET.get("theme", "").strip()[:100]
    area = choose_area(request.GET.get("area"))
    if area is None:
        raise Http404("No performance figures have been set up yet.")
    period, problem = period_param(request.GET.get("period"))
    period = period or latest_period(area)
    indicators = reported_indicators(viewer, body, theme or None)
    rows = widest_gaps(indicators, area, period, public=not viewer.is_authenticated)
    context = {
        "area": area,
        "period": period,
        "body": body,
        "rows": rows,
        "problems": [problem] if problem else [],
        "dashboard_url": dashboard_url(area, body=body, theme=theme, fixed_body=slug is not None),
    }
    template = "performance/_gap_cells.html" if request.htmx else "performance/gaps.html"
    response = render(request, template, context, status=400 if problem else 200)
    patch_vary_headers(response, ["HX-Request"])
    return response


def achievement(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The trend of "% of indicators achieving target", financial year by financial
    year: overall (table and chart), by theme and by owning body."""
    viewer = viewer_for(request)
    context = _chosen(request, viewer, slug)
    body, theme, area = context["body"], context["theme"], context["area"]
    context.update(
        years=achievement_years(request.GET.get("years")),
        method=ACHIEVEMENT_METHOD,
    )
    if area is not None:
        last = last_financial_year(area, request.GET.get("until"))
        chosen = reported_indicators(viewer, body, theme or None)
        summary = achievement_summary(
            viewer, area, years=context["years"], until=last, indicators=chosen
        )
        context.update(
            until=last,
            trend=achievement_trend(summary, area),
            illustrative=any(ind.is_illustrative for ind in chosen),
            dashboard_url=dashboard_url(area, body=body, theme=theme, fixed_body=slug is not None),
        )
    return render(request, "performance/achievement.html", context)
