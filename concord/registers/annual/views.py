"""The annual report's pages: the year chooser, the report (HTML, PDF, Word) and the
secretariat's editing of its introduction and case studies.

The public reads a year's report only once the secretariat has published it, and then
only public data (every section reads what its reader may see); signed-in readers see
any year, drafts included, with what they may see.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from concord.governance.access import viewer_for
from concord.lib.access import require_secretariat
from concord.lib.locking import save_form_or_refuse
from concord.registers.annual.forms import CaseStudyForm, IntroductionForm
from concord.registers.annual.pdf import report_pdf
from concord.registers.annual.sections import report_sections
from concord.registers.annual.word import report_document
from concord.registers.annual.year import ReportYear, default_year, parse_year
from concord.registers.models import AnnualReport, CaseStudy, year_label
from concord.registers.models.annual import FIRST_YEAR, LAST_YEAR

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _year(request: HttpRequest, year: int) -> ReportYear:
    """The year's report for this reader; 404 for the public until it is published."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such year.")
    viewer = viewer_for(request)
    report = AnnualReport.objects.filter(year=year).first()
    if not viewer.is_authenticated and not (report and report.published):
        raise Http404("This year's report is not published.")
    return ReportYear(year, viewer, report, timezone.localdate())


def index(request: HttpRequest) -> HttpResponse:
    """Choose a year (``?year=2009/10``); the reports begun so far (the public: published)."""
    viewer = viewer_for(request)
    typed = request.GET.get("year")
    problem = ""
    if typed is not None:
        year = parse_year(typed)
        if year is not None:
            return redirect("registers:annual_report", year)
        problem = "Year: give a financial year from 1990/91 to 2200/01, such as 2009/10."
    reports = AnnualReport.objects.all()
    if not viewer.is_authenticated:
        reports = reports.filter(published=True)
    latest = default_year()
    years = [(y, year_label(y)) for y in range(latest + 1, latest - 10, -1)]
    return render(
        request,
        "registers/annual/index.html",
        {"reports": reports, "years": years, "chosen": latest, "problem": problem},
        status=400 if problem else 200,
    )


def report(request: HttpRequest, year: int) -> HttpResponse:
    y = _year(request, year)
    return render(
        request,
        "registers/annual/report.html",
        {
            "y": y,
            "sections": report_sections(y),
            "partnership": settings.CONCORD_PARTNERSHIP_NAME,
            "may_edit": y.viewer.is_secretariat,
        },
    )


def report_as_pdf(request: HttpRequest, year: int) -> HttpResponse:
    y = _year(request, year)
    data = report_pdf(y, report_sections(y), settings.CONCORD_PARTNERSHIP_NAME)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="annual-report-{year}.pdf"'
    return response


def report_as_word(request: HttpRequest, year: int) -> HttpResponse:
    y = _year(request, year)
    data = report_document(y, report_sections(y), settings.CONCORD_PARTNERSHIP_NAME)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="annual-report-{year}.docx"'
    return response


@login_required
def edit(request: HttpRequest, year: int) -> HttpResponse:
    """The introduction and whether the report is published (secretariat)."""
    y = _year(request, year)
    require_secretariat(y.viewer)
    instance = y.report or AnnualReport(year=year)
    form = IntroductionForm(_posted(request), instance=instance)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, f"Annual report {y.label} saved.")
        return redirect("registers:annual_report", year)
    return render(
        request,
        "registers/annual/form.html",
        {"form": form, "y": y, "title": f"Edit the annual report {y.label}"},
        status=400 if form.errors else 200,
    )


def _case_study_page(
    request: HttpRequest, report: AnnualReport, study: CaseStudy | None
) -> HttpResponse:
    y = _year(request, report.year)
    require_secretariat(y.viewer)
    form = CaseStudyForm(_posted(request), instance=study or CaseStudy(report=report))
    if request.method == "POST" and form.is_valid() and report.pk is None:
        report.save()  # the first case study begins the year's report
    if form.is_bound and not form.errors and save_form_or_refuse(form):
        messages.success(request, "Case study saved.")
        return redirect("registers:annual_report", report.year)
    verb = "Edit a" if study else "Add a"
    return render(
        request,
        "registers/annual/form.html",
        {"form": form, "y": y, "title": f"{verb} case study: annual report {y.label}"},
        status=400 if form.errors else 200,
    )


@login_required
def case_study_create(request: HttpRequest, year: int) -> HttpResponse:
    require_secretariat(viewer_for(request))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such year.")
    report = AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)
    return _case_study_page(request, report, None)


@login_required
def case_study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(viewer_for(request))
    study = get_object_or_404(CaseStudy.objects.select_related("report"), pk=pk)
    return _case_study_page(request, study.report, study)
