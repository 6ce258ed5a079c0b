"""On a 390 px wide phone, no page is wider than the screen: the navigation wraps and wide
tables scroll inside their own box, not the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def w(transactional_db):
    return build_perf_world()


def test_public_pages_fit_a_phone(browser, live_server, w) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    paths = [
        "/",
        reverse("portal:bodies"),
        reverse("portal:body", args=[w.board.slug]),
        reverse("portal:meetings"),
        reverse("portal:meeting", args=[w.meeting.pk]),
        reverse("portal:decisions"),
        "/performance/",
        f"/performance/indicators/{w.rate.pk}/",
    ]
    too_wide = {}
    try:
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response is not None and response.ok, path
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide = page.evaluate(
                    "Array.from(document.querySelectorAll('main *')).filter(e => "
                    "e.getBoundingClientRect().right > 392).slice(0, 4).map(e => "
                    "e.tagName + '.' + e.className + ' ' + "
                    "Math.round(e.getBoundingClientRect().right))"
                )
                too_wide[path] = (width, wide)
    finally:
        context.close()
    assert not too_wide, f"wider than a {PHONE['width']} px phone: {too_wide}"
