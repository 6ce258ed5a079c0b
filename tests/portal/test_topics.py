"""Topics: the secretariat names issues and sets them on decisions; anyone follows a topic
across meetings through the decisions they may read (its page, the register's filter)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.portal.models import Topic
from tests.factories import make_decision, make_item, make_meeting


@pytest.fixture
def cctv(world) -> Topic:
    """A topic on the public decision and on the restricted one."""
    topic = Topic.objects.create(
        name="Town centre CCTV", description="Cameras and their contracts."
    )
    public = world.public_item.decisions.get()
    secret = world.secret_item.decisions.get()
    topic.decisions.add(public, secret)
    return topic


def test_the_secretariat_names_a_topic_and_its_slug_is_made_from_the_name(world, as_user) -> None:
    client = as_user(world.secretariat)
    response = client.post(
        reverse("portal:topic_create"), {"name": "Night-time economy", "description": "Late bars."}
    )
    topic = Topic.objects.get()
    assert response.status_code == 302 and response["Location"] == "/topics/night-time-economy/"
    assert (topic.slug, topic.description) == ("night-time-economy", "Late bars.")
    assert topic.history.count() == 1


def test_a_second_topic_at_the_same_address_is_a_field_error(world, as_user) -> None:
    Topic.objects.create(name="Parks")
    page = as_user(world.secretariat).post(
        reverse("portal:topic_create"), {"name": "Parks and gardens", "slug": "PARKS"}
    )
    assert page.status_code == 200
    assert page.context["form"].errors == {"slug": ["Another topic is at /topics/parks/."]}


def test_a_stale_edit_of_a_topic_is_refused(world, as_user) -> None:
    topic = Topic.objects.create(name="Parks")
    client = as_user(world.secretariat)
    url = reverse("portal:topic_edit", args=["parks"])
    client.post(
        url, {"name": "Parks", "slug": "parks", "description": "First", "opened_version": 1}
    )
    page = client.post(
        url, {"name": "Parks", "slug": "parks", "description": "Second", "opened_version": 1}
    )
    assert "Someone else saved this topic" in page.content.decode()
    topic.refresh_from_db()
    assert topic.description == "First"


def test_setting_topics_applies_only_what_this_person_changed(world, as_user) -> None:
    parks, cctv, youth = (Topic.objects.create(name=n) for n in ("Parks", "CCTV", "Youth"))
    decision = world.public_item.decisions.get()
    parks.decisions.add(decision)
    client = as_user(world.secretariat)
    url = reverse("portal:decision_topics", args=[decision.pk])
    opened = client.get(url).context["form"]["opened"].value()
    assert opened == str(parks.pk)
    youth.decisions.add(decision)  # someone else, meanwhile
    # This person unticks Parks and ticks CCTV; they never saw Youth ticked.
    response = client.post(url, {"topics": [cctv.pk], "opened": opened})
    assert response.status_code == 302
    assert set(Topic.objects.filter(decisions=decision)) == {cctv, youth}
    assert parks.history.count() >= 2  # the change is in the topic's history


def test_an_altered_form_is_refused_not_a_500(world, as_user) -> None:
    decision = world.public_item.decisions.get()
    url = reverse("portal:decision_topics", args=[decision.pk])
    client = as_user(world.secretariat)
    for bad in ("1,x", "9" * 40, "-1"):
        page = client.post(url, {"opened": bad})
        assert page.status_code == 200 and "The form was altered" in page.content.decode()
    assert client.post(url, {"topics": ["99999999999999999999"], "opened": ""}).status_code == 200


def test_the_topic_page_shows_only_the_decisions_the_viewer_may_read(world, as_user, cctv) -> None:
    url = reverse("portal:topic", args=[cctv.slug])
    public = as_user(None).get(url).content.decode()
    assert "to adopt the community safety plan" in public
    assert "Acme" not in public
    member = as_user(world.board_member).get(url).content.decode()
    assert "to award the CCTV contract to Acme" in member


def test_the_topics_list_counts_only_what_the_viewer_may_read(world, as_user, cctv) -> None:
    assert "(1 decision)" in as_user(None).get(reverse("portal:topics")).content.decode()
    assert (
        "(2 decisions)" in as_user(world.secretariat).get(reverse("portal:topics")).content.decode()
    )


def test_the_register_filters_by_topic_and_links_each_decisions_topics(
    world, as_user, cctv
) -> None:
    other = make_decision(
        item=make_item(meeting=make_meeting(body=world.board, minutes_status="approved")),
        text="to resurface the car park",
    )
    page = as_user(None).get(reverse("portal:decisions"), {"topic": cctv.slug}).content.decode()
    assert "to adopt the community safety plan" in page
    assert other.text not in page and "Acme" not in page
    assert f'<a href="/topics/{cctv.slug}/">Town centre CCTV</a>' in page
    assert "Set topics" not in page
    office = as_user(world.secretariat).get(reverse("portal:decisions")).content.decode()
    assert "Set topics" in office


def test_the_feed_follows_a_topic(world, as_user, cctv) -> None:
    feed = as_user(None).get(reverse("portal:decisions_feed"), {"topic": cctv.slug})
    text = feed.content.decode()
    assert "community safety plan" in text and "Acme" not in text


def test_an_unknown_topic_finds_nothing_and_a_hidden_decision_cannot_be_tagged(
    world, as_user, cctv
) -> None:
    page = as_user(None).get(reverse("portal:decisions"), {"topic": "x" * 500})
    assert page.status_code == 200 and "No decisions match." in page.content.decode()
    assert as_user(None).get(reverse("portal:topic", args=["no-such"])).status_code == 404
    private = make_decision(item=world.private_action.item)
    response = as_user(world.editor).get(reverse("portal:decision_topics", args=[private.pk]))
    assert response.status_code == 403  # the secretariat's page
