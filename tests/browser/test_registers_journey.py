"""The registers through a real browser, with axe-core on every page: an editor records
added value from a decision, takes a funding bid to its award (which then counts into
added value), records a risk (a likelihood of 7 refused on the field) and reads the heat
map; the registers fit a 390 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from concord.registers.models import AddedValue, FundingBid, Risk
from tests.browser.test_secretariat_journey import assert_accessible
from tests.personas import build_world
from tests.registers.entries import add_entries

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def w(transactional_db):
    world = build_world()
    add_entries(world)
    return world


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {username}")).to_be_visible()


def test_recording_added_value_a_funding_award_and_a_risk(page: Page, live_server, w) -> None:
    base = live_server.url
    sign_in(page, base, w.secretariat.username)

    # Added value from a decision, starting on the meeting page.
    page.goto(f"{base}/meetings/{w.meeting.pk}/")
    page.get_by_role("link", name="Record added value from this decision").first.click()
    expect(page.get_by_role("heading", name="Add added value entry")).to_be_visible()
    expect(page.get_by_text("to adopt the community safety plan")).to_be_visible()
    assert_accessible(page, "the added value form")
    page.get_by_label("Category").select_option(label="Projects initiated")
    page.get_by_label("Date").fill("2025-03-04")
    page.get_by_label("Title").fill("Street lighting project started")
    page.get_by_label("Body").select_option(label=w.board.name)
    page.get_by_label("Money value (£)").fill("£2,500")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Street lighting project started")).to_be_visible()
    expect(page.get_by_role("link", name="to adopt the community safety plan")).to_be_visible()
    assert_accessible(page, "an added value entry")
    entry = AddedValue.objects.get(title="Street lighting project started")
    assert entry.decision is not None and entry.money_value == 2500

    # A funding bid taken to its award, step by step.
    page.goto(f"{base}/registers/funding/{w.public_bid.pk}/")
    for status, on in (("Drafting", "2025-02-01"), ("Submitted", "2025-03-01")):
        page.get_by_label("New status").select_option(label=status)
        page.get_by_label("Date of this step").fill(on)
        page.get_by_role("button", name="Record this step").click()
        expect(page.get_by_text(f"is now {status.lower()}")).to_be_visible()
    assert_accessible(page, "a funding bid")
    page.get_by_label("New status").select_option(label="Awarded")
    page.get_by_label("Date of this step").fill("2025-06-01")
    page.get_by_label("Amount awarded (£)").fill("60000")
    page.get_by_role("button", name="Record this step").click()
    expect(page.get_by_text("Amount awarded (£): The award is larger")).to_be_visible()
    page.get_by_label("Amount awarded (£)").fill("45000")
    page.get_by_role("button", name="Record this step").click()
    expect(page.get_by_text("is now awarded")).to_be_visible()
    assert FundingBid.objects.get(pk=w.public_bid.pk).amount_awarded == 45000
    page.goto(f"{base}/registers/added-value/")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Funding secured and savings"))
    expect(row).to_contain_text("£45,999.00")  # the award and the tasking group's saving
    assert_accessible(page, "the added value list")

    # A risk: a likelihood of 7 is refused on the field.
    page.goto(f"{base}/registers/risks/")
    page.get_by_role("link", name="Add risk").click()
    page.get_by_label("Title").fill("Lighting contractor delays")
    page.get_by_label("Body").select_option(label=w.board.name)
    page.get_by_label("Likelihood").fill("7")
    page.get_by_label("Impact").fill("4")
    page.get_by_label("Target score").fill("6")
    page.get_by_label("Identified on").fill("2025-03-01")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Likelihood: Ensure this value is less than or equal to 5.")
    ).to_be_visible()
    assert_accessible(page, "the risk form with an error")
    page.get_by_label("Likelihood").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Lighting contractor delays")).to_be_visible()
    assert Risk.objects.get(title="Lighting contractor delays").score == 12
    assert_accessible(page, "a risk")
    page.goto(f"{base}/registers/risks/heat-map/")
    expect(page.get_by_role("img", name="Risk heat map: likelihood by impact")).to_be_visible()
    assert_accessible(page, "the heat map")


def test_the_registers_fit_a_phone_and_read_well_for_the_public(browser, live_server, w) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    paths = [
        "/registers/",
        "/registers/added-value/",
        "/registers/funding/",
        "/registers/publicity/",
        "/registers/risks/",
        "/registers/risks/heat-map/",
        "/registers/sharing/",
        f"/registers/sharing/{w.public_agreement.pk}/",
        f"/registers/added-value/{w.public_value.pk}/",
    ]
    too_wide = {}
    try:
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response is not None and response.ok, path
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[path] = width
            assert_accessible(page, path)
    finally:
        context.close()
    assert not too_wide, f"wider than a {PHONE['width']} px phone: {too_wide}"
