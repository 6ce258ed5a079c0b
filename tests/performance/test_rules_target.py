from __future__ import annotations

import pytest

from concord.performance.rules import Band, Polarity, distance_to_target, share_of_gap_closed

LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER


def test_no_progress_from_the_baseline_closes_none_of_the_gap():
    assert share_of_gap_closed(60.0, 60.0, 45.0) == 0.0


def test_reaching_the_target_closes_all_of_the_gap():
    assert share_of_gap_closed(60.0, 45.0, 45.0) == 1.0


def test_part_of_the_gap_closed_is_a_fraction():
    assert share_of_gap_closed(60.0, 54.0, 45.0) == pytest.approx(0.4)
    assert share_of_gap_closed(1000, 1100, 1200) == pytest.approx(0.5)


def test_moving_away_from_the_target_is_a_negative_share():
    assert share_of_gap_closed(60.0, 63.0, 45.0) == pytest.approx(-0.2)


def test_passing_the_target_is_more_than_the_whole_gap():
    assert share_of_gap_closed(60.0, 42.0, 45.0) == pytest.approx(1.2)


def test_there_is_no_share_when_the_baseline_was_already_the_target():
    assert share_of_gap_closed(45.0, 40.0, 45.0) is None


def test_a_band_target_measures_the_gap_to_its_nearest_edge():
    assert share_of_gap_closed(80.0, 70.0, Band(40, 60)) == pytest.approx(0.5)
    assert share_of_gap_closed(50.0, 55.0, Band(40, 60)) is None


ANNUAL = {"2007/08": 60.0, "2008/09": 57.0, "2009/10": 54.0}


def test_a_steady_fall_that_reaches_the_target_in_time_is_on_track():
    d = distance_to_target(ANNUAL, 60.0, 51.0, "2010/11", LOWER)
    assert d.projected_value == pytest.approx(51.0)
    assert d.on_track is True
    assert d.current == 54.0
    assert d.share_of_gap_closed == pytest.approx(6 / 9)


def test_a_fall_too_slow_for_the_target_is_off_track_with_its_projection():
    d = distance_to_target(ANNUAL, 60.0, 45.0, "2010/11", LOWER)
    assert d.projected_value == pytest.approx(51.0)
    assert d.on_track is False


def test_the_trend_uses_every_observed_point_not_only_the_latest():
    # a good last year does not outweigh the trend through all four
    obs = {"2006/07": 60.0, "2007/08": 62.0, "2008/09": 64.0, "2009/10": 58.0}
    d = distance_to_target(obs, 60.0, 55.0, "2010/11", LOWER)
    assert d.projected_value == pytest.approx(60.0)
    assert d.on_track is False


def test_higher_is_better_on_track():
    obs = {0: 1000.0, 1: 1100.0}
    d = distance_to_target(obs, 1000.0, 1250.0, 3, HIGHER)
    assert d.projected_value == pytest.approx(1300.0)
    assert d.on_track is True


def test_missing_values_are_skipped_but_keep_their_place_in_time():
    obs = {"2007/08": 60.0, "2008/09": None, "2009/10": 56.0}
    d = distance_to_target(obs, 60.0, 50.0, "2011/12", LOWER)
    assert d.projected_value == pytest.approx(52.0)
    assert d.current == 56.0


def test_one_observed_point_is_not_enough_for_a_trend():
    d = distance_to_target({"2007/08": 60.0}, 60.0, 45.0, "2010/11", LOWER)
    assert d.projected_value is None
    assert d.on_track is None
    assert "two" in d.method


def test_no_observations_means_no_current_value_or_share():
    d = distance_to_target({}, 60.0, 45.0, "2010/11", LOWER)
    assert (d.current, d.share_of_gap_closed, d.on_track) == (None, None, None)


def test_no_judgement_indicators_are_never_on_or_off_track():
    d = distance_to_target(ANNUAL, 60.0, 45.0, "2010/11", Polarity.NO_JUDGEMENT)
    assert d.on_track is None
    assert d.projected_value == pytest.approx(51.0)


def test_the_method_is_stated():
    d = distance_to_target(ANNUAL, 60.0, 45.0, "2010/11", LOWER)
    assert "least-squares" in d.method.lower()
    assert "3 observed values" in d.method
