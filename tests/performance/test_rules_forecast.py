from __future__ import annotations

import pytest

from concord.performance.rules import forecast, forecast_periods, parse_period


def test_a_straight_line_is_continued_exactly():
    f = forecast([10.0, 12.0, 14.0, 16.0], ahead=1)
    assert f.projected == pytest.approx(18.0)
    assert f.slope == pytest.approx(2.0)


def test_the_path_lists_every_period_up_to_the_horizon():
    f = forecast([10.0, 12.0, 14.0], ahead=3)
    assert f.path == pytest.approx((16.0, 18.0, 20.0))
    assert f.projected == pytest.approx(20.0)


def test_only_the_last_n_points_are_used():
    # an old outlier beyond the window does not bend the trend
    f = forecast([100.0, 10.0, 12.0, 14.0], ahead=1, last_n=3)
    assert f.projected == pytest.approx(16.0)
    assert f.points_used == 3


def test_a_noisy_series_is_fitted_by_least_squares():
    f = forecast([1.0, 3.0, 2.0, 4.0], ahead=1)
    # slope 0.8, intercept 1.3: at x=4, 4.5
    assert f.slope == pytest.approx(0.8)
    assert f.projected == pytest.approx(4.5)


def test_a_missing_latest_value_still_projects_from_the_latest_period():
    f = forecast([10.0, 12.0, 14.0, None], ahead=1)
    assert f.projected == pytest.approx(18.0)


def test_fewer_than_two_values_give_no_forecast_and_say_why():
    f = forecast([None, 5.0], ahead=2)
    assert f.projected is None
    assert f.path == ()
    assert "two" in f.method


def test_the_method_is_described():
    f = forecast([10.0, 12.0, 14.0, 16.0, 18.0, 20.0], ahead=2, last_n=5)
    assert "least-squares" in f.method.lower()
    assert "last 5" in f.method
    assert "2 period(s) ahead" in f.method


def test_forecasting_zero_periods_ahead_is_refused():
    with pytest.raises(ValueError):
        forecast([1.0, 2.0], ahead=0)


def test_forecast_by_period_names_the_period_projected_to():
    f = forecast_periods({"2009-Q3": 26.0, "2009-Q1": 30.0, "2009-Q2": 28.0}, ahead=2)
    assert f.period == parse_period("2010-Q1")
    assert f.projected == pytest.approx(22.0)


def test_forecast_by_period_keeps_gaps_in_time():
    f = forecast_periods({"2009-04": 10.0, "2009-06": 14.0}, ahead=1)
    assert f.period == parse_period("2009-07")
    assert f.projected == pytest.approx(16.0)


def test_forecast_by_period_refuses_mixed_kinds():
    with pytest.raises(ValueError):
        forecast_periods({"2009-04": 10.0, "2009-Q3": 14.0})
