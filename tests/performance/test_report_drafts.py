"""Draft commentary on a performance report: the story behind the figures, the
recommendations and a note on each indicator are drafted before publication, read by
the report's body (members and editors), changed only by its editors, and frozen when
the report is published (a correction is an amendment)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.lib.locking import StaleEdit
from concord.performance.models import ReportLocked, ReportNote
from concord.performance.reports.freezing import freeze_report
from concord.performance.reports.notes import save_draft_notes
from tests.performance.pages_world import build_perf_world
from tests.performance.test_pages_reports import docx_text, text_of


@pytest.fixture
def w(db):
    return build_perf_world()


def notes_url(w):
    return reverse("performance:report_notes", args=[w.draft_report.pk])


def draft_notes(client, w, version: int, **notes):
    data = {f"commentary-{code.replace('_', ' ')}": text for code, text in notes.items()}
    return client.post(notes_url(w), {"opened_version": str(version), **data})


def test_an_editor_drafts_notes_that_the_body_s_members_read_with_the_draft(client, w):
    client.force_login(w.editor)
    page = client.get(notes_url(w)).content.decode()
    assert 'name="commentary-HS 1"' in page and "Exceptions" in page
    response = draft_notes(client, w, 1, HS_1="Repeat incidents fell after the <b>visits</b>.")
    assert response.status_code == 302
    note = ReportNote.objects.get(report=w.draft_report, indicator=w.rate)
    assert note.updated_by == w.editor and note.history.count() == 1
    for reader in (w.board_member, w.board_adviser):
        client.force_login(reader)
        html = client.get(reverse("performance:report", args=[w.draft_report.pk]))
        assert html.status_code == 200
        assert "Repeat incidents fell after the &lt;b&gt;visits&lt;/b&gt;." in html.content.decode()
        assert "Draft" in text_of(html)
    # Not to other bodies' members, partners or the public.
    for outsider in (w.tasking_member, w.partner):
        client.force_login(outsider)
        assert (
            client.get(reverse("performance:report", args=[w.draft_report.pk])).status_code == 404
        )


def test_members_read_but_may_not_draft(client, w):
    client.force_login(w.board_member)
    assert client.get(notes_url(w)).status_code == 403
    assert draft_notes(client, w, 1, HS_1="Mine").status_code == 403
    edit = reverse("performance:report_edit", args=[w.draft_report.pk])
    assert client.post(edit, {"title": "Taken over", "opened_version": "1"}).status_code == 403
    assert not ReportNote.objects.exists()


def test_the_story_and_recommendations_are_drafted_with_the_report_s_words(client, w):
    client.force_login(w.editor)
    edit = reverse("performance:report_edit", args=[w.draft_report.pk])
    response = client.post(
        edit,
        {
            "title": "Board performance Q4 2024",
            "introduction": "",
            "story": "Fewer repeat incidents since the visits began.",
            "recommendations": "Note the report.",
            "opened_version": "1",
        },
    )
    assert response.status_code == 302
    client.force_login(w.board_member)
    report = reverse("performance:report", args=[w.draft_report.pk])
    page = text_of(client.get(report))
    assert "The story behind the figures Fewer repeat incidents since the visits began." in page
    assert "Note the report." in page
    word = docx_text(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert "The story behind the figures\nFewer repeat incidents since the visits began." in word


def test_a_stale_draft_is_refused_and_keeps_the_other_editor_s_words(client, w):
    client.force_login(w.editor)
    assert draft_notes(client, w, 1, HS_1="First editor's note").status_code == 302
    response = draft_notes(client, w, 1, HS_1="Second editor's note, opened earlier")
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert ReportNote.objects.get().text == "First editor's note"
    # An absurd version is simply stale, never a 500.
    assert draft_notes(client, w, 10**12, HS_1="x").status_code == 200


def test_publishing_freezes_the_drafts_and_then_locks_them(client, w):
    client.force_login(w.editor)
    draft_notes(client, w, 1, HS_1="Falling since the visits.")
    publish_page = client.get(reverse("performance:report_publish", args=[w.draft_report.pk]))
    assert "Falling since the visits.</textarea>" in publish_page.content.decode()
    report = freeze_report(w.draft_report, w.editor)  # no commentary given: the drafts
    line = report.lines.get(indicator=w.rate)
    assert line.commentary == "Falling since the visits."
    # Locked: the notes page sends to amendments, the model and the service refuse.
    response = client.get(notes_url(w))
    assert response.status_code == 302
    assert response.url == reverse("performance:report_amend", args=[report.pk])
    note = ReportNote.objects.get()
    note.text = "Rewritten after the meeting"
    with pytest.raises(ReportLocked):
        note.save()
    with pytest.raises(ReportLocked):
        save_draft_notes(report, {w.rate.pk: "Later"}, opened_version=report.version)
    report.story = "A new story"
    with pytest.raises(ReportLocked):
        report.save()
    # A correction is an amendment, shown with the report.
    amend = reverse("performance:report_amend", args=[report.pk])
    response = client.post(
        amend, {"part": "story", "correction": "The visits began in May.", "reason": "Date wrong."}
    )
    assert response.status_code == 302
    page = text_of(client.get(reverse("performance:report", args=[report.pk])))
    assert "Story behind the figures" in page and "The visits began in May." in page


def test_the_service_refuses_a_stale_version(w):
    save_draft_notes(w.draft_report, {w.rate.pk: "One"}, opened_version=1, user=w.editor)
    with pytest.raises(StaleEdit):
        save_draft_notes(w.draft_report, {w.rate.pk: "Two"}, opened_version=1, user=w.editor)
