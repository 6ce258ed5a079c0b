"""A published report's words are frozen with its figures; corrections are amendments that
say who, when and why, shown on the report (issue 11, hole 7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.performance.models import PerformanceReport, ReportAmendment, ReportLocked
from concord.performance.reports.amendments import NotPublished, amend_report
from tests.performance.pages_world import build_perf_world
from tests.performance.test_pages_reports import docx_text, publish, text_of


@pytest.fixture
def w(db):
    w = build_perf_world()
    w.draft_report.introduction = "Fitting alarms went well."
    w.draft_report.save()
    return w


@pytest.fixture
def published(client, w):
    client.force_login(w.editor)
    assert publish(client, w.draft_report).status_code == 302
    return PerformanceReport.objects.get(pk=w.draft_report.pk)


def test_a_draft_report_keeps_its_edit_page(client, w):
    client.force_login(w.editor)
    url = reverse("performance:report_edit", args=[w.draft_report.pk])
    response = client.post(url, {"title": "New title", "introduction": "", "recommendations": ""})
    assert response.status_code == 302
    assert PerformanceReport.objects.get(pk=w.draft_report.pk).title == "New title"


def test_the_words_of_a_published_report_can_no_longer_be_edited(client, w, published):
    url = reverse("performance:report_edit", args=[published.pk])
    response = client.post(
        url, {"title": "Rewritten", "introduction": "Rewritten", "recommendations": "None"}
    )
    assert response.status_code == 302
    assert response.url == reverse("performance:report_amend", args=[published.pk])
    published.refresh_from_db()
    assert published.title != "Rewritten"
    assert published.introduction == "Fitting alarms went well."
    page = client.get(reverse("performance:report", args=[published.pk])).content.decode()
    assert "Edit the words" not in page and "Record a correction" in page


def test_the_model_itself_refuses_to_change_a_published_reports_words(published):
    published.recommendations = "Changed behind the board's back"
    with pytest.raises(ReportLocked):
        published.save()
    published.refresh_from_db()
    published.agenda_item = None
    published.save()  # anything else (attaching it to an item) still saves


def test_a_correction_is_recorded_with_who_when_and_why_and_shown_on_the_report(
    client, w, published
):
    url = reverse("performance:report_amend", args=[published.pk])
    response = client.post(url, {"part": "introduction", "correction": "", "reason": ""})
    html = response.content.decode()
    assert "The correction: Write the correction." in html
    assert "Why: Say why the correction is needed." in html
    response = client.post(
        url,
        {
            "part": "introduction",
            "correction": "Fitting alarms went <b>badly</b> in Q3.",
            "reason": "The draft used the figure of 2023.",
        },
    )
    assert response.status_code == 302
    amendment = ReportAmendment.objects.get()
    assert (amendment.made_by, amendment.part) == (w.editor, "introduction")
    assert amendment.history.count() == 1
    page = client.get(reverse("performance:report", args=[published.pk]))
    text = text_of(page)
    assert "Amendments" in text and "Introduction" in text
    assert "by board-editor" in text
    assert "Why: The draft used the figure of 2023." in text
    assert "&lt;b&gt;badly&lt;/b&gt;" in page.content.decode()
    assert "Fitting alarms went well." in text  # the published words stay as shown
    word = docx_text(client.get(reverse("performance:report_docx", args=[published.pk])).content)
    assert "Amendments" in word
    assert "by board-editor: Fitting alarms went <b>badly</b> in Q3. Why: The draft" in word


def test_only_the_bodys_editors_may_amend_and_drafts_are_not_amended(client, w, published):
    client.force_login(w.partner)
    url = reverse("performance:report_amend", args=[published.pk])
    response = client.post(url, {"part": "title", "correction": "x", "reason": "y"})
    assert response.status_code == 403
    assert not ReportAmendment.objects.exists()
    with pytest.raises(NotPublished):
        amend_report(w.private_report, part="title", correction="x", reason="y")
