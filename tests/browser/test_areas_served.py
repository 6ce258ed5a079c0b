"""The secretariat, on a phone with JavaScript off, opens the areas bodies serve from the
bodies' register, adds a ward to a board by typing the board's name and the ward's code,
then removes it; errors name the field; axe finds no serious or critical violation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from concord.following.models import BodyArea
from concord.performance.models import Area
from tests.browser.test_search_journey import PHONE, assert_accessible, assert_fits_the_phone
from tests.factories import make_body, make_secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "areas-pass-2026"


def test_the_secretariat_keeps_the_areas_a_body_serves_without_javascript(browser, live_server):
    board = make_body(name="Foleshill Ward Board")
    make_body(name="City Board")
    Area.objects.create(code="E05009001", name="Foleshill", level="ward")
    user: User = make_secretariat_user(username="secretary")
    user.set_password(PASSWORD)
    user.save()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill("secretary")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{live_server.url}/register/bodies/")
        page.get_by_role("link", name="Areas each body serves").click()
        expect(page.get_by_role("heading", name="Areas bodies serve", exact=True)).to_be_visible()
        assert_fits_the_phone(page)
        assert_accessible(page)

        page.get_by_label("Find by name").fill("Foleshill Ward")
        page.get_by_label("Area").fill("Nowhere")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(page.get_by_text("Area: No area has the code or name “Nowhere”.")).to_be_visible()
        assert_accessible(page)

        page.get_by_label("Body", exact=True).select_option(label=board.name)
        page.get_by_label("Area").fill("E05009001")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(
            page.get_by_text(f"Added: {board.name} serves Foleshill (E05009001).")
        ).to_be_visible()
        assert BodyArea.objects.filter(body=board, area__code="E05009001").exists()
        assert_fits_the_phone(page)
        assert_accessible(page)

        page.get_by_role("button", name=f"Remove Foleshill from {board.name}").click()
        expect(page.get_by_text(f"Removed: {board.name} serves Foleshill")).to_be_visible()
        assert not BodyArea.objects.exists()
    finally:
        context.close()
