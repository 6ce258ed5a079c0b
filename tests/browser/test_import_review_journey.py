"""Importing minutes through a real browser: upload two, review and confirm one, discard the other.

Documents are read by calling the processing function in the test (no worker
thread); everything else is done as the secretariat would do it. During the
review a signed-out crawl of every public page, feed and API endpoint finds
none of the uploads' invented names (all contain "Quill"). axe-core: no
serious or critical violations on the review pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import Page, expect

from concord.governance.models import Body, Membership
from concord.imports.models import Document
from concord.imports.services import process_document
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import Meeting
from concord.people.models import Organisation, Person
from tests.imports.crawl import crawl_public, found
from tests.imports.sentinel import SENTINEL, SENTINEL_MINUTES
from tests.ingest.builders import to_txt

pytestmark = pytest.mark.browser

PASSWORD = "river-side-2026"
_axe = Axe()

# Minutes of a board already in the register, with a member's name misspelt and
# invented names (all with "Quill") that the public must not see while in review.
BOARD_MINUTES = [
    "Riverside Partnership Board",
    "Minutes of the meeting held on Thursday 11th June 2026",
    "6.00 pm - 8.00 pm",
    "Present:",
    ["Cllr Ann Lee (Chair)", "Riverside Borough Council"],
    ["Bobb Stone", "Riverside Police"],
    ["Quillan Marsh", "Quillan Housing Association"],
    "1. Welcome",
    "The chair welcomed Quillan Marsh.",
    "2. Quillside Estate Patrols",
    "The Board agreed the patrol plan for the Quillside estate.",
    "Action: Quillan Marsh to circulate the Quillside patrol plan by 31/07/26.",
]


def assert_accessible(page: Page, what: str) -> None:
    """No serious or critical axe-core violations on the page as it is now."""
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    report = [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
              for v in bad]  # fmt: skip
    assert not bad, f"axe found violations on {what} ({page.url}):\n" + json.dumps(report, indent=2)


def _world() -> Body:
    council = Organisation.objects.create(name="Riverside Borough Council", sector="public")
    police = Organisation.objects.create(name="Riverside Police", sector="public")
    board = Body.objects.create(name="Riverside Partnership Board", kind="board")
    for name, org, role in [("Ann Lee", council, "chair"), ("Bob Stone", police, "member"),
                            ("Carol Hart", council, "member")]:  # fmt: skip
        person = Person.objects.create(name=name, organisation=org)
        Membership.objects.create(person=person, body=board, organisation=org, role=role)
    secretary = User.objects.create_user(username="secretary", password=PASSWORD)
    secretary.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return board


def test_upload_review_confirm_as_draft_and_discard(page: Page, live_server, tmp_path: Path):
    board = _world()
    base = live_server.url
    board_file = tmp_path / "board-june.txt"
    board_file.write_text(to_txt(BOARD_MINUTES), encoding="utf-8")
    forum_file = tmp_path / "forum-march.txt"
    forum_file.write_text(to_txt(SENTINEL_MINUTES), encoding="utf-8")

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as secretary")).to_be_visible()

    # --- Upload both; the worker's processing is called here, in the test.
    page.goto(f"{base}/imports/")
    page.get_by_label("Minutes documents").set_input_files([board_file, forum_file])
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("board-june.txt: queued for reading.")).to_be_visible()
    for document in Document.objects.filter(status="queued"):
        process_document(document.pk)
    assert set(Document.objects.values_list("status", flat=True)) == {"review"}

    # --- While both wait for review, the public sees nothing of them.
    pages = crawl_public(Client())
    assert "/popolo.json" in pages and "/calendar.ics" in pages and "/api/meetings" in pages
    assert found(pages, SENTINEL) == []
    assert not Meeting.objects.exists()

    # --- Review the board's minutes: fix an attendee, pick an owner, add the venue.
    page.goto(f"{base}/imports/")
    page.get_by_role("link", name="board-june.txt").click()
    expect(page.get_by_role("heading", level=1, name="Review: board-june.txt")).to_be_visible()
    expect(page.get_by_role("cell", name="create a new person").first).to_be_visible()
    assert_accessible(page, "the review page")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Attendee 2: from the register").select_option(label="Bob Stone")
    page.get_by_label("Action 1: owners from the register").select_option(label="Carol Hart")
    page.get_by_label("Action 1: or owners as written").fill("")
    page.get_by_label("Venue").fill("Riverside Civic Centre, Room 3")
    page.get_by_role("button", name="Save corrections").click()
    expect(page.get_by_text("Corrections saved.")).to_be_visible()
    expect(page.get_by_role("cell", name="link to Bob Stone (picked)")).to_be_visible()
    assert_accessible(page, "the review page after saving")

    # --- Confirm as draft minutes (the default for the body's newest minutes).
    expect(page.get_by_label("a draft, not yet approved")).to_be_checked()
    page.get_by_role("button", name="Confirm this meeting").click()
    expect(
        page.get_by_text("Confirmed: the meeting is recorded with draft minutes")
    ).to_be_visible()
    assert_accessible(page, "the confirmed import")
    meeting = Meeting.objects.get()
    assert (meeting.body, meeting.minutes_status) == (board, "draft")
    assert meeting.venue == "Riverside Civic Centre, Room 3"
    assert meeting.attendances.filter(person__name="Bob Stone").exists()
    assert not Person.objects.filter(name="Bobb Stone").exists()
    action = meeting.items.get(number="2").actions.get()
    assert [o.person.name for o in action.owners.all()] == ["Carol Hart"]

    # --- The public sees the meeting, not its draft minutes.
    public = page.context.browser.new_page()  # type: ignore[union-attr]
    public.goto(f"{base}/meetings/{meeting.pk}/")
    expect(
        public.get_by_text("The minutes of this meeting have not been published yet.")
    ).to_be_visible()
    assert SENTINEL not in public.content()
    public.close()

    # --- Discard the other: nothing of it remains.
    page.goto(f"{base}/imports/")
    page.get_by_role("link", name="forum-march.txt").click()
    assert_accessible(page, "the review page of the other document")
    page.get_by_role("button", name="Discard this import").click()
    expect(page.get_by_text("forum-march.txt discarded")).to_be_visible()
    assert not Document.objects.filter(filename="forum-march.txt").exists()
    assert not Body.objects.filter(name__contains=SENTINEL).exists()
    assert not Person.objects.filter(name__contains="Quillfeather").exists()
    assert not Organisation.objects.filter(name__contains="Quillfeather").exists()
    assert found(crawl_public(Client()), "Quillfeather") == []
