"""The dashboard drawn in one pass (issue 16's 100 ms goal): the sparklines' values
come with the judged figures, rows and the area selector are drawn in Python, and
what a page shows is the same as when each was read and drawn on its own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.lib.access import PUBLIC, Viewer
from concord.performance import rules
from concord.performance.areas import area_select
from concord.performance.dashboard import dashboard, dashboard_rows
from concord.performance.figures import SPARK_POINTS, recent_values
from concord.performance.periods import month_index
from tests.factories import make_body
from tests.performance.perf_factories import make_area, make_indicator, observe, small_world

pytestmark = pytest.mark.django_db
SECRETARIAT = Viewer(is_secretariat=True)
AS_OF = dt.date(2020, 1, 1)


@pytest.fixture
def world():
    w = small_world()
    quarters = [f"{y}-Q{q}" for y in (2008, 2009) for q in (1, 2, 3, 4)] + ["2010-Q1"]
    count = make_indicator(code="HC 1", unit="count", suppress_small_counts=True)
    seasonal = make_indicator(code="HS 1", seasonal=True, title="Seasonal <& co>")
    cumulative = make_indicator(code="HQ 1", cumulative=True, unit="count")
    for i, q in enumerate(quarters):
        if i != 5:  # a gap in the line
            observe(count, w["la"], q, 3 if i % 3 == 0 else 40 + i)  # some small counts
        observe(seasonal, w["la"], q, 50 - i, ci_low=48 - i, ci_high=52 - i)
        observe(cumulative, w["la"], q, 100 + i)
        observe(seasonal, w["region"], q, 45, ci_low=44, ci_high=46)
    w["inds"] = [count, seasonal, cumulative]
    return w


@pytest.mark.parametrize("public", [False, True])
def test_the_sparklines_values_come_with_the_judged_figures_as_read_on_their_own(world, public):
    viewer = PUBLIC if public else SECRETARIAT
    board = dashboard(
        viewer, world["la"], "2010-Q1", as_of=AS_OF, public=public, trend_points=SPARK_POINTS
    )
    alone = dashboard(viewer, world["la"], "2010-Q1", as_of=AS_OF, public=public)
    ends = {r.indicator.pk: r.period for r in alone.rows}
    expected = recent_values([r.indicator for r in alone.rows], world["la"], ends, public=public)
    assert board.trends == expected
    assert None in board.trends[world["inds"][0].pk]  # the gap, and (public) the small counts
    # Reading more periods changes no judgement.
    assert [(r.rag, r.travel, r.significance, r.ytd_value) for r in board.rows] == [
        (r.rag, r.travel, r.significance, r.ytd_value) for r in alone.rows
    ]


def test_the_sparklines_values_cost_no_query_of_their_own(world):
    def queries(**kwargs) -> int:
        with CaptureQueriesContext(connection) as ctx:
            dashboard(SECRETARIAT, world["la"], "2010-Q1", as_of=AS_OF, **kwargs)
        return len(ctx.captured_queries)

    assert queries(trend_points=SPARK_POINTS) == queries() == 4


def test_a_row_is_drawn_with_every_text_escaped_and_its_body_when_asked(world):
    body = make_body(name="Health & <Wellbeing> Board")
    seasonal = world["inds"][1]
    seasonal.body = body
    seasonal.save()
    board = dashboard(SECRETARIAT, world["la"], "2010-Q1", as_of=AS_OF, trend_points=SPARK_POINTS)
    rows = {r.indicator.code: r for r in dashboard_rows(board, board.trends, show_body=True)}
    html = rows["HS 1"].html
    assert "Seasonal &lt;&amp; co&gt;" in html and "<& co>" not in html
    assert '<span class="helptext">Health &amp; &lt;Wellbeing&gt; Board</span>' in html
    assert f'href="/performance/indicators/{seasonal.pk}/?area={world["la"].code}"' in html
    assert f'<td id="gap-{seasonal.pk}"></td>' in html and html.count("<svg") == 1
    assert "year to date" in rows["HQ 1"].html and "year to date" not in html
    hidden = dashboard_rows(board, board.trends)
    assert all("Wellbeing" not in r.html for r in hidden)


def test_the_area_selector_escapes_names_and_selects_the_area_shown(world):
    make_area(
        code="L0000002", name="Bath & <Wells>", level="local_authority", parent=world["region"]
    )
    chosen = area_select(world["la"])
    assert chosen.count == 4  # nation, region, two authorities
    assert '<option value="L0000002">Bath &amp; &lt;Wells&gt;</option>' in chosen.areas
    assert '<option value="L0000001" selected>Testborough</option>' in chosen.areas
    assert chosen.wards.count("<option") == 5
    ward = area_select(world["wards"][1], wards=False)
    assert ward.wards == "" and " selected" not in ward.areas


def test_the_dashboard_page_shows_one_row_per_indicator_with_its_owner(client, world):
    body = make_body(name="Health Board")
    world["inds"][0].body = body
    world["inds"][0].save()
    page = client.get(reverse("performance:dashboard"), {"period": "2010-Q1"})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('<th scope="row">') == 3
    assert '<span class="helptext">Health Board</span>' in html
    assert '<optgroup label="Wards">' in html and "Ward 5</option>" in html


@pytest.mark.parametrize("kind", list(rules.PeriodKind))
def test_a_periods_month_index_is_the_month_it_ends_in(kind):
    first = rules.Period(kind, 1999).ordinal
    for ordinal in range(first, first + 60):
        p = rules.Period.from_ordinal(kind, ordinal)
        assert month_index(p) == p.end.year * 12 + p.end.month, p
