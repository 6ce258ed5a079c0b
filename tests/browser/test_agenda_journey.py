"""The secretariat builds an agenda from the work programme and publishes it, in a real
browser on a 390 px phone, without JavaScript-only controls; axe-core on every page; then the
public reads the published agenda on the meeting page."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.governance.models import Body
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PASSWORD = "harrowby-agenda-2026"
_axe = Axe()


def check_page(page: Page, what: str) -> None:
    """No serious or critical axe violation, and nothing wider than the phone."""
    bad = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in _axe.run(page).response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert not bad, f"axe on {what}: {bad}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{what} is {width} px wide on a {PHONE['width']} px phone"


@pytest.fixture
def harrowby(transactional_db) -> SimpleNamespace:
    board = Body.objects.create(name="Harrowby Partnership Board", kind="board")
    today = dt.date.today()
    Meeting.objects.create(body=board, date=today - dt.timedelta(days=40), status="held")
    ahead = Meeting.objects.create(body=board, date=today + dt.timedelta(days=20))
    WorkProgrammeEntry.objects.create(
        body=board, kind=EntryKind.STANDING, title="Harrowby Business Group update"
    )
    user = User.objects.create_user("secretary", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return SimpleNamespace(board=board, ahead=ahead, today=today)


def test_build_an_agenda_from_the_work_programme_and_publish_it(
    browser, live_server, harrowby
) -> None:
    base = live_server.url
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"{base}/accounts/login/")
        page.get_by_label("Username").fill("secretary")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text("Signed in as secretary")).to_be_visible()

        page.goto(f"{base}/bodies/{harrowby.board.slug}/")
        page.get_by_role("link", name="Work programme").click()
        expect(page.get_by_role("heading", name="Standing items")).to_be_visible()
        check_page(page, "the work programme")

        page.get_by_role("link", name="Add to the work programme").click()
        check_page(page, "the work programme form")
        page.get_by_label("Kind").select_option("report")
        page.get_by_label("Title").fill("Town centre night-time economy review")
        page.get_by_label("Meeting").select_option(str(harrowby.ahead.pk))
        page.get_by_label("Paper due").fill((harrowby.today + dt.timedelta(days=8)).isoformat())
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("added to the work programme")).to_be_visible()

        page.get_by_role("link", name=f"Agenda of {harrowby.ahead.date.day}").click()
        check_page(page, "the agenda page")
        page.get_by_role("button", name="Add these 4 items to the agenda").click()
        expect(page.get_by_text("4 items added from the work programme")).to_be_visible()
        titles = list(
            AgendaItem.objects.filter(meeting=harrowby.ahead)
            .order_by("position")
            .values_list("title", flat=True)
        )
        assert titles == [
            "Apologies for absence",
            "Minutes of the previous meeting",
            "Harrowby Business Group update",
            "Town centre night-time economy review",
        ]
        page.get_by_role("button", name="Move item 4 up").click()
        page.get_by_role("button", name="Renumber 1, 2, 3…").click()
        expect(page.get_by_text("Items renumbered")).to_be_visible()
        assert AgendaItem.objects.get(title__startswith="Town centre").number == "3"
        check_page(page, "the agenda page, built")

        page.get_by_label("Publish the agenda on").fill(harrowby.today.isoformat())
        page.get_by_role("button", name="Save the publication date").click()
        expect(page.get_by_text("Published on")).to_be_visible()
        page.get_by_role("button", name="Sign out").click()

        page.goto(f"{base}/meetings/{harrowby.ahead.pk}/")
        agenda = page.get_by_role("region", name="Agenda")
        expect(agenda).to_contain_text("3. Town centre night-time economy review")
        check_page(page, "the public meeting page with its agenda")
    finally:
        context.close()


def test_the_meeting_cycle_from_agenda_to_approved_minutes(browser, live_server, harrowby) -> None:
    """Agenda from the work programme (an item dragged into place), published; after the
    meeting its minutes written on the one page (attendance, two items, a decision, an
    action due in a month); approved at the next meeting. Axe and 390 px on each page."""
    from concord.actions.models import Action
    from concord.people.models import Organisation, Person
    from tests.factories import make_membership

    council = Organisation.objects.create(name="Harrowby Council", sector="public")
    for name in ("Cllr Ann Lee", "Supt Bob Stone"):
        person = Person.objects.create(name=name)
        make_membership(person=person, body=harrowby.board, organisation=council)
    base, meeting = live_server.url, harrowby.ahead
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"{base}/accounts/login/")
        page.get_by_label("Username").fill("secretary")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        page.goto(f"{base}/meetings/{meeting.pk}/agenda/")
        page.get_by_role("button", name="Add these 3 items to the agenda").click()
        expect(page.get_by_text("3 items added from the work programme")).to_be_visible()
        items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position"))
        assert [i.title for i in items][-1] == "Harrowby Business Group update"
        # Drag the last item above the first (the page's own script posts the new order).
        expect(page.get_by_text("With a mouse, drag an item")).to_be_visible()
        page.locator(f"#item-{items[-1].pk}").drag_to(
            page.locator(f"#item-{items[0].pk}"), target_position={"x": 10, "y": 3}
        )
        expect(page.get_by_text("The items were reordered.")).to_be_visible()
        first = AgendaItem.objects.filter(meeting=meeting).order_by("position").first()
        assert first is not None and first.title == "Harrowby Business Group update"
        check_page(page, "the agenda page after a drag")
        page.get_by_label("Publish the agenda on").fill(harrowby.today.isoformat())
        page.get_by_role("button", name="Save the publication date").click()
        expect(page.get_by_text("Published on")).to_be_visible()

        # Time passes: the meeting is held a fortnight ago, the next one is held today.
        Meeting.objects.filter(pk=meeting.pk).update(
            date=harrowby.today - dt.timedelta(days=14), status="held"
        )
        Meeting.objects.filter(
            body=harrowby.board, date__lt=harrowby.today - dt.timedelta(days=14)
        ).update(minutes_status="approved")
        following = Meeting.objects.create(body=harrowby.board, date=harrowby.today, status="held")

        page.goto(f"{base}/meetings/{meeting.pk}/minutes/")
        page.get_by_label("Cllr Ann Lee (Harrowby Council)").select_option("present")
        page.get_by_label("Supt Bob Stone (Harrowby Council)").select_option("apologies")
        page.get_by_role("button", name="Save attendance").click()
        expect(page.locator("#attendance").get_by_text("Attendance saved.")).to_be_visible()
        one, two = AgendaItem.objects.filter(meeting=meeting).order_by("position")[:2]
        page.get_by_label(f"Minute of item {one.number}").fill("The group heard the update.")
        page.get_by_role("button", name=f"Save the minute of item {one.number}").click()
        expect(page.locator(f"#item-{one.pk}-text").get_by_text("Saved.")).to_be_visible()
        page.get_by_label(f"Minute of item {two.number}").fill("Apologies were noted.")
        page.get_by_role("button", name=f"Save the minute of item {two.number}").click()
        expect(page.locator(f"#item-{two.pk}-text").get_by_text("Saved.")).to_be_visible()
        decisions = page.locator(f"#item-{one.pk}-decisions")
        decisions.get_by_text(f"Add a decision to item {one.number}").click()
        decisions.locator(f"#id_decision-{one.pk}-text").fill("to hold a business summit")
        decisions.get_by_role("button", name="Add the decision").click()
        expect(decisions.get_by_text("Decision added.")).to_be_visible()
        actions = page.locator(f"#item-{one.pk}-actions")
        actions.get_by_text(f"Add an action to item {one.number}").click()
        actions.locator(f"#id_action-{one.pk}-description").fill("Book the summit venue")
        actions.locator(f"#id_action-{one.pk}-owner_people").select_option(label="Cllr Ann Lee")
        month = harrowby.today + dt.timedelta(days=31)
        actions.get_by_label("Due").fill(month.strftime("%Y-%m"))
        actions.get_by_role("button", name="Add the action").click()
        expect(actions.get_by_text("Action added.")).to_be_visible()
        action = Action.objects.get(description="Book the summit venue")
        assert (action.due_precision, action.due_date.month) == ("month", month.month)
        check_page(page, "the minutes page")

        page.goto(f"{base}/meetings/{following.pk}/")
        page.get_by_role("link", name="Approve earlier minutes").click()
        check_page(page, "the approve form")
        assert page.get_by_label("Minutes of").input_value() == str(meeting.pk)  # preselected
        page.get_by_role("button", name="Save").click()
        held = harrowby.today - dt.timedelta(days=14)
        expect(page.get_by_text(f"Minutes of {held:%d %B %Y} approved.")).to_be_visible()
        meeting.refresh_from_db()
        assert meeting.minutes_status == "approved" and meeting.approved_at == following
    finally:
        context.close()
