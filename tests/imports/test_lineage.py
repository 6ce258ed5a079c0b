"""Actions restated in later minutes continue the open action instead of duplicating it."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.actions.models import Action, ActionUpdate
from concord.imports.lineage import continues
from concord.meetings.models import Meeting
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import import_confirmed

pytestmark = pytest.mark.django_db


def test_a_restated_action_is_noted_on_the_original_not_duplicated(write):
    import_confirmed([write(FIRST, "feb.docx")])
    import_confirmed([write(SECOND, "may.pdf")])
    may = Meeting.objects.get(date=dt.date(2025, 5, 6))
    patrol = Action.objects.filter(description__icontains="patrol plan")
    assert patrol.count() == 1
    original = patrol.get()
    assert original.created_on == dt.date(2025, 2, 4)
    update = ActionUpdate.objects.get(action=original)
    assert update.meeting == may and update.date == may.date
    assert "to all partners" in update.note and "(due 30 Jun 2025)" in update.note
    assert update.status_after == "open"
    # The new action of the later meeting is an action of its own.
    figures = Action.objects.get(description__icontains="ward figures")
    assert figures.item.meeting == may
    assert Action.objects.count() == 3


def test_imported_out_of_order_the_earlier_meeting_does_not_continue_a_later_action(write):
    import_confirmed([write(SECOND, "may.txt")])
    import_confirmed([write(FIRST, "feb.txt")])
    # Actions set later are not candidates for an earlier meeting (see docs/import.md).
    assert Action.objects.filter(description__icontains="patrol plan").count() == 2
    assert not ActionUpdate.objects.exists()


def test_an_action_of_another_body_is_never_continued(write):
    import_confirmed([write(FIRST, "feb.txt")])
    import_confirmed([write(SECOND, "may.txt")], body="Heron Youth Forum")
    assert Action.objects.filter(description__icontains="patrol plan").count() == 2


def test_a_done_action_is_not_continued(write):
    import_confirmed([write(FIRST, "feb.txt")])
    Action.objects.filter(description__icontains="patrol plan").update(status="done")
    import_confirmed([write(SECOND, "may.txt")])
    assert Action.objects.filter(description__icontains="patrol plan").count() == 2


@pytest.mark.parametrize(
    ("new", "new_owners", "old", "old_owners", "linked"),
    [
        ("Book the venue for the summit", {"ann lee"}, "Book venue for summit", {"ann lee"}, True),
        ("Book the venue for the summit", {"bo ray"}, "Book the venue for the summit", set(), True),
        ("Book the venue for the summit", {"bo ray"}, "Book the venue for the summit.", {"ann lee"},
         True),  # nearly identical wording: linked whoever owns it
        ("Book the venue", {"ann lee"}, "Book the venue for the summit and invite the press",
         {"ann lee"}, False),  # a short phrase does not continue a long one
        ("Write to the minister", {"ann lee"}, "Book the venue for the summit", {"ann lee"}, False),
    ],
)  # fmt: skip
def test_the_continuation_rule(new, new_owners, old, old_owners, linked):
    assert (continues(new, new_owners, old, old_owners) is not None) is linked
