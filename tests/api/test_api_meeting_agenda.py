"""A meeting to come through the API: its agenda and papers from the publication date, as
on its page; restricted items keep their number and reason, never title or papers; nothing
minuted goes out with the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from concord.meetings.models import Meeting, Paper
from tests.agenda.conftest import at
from tests.factories import make_decision, make_item, make_meeting

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def ahead(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with at(TODAY):
        m = make_meeting(body=world.board, date=TODAY + dt.timedelta(days=21))
        plan = make_item(
            meeting=m, number="1", position=1, title="Youth plan", minute_text="SECRET MINUTE"
        )
        make_decision(item=plan, text="SECRET DECISION")
        cctv = make_item(
            meeting=m,
            number="2",
            position=2,
            title="Camera contract shortlist",
            visibility="restricted",
            restriction_reason="Commercial interests of bidders",
        )
        Paper.objects.create(item=plan, title="Plan annex", file=ContentFile(b"x", name="a.pdf"))
        Paper.objects.create(item=cctv, title="Bid scores", file=ContentFile(b"x", name="b.pdf"))
        world.ahead = m
        yield world


def get(client, meeting) -> dict:
    response = client.get(f"/api/meetings/{meeting.pk}")
    assert response.status_code == 200
    return response.json()


def test_before_the_publication_date_no_agenda_goes_out(ahead, client) -> None:
    with at(TODAY):
        data = get(client, ahead.ahead)
    assert data["agenda_visible"] is False and data["agenda"] == []
    assert data["agenda_out_on"] == "2026-03-16"
    assert "Youth plan" not in str(data)


def test_from_the_publication_date_the_public_gets_the_agenda_and_public_papers(
    ahead, client
) -> None:
    Meeting.objects.filter(pk=ahead.ahead.pk).update(agenda_published_on=TODAY)
    with at(TODAY):
        data = get(client, ahead.ahead)
    assert data["agenda_visible"] is True and data["minutes_visible"] is False
    first, second = data["agenda"]
    assert first["title"] == "Youth plan"
    assert [p["title"] for p in first["papers"]] == ["Plan annex"]
    annex = Paper.objects.get(title="Plan annex")
    assert first["papers"][0] == {
        "id": annex.pk,
        "title": "Plan annex",
        "url": f"/papers/{annex.pk}/",
        "sent_late": False,
    }
    assert second == {
        "number": "2",
        "item_id": None,
        "title": None,
        "presenter": None,
        "withheld_reason": "Commercial interests of bidders",
        "papers": [],
    }
    text = str(data)
    assert "Bid scores" not in text and "Camera contract" not in text
    assert "SECRET MINUTE" not in text and "SECRET DECISION" not in text


def test_a_voting_member_gets_the_restricted_item_and_its_paper(ahead, client) -> None:
    Meeting.objects.filter(pk=ahead.ahead.pk).update(agenda_published_on=TODAY)
    client.force_login(ahead.board_member)
    with at(TODAY):
        data = get(client, ahead.ahead)
    titles = [line["title"] for line in data["agenda"]]
    assert titles == ["Youth plan", "Camera contract shortlist"]
    assert [p["title"] for p in data["agenda"][1]["papers"]] == ["Bid scores"]
    assert data["items"] == []  # nothing minuted before the meeting


def test_a_held_meeting_has_no_agenda_block(world, client) -> None:
    data = get(client, world.meeting)
    assert data["agenda_visible"] is False and data["agenda_out_on"] is None
    assert data["items"]
