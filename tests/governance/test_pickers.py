"""Hole 2: editors' forms offer only people and bodies the editor may see, through a
bounded picker with a name search, and refuse anything else with a field error."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from concord.actions.models import Action
from concord.meetings.models import MinutesStatus
from tests.factories import make_attendance, make_meeting, make_membership, make_person
from tests.performance.pages_world import build_perf_world

HUGE = "9" * 40


@pytest.fixture
def w(db) -> SimpleNamespace:
    """The shared personas, plus Sam (only on the members-only tasking group) and
    Gail, named only in the tasking group's draft minutes."""
    w = build_perf_world()
    w.sleuth = make_person(name="Sam Sleuth")
    make_membership(person=w.sleuth, body=w.tasking)
    w.gail = make_person(name="Gail Hidden")
    draft = make_meeting(body=w.tasking, date=w.meeting.date, minutes_status=MinutesStatus.DRAFT)
    make_attendance(meeting=draft, person=w.gail)
    w.ttc_plan_url = (
        reverse("performance:plan_action_create", args=[w.rate.pk]) + f"?area={w.la.code}"
    )
    return w


def form_urls(w: SimpleNamespace) -> list[str]:
    return [
        reverse("actions:edit", args=[w.public_action.pk]),
        reverse("actions:create", args=[w.public_item.pk]),
        reverse("meetings:item_edit", args=[w.public_item.pk]),
        reverse("meetings:item_create", args=[w.meeting.pk]),
        reverse("meetings:declaration_create", args=[w.public_item.pk]),
        reverse("meetings:attendance", args=[w.meeting.pk]),
        reverse("meetings:minutes", args=[w.meeting.pk]),
        reverse("meetings:minutes_action", args=[w.public_item.pk]),  # opened from the minutes
        w.ttc_plan_url,
    ]


def options(html: str) -> str:
    """Every option label of every select on the page, joined."""
    return " | ".join(re.findall(r"<option[^>]*>([^<]*)</option>", html))


def test_no_form_offers_a_body_or_person_the_editor_may_not_see(client, w):
    client.force_login(w.editor)
    for url in form_urls(w):
        response = client.get(url)
        assert response.status_code == 200, url
        offered = options(response.content.decode())
        for hidden in ("Offender Tasking Group", "Sam Sleuth", "Gail Hidden"):
            assert hidden not in offered, (url, hidden)
    # ... while what the editor may see is offered or found.
    offered = options(
        client.get(reverse("actions:create", args=[w.public_item.pk])).content.decode()
    )
    assert "Cllr Ann Lee" in offered and "Safer Riverton Board" in offered


def test_the_secretariat_is_offered_the_whole_register_by_search(client, w):
    client.force_login(w.secretariat)
    html = client.get(reverse("register:pick", args=["people"]) + "?q=Sleuth").content.decode()
    assert "Sam Sleuth" in html


def test_the_search_finds_only_what_the_editor_may_see(client, w):
    client.force_login(w.editor)
    people = reverse("register:pick", args=["people"])
    bodies = reverse("register:pick", args=["bodies"])
    assert "Cllr Ann Lee" in client.get(people + "?q=Ann").content.decode()
    for term in ("Sam", "Sleuth", "Gail", "Hidden"):
        assert (
            client.get(people + f"?q={term}").content.decode()
            == '<option value="">No match</option>'
        )
    assert "Offender" not in client.get(bodies + "?q=Offender").content.decode()
    # A still-chosen id the editor may not see is not echoed back either.
    html = client.get(
        people + f"?field=owner_people&owner_people={w.sleuth.pk}&owner_people={HUGE}&q=Ann"
    ).content.decode()
    assert "Sam Sleuth" not in html and "Cllr Ann Lee" in html
    assert client.get(reverse("register:pick", args=["secrets"])).status_code == 404


def test_the_search_needs_a_signed_in_user(client, w):
    response = client.get(reverse("register:pick", args=["people"]) + "?q=Ann")
    assert response.status_code == 302


def action_post(**fields) -> dict:
    data = {"description": "Write to the hidden group", "status": "open", "due": ""}
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("owner_bodies", "tasking"),
        ("owner_people", "sleuth"),
        ("owner_people", "gail"),
        ("owner_people", HUGE),
        ("owner_bodies", HUGE),
        ("owner_people", "-3"),
        ("owner_bodies", "abc"),
    ],
)
def test_an_action_form_refuses_an_owner_the_editor_may_not_see(client, w, field, value):
    posted = {"tasking": w.tasking.pk, "sleuth": w.sleuth.pk, "gail": w.gail.pk}.get(value, value)
    client.force_login(w.editor)
    before = Action.objects.count()
    for url in (
        reverse("actions:create", args=[w.public_item.pk]),
        reverse("actions:edit", args=[w.public_action.pk]),
    ):
        response = client.post(url, action_post(**{field: posted}))
        assert response.status_code == 200, url
        assert field in response.context["form"].errors
        assert "Owners" in response.content.decode().split("errorlist")[1][:200]
    if field == "owner_people":
        response = client.post(w.ttc_plan_url, {"description": "x", "owner_people": posted})
        assert response.status_code == 200
        assert "owner_people" in response.context["form"].errors
    assert Action.objects.count() == before
    assert not w.public_action.owners.filter(body=w.tasking).exists()


def test_declarations_presenters_and_attendance_refuse_a_hidden_person(client, w):
    client.force_login(w.editor)
    response = client.post(
        reverse("meetings:declaration_create", args=[w.public_item.pk]),
        {"person": w.sleuth.pk, "interest": "Owns a camera firm"},
    )
    assert "person" in response.context["form"].errors
    response = client.post(
        reverse("meetings:item_edit", args=[w.public_item.pk]),
        {"number": "1", "title": "Plan", "presenter": HUGE, "visibility": "public"},
    )
    assert "presenter" in response.context["form"].errors
    response = client.post(
        reverse("meetings:attendance", args=[w.meeting.pk]),
        {"extra_1_person": w.gail.pk, "extra_1_status": "present"},
    )
    assert "extra_1_person" in response.context["form"].errors


def test_without_javascript_a_typed_name_is_looked_up_and_confirmed(client, w):
    client.force_login(w.editor)
    url = reverse("actions:create", args=[w.public_item.pk])
    # One match: taken.
    response = client.post(url, action_post(owner_people_search="ann lee"))
    assert response.status_code == 302
    action = Action.objects.get(description="Write to the hidden group")
    assert [o.person for o in action.owners.all()] == [w.chair]
    # A hidden person is no match at all.
    response = client.post(url, action_post(owner_people_search="Sleuth"))
    assert "No person you may choose matches" in response.content.decode()
    # Several matches: the form comes back with them offered, to pick one.
    make_membership(person=make_person(name="Ann Leeming"), body=w.board)
    response = client.post(url, action_post(owner_people_search="Ann Lee"))
    html = response.content.decode()
    assert "More than one person matches “Ann Lee”" in html
    assert "Ann Leeming" in options(html) and "Cllr Ann Lee" in options(html)


def test_editing_an_action_keeps_owners_the_editor_may_not_see(client, w):
    w.public_action.owners.create(body=w.tasking)
    client.force_login(w.editor)
    url = reverse("actions:edit", args=[w.public_action.pk])
    html = client.get(url).content.decode()
    assert "Offender Tasking Group" not in html
    assert "1 more owner(s) you may not see are kept" in html
    response = client.post(
        url, action_post(owner_people=w.chair.pk, opened_version=w.public_action.version)
    )
    assert response.status_code == 302
    assert w.public_action.owners.filter(body=w.tasking).exists()


def test_owners_offer_the_meetings_attendees_first_then_the_bodys_members(client, w):
    make_membership(person=make_person(name="Aaron Able"), body=w.board)
    client.force_login(w.editor)
    html = client.get(reverse("actions:create", args=[w.public_item.pk])).content.decode()
    select = html.split('id="id_owner_people"')[1].split("</select>")[0]
    labels = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    attendees = {"Cllr Ann Lee", "Insp Bob Stone", "Chief Supt Carol Hart"}
    assert set(labels[:3]) == attendees
    assert "Aaron Able" in labels[3:]


def test_a_typed_name_with_a_nul_character_is_a_field_error(client, w):
    """PostgreSQL refuses NUL in text: the picker says so instead of failing the page."""
    client.force_login(w.editor)
    url = reverse("actions:create", args=[w.public_item.pk])
    response = client.post(url, action_post(owner_people_search="ann\x00lee"))
    assert response.status_code == 200
    assert "A name cannot contain a NUL character." in response.content.decode()


def test_a_shortlist_names_each_person_once_however_many_meetings_they_attended(db):
    """The shortlist is bounded (60): people who attended many meetings must not fill it
    with repeats and push the body's other members out (as an ``OR`` across a join did)."""
    from concord.governance.pickers import people_of
    from concord.lib.pickers import SHORTLIST_LIMIT
    from concord.meetings.models import Attendance

    regular, other = make_person(name="Rita Regular"), make_person(name="Oscar Other")
    body = make_membership(person=regular).body
    make_membership(person=other, body=body)
    meetings = [
        make_meeting(body=body, date=dt.date(2020, 1, 1) + dt.timedelta(days=n))
        for n in range(SHORTLIST_LIMIT + 1)
    ]
    Attendance.objects.bulk_create(Attendance(meeting=m, person=regular) for m in meetings)
    meeting = meetings[-1]
    for shortlist in (
        people_of(body_id=body.pk, meeting_id=meeting.pk),
        people_of(body_id=body.pk),
    ):
        ids = list(shortlist.order_by().values_list("pk", flat=True)[:SHORTLIST_LIMIT])
        assert sorted(ids) == sorted([regular.pk, other.pk])
    assert list(people_of(meeting_id=meeting.pk)) == [regular]
    assert list(people_of()) == []
