"""Added value linked both ways: recorded from a decision or an action, and listed on the
meeting and action pages for viewers who may see it."""

from __future__ import annotations

from django.urls import reverse

from concord.registers.models import AddedValue


def test_an_editor_records_added_value_from_a_decision(world, as_user) -> None:
    client = as_user(world.editor)
    decision = world.public_item.decisions.first()
    meeting_page = client.get(reverse("portal:meeting", args=[world.meeting.pk])).content.decode()
    link = reverse("registers:create", args=["added-value"]) + f"?decision={decision.pk}"
    assert link in meeting_page
    form_page = client.get(link)
    assert "to adopt the community safety plan" in form_page.content.decode()
    response = client.post(
        link,
        {
            "category": "strategies",
            "date": "2025-03-04",
            "title": "Plan agreed by all partners",
            "body": world.board.pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    entry = AddedValue.objects.get(title="Plan agreed by all partners")
    assert (entry.decision, entry.meeting) == (decision, world.meeting)
    page = client.get(reverse("registers:detail", args=["added-value", entry.pk])).content.decode()
    assert "to adopt the community safety plan" in page
    public = as_user(None).get(reverse("portal:meeting", args=[world.meeting.pk]))
    assert "Plan agreed by all partners" in public.content.decode()


def test_the_meeting_page_lists_only_entries_the_viewer_may_see(world, as_user) -> None:
    AddedValue.objects.filter(pk=world.board_value.pk).update(meeting=world.meeting)
    url = reverse("portal:meeting", args=[world.meeting.pk])
    assert "Board-only joint training" in as_user(world.board_adviser).get(url).content.decode()
    public = as_user(None).get(url).content.decode()
    assert "Board-only joint training" not in public
    assert "Community safety plan adopted jointly" in public


def test_a_restricted_decision_is_not_shown_through_a_public_entry(world, as_user) -> None:
    secret = world.secret_item.decisions.first()
    AddedValue.objects.filter(pk=world.public_value.pk).update(decision=secret)
    url = reverse("registers:detail", args=["added-value", world.public_value.pk])
    public = as_user(None).get(url).content.decode()
    assert "Acme" not in public
    assert "Not shown (you may not see it)" in public
    assert "to award the CCTV contract to Acme" in as_user(world.editor).get(url).content.decode()


def test_added_value_from_an_action_is_listed_on_the_action(world, as_user) -> None:
    client = as_user(world.editor)
    link = reverse("registers:create", args=["added-value"]) + f"?action={world.public_action.pk}"
    assert (
        link
        in client.get(reverse("actions:detail", args=[world.public_action.pk])).content.decode()
    )
    client.post(
        link,
        {
            "category": "projects",
            "date": "2025-04-30",
            "title": "Plan published",
            "body": world.board.pk,
        },
    )
    entry = AddedValue.objects.get(title="Plan published")
    assert entry.action == world.public_action and entry.meeting == world.meeting
    page = as_user(world.board_member).get(reverse("actions:detail", args=[world.public_action.pk]))
    assert "Plan published" in page.content.decode()


def test_a_source_the_editor_may_not_see_is_a_404(world, as_user) -> None:
    hidden = world.private_meeting.pk
    url = reverse("registers:create", args=["added-value"]) + f"?meeting={hidden}"
    assert as_user(world.editor).get(url).status_code == 404
    assert as_user(world.editor).get(url.replace(str(hidden), "9" * 30)).status_code == 404
