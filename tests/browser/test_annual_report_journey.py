"""The annual report through a real browser, with axe-core on every page: the secretariat
records added value from a decision, a funding award and a risk in this financial year,
generates the year's report, writes its introduction and a case study and publishes it;
the public then reads it, on a 390 px phone too."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from concord.registers.annual.year import year_of
from concord.registers.models import AnnualReport, year_label
from tests.browser.test_registers_journey import PHONE, sign_in, w  # noqa: F401
from tests.browser.test_secretariat_journey import assert_accessible

pytestmark = pytest.mark.browser


def test_recording_the_year_and_generating_its_report(page: Page, browser, live_server, w) -> None:  # noqa: F811
    base = live_server.url
    today = dt.date.today().isoformat()
    year = year_of(dt.date.today())
    sign_in(page, base, w.secretariat.username)

    # Added value from a decision.
    page.goto(f"{base}/meetings/{w.meeting.pk}/")
    page.get_by_role("link", name="Record added value from this decision").first.click()
    page.get_by_label("Category").select_option(label="Projects initiated")
    page.get_by_label("Date").fill(today)
    page.get_by_label("Title").fill("Street lighting project started")
    page.get_by_label("Body").select_option(label=w.board.name)
    page.get_by_label("Public").check()
    page.get_by_label("Money value (£)").fill("£2,500")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Street lighting project started")).to_be_visible()

    # A funding award, step by step.
    page.goto(f"{base}/registers/funding/{w.public_bid.pk}/")
    for status in ("Drafting", "Submitted"):
        page.get_by_label("New status").select_option(label=status)
        page.get_by_label("Date of this step").fill(today)
        page.get_by_role("button", name="Record this step").click()
        expect(page.get_by_text(f"is now {status.lower()}")).to_be_visible()
    page.get_by_label("New status").select_option(label="Awarded")
    page.get_by_label("Date of this step").fill(today)
    page.get_by_label("Amount awarded (£)").fill("45000")
    page.get_by_role("button", name="Record this step").click()
    expect(page.get_by_text("is now awarded")).to_be_visible()

    # A risk.
    page.goto(f"{base}/registers/risks/new/")
    page.get_by_label("Title").fill("Lighting contractor delays")
    page.get_by_label("Body").select_option(label=w.board.name)
    page.get_by_label("Public").check()
    page.get_by_label("Likelihood").fill("3")
    page.get_by_label("Impact").fill("4")
    page.get_by_label("Target score").fill("6")
    page.get_by_label("Identified on").fill(today)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Lighting contractor delays")).to_be_visible()

    # The year's report, chosen on the annual reports page.
    page.goto(f"{base}/registers/")
    page.get_by_role("link", name="Annual reports").click()
    assert_accessible(page, "the annual reports page")
    page.get_by_label("Financial year").select_option(label=year_label(year))
    page.get_by_role("button", name="Show the report").click()
    heading = f"annual report {year_label(year)}"
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.get_by_text("Draft: not yet published.")).to_be_visible()
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Projects initiated"))
    expect(row).to_contain_text("£2,500.00")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Funding secured and savings"))
    expect(row).to_contain_text("£45,000.00")
    expect(page.locator("#risks")).to_contain_text("open or tolerated risks")
    risks = page.locator("#risks table")
    expect(
        risks.locator("tr", has=page.get_by_role("rowheader", name="3", exact=True))
    ).to_contain_text("1")
    assert_accessible(page, "the annual report")
    pdf = page.request.get(f"{base}/registers/annual-report/{year}/report.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF-")

    # The introduction, a case study, and publishing.
    page.get_by_role("link", name="Edit the introduction and publishing").click()
    page.get_by_label("Introduction").fill("A year of lighting up Riverton.")
    page.get_by_label("Published").check()
    assert_accessible(page, "the introduction form")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add a case study").click()
    page.get_by_label("Title").fill("Brighter streets")
    page.get_by_label("Text").fill("Residents feel safer after dark.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Brighter streets")).to_be_visible()
    assert AnnualReport.objects.get(year=year).published

    # The public reads the published report, public data only, on a phone.
    context = browser.new_context(viewport=PHONE)
    public = context.new_page()
    try:
        response = public.goto(f"{base}/registers/annual-report/{year}/")
        assert response is not None and response.ok
        expect(public.get_by_text("Public information only.")).to_be_visible()
        expect(public.get_by_text("A year of lighting up Riverton.")).to_be_visible()
        expect(public.get_by_text("Offender Tasking Group")).to_have_count(0)
        width = public.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the report is {width} px wide on a phone"
        assert_accessible(public, "the public annual report on a phone")
    finally:
        context.close()
