"""The review screen's evidence in a real browser: marked text, flagged fields, rows added in place.

With JavaScript: "Show in text" brings the field's mark into view without
a reload, and "Add a row" swaps in the form with one more row (htmx)
without reloading the page. Without JavaScript the same button posts the
form and the page comes back with the row. axe-core: no serious or
critical violations, at 1280 px and on a 390 px phone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from concord.imports.models import Document
from concord.imports.services import import_paths
from concord.lib.access import SECRETARIAT_GROUP
from tests.browser.conftest import VIEWPORT
from tests.browser.test_import_review_journey import assert_accessible
from tests.ingest.builders import to_txt

pytestmark = pytest.mark.browser

PASSWORD = "kite-field-2026"
MINUTES = [
    "Kitefield Parks Forum",
    "Minutes of the meeting held on Tuesday 3rd March 2026",
    "Present:",
    ["Ann Lee (Chair)", "Kitefield Town Council"],
    ["Bo Fry", "Kitefield Rangers"],
    "1. Play areas",
    "The Forum agreed the inspection plan for the play areas.",
    "Action: Bo Fry to publish the inspection plan by 30/04/26.",
    "2. Tree planting",
    "The Forum noted the planting report.",
    "Action: Gwen Hollis to order the saplings by 31/05/26.",
]


def _sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as secretary")).to_be_visible()


@pytest.fixture
def review_url(live_server, tmp_path: Path) -> str:
    secretary = User.objects.create_user(username="secretary", password=PASSWORD)
    secretary.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    path = tmp_path / "forum-march.txt"
    path.write_text(to_txt(MINUTES), encoding="utf-8")
    import_paths([path])
    return f"{live_server.url}/imports/{Document.objects.get().pk}/"


def test_the_evidence_panel_marks_fields_and_flags_the_unsure(page: Page, review_url: str) -> None:
    _sign_in(page, review_url.split("/imports/")[0])
    page.goto(review_url)
    panel = page.locator("pre.source-text")
    expect(panel).to_be_visible()
    expect(panel.locator("mark#ev-date")).to_contain_text("3rd March 2026")
    flag = page.locator("p.ev-check", has_text="Gwen Hollis is not in the attendance")
    expect(flag).to_be_visible()
    expect(page.get_by_text("1 field to check")).to_be_visible()
    assert_accessible(page, "the review page with its evidence")

    # "Show in text": the mark comes into view (the panel scrolls), no reload.
    page.evaluate("window.stillHere = true")
    owners = page.get_by_label("Action 2: or owners as written")
    link = owners.locator("xpath=..").get_by_role("link", name="Show in text")
    link.click()
    mark = panel.locator("mark#ev-act-1-owners")
    expect(mark).to_be_in_viewport()
    assert page.evaluate("location.hash") == "#ev-act-1-owners"
    assert page.evaluate("window.stillHere") is True

    # "Add a row" with htmx: one more item row, the page itself not reloaded.
    page.get_by_label("Venue").fill("Typed before adding")
    rows = page.locator("input[name$='-title']").count()
    page.get_by_role("button", name="Add a row to items").click()
    expect(page.locator("input[name$='-title']")).to_have_count(rows + 1)
    expect(page.get_by_label("Venue")).to_have_value("Typed before adding")
    assert page.evaluate("window.stillHere") is True
    assert Document.objects.get().draft is None  # nothing saved

    # A phone: the text comes below the form, nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    form_bottom = page.locator("#draft-form").bounding_box()
    panel_top = panel.bounding_box()
    assert form_bottom and panel_top and panel_top["y"] > form_bottom["y"]
    expect(flag).to_be_visible()
    assert_accessible(page, "the review page on a phone")


def test_without_javascript_add_a_row_posts_the_form(browser, review_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        _sign_in(page, review_url.split("/imports/")[0])
        page.goto(review_url)
        rows = page.locator("input[name^='att-'][name$='-name']").count()
        page.get_by_role("button", name="Add a row to attendance").click()
        expect(page.locator("input[name^='att-'][name$='-name']")).to_have_count(rows + 1)
        expect(page.locator("p.ev-check", has_text="Gwen Hollis is not in")).to_be_visible()
        page.get_by_role("link", name="Show in text (Date)").click()
        assert page.url.endswith("#ev-date")
    finally:
        context.close()
