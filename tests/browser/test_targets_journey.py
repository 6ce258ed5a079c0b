"""A targets file in a real browser, with axe-core: a file naming an indicator by title, an
area by name, a period as people write it and a changed target is uploaded; the preview
says how each column was read and shows the old target, the new one and who set the old
one; nothing is written until the officer confirms. No serious or critical axe violations;
the preview fits a 390 px phone."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from concord.performance.models import Target
from tests.browser.test_figures_journey import PASSWORD, assert_no_serious_violations, sign_in
from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.browser

FILE = (
    b"indicator,area,period,value\n"
    b"Households with working smoke alarms,Harbourside,Q4 2024,93\n"
    b"HS 2,L9000001,2025/26,95\n"
)


@pytest.fixture
def w(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_perf_world()
    editor = User.objects.get(username="board-editor")
    editor.set_password(PASSWORD)
    editor.save()
    return world


def stored(w, code: str) -> float | None:
    found = Target.objects.filter(indicator=w.coverage, area=w.la, period__code=code).first()
    return found.value if found else None


def test_a_targets_file_is_previewed_then_confirmed(page: Page, live_server, w) -> None:
    base = live_server.url
    sign_in(page, base, "board-editor")
    page.goto(f"{base}/performance/import/")
    page.get_by_label("What the file holds").select_option("targets")
    page.locator("#id_file").set_input_files(
        files=[{"name": "targets.csv", "mimeType": "text/csv", "buffer": FILE}]
    )
    page.get_by_role("button", name="Check and preview").click()

    expect(page.get_by_role("heading", name="Preview of targets.csv")).to_be_visible()
    expect(page.get_by_text("Nothing has been written yet.")).to_be_visible()
    expect(page.get_by_text("by code (1 row), by title (1 row)")).to_be_visible()
    expect(page.get_by_text("by code (1 row), by name (1 row)")).to_be_visible()
    expect(page.get_by_text(re.compile("'Q4 2024' as 2024-Q4"))).to_be_visible()
    changed = page.get_by_role("table", name="Changed rows of the file")
    expect(changed.get_by_role("columnheader", name="Old target set")).to_be_visible()
    expect(changed.get_by_role("cell", name="90%", exact=True)).to_be_visible()
    expect(changed.get_by_role("cell", name="93%", exact=True)).to_be_visible()
    expect(
        changed.get_by_text(re.compile(r"^by (an import|someone not recorded) on \d"))
    ).to_be_visible()
    new = page.get_by_role("table", name="New rows of the file")
    expect(new.get_by_role("cell", name="95%", exact=True)).to_be_visible()
    assert stored(w, "2024-Q4") == 90 and stored(w, "2025/26") is None
    assert_no_serious_violations(page, "the targets preview")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name=re.compile("Confirm and import 2 rows")).click()
    expect(page.get_by_text("Imported 2 row(s): 1 new, 1 changed, 0 unchanged.")).to_be_visible()
    assert stored(w, "2024-Q4") == 93 and stored(w, "2025/26") == 95
    assert_no_serious_violations(page, "the import page after confirming")
