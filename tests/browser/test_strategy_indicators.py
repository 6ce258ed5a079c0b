"""The strategy form's linked indicators in a real browser: each theme is a group (a
fieldset named by its legend) that a screen reader announces, the boxes are reached and
ticked from the keyboard, the form works without JavaScript and fits a 390 px phone, and
axe-core finds nothing serious or critical."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from concord.registers.models import Strategy
from tests.browser.test_registers_journey import PHONE, sign_in
from tests.browser.test_secretariat_journey import assert_accessible
from tests.performance.perf_factories import make_indicator
from tests.personas import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def w(transactional_db):
    world = build_world(editor=True)
    world.lighting = make_indicator(
        code="SS 1", title="Street lighting faults fixed", body=world.board, theme="Safer streets"
    )
    world.burglary = make_indicator(
        code="SS 2", title="Burglary rate", body=world.board, theme="Safer streets"
    )
    world.smoking = make_indicator(
        code="HE 1", title="Smoking quitters", body=world.board, theme="Health"
    )
    world.unthemed = make_indicator(code="ZZ 1", title="Unthemed count", body=world.board)
    return world


def fill_strategy(page: Page, w, title: str) -> None:
    page.get_by_label("Title").fill(title)
    page.get_by_label("Owning body").select_option(label=w.board.name)
    page.get_by_label("From (year)").fill("2025")
    page.get_by_label("To (year)").fill("2028")


def test_each_theme_is_a_named_group_ticked_from_the_keyboard(page: Page, live_server, w) -> None:
    base = live_server.url
    sign_in(page, base, w.editor.username)
    page.goto(f"{base}/registers/strategies/new/")
    linked = page.get_by_role("group", name="Linked indicators")
    expect(linked).to_be_visible()
    safer = linked.get_by_role("group", name="Safer streets")
    expect(
        safer.get_by_role("checkbox", name="SS 1 — Street lighting faults fixed")
    ).to_be_visible()
    expect(safer.get_by_role("checkbox", name="SS 2 — Burglary rate")).to_be_visible()
    health = linked.get_by_role("group", name="Health")
    expect(health.get_by_role("checkbox", name="HE 1 — Smoking quitters")).to_be_visible()
    no_theme = linked.get_by_role("group", name="No theme")
    expect(no_theme.get_by_role("checkbox", name="ZZ 1 — Unthemed count")).to_be_visible()
    assert_accessible(page, "the strategy form")

    # From the keyboard: focus the first box of "Safer streets", tick it with Space,
    # Tab to the next and tick it too.
    fill_strategy(page, w, "Keyboard strategy")
    first = safer.get_by_role("checkbox", name="SS 1 — Street lighting faults fixed")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    second = safer.get_by_role("checkbox", name="SS 2 — Burglary rate")
    expect(second).to_be_focused()
    page.keyboard.press("Space")
    expect(second).to_be_checked()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Keyboard strategy")).to_be_visible()
    strategy = Strategy.objects.get(title="Keyboard strategy")
    assert set(strategy.indicators.all()) == {w.lighting, w.burglary}

    # An error elsewhere keeps the ticks, and the page is still accessible.
    page.goto(f"{base}/registers/strategies/new/")
    quitters = page.get_by_role("checkbox", name="HE 1 — Smoking quitters")
    quitters.check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Title: This field is required.")).to_be_visible()
    expect(quitters).to_be_checked()
    assert_accessible(page, "the strategy form with errors")


def test_the_picker_works_without_javascript_on_a_phone(browser, live_server, w) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        base = live_server.url
        page.goto(f"{base}/accounts/login/")
        page.get_by_label("Username").fill(w.editor.username)
        page.get_by_label("Password").fill("pw")
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{base}/registers/strategies/new/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the strategy form is {width} px wide on a phone"
        fill_strategy(page, w, "Phone strategy")
        health = page.get_by_role("group", name="Health")
        health.get_by_role("checkbox", name="HE 1 — Smoking quitters").check()
        no_theme = page.get_by_role("group", name="No theme")
        no_theme.get_by_role("checkbox", name="ZZ 1 — Unthemed count").check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", name="Phone strategy")).to_be_visible()
        strategy = Strategy.objects.get(title="Phone strategy")
        assert set(strategy.indicators.all()) == {w.smoking, w.unthemed}
    finally:
        context.close()
