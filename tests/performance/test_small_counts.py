"""Small counts are kept from visitors who are not signed in wherever a figure is shown,
not only on ward tables: a ward's dashboard, an indicator's history for a ward, its
turn-the-curve report, the sparklines. Signed-in partners see every figure."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from concord.lib.access import Viewer
from concord.performance.dashboard import dashboard
from concord.performance.figures import is_small_count
from concord.performance.indicator_chart import indicator_series
from concord.performance.models import TurnTheCurve
from concord.performance.reports.freezing import freeze_report
from tests.performance.pages_world import build_perf_world
from tests.performance.perf_factories import make_indicator, observe, small_world

pytestmark = pytest.mark.django_db
PUBLIC = Viewer()
SMALL_WARD = "W9000002"  # its latest repeat-incident rate, 33.0, comes from 3 cases


@pytest.fixture
def w(db):
    return build_perf_world()


def test_a_count_is_small_by_its_numerator_or_as_a_count_only_when_the_indicator_says_so():
    rate = make_indicator(unit="rate_per_1000", suppress_small_counts=True)
    count = make_indicator(unit="count", suppress_small_counts=True)
    open_count = make_indicator(unit="count", suppress_small_counts=False)
    assert is_small_count(rate, 33.0, 3)  # a rate from 3 cases
    assert not is_small_count(rate, 33.0, 25)
    assert not is_small_count(rate, 3.0, None)  # a rate of 3 is not a count
    assert is_small_count(count, 4, None) and not is_small_count(count, 5, None)
    assert not is_small_count(count, 0, None)  # zero is shown unless configured
    assert not is_small_count(open_count, 2, None)
    with override_settings(CONCORD_SUPPRESS_ZERO=True, CONCORD_SMALL_COUNT_HIGH=9):
        assert is_small_count(count, 0, None) and is_small_count(count, 9, None)


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_wards_dashboard_shows_the_public_suppressed_and_partners_the_figure(client, w):
    url = reverse("performance:dashboard") + f"?area={SMALL_WARD}&period=2024-Q4"
    public = text_of(client.get(url))
    assert "Q4 2024 Suppressed (small number) None set" in public
    # The sparkline's words: the quarter from 25 cases is there, the small one a gap.
    assert (
        "Values, oldest first: no data, no data, no data, 35, no data, no data, no data, no data."
        in public
    )
    client.force_login(w.partner)
    signed_in = text_of(client.get(url))
    assert "Q4 2024 33 None set" in signed_in and "Suppressed" not in signed_in
    assert "35, no data, no data, no data, 33." in signed_in


def test_an_indicator_page_for_a_ward_keeps_the_small_count_out_of_chart_and_table(client, w):
    url = reverse("performance:indicator", args=[w.rate.pk]) + f"?area={SMALL_WARD}"
    public = text_of(client.get(url))
    assert "Value Suppressed (small number) Target" in public  # the latest position
    assert "Q4 2024 Suppressed (small number) Data only" in public  # the history table
    assert "1 observed values from 35 to 35" in public  # the chart's description
    client.force_login(w.partner)
    signed_in = text_of(client.get(url))
    assert "Value 33 Target" in signed_in and "Q4 2024 33 Data only" in signed_in


def test_a_turn_the_curve_report_for_a_ward_keeps_the_small_count_from_the_public(client, w):
    ward = w.rate.observations.get(area__code=SMALL_WARD, period__code="2024-Q4").area
    TurnTheCurve.objects.create(indicator=w.rate, area=ward, body=w.board, story="Why.")
    url = reverse("performance:turn_the_curve", args=[w.rate.pk]) + f"?area={SMALL_WARD}"
    public = text_of(client.get(url))
    assert "Q4 2024 Suppressed (small number)" in public and "Q4 2024 33 " not in public
    client.force_login(w.partner)
    assert "Q4 2024 33 " in text_of(client.get(url))


def test_the_services_withhold_small_counts_and_their_comparator_only_for_the_public():
    world = small_world()
    quitters = make_indicator(
        unit="count", suppress_small_counts=True, cumulative=True, polarity="higher_is_better"
    )
    ward = world["wards"][0]
    observe(quitters, ward, "2010-Q1", 3)  # Jan-Mar 2010: the last quarter of 2009/10
    observe(quitters, world["la"], "2010-Q1", 2)  # the comparator, small as well
    public = indicator_series(quitters, ward, public=True)
    assert public[-1].withheld and public[-1].value is None and public[-1].ci is None
    assert public[-1].comparator_withheld and public[-1].comparator_value is None
    partner = indicator_series(quitters, ward)
    assert partner[-1].value == 3 and partner[-1].comparator_value == 2
    assert not partner[-1].withheld
    as_of = dt.date(2011, 1, 1)
    board = dashboard(PUBLIC, ward, "2010-Q1", as_of=as_of, public=True)
    assert board.rows[0].withheld  # its year-to-date total is small too
    assert not dashboard(PUBLIC, ward, "2010-Q1", as_of=as_of).rows[0].withheld


def test_a_published_report_for_a_ward_shows_the_public_the_small_count_suppressed(client, w):
    import io

    from docx import Document

    from concord.performance.models import PerformanceReport, Period

    ward = w.rate.observations.get(area__code=SMALL_WARD, period__code="2024-Q4").area
    report = PerformanceReport.objects.create(
        body=w.board, area=ward, period=Period.objects.get(code="2024-Q4"), title="Ward 2"
    )
    freeze_report(report, w.editor)
    assert report.lines.get(indicator_code="HS 1").small_count
    page = reverse("performance:report", args=[report.pk])
    word = reverse("performance:report_docx", args=[report.pk])

    def word_text() -> str:
        doc = Document(io.BytesIO(client.get(word).content))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return " | ".join(cells)

    assert "Suppressed (small number)" in text_of(client.get(page))
    assert "Suppressed (small number)" in word_text() and "| 33 |" not in word_text()
    client.force_login(w.partner)
    assert "Suppressed" not in text_of(client.get(page))
    assert "| 33 |" in word_text()


def test_a_councillor_reaches_their_wards_figures_from_the_selector_or_the_ward_table(client, w):
    html = client.get(reverse("performance:dashboard")).content.decode()
    wards = re.search(r'<optgroup label="Wards">(.*?)</optgroup>', html, re.S)
    assert wards and wards.group(1).count("<option") == 5 and "Ward 2" in wards.group(1)
    page = client.get(reverse("performance:indicator", args=[w.rate.pk])).content.decode()
    assert f'href="/performance/?area={SMALL_WARD}"' in page
    ward_board = client.get(f"/performance/?area={SMALL_WARD}").content.decode()
    assert f'<option value="{SMALL_WARD}" selected>Ward 2</option>' in ward_board
