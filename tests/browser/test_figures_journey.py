"""The performance officer's quarter in a real browser, with axe-core: a file naming an area
by name, a period as people write it and a changed figure is uploaded; the preview says how
each column was read and shows the old figure, the new one and who entered the old one;
confirming writes it; then the officer drafts the report's commentary, which a member of
the board reads before publication. No serious or critical axe violations; the preview
fits a 390 px phone."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from concord.performance.models import Observation, ReportNote
from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.browser

PASSWORD = "harbour-lights-2026"
_axe = Axe()

FILE = (
    b"indicator,area,period,value\n"
    b"Households with working smoke alarms,Harbourside,Q4 2024,88\n"
    b"HS 2,L9000001,Q1 2025,81\n"
)


def assert_no_serious_violations(page: Page, what: str) -> None:
    violations = [
        v
        for v in _axe.run(page).response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    report = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]
    assert not violations, f"axe: {what} ({page.url}):\n" + json.dumps(report, indent=2)


@pytest.fixture
def w(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_perf_world()
    for user in (User.objects.get(username="board-editor"), world.board_member):
        user.set_password(PASSWORD)
        user.save()
    return world


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {username}")).to_be_visible()


def test_the_performance_officer_s_quarter(page: Page, live_server, w) -> None:
    base = live_server.url
    sign_in(page, base, "board-editor")

    # Upload: nothing is written before the preview is confirmed.
    page.goto(f"{base}/performance/import/")
    page.get_by_label("What the file holds").select_option("observations")
    page.locator("#id_file").set_input_files(
        files=[{"name": "quarter.csv", "mimeType": "text/csv", "buffer": FILE}]
    )
    page.get_by_role("button", name="Check and preview").click()
    expect(page.get_by_role("heading", name="Preview of quarter.csv")).to_be_visible()
    expect(page.get_by_text("Nothing has been written yet.")).to_be_visible()
    expect(page.get_by_text("by code (1 row), by name (1 row)")).to_be_visible()
    expect(page.get_by_text(re.compile("'Q4 2024' as 2024-Q4"))).to_be_visible()
    changed = page.get_by_role("table", name="Changed rows of the file")
    expect(changed.get_by_role("cell", name="73%")).to_be_visible()
    expect(changed.get_by_role("cell", name="88%")).to_be_visible()
    expect(
        changed.get_by_text(re.compile("^by an import|^by someone not recorded"))
    ).to_be_visible()
    assert (
        Observation.objects.get(indicator=w.coverage, area=w.la, period__code="2024-Q4").value == 73
    )
    assert_no_serious_violations(page, "the import preview")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name=re.compile("Confirm and import 2 rows")).click()
    expect(page.get_by_text("Imported 2 row(s): 1 new, 1 changed, 0 unchanged.")).to_be_visible()
    assert (
        Observation.objects.get(indicator=w.coverage, area=w.la, period__code="2024-Q4").value == 88
    )

    # Draft commentary before publication.
    page.goto(f"{base}/performance/reports/{w.draft_report.pk}/")
    page.get_by_role("link", name="Edit the words").click()
    page.get_by_label("The story behind the figures").fill("Alarm fitting resumed in January.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Report saved.")).to_be_visible()
    page.get_by_role("link", name="Draft the notes on each indicator").click()
    page.get_by_label(re.compile("^HS 2 Households")).fill("Stock arrived; fitting caught up.")
    assert_no_serious_violations(page, "the draft notes")
    page.get_by_role("button", name="Save the draft notes").click()
    expect(page.get_by_text(re.compile("Draft notes saved"))).to_be_visible()
    assert ReportNote.objects.get(indicator=w.coverage).text == "Stock arrived; fitting caught up."

    # A member of the board reads the draft, with its commentary, before publication.
    page.get_by_role("button", name=re.compile("Sign out")).click()
    sign_in(page, base, w.board_member.username)
    page.goto(f"{base}/performance/reports/{w.draft_report.pk}/")
    expect(page.get_by_text("Alarm fitting resumed in January.")).to_be_visible()
    expect(page.get_by_text("Stock arrived; fitting caught up.")).to_be_visible()
    expect(page.get_by_role("link", name="Draft the notes on each indicator")).to_have_count(0)
    assert_no_serious_violations(page, "the draft report as a member reads it")
