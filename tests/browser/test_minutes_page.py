"""A meeting's minutes written on one page in a real browser: with JavaScript (htmx swaps
each part in place and saves the minute as it is typed), then the same page without
JavaScript (plain forms that post and come back to their place); axe at 1280 and 390 px."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from concord.actions.models import Action
from concord.meetings.models import AgendaItem, Decision, Meeting
from tests.browser.test_secretariat_journey import PASSWORD, assert_accessible, build_board

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as secretary")).to_be_visible()


def add_item(page: Page, title: str) -> None:
    section = page.locator("#new-item")
    section.get_by_label("Title").fill(title)
    section.get_by_role("button", name="Add the item").click()
    expect(page.locator("#items").get_by_role("heading", name=title)).to_be_visible()


def test_minutes_written_on_one_page_with_and_without_javascript(browser, live_server):
    board = build_board()
    meeting = Meeting.objects.create(body=board.board, date=dt.date(2026, 1, 6), status="held")
    base = live_server.url
    url = f"{base}/meetings/{meeting.pk}/minutes/"

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    sign_in(page, base)
    page.goto(f"{base}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Write the minutes on one page").click()
    expect(page.get_by_role("heading", name="Minutes: Riverside Partnership Board")).to_be_visible()

    # Attendance at the top, saved in place.
    page.get_by_label("Cllr Ann Lee (Riverside Borough Council)").select_option("present")
    page.get_by_label("Supt Bob Stone (Riverside Police)").select_option("present")
    page.get_by_label("Dr Carol Hart (Riverside Health Trust)").select_option("apologies")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("#attendance").get_by_text("Attendance saved.")).to_be_visible()

    # Two items, added at the end without leaving the page.
    add_item(page, "Community safety plan")
    add_item(page, "Youth diversion scheme")
    first, second = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    assert (first.number, second.number) == ("1", "2")

    # The minute is saved as a draft while it is typed.
    minute = page.get_by_label("Minute of item 1")
    minute.fill("The board welcomed the plan and asked for quarterly updates.")
    expect(page.locator(f"#item-{first.pk}-text-status")).to_contain_text("Draft saved at")
    first.refresh_from_db()
    assert first.minute_text == "The board welcomed the plan and asked for quarterly updates."
    assert first.version == 2

    # A decision on item 1, swapped in place.
    decisions = page.locator(f"#item-{first.pk}-decisions")
    decisions.get_by_text("Add a decision to item 1").click()
    decisions.locator(f"#id_decision-{first.pk}-text").fill("to adopt the community safety plan")
    decisions.get_by_role("button", name="Add the decision").click()
    expect(decisions.get_by_text("Decision added.")).to_be_visible()
    expect(decisions.get_by_text("to adopt the community safety plan")).to_be_visible()

    # An action on item 2: its owner among the attendees, listed first; a month due date.
    actions = page.locator(f"#item-{second.pk}-actions")
    actions.get_by_text("Add an action to item 2").click()
    actions.locator(f"#id_action-{second.pk}-description").fill("Report the scheme's first results")
    owners = actions.locator(f"#id_action-{second.pk}-owner_people")
    first_two = owners.locator("option").all_inner_texts()[:2]
    assert set(first_two) == {"Cllr Ann Lee", "Supt Bob Stone"}
    owners.select_option(label="Supt Bob Stone")
    actions.get_by_label("Due").fill("Sept 2026")
    actions.get_by_role("button", name="Add the action").click()
    expect(actions.get_by_text("Action added.")).to_be_visible()
    expect(actions.get_by_role("cell", name="Supt Bob Stone")).to_be_visible()
    action = Action.objects.get(description="Report the scheme's first results")
    assert (action.due_date, action.due_precision) == (dt.date(2026, 9, 30), "month")
    assert [o.person for o in action.owners.all()] == [board.police]
    assert_accessible(page, "the minutes page at 1280 px")

    page.set_viewport_size(PHONE)
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "the minutes page at 390 px")
    # The page of one add form, where the link leads without JavaScript.
    page.goto(f"{base}/items/{second.pk}/minutes/actions/")
    expect(page.get_by_role("heading", name="Add an action to item 2")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "the add-an-action page at 390 px")
    context.close()

    # The same page without JavaScript: a plain form posts and comes back to its place.
    plain = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    plain.set_default_timeout(10_000)
    page = plain.new_page()
    sign_in(page, base)
    page.goto(url)
    # The add forms open on demand: without JavaScript, the link opens a page of that form.
    page.locator(f"#item-{second.pk}-decisions").get_by_text("Add a decision to item 2").click()
    expect(page.get_by_role("heading", name="Add a decision to item 2")).to_be_visible()
    page.get_by_label("Kind of decision on item 2").select_option(label="Noted")
    page.locator(f"#id_decision-{second.pk}-text").fill("the early referrals")
    page.get_by_role("button", name="Add the decision").click()
    decisions = page.locator(f"#item-{second.pk}-decisions")
    assert page.url.endswith(f"/minutes/#item-{second.pk}-decisions")
    expect(page.get_by_text("Decision added to item 2.")).to_be_visible()
    expect(decisions.get_by_text("the early referrals")).to_be_visible()
    assert Decision.objects.filter(item=second, kind="noted").count() == 1
    plain.close()
