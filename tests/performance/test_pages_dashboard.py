"""The performance dashboard and the indicator page: statuses in words, separate columns,
no data grey, illustrative data marked, small counts hidden from the public."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.performance.pages_world import build_perf_world


@pytest.fixture
def w(db):
    return build_perf_world()


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_of(html: str, code: str) -> str:
    """The dashboard table row of one indicator."""
    match = re.search(rf"<tr>\s*<th scope=\"row\"><a [^>]*>{re.escape(code)} .*?</tr>", html, re.S)
    assert match, f"no row for {code}"
    return match.group(0)


def test_the_dashboard_shows_each_judgement_in_its_own_column_in_words(client, w):
    response = client.get(reverse("performance:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    row = row_of(html, "HS 2")
    assert "Q4 2024" in row
    assert "73%" in row and "90%" in row
    assert 'class="rag rag-red">Red: missed by more than tolerance<' in row
    assert "Worsening" in row
    assert 'role="img"' in row  # the sparkline
    assert "Values, oldest first: 80, 79, 78, 77, 76, 75, 74, 73." in row


def test_missing_data_is_grey_and_labelled_never_red(client, w):
    html = client.get(reverse("performance:dashboard")).content.decode()
    row = row_of(html, "HS 3")
    assert 'class="rag rag-no_data">No data: awaited<' in row
    assert "rag-red" not in row


def test_the_summary_counts_achieving_target_and_names_what_is_left_out(client, w):
    text = text_of(client.get(reverse("performance:dashboard")))
    assert "% achieving target (" in text
    assert "1 awaiting data" in text


def test_illustrative_data_is_labelled(client, w):
    text = text_of(client.get(reverse("performance:dashboard")))
    assert "Illustrative figures" in text


def test_the_public_do_not_see_members_only_indicators(client, w):
    html = client.get(reverse("performance:dashboard")).content.decode()
    assert "OT 1" not in html
    client.force_login(w.tasking_member)
    assert "OT 1" in client.get(reverse("performance:dashboard")).content.decode()


def test_filters_by_theme_body_and_status(client, w):
    url = reverse("performance:dashboard")
    html = client.get(url, {"theme": "Safe homes"}).content.decode()
    assert "HS 2" in html and "HS 1 " not in html
    html = client.get(url, {"status": "no_data"}).content.decode()
    assert "HS 3" in html and "HS 2 Households" not in html
    assert "Showing 1 of 3 indicators" in text_of(client.get(url, {"status": "no_data"}))
    client.force_login(w.secretariat)
    html = client.get(url, {"body": w.tasking.pk}).content.decode()
    assert "OT 1" in html and "HS 2 Households" not in html


def test_malformed_filters_are_ignored_not_a_500(client, w):
    url = reverse("performance:dashboard")
    for params in (
        {"status": "purple"},
        {"body": "9" * 40},
        {"area": "nope"},
    ):
        assert client.get(url, params).status_code == 200


def test_a_body_dashboard_shows_only_that_body_and_hides_members_only_bodies(client, w):
    response = client.get(reverse("performance:body_dashboard", args=[w.board.slug]))
    assert response.status_code == 200
    assert "HS 1" in response.content.decode()
    assert (
        client.get(reverse("performance:body_dashboard", args=[w.tasking.slug])).status_code == 404
    )


def test_an_earlier_period_can_be_chosen(client, w):
    html = client.get(reverse("performance:dashboard"), {"period": "2023-Q4"}).content.decode()
    row = row_of(html, "HS 2")
    assert "Q4 2023" in row and "77%" in row


def test_the_indicator_page_has_definition_chart_table_forecast_and_wards(client, w):
    response = client.get(reverse("performance:indicator", args=[w.rate.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Incidents at an address already reported &lt;em&gt;twice&lt;/em&gt;" in html
    assert html.count('role="img"') == 2  # history chart and ward chart
    assert "Target (dashed line)" in html and "Tolerance band (amber zone)" in html
    assert "Forecast (dotted line, hollow dots)" in html
    assert "How the forecast is made: Linear least-squares trend fitted to the last 5" in text
    # the data table beside the chart, including forecast rows
    assert "History in Harbourside: the figures" in text
    assert "Q1 2025" in text and "Q3 2025" in text  # forecast_ahead=3 from the TTC report
    # the latest position, each judgement separately
    # overlapping confidence intervals: the last step could be chance
    assert (
        "No significant change (within tolerance or the confidence interval) on the previous "
        "period; improving on the average of the previous four"
    ) in text
    assert "Compared with Invented Region" in text
    # the story behind the figures, escaped
    assert "Repeat calls cluster &lt;b&gt;near&lt;/b&gt; two estates." in html


def test_wards_suppress_small_counts_for_the_public_only(client, w):
    url = reverse("performance:indicator", args=[w.rate.pk])
    public = text_of(client.get(url))
    assert "Suppressed (small number)" in public
    assert "suppressed (small number)" in client.get(url).content.decode()  # in the chart too
    assert "gap between wards is not shown" in public
    client.force_login(w.partner)
    signed_in = text_of(client.get(url))
    assert "Suppressed (small number)" not in signed_in
    assert "Gap between best and worst" in signed_in


def test_a_hidden_or_missing_indicator_is_a_404(client, w):
    assert client.get(reverse("performance:indicator", args=[w.secret.pk])).status_code == 404
    assert client.get(reverse("performance:indicator", args=[999999])).status_code == 404
    client.force_login(w.tasking_member)
    assert client.get(reverse("performance:indicator", args=[w.secret.pk])).status_code == 200


def test_an_indicator_without_figures_still_renders(client, w):
    from tests.performance.perf_factories import make_indicator

    empty = make_indicator(code="HS 9", title="Not yet collected", body=w.board)
    response = client.get(reverse("performance:indicator", args=[empty.pk]))
    assert response.status_code == 200
    assert "No data to draw" in response.content.decode()


@pytest.mark.parametrize(
    ("kwargs", "target", "legend"),
    [
        ({"polarity": "within_band"}, {"value": 40.0, "value_high": 60.0}, "Target band"),
        ({"polarity": "no_judgement"}, None, None),
        (
            {"polarity": "higher_is_better", "cumulative": True, "unit": "count"},
            {"value": 400.0},
            None,
        ),
        ({"polarity": "higher_is_better", "frequency": "monthly"}, {"value": 50.0}, "Target"),
    ],
    ids=["within band", "no judgement", "cumulative count", "monthly"],
)
def test_every_kind_of_indicator_renders(client, w, kwargs, target, legend):
    from tests.performance.perf_factories import make_indicator, observe, set_target

    ind = make_indicator(code="HS 8", title="Another kind", body=w.board, **kwargs)
    codes = (
        ["2024-07", "2024-08", "2024-09", "2024-10"]
        if kwargs.get("frequency") == "monthly"
        else ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    )
    for i, code in enumerate(codes):
        observe(ind, w.la, code, 45.0 + 10 * i)
    if target:
        set_target(ind, w.la, "2024/25" if kwargs.get("cumulative") else codes[-1], **target)
    for url in (
        reverse("performance:dashboard"),
        reverse("performance:indicator", args=[ind.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "HS 8" in response.content.decode()
    html = client.get(reverse("performance:indicator", args=[ind.pk])).content.decode()
    if legend:
        assert legend in html


def test_a_wards_indicator_page_offers_that_ward_not_the_first_area(client, w):
    ward = w.wards[2]
    html = client.get(
        reverse("performance:indicator", args=[w.rate.pk]) + f"?area={ward.code}"
    ).content.decode()
    assert f'<option value="{ward.code}" selected>{ward.name}</option>' in html
    assert html.count(" selected>") == 1  # and nothing else, such as the nation, is selected
    assert f'<option value="{w.wards[0].code}">' in html  # its neighbours are one choice away
