"""The tracker's filters stay cheap as the partnership grows: name searches instead of
drop-downs, and indexes the queries can use."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.urls import reverse

from concord.actions.filters import TrackerFilters
from concord.actions.models import Action, ActionOwner
from concord.lib.access import Viewer
from tests.factories import (
    make_action,
    make_body,
    make_membership,
    make_organisation,
    make_person,
)

SECRETARIAT = Viewer(user_id=1, is_secretariat=True)


def _ids(**filters) -> set[int]:
    return {a.pk for a in Action.objects.for_tracker(SECRETARIAT, TrackerFilters(**filters))}


def test_the_organisation_filter_is_a_name_search_not_a_list_of_every_organisation(
    world,
    as_user,
) -> None:
    for n in range(30):
        make_organisation(name=f"Unrelated Trust {n}")
    html = as_user(world.secretariat).get(reverse("actions:tracker")).content.decode()
    assert 'name="organisation_name"' in html
    assert "Unrelated Trust" not in html


def test_organisations_are_found_by_name_or_short_name_through_owners_and_seats(db) -> None:
    fire = make_organisation(name="Wealdshire Fire and Rescue", short_name="WFRS")
    college = make_organisation(name="Wealdshire College")
    employee = make_person(organisation=fire)
    seconded = make_person(organisation=college)
    make_membership(person=seconded, organisation=fire)  # sits on a body for the fire service
    outsider = make_person(organisation=college)
    by_employee = make_action(owners=(employee,))
    by_seat = make_action(owners=(seconded,))
    both = make_action(owners=(employee, seconded))
    other = make_action(owners=(outsider,))
    wanted = {by_employee.pk, by_seat.pk, both.pk}
    assert _ids(organisation_name="fire and") == wanted
    assert _ids(organisation_name="wfrs") == wanted
    assert _ids(organisation=fire.pk) == wanted
    assert _ids(organisation_name="college") == {by_seat.pk, both.pk, other.pk}
    assert _ids(organisation_name="no such partner") == set()


def test_an_action_with_two_matching_owners_is_listed_once(db) -> None:
    fire = make_organisation(name="Fenmoor Fire Service")
    a, b = make_person(name="Hattie Gale", organisation=fire), make_person(name="Hal Gale")
    make_membership(person=b, organisation=fire)
    action = make_action(owners=(a, b))
    for filters in ({"organisation_name": "fenmoor"}, {"owner_name": "gale"}):
        rows = list(Action.objects.for_tracker(SECRETARIAT, TrackerFilters(**filters)))
        assert [r.pk for r in rows] == [action.pk], filters


def test_filters_combine(db) -> None:
    fire = make_organisation(name="Eastmere Fire")
    person = make_person(name="Nell Quarry", organisation=fire)
    body = make_body()
    here = make_action(body=body, owners=(person,), due_date=dt.date(2020, 1, 1))
    make_action(owners=(person,), due_date=dt.date(2020, 1, 1))  # other body
    make_action(body=body, owners=(person,), status="done")
    make_action(body=body, owners=(make_person(),), due_date=dt.date(2020, 1, 1))
    found = _ids(
        body=body.pk,
        owner=person.pk,
        owner_name="quarry",
        organisation_name="eastmere",
        overdue=True,
        today=dt.date(2025, 1, 1),
    )
    assert found == {here.pk}


def test_a_chosen_organisation_shows_as_a_ticked_box(world, as_user) -> None:
    url = reverse("actions:tracker") + f"?organisation={world.council.pk}"
    html = as_user(world.secretariat).get(url).content.decode()
    assert f'name="organisation" value="{world.council.pk}" checked' in html
    assert "Owned by people of Riverton City Council" in html


def test_the_tracker_names_a_chosen_owner_only_if_the_viewer_may_know_them(world, as_user) -> None:
    from concord.meetings.models import Attendance

    hidden = make_person(name="Ottoline Vance")
    Attendance.objects.create(meeting=world.private_meeting, person=hidden)
    url = reverse("actions:tracker") + f"?owner={hidden.pk}"
    assert "Ottoline Vance" not in as_user(world.stranger).get(url).content.decode()
    assert "Ottoline Vance" in as_user(world.secretariat).get(url).content.decode()


def _index_names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def test_the_tracker_indexes_exist(db) -> None:
    assert "action_outstanding_due" in _index_names(Action._meta.db_table)
    owner_indexes = _index_names(ActionOwner._meta.db_table)
    assert {"actionowner_body_owners", "actionowner_all_members"} <= owner_indexes


def test_owned_actions_are_found_by_index_not_by_reading_every_owner(db) -> None:
    person = make_person()
    body = make_body()
    make_membership(person=person, body=body)
    # Mostly person owners, as in real minutes: the body column is nearly all NULL,
    # which (with fresh statistics) once made SQLite read every owner row.
    people = [make_person() for _ in range(5)]
    for n in range(60):
        make_action(owners=(people[n % 5],))
    ActionOwner.objects.create(action=make_action(), body=body)
    ActionOwner.objects.create(action=make_action(body=body), all_members=True)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        else:
            # Tables this small are read whole anyway; ask whether an index could serve.
            cursor.execute("ANALYZE actions_actionowner")
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Action.objects.owned_by(person, SECRETARIAT).explain()
    assert len(list(Action.objects.owned_by(person, SECRETARIAT))) == 2
    if connection.vendor == "sqlite":
        # SQLite says SCAN for a table (or index) read in full, SEARCH for a look-up;
        # U0 is the owner table in each of the three look-ups. Reading the whole
        # "all members" partial index is fine: it holds only those rare rows.
        full_reads = [
            line
            for line in plan.splitlines()
            if "SCAN U0" in line and "USING INDEX actionowner_all_members" not in line
        ]
        assert "SEARCH U0" in plan and not full_reads, plan
    else:
        assert "Seq Scan on actions_actionowner" not in plan, plan


def test_long_lists_of_matching_people_give_the_same_actions(db, monkeypatch) -> None:
    fire = make_organisation(name="Norbeck Fire")
    crew = [make_person(name=f"Crew Member {n}", organisation=fire) for n in range(3)]
    wanted = {make_action(owners=(person,)).pk for person in crew}
    make_action(owners=(make_person(name="Someone Else"),))
    listed = (_ids(organisation_name="norbeck"), _ids(owner_name="crew member"))
    monkeypatch.setattr("concord.actions.models.LISTED_PEOPLE", 2)  # fewer than match
    nested = (_ids(organisation_name="norbeck"), _ids(owner_name="crew member"))
    assert listed == nested == (wanted, wanted)
