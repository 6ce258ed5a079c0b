"""The register's forms (concord/governance/forms.py) and pages: what they save and refuse.

Each refusal is an error on the field it is about, shown beside that field on
the page, and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from concord.governance.forms import BodyForm, MembershipForm, PersonForm
from concord.governance.models import Body, Membership
from concord.people.models import Person
from tests.factories import make_body, make_membership, make_person, make_secretariat_user

LOOP = "A body cannot report to itself or to a group below it."
ENDS_BEFORE = "A membership cannot end before it starts."

pytestmark = pytest.mark.django_db


def aliases_of(person: Person) -> set[str]:
    return set(person.aliases.values_list("name", flat=True))


def person_data(person: Person | None = None, **changes: str) -> dict[str, str]:
    data = {"honorific": "", "name": "Ram Smith", "organisation": "", "email": "", "phone": ""}
    if person is not None:
        data.update(honorific=person.honorific, name=person.name, opened_version=person.version)
    data.update(changes)
    return data


def body_data(body: Body, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": body.name,
        "kind": body.kind,
        "reports_to": body.reports_to_id or "",
        "visibility": body.visibility,
        "description": body.description,
        "opened_version": body.version,
    }
    data.update(changes)
    return data


def membership_data(person: Person, body: Body, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {"person": person.pk, "body": body.pk, "role": "member"}
    data.update(changes)
    return data


# --- people: aliases ------------------------------------------------------------------


def test_aliases_are_saved_tidied_and_without_repeats() -> None:
    form = PersonForm(person_data(aliases=" R.  Smith , Cllr Smith,R. Smith,, "))
    assert form.is_valid(), form.errors
    person = form.save()
    assert sorted(person.aliases.values_list("name", flat=True)) == ["Cllr Smith", "R. Smith"]
    assert set(Person.objects.search("Cllr Smith")) == {person}


def test_editing_aliases_removes_dropped_ones_and_keeps_the_rest() -> None:
    person = PersonForm(person_data(aliases="R. Smith, Cllr Smith")).save()
    kept = person.aliases.get(name="R. Smith")
    form = PersonForm(person_data(person, aliases="R. Smith, Ramesh Smith"), instance=person)
    assert form.fields["aliases"].initial in {"R. Smith, Cllr Smith", "Cllr Smith, R. Smith"}
    assert form.is_valid(), form.errors
    form.save()
    assert aliases_of(person) == {"R. Smith", "Ramesh Smith"}
    assert person.aliases.get(name="R. Smith").pk == kept.pk  # kept, not recreated
    assert not Person.objects.search("Cllr Smith").exists()


def test_clearing_the_aliases_removes_them_all() -> None:
    person = PersonForm(person_data(aliases="R. Smith")).save()
    form = PersonForm(person_data(person, aliases="  "), instance=person)
    assert form.is_valid(), form.errors
    form.save()
    assert aliases_of(person) == set()


def test_the_register_page_saves_aliases(client) -> None:
    client.force_login(make_secretariat_user())
    person = make_person(name="Ram Smith")
    response = client.post(
        reverse("register:edit", args=["people", person.pk]),
        person_data(person, aliases="R. Smith, R Smith"),
    )
    assert response.status_code == 302
    assert aliases_of(person) == {"R. Smith", "R Smith"}


# --- bodies: reports_to ---------------------------------------------------------------


@pytest.fixture
def chain() -> tuple[Body, Body, Body]:
    """A board, a group reporting to it, and a subgroup reporting to the group."""
    board = make_body(name="Board")
    group = make_body(name="Group", reports_to=board)
    subgroup = make_body(name="Subgroup", reports_to=group)
    return board, group, subgroup


@pytest.mark.parametrize("target", [0, 1, 2], ids=["itself", "its group", "its subgroup"])
def test_a_body_cannot_report_to_itself_or_to_a_group_below_it(chain, target) -> None:
    board = chain[0]
    form = BodyForm(body_data(board, reports_to=chain[target].pk), instance=board)
    assert not form.is_valid()
    assert form.errors == {"reports_to": [LOOP]}
    board.refresh_from_db()
    assert board.reports_to_id is None


def test_a_body_may_report_to_a_body_that_is_not_below_it(chain) -> None:
    board, group, subgroup = chain
    other = make_body(name="Other board")
    form = BodyForm(body_data(group, reports_to=other.pk), instance=group)
    assert form.is_valid(), form.errors
    form.save()
    group.refresh_from_db()
    assert group.reports_to == other
    # The subgroup moved with its group; it may now report straight to the board.
    form = BodyForm(body_data(subgroup, reports_to=board.pk), instance=subgroup)
    assert form.is_valid(), form.errors


def test_the_register_page_refuses_a_loop_beside_the_field(client, chain) -> None:
    board, _, subgroup = chain
    client.force_login(make_secretariat_user())
    response = client.post(
        reverse("register:edit", args=["bodies", board.pk]),
        body_data(board, reports_to=subgroup.pk),
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert f'id="id_reports_to_errors"><li>Reports to: {LOOP}</li>' in page
    board.refresh_from_db()
    assert board.reports_to_id is None


# --- memberships: dates ---------------------------------------------------------------


def test_a_membership_cannot_end_before_it_starts() -> None:
    person, body = make_person(), make_body()
    form = MembershipForm(membership_data(person, body, start="2025-04-01", end="2025-03-31"))
    assert not form.is_valid()
    assert form.errors == {"end": [ENDS_BEFORE]}
    assert not Membership.objects.filter(person=person).exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [("2025-04-01", "2025-04-01"), ("2025-04-01", ""), ("", "2025-03-31")],
    ids=["one day", "open-ended", "no start"],
)
def test_a_membership_of_one_day_or_without_both_dates_is_saved(start, end) -> None:
    person, body = make_person(), make_body()
    form = MembershipForm(membership_data(person, body, start=start, end=end))
    assert form.is_valid(), form.errors
    membership = form.save()
    assert membership.start == (dt.date.fromisoformat(start) if start else None)
    assert membership.end == (dt.date.fromisoformat(end) if end else None)


def test_editing_a_membership_to_end_before_it_starts_changes_nothing(client) -> None:
    membership = make_membership(start=dt.date(2025, 4, 1))
    client.force_login(make_secretariat_user())
    response = client.post(
        reverse("register:edit", args=["memberships", membership.pk]),
        membership_data(
            membership.person,
            membership.body,
            start="2025-04-01",
            end="2024-12-31",
            opened_version=str(membership.version),
        ),
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert f'id="id_end_errors"><li>End: {ENDS_BEFORE}</li>' in page
    membership.refresh_from_db()
    assert membership.end is None
