"""Say why: every page and report that shows a comparison or a direction says, in words,
why a comparison was not tested and that "no change" means no significant change."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from concord.performance.reports.freezing import freeze_report
from concord.performance.words import SIGNIFICANCE_LABELS, TRAVEL_LABELS
from tests.performance.pages_world import build_perf_world
from tests.performance.test_pages_reports import docx_text, text_of

# A judgement shown bare, without its reason: what the issue found on the pages.
BARE = re.compile(r"(Not tested|Similar|No change|Not known)\s*(</td>|\||$|\n|<span)")


@pytest.fixture
def w(db):
    w = build_perf_world()
    freeze_report(w.draft_report, w.editor)
    return w


def pages(w):
    ward = w.wards[0]
    return [
        reverse("performance:dashboard") + f"?area={w.la.code}",
        reverse("performance:dashboard") + f"?area={ward.code}",
        reverse("performance:indicator", args=[w.rate.pk]) + f"?area={w.la.code}",
        reverse("performance:indicator", args=[w.coverage.pk]) + f"?area={w.la.code}",
        reverse("performance:indicator", args=[w.rate.pk]) + f"?area={ward.code}",
        reverse("performance:report", args=[w.draft_report.pk]),
    ]


def test_no_page_shows_a_comparison_or_direction_without_its_reason(client, w):
    client.force_login(w.secretariat)
    for url in pages(w):
        html = client.get(url).content.decode()
        assert not BARE.search(html), (url, BARE.search(html))
    word = docx_text(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert not BARE.search(word)


def test_a_comparison_not_tested_says_what_was_missing(client, w):
    client.force_login(w.secretariat)
    # Smoke alarms have no confidence interval in Harbourside.
    page = text_of(
        client.get(reverse("performance:indicator", args=[w.coverage.pk]) + f"?area={w.la.code}")
    )
    assert "Not tested: this figure has no confidence interval" in page
    dashboard = text_of(client.get(reverse("performance:dashboard") + f"?area={w.la.code}"))
    assert "Not tested: this figure has no confidence interval" in dashboard


def test_the_report_explains_its_words(client, w):
    client.force_login(w.secretariat)
    word = docx_text(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert "similar when the intervals overlap (no significant difference)" in word
    assert "No significant change: the move from the period before is within" in word
    assert "not tested when either figure has no confidence interval" in word


def test_every_label_carries_its_reason():
    assert "(within tolerance or the confidence interval)" in TRAVEL_LABELS["no_change"]
    assert "(no figure to compare with)" in TRAVEL_LABELS["no_data"]
    assert "(no confidence interval)" in SIGNIFICANCE_LABELS["not_tested"]
    assert "(the confidence intervals overlap)" in SIGNIFICANCE_LABELS["similar"]
