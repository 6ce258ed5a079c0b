from __future__ import annotations

from django.urls import path

from concord.registers import protocol_views, review_views, strategy_files, views
from concord.registers.annual import views as annual

app_name = "registers"
urlpatterns = [
    path("registers/", views.index, name="index"),
    path("consultations/", views.consultations, name="consultations"),
    path("registers/annual-report/", annual.index, name="annual_index"),
    path("registers/annual-report/<int:year>/", annual.report, name="annual_report"),
    path("registers/annual-report/<int:year>/report.pdf", annual.report_as_pdf, name="annual_pdf"),
    path(
        "registers/annual-report/<int:year>/report.docx", annual.report_as_word, name="annual_docx"
    ),
    path("registers/annual-report/<int:year>/edit/", annual.edit, name="annual_edit"),
    path(
        "registers/annual-report/<int:year>/case-studies/new/",
        annual.case_study_create,
        name="case_study_create",
    ),
    path(
        "registers/annual-report/case-studies/<int:pk>/edit/",
        annual.case_study_edit,
        name="case_study_edit",
    ),
    path("registers/risks/heat-map/", views.risk_heat_map, name="heat_map"),
    path("registers/funding/<int:pk>/step/", views.funding_step, name="funding_step"),
    path("registers/risks/<int:pk>/mitigate/", views.mitigate, name="mitigate"),
    path("registers/sharing/<int:pk>/parties/new/", views.party_create, name="party_create"),
    path("registers/sharing/parties/<int:pk>/edit/", views.party_edit, name="party_edit"),
    path("registers/protocols/<int:pk>/print/", protocol_views.protocol_print, name="protocol"),
    path(
        "registers/protocols/<int:pk>/protocol.pdf",
        protocol_views.protocol_as_pdf,
        name="protocol_pdf",
    ),
    path(
        "registers/protocols/<int:pk>/protocol.docx",
        protocol_views.protocol_as_word,
        name="protocol_docx",
    ),
    path(
        "registers/protocols/<int:pk>/signatories/new/",
        protocol_views.signatory_create,
        name="signatory_create",
    ),
    path(
        "registers/protocols/signatories/<int:pk>/edit/",
        protocol_views.signatory_edit,
        name="signatory_edit",
    ),
    path(
        "registers/recommendations/<int:pk>/update/",
        review_views.recommendation_update,
        name="recommendation_update",
    ),
    path(
        "registers/recommendations/progress-note/",
        review_views.progress_note_page,
        name="progress_note",
    ),
    path(
        "registers/recommendations/progress-note.docx",
        review_views.progress_note_page,
        {"fmt": "docx"},
        name="progress_note_docx",
    ),
    path(
        "registers/strategies/<int:pk>/documents/new/",
        strategy_files.file_create,
        name="strategy_file_create",
    ),
    path(
        "registers/strategies/documents/<int:pk>/",
        strategy_files.file_download,
        name="strategy_file",
    ),
    path("registers/strategies/<int:pk>/step/", review_views.strategy_step, name="strategy_step"),
    path(
        "registers/self-assessment/<int:pk>/answer/",
        review_views.assessment_answer,
        name="assessment_answer",
    ),
    path(
        "registers/self-assessment/<int:pk>/action/",
        review_views.assessment_action,
        name="assessment_action",
    ),
    path("registers/self-assessment/questions/", review_views.questions, name="questions"),
    path(
        "registers/self-assessment/questions/<int:pk>/edit/",
        review_views.question_edit,
        name="question_edit",
    ),
    path("registers/<slug:slug>/", views.listing, name="list"),
    path("registers/<slug:slug>/new/", views.create, name="create"),
    path("registers/<slug:slug>/import/", views.import_entries, name="import"),
    path("registers/<slug:slug>/export.<str:fmt>", views.export, name="export"),
    path("registers/<slug:slug>/<int:pk>/", views.detail, name="detail"),
    path("registers/<slug:slug>/<int:pk>/edit/", views.edit, name="edit"),
]
