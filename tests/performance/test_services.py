"""The performance services: statuses, dashboard, ward table, achievement, report snapshots."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.governance.models import Visibility
from concord.lib.access import PUBLIC, Viewer
from concord.performance.achievement import achievement_summary
from concord.performance.dashboard import dashboard
from concord.performance.models import Observation, PerformanceReport, Period
from concord.performance.reports.freezing import (
    ReportAlreadyPublished,
    freeze_report,
    preview_lines,
)
from concord.performance.status import indicator_status
from concord.performance.wards import ward_table
from tests.factories import make_body, make_user
from tests.performance.perf_factories import make_indicator, observe, set_target, small_world

pytestmark = pytest.mark.django_db
SECRETARIAT = Viewer(is_secretariat=True)
QUARTERS = ["2009-Q1", "2009-Q2", "2009-Q3", "2009-Q4", "2010-Q1"]


@pytest.fixture
def world():
    w = small_world()
    ind = make_indicator(code="HX 1", tolerance_amount=5, theme="Health")
    for i, q in enumerate(QUARTERS):
        observe(ind, w["la"], q, 40 - i, ci_low=38 - i, ci_high=42 - i)
        observe(ind, w["region"], q, 45, ci_low=44, ci_high=46)
        for j, ward in enumerate(w["wards"]):
            observe(ind, ward, q, 30 + j * 3 - i, numerator=j + 1)
    set_target(ind, w["la"], "2010-Q4", 30, baseline_period="2009-Q1", baseline_value=40)
    w["ind"] = ind
    return w


def test_statuses_stay_separate(world):
    s = indicator_status(world["ind"], world["la"], "2010-Q1")
    # trajectory 40 -> 30 over 7 quarters: 34.29 at 2010-Q1; 36 misses by 1.71 (tolerance 5%)
    assert s.rag.status.value == "amber"
    assert round(s.target, 2) == 34.29
    assert s.travel.against_previous.value == "no_change"  # CIs overlap
    assert s.travel.against_mean.value == "improving"
    assert s.significance.value == "better"  # 34-38 against the region's 44-46
    assert s.comparator == world["region"]
    assert s.share_of_gap_closed == pytest.approx(0.4)
    assert s.distance.on_track is False and s.distance.projected_value == pytest.approx(33.0)


def test_a_missing_due_value_is_no_data_not_red(world):
    d = dashboard(SECRETARIAT, world["la"], "2010-Q2", as_of=dt.date(2020, 1, 1))
    assert d.rows[0].rag.status.value == "no_data"
    assert d.summary.no_data == 1 and d.summary.percent_achieving is None


def test_lag_days_step_back_to_the_latest_due_period(world):
    world["ind"].lag_days = 60
    world["ind"].save()
    d = dashboard(SECRETARIAT, world["la"], "2010-Q1", as_of=dt.date(2010, 4, 15))
    assert str(d.rows[0].period) == "2009-Q4"


def test_dashboard_queries_do_not_grow_with_indicators(world, django_assert_max_num_queries):
    for n in range(12):
        ind = make_indicator(code=f"HY {n}", theme="Economy")
        for q in QUARTERS:
            observe(ind, world["la"], q, n + 1)
    with django_assert_max_num_queries(5):
        d = dashboard(SECRETARIAT, world["la"], "2010-Q1")
    assert len(d.rows) == 13
    assert d.by_theme["Economy"].data_only == 12
    assert d.summary.amber == 1 and d.summary.denominator == 1


def test_members_only_bodies_hide_their_indicators(world):
    secret = make_body(visibility=Visibility.MEMBERS)
    make_indicator(code="HZ 1", body=secret)
    codes = [r.indicator.code for r in dashboard(PUBLIC, world["la"], "2010-Q1").rows]
    assert codes == ["HX 1"]
    member = Viewer(user_id=1, member_body_ids=frozenset({secret.pk}))
    assert len(dashboard(member, world["la"], "2010-Q1").rows) == 2


def test_ward_table_ranks_and_gap(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        t = ward_table(world["ind"], "2010-Q1", world["nation"], earlier="2009-Q1")
    assert [r.rank for r in t.rows] == [1, 2, 3, 4, 5]
    assert [r.quintile for r in t.rows] == [1, 2, 3, 4, 5]
    assert t.gap.gap == 12 and t.gap_trend.status.value == "no_change"
    assert t.rows[0].direction.value == "improving"


def test_public_ward_table_suppresses_small_counts(world):
    world["ind"].suppress_small_counts = True
    world["ind"].save()
    t = ward_table(world["ind"], "2010-Q1", world["la"], public=True)
    hidden = [r.code for r in t.rows if r.suppressed]
    assert hidden == ["W0000001", "W0000002", "W0000003", "W0000004"]
    assert t.rows[0].value is None and t.rows[0].rank is None
    assert t.rows[4].numerator == 5
    inside = ward_table(world["ind"], "2010-Q1", world["la"])
    assert not any(r.suppressed for r in inside.rows)


def test_cumulative_counts_are_judged_year_to_date(world):
    ind = make_indicator(code="HQ 1", polarity="higher_is_better", cumulative=True)
    for q, v in (("2009-Q2", 100), ("2009-Q3", 90)):
        observe(ind, world["la"], q, v)
    set_target(ind, world["la"], "2009/10", 400)
    s = indicator_status(ind, world["la"], "2009-Q3")
    assert (s.ytd_value, s.target, s.rag.status.value) == (190, 200, "red")


def test_achievement_is_trended_by_financial_year(world):
    years = achievement_summary(SECRETARIAT, world["la"], years=2, until="2009/10")
    assert [str(y.period) for y in years] == ["2008/09", "2009/10"]
    assert years[1].summary.amber == 1
    assert years[0].summary.green == 1  # 2009-Q1 is on its baseline


def test_a_published_report_is_not_rewritten_by_a_revision(world):
    body = make_body()
    world["ind"].body = body
    world["ind"].save()
    report = PerformanceReport.objects.create(
        body=body, area=world["la"], period=Period.objects.for_code("2010-Q1"), title="Q1"
    )
    freeze_report(report, make_user(), commentary={"HX 1": "Falling slowly."})
    line = report.lines.get()
    assert (line.value, line.rag, line.commentary) == (36, "amber", "Falling slowly.")
    obs = Observation.objects.get(indicator=world["ind"], area=world["la"], period__code="2010-Q1")
    obs.value = 50
    obs.save()
    line.refresh_from_db()
    assert line.value == 36 and line.rag == "amber"
    assert preview_lines(report)[0].rag == "red"
    with pytest.raises(ReportAlreadyPublished):
        freeze_report(report)


def test_a_boards_dashboard_and_report_cover_the_public_groups_answering_to_it(world):
    board = make_body(name="The Board")
    theme = make_body(name="Health theme group", reports_to=board)
    sub = make_body(name="Smoking sub-group", reports_to=theme)
    private = make_body(name="Private task group", reports_to=board, visibility=Visibility.MEMBERS)
    other = make_body(name="Unrelated forum")
    codes = {}
    for body, code in (
        (board, "B 1"),
        (theme, "T 1"),
        (sub, "S 1"),
        (private, "P 1"),
        (other, "O 1"),
    ):
        ind = make_indicator(code=code, body=body)
        observe(ind, world["la"], "2010-Q1", 10)
        codes[body.name] = code
    shown = [
        r.indicator.code for r in dashboard(SECRETARIAT, world["la"], "2010-Q1", body=board).rows
    ]
    # The board, its theme group and that group's sub-group; never the members-only
    # task group (the board's report is read by all who may see the board), nor others.
    assert sorted(shown) == ["B 1", "S 1", "T 1"]
    theme_rows = dashboard(SECRETARIAT, world["la"], "2010-Q1", body=theme).rows
    assert sorted(r.indicator.code for r in theme_rows) == ["S 1", "T 1"]
    report = PerformanceReport.objects.create(
        body=board, area=world["la"], period=Period.objects.for_code("2010-Q1"), title="Q1"
    )
    freeze_report(report)
    assert sorted(report.lines.values_list("indicator_code", flat=True)) == ["B 1", "S 1", "T 1"]


def test_a_loop_in_reports_to_does_not_stop_the_board_being_read(world):
    from concord.governance.models import Body

    a = make_body(name="A")
    b = make_body(name="B", reports_to=a)
    a.reports_to = b
    a.save()
    assert sorted(Body.objects.answering_to(a)) == sorted([a.pk, b.pk])
