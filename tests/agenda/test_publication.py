"""Publishing the agenda: before its date only the secretariat and the body's editors see
the agenda and papers of a meeting to come; from it, whoever may see the meeting; restricted
items keep their place and reason, never their title; papers sent after it are marked late."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from concord.lib import pagecache
from concord.meetings.models import Meeting, Paper
from tests.agenda.conftest import TODAY, at
from tests.factories import make_item

OUT_ON = TODAY + dt.timedelta(days=14)  # a week before the meeting three weeks ahead


@pytest.fixture
def agenda(world):
    m = world.next_meeting
    world.plan_item = make_item(meeting=m, number="1", position=1, title="Youth violence plan")
    world.cctv_item = make_item(
        meeting=m,
        number="2",
        position=2,
        title="Camera contract shortlist",
        visibility="restricted",
        restriction_reason="Commercial interests of bidders",
    )
    world.plan_paper = Paper.objects.create(
        item=world.plan_item, title="Plan draft v3", file=ContentFile(b"plan", name="plan.txt")
    )
    world.cctv_paper = Paper.objects.create(
        item=world.cctv_item, title="Bid scores", file=ContentFile(b"bids", name="bids.txt")
    )
    return world


def page(client, meeting: Meeting) -> str:
    response = client.get(reverse("portal:meeting", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_publication_date_is_a_week_before_unless_set(agenda) -> None:
    m = agenda.next_meeting
    assert m.agenda_out_on == OUT_ON
    m.agenda_published_on = TODAY
    assert m.agenda_out_on == TODAY


@pytest.mark.parametrize(
    "who, sees_before",
    [
        ("public", False),
        ("partner", False),
        ("board_member", False),
        ("board_adviser", False),
        ("editor", True),
        ("secretariat", True),
    ],
)
def test_before_the_date_only_editors_and_the_secretariat_see_it(
    agenda, as_user, who, sees_before
) -> None:
    user = None if who == "public" else getattr(agenda, who)
    client = as_user(user)
    html = page(client, agenda.next_meeting)
    assert ("Youth violence plan" in html) is sees_before
    paper_url = reverse("meetings:paper", args=[agenda.plan_paper.pk])
    assert client.get(paper_url).status_code == (200 if sees_before else 404)


@pytest.mark.parametrize(
    "who, sees_restricted",
    [
        ("public", False),
        ("partner", False),
        ("board_adviser", False),
        ("board_member", True),
        ("editor", True),
        ("secretariat", True),
    ],
)
def test_from_the_date_whoever_may_see_the_meeting_sees_it(
    agenda, as_user, who, sees_restricted
) -> None:
    user = None if who == "public" else getattr(agenda, who)
    with at(OUT_ON):
        client = as_user(user)
        html = page(client, agenda.next_meeting)
        assert "Youth violence plan" in html and "Plan draft v3" in html
        assert client.get(reverse("meetings:paper", args=[agenda.plan_paper.pk])).status_code == 200
        bids = client.get(reverse("meetings:paper", args=[agenda.cctv_paper.pk]))
    assert ("Camera contract shortlist" in html) is sees_restricted
    assert ("Bid scores" in html) is sees_restricted
    assert bids.status_code == (200 if sees_restricted else 404)
    if not sees_restricted and who != "board_member":
        # The restricted item keeps its number and reason, not its title.
        assert "Commercial interests of bidders" in html


def test_a_date_set_earlier_publishes_earlier(agenda, client) -> None:
    Meeting.objects.filter(pk=agenda.next_meeting.pk).update(agenda_published_on=TODAY)
    assert "Youth violence plan" in page(client, agenda.next_meeting)


def test_minute_text_and_decisions_never_go_out_with_the_agenda(agenda, client) -> None:
    agenda.plan_item.minute_text = "Prepared note for the chair"
    agenda.plan_item.save()
    with at(OUT_ON):
        html = page(client, agenda.next_meeting)
    assert "Youth violence plan" in html and "Prepared note for the chair" not in html


def test_a_members_only_bodys_agenda_stays_with_its_members(world, as_user) -> None:
    from tests.factories import make_meeting

    m = make_meeting(body=world.tasking, date=TODAY + dt.timedelta(days=2))
    make_item(meeting=m, title="Named offenders list")
    assert as_user(None).get(reverse("portal:meeting", args=[m.pk])).status_code == 404
    assert "Named offenders list" in page(as_user(world.tasking_member), m)


def test_papers_sent_after_the_date_are_marked_late(agenda, client) -> None:
    with at(OUT_ON + dt.timedelta(days=2)):
        Paper.objects.create(
            item=agenda.plan_item, title="Late annex", file=ContentFile(b"x", name="annex.txt")
        )
        html = page(client, agenda.next_meeting)
    assert html.count("Sent late") == 1
    late_line = html[html.index("Late annex") :][:200]
    assert "Sent late" in late_line


def test_the_anonymous_cache_sees_the_publication_date_pass(agenda, client) -> None:
    url = reverse("portal:meeting", args=[agenda.next_meeting.pk])
    first, second = client.get(url), client.get(url)
    assert second.headers[pagecache.HEADER] == "hit"
    assert b"Youth violence plan" not in second.content
    with at(OUT_ON):
        after = client.get(url)
    assert after.headers[pagecache.HEADER] == "miss"
    assert b"Youth violence plan" in after.content
    assert first.content == second.content


def test_held_meetings_keep_the_minutes_rule(agenda, client) -> None:
    # Draft minutes of a past meeting stay hidden from the public whatever the date.
    assert "Draft-only discussion" not in page(client, agenda.draft)
