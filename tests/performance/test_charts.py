"""Server-drawn SVG charts: accessible, escaped, deterministic, honest about gaps."""

from __future__ import annotations

import doctest
import xml.etree.ElementTree as ET

import pytest

from concord.performance import charts
from concord.performance.charts import (
    BarDatum,
    line_chart,
    percent_line_chart,
    sparkline,
    ward_bar_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def assert_labelled(root: ET.Element) -> None:
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby", "").split()
    assert len(ids) == 2
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert [title.get("id"), desc.get("id")] == ids
    assert title.text and desc.text


def history(**overrides):
    kwargs = {
        "chart_id": "rate-chart",
        "title": "Teenage conceptions per 1,000",
        "description": "Falling from 60 to 48 over four years.",
        "labels": ["2019/20", "2020/21", "2021/22", "2022/23"],
        "values": [60.0, 55.0, None, 48.0],
        "targets": [58.0, 54.0, 50.0, 46.0],
        "band_low": [58.0, 54.0, 50.0, 46.0],
        "band_high": [60.9, 56.7, 52.5, 48.3],
        "forecast_labels": ["2023/24", "2024/25"],
        "forecast_values": [45.0, 42.5],
        "unit": "per 1,000",
    }
    kwargs.update(overrides)
    return line_chart(**kwargs)


def test_the_chart_docstring_examples_hold():
    assert doctest.testmod(charts).failed == 0


def test_a_line_chart_is_an_image_named_by_its_title_and_description():
    root = parse(history())
    assert_labelled(root)
    assert root.find(f"{SVG}title").text == "Teenage conceptions per 1,000"
    assert root.get("viewBox") == "0 0 640 300"


def test_a_line_chart_draws_target_band_and_forecast_and_names_them_in_words():
    svg = history()
    root = parse(svg)
    assert len(root.findall(f".//{SVG}polygon[@class='band']")) == 1
    assert len(root.findall(f".//{SVG}polyline[@class='target']")) == 1
    assert len(root.findall(f".//{SVG}polyline[@class='forecast']")) == 1
    assert len(root.findall(f".//{SVG}circle[@class='forecast-point']")) == 2
    legend = " ".join(t.text for t in root.findall(f".//{SVG}g[@class='legend']//{SVG}text"))
    for words in ("Observed", "Target", "Tolerance band", "Forecast"):
        assert words in legend
    # every period, observed and forecast, is labelled on the axis
    axis = [t.text for t in root.findall(f".//{SVG}g[@class='axis']/{SVG}text")]
    assert "2019/20" in axis and "2024/25" in axis


def test_a_missing_value_breaks_the_line_instead_of_being_drawn_as_zero():
    root = parse(
        history(
            values=[60.0, 55.0, None, 48.0, 47.0],
            labels=list("ABCDE"),
            targets=None,
            band_low=None,
            band_high=None,
        )
    )
    observed = root.findall(f".//{SVG}polyline[@class='observed']")
    assert len(observed) == 2  # A-B and D-E, with a gap at C
    assert len(root.findall(f".//{SVG}circle[@class='observed-point']")) == 4


def test_the_forecast_starts_from_the_last_observed_value():
    root = parse(history(values=[60.0, 55.0, 50.0, None]))
    forecast = root.find(f".//{SVG}polyline[@class='forecast']").get("points").split()
    last_observed = root.findall(f".//{SVG}circle[@class='observed-point']")[-1]
    assert forecast[0] == f"{last_observed.get('cx')},{last_observed.get('cy')}"


def test_text_from_documents_is_escaped():
    svg = history(
        title='<script>alert("x")</script>',
        description="A & B",
        unit="<b>%</b>",
        labels=["<i>", "2", "3", "4"],
    )
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    root = parse(svg)  # still well-formed XML
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script>'


def test_the_chart_id_cannot_break_out_of_its_attribute():
    svg = history(chart_id='x" onload="alert(1)')
    assert 'onload="' not in svg
    assert_labelled(parse(svg))


def test_the_same_input_draws_the_same_bytes():
    assert history() == history()
    assert sparkline([1.0, 2.0], chart_id="s", title="t") == sparkline(
        [1.0, 2.0], chart_id="s", title="t"
    )


def test_a_chart_without_numbers_says_so():
    svg = history(
        values=[None] * 4,
        targets=None,
        band_low=None,
        band_high=None,
        forecast_labels=[],
        forecast_values=[],
    )
    assert "No data to draw" in svg
    assert_labelled(parse(svg))


def test_mismatched_series_are_refused():
    with pytest.raises(ValueError):
        history(targets=[1.0])
    with pytest.raises(ValueError):
        history(forecast_values=[1.0])


def test_a_sparkline_lists_its_values_in_its_description():
    root = parse(sparkline([3.0, None, 5.5, 6.0], chart_id="s1", title="Trend of NI 1"))
    assert_labelled(root)
    assert root.find(f"{SVG}desc").text == "Values, oldest first: 3, no data, 5.5, 6."
    assert len(root.findall(f"{SVG}polyline")) == 1  # 5.5-6; the lone 3 is not joined over the gap
    assert len(root.findall(f"{SVG}circle")) == 1  # the latest value


def test_an_empty_sparkline_is_still_labelled():
    assert_labelled(parse(sparkline([None, None], chart_id="s2", title="No values yet")))


def test_a_ward_chart_says_suppressed_or_no_data_where_there_is_no_bar():
    bars = [
        BarDatum("Northgate", 12.0),
        BarDatum("Southmoor", None, suppressed=True),
        BarDatum("Eastfield", None),
        BarDatum("West & Vale", 30.0),
    ]
    svg = ward_bar_chart(
        bars,
        chart_id="w",
        title="By ward",
        description="Four wards.",
        target=20.0,
        reference=18.0,
        reference_label="District",
    )
    root = parse(svg)
    assert_labelled(root)
    assert len(root.findall(f".//{SVG}rect[@class='bar']")) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "suppressed (small number)" in texts and "no data" in texts
    assert "West & Vale" in texts
    assert "Target: 20" in texts and "District: 18" in texts


def test_a_ward_chart_handles_negative_values_and_no_wards():
    root = parse(
        ward_bar_chart(
            [BarDatum("A", -5.0), BarDatum("B", 5.0)], chart_id="n", title="Change", description="d"
        )
    )
    widths = [float(r.get("width")) for r in root.findall(f".//{SVG}rect[@class='bar']")]
    assert widths[0] == pytest.approx(widths[1])
    empty = ward_bar_chart([], chart_id="e", title="None", description="d")
    assert "No areas to draw" in empty


def achieving(**overrides):
    kwargs = {
        "chart_id": "achievement",
        "title": "% of indicators achieving target",
        "description": "2021/22: 40%; 2022/23: not available; 2023/24: 55%.",
        "labels": ["2020/21", "2021/22", "2022/23", "2023/24"],
        "values": [12.5, 40.0, None, 55.0],
        "series_label": "% achieving target",
    }
    kwargs.update(overrides)
    return percent_line_chart(**kwargs)


def test_a_percentage_chart_is_labelled_and_always_runs_from_0_to_100():
    root = parse(achieving())
    assert_labelled(root)
    assert root.find(f"{SVG}title").text == "% of indicators achieving target"
    axis = [t.text for t in root.findall(f".//{SVG}g[@class='axis']/{SVG}text")]
    assert axis[:7] == ["0", "20", "40", "60", "80", "100", "%"]
    legend = [t.text for t in root.findall(f".//{SVG}g[@class='legend']//{SVG}text")]
    assert legend == ["% achieving target (solid line, filled dots)"]


def test_a_percentage_chart_leaves_a_gap_for_a_year_without_a_figure_never_a_zero():
    root = parse(achieving())
    points = root.findall(f".//{SVG}circle[@class='observed-point']")
    assert len(points) == 3  # no point for the year without a figure
    zero_y = root.find(f".//{SVG}g[@class='axis']/{SVG}line").get("y1")  # the 0 gridline
    assert all(p.get("cy") != zero_y for p in points)
    lines = root.findall(f".//{SVG}polyline[@class='observed']")
    assert len(lines) == 1  # 2020/21-2021/22 joined; 2023/24 stands alone after the gap
    assert len(lines[0].get("points").split()) == 2


def test_a_percentage_chart_escapes_its_text_and_draws_the_same_bytes_each_time():
    svg = achieving(
        title="<script>alert(1)</script>", labels=["<i>", "2", "3", "4"], series_label="A & B"
    )
    assert "<script>" not in svg and "<i>" not in svg and "A & B" not in svg
    assert parse(svg).find(f"{SVG}title").text == "<script>alert(1)</script>"
    assert achieving() == achieving()


def test_a_percentage_chart_without_any_figure_says_so():
    svg = achieving(values=[None] * 4)
    assert "No data to draw" in svg
    assert_labelled(parse(svg))


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234567.0, "1,234,567"), (-0.001, "0"), (2.5, "2.5"), (float("nan"), ""), (None, "")],
)
def test_numbers_are_written_as_people_read_them(value, text):
    assert charts.format_number(value) == text
