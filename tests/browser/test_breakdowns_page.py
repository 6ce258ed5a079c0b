"""Equality breakdowns in a real browser, with axe-core, on a 390 px screen: a visitor reads
an indicator's figures by population group, the gap and whether it narrows, beside the
equality impact note; a small count is withheld. No axe-core violations at all."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from concord.performance.models import Dimension, Group, Observation, Period
from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.browser
_axe = Axe()


@pytest.fixture
def w(transactional_db):
    world = build_perf_world()
    rate = world.rate
    rate.equality_impact = "Older residents are reached less often."
    rate.save()
    age = Dimension.objects.create(name="Age band", code="age", order=1)
    young = Group.objects.create(dimension=age, name="16-24", code="16-24", order=1)
    old = Group.objects.create(dimension=age, name="65 and over", code="65-plus", order=2)
    sex = Dimension.objects.create(name="Sex", code="sex", order=2)
    female = Group.objects.create(dimension=sex, name="Female", code="female", order=1)
    male = Group.objects.create(dimension=sex, name="Male", code="male", order=2)
    figures = [
        ("2024-Q3", young, 40.0, None),
        ("2024-Q3", old, 52.0, None),
        ("2024-Q4", young, 41.0, None),
        ("2024-Q4", old, 49.0, None),
        ("2024-Q4", female, 44.0, 3.0),  # from 3 cases: withheld from the public
        ("2024-Q4", male, 46.0, 30.0),
    ]
    for code, group, value, numerator in figures:
        Observation.objects.create(
            indicator=rate,
            area=world.la,
            period=Period.objects.for_code(code),
            group=group,
            value=value,
            numerator=numerator,
        )
    rate.suppress_small_counts = True
    rate.save()
    return world


def test_a_visitor_reads_the_figures_by_group_on_a_phone(page: Page, live_server, w) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/performance/indicators/{w.rate.pk}/?area={w.la.code}")
    section = page.get_by_role("region", name="By population group in Harbourside")
    expect(section.get_by_text("Older residents are reached less often.")).to_be_visible()
    ages = section.get_by_role("table", name="by age band")
    expect(ages.get_by_role("row", name="65 and over 49 52")).to_be_visible()
    expect(
        section.get_by_text("Gap between highest and lowest: 8 (highest: 65 and over")
    ).to_be_visible()
    expect(section.get_by_text("The gap is narrowing since Q3 2024.")).to_be_visible()
    sexes = section.get_by_role("table", name="by sex")
    expect(sexes.get_by_role("row", name="Female Suppressed (small number)")).to_be_visible()
    expect(section.get_by_text("some figures are suppressed")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    violations = _axe.run(page).response["violations"]
    report = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]
    assert not violations, json.dumps(report, indent=2)


def _no_violations(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    violations = _axe.run(page).response["violations"]
    report = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]
    assert not violations, json.dumps(report, indent=2)


def test_the_dashboard_gives_the_widest_gap_and_the_wards_one_group(
    page: Page, live_server, w
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/performance/?area={w.la.code}")
    row = page.get_by_role("row", name="HS 1 Repeat incidents")
    # The sex gap would give the withheld 3 away: the visitor sees the age band's.
    expect(row.get_by_text("By age band: 8 (65 and over, 16-24), narrowing")).to_be_visible()
    _no_violations(page)
    row.get_by_role("link", name="HS 1 by group").click()
    expect(page.get_by_role("heading", name="By population group in Harbourside")).to_be_visible()
    page.get_by_label("Population group", exact=True).select_option(label="65 and over")
    page.get_by_role("button", name="Show wards").click()
    expect(
        page.get_by_role("heading", name="By ward, Q4 2024: age band, 65 and over")
    ).to_be_visible()
    _no_violations(page)


def test_the_secretariat_adds_a_group_on_a_phone(page: Page, live_server, w) -> None:
    w.secretariat.set_password("harbour-lights-2026")
    w.secretariat.save()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(w.secretariat.username)
    page.get_by_label("Password").fill("harbour-lights-2026")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/performance/groups/")
    expect(page.get_by_role("heading", name="Population groups", exact=True)).to_be_visible()
    _no_violations(page)
    page.get_by_role("link", name="Add a group to Age band").click()
    page.get_by_label("Name").fill("25-64")
    page.get_by_label("Code").fill("25-64")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Group saved.")).to_be_visible()
    page.get_by_role("link", name="Add a group to Age band").click()
    page.get_by_label("Name").fill("16-24")
    page.get_by_label("Code").fill("young")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Age band already has a group with this name.")).to_be_visible()
    _no_violations(page)
    page.goto(f"{live_server.url}/performance/groups/")
    page.get_by_role("link", name="Edit Age band").click()
    page.get_by_label("Reference group").select_option(label="Age band: 25-64")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Reference group: 25-64.")).to_be_visible()
