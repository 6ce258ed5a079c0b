"""The secretariat, on a phone with JavaScript off, opens the areas bodies serve from the
bodies' register, adds a ward to a board by typing the board's name and the ward's code,
then removes it; errors name the field; axe finds no serious or critical violation (axe-core
is injected as a script, so the pages are checked in a second, scripted tab)."""

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
    scripted = browser.new_context(viewport=PHONE)
    page, checker = context.new_page(), scripted.new_page()
    try:
        for tab in (page, checker):
            tab.goto(f"{live_server.url}/accounts/login/")
            tab.get_by_label("Username").fill("secretary")
            tab.get_by_label("Password").fill(PASSWORD)
            tab.get_by_role("button", name="Sign in").click()
        page.goto(f"{live_server.url}/register/bodies/")
        page.get_by_role("link", name="Areas each body serves").click()
        expect(page.get_by_role("heading", name="Areas bodies serve", exact=True)).to_be_visible()
        assert_fits_the_phone(page)
        checker.goto(page.url)
        assert_accessible(checker)

        page.get_by_label("Find by name").fill("Foleshill Ward")
        page.get_by_role("textbox", name="Area", exact=True).fill("Nowhere")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(page.get_by_text("Area: No area has the code or name “Nowhere”.")).to_be_visible()
        # The same refusal in the scripted tab, for axe.
        checker.get_by_role("textbox", name="Area", exact=True).fill("Nowhere")
        checker.get_by_role("button", name="Add", exact=True).click()
        expect(checker.get_by_text("Area: No area has the code or name “Nowhere”.")).to_be_visible()
        assert_accessible(checker)

        page.locator("select#id_body").select_option(label=board.name)
        page.get_by_role("textbox", name="Area", exact=True).fill("E05009001")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(
            page.get_by_text(f"Added: {board.name} serves Foleshill (E05009001).")
        ).to_be_visible()
        assert BodyArea.objects.filter(body=board, area__code="E05009001").exists()
        assert_fits_the_phone(page)
        checker.goto(page.url)
        expect(checker.get_by_text("Foleshill (E05009001)").first).to_be_visible()
        assert_accessible(checker)

        page.get_by_role("button", name=f"Remove Foleshill from {board.name}").click()
        expect(
            page.locator(".message").get_by_text(f"Removed: {board.name} serves Foleshill")
        ).to_be_visible()
        assert not BodyArea.objects.exists()
    finally:
        context.close()
        scripted.close()
