"""The annual report: totals against hand-computed data (tests/registers/annual_data.py),
who reads which version, the typed parts, and the query count at two data sizes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from concord.governance.access import build_viewer
from concord.lib.access import PUBLIC
from concord.registers.annual.sections import report_sections
from concord.registers.annual.year import ReportYear
from concord.registers.models import AnnualReport, CaseStudy
from tests.querycounts import warm_up
from tests.registers.annual_data import (
    YEAR,
    add_indicators,
    add_meeting,
    add_year,
    backdate_risks,
)
from tests.registers.test_query_counts import _grow

URL = reverse("registers:annual_report", args=[YEAR])
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def year(world):
    add_year(world)
    add_meeting(world)
    backdate_risks(timezone.make_aware(dt.datetime(2026, 1, 15, 12, 0)))
    return world


def _sections(viewer) -> dict:
    report = AnnualReport.objects.filter(year=YEAR).first()
    return {s.key: s.data for s in report_sections(ReportYear(YEAR, viewer, report, TODAY))}


def _viewer(user):
    return build_viewer(user)


def test_public_totals_count_public_data_of_the_year_only(year):
    data = _sections(PUBLIC)
    av = data["added-value"]
    by = {r.category: r for r in av.rows}
    assert (by["strategies"].entries, by["strategies"].money) == (1, Decimal("1200"))
    assert (by["projects"].entries, by["projects"].money) == (1, Decimal("3000.50"))
    assert (by["events"].entries, by["events"].money) == (1, Decimal("0"))
    assert (by["funding"].entries, by["funding"].awards) == (0, 2)
    assert by["funding"].money == Decimal("50000")
    assert (av.entries, av.awards, av.count, av.money) == (3, 2, 5, Decimal("54200.50"))
    assert [e.title for e in av.examples["projects"]] == ["Youth diversion project"]
    funding = data["funding"]
    assert (funding.count, funding.money, funding.submitted, funding.declined) == (
        2,
        Decimal("50000"),
        2,
        1,
    )
    assert [b.title for b in funding.awards] == ["Safer streets bid", "Night-time economy bid"]
    publicity = data["publicity"]
    assert (publicity.coverage, publicity.reach, publicity.value) == (2, 15000, Decimal("1500"))
    assert [a.headline for a in publicity.awards] == ["Partnership of the Year"]
    decisions = data["decisions"]
    assert [d.text for d in decisions.decisions] == ["to fund the street pastors for a year"]
    assert decisions.count == 1
    risks = data["risks"]
    assert (risks.live, risks.above_target, risks.as_at) == (1, 1, dt.date(2026, 3, 31))
    assert data["introduction"] == ["A year of joint work.", "We thank our partners."]
    assert [c.title for c in data["case-studies"]] == ["Safer nights in Riverton"]


def test_secretariat_totals_count_everything(year):
    data = _sections(_viewer(year.secretariat))
    av = data["added-value"]
    assert (av.entries, av.awards) == (6, 4)
    assert av.money == Decimal("310899.50")
    assert data["funding"].money == Decimal("305000")
    assert data["publicity"].reach == 1015000
    assert data["decisions"].count == 2  # the restricted item's decision too
    assert data["risks"].live == 2
    meetings = data["meetings"]
    assert meetings.held == 1
    sectors = {r.label: r for r in meetings.by_sector}
    assert (sectors["Public"].expected, sectors["Public"].attended) == (1, 1)
    assert (
        sectors["Voluntary & community"].apologies,
        sectors["Voluntary & community"].attended,
    ) == (1, 0)


def test_risks_at_the_year_end_come_from_history(year):
    backdate_risks(timezone.make_aware(dt.datetime(2026, 5, 1)))  # recorded after the year
    assert _sections(PUBLIC)["risks"].live == 0


def test_the_public_reads_only_a_published_report_and_public_data(client, year):
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    for secret in (
        "Offender Tasking",
        "Tasking secret",
        "Members-only",
        "Zenith",
        "305,000",
        "1,015,000",
    ):
        assert secret not in text
    assert "£54,200.50" in text and "£50,000.00" in text and "15,000" in text
    for fmt in ("annual_pdf", "annual_docx"):
        assert client.get(reverse(f"registers:{fmt}", args=[YEAR])).status_code == 200
    AnnualReport.objects.filter(year=YEAR).update(published=False)
    assert client.get(URL).status_code == 404
    assert client.get(reverse("registers:annual_pdf", args=[YEAR])).status_code == 404
    assert client.get(reverse("registers:annual_report", args=[YEAR - 1])).status_code == 404


def test_signed_in_partners_read_drafts_with_what_they_may_see(as_user, year):
    AnnualReport.objects.filter(year=YEAR).update(published=False)
    page = as_user(year.board_member).get(URL)
    text = page.content.decode()
    assert page.status_code == 200 and "Draft: not yet published" in text
    assert "Members-only project" in text  # a board member sees the board's entries
    assert "Tasking secret" not in text and "Offender Tasking" not in text
    assert (
        as_user(year.stranger).get(reverse("registers:annual_report", args=[2001])).status_code
        == 200
    )


def test_only_the_secretariat_edits_the_typed_parts(as_user, year):
    edit = reverse("registers:annual_edit", args=[YEAR])
    new_study = reverse("registers:case_study_create", args=[YEAR])
    for user in (year.board_member, year.editor, year.stranger):
        client = as_user(user)
        assert client.get(edit).status_code == 403
        assert client.post(new_study, {"position": 1, "title": "x", "text": "y"}).status_code == 403
    client = as_user(year.secretariat)
    report = AnnualReport.objects.get(year=YEAR)
    response = client.post(
        edit,
        {"introduction": "New words.", "published": "on", "opened_version": report.version},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.introduction == "New words." and report.history.count() == 2
    stale = client.post(edit, {"introduction": "Old words.", "opened_version": 1})
    assert stale.status_code == 400 and "Someone else saved this" in stale.content.decode()
    bad = client.post(new_study, {"position": "x", "title": "", "text": ""})
    assert bad.status_code == 400
    assert (
        "id_title_error" in bad.content.decode() or "This field is required" in bad.content.decode()
    )


def test_the_first_case_study_begins_a_report(as_user, year):
    client = as_user(year.secretariat)
    response = client.post(
        reverse("registers:case_study_create", args=[2020]),
        {"position": 1, "title": "Pub watch", "text": "Licensees together."},
    )
    assert response.status_code == 302
    study = CaseStudy.objects.get(title="Pub watch")
    assert study.report.year == 2020 and not study.report.published
    edited = client.post(
        reverse("registers:case_study_edit", args=[study.pk]),
        {"position": 2, "title": "Pub watch", "text": "More.", "opened_version": 1},
    )
    assert edited.status_code == 302
    assert study.history.count() == 2


def test_the_year_is_chosen_on_the_index(as_user, year):
    client = as_user(year.board_member)
    index = reverse("registers:annual_index")
    assert client.get(index).status_code == 200
    assert client.get(index, {"year": "2025/26"})["Location"] == URL
    bad = client.get(index, {"year": "2025/27"})
    assert bad.status_code == 400 and "Year:" in bad.content.decode()
    public = as_user(None).get(index).content.decode()
    assert "2025/26" in public


def _report_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["secretariat", "board_member", None])
def test_report_queries_do_not_grow_with_the_data(as_user, year, who):
    client = as_user(getattr(year, who) if who else None)
    warm_up(client, URL)
    small = _report_queries(client)
    _grow(year, 6)
    warm_up(client, URL)  # after writes the kept viewer is read again once
    assert _report_queries(client) == small


def test_indicators_achieving_target_at_the_year_end(year):
    add_indicators(year)
    data = _sections(PUBLIC)["indicators"]
    assert data is not None and data.area_name == "Testborough"
    assert (data.percent, data.achieving, data.denominator, data.data_only) == ("50%", 1, 2, 1)
    assert data.trend is not None and "<svg" in data.trend.chart


def test_events_held_in_the_year_count_their_places_never_their_registrants(year):
    from concord.events.models import Event, Registration

    def event(title, when, **kwargs):
        start = timezone.make_aware(dt.datetime.combine(when, dt.time(10)))
        kwargs.setdefault("status", "published")
        return Event.objects.create(title=title, starts_at=start, ends_at=start, **kwargs)

    held = event("Safety summit", dt.date(2025, 10, 2), body=year.board)
    for n, status in enumerate(["confirmed", "confirmed", "waiting", "cancelled"]):
        Registration.objects.create(
            event=held, name=f"Person {n}", email=f"p{n}@example.org", status=status
        )
    event("Draft seminar", dt.date(2025, 11, 5), status="draft")
    event("Cell briefing", dt.date(2025, 12, 5), body=year.tasking)
    event("Last year's fair", dt.date(2025, 3, 20))
    public = _sections(PUBLIC)["events"]
    assert [(e.title, e.taken) for e in public.events] == [("Safety summit", 2)]
    assert public.places == 2
    insider = _sections(_viewer(year.secretariat))["events"]
    assert [e.title for e in insider.events] == ["Safety summit", "Cell briefing"]


def test_recommendations_progressed_are_a_section_of_the_report(year):
    sections = [s.key for s in report_sections(ReportYear(YEAR, PUBLIC, None, TODAY))]
    assert sections.index("recommendations") == sections.index("case-studies") - 1
    assert "events" in sections
