"""The review screen's evidence: marked text beside the form, unsure fields flagged."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.imports.models import Document
from concord.imports.services import import_paths
from tests.factories import make_secretariat_user
from tests.imports.minutes import FIRST
from tests.imports.staging import review_data
from tests.querycounts import warm_up

pytestmark = pytest.mark.django_db

# FIRST, with an action for someone who was not at the meeting.
ABSENT_OWNER = [*FIRST[:-2], "Action: Gwen Hollis to book the hall by 30/04/25.", *FIRST[-2:]]


@pytest.fixture
def secretariat(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def _review(client, document):
    return client.get(reverse("imports:review", args=[document.pk])).content.decode()


def _mark(page: str, mark_id: str) -> str:
    """The text inside ``<mark id=mark_id>``, without its hidden label."""
    m = re.search(
        rf'<mark id="{mark_id}"[^>]*>(?:<span class="visually-hidden">[^<]*</span>)?(.*?)</mark>',
        page,
    )
    assert m, f"no mark {mark_id}"
    return m.group(1)


def test_the_importer_keeps_each_fields_evidence_as_offsets_into_the_text(write):
    import_paths([write(FIRST, "m.docx")])
    document = Document.objects.get()
    date = document.evidence["date"]
    assert document.text[date["start"] : date["end"]] == "4th February 2025"
    action = document.evidence["actions"][0]
    assert document.text[action["owners"][0]["start"] : action["owners"][0]["end"]] == "Mira Okafor"
    assert document.text[action["due"]["start"] : action["due"]["end"]] == "31/03/25"
    assert len(document.evidence["items"]) == len(document.record["items"])


def test_the_review_marks_where_each_field_was_read_and_links_the_field_to_it(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    page = _review(secretariat, Document.objects.get())
    assert _mark(page, "ev-date") == "4th February 2025"
    assert _mark(page, "ev-start_time") == "2.00 pm"
    assert _mark(page, "ev-att-1-name") == "Mira Okafor"
    assert _mark(page, "ev-items-1-title") == "Night-time Economy"
    assert _mark(page, "ev-act-0-due") == "31/03/25"
    assert 'title="Action 1: due"' in page  # the mark says what it is for
    assert '<a class="ev-link" href="#ev-act-0-due">Show in text' in page
    assert "No fields to check." in page


def test_an_action_whose_owner_was_not_at_the_meeting_is_flagged(secretariat, write):
    import_paths([write(ABSENT_OWNER, "m.txt")])
    document = Document.objects.get()
    page = _review(secretariat, document)
    n = [a["description"] for a in document.record["actions"]].index("Book the hall")
    assert (
        f'id="id_act-{n}-owners_check"><strong>Check:</strong> Gwen Hollis is not in the attendance'
        in page
    )
    assert f'aria-describedby="id_act-{n}-owners_check"' in page
    assert 'class="ev ev-unsure"' in page and _mark(page, f"ev-act-{n}-owners") == "Gwen Hollis"
    flagged = page.count('<p class="ev-check"')
    assert flagged >= 1
    assert f"{flagged} field{'s' if flagged > 1 else ''} to check" in page


def test_checks_are_made_again_on_the_corrected_draft(secretariat, write):
    import_paths([write(ABSENT_OWNER, "m.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    n = [a["description"] for a in document.record["actions"]].index("Book the hall")
    data = review_data(secretariat.get(url).context["forms"])
    data["att-5-name"] = "Gwen Hollis"  # she was there after all: added on review
    assert secretariat.post(url, data).status_code == 302
    page = _review(secretariat, document)
    assert "Gwen Hollis is not in the attendance" not in page
    assert _mark(page, f"ev-act-{n}-owners") == "Gwen Hollis"  # the evidence stays
    assert 'id="ev-att-5-name"' not in page  # a name typed on review has none


def test_document_text_is_escaped_in_the_evidence_panel(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    hostile = "<script>alert('x')</script>"
    document.text = f"{hostile} Board <img src=x onerror=alert(1)>"
    document.record["body"] = hostile
    document.evidence = {"body": {"start": 0, "end": len(hostile), "confidence": 1.0, "reason": ""}}
    document.draft = None
    document.save()
    page = _review(secretariat, document)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert _mark(page, "ev-body") == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    assert " Board &lt;img src=x onerror=alert(1)&gt;</pre>" in page


def test_evidence_that_does_not_fit_the_text_is_ignored(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    document.evidence["date"] = {"start": 10**9, "end": 10**9 + 5, "confidence": 1.0}
    document.evidence["venue"] = "nonsense"
    document.save()
    page = _review(secretariat, document)
    assert 'id="ev-date"' not in page and 'id="ev-venue"' not in page
    assert _mark(page, "ev-body") == "Larkspur Community Safety Board"


def test_add_a_row_shows_one_more_blank_row_and_saves_nothing(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    data = review_data(secretariat.get(url).context["forms"])
    data["venue"] = "Typed, not saved"
    rows = int(data["items-TOTAL_FORMS"])
    response = secretariat.post(url, {**data, "add_row": "items"})
    assert response.status_code == 200
    assert response.context["forms"].items.total_form_count() == rows + 1
    assert f'name="items-{rows}-title"' in response.content.decode()
    assert 'value="Typed, not saved"' in response.content.decode()  # what was typed is kept
    document.refresh_from_db()
    assert document.draft is None and document.version == 1
    # Unknown lists are ignored; the form is shown as posted.
    response = secretariat.post(url, {**data, "add_row": "nope"})
    assert response.context["forms"].items.total_form_count() == rows


def _minutes_with_actions(count: int) -> list:
    spec = list(FIRST[:10])
    spec.append("2. Actions")
    for n in range(count):
        spec.append(f"Action: Mira Okafor to visit site {n + 1} by 31/03/25.")
    return spec


def test_the_review_page_takes_as_many_queries_with_3_or_30_marked_actions(secretariat, write):
    import_paths([write(_minutes_with_actions(3), "a.txt")])
    import_paths([write(_minutes_with_actions(30), "b.txt")])
    small, large = Document.objects.get(filename="a.txt"), Document.objects.get(filename="b.txt")
    assert len(large.evidence["actions"]) == 30
    counts = []
    for document in (small, large):
        warm_up(secretariat, reverse("imports:review", args=[document.pk]))
        with CaptureQueriesContext(connection) as queries:
            page = _review(secretariat, document)
        counts.append(len(queries.captured_queries))
        assert _mark(page, "ev-act-2-description") == "visit site 3"
    assert counts[0] == counts[1]
