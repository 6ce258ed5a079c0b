from __future__ import annotations

import pytest

from concord.performance.rules import (
    Band,
    Polarity,
    RagStatus,
    Tolerance,
    ToleranceKind,
    linear_trajectory,
    meets_target,
    profiled_target,
    rag_status,
    rag_year_to_date,
    year_to_date,
    ytd_target,
)

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER
BAND = Polarity.WITHIN_BAND


def status(*args, **kwargs) -> RagStatus:
    return rag_status(*args, **kwargs).status


# -- green / amber / red -------------------------------------------------------


def test_higher_is_better_value_above_target_is_green():
    assert status(1250, 1200, HIGHER, Tolerance.percent(5)) is RagStatus.GREEN


def test_a_value_exactly_on_target_is_green():
    assert status(1200, 1200, HIGHER, Tolerance.percent(5)) is RagStatus.GREEN
    assert status(40.0, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.GREEN


def test_higher_is_better_count_below_target_within_percent_tolerance_is_amber():
    # 5% of 1,200 quitters is 60: 1,150 is 50 short
    assert status(1150, 1200, HIGHER, Tolerance.percent(5)) is RagStatus.AMBER


def test_higher_is_better_count_below_target_beyond_tolerance_is_red():
    assert status(1130, 1200, HIGHER, Tolerance.percent(5)) is RagStatus.RED


def test_lower_is_better_rate_below_target_is_green():
    assert status(38.2, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.GREEN


def test_lower_is_better_rate_above_target_within_tolerance_is_amber():
    # under-18 conceptions per 1,000: target 40.0, 5% tolerance is 2.0
    assert status(41.5, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.AMBER


def test_lower_is_better_rate_above_target_beyond_tolerance_is_red():
    assert status(42.1, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.RED


def test_the_edge_of_the_tolerance_is_still_amber_despite_float_rounding():
    # 40 * 1.05 is 42.00000000000001 in binary floating point
    assert status(40 * 1.05, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.AMBER
    assert status(42.0, 40.0, LOWER, Tolerance.percent(5)) is RagStatus.AMBER
    assert status(7.1 * 0.9, 7.1, HIGHER, Tolerance.percent(10)) is RagStatus.AMBER


def test_percentage_indicator_uses_absolute_points_tolerance():
    # chlamydia screening 15% target, 2 points tolerance: 13.5% is amber, 12.9% red
    tol = Tolerance.points(2)
    assert status(13.5, 15.0, HIGHER, tol) is RagStatus.AMBER
    assert status(13.0, 15.0, HIGHER, tol) is RagStatus.AMBER
    assert status(12.9, 15.0, HIGHER, tol) is RagStatus.RED


def test_points_tolerance_does_not_scale_with_the_target():
    assert status(88.0, 90.0, HIGHER, Tolerance(2, ToleranceKind.POINTS)) is RagStatus.AMBER
    assert status(88.0, 90.0, HIGHER, Tolerance(2, ToleranceKind.PERCENT)) is RagStatus.RED


def test_without_a_tolerance_any_miss_is_red():
    assert status(40.01, 40.0, LOWER) is RagStatus.RED
    assert status(1199, 1200, HIGHER, Tolerance.percent(0)) is RagStatus.RED


def test_the_result_reports_the_shortfall_and_the_tolerance_width():
    result = rag_status(41.5, 40.0, LOWER, Tolerance.percent(5))
    assert result.shortfall == pytest.approx(1.5)
    assert result.tolerance == pytest.approx(2.0)
    assert result.value == 41.5
    assert result.target == 40.0


def test_a_met_target_has_no_shortfall():
    assert rag_status(30.0, 40.0, LOWER).shortfall == 0.0


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError):
        Tolerance.percent(-1)


def test_polarity_can_be_given_as_its_stored_text():
    assert status(41.5, 40.0, "lower_is_better", Tolerance.percent(5)) is RagStatus.AMBER


# -- missing data and no target ----------------------------------------------


def test_a_missing_value_that_is_due_is_grey_not_red():
    result = rag_status(None, 40.0, LOWER, Tolerance.percent(5))
    assert result.status is RagStatus.NO_DATA
    assert result.colour == "grey"


def test_a_missing_value_without_a_target_is_still_no_data():
    assert status(None, None, LOWER) is RagStatus.NO_DATA


def test_an_indicator_without_a_target_is_data_only():
    result = rag_status(12.3, None, HIGHER)
    assert result.status is RagStatus.DATA_ONLY
    assert result.colour == "none"


def test_a_no_judgement_indicator_is_data_only_even_with_a_target():
    assert status(55.0, 50.0, Polarity.NO_JUDGEMENT) is RagStatus.DATA_ONLY


def test_zero_is_a_value_not_missing_data():
    assert status(0, 5, LOWER) is RagStatus.GREEN
    assert status(0, 5, HIGHER) is RagStatus.RED


# -- within band ------------------------------------------------------------


def test_within_band_value_inside_the_band_is_green():
    assert status(50, Band(40, 60), BAND, Tolerance.percent(10)) is RagStatus.GREEN


def test_within_band_band_edges_are_green():
    assert status(40, Band(40, 60), BAND) is RagStatus.GREEN
    assert status(60, Band(40, 60), BAND) is RagStatus.GREEN


def test_within_band_value_just_above_the_band_is_amber():
    # 10% of the upper edge 60 is 6
    assert status(65, Band(40, 60), BAND, Tolerance.percent(10)) is RagStatus.AMBER


def test_within_band_value_just_below_uses_the_lower_edge_for_percent_tolerance():
    # 10% of the lower edge 40 is 4: 36 amber, 35 red
    assert status(36, Band(40, 60), BAND, Tolerance.percent(10)) is RagStatus.AMBER
    assert status(35, Band(40, 60), BAND, Tolerance.percent(10)) is RagStatus.RED


def test_within_band_far_outside_is_red():
    assert status(80, Band(40, 60), BAND, Tolerance.points(5)) is RagStatus.RED


def test_a_band_target_for_a_higher_is_better_indicator_is_refused():
    with pytest.raises(ValueError):
        rag_status(50, Band(40, 60), HIGHER)


def test_a_band_with_low_above_high_is_refused():
    with pytest.raises(ValueError):
        Band(60, 40)


def test_meets_target_ignores_tolerance():
    assert meets_target(40.0, 40.0, LOWER)
    assert not meets_target(40.5, 40.0, LOWER)


# -- trajectories -----------------------------------------------------------


def test_a_trajectory_is_interpolated_linearly_between_baseline_and_target():
    # baseline 60 in 2007/08, target 45 in 2010/11: 5 a year
    assert linear_trajectory(60, "2007/08", 45, "2010/11", "2008/09") == pytest.approx(55.0)
    assert linear_trajectory(60, "2007/08", 45, "2010/11", "2009/10") == pytest.approx(50.0)


def test_a_trajectory_works_with_plain_period_indices():
    assert linear_trajectory(100, 0, 200, 4, 1) == pytest.approx(125.0)


def test_the_trajectory_at_the_baseline_is_the_baseline():
    assert linear_trajectory(60, "2007/08", 45, "2010/11", "2007/08") == 60.0


def test_after_the_target_period_the_end_target_stands():
    assert linear_trajectory(60, "2007/08", 45, "2010/11", "2012/13") == 45.0


def test_before_the_baseline_there_is_no_trajectory_target():
    assert linear_trajectory(60, "2007/08", 45, "2010/11", "2006/07") is None


def test_a_quarterly_trajectory_crosses_year_ends():
    assert linear_trajectory(0, "2009-Q2", 400, "2010-Q1", "2009-Q4") == pytest.approx(800 / 3)


def test_a_trajectory_mixing_months_and_quarters_is_refused():
    with pytest.raises(ValueError):
        linear_trajectory(0, "2009-04", 10, "2010-Q1", "2009-06")


def test_a_target_before_its_baseline_is_refused():
    with pytest.raises(ValueError):
        linear_trajectory(60, "2010/11", 45, "2007/08", "2009/10")


def test_a_profiled_milestone_is_used_as_it_is():
    milestones = {"2008/09": 58.0, "2009/10": 52.0, "2010/11": 45.0}
    assert profiled_target(milestones, "2009/10") == 52.0


def test_between_profiled_milestones_the_target_is_interpolated():
    assert profiled_target({0: 10.0, 4: 30.0}, 1) == pytest.approx(15.0)


def test_before_the_first_milestone_there_is_no_target_and_after_the_last_it_stands():
    milestones = {"2009-Q2": 10.0, "2009-Q4": 30.0}
    assert profiled_target(milestones, "2009-Q1") is None
    assert profiled_target(milestones, "2010-Q2") == 30.0


def test_profiled_targets_may_go_against_a_straight_line():
    # seasonal profile: a dip in the middle of the year is allowed
    milestones = {1: 100.0, 2: 80.0, 3: 120.0}
    assert profiled_target(milestones, 2) == 80.0


# -- year to date -----------------------------------------------------------


def test_a_pro_rata_year_to_date_target_is_a_share_of_the_annual_target():
    assert ytd_target(1200, 3, 12) == pytest.approx(300.0)
    assert ytd_target(1200, 12, 12) == pytest.approx(1200.0)


def test_a_profiled_year_to_date_target_is_read_from_the_cumulative_profile():
    assert ytd_target(1200, 2, 4, profile=[200, 500, 800, 1200]) == 500.0


def test_a_profile_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        ytd_target(1200, 2, 4, profile=[200, 500, 1200])


def test_year_to_date_sums_from_april():
    months = {"2009-03": 999, "2009-04": 80, "2009-05": 95, "2009-06": 110}
    assert year_to_date(months, "2009-06") == 285.0


def test_year_to_date_with_a_missing_month_is_missing():
    months = {"2009-04": 80, "2009-06": 110}
    assert year_to_date(months, "2009-06") is None


def test_cumulative_counts_are_judged_against_the_pro_rata_year_to_date_target():
    # 1,200 quitters a year: 300 due by end of June; 285 is 5% short -> amber
    months = {"2009-04": 80, "2009-05": 95, "2009-06": 110}
    result = rag_year_to_date(months, "2009-06", 1200, HIGHER, Tolerance.percent(5))
    assert result.status is RagStatus.AMBER
    assert result.value == 285.0
    assert result.target == pytest.approx(300.0)


def test_cumulative_counts_are_judged_against_the_profiled_year_to_date_target():
    quarters = {"2009-Q2": 210, "2009-Q3": 300}
    profile = [200, 500, 800, 1200]
    assert rag_year_to_date(quarters, "2009-Q3", 1200, HIGHER, None, profile).status is (
        RagStatus.GREEN
    )


def test_a_year_to_date_value_with_a_missing_period_is_grey():
    quarters = {"2009-Q2": None, "2009-Q3": 300}
    assert rag_year_to_date(quarters, "2009-Q3", 1200, HIGHER).status is RagStatus.NO_DATA


def test_a_new_financial_year_starts_the_count_again():
    quarters = {"2009-Q2": 300, "2009-Q3": 300, "2009-Q4": 300, "2010-Q1": 300, "2010-Q2": 250}
    result = rag_year_to_date(quarters, "2010-Q2", 1200, HIGHER, Tolerance.percent(5))
    assert result.value == 250.0
    assert result.status is RagStatus.RED


def test_a_cumulative_count_without_an_annual_target_is_data_only():
    assert rag_year_to_date({"2009-Q2": 10}, "2009-Q2", None, HIGHER).status is (
        RagStatus.DATA_ONLY
    )
