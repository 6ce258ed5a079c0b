"""Performance reports: list, start, edit, publish (freeze), amend, attach; HTML, Word, PDF."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from concord.governance.access import viewer_for
from concord.lib.access import Viewer, get_visible_or_404, require_editor
from concord.lib.locking import StaleEdit, save_form_or_refuse
from concord.meetings.models import AgendaItem
from concord.performance.areas import area_choices, choose_area
from concord.performance.forms import (
    AttachForm,
    ReportAmendmentForm,
    ReportCreateForm,
    ReportTextForm,
)
from concord.performance.models import (
    PerformanceReport,
    Period,
    ReportLine,
    ReportLocked,
)
from concord.performance.reports.amendments import amend_report
from concord.performance.reports.freezing import (
    ReportAlreadyPublished,
    freeze_report,
    report_amendments,
    report_lines,
)
from concord.performance.reports.layout import REPORT_COLUMNS, ReportLayout, report_layout
from concord.performance.reports.notes import save_draft_notes
from concord.performance.reports.pdf import report_pdf, report_pdf_filename
from concord.performance.reports.trends import report_trends
from concord.performance.reports.word import report_document, report_filename
from concord.performance.views.common import (
    DOCX,
)


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
    form = ReportCreateForm(request.POST or None, viewer=viewer, areas=area_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = data["area"] or choose_area()
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


def _layout_for(
    viewer: Viewer,
    report: PerformanceReport,
    item_visible: bool,
    lines: Sequence[ReportLine] | None = None,
) -> ReportLayout:
    """The report as this reader may see it, for the page, the Word and the PDF files."""
    if lines is None:
        lines = report_lines(report)
    return report_layout(
        report,
        lines,
        report_amendments(report),
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
    lines = report_lines(report)
    layout = _layout_for(viewer, report, _item_visible(viewer, report), lines)
    trends = report_trends(report, lines, viewer)
    response = HttpResponse(report_document(layout, trends), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(layout)}"'
    return response


def report_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as a PDF: the Word file's content, for whoever may read the report."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    lines = report_lines(report)
    layout = _layout_for(viewer, report, _item_visible(viewer, report), lines)
    trends = report_trends(report, lines, viewer)
    response = HttpResponse(report_pdf(layout, trends), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_pdf_filename(layout)}"'
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
def report_notes(request: HttpRequest, pk: int) -> HttpResponse:
    """Draft a note on each indicator of a draft report (exceptions first); the body's
    members read them with the draft, and publishing freezes them."""
    viewer = viewer_for(request)
    report = _report_or_404(viewer, pk)
    require_editor(viewer, report.body_id)
    if report.is_published:
        messages.error(
            request,
            "This report is published: its notes are frozen with its figures. "
            "Record a correction as an amendment.",
        )
        return redirect("performance:report_amend", report.pk)
    lines = report_lines(report)
    layout = report_layout(report, lines, show_item=True)
    opened = report.version
    if request.method == "POST":
        opened = _opened_version(request.POST.get("opened_version", ""), report.version)
        texts = {
            line.indicator_id: request.POST.get(f"commentary-{line.indicator_code}", "")
            for line in lines
            if line.indicator_id
        }
        try:
            changed = save_draft_notes(report, texts, opened_version=opened, user=request.user)
        except (StaleEdit, ReportLocked) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Draft notes saved ({changed} changed).")
            return redirect("performance:report", report.pk)
    return render(
        request,
        "performance/report_notes.html",
        {"report": report, "layout": layout, "opened_version": opened},
    )


def _opened_version(text: str, current: int) -> int:
    """The version a form was opened at; an absurd value is simply stale.

    >>> _opened_version("3", 5), _opened_version("x" * 99, 5)
    (3, 0)
    """
    return int(text) if text.isdigit() and len(text) <= 9 else 0


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
    lines = report_lines(report)
    if request.method == "POST":
        commentary = {
            line.indicator_code: " ".join(
                request.POST.get(f"commentary-{line.indicator_code}", "").split()
            )[:4000]
            for line in lines
        }
        try:
            freeze_report(report, request.user, commentary=commentary)
        except ReportAlreadyPublished as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Report published: its figures are now frozen.")
        return redirect("performance:report", report.pk)
    layout = report_layout(report, lines, show_item=True)
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
