"""The owner picker in a real browser: the name search (htmx) finds someone the editor
may see outside the shortlist, never someone hidden, and the page passes axe at 390 px."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from concord.actions.models import Action
from tests.browser.test_secretariat_journey import assert_accessible
from tests.factories import make_body, make_item, make_meeting, make_membership, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "picker-pass-2026"


def test_an_editor_finds_an_owner_by_name_and_never_a_hidden_one(page: Page, live_server):
    board = make_body(name="Riverside Board")
    forum = make_body(name="Riverside Forum")
    secret = make_body(name="Quiet Tasking Cell", visibility="members")
    make_membership(person=make_person(name="Zed Quillfeather"), body=forum)
    make_membership(person=make_person(name="Zara Quillon"), body=secret)
    item = make_item(meeting=make_meeting(body=board, date=dt.date(2026, 1, 6)), title="Plan")
    editor = User.objects.create_user(username="editor", password=PASSWORD)
    board.editors.add(editor)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/items/{item.pk}/actions/new/")
    assert_accessible(page, "the action form with its pickers")

    people = page.locator("#id_owner_people")
    expect(people.locator("option", has_text="Zed Quillfeather")).to_have_count(0)
    page.locator("#id_owner_people_search").fill("Quill")
    # htmx swaps the matches into the select; only the one the editor may see.
    expect(people.locator("option", has_text="Zed Quillfeather")).to_have_count(1)
    expect(people.locator("option", has_text="Zara Quillon")).to_have_count(0)
    page.locator("#id_owner_bodies_search").fill("Quiet")
    expect(page.locator("#id_owner_bodies option", has_text="Quiet Tasking Cell")).to_have_count(0)
    expect(page.locator("#id_owner_bodies option", has_text="No match")).to_have_count(1)

    people.select_option(label="Zed Quillfeather")
    page.locator("#id_owner_bodies_search").fill("")
    page.locator("#id_owner_people_search").fill("")
    page.get_by_label("Description").fill("Write to the forum")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action recorded.")).to_be_visible()
    action = Action.objects.get(description="Write to the forum")
    assert [str(o) for o in action.owners.all()] == ["Zed Quillfeather"]
