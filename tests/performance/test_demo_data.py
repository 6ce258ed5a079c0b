"""The illustrative Harrowby performance data set."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.demo.performance import load_demo_performance
from concord.lib.access import Viewer
from concord.performance.dashboard import dashboard
from concord.performance.models import Area, DataSet, Indicator, Observation
from concord.performance.wards import ward_table

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


def test_demo_data_is_illustrative_local_and_judged():
    counts = load_demo_performance(seed=7, today=TODAY)
    assert counts["indicators"] == 12 and counts["observations"] > 2000
    assert DataSet.objects.get().illustrative
    wards = Area.objects.filter(level="ward")
    assert wards.count() == 12
    assert all(w.scheme == "local" and w.code.startswith("HRW-W") for w in wards)
    town = Area.objects.get(code="HRW-LA")
    board = dashboard(Viewer(is_secretariat=True), town, "2026-Q3", as_of=TODAY)
    assert board.illustrative and len(board.rows) == 12
    assert board.summary.denominator >= 8 and board.summary.no_data == 0
    ind = Indicator.objects.get(code="HP 1")
    table = ward_table(ind, "2026-Q3", town, as_of=TODAY)
    assert table.gap is not None and all(r.rank for r in table.rows)
    # Loading again adds nothing.
    before = Observation.objects.count()
    assert load_demo_performance(seed=7, today=TODAY)["observations"] == 0
    assert Observation.objects.count() == before


def test_the_demo_board_has_a_published_report_attached_to_the_meeting_that_took_it():
    from concord.demo.partnership import build_demo_partnership
    from concord.performance.models import PerformanceReport

    build_demo_partnership(seed=3, today=TODAY, scale=0.3)
    load_demo_performance(seed=3, today=TODAY)
    report = PerformanceReport.objects.select_related("agenda_item__meeting", "body").get()
    assert report.is_published and report.body.name == "Harrowby Partnership Board"
    item = report.agenda_item
    assert item is not None and "performance report" in item.title.lower()
    assert item.meeting.body_id == report.body_id and item.meeting.date <= TODAY
    # The quarter reported is the last one ended before that meeting, frozen as it was.
    assert report.period.rule_period.end < item.meeting.date
    assert report.lines.count() == Indicator.objects.count()
    assert report.lines.filter(is_exception=True).count() < report.lines.count()
    assert report.published_at.date() < item.meeting.date  # sent out with the papers
