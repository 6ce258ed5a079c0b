"""SQL queries of the work programme, agenda and pack pages do not grow with the data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.agenda.programme import carry_action
from concord.meetings.models import Meeting, Paper
from tests.agenda.conftest import TODAY
from tests.factories import make_action, make_item, make_person
from tests.querycounts import warm_up


def _grow(w, n: int) -> None:
    """n more of everything these pages show: entries with leads, items with papers
    (some restricted, some sent late), open actions with owners, carried ones."""
    for _ in range(n):
        lead = make_person()
        WorkProgrammeEntry.objects.create(
            body=w.board, kind=EntryKind.STANDING, title=f"Standing {lead.pk}", lead_person=lead
        )
        WorkProgrammeEntry.objects.create(
            body=w.board,
            title=f"Report {lead.pk}",
            meeting=w.next_meeting,
            lead_organisation=w.council,
            lead_person=lead,
            paper_due=TODAY + dt.timedelta(days=5),
        )
        item = make_item(meeting=w.next_meeting, title=f"Item {lead.pk}")
        hidden = make_item(meeting=w.next_meeting, visibility="restricted")
        for on in (item, hidden):
            Paper.objects.create(item=on, title="Paper", file=ContentFile(b"x", name="p.txt"))
        action = make_action(item=w.public_item, body=w.board, owners=(lead, w.chair))
        if lead.pk % 2:
            carry_action(action, w.next_meeting)


PAGES = {
    "work programme": lambda w: reverse("agenda:programme", args=[w.board.slug]),
    "agenda page": lambda w: reverse("agenda:draft", args=[w.next_meeting.pk]),
    "meeting ahead": lambda w: reverse("portal:meeting", args=[w.next_meeting.pk]),
    "agenda pack docx": lambda w: reverse("agenda:pack_docx", args=[w.next_meeting.pk]),
    "agenda pack pdf": lambda w: reverse("agenda:pack_pdf", args=[w.next_meeting.pk]),
}
WHO = ["secretariat", "board_member", "public"]


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


# The agenda page is the editors' (refused to others: tests/project/test_access_matrix.py).
CASES = [(page, who) for page in PAGES for who in WHO if page != "agenda page" or who == WHO[0]]


@pytest.mark.parametrize(("page", "who"), CASES)
def test_queries_per_page_do_not_grow_with_the_data(world, as_user, page, who) -> None:
    Meeting.objects.filter(pk=world.next_meeting.pk).update(agenda_published_on=TODAY)
    client = as_user(None if who == "public" else getattr(world, who))
    if who != "public":
        warm_up(client)
    _grow(world, 2)
    small = _count(client, PAGES[page](world))
    _grow(world, 8)
    large = _count(client, PAGES[page](world))
    assert large == small, f"{page} for {who}: {small} queries with little data, {large} with more"
