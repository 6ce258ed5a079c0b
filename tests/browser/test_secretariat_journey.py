"""The secretariat's journey through a real browser, with axe-core on every main page.

A public board with four members is set up with the ORM; everything else is
done as a person would do it: sign in, record two meetings, attendance, items,
a decision and an action, approve the first meeting's minutes at the second,
close the action under matters arising (in place, through HTMX), sign out, and
read the published minutes as the public, who must not see the restricted item.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from concord.actions.models import Action
from concord.governance.models import Body, Membership, TermsOfReference
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import AgendaItem, Meeting
from concord.people.models import Organisation, Person

pytestmark = pytest.mark.browser

PASSWORD = "river-side-2026"
PARTNERSHIP = "Riverside Community Safety Partnership"
SCREENSHOTS = Path(
    # The README's screenshots are refreshed only on request (CONCORD_SCREENSHOT_DIR=docs);
    # ordinary runs must not dirty the work tree.
    os.environ.get("CONCORD_SCREENSHOT_DIR", tempfile.gettempdir())
)
RESTRICTED_TITLE = "Contract award for CCTV monitoring"
RESTRICTED_TEXT = "Preferred bidder is Acme Cameras Ltd at 412,000 pounds."

_axe = Axe()


def assert_accessible(page: Page, what: str) -> None:
    """No serious or critical axe-core violations on the page as it is now."""
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    report = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "summary": [n.get("failureSummary", "") for n in v["nodes"]][:2],
        }
        for v in bad
    ]
    assert not bad, f"axe found violations on {what} ({page.url}):\n" + json.dumps(report, indent=2)


def build_board() -> SimpleNamespace:
    """A public board of four (one chair), quorum 2, and a secretariat user."""
    council = Organisation.objects.create(name="Riverside Borough Council", sector="public")
    police = Organisation.objects.create(name="Riverside Police", sector="public")
    health = Organisation.objects.create(name="Riverside Health Trust", sector="public")
    charity = Organisation.objects.create(name="Riverside Youth Trust", sector="voluntary")
    board = Body.objects.create(
        name="Riverside Partnership Board",
        kind="board",
        description="The statutory community safety partnership for Riverside.",
    )
    TermsOfReference.objects.create(
        body=board,
        version=1,
        adopted_on=dt.date(2025, 4, 1),
        purpose="To reduce crime and disorder in Riverside.",
        quorum=2,
    )
    people = {}
    for key, name, honorific, org, role in [
        ("chair", "Ann Lee", "Cllr", council, "chair"),
        ("police", "Bob Stone", "Supt", police, "member"),
        ("health", "Carol Hart", "Dr", health, "member"),
        ("youth", "Dev Patel", "", charity, "member"),
    ]:
        person = Person.objects.create(name=name, honorific=honorific, organisation=org)
        Membership.objects.create(person=person, body=board, organisation=org, role=role)
        people[key] = person
    secretary = User.objects.create_user(username="secretary", password=PASSWORD)
    secretary.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return SimpleNamespace(board=board, secretary=secretary, **people)


def meeting_pk(page: Page) -> int:
    match = re.search(r"/meetings/(\d+)/$", page.url)
    assert match, f"expected a meeting page, got {page.url}"
    return int(match[1])


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page, "the login page")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as secretary")).to_be_visible()


def record_meeting(page: Page, base: str, board: Body, date: str, venue: str) -> int:
    page.goto(f"{base}/bodies/{board.slug}/")
    page.get_by_role("link", name="Record a meeting").click()
    expect(page.get_by_role("heading", name="Record a meeting")).to_be_visible()
    expect(page.get_by_label("Body")).to_have_value(str(board.pk))
    page.get_by_label("Date").fill(date)
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("End time").fill("20:00")
    page.get_by_label("Venue").fill(venue)
    page.get_by_label("Status").select_option("held")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Meeting recorded.")).to_be_visible()
    return meeting_pk(page)


def add_item(page: Page, **fields: str) -> None:
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill(fields["title"])
    if "presenter" in fields:
        page.get_by_label("Presenter").select_option(label=fields["presenter"])
    page.get_by_label("Minute text").fill(fields["minute_text"])
    if "visibility" in fields:
        page.get_by_label("Visibility").select_option(label=fields["visibility"])
        page.get_by_label("Restriction reason").fill(fields["reason"])
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile(r"Item \d+ added\."))).to_be_visible()


def item_article(page: Page, title: str):  # a Locator
    return page.locator("article.item").filter(
        has=page.get_by_role("heading", name=re.compile(re.escape(title)))
    )


def test_secretariat_records_meetings_and_the_public_reads_the_minutes(
    page: Page, live_server, settings
) -> None:
    settings.CONCORD_PARTNERSHIP_NAME = PARTNERSHIP
    world = build_board()
    base = live_server.url

    # --- The public home page, then sign in as the secretariat.
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1, name=PARTNERSHIP)).to_be_visible()
    header_colour = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    assert page.evaluate(header_colour) == "rgb(11, 61, 145)", "concord.css did not load"
    assert_accessible(page, "the home page (anonymous)")
    sign_in(page, base)
    assert_accessible(page, "the home page (secretariat)")

    # --- The body page: members, terms of reference, "Record a meeting".
    page.goto(f"{base}/bodies/{world.board.slug}/")
    expect(page.get_by_role("heading", level=1, name="Riverside Partnership Board")).to_be_visible()
    expect(page.get_by_text("Quorum: 2 members.")).to_be_visible()
    assert_accessible(page, "the body page")

    # --- Record the first meeting.
    first = record_meeting(page, base, world.board, "2026-06-11", "Riverside Civic Centre, Room 3")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thursday 11 June 2026")
    assert_accessible(page, "a new meeting's page")

    # --- Attendance: two members present, one apologies, a guest in attendance.
    page.get_by_role("link", name="Record attendance").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Attendance")
    assert_accessible(page, "the attendance form")
    page.get_by_label("Cllr Ann Lee (Riverside Borough Council)").select_option("present")
    page.get_by_label("Supt Bob Stone (Riverside Police)").select_option("present")
    page.get_by_label("Dr Carol Hart (Riverside Health Trust)").select_option("apologies")
    page.get_by_label("Other attendee 1: or guest name").fill("Dee Guest")
    page.get_by_label("Other attendee 1: organisation").select_option(label="Riverside Youth Trust")
    page.get_by_label("Other attendee 1: status").select_option("in_attendance")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved.")).to_be_visible()
    attendance = page.locator("section", has=page.locator("#attendance-h"))
    expect(attendance).to_contain_text("Cllr Ann Lee (Chair), Riverside Borough Council")
    expect(attendance).to_contain_text("Supt Bob Stone, Riverside Police")
    expect(attendance).to_contain_text("Dee Guest, Riverside Youth Trust")
    expect(attendance.locator("h3", has_text="Apologies")).to_be_visible()
    expect(page.get_by_text("Not quorate")).to_have_count(0)

    # --- Item 1, with a decision and an action.
    page.get_by_role("link", name="Add an item").click()
    expect(page.get_by_label("Number")).to_have_value("1")
    assert_accessible(page, "the item form")
    page.get_by_role("link", name="Cancel").click()
    add_item(
        page,
        title="Community safety plan",
        presenter="Cllr Ann Lee",
        minute_text="The board reviewed the draft community safety plan for 2026-29.\n"
        "Members welcomed the focus on the town centre at night.",
    )
    safety = item_article(page, "Community safety plan")
    safety.get_by_role("link", name="Add a decision").click()
    page.get_by_label("Kind").select_option("approved")
    page.get_by_label("Decision").fill("the community safety plan for 2026-29")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Decision added to item 1.")).to_be_visible()

    item_article(page, "Community safety plan").get_by_role("link", name="Add an action").click()
    assert_accessible(page, "the action form")
    page.get_by_label("Description").fill("Publish the community safety plan on the website")
    page.get_by_label("Owners (people)").select_option(label="Cllr Ann Lee")
    page.get_by_label("Due").fill("someday")
    page.get_by_role("button", name="Save").click()
    due_errors = page.locator("#id_due_errors")
    expect(due_errors).to_be_visible()
    expect(due_errors).to_contain_text("Due:")
    expect(due_errors).to_contain_text("“someday” is not a date")
    assert_accessible(page, "the action form with an error")
    page.get_by_label("Due").fill("Sept 2026")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action recorded.")).to_be_visible()
    actions = item_article(page, "Community safety plan").locator("table")
    expect(actions).to_contain_text("Publish the community safety plan on the website")
    expect(actions).to_contain_text("Cllr Ann Lee")
    expect(actions).to_contain_text("September 2026")
    action = Action.objects.get(description__startswith="Publish the community safety plan")

    # --- Item 2: another public item, and item 3: restricted, with a reason.
    add_item(
        page,
        title="Youth engagement update",
        presenter="Supt Bob Stone",
        minute_text="Dee Guest reported on the summer diversion programme: "
        "340 young people took part.",
    )
    item_article(page, "Youth engagement update").get_by_role("link", name="Add a decision").click()
    page.get_by_label("Kind").select_option("noted")
    page.get_by_label("Decision").fill("the summer programme report")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Decision added to item 2.")).to_be_visible()
    add_item(
        page,
        title=RESTRICTED_TITLE,
        minute_text=RESTRICTED_TEXT,
        visibility="Restricted",
        reason="Commercially sensitive (Local Government Act 1972, Sch 12A para 3)",
    )
    restricted = item_article(page, RESTRICTED_TITLE)
    expect(restricted).to_contain_text("Not public: Commercially sensitive")
    assert AgendaItem.objects.get(title=RESTRICTED_TITLE).visibility == "restricted"
    assert_accessible(page, "the meeting page with items (secretariat)")

    # --- The second, later meeting approves the first meeting's minutes.
    second = record_meeting(page, base, world.board, "2026-09-17", "Riverside Police Station")
    page.get_by_role("link", name="Approve earlier minutes").click()
    expect(page.get_by_label("Minutes of")).to_be_visible()
    assert_accessible(page, "the approve-minutes form")
    page.get_by_label("Minutes of").select_option(str(first))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Minutes of 11 June 2026 approved.")).to_be_visible()
    assert Meeting.objects.get(pk=first).approved_at_id == second

    # --- Matters arising: the action is there; close it in place (HTMX).
    page.get_by_role("link", name="Matters arising").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Matters arising")
    row = page.locator(f"#action-{action.pk}")
    expect(row).to_contain_text("Publish the community safety plan on the website")
    expect(row).to_contain_text("11 Jun 2026")
    expect(row).to_contain_text("September 2026")
    assert_accessible(page, "the matters arising page")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "screenshot-matters-arising.png"))
    url_before = page.url
    row.get_by_label("Progress note").fill("Published on the council website on 1 September.")
    row.get_by_label("Status after this update").select_option("done")
    with page.expect_response(lambda r: "matters-arising" in r.url and r.request.method == "POST"):
        row.get_by_role("button", name="Save update").click()
    row = page.locator(f"#action-{action.pk}")
    expect(row.get_by_role("status")).to_have_text("Saved")
    expect(row.locator(".badge-done")).to_have_text("Done")
    expect(row).to_contain_text("Published on the council website on 1 September.")
    assert page.url == url_before, "the update should be made in place, without navigating"
    assert_accessible(page, "the matters arising page after an in-place update")

    # --- The action page shows it closed at the second meeting.
    row.get_by_role("link", name="Publish the community safety plan on the website").click()
    expect(page.get_by_role("heading", level=1, name="Action")).to_be_visible()
    expect(page.get_by_text("Done on 17 September 2026")).to_be_visible()
    closed = page.get_by_role("listitem").filter(has_text=re.compile(r"^Closed at"))
    expect(closed).to_contain_text("Riverside Partnership Board — 17 September 2026")
    expect(closed.get_by_role("link")).to_have_attribute("href", f"/meetings/{second}/")
    assert_accessible(page, "the action page")

    # --- The tracker.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Action tracker").click()
    expect(page.get_by_role("heading", level=1, name="Action tracker")).to_be_visible()
    assert_accessible(page, "the action tracker")

    # --- The README's screenshot: the first meeting, as the secretariat sees it.
    page.goto(f"{base}/meetings/{first}/")
    expect(page.get_by_text("at the meeting of 17 September 2026")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "screenshot.png"))

    # --- Sign out; the public reads the approved minutes, without the restricted item.
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    page.goto(f"{base}/meetings/{first}/")
    expect(page.locator(".badge-approved")).to_have_text("Approved")
    expect(page.get_by_role("heading", name="Community safety plan")).to_be_visible()
    expect(page.get_by_text("Members welcomed the focus on the town centre")).to_be_visible()
    expect(page.get_by_text("the community safety plan for 2026-29")).to_be_visible()
    expect(page.get_by_text("the summer programme report")).to_be_visible()
    expect(page.get_by_role("link", name="Record attendance")).to_have_count(0)
    html = page.content()
    assert RESTRICTED_TITLE not in html
    assert "Acme Cameras" not in html
    assert "Commercially sensitive" not in html
    assert_accessible(page, "the public meeting page")
    word_href = page.get_by_role("link", name="Download the minutes (Word)").get_attribute("href")
    word = page.request.get(f"{base}{word_href}")
    assert word.ok, word.status
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.body())).paragraphs)
    assert "Community safety plan" in text
    assert "Acme Cameras" not in text and RESTRICTED_TITLE not in text
    page.screenshot(path=str(SCREENSHOTS / "screenshot-public-meeting.png"))

    # The decisions register, from the main navigation: the public decisions only.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Decisions").click()
    expect(page.get_by_role("heading", level=1, name="Decisions")).to_be_visible()
    expect(page.get_by_text("the community safety plan for 2026-29")).to_be_visible()
    assert "Acme Cameras" not in page.content() and RESTRICTED_TITLE not in page.content()
    assert_accessible(page, "the decisions register")

    # The secretariat pages are not open to the public.
    page.goto(f"{base}/meetings/{second}/matters-arising/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_stylesheet_is_found_by_staticfiles() -> None:
    from django.contrib.staticfiles import finders

    assert finders.find("concord/concord.css") is not None
