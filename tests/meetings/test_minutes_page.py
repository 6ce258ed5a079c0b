"""Minutes written in one page (issue 12): attendance, each item's minute, decisions and
actions, a new item; every part with and without htmx, version checks, approved minutes
locked behind the amendment flow, permissions, escaping, the owner picker, query counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.actions.models import Action
from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.pickers import SharedPickerSelect
from concord.meetings.forms import AttendanceForm
from concord.meetings.models import AgendaItem, Decision, MinutesAmendment
from tests.factories import (
    make_action,
    make_attendance,
    make_decision,
    make_item,
    make_meeting,
    make_membership,
    make_person,
)
from tests.querycounts import warm_up

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def w(world):
    """The shared world; the board's draft meeting has the chair present and one item."""
    world.item = world.draft.items.get()
    make_attendance(meeting=world.draft, person=world.chair, status="present")
    world.page = reverse("meetings:minutes", args=[world.draft.pk])
    return world


def text_url(item) -> str:
    return reverse("meetings:minutes_text", args=[item.pk])


def text_post(item, text: str, version: int | None = None, **extra) -> dict:
    prefix = f"text-{item.pk}-"
    data = {prefix + "minute_text": text, prefix + "opened_version": version or item.version}
    data.update({prefix + k: v for k, v in extra.items()})
    return data


def action_post(item, **fields) -> dict:
    return {f"action-{item.pk}-{k}": v for k, v in fields.items()}


def decision_post(item, **fields) -> dict:
    return {f"decision-{item.pk}-{k}": v for k, v in fields.items()}


def select_labels(html: str, select_id: str) -> list[str]:
    select = html.split(f'id="{select_id}"')[1].split("</select>")[0]
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


# The page itself -----------------------------------------------------------------------


def test_the_meeting_page_links_to_the_one_page_for_its_editors(w, as_user):
    meeting = reverse("portal:meeting", args=[w.draft.pk])
    assert w.page in as_user(w.editor).get(meeting).content.decode()
    assert w.page not in as_user(w.board_member).get(meeting).content.decode()


def test_the_page_has_attendance_every_item_with_its_forms_and_a_new_item(w, as_user):
    html = as_user(w.editor).get(w.page).content.decode()
    assert 'id="attendance"' in html and "Cllr Ann Lee" in html
    assert f'id="item-{w.item.pk}"' in html and "Draft-only discussion" in html
    for name in ("minutes_text", "minutes_decision", "minutes_action"):
        assert reverse(f"meetings:{name}", args=[w.item.pk]) in html
    assert reverse("meetings:minutes_item", args=[w.draft.pk]) in html
    # The separate pages stay for single edits.
    assert reverse("meetings:item_edit", args=[w.item.pk]) in html
    # Draft minutes are saved as they are typed (htmx), checked on their version.
    assert 'hx-trigger="input changed delay:1500ms"' in html
    # The add forms are opened on demand: a link per item, not a form.
    for name in ("minutes_decision", "minutes_action"):
        url = reverse(f"meetings:{name}", args=[w.item.pk])
        assert f'<a href="{url}" hx-get="{url}" hx-target="closest p"' in html
    assert f"id_decision-{w.item.pk}-text" not in html
    assert f"id_action-{w.item.pk}-description" not in html


@pytest.mark.parametrize("kind", ["decision", "action"])
def test_an_add_form_opens_in_place_with_htmx_or_on_its_own_page_without(w, as_user, kind):
    client = as_user(w.editor)
    url = reverse(f"meetings:minutes_{kind}", args=[w.item.pk])
    first_field = "kind" if kind == "decision" else "description"
    inline = client.get(url, **HTMX).content.decode()
    assert inline.lstrip().startswith(f'<form method="post" action="{url}" hx-post="{url}"')
    assert f'hx-target="#item-{w.item.pk}-{kind}s"' in inline and "<html" not in inline
    # The cursor goes to its first field (htmx focuses an element marked autofocus).
    first = re.search(rf'<[^>]*id="id_{kind}-{w.item.pk}-{first_field}"[^>]*>', inline)
    assert first and "autofocus" in first[0] and inline.count("autofocus") == 1
    page = client.get(url).content.decode()
    assert "<html" in page and f"Add {'a' if kind == 'decision' else 'an'} {kind} to item" in page
    assert f'action="{url}"' in page and "hx-post" not in page
    assert f"{w.page}#item-{w.item.pk}" in page  # back to the minutes


@pytest.mark.parametrize("who", ["stranger", "partner", "board_member", "board_adviser"])
def test_people_who_may_not_edit_the_body_are_refused_every_part(w, as_user, who):
    client = as_user(getattr(w, who))
    assert client.get(w.page).status_code == 403
    # The item of draft minutes is not even found by those who may not read them.
    on_item = 403 if who.startswith("board_") else 404
    posts = [
        (text_url(w.item), text_post(w.item, "Mine now"), on_item),
        (
            reverse("meetings:minutes_decision", args=[w.item.pk]),
            decision_post(w.item, text="x"),
            on_item,
        ),
        (
            reverse("meetings:minutes_action", args=[w.item.pk]),
            action_post(w.item, description="x"),
            on_item,
        ),
        (reverse("meetings:minutes_item", args=[w.draft.pk]), {"new-item-title": "x"}, 403),
        (reverse("meetings:minutes_attendance", args=[w.draft.pk]), {}, 403),
    ]
    for url, data, expected in posts:
        assert client.post(url, data).status_code == expected, url
        assert client.post(url, data, **HTMX).status_code == expected, url
    for name in ("minutes_decision", "minutes_action"):  # their forms are not even opened
        url = reverse(f"meetings:{name}", args=[w.item.pk])
        assert client.get(url).status_code == on_item, url
        assert client.get(url, **HTMX).status_code == on_item, url
    w.item.refresh_from_db()
    assert w.item.minute_text == "" and not w.item.decisions.exists()


def test_the_public_is_sent_to_sign_in(w, as_user):
    response = as_user(None).get(w.page)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert as_user(None).post(text_url(w.item), text_post(w.item, "x")).status_code == 302


def test_a_body_editor_writes_only_their_bodies_minutes(w, as_user):
    tasking_item = w.private_meeting.items.get()
    client = as_user(w.editor)
    assert client.get(reverse("meetings:minutes", args=[w.private_meeting.pk])).status_code == 404
    response = client.post(text_url(tasking_item), text_post(tasking_item, "Overheard"))
    assert response.status_code == 404
    # A public body they may see but do not edit: refused, not hidden.
    forum = make_meeting(body=Body.objects.get(name="Another Forum"), minutes_status="approved")
    forum_item = make_item(meeting=forum)
    assert client.get(reverse("meetings:minutes", args=[forum.pk])).status_code == 403
    assert client.post(text_url(forum_item), text_post(forum_item, "x")).status_code == 403


# Minute text ---------------------------------------------------------------------------


def test_without_javascript_a_minute_is_saved_and_the_page_opens_at_its_item(w, as_user):
    response = as_user(w.editor).post(text_url(w.item), text_post(w.item, "The group agreed."))
    assert response.status_code == 302
    assert response["Location"] == f"{w.page}#item-{w.item.pk}"
    w.item.refresh_from_db()
    assert (w.item.minute_text, w.item.version) == ("The group agreed.", 2)
    assert w.item.history.count() == 2  # created, then this change


def test_with_htmx_the_minute_part_is_swapped_in_place(w, as_user):
    response = as_user(w.editor).post(text_url(w.item), text_post(w.item, "Noted."), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<div id="item-{w.item.pk}-text"')
    assert "Saved." in html and "<html" not in html
    assert f'name="text-{w.item.pk}-opened_version" value="2"' in html


def test_an_autosave_answers_its_status_line_and_moves_the_form_to_the_new_version(w, as_user):
    client = as_user(w.editor)
    data = text_post(w.item, "Half a sentence", autosave="1") | {"autosave": "1"}
    response = client.post(text_url(w.item), data, **HTMX)
    html = response.content.decode()
    assert "Draft saved at" in html
    version_input = f'id="id_text-{w.item.pk}-opened_version" hx-swap-oob="true"'
    assert version_input in html and 'value="2"' in html
    # The next autosave, sent at the new version, is saved too.
    data = text_post(w.item, "Half a sentence, finished.", version=2) | {"autosave": "1"}
    assert "Draft saved at" in client.post(text_url(w.item), data, **HTMX).content.decode()
    w.item.refresh_from_db()
    assert (w.item.minute_text, w.item.version) == ("Half a sentence, finished.", 3)


def test_a_stale_minute_is_refused_their_text_shown_and_mine_kept(w, as_user):
    client = as_user(w.editor)
    client.post(text_url(w.item), text_post(w.item, "Theirs, saved first.", version=1))
    response = client.post(text_url(w.item), text_post(w.item, "Mine, typed meanwhile.", version=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this" in html
    assert "Theirs, saved first." in html and "Mine, typed meanwhile." in html
    assert "Replace their text with mine" in html
    w.item.refresh_from_db()
    assert w.item.minute_text == "Theirs, saved first."
    # The form came back opened at their version: saving again is a deliberate choice.
    assert f'name="text-{w.item.pk}-opened_version" value="2"' in html
    again = client.post(text_url(w.item), text_post(w.item, "Mine, after reading theirs.", 2))
    assert again.status_code == 302
    w.item.refresh_from_db()
    assert w.item.minute_text == "Mine, after reading theirs."


def test_a_stale_autosave_replaces_the_whole_minute_part_and_stops_autosaving(w, as_user):
    client = as_user(w.editor)
    client.post(text_url(w.item), text_post(w.item, "Theirs.", version=1))
    data = text_post(w.item, "Mine.", version=1) | {"autosave": "1"}
    response = client.post(text_url(w.item), data, **HTMX)
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#item-{w.item.pk}-text"
    assert response["HX-Reswap"] == "outerHTML"
    assert "Theirs." in html and "Mine." in html
    assert "hx-trigger" not in html  # no more autosave until the user chooses
    w.item.refresh_from_db()
    assert w.item.minute_text == "Theirs."


def test_minute_text_is_escaped_everywhere_it_is_shown(w, as_user):
    client = as_user(w.editor)
    evil = "<script>alert('x')</script><b>bold</b>"
    client.post(text_url(w.item), text_post(w.item, evil, version=1))
    html = client.get(w.page).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    conflict = client.post(text_url(w.item), text_post(w.item, "other", version=1)).content
    assert b"<script>alert" not in conflict and b"<b>bold</b>" not in conflict


def test_an_absurd_version_is_a_field_error_not_a_500(w, as_user):
    client = as_user(w.editor)
    for value in ("9" * 40, "-1", "x"):
        response = client.post(text_url(w.item), text_post(w.item, "t", version=value))
        assert response.status_code == 200, value
    w.item.refresh_from_db()
    assert w.item.minute_text == ""


# Decisions -----------------------------------------------------------------------------


def test_a_decision_is_added_with_and_without_htmx(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_decision", args=[w.item.pk])
    response = client.post(url, decision_post(w.item, kind="agreed", text="to meet monthly"))
    assert response["Location"] == f"{w.page}#item-{w.item.pk}-decisions"
    response = client.post(url, decision_post(w.item, kind="noted", text="the report"), **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div id="item-{w.item.pk}-decisions"')
    assert "to meet monthly" in html and "the report" in html and "Decision added." in html
    assert list(w.item.decisions.values_list("kind", "text")) == [
        ("agreed", "to meet monthly"),
        ("noted", "the report"),
    ]


def test_a_decision_without_text_names_its_field_with_and_without_htmx(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_decision", args=[w.item.pk])
    for extra in ({}, HTMX):
        response = client.post(url, decision_post(w.item, kind="agreed", text=""), **extra)
        assert response.status_code == 200
        assert "Decision on item" in response.content.decode()
        assert "This field is required." in response.content.decode()
    assert not Decision.objects.filter(item=w.item).exists()


# Actions -------------------------------------------------------------------------------


def test_an_action_with_an_attendee_owner_and_a_month_due_date(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_action", args=[w.item.pk])
    data = action_post(w.item, description="Write to the council", owner_people=w.chair.pk)
    response = client.post(url, data | action_post(w.item, due="Sept 2026"))
    assert response["Location"] == f"{w.page}#item-{w.item.pk}-actions"
    action = Action.objects.get(description="Write to the council")
    assert (action.due_date, action.due_precision) == (dt.date(2026, 9, 30), "month")
    assert action.item == w.item and action.body == w.board and action.status == "open"
    assert [o.person for o in action.owners.all()] == [w.chair]

    data = action_post(w.item, description="Book a room", due="2026-10")
    html = client.post(url, data, **HTMX).content.decode()
    assert html.lstrip().startswith(f'<div id="item-{w.item.pk}-actions"')
    assert "Book a room" in html and "Write to the council" in html and "Action added." in html
    assert "Oct 2026" in html or "October 2026" in html


def test_the_owner_picker_offers_the_attendees_first_and_nothing_hidden(w, as_user):
    make_membership(person=make_person(name="Aaron Able"), body=w.board)
    hidden = make_person(name="Quentin Quiet")
    make_membership(person=hidden, body=w.tasking)
    client = as_user(w.editor)
    url = reverse("meetings:minutes_action", args=[w.item.pk])
    for extra in ({}, HTMX):  # the page of the one form, and the form swapped in
        html = client.get(url, **extra).content.decode()
        people = select_labels(html, f"id_action-{w.item.pk}-owner_people")
        assert people[0] == "Cllr Ann Lee"  # the one attendee, before the body's members
        assert "Aaron Able" in people[1:]
        bodies = select_labels(html, f"id_action-{w.item.pk}-owner_bodies")
        assert "Safer Riverton Board" in bodies
        assert "Offender Tasking Group" not in html and "Quentin Quiet" not in html


def test_a_hidden_owner_posted_anyway_is_a_field_error_and_no_action(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_action", args=[w.item.pk])
    hidden = make_person(name="Quentin Quiet")
    make_membership(person=hidden, body=w.tasking)
    for field, value in (("owner_bodies", w.tasking.pk), ("owner_people", hidden.pk)):
        for extra in ({}, HTMX):
            data = action_post(w.item, description="Leak", **{field: value})
            response = client.post(url, data, **extra)
            html = response.content.decode()
            assert response.status_code == 200
            assert "Select a valid choice" in html
            assert "Offender Tasking Group" not in html and "Quentin Quiet" not in html
    assert not Action.objects.filter(description="Leak").exists()


def test_without_javascript_a_typed_owner_name_is_looked_up_and_confirmed(w, as_user):
    """Two people of another public body (so outside the shortlist) match: the page comes
    back with both offered in this item's select, and only there."""
    client = as_user(w.editor)
    url = reverse("meetings:minutes_action", args=[w.item.pk])
    other_item = make_item(meeting=w.draft, title="Other business")
    forum = Body.objects.get(name="Another Forum")
    make_membership(person=make_person(name="Zed Marsh"), body=forum)
    make_membership(person=make_person(name="Zoe Marsh"), body=forum)
    data = action_post(w.item, description="Call them", owner_people_search="Marsh")
    html = client.post(url, data).content.decode()
    assert "More than one person matches" in html
    # Without JavaScript the whole page comes back: the cursor is on the field to correct.
    select = re.search(rf'<select[^>]*id="id_action-{w.item.pk}-owner_people"[^>]*>', html)
    assert select and "autofocus" in select[0]
    assert html.count("autofocus") == 1
    offered = select_labels(html, f"id_action-{w.item.pk}-owner_people")
    assert {"Zed Marsh", "Zoe Marsh"} <= set(offered)
    # Other items keep their link; the matches are offered in this item's form only.
    assert reverse("meetings:minutes_action", args=[other_item.pk]) in html
    assert f"id_action-{other_item.pk}-owner_people" not in html
    assert html.count(">Zed Marsh</option>") == 1
    assert not Action.objects.filter(description="Call them").exists()
    data = action_post(w.item, description="Call them", owner_people_search="Zed Marsh")
    assert client.post(url, data).status_code == 302
    action = Action.objects.get(description="Call them")
    assert [o.person.name for o in action.owners.all()] == ["Zed Marsh"]


# Items and attendance ------------------------------------------------------------------


def test_an_item_is_added_at_the_end_without_javascript(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_item", args=[w.draft.pk])
    response = client.post(
        url,
        {
            "new-item-number": "5",
            "new-item-title": "Any other business",
            "new-item-visibility": "public",
        },
    )
    item = AgendaItem.objects.get(title="Any other business")
    assert response["Location"] == f"{w.page}#item-{item.pk}"
    assert item.meeting == w.draft and item.position > w.item.position


def test_with_htmx_a_new_item_comes_with_its_forms_and_a_fresh_add_form(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_item", args=[w.draft.pk])
    html = client.post(
        url,
        {"new-item-number": "7", "new-item-title": "Budget", "new-item-visibility": "public"},
        **HTMX,
    )
    html = html.content.decode()
    item = AgendaItem.objects.get(title="Budget")
    assert html.lstrip().startswith('<section id="new-item"')
    assert 'hx-swap-oob="beforeend:#items"' in html and f'id="item-{item.pk}"' in html
    assert reverse("meetings:minutes_action", args=[item.pk]) in html
    # The same number twice is refused, naming the field.
    again = client.post(
        url,
        {"new-item-number": "7", "new-item-title": "Twice", "new-item-visibility": "public"},
        **HTMX,
    )
    assert "Item 7 is already on this agenda" in again.content.decode()
    assert not AgendaItem.objects.filter(title="Twice").exists()


def test_attendance_is_saved_with_and_without_htmx_and_a_stale_save_is_refused(w, as_user):
    client = as_user(w.editor)
    url = reverse("meetings:minutes_attendance", args=[w.draft.pk])
    make_membership(person=w.deputy, body=w.board)
    base = {f"member_{w.deputy.pk}": "apologies", "opened_version": 1}
    for n in range(1, 6):
        base[f"extra_{n}_status"] = "present"
    base["extra_1_person"] = w.chair.pk
    response = client.post(url, base)
    assert response["Location"] == f"{w.page}#attendance"
    assert set(w.draft.attendances.values_list("person__name", "status")) == {
        ("Ann Lee", "present"),
        ("Bob Stone", "apologies"),
    }
    stale = client.post(url, base | {f"member_{w.deputy.pk}": "present"}, **HTMX)
    html = stale.content.decode()
    assert html.lstrip().startswith('<section id="attendance"')
    assert "Someone else saved this" in html
    fresh = client.post(
        url, base | {"opened_version": 2, f"member_{w.deputy.pk}": "present"}, **HTMX
    )
    assert "Attendance saved." in fresh.content.decode()
    assert w.draft.attendances.get(person=w.deputy).status == "present"


def _selects(html: str) -> list[tuple[dict, list[tuple[str, str, bool]]]]:
    """Each select's attributes and its options (value, label, selected)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (
            dict(select.attrs),
            [(o["value"], o.get_text(), o.has_attr("selected")) for o in select.find_all("option")],
        )
        for select in soup.find_all("select")
    ]


def test_the_blank_attendance_rows_share_options_rendered_as_each_row_would_be(w, as_user):
    """The blank "other attendee" rows' pickers are looked up and rendered once for all
    rows; what they show is what each row's own picker shows (the same form, bound with
    nothing chosen, renders every row itself)."""
    make_attendance(meeting=make_meeting(body=w.board), person=make_person(name="Regular Rae"))
    viewer = viewer_for(as_user(w.editor).get(w.page).wsgi_request)
    shared = AttendanceForm(meeting=w.draft, viewer=viewer)
    own = AttendanceForm({}, meeting=w.draft, viewer=viewer)
    for n in range(shared.extra_count - 3, shared.extra_count + 1):  # the four blank rows
        for k in ("person", "organisation", "deputising_for"):
            name = f"extra_{n}_{k}"
            assert _selects(str(shared[name])) == _selects(str(own[name])), name
    last = f"extra_{shared.extra_count}_person"
    people = _selects(str(shared[last]))[0][1]
    assert people[0] == ("", "---------", True) and "Regular Rae" in {p[1] for p in people}
    assert isinstance(shared.fields[last].widget, SharedPickerSelect)


# Approved minutes are locked -----------------------------------------------------------


def test_approved_minutes_change_only_with_a_reason_which_is_recorded(w, as_user):
    client = as_user(w.editor)
    item = w.public_item  # on the board's approved meeting
    page = client.get(reverse("meetings:minutes", args=[w.meeting.pk])).content.decode()
    assert "These minutes were approved" in page
    assert "delay:1500ms" not in page  # no autosave: a correction asks why
    response = client.post(text_url(item), text_post(item, "Silently changed"))
    assert response.status_code == 200
    assert "Reason for correcting approved minutes" in response.content.decode()
    item.refresh_from_db()
    assert item.minute_text != "Silently changed"

    data = text_post(item, "Corrected minute", amendment_reason="The vote was misrecorded")
    assert client.post(text_url(item), data).status_code == 302
    decision_url = reverse("meetings:minutes_decision", args=[item.pk])
    refused = client.post(decision_url, decision_post(item, kind="agreed", text="late"), **HTMX)
    assert "Reason for correcting approved minutes" in refused.content.decode()
    data = decision_post(item, kind="agreed", text="late", amendment_reason="Omitted")
    client.post(decision_url, data, **HTMX)
    action_url = reverse("meetings:minutes_action", args=[item.pk])
    data = action_post(item, description="Forgotten", amendment_reason="Left out")
    client.post(action_url, data)
    assert list(
        MinutesAmendment.objects.filter(meeting=w.meeting).values_list("what", "reason")
    ) == [
        (f"Minute of item {item.number}", "The vote was misrecorded"),
        (f"Decision added to item {item.number}", "Omitted"),
        (f"Action added to item {item.number}", "Left out"),
    ]
    assert Action.objects.filter(description="Forgotten", item=item).exists()


# Query counts --------------------------------------------------------------------------


def _grow_items(w, n: int) -> None:
    for _ in range(n):
        item = make_item(meeting=w.draft, minute_text="Discussed.")
        make_decision(item=item)
        make_decision(item=item)
        owner = make_person()
        make_attendance(meeting=make_meeting(body=w.board), person=owner)
        make_action(item=item, body=w.board, owners=(owner, w.chair), due_date=dt.date(2026, 6, 1))


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["secretariat", "editor"])
def test_the_page_asks_as_many_queries_for_3_items_as_for_20(w, as_user, who):
    client = as_user(getattr(w, who))
    warm_up(client)
    _grow_items(w, 2)  # three items with the one already there
    small = _count(client, w.page)
    _grow_items(w, 17)
    assert w.draft.items.count() == 20
    large = _count(client, w.page)
    assert large == small, f"{small} queries for 3 items, {large} for 20"
