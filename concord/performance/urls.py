"""Performance pages, mounted at ``/performance/``."""

from __future__ import annotations

from django.urls import path, re_path

from concord.performance.views import dashboards, groups, indicators, reports, tabular

app_name = "performance"
urlpatterns = [
    path("", dashboards.dashboard, name="dashboard"),
    path("bodies/<slug:slug>/", dashboards.dashboard, name="body_dashboard"),
    path("gaps/", dashboards.gaps, name="gaps"),
    path("bodies/<slug:slug>/gaps/", dashboards.gaps, name="body_gaps"),
    path("achievement/", dashboards.achievement, name="achievement"),
    path("bodies/<slug:slug>/achievement/", dashboards.achievement, name="body_achievement"),
    path("indicators/<int:pk>/", indicators.indicator, name="indicator"),
    path("indicators/<int:pk>/turn-the-curve/", indicators.turn_the_curve, name="turn_the_curve"),
    path(
        "indicators/<int:pk>/turn-the-curve/edit/",
        indicators.turn_the_curve_edit,
        name="turn_the_curve_edit",
    ),
    path(
        "indicators/<int:pk>/turn-the-curve/actions/new/",
        indicators.plan_action_create,
        name="plan_action_create",
    ),
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.report_create, name="report_create"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/report.docx", reports.report_docx, name="report_docx"),
    path("reports/<int:pk>/report.pdf", reports.report_pdf_view, name="report_pdf"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/notes/", reports.report_notes, name="report_notes"),
    path("reports/<int:pk>/publish/", reports.report_publish, name="report_publish"),
    path("reports/<int:pk>/amend/", reports.report_amend, name="report_amend"),
    path("reports/<int:pk>/attach/", reports.report_attach, name="report_attach"),
    path("groups/", groups.group_list, name="groups"),
    path("groups/new/", groups.dimension_create, name="dimension_create"),
    path("groups/<int:pk>/edit/", groups.dimension_edit, name="dimension_edit"),
    path("groups/<int:pk>/new/", groups.group_create, name="group_create"),
    path("groups/group/<int:pk>/edit/", groups.group_edit, name="group_edit"),
    path("import/", tabular.import_page, name="import"),
    path("import/<uuid:token>/", tabular.import_preview, name="import_preview"),
    path("import/<uuid:token>/confirm/", tabular.import_confirm, name="import_confirm"),
    re_path(
        r"^export/(?P<what>observations|targets)\.(?P<fmt>csv|xlsx)$",
        tabular.export,
        name="export",
    ),
]
