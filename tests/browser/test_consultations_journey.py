"""Consultations on a 390 px phone, with axe-core on every page: a visitor reads what is
closing soon; the secretariat adds a consultation that overlaps another, is warned by
name, is refused until they tick the box, and saves it."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from concord.registers.models import Consultation
from tests.browser.test_registers_journey import sign_in
from tests.browser.test_search_journey import PHONE, assert_accessible, assert_fits_the_phone
from tests.personas import build_world
from tests.registers.entries import add_entries

pytestmark = pytest.mark.browser


@pytest.fixture
def w(transactional_db):
    world = build_world()
    add_entries(world)
    return world


def test_the_overlap_warning_on_a_phone(browser, live_server, w) -> None:
    base = live_server.url
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(f"{base}/consultations/")
        expect(page.get_by_role("heading", name="Closing soon")).to_be_visible()
        expect(
            page.get_by_role("link", name="Your say on street lighting", exact=True)
        ).to_be_visible()
        assert "Zephyrine" not in page.content()
        assert_fits_the_phone(page)
        assert_accessible(page)

        sign_in(page, base, w.secretariat.username)
        page.goto(f"{base}/registers/consultations/new/")
        today = dt.date.today()
        page.locator("#id_title").fill("Street lighting, second round")
        page.locator("#id_body").select_option(label=w.board.name)
        page.locator("#id_audience").select_option(label="Everyone who lives or works here")
        page.locator("#id_opens").fill(today.isoformat())
        page.locator("#id_closes").fill((today + dt.timedelta(days=30)).isoformat())
        page.locator("#id_status").select_option(label="Published")
        page.get_by_role("button", name="Save").click()
        warning = page.locator("#overlaps")
        expect(warning).to_contain_text("Your say on street lighting")
        expect(warning).to_contain_text("Offender tasking consultation")  # the secretariat sees all
        expect(page.locator("#id_confirm_overlap_errors")).to_contain_text("Tick this box")
        assert not Consultation.objects.filter(title="Street lighting, second round").exists()
        assert_fits_the_phone(page)
        assert_accessible(page)
        page.locator("#id_confirm_overlap").check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", name="Street lighting, second round")).to_be_visible()
        assert Consultation.objects.filter(title="Street lighting, second round").exists()
        assert_accessible(page)
    finally:
        context.close()
