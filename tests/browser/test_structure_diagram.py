"""The structure diagram in a real browser: a box of the SVG opens its body's page, the
picture scrolls inside its own box on a 390 px phone, and axe-core finds no serious or
critical violation; a members-only body is not drawn for the public."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.browser.test_search_journey import PHONE, assert_accessible, assert_fits_the_phone
from tests.personas import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def w(transactional_db):
    cache.clear()
    return build_world()


def test_a_visitor_follows_a_box_of_the_diagram_to_its_body(browser, live_server, w):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/structure/")
        assert page.locator("svg a").count() >= 1
        assert "Offender Tasking Group" not in page.content()
        assert_fits_the_phone(page)
        assert_accessible(page)
        page.locator(f'svg a[*|href="/bodies/{w.board.slug}/"]').first.click()
        page.wait_for_url(f"**/bodies/{w.board.slug}/")
        assert page.locator("h1").inner_text() == w.board.name
    finally:
        context.close()
