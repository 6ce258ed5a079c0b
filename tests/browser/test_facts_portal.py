"""The facts portal in a real browser on a 390 px phone with JavaScript off: a resident
goes from the header to a priority, picks their ward with the form, reads its figures
(a small count withheld), then the ward's profile. axe-core on every page: no serious or
critical violation; nothing wider than the phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.facts.world import build_facts_world

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
_axe = Axe()


def check_page(page: Page, what: str) -> None:
    bad = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in _axe.run(page).response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert not bad, f"axe on {what}: {bad}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{what} is {width} px wide on a {PHONE['width']} px phone"


@pytest.fixture
def w(transactional_db):
    return build_facts_world()


def test_a_resident_finds_their_ward_s_facts_without_javascript(browser, live_server, w) -> None:
    # axe-core is injected as a script, so each page is checked in a second, scripted tab.
    plain = browser.new_context(viewport=PHONE, java_script_enabled=False)
    scripted = browser.new_context(viewport=PHONE)
    page, checker = plain.new_page(), scripted.new_page()
    try:
        page.goto(live_server.url + "/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Facts").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Facts about Harbourside"
        visited = [page.url]
        page.get_by_role("link", name="Safer streets").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Safer streets"
        visited.append(page.url)
        page.get_by_label("Area", exact=True).select_option(label="Ward 2")
        page.get_by_role("button", name="Show").click()
        assert "area=W9000002" in page.url
        history = page.get_by_role("table", name="HS 1 in Ward 2: the figures")
        assert "Suppressed (small number)" in history.inner_text()
        assert page.locator("svg[role=img]").count() >= 2
        visited.append(page.url)
        page.get_by_role("link", name="Facts about Harbourside").click()
        page.get_by_role("link", name="Ward 2").click()
        table = page.get_by_role("table")
        assert "Invented Region" in table.inner_text()
        assert "Suppressed (small number)" in table.inner_text()
        visited.append(page.url)
        for url in visited:
            checker.goto(url)
            check_page(checker, url)
    finally:
        plain.close()
        scripted.close()
