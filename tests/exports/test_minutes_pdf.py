"""Minutes as PDF (issue 12): the Word minutes' content in the house style, and the same
visibility: drafts, restricted items and members-only bodies never reach someone who may
not see them (checked with a sentinel read back with ``pdftotext``)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.urls import reverse

from concord.exports.minutes_pdf import minutes_pdf
from concord.governance.access import build_viewer
from concord.lib.access import PUBLIC
from tests.factories import make_action, make_decision, make_item

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed (pdftotext)"
)

SENTINEL = "Zebracorn7"


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text, in reading order, with runs of white space made single spaces."""
    assert content.startswith(b"%PDF-")
    path = tmp_path / "minutes.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.replace("•", " ").split())  # list bullets aside


def download(client, meeting, tmp_path) -> str:
    response = client.get(reverse("exports:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('-minutes.pdf"')
    return pdf_text(response.content, tmp_path)


@pytest.fixture
def sentinel(world):
    """A restricted item on the board's approved meeting with the sentinel everywhere."""
    item = make_item(
        meeting=world.meeting,
        number="9",
        title=f"{SENTINEL} title",
        minute_text=f"{SENTINEL} minute",
        visibility="restricted",
    )
    make_decision(item=item, text=f"{SENTINEL} decision")
    make_action(item=item, body=world.board, description=f"{SENTINEL} action")
    return item


def test_the_minutes_print_with_letterhead_attendance_items_and_actions(client, world, tmp_path):
    text = download(client, world.meeting, tmp_path)
    assert "Safer Riverton Board — 4 March 2025" in text
    assert "Time: 10:00–12:00" in text and "Venue: Council House, Room 2" in text
    assert "Present Cllr Ann Lee (Chair), Riverton City Council" in text
    assert "Apologies Chief Supt Carol Hart" in text
    assert "1. Community safety plan" in text and "Presented by Cllr Ann Lee" in text
    assert "The board discussed the plan. It welcomed the progress." in text
    assert "Agreed: to adopt the community safety plan" in text
    assert "Publish the community safety plan Cllr Ann Lee April 2025" in text
    assert "Actions from this meeting" in text
    assert "Page 1 of" in text  # the house style's page numbers
    assert "DRAFT" not in text


@pytest.mark.parametrize("persona", [None, "partner", "board_adviser"])
def test_a_restricted_item_never_reaches_someone_who_may_not_see_it(
    client, world, sentinel, tmp_path, persona
):
    if persona:
        client.force_login(getattr(world, persona))
    text = download(client, world.meeting, tmp_path)
    assert "Community safety plan" in text
    assert SENTINEL not in text and "Acme" not in text


@pytest.mark.parametrize("persona", ["secretariat", "board_member"])
def test_those_who_may_read_it_get_the_restricted_item_marked(
    client, world, sentinel, tmp_path, persona
):
    client.force_login(getattr(world, persona))
    text = download(client, world.meeting, tmp_path)
    for part in ("title", "minute", "decision", "action"):
        assert f"{SENTINEL} {part}" in text
    assert "Not for publication (Restricted): Commercially sensitive" in text


def test_the_function_filters_items_itself(world, sentinel, tmp_path):
    assert SENTINEL not in pdf_text(minutes_pdf(world.meeting, PUBLIC), tmp_path)
    secretariat = build_viewer(world.secretariat)
    assert SENTINEL in pdf_text(minutes_pdf(world.meeting, secretariat), tmp_path)


def test_draft_minutes_are_404_outside_and_marked_draft_inside(client, world, tmp_path):
    url = reverse("exports:minutes_pdf", args=[world.draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.partner)
    assert client.get(url).status_code == 404
    client.force_login(world.board_member)
    text = download(client, world.draft, tmp_path)
    assert "DRAFT — subject to approval" in text and "Draft-only discussion" in text


def test_members_only_minutes_are_404_outside_the_body(client, world, tmp_path):
    url = reverse("exports:minutes_pdf", args=[world.private_meeting.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.tasking_member)
    assert "Prolific offenders" in download(client, world.private_meeting, tmp_path)
    assert client.get(reverse("exports:minutes_pdf", args=[99999])).status_code == 404


def test_text_is_escaped_and_fetches_nothing(client, world, tmp_path):
    hostile = '<img src="file:///etc/passwd"><b>bold</b>'
    make_item(meeting=world.meeting, number="8", title="Hostile", minute_text=hostile)
    text = download(client, world.meeting, tmp_path)
    assert '<img src="file:///etc/passwd"><b>bold</b>' in text  # shown as text, not markup


def test_the_meeting_page_links_both_downloads(client, world):
    html = client.get(reverse("portal:meeting", args=[world.meeting.pk])).content.decode()
    assert reverse("exports:minutes_pdf", args=[world.meeting.pk]) in html
    assert reverse("exports:minutes_docx", args=[world.meeting.pk]) in html
