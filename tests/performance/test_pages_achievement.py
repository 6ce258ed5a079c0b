"""The "% achieving target" trend page: per financial year the percentage never without
its denominator and counts, overall, by theme and by owning body; a gap (never a zero)
for a year nobody could judge; members-only bodies' indicators counted only for their
members; every name escaped."""

from __future__ import annotations

import doctest
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from concord.performance import achievement, periods, words
from concord.performance.models import DataSet
from tests.performance.perf_factories import make_area, make_indicator, observe, set_target
from tests.personas import build_world

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def w(db):
    """Three financial years of a public board's three indicators and a members-only
    group's one, in Riverton: nothing at all was reported for 2023/24.

    ======== ========== =============== ============ =================
    year     AT 1 (50)  AT 2 (50, 10%)  AT 3 (none)  AT 9 members (50)
    ======== ========== =============== ============ =================
    2022/23  60 green   30 red          5 data only  60 green
    2023/24  no data    no data         no data      no data
    2024/25  70 green   47 amber        6 data only  40 red
    ======== ========== =============== ============ =================
    """
    w = build_world()
    region = make_area(code="R7000001", name="Upper Region", level="region")
    w.la = make_area(code="L7000001", name="Riverton", level="local_authority", parent=region)
    demo = DataSet.objects.create(name="Made up", slug="made-up", illustrative=True)
    common = {"frequency": "financial_year", "polarity": "higher_is_better"}
    w.met = make_indicator(
        code="AT 1", title="Met", body=w.board, theme="Safer streets", dataset=demo, **common
    )
    w.missed = make_indicator(
        code="AT 2",
        title="Missed",
        body=w.board,
        theme="Safer streets",
        tolerance_amount=10,
        tolerance_kind="percent",
        **common,
    )
    w.untargeted = make_indicator(
        code="AT 3", title="Untargeted", body=w.board, theme="Safe homes", **common
    )
    w.secret = make_indicator(
        code="AT 9", title="Members only", body=w.tasking, theme="Offending", **common
    )
    for year, values in {"2022/23": (60, 30, 5, 60), "2024/25": (70, 47, 6, 40)}.items():
        for ind, value in zip((w.met, w.missed, w.untargeted, w.secret), values, strict=True):
            observe(ind, w.la, year, value)
    for year in ("2022/23", "2023/24", "2024/25"):
        for ind in (w.met, w.missed, w.secret):
            set_target(ind, w.la, year, 50.0)
    return w


def url(w, **params) -> str:
    """The partnership's page for Riverton, three years by default."""
    query = {"area": w.la.code, "years": "3", **params}
    return reverse("performance:achievement") + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def squash(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def table(html: str, caption_start: str) -> list[list[str]]:
    """The body rows of the table whose caption starts so, each cell's text."""
    match = re.search(
        rf"<table[^>]*>\s*<caption>{re.escape(caption_start)}.*?<tbody>(.*?)</tbody>", html, re.S
    )
    assert match, f"no table '{caption_start}'"
    return [
        [squash(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S)
    ]


def overall(html: str) -> list[list[str]]:
    return table(html, "% of indicators achieving target, by financial year")


def chart(html: str) -> ET.Element:
    markup = re.search(r'<svg [^>]*aria-labelledby="achievement-title.*?</svg>', html, re.S)
    assert markup, "no achievement chart"
    return ET.fromstring(markup.group(0))  # noqa: S314 - our own output


def test_each_year_shows_the_percentage_with_its_denominator_and_every_count(client, w):
    response = client.get(url(w))
    assert response.status_code == 200
    assert overall(response.content.decode()) == [
        # year, %, achieving of judged, amber, red, data only, no data
        ["2022/23", "50%", "1 of 2", "0", "1", "1", "0"],
        ["2023/24", "Not available", "0 of 0", "0", "0", "0", "3"],
        ["2024/25", "50%", "1 of 2", "1", "0", "1", "0"],
    ]


def test_the_trend_by_theme_gives_each_year_its_share_and_counts(client, w):
    html = client.get(url(w)).content.decode()
    assert table(html, "% achieving target by theme") == [
        [
            "Safe homes",
            "Not available (none judged) 0 amber, 0 red, 1 no target, 0 no data",
            "Not available (none judged) 0 amber, 0 red, 0 no target, 1 no data",
            "Not available (none judged) 0 amber, 0 red, 1 no target, 0 no data",
        ],
        [
            "Safer streets",
            "50% (1 of 2) 0 amber, 1 red, 0 no target, 0 no data",
            "Not available (none judged) 0 amber, 0 red, 0 no target, 2 no data",
            "50% (1 of 2) 1 amber, 0 red, 0 no target, 0 no data",
        ],
    ]


def test_the_trend_by_body_counts_members_only_indicators_for_members_only(client, w):
    html = client.get(url(w)).content.decode()
    board_row = [
        "Safer Riverton Board",
        "50% (1 of 2) 0 amber, 1 red, 1 no target, 0 no data",
        "Not available (none judged) 0 amber, 0 red, 0 no target, 3 no data",
        "50% (1 of 2) 1 amber, 0 red, 1 no target, 0 no data",
    ]
    assert table(html, "% achieving target by body") == [board_row]
    assert "Offender Tasking Group" not in html and "Offending" not in html

    client.force_login(w.tasking_member)
    html = client.get(url(w)).content.decode()
    assert table(html, "% achieving target by body") == [
        [
            "Offender Tasking Group",
            "100% (1 of 1) 0 amber, 0 red, 0 no target, 0 no data",
            "Not available (none judged) 0 amber, 0 red, 0 no target, 1 no data",
            "0% (0 of 1) 0 amber, 1 red, 0 no target, 0 no data",
        ],
        board_row,
    ]
    assert overall(html) == [
        ["2022/23", "67%", "2 of 3", "0", "1", "1", "0"],
        ["2023/24", "Not available", "0 of 0", "0", "0", "0", "4"],
        ["2024/25", "33%", "1 of 3", "1", "1", "1", "0"],
    ]


def test_the_chart_leaves_a_gap_for_a_year_nobody_could_judge(client, w):
    root = chart(client.get(url(w)).content.decode())
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "% of indicators achieving target in Riverton, " + (
        "2022/23 to 2024/25"
    )
    desc = root.find(f"{SVG}desc").text
    assert "2022/23: 50% (1 of 2); 2023/24: not available; 2024/25: 50% (1 of 2)." in desc
    assert "% of indicators achieving target, by financial year" in desc  # names its table
    points = root.findall(f".//{SVG}circle[@class='observed-point']")
    # three slots across the plot: the first and last years have a point, the middle none
    assert [p.get("cx") for p in points] == ["157.3", "530.7"]
    assert not root.findall(f".//{SVG}polyline")  # no line drawn across the gap
    axis = [t.text for t in root.findall(f".//{SVG}g[@class='axis']/{SVG}text")]
    assert axis[:6] == ["0", "20", "40", "60", "80", "100"]  # always 0 to 100 %


def test_the_page_says_how_it_is_worked_out_and_opens_on_the_last_year_with_figures(client, w):
    text = squash(client.get(reverse("performance:achievement"), {"years": "3"}).content.decode())
    assert "Riverton, financial years 2022/23 to 2024/25" in text
    assert "Each financial year is judged at its end, 31 March" in text
    assert "left out of the denominator" in text


def test_years_are_kept_between_two_and_ten_and_another_last_year_can_be_chosen(client, w):
    html = client.get(url(w, years="1", until="2023/24")).content.decode()
    assert [row[0] for row in overall(html)] == ["2022/23", "2023/24"]
    html = client.get(url(w, years="40")).content.decode()
    assert [row[0] for row in overall(html)][0] == "2015/16"
    assert len(overall(html)) == 10


def test_a_theme_or_body_filter_narrows_the_counts(client, w):
    html = client.get(url(w, theme="Safer+streets")).content.decode()
    assert overall(html)[0] == ["2022/23", "50%", "1 of 2", "0", "1", "0", "0"]
    assert "% achieving target by theme" not in html

    client.force_login(w.tasking_member)
    html = client.get(url(w, body=w.tasking.pk)).content.decode()
    assert overall(html)[2] == ["2024/25", "0%", "0 of 1", "0", "1", "0", "0"]
    assert "% achieving target by body" not in html


def test_a_members_only_body_filter_is_ignored_for_outsiders(client, w):
    html = client.get(url(w, body=w.tasking.pk)).content.decode()
    assert overall(html)[0] == ["2022/23", "50%", "1 of 2", "0", "1", "1", "0"]


def test_a_body_page_counts_only_that_body_and_404s_for_outsiders(client, w):
    body_url = reverse("performance:body_achievement", args=[w.tasking.slug])
    assert client.get(body_url).status_code == 404
    client.force_login(w.board_member)
    assert client.get(body_url).status_code == 404
    client.force_login(w.tasking_member)
    response = client.get(body_url, {"years": "3"})
    assert response.status_code == 200
    html = response.content.decode()
    assert overall(html) == [
        ["2022/23", "100%", "1 of 1", "0", "0", "0", "0"],
        ["2023/24", "Not available", "0 of 0", "0", "0", "0", "1"],
        ["2024/25", "0%", "0 of 1", "0", "1", "0", "0"],
    ]
    assert "% achieving target by body" not in html  # it is the only body
    assert "Illustrative figures" not in html  # none of its indicators is invented


def test_the_illustrative_banner_shows_when_invented_figures_are_counted(client, w):
    assert "Illustrative figures" in squash(client.get(url(w)).content.decode())
    html = client.get(url(w, theme="Safe+homes")).content.decode()
    assert "Illustrative figures" not in html


def test_a_theme_name_is_escaped_everywhere(client, w):
    ind = make_indicator(
        code="AT 4", frequency="financial_year", body=w.board, theme="<script>alert(1)</script>"
    )
    observe(ind, w.la, "2024/25", 1.0)
    html = client.get(url(w)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = client.get(url(w, theme="%3Cscript%3Ealert(1)%3C/script%3E")).content.decode()
    assert "<script>alert(1)" not in html
    assert overall(html)[2] == ["2024/25", "Not available", "0 of 0", "0", "0", "1", "0"]


def test_malformed_parameters_are_ignored_not_a_500(client, w):
    for params in (
        {"years": "lots"},
        {"years": "9" * 40},
        {"until": "0001/02"},
        {"until": "9999"},
        {"until": "2024-Q9"},
        {"body": "9" * 40},
        {"area": "nope"},
    ):
        assert client.get(reverse("performance:achievement"), params).status_code == 200, params


def test_the_dashboard_links_to_the_trend_keeping_its_filters(client, w):
    html = client.get(
        reverse("performance:dashboard"), {"theme": "Safer streets", "area": w.la.code}
    ).content.decode()
    assert 'href="/performance/achievement/?theme=Safer+streets&amp;area=L7000001"' in html
    html = client.get(reverse("performance:body_dashboard", args=[w.board.slug])).content.decode()
    assert f'href="/performance/bodies/{w.board.slug}/achievement/?area=L7000001"' in html
    assert 'href="/performance/achievement/">Achieving target over the years<' in html  # nav


def test_no_areas_yet_is_said_not_a_500(client, db):
    response = client.get(reverse("performance:achievement"))
    assert response.status_code == 200
    assert "No performance figures have been set up yet." in response.content.decode()


def test_the_page_helpers_examples_hold():
    for module in (achievement, periods, words):  # the page helpers, by feature
        assert doctest.testmod(module).failed == 0
