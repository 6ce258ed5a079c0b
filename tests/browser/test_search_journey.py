"""A visitor searches from the box in the header, on a 390 px phone, with the keyboard and
without JavaScript: the result is there with its match marked, a restricted item is not,
the page fits the screen and axe-core finds no serious or critical violation."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.personas import build_world

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
_axe = Axe()


def assert_accessible(page: Page) -> None:
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    report = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in bad]
    assert not bad, f"axe found violations on {page.url}:\n" + json.dumps(report, indent=2)


def assert_fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.fixture
def w(transactional_db):
    return build_world()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_visitor_searches_from_the_header_on_a_phone(browser, live_server, w, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert_fits_the_phone(page)
        box = page.get_by_role("searchbox", name="Search everything")
        box.focus()
        page.keyboard.type("community plans")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=community+plans")
        results = page.locator(".search-results")
        assert results.get_by_role("link", name="1. Community safety plan", exact=True).count() == 1
        assert results.locator("mark", has_text="community").count() >= 1
        assert_fits_the_phone(page)
        if javascript:
            assert_accessible(page)

        # The filters are a plain form: choose a type and submit with the keyboard.
        page.get_by_label("Words").fill("acme bidder")
        page.get_by_label("Type").select_option("item")
        page.get_by_label("Words").press("Enter")
        page.wait_for_url("**/search/?q=acme+bidder**")
        assert page.get_by_role("status").inner_text() == "0 results."
        assert "Acme" not in page.locator("main").inner_text().replace("acme bidder", "")
        assert_fits_the_phone(page)
        if javascript:
            assert_accessible(page)
    finally:
        context.close()
