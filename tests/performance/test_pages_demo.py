"""The performance pages over the illustrative demo data set: every indicator's page and
turn-the-curve report renders, labelled illustrative, and so does a report of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.demo.performance import load_demo_performance
from concord.performance.areas import choose_area
from concord.performance.models import Indicator, PerformanceReport, Period, TurnTheCurve
from concord.performance.periods import latest_period
from concord.performance.reports.freezing import freeze_report
from tests.factories import make_body, make_secretariat_user

pytestmark = pytest.mark.django_db


def test_every_performance_page_renders_over_the_demo_data(client):
    load_demo_performance(seed=11, today=dt.date.today())
    urls = [reverse("performance:dashboard"), reverse("performance:achievement")]
    urls += [
        reverse("performance:indicator", args=[pk])
        for pk in Indicator.objects.values_list("pk", flat=True)
    ]
    urls += [
        reverse("performance:turn_the_curve", args=[t.indicator_id]) + f"?area={t.area.code}"
        for t in TurnTheCurve.objects.select_related("area")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Illustrative figures" in response.content.decode(), url

    board = make_body(name="Demo Board")
    Indicator.objects.update(body=board)
    area = choose_area()
    report = PerformanceReport.objects.create(
        body=board,
        area=area,
        period=Period.objects.for_code(latest_period(area)),
        title="Demo",
    )
    freeze_report(report, make_secretariat_user())
    assert report.lines.count() == Indicator.objects.count()
    html = client.get(reverse("performance:report", args=[report.pk])).content.decode()
    assert "Illustrative figures" in html
    assert client.get(reverse("performance:report_docx", args=[report.pk])).status_code == 200
