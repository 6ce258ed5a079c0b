"""Minutes as Word: laid out like partnership minutes, and only what the reader may see."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from concord.exports.minutes_docx import minutes_document
from concord.governance.access import build_viewer
from concord.lib.access import PUBLIC

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_text(content: bytes) -> str:
    """All the text of a document: paragraphs, table cells and page headers."""
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def download(client, meeting) -> str:
    response = client.get(reverse("exports:minutes_docx", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return docx_text(response.content)


def test_the_minutes_open_in_word_with_title_time_and_venue(client, world):
    text = download(client, world.meeting)
    assert "Safer Riverton Board — 4 March 2025" in text
    assert "Time: 10:00–12:00" in text
    assert "Venue: Council House, Room 2" in text
    assert "DRAFT" not in text


def test_the_attendance_lists_mark_the_chair_deputies_and_apologies(client, world):
    text = download(client, world.meeting)
    assert "Present\nCllr Ann Lee (Chair), Riverton City Council\n" in text
    assert "Insp Bob Stone, Riverton Police, deputising for Chief Supt Carol Hart" in text
    assert "Apologies\nChief Supt Carol Hart" in text
    assert "In attendance\nDee Guest" in text


def test_contact_details_never_appear(client, world):
    client.force_login(world.secretariat)
    text = download(client, world.meeting)
    assert "ann.lee@example.org" not in text
    assert "01234 567890" not in text


def test_items_carry_their_minutes_decisions_and_actions(client, world):
    text = download(client, world.meeting)
    assert "1. Community safety plan" in text
    assert "Presented by Cllr Ann Lee" in text
    assert "The board discussed the plan.\nIt welcomed the progress." in text
    assert "Agreed: to adopt the community safety plan" in text
    assert "Action | Who | By when" in text
    assert "Publish the community safety plan | Cllr Ann Lee | April 2025" in text
    assert "Actions from this meeting" in text
    assert "1 | Publish the community safety plan | Cllr Ann Lee | April 2025" in text


@pytest.mark.parametrize("persona", [None, "partner", "board_adviser"])
def test_a_restricted_item_never_reaches_someone_who_may_not_see_it(client, world, persona):
    if persona:
        client.force_login(getattr(world, persona))
    text = download(client, world.meeting)
    assert "Community safety plan" in text
    assert "Contract award for CCTV" not in text
    assert "Acme" not in text


@pytest.mark.parametrize("persona", ["secretariat", "board_member"])
def test_the_secretariat_and_voting_members_get_the_restricted_item(client, world, persona):
    client.force_login(getattr(world, persona))
    text = download(client, world.meeting)
    assert "2. Contract award for CCTV" in text
    assert "Not for publication (Restricted): Commercially sensitive" in text
    assert "Preferred bidder is Acme Cameras." in text
    assert "Agreed: to award the CCTV contract to Acme" in text
    assert "Notify Acme Cameras | Insp Bob Stone" in text


def test_minutes_document_filters_items_itself(world):
    assert "Acme" not in docx_text(minutes_document(world.meeting, PUBLIC))
    secretariat = build_viewer(world.secretariat)
    assert "Acme" in docx_text(minutes_document(world.meeting, secretariat))


def test_draft_minutes_are_404_for_anonymous_and_a_partner_outside_the_body(client, world):
    url = reverse("exports:minutes_docx", args=[world.draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.partner)
    assert client.get(url).status_code == 404


def test_draft_minutes_reach_members_marked_draft(client, world):
    client.force_login(world.board_member)
    text = download(client, world.draft)
    assert "DRAFT — subject to approval" in text
    assert "Draft-only discussion" in text


def test_minutes_of_a_members_only_body_are_404_outside_it(client, world):
    url = reverse("exports:minutes_docx", args=[world.private_meeting.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.tasking_member)
    assert "Prolific offenders" in download(client, world.private_meeting)


def test_missing_minutes_are_404(client, world):
    assert client.get(reverse("exports:minutes_docx", args=[99999])).status_code == 404
