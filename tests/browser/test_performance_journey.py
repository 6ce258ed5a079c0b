"""Performance pages in a real browser, with axe-core: the public reads the dashboard and an
indicator; a body editor writes the turn-the-curve action plan, publishes the board's report
(with commentary), downloads it as Word and tries an import with a bad row.

Every page checked must have no axe-core violations at all (not only serious ones).
"""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from concord.actions.models import Action
from concord.performance.models import PerformanceReport
from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.browser

PASSWORD = "harbour-lights-2026"
_axe = Axe()


def assert_no_violations(page: Page, what: str) -> None:
    results = _axe.run(page)
    violations = results.response["violations"]
    report = [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in violations
    ]
    assert not violations, f"axe found violations on {what} ({page.url}):\n" + json.dumps(
        report, indent=2
    )


@pytest.fixture
def w(transactional_db):
    world = build_perf_world()
    editor = User.objects.get(username="board-editor")
    editor.set_password(PASSWORD)
    editor.save()
    return world


def test_the_performance_journey(page: Page, live_server, w) -> None:
    base = live_server.url

    # The public: the dashboard, each judgement in words, illustrative data marked
    page.goto(f"{base}/performance/")
    expect(page.get_by_role("heading", name="Performance of the partnership")).to_be_visible()
    expect(page.get_by_text("Illustrative figures:")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("HS 2 Households"))
    expect(row.get_by_text("Red: missed by more than tolerance")).to_be_visible()
    expect(row.get_by_text("Worsening")).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile("HS 3 Hate")).get_by_text("No data: awaited")
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Trend of HS 2"))).to_have_count(1)
    assert_no_violations(page, "the dashboard")

    page.get_by_label("Theme").select_option("Safe homes")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("row", name=re.compile("HS 1 Repeat"))).to_have_count(0)

    # "% achieving target" over the years: followed from the dashboard, counts beside
    # every percentage, the chart named and described, then narrowed to more years
    page.goto(f"{base}/performance/")
    page.get_by_role("link", name="Achieving target over the years").first.click()
    expect(page.get_by_role("heading", name="Achieving target over the years")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("by financial year"))
    expect(
        table.get_by_role("columnheader", name="Achieving (green) of those judged")
    ).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(1 + 5)
    expect(
        page.get_by_role("img", name=re.compile("% of indicators achieving target"))
    ).to_be_visible()
    assert_no_violations(page, "the achievement trend")
    page.get_by_role("spinbutton", name="Years").fill("7")
    page.get_by_role("button", name="Show").click()
    expect(
        page.get_by_role("table", name=re.compile("by financial year")).get_by_role("row")
    ).to_have_count(1 + 7)

    # The indicator page: chart with its table, forecast method, wards with small counts hidden
    page.goto(f"{base}/performance/indicators/{w.rate.pk}/")
    expect(page.get_by_role("img", name=re.compile("history, target and forecast"))).to_be_visible()
    expect(
        page.get_by_role("table", name=re.compile("History in Harbourside: the figures"))
    ).to_be_visible()
    expect(page.get_by_role("cell", name="Suppressed (small number)")).to_be_visible()
    expect(page.get_by_text(re.compile("How the forecast is made"))).to_be_visible()
    assert_no_violations(page, "the indicator page")

    # The editor signs in and adds an action to the turn-the-curve plan
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("board-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as board-editor")).to_be_visible()
    page.goto(f"{base}/performance/indicators/{w.rate.pk}/turn-the-curve/?area={w.la.code}")
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("What is to be done").fill("Visit every repeat address before winter")
    page.get_by_label("Due").fill("Nov 2025")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action added to the plan and to the action tracker.")).to_be_visible()
    expect(
        page.get_by_role("link", name="Visit every repeat address before winter")
    ).to_be_visible()
    assert_no_violations(page, "the turn-the-curve report")
    assert Action.objects.filter(body=w.board, description__startswith="Visit every").exists()

    # The board's report: exceptions first, published with commentary, then frozen
    page.goto(f"{base}/performance/reports/{w.draft_report.pk}/")
    expect(page.get_by_text(re.compile("Draft: the figures are live"))).to_be_visible()
    page.get_by_role("link", name="Publish and freeze the figures").click()
    page.get_by_label(re.compile("^HS 2 Households")).fill("Fitting paused while stock ran out.")
    page.get_by_role("button", name="Publish and freeze").click()
    expect(page.get_by_text("Report published: its figures are now frozen.")).to_be_visible()
    expect(page.get_by_text("Fitting paused while stock ran out.")).to_be_visible()
    exceptions = page.get_by_role("table", name="Exceptions, red and worsening first")
    expect(exceptions.get_by_role("row").nth(1)).to_contain_text("HS 2")
    assert_no_violations(page, "the published report")
    assert PerformanceReport.objects.get(pk=w.draft_report.pk).is_published

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Word").click()
    assert download.value.suggested_filename.endswith("-performance-q4-2024.docx")

    # An import with a bad row: nothing imported, the problem named by row and column
    page.goto(f"{base}/performance/import/")
    page.get_by_label("What the file holds").select_option("observations")
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": "figures.csv",
                "mimeType": "text/csv",
                "buffer": b"indicator,area,period,value\nHS 2,L9000001,2025-Q1,eighty\n",
            }
        ]
    )
    page.get_by_role("button", name="Check and preview").click()
    expect(
        page.get_by_role("heading", name=re.compile("Nothing was imported: 1 problem"))
    ).to_be_visible()
    expect(page.get_by_role("cell", name="value", exact=True)).to_be_visible()
    assert_no_violations(page, "the import page with errors")


def test_the_demo_data_set_pages_have_no_axe_violations(page: Page, live_server, transactional_db):
    import datetime as dt

    from concord.demo.performance import load_demo_performance
    from concord.performance.models import Indicator, TurnTheCurve

    load_demo_performance(seed=3, today=dt.date.today())
    base = live_server.url
    page.goto(f"{base}/performance/")
    assert_no_violations(page, "the demo dashboard")
    page.goto(f"{base}/performance/achievement/")
    assert_no_violations(page, "the demo achievement trend")
    for pk in Indicator.objects.values_list("pk", flat=True):
        page.goto(f"{base}/performance/indicators/{pk}/")
        expect(page.get_by_text("Illustrative figures:")).to_be_visible()
        assert_no_violations(page, f"demo indicator {pk}")
    for ttc in TurnTheCurve.objects.select_related("area")[:2]:
        page.goto(
            f"{base}/performance/indicators/{ttc.indicator_id}/turn-the-curve/?area={ttc.area.code}"
        )
        assert_no_violations(page, "a demo turn-the-curve report")
