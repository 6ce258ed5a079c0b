"""Performance pages: dashboards, indicators, turning the curve, board reports, import/export.

Thin views: access through :mod:`concord.lib.access`, figures through
:mod:`concord.performance.services`, words and charts through
:mod:`concord.performance.pages`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from concord.actions.services import create_action
from concord.governance.models import Body
from concord.lib.access import Viewer, get_visible_or_404, require_editor, viewer_for
from concord.lib.locking import save_form_or_refuse
from concord.meetings.models import AgendaItem
from concord.performance import io as perf_io
from concord.performance import pages, rules, services
from concord.performance.amendments import amend_report
from concord.performance.forms import (
    AttachForm,
    ImportForm,
    PlanActionForm,
    ReportAmendmentForm,
    ReportCreateForm,
    ReportTextForm,
    TurnTheCurveForm,
)
from concord.performance.models import (
    Indicator,
    Observation,
    PerformanceReport,
    Period,
    Target,
    TurnTheCurve,
)
from concord.performance.reports import (
    REPORT_COLUMNS,
    ReportLayout,
    report_document,
    report_filename,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_edit_indicator(viewer: Viewer, indicator: Indicator) -> bool:
    """The secretariat, and editors of the body that owns the indicator."""
    return viewer.is_secretariat or (
        indicator.body_id is not None and indicator.body_id in viewer.editor_body_ids
    )


def _indicator_or_404(viewer: Viewer, pk: int) -> Indicator:
    return get_visible_or_404(
        Indicator.objects.select_related("body", "dataset", "lead_officer"), viewer, pk=pk
    )


def _area_or_404(code: str | None):  # noqa: ANN202 - an Area
    area = pages.choose_area(code)
    if area is None:
        raise Http404("No areas have been set up yet.")
    return area


# -- dashboards -------------------------------------------------------------------------


def _chosen(request: HttpRequest, viewer: Viewer, slug: str | None) -> dict:
    """What the dashboard and the achievement trend are filtered by (body, theme,
    area) and the choices their filter forms offer."""
    return {
        "body": _chosen_body(request, viewer, slug),
        "fixed_body": slug is not None,
        "theme": request.GET.get("theme", "").strip()[:100],
        "themes": pages.themes_for(viewer),
        "bodies": pages.bodies_with_indicators(viewer),
        "area": pages.choose_area(request.GET.get("area")),
        "areas": pages.area_choices(),
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
    context = _chosen(request, viewer, slug)
    body, theme, area = context["body"], context["theme"], context["area"]
    status = request.GET.get("status", "")
    if status not in pages.RAG_LABELS:
        status = ""
    context.update(
        status=status,
        statuses=pages.STATUS_FILTERS,
        can_import=viewer.can_edit_any,
        wards=pages.ward_choices(area) if area is not None else [],
    )
    period, problem = pages.period_param(request.GET.get("period"))
    context["problems"] = [problem] if problem else []
    if area is not None:
        period = period or pages.latest_period(area)
        board = services.dashboard(
            viewer, area, period, body=body, theme=theme or None, public=not viewer.is_authenticated
        )
        rows = pages.dashboard_rows(board, status)
        context.update(
            period=period,
            board=board,
            rows=rows,
            groups=pages.group_by_theme(rows),
            summary=pages.summary_text(board.summary),
            by_body={
                k or "No owning body": pages.summary_text(v) for k, v in board.by_body.items()
            },
            illustrative=board.illustrative,
            achievement_url=pages.achievement_url(
                area, body=body, theme=theme, fixed_body=slug is not None
            ),
        )
    return render(request, "performance/dashboard.html", context, status=400 if problem else 200)


def achievement(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The trend of "% of indicators achieving target", financial year by financial
    year: overall (table and chart), by theme and by owning body."""
    viewer = viewer_for(request)
    context = _chosen(request, viewer, slug)
    body, theme, area = context["body"], context["theme"], context["area"]
    context.update(
        years=pages.achievement_years(request.GET.get("years")),
        method=pages.ACHIEVEMENT_METHOD,
    )
    if area is not None:
        last = pages.last_financial_year(area, request.GET.get("until"))
        chosen = services.reported_indicators(viewer, body, theme or None)
        summary = services.achievement_summary(
            viewer, area, years=context["years"], until=last, indicators=chosen
        )
        context.update(
            until=last,
            trend=pages.achievement_trend(summary, area),
            illustrative=any(ind.is_illustrative for ind in chosen),
            dashboard_url=pages.dashboard_url(
                area, body=body, theme=theme, fixed_body=slug is not None
            ),
        )
    return render(request, "performance/achievement.html", context)


# -- one indicator ------------------------------------------------------------------------


def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    """Definition, history chart with target, tolerance band and forecast, wards, story."""
    viewer = viewer_for(request)
    ind = _indicator_or_404(viewer, pk)
    area = _area_or_404(request.GET.get("area"))
    public = not viewer.is_authenticated
    series = services.indicator_series(ind, area, public=public)
    ttc = pages.turn_the_curve_for(ind, area)
    ahead = ttc.forecast_ahead if ttc else 4
    observed = {p.period: p.value for p in series}
    forecast = None
    if sum(1 for v in observed.values() if v is not None) >= 2:
        forecast = rules.forecast_periods(observed, ahead=ahead)
    chart = pages.indicator_chart(ind, area, series, forecast)
    status = None
    wards = None
    if series:
        latest = series[-1].period
        status = services.indicator_status(ind, area, latest, public=public)
        wards = pages.ward_view(ind, latest, area, public=public)
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": ind,
            "area": area,
            "areas": pages.area_choices(),
            "chart": chart,
            "status": status,
            "status_words": _status_words(status) if status else None,
            "wards": wards if wards and wards.rows else None,
            "ttc": ttc,
            "story": pages.latest_story(ind, viewer),
            "can_edit": can_edit_indicator(viewer, ind),
            "illustrative": ind.is_illustrative,
        },
    )


def _status_words(s: services.IndicatorStatus) -> dict[str, str]:
    ind = s.indicator
    value = s.ytd_value if s.ytd_value is not None else s.value
    words = {
        "period": s.period.label(),
        "value": pages.SUPPRESSED
        if s.withheld
        else (pages.figure(value, ind.unit, ind.decimals) or "No data"),
        "target": pages.target_text(s.target, ind.unit, ind.decimals) or "None set",
        "rag": s.rag.status.value,
        "rag_label": pages.RAG_LABELS[s.rag.status.value],
        "travel_label": pages.TRAVEL_LABELS[s.travel.against_previous.value],
        "travel_mean_label": pages.TRAVEL_LABELS[s.travel.against_mean.value],
        "significance_label": pages.SIGNIFICANCE_LABELS[s.significance.value],
        "comparator": s.comparator.name if s.comparator else "",
        "share": ""
        if s.share_of_gap_closed is None
        else f"{pages.charts.format_number(100 * s.share_of_gap_closed, 0)}%",
        "ytd": "Year to date" if s.ytd_value is not None else "",
    }
    if s.distance is not None and s.distance.on_track is not None:
        projected = pages.figure(s.distance.projected_value, ind.unit, ind.decimals)
        words["on_track"] = (
            f"{'On track' if s.distance.on_track else 'Not on track'}: the trend reaches "
            f"{projected} by the target period."
        )
    return words


# -- turning the curve --------------------------------------------------------------------


def turn_the_curve(request: HttpRequest, pk: int) -> HttpResponse:
    """The Outcome-Based Accountability report: baseline and forecast, story, partners,
    what works, and the action plan (tracker actions with their progress)."""
    viewer = viewer_for(request)
    ind = _indicator_or_404(viewer, pk)
    area = _area_or_404(request.GET.get("area"))
    ttc = pages.turn_the_curve_for(ind, area)
    context: dict = {
        "indicator": ind,
        "area": area,
        "ttc": ttc,
        "can_edit": can_edit_indicator(viewer, ind),
        "illustrative": ind.is_illustrative,
    }
    if ttc is not None:
        ttc.indicator = ind
        ttc.area = area
        data = services.turn_the_curve_data(ttc, viewer)
        context.update(
            chart=pages.indicator_chart(ind, area, data.series, data.forecast, chart_id="baseline"),
            plan=pages.plan_items(data.actions),
            partners=pages.lines_of(ttc.partners),
        )
    return render(request, "performance/turn_the_curve.html", context)


@login_required
def turn_the_curve_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    ind = _indicator_or_404(viewer, pk)
    if not can_edit_indicator(viewer, ind):
        raise PermissionDenied("Only the secretariat and the owning body's editors may edit this.")
    area = _area_or_404(request.GET.get("area"))
    ttc = pages.turn_the_curve_for(ind, area) or TurnTheCurve(
        indicator=ind, area=area, body=ind.body
    )
    form = TurnTheCurveForm(request.POST or None, instance=ttc)
    if request.method == "POST" and form.is_valid():
        form.instance.updated_at = timezone.now()
        if save_form_or_refuse(form):
            messages.success(request, "Turn-the-curve report saved.")
            return redirect(_ttc_url(ind, area))
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Turn the curve: {ind.code} {ind.title} in {area.name}",
            "cancel": _ttc_url(ind, area),
        },
    )


def _ttc_url(ind: Indicator, area) -> str:  # noqa: ANN001 - an Area
    return reverse("performance:turn_the_curve", args=[ind.pk]) + f"?area={area.code}"


@login_required
def plan_action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an action to the plan: a real tracker action owned by the indicator's body."""
    viewer = viewer_for(request)
    ind = _indicator_or_404(viewer, pk)
    if not can_edit_indicator(viewer, ind):
        raise PermissionDenied(
            "Only the secretariat and the owning body's editors may add actions."
        )
    area = _area_or_404(request.GET.get("area"))
    ttc = pages.turn_the_curve_for(ind, area)
    if ttc is None:
        messages.error(request, "Write the turn-the-curve report before adding its action plan.")
        return redirect(_ttc_url(ind, area))
    if ind.body is None:
        messages.error(
            request,
            "This indicator has no owning body, so its actions would have no one to chase "
            "them. Set the owning body in the register first.",
        )
        return redirect(_ttc_url(ind, area))
    form = PlanActionForm(request.POST or None, viewer=viewer, body=ind.body)
    if request.method == "POST" and form.is_valid():
        due = form.cleaned_data["due"]
        people = list(form.cleaned_data["owner_people"])
        with transaction.atomic():
            action = create_action(
                body=ind.body,
                description=form.cleaned_data["description"],
                owners=people,
                owner_bodies=() if people else (ind.body,),
                due_date=due[0] if due else None,
                due_precision=due[1] if due else "day",
            )
            ttc.actions.add(action)
        messages.success(request, "Action added to the plan and to the action tracker.")
        return redirect(_ttc_url(ind, area))
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Add an action to the plan for {ind.code} {ind.title}",
            "intro": f"The action is recorded in the action tracker for {ind.body.name}, "
            "so it appears under matters arising at its meetings.",
            "cancel": _ttc_url(ind, area),
        },
    )


# -- performance reports ------------------------------------------------------------------


def report_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    reports = (
        PerformanceReport.objects.visible_to(viewer)
        .select_related("body", "period", "agenda_item__meeting")
        .order_by("-period__start", "body__name", "-id")
    )
    return render(
        request,
        "performance/reports.html",
        {"reports": reports, "can_create": viewer.can_edit_any},
    )


@login_required
def report_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and body editors may start a report.")
    form = ReportCreateForm(request.POST or None, viewer=viewer, areas=pages.area_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = data["area"] or pages.choose_area()
        if area is None:
            form.add_error("area", "No areas have been set up yet.")
        else:
            period = Period.objects.for_code(data["period"])
            title = data["title"] or f"{data['body'].name}: performance report, {period.label}"
            report = PerformanceReport.objects.create(
                body=data["body"],
                area=area,
                period=period,
                title=title,
                created_by=request.user if request.user.is_authenticated else None,
            )
            messages.success(
                request, "Draft report created: the figures stay live until it is published."
            )
            return redirect("performance:report", report.pk)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": "Start a performance report",
            "cancel": reverse("performance:reports"),
        },
    )


def _report_or_404(viewer: Viewer, pk: int) -> PerformanceReport:
    return get_visible_or_404(
        PerformanceReport.objects.select_related(
            "body", "area", "period", "agenda_item__meeting", "published_by"
        ),
        viewer,
        pk=pk,
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as the board sees it: exceptions first; a published one frozen."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    item_visible = _item_visible(viewer, report)
    layout = _layout_for(viewer, report, item_visible)
    return render(
        request,
        "performance/report.html",
        {
            "report": report,
            "layout": layout,
            "columns": REPORT_COLUMNS,
            "can_edit": viewer.can_edit_body(report.body_id),
            "item_visible": item_visible,
        },
    )


def _layout_for(viewer: Viewer, report: PerformanceReport, item_visible: bool) -> ReportLayout:
    """The report as this reader may see it, for the page and the Word file alike."""
    return pages.report_layout(
        report,
        pages.report_lines(report),
        show_item=item_visible,
        public=not viewer.is_authenticated,
    )


def _item_visible(viewer: Viewer, report: PerformanceReport) -> bool:
    """May the viewer read the agenda item the report is attached to? (A restricted
    item's title must not leak through a public report.)"""
    return bool(
        report.agenda_item_id
        and AgendaItem.objects.visible_to(viewer).filter(pk=report.agenda_item_id).exists()
    )


def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    layout = _layout_for(viewer, report, _item_visible(viewer, report))
    response = HttpResponse(report_document(layout), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(layout)}"'
    return response


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    require_editor(viewer, report.body_id)
    if report.is_published:
        messages.error(
            request,
            "This report is published: its words are frozen with its figures. "
            "Record a correction as an amendment.",
        )
        return redirect("performance:report_amend", report.pk)
    form = ReportTextForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Report saved.")
        return redirect("performance:report", report.pk)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Edit {report.title}",
            "intro": "The words of the report; its figures are frozen when it is published.",
            "cancel": reverse("performance:report", args=[report.pk]),
        },
    )


@login_required
def report_amend(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a correction to a published report: who, when, why, shown on the report."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    require_editor(viewer, report.body_id)
    if not report.is_published:
        return redirect("performance:report_edit", report.pk)
    form = ReportAmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        amend_report(report, user=request.user, **form.cleaned_data)
        messages.success(request, "Amendment recorded; it is shown with the report.")
        return redirect("performance:report", report.pk)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Amend {report.title}",
            "intro": (
                "The report is published: what the board was shown stays as it was. "
                "A correction is added to it, with your name, the date and the reason."
            ),
            "cancel": reverse("performance:report", args=[report.pk]),
        },
    )


@login_required
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Freeze the report's figures and statuses, with a commentary line per indicator."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    require_editor(viewer, report.body_id)
    if report.is_published:
        messages.error(request, "This report is already published; its figures are frozen.")
        return redirect("performance:report", report.pk)
    lines = pages.report_lines(report)
    if request.method == "POST":
        commentary = {
            line.indicator_code: " ".join(
                request.POST.get(f"commentary-{line.indicator_code}", "").split()
            )[:4000]
            for line in lines
        }
        try:
            services.freeze_report(report, request.user, commentary=commentary)
        except services.ReportAlreadyPublished as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Report published: its figures are now frozen.")
        return redirect("performance:report", report.pk)
    layout = pages.report_layout(report, lines, show_item=True)
    return render(
        request,
        "performance/report_publish.html",
        {"report": report, "layout": layout, "columns": REPORT_COLUMNS},
    )


@login_required
def report_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the report to an agenda item of one of its body's meetings."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    require_editor(viewer, report.body_id)
    form = AttachForm(
        request.POST or None, body=report.body, initial={"item": report.agenda_item_id}
    )
    if request.method == "POST" and form.is_valid():
        report.agenda_item = form.cleaned_data["item"]
        report.save(update_fields=["agenda_item"])
        messages.success(
            request,
            "Report attached to the agenda item." if report.agenda_item else "Report detached.",
        )
        return redirect("performance:report", report.pk)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Attach {report.title} to an agenda item",
            "cancel": reverse("performance:report", args=[report.pk]),
        },
    )


# -- import and export -------------------------------------------------------------------


def _unauthorised_rows(viewer: Viewer, data: bytes, filename: str) -> list[perf_io.RowError]:
    """Rows naming an indicator this (non-secretariat) editor may not change."""
    rows = perf_io.read_table(data, filename)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    keys = [c.strip().lower() for c in header]
    if "indicator" not in keys:
        return []  # the importer itself reports the missing column
    col = keys.index("indicator")
    allowed = {
        code.lower()
        for code in Indicator.objects.filter(body_id__in=viewer.editor_body_ids).values_list(
            "code", flat=True
        )
    }
    errors = []
    for number, cells in rows:
        code = cells[col] if col < len(cells) else ""
        if code and code.lower() not in allowed:
            errors.append(
                perf_io.RowError(
                    number,
                    "indicator",
                    f"you may only import figures of your own bodies' indicators, not '{code}'",
                )
            )
            if len(errors) >= perf_io.MAX_REPORTED_ERRORS:
                break
    return errors


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload observations or targets; every problem is listed by row, nothing is
    imported unless every row is good."""
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and body editors may import figures.")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        name = upload.name or ""
        importer = (
            perf_io.import_observations
            if form.cleaned_data["kind"] == "observations"
            else perf_io.import_targets
        )
        try:
            if not viewer.is_secretariat:
                errors = _unauthorised_rows(viewer, data, name)
            if not errors:
                result = importer(data, user=request.user, filename=name)
        except (UnicodeDecodeError, ValueError) as exc:
            form.add_error("file", f"The file could not be read: {exc}")
        else:
            if result is not None:
                errors = list(result.errors)
                if result.ok:
                    messages.success(request, result.summary())
                    return redirect("performance:import")
    return render(
        request,
        "performance/import.html",
        {
            "form": form,
            "errors": errors,
            "error_count": result.error_count if result and errors else len(errors),
        },
    )


@login_required
def export(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    """Observations or targets the viewer may see, as CSV or Excel; ``?indicator=`` narrows."""
    viewer = viewer_for(request)
    ind = request.GET.get("indicator", "")
    only = {"indicator_id": int(ind)} if ind.isdigit() and len(ind) <= 15 else {}
    if what == "observations":
        content = perf_io.export_observations(
            Observation.objects.visible_to(viewer).filter(**only), fmt
        )
    else:
        content = perf_io.export_targets(Target.objects.visible_to(viewer).filter(**only), fmt)
    response = HttpResponse(
        content, content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{what}.{fmt}"'
    return response
