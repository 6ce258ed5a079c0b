from __future__ import annotations

from concord.performance.rules import (
    Direction,
    Polarity,
    Tolerance,
    compare_values,
    compare_with_mean,
    direction_of_travel,
    parse_period,
)

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


def test_a_falling_rate_that_should_fall_is_improving():
    assert compare_values(38.0, 42.0, LOWER) is Direction.IMPROVING


def test_a_rising_rate_that_should_fall_is_worsening():
    assert compare_values(44.0, 42.0, LOWER) is Direction.WORSENING


def test_a_rising_count_that_should_rise_is_improving():
    assert compare_values(1300, 1200, HIGHER) is Direction.IMPROVING


def test_without_polarity_travel_is_increasing_or_decreasing():
    assert compare_values(44.0, 42.0, Polarity.NO_JUDGEMENT) is Direction.INCREASING
    assert compare_values(40.0, 42.0, Polarity.NO_JUDGEMENT) is Direction.DECREASING


def test_within_band_travel_is_increasing_or_decreasing_not_better_or_worse():
    assert compare_values(55.0, 50.0, Polarity.WITHIN_BAND) is Direction.INCREASING


def test_an_identical_value_is_no_change():
    assert compare_values(42.0, 42.0, LOWER) is Direction.NO_CHANGE


def test_a_change_inside_the_percent_tolerance_is_no_change():
    # 2% of 42.0 is 0.84
    assert compare_values(42.8, 42.0, LOWER, Tolerance.percent(2)) is Direction.NO_CHANGE
    assert compare_values(42.9, 42.0, LOWER, Tolerance.percent(2)) is Direction.WORSENING


def test_a_change_inside_the_points_tolerance_is_no_change():
    assert compare_values(16.5, 17.0, HIGHER, Tolerance.points(1)) is Direction.NO_CHANGE
    assert compare_values(15.5, 17.0, HIGHER, Tolerance.points(1)) is Direction.WORSENING


def test_a_change_exactly_equal_to_the_tolerance_is_no_change():
    assert compare_values(18.0, 17.0, HIGHER, Tolerance.points(1)) is Direction.NO_CHANGE


def test_overlapping_confidence_intervals_mean_no_change():
    assert (
        compare_values(38.0, 42.0, LOWER, current_ci=(34.0, 42.5), earlier_ci=(38.1, 46.0))
        is Direction.NO_CHANGE
    )


def test_separate_confidence_intervals_show_a_real_change():
    assert (
        compare_values(38.0, 42.0, LOWER, current_ci=(37.0, 39.0), earlier_ci=(41.0, 43.0))
        is Direction.IMPROVING
    )


def test_one_missing_confidence_interval_falls_back_to_the_values():
    assert compare_values(38.0, 42.0, LOWER, current_ci=(30.0, 50.0)) is Direction.IMPROVING


def test_a_missing_value_gives_no_direction():
    assert compare_values(None, 42.0, LOWER) is Direction.NO_DATA
    assert compare_values(42.0, None, LOWER) is Direction.NO_DATA


def test_travel_against_the_mean_of_the_previous_four():
    direction, mean = compare_with_mean(30.0, [40.0, 38.0, 36.0, 34.0], LOWER)
    assert direction is Direction.IMPROVING
    assert mean == 37.0


def test_travel_against_the_mean_needs_all_four_previous_values():
    assert compare_with_mean(30.0, [40.0, None, 36.0, 34.0], LOWER) == (Direction.NO_DATA, None)
    assert compare_with_mean(30.0, [36.0, 34.0], LOWER) == (Direction.NO_DATA, None)


def test_travel_against_the_mean_uses_only_the_latest_four():
    direction, mean = compare_with_mean(30.0, [None, 40.0, 38.0, 36.0, 34.0], LOWER)
    assert mean == 37.0


def test_travel_against_the_mean_respects_the_tolerance():
    direction, _ = compare_with_mean(36.5, [38.0, 37.0, 37.0, 36.0], LOWER, Tolerance.points(1))
    assert direction is Direction.NO_CHANGE


QUARTERS = {
    "2008-Q4": 44.0,
    "2009-Q1": 40.0,
    "2009-Q2": 39.0,
    "2009-Q3": 41.0,
    "2009-Q4": 40.0,
    "2010-Q1": 41.0,
}


def test_the_two_directions_are_reported_separately():
    # 41 is worse than last quarter (40) and than the mean of the previous four (40)
    report = direction_of_travel(QUARTERS, "2010-Q1", LOWER)
    assert report.against_previous is Direction.WORSENING
    assert report.against_mean is Direction.WORSENING
    assert report.mean == 40.0
    report = direction_of_travel({**QUARTERS, "2009-Q4": 42.0}, "2010-Q1", LOWER)
    assert report.against_previous is Direction.IMPROVING
    assert report.against_mean is Direction.WORSENING


def test_the_report_names_the_periods_compared():
    report = direction_of_travel(QUARTERS, "2010-Q1", LOWER)
    assert report.previous_period == parse_period("2009-Q4")
    assert [str(p) for p in report.mean_periods] == ["2009-Q1", "2009-Q2", "2009-Q3", "2009-Q4"]


def test_seasonal_data_is_compared_with_the_same_period_a_year_earlier():
    series = {"2008-Q1": 50.0, "2009-Q4": 30.0, "2009-Q1": 48.0, "2010-Q1": 45.0}
    report = direction_of_travel(series, "2010-Q1", LOWER, seasonal=True)
    assert report.previous_period == parse_period("2009-Q1")
    assert report.against_previous is Direction.IMPROVING


def test_seasonal_mean_uses_the_same_period_in_the_previous_four_years():
    series = {"2006-01": 10, "2007-01": 12, "2008-01": 14, "2009-01": 16, "2010-01": 20}
    report = direction_of_travel(series, "2010-01", HIGHER, seasonal=True)
    assert [str(p) for p in report.mean_periods] == ["2006-01", "2007-01", "2008-01", "2009-01"]
    assert report.mean == 13.0
    assert report.against_mean is Direction.IMPROVING


def test_direction_of_travel_uses_confidence_intervals_when_given():
    intervals = {"2009-Q4": (35.0, 45.0), "2010-Q1": (36.0, 46.0)}
    report = direction_of_travel(QUARTERS, "2010-Q1", LOWER, intervals=intervals)
    assert report.against_previous is Direction.NO_CHANGE


def test_direction_of_travel_for_the_first_period_has_no_data():
    report = direction_of_travel({"2009-Q1": 40.0}, "2009-Q1", LOWER)
    assert report.against_previous is Direction.NO_DATA
    assert report.against_mean is Direction.NO_DATA
