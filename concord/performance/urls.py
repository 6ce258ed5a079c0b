"""Performance pages, mounted at ``/performance/``."""

from __future__ import annotations

from django.urls import path, re_path

from concord.performance import views

app_name = "performance"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bodies/<slug:slug>/", views.dashboard, name="body_dashboard"),
    path("achievement/", views.achievement, name="achievement"),
    path("bodies/<slug:slug>/achievement/", views.achievement, name="body_achievement"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("indicators/<int:pk>/turn-the-curve/", views.turn_the_curve, name="turn_the_curve"),
    path(
        "indicators/<int:pk>/turn-the-curve/edit/",
        views.turn_the_curve_edit,
        name="turn_the_curve_edit",
    ),
    path(
        "indicators/<int:pk>/turn-the-curve/actions/new/",
        views.plan_action_create,
        name="plan_action_create",
    ),
    path("reports/", views.report_list, name="reports"),
    path("reports/new/", views.report_create, name="report_create"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/report.docx", views.report_docx, name="report_docx"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("reports/<int:pk>/amend/", views.report_amend, name="report_amend"),
    path("reports/<int:pk>/attach/", views.report_attach, name="report_attach"),
    path("import/", views.import_page, name="import"),
    re_path(
        r"^export/(?P<what>observations|targets)\.(?P<fmt>csv|xlsx)$",
        views.export,
        name="export",
    ),
]
