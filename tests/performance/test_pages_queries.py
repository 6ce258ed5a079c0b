"""SQL queries per performance page do not grow with the number of indicators or wards:
the same budget holds for a small partnership and for one with many more of both."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.performance.models import PerformanceReport
from concord.performance.reports.freezing import freeze_report
from tests.performance.pages_world import build_perf_world

# page -> (url builder, most queries allowed, signed in as the secretariat)
BUDGET = {
    # The widest gaps between groups come on demand (below): as before breakdowns.
    "dashboard": (lambda w: reverse("performance:dashboard"), 15),
    "body dashboard": (lambda w: reverse("performance:body_dashboard", args=[w.board.slug]), 17),
    # Every indicator's figures by group at once.
    "dashboard's gaps": (lambda w: reverse("performance:gaps"), 12),
    "body dashboard's gaps": (lambda w: reverse("performance:body_gaps", args=[w.board.slug]), 12),
    "achievement": (lambda w: reverse("performance:achievement"), 15),
    "achievement over ten years": (lambda w: reverse("performance:achievement") + "?years=10", 15),
    "body achievement": (
        lambda w: reverse("performance:body_achievement", args=[w.board.slug]),
        15,
    ),
    "indicator": (lambda w: reverse("performance:indicator", args=[w.rate.pk]), 21),
    "turn the curve": (lambda w: reverse("performance:turn_the_curve", args=[w.rate.pk]), 12),
    # One more for the draft notes on each indicator.
    "draft report": (lambda w: reverse("performance:report", args=[w.draft_report.pk]), 13),
    "draft notes": (lambda w: reverse("performance:report_notes", args=[w.draft_report.pk]), 13),
    "published report": (lambda w: reverse("performance:report", args=[w.published.pk]), 8),
    # The trend charts add five, whatever the number of indicators (reports/trends.py).
    "report as Word": (lambda w: reverse("performance:report_docx", args=[w.published.pk]), 13),
    "report as PDF": (lambda w: reverse("performance:report_pdf", args=[w.published.pk]), 13),
    "reports": (lambda w: reverse("performance:reports"), 6),
}


@pytest.fixture(params=[(0, 0), (30, 40)], ids=["small", "large"])
def world(request, db):
    extra_indicators, extra_wards = request.param
    w = build_perf_world(extra_indicators=extra_indicators, extra_wards=extra_wards)
    w.published = PerformanceReport.objects.create(
        body=w.board, area=w.la, period=w.draft_report.period, title="Published"
    )
    freeze_report(w.published, w.editor)
    w.size = request.param
    return w


@pytest.mark.parametrize("page", list(BUDGET))
def test_queries_stay_within_budget_at_any_size(client, world, page, django_assert_max_num_queries):
    build, budget = BUDGET[page]
    url = build(world)
    client.force_login(world.secretariat)
    client.get(url)  # the first request also loads sessions and content types
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


def test_the_large_world_really_is_larger(client, db):
    w = build_perf_world(extra_indicators=30, extra_wards=40)
    client.force_login(w.secretariat)
    html = client.get(reverse("performance:dashboard")).content.decode()
    assert html.count('class="chart sparkline"') == 4 + 30  # the secretariat sees all bodies
    html = client.get(reverse("performance:indicator", args=[w.rate.pk])).content.decode()
    assert html.count('class="bar"') == 5 + 40  # one bar per ward


def test_the_large_world_counts_every_indicator_on_the_achievement_page(client, db):
    w = build_perf_world(extra_indicators=30, extra_wards=40)
    client.force_login(w.secretariat)
    html = client.get(reverse("performance:achievement"), {"years": "10"}).content.decode()
    assert html.count('<th scope="row">20') == 10  # a row per financial year
    for theme in ("Theme 0", "Theme 1", "Theme 2"):  # the extra indicators' themes
        assert f'<th scope="row">{theme}</th>' in html
