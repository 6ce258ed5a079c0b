"""What a record becomes: body, meeting, attendance, items, decisions, actions."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.actions.models import Action
from concord.imports.models import Document, MergeProposal
from concord.meetings.models import Meeting
from concord.people.models import Person, PersonAlias
from tests.factories import make_body, make_meeting, make_organisation, make_person
from tests.imports.minutes import FIRST
from tests.imports.staging import import_confirmed

pytestmark = pytest.mark.django_db


def test_a_record_becomes_a_draft_meeting_with_everything_in_it(write):
    import_confirmed([write(FIRST, "m.docx")])
    meeting = Meeting.objects.select_related("body").get()
    assert (meeting.start_time, meeting.end_time) == (dt.time(14), dt.time(16))
    assert meeting.venue == "Larkspur Civic Centre, Room 3"
    assert meeting.body.kind == "board"
    rows = {a.person.name: a for a in meeting.attendances.select_related("person", "organisation")}
    assert set(rows) == {"Wren Aldous", "Mira Okafor", "Tobias Quint", "Petra Vance",
                         "Jonas Fairweather"}  # fmt: skip
    assert rows["Wren Aldous"].role == "chair"
    assert rows["Wren Aldous"].person.honorific == "Cllr"
    assert rows["Jonas Fairweather"].status == "apologies"
    assert rows["Mira Okafor"].organisation.name == "Larkspur Police"
    items = list(meeting.items.order_by("position"))
    assert [(i.number, i.title) for i in items] == [
        ("1", "Minutes of the Last Meeting"),
        ("2", "Night-time Economy"),
        ("3", "Youth Diversion"),
        ("4", "Date of Next Meeting"),
    ]
    assert "night-time economy report" in items[1].minute_text
    assert "Youth Diversion" not in items[1].minute_text
    assert [d.text for d in items[1].decisions.all()] == ["The Board approved the new patrol plan."]
    assert items[1].decisions.get().kind == "approved"
    assert items[2].decisions.get().kind == "agreed"
    patrol = Action.objects.get(description__startswith="Circulate")
    assert patrol.item == items[1] and patrol.created_on == dt.date(2025, 2, 4)
    assert patrol.due_date == dt.date(2025, 3, 31) and patrol.due_precision == "day"
    assert [o.person.name for o in patrol.owners.all()] == ["Mira Okafor"]
    assert Action.objects.get(description__startswith="Report").item == items[2]


def test_exact_and_alias_matches_link_to_the_register_without_proposals(write):
    council = make_organisation(name="Larkspur Borough Council", short_name="LBC")
    wren = make_person(name="Wren Aldous", honorific="Cllr")
    mira = make_person(name="Amira Okafor")
    PersonAlias.objects.create(person=mira, name="Mira Okafor")
    import_confirmed([write(FIRST, "m.txt")])
    meeting = Meeting.objects.get()
    assert meeting.attendances.get(person=wren).organisation == council
    assert meeting.attendances.filter(person=mira).exists()
    assert not Person.objects.filter(name="Mira Okafor").exists()
    assert MergeProposal.objects.count() == 0
    assert Person.objects.filter(name="Wren Aldous").count() == 1


def test_the_body_given_on_the_command_line_wins_and_existing_bodies_are_reused(write):
    body = make_body(name="LARKSPUR safety board")
    import_confirmed([write(FIRST, "m.txt")], body="Larkspur Safety Board")
    assert Meeting.objects.get().body == body


def test_an_empty_scheduled_meeting_is_filled_in_but_a_recorded_one_is_never_overwritten(write):
    body = make_body(name="Larkspur Community Safety Board")
    scheduled = make_meeting(body=body, date=dt.date(2025, 2, 4))
    import_confirmed([write(FIRST, "m.txt")])
    scheduled.refresh_from_db()
    assert scheduled.status == "held" and scheduled.items.count() == 4
    assert Document.objects.get().meeting == scheduled

    other = make_body(name="Heron Forum")
    recorded = make_meeting(body=other, date=dt.date(2025, 2, 4))
    recorded.items.create(number="1", title="Typed by hand")
    import_confirmed([write(FIRST, "again.html")], body="Heron Forum")
    document = Document.objects.get(filename="again.html")
    assert document.status == "duplicate" and document.meeting == recorded
    assert not document.owns_meeting
    assert list(recorded.items.values_list("title", flat=True)) == ["Typed by hand"]
