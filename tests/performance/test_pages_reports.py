"""Performance reports for a board meeting: draft with live figures, published and frozen,
exceptions first, as HTML and Word, attached to an agenda item."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from concord.meetings.models import MinutesStatus
from concord.performance.models import Observation, PerformanceReport
from tests.factories import make_item, make_meeting
from tests.performance.pages_world import build_perf_world


@pytest.fixture
def w(db):
    return build_perf_world()


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def docx_text(content: bytes) -> str:
    """Paragraphs and table rows in document order."""
    document = Document(io.BytesIO(content))
    parts = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            parts.append(Paragraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            for row in Table(block, document).rows:
                parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def publish(client, report, **commentary):
    data = {f"commentary-{code.replace('_', ' ')}": text for code, text in commentary.items()}
    return client.post(reverse("performance:report_publish", args=[report.pk]), data)


def test_a_draft_shows_live_figures_exceptions_first_to_its_editors(client, w):
    client.force_login(w.editor)
    response = client.get(reverse("performance:report", args=[w.draft_report.pk]))
    assert response.status_code == 200
    text = text_of(response)
    assert "Draft: the figures are live" in text
    exceptions = text.index("Exceptions, red and worsening first")
    others = text.index("All other indicators", exceptions)
    # HS 2 is red and worsening; HS 3 is awaiting data; HS 1 is red but not worsening
    assert (
        exceptions
        < text.index("HS 2 Households")
        < text.index("HS 1 Repeat")
        < text.index("HS 3 Hate")
        < others
    )
    assert "OT 1" not in text  # another body's indicator
    assert "Illustrative figures" in text


def test_drafts_are_hidden_from_everyone_but_the_body_and_the_secretariat(client, w):
    url = reverse("performance:report", args=[w.draft_report.pk])
    assert client.get(url).status_code == 404
    client.force_login(w.partner)
    assert client.get(url).status_code == 404
    client.force_login(w.board_member)  # the body reads its draft (issue 16)
    assert client.get(url).status_code == 200
    client.force_login(w.secretariat)
    assert client.get(url).status_code == 200


def test_publishing_freezes_the_figures_so_a_revision_does_not_rewrite_the_report(client, w):
    client.force_login(w.editor)
    response = publish(client, w.draft_report, HS_2="Alarm fitting paused <b>for</b> a quarter.")
    assert response.status_code == 302
    report = PerformanceReport.objects.get(pk=w.draft_report.pk)
    assert report.is_published and report.published_by == w.editor
    before = text_of(client.get(reverse("performance:report", args=[report.pk])))
    assert "73%" in before
    assert "Alarm fitting paused <b>for</b> a quarter." not in before  # escaped, not markup
    assert "Alarm fitting paused &lt;b&gt;for&lt;/b&gt; a quarter." in before
    # the data are revised after publication
    Observation.objects.filter(indicator=w.coverage, period__code="2024-Q4").update(value=95.0)
    after = text_of(client.get(reverse("performance:report", args=[report.pk])))
    assert "73%" in after and "95%" not in after
    assert "frozen as published" in after
    # and the public can now read it
    client.logout()
    assert client.get(reverse("performance:report", args=[report.pk])).status_code == 200


def test_a_report_is_published_once(client, w):
    client.force_login(w.editor)
    publish(client, w.draft_report)
    response = publish(client, w.draft_report)
    assert response.status_code == 302
    assert w.draft_report.lines.count() == 4 - 1  # HS 1, HS 2, HS 3 (OT 1 is another body's)


def test_the_word_report_matches_the_page(client, w):
    client.force_login(w.editor)
    publish(client, w.draft_report, HS_1="Two estates drive the rate.")
    response = client.get(reverse("performance:report_docx", args=[w.draft_report.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="safer-riverton-board-performance-q4-2024.docx"'
    )
    text = docx_text(response.content)
    assert "Board performance Q4 2024" in text
    assert text.index("Exceptions") < text.index("HS 2 Households") < text.index("All other")
    assert "HS 2 Households with working smoke alarms | Q4 2024 | 73% | 90% | Red" in text
    assert "HS 1 Repeat incidents per 1,000 homes: Two estates drive the rate." in text
    assert "ILLUSTRATIVE DATA" in text
    assert "Recommendations" in text


def test_recommendations_are_edited_on_their_field(client, w):
    client.force_login(w.editor)
    url = reverse("performance:report_edit", args=[w.draft_report.pk])
    response = client.post(url, {"title": "  ", "recommendations": "Note it."})
    assert "Title: Give the report a title." in response.content.decode()
    client.post(
        url, {"title": "Q4 report", "recommendations": "Note the report.\r\nAsk for a plan."}
    )
    w.draft_report.refresh_from_db()
    assert w.draft_report.recommendations == "Note the report.\nAsk for a plan."
    assert w.draft_report.history.count() == 2


def test_a_report_is_attached_to_an_agenda_item_of_its_body(client, w):
    meeting = make_meeting(body=w.board, minutes_status=MinutesStatus.APPROVED)
    item = make_item(meeting=meeting, number="5", title="Performance")
    other_body_item = make_item(meeting=w.private_meeting, number="9", title="Elsewhere")
    client.force_login(w.editor)
    url = reverse("performance:report_attach", args=[w.draft_report.pk])
    form_html = client.get(url).content.decode()
    assert "5. Performance" in form_html and "Elsewhere" not in form_html
    response = client.post(url, {"item": other_body_item.pk})
    assert "Select a valid choice" in response.content.decode()
    client.post(url, {"item": item.pk})
    w.draft_report.refresh_from_db()
    assert w.draft_report.agenda_item == item
    text = text_of(client.get(reverse("performance:report", args=[w.draft_report.pk])))
    assert "For item 5 (Performance) of the meeting of 4 March 2025." in text
    # the meeting page links back to the report
    meeting_html = client.get(reverse("portal:meeting", args=[meeting.pk])).content.decode()
    assert reverse("performance:report", args=[w.draft_report.pk]) in meeting_html


def test_a_restricted_items_title_does_not_leak_through_a_public_report(client, w):
    client.force_login(w.editor)
    client.post(
        reverse("performance:report_attach", args=[w.draft_report.pk]), {"item": w.secret_item.pk}
    )
    publish(client, w.draft_report)
    client.logout()
    text = text_of(client.get(reverse("performance:report", args=[w.draft_report.pk])))
    assert w.secret_item.title not in text
    docx = docx_text(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert w.secret_item.title not in docx


def test_starting_a_report_offers_only_the_editors_bodies_and_checks_the_period(client, w):
    client.force_login(w.editor)
    url = reverse("performance:report_create")
    html = client.get(url).content.decode()
    assert w.board.name in html and w.tasking.name not in html
    response = client.post(url, {"body": w.board.pk, "period": "2024-Q7"})
    assert "Period: Enter a period such as 2024-06" in response.content.decode()
    response = client.post(url, {"body": w.tasking.pk, "period": "2024-Q3"})
    assert "Body: Select a valid choice" in response.content.decode()
    response = client.post(url, {"body": w.board.pk, "period": "2024/25"})
    report = PerformanceReport.objects.get(period__code="2024/25")
    assert response.status_code == 302 and report.area == w.la
    assert report.title == "Safer Riverton Board: performance report, 2024/25"


def test_the_report_list_shows_what_the_viewer_may_read(client, w):
    assert (
        "Board performance Q4 2024"
        not in client.get(reverse("performance:reports")).content.decode()
    )
    client.force_login(w.tasking_editor)
    html = client.get(reverse("performance:reports")).content.decode()
    assert "Tasking performance Q4 2024" in html and "Board performance Q4 2024" not in html
