from __future__ import annotations

import pytest

from concord.performance.rules import (
    Band,
    GapChange,
    Polarity,
    PublicCount,
    Tolerance,
    area_gap,
    gap_trend,
    quintiles,
    rank_areas,
    suppress_small_number,
    suppress_small_numbers,
)

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER

# under-18 conception rate per 1,000 by ward (lower is better)
WARDS = {"E05001": 31.2, "E05002": 58.9, "E05003": 44.0, "E05004": 22.5, "E05005": 44.0}


def test_for_lower_is_better_the_lowest_rate_ranks_first():
    ranks = rank_areas(WARDS, LOWER)
    assert ranks["E05004"] == 1
    assert ranks["E05002"] == 5


def test_for_higher_is_better_the_highest_value_ranks_first():
    ranks = rank_areas({"A": 10.0, "B": 30.0, "C": 20.0}, HIGHER)
    assert ranks == {"A": 3, "B": 1, "C": 2}


def test_tied_areas_share_a_rank_and_the_next_rank_is_skipped():
    ranks = rank_areas(WARDS, LOWER)
    assert ranks["E05003"] == ranks["E05005"] == 3
    assert sorted(ranks.values()) == [1, 2, 3, 3, 5]


def test_values_equal_but_for_float_noise_are_tied():
    ranks = rank_areas({"A": 0.1 + 0.2, "B": 0.3}, LOWER)
    assert ranks == {"A": 1, "B": 1}


def test_areas_without_a_value_are_not_ranked():
    ranks = rank_areas({"A": 10.0, "B": None, "C": 5.0}, LOWER)
    assert ranks == {"A": 2, "B": None, "C": 1}


def test_no_judgement_indicators_cannot_be_ranked():
    with pytest.raises(ValueError):
        rank_areas(WARDS, Polarity.NO_JUDGEMENT)


def test_within_band_areas_rank_by_distance_outside_the_band():
    ranks = rank_areas({"A": 50, "B": 65, "C": 38, "D": 40}, Polarity.WITHIN_BAND, Band(40, 60))
    assert ranks == {"A": 1, "B": 4, "C": 3, "D": 1}


def test_within_band_without_a_band_cannot_be_ranked():
    with pytest.raises(ValueError):
        rank_areas({"A": 50}, Polarity.WITHIN_BAND)


def test_ten_areas_fall_two_to_a_quintile_with_1_best():
    values = {f"W{i:02d}": float(i) for i in range(10)}
    q = quintiles(values, LOWER)
    assert [q[f"W{i:02d}"] for i in range(10)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_tied_areas_share_a_quintile():
    q = quintiles({"A": 1.0, "B": 1.0, "C": 2.0, "D": 3.0, "E": 4.0}, LOWER)
    assert q == {"A": 1, "B": 1, "C": 3, "D": 4, "E": 5}


def test_areas_without_a_value_have_no_quintile():
    assert quintiles({"A": 1.0, "B": None}, LOWER)["B"] is None


def test_the_gap_is_between_the_best_and_the_worst_area():
    gap = area_gap(WARDS, LOWER)
    assert gap is not None
    assert gap.best_areas == ("E05004",)
    assert gap.worst_areas == ("E05002",)
    assert (gap.best_value, gap.worst_value) == (22.5, 58.9)
    assert gap.gap == pytest.approx(36.4)


def test_the_gap_is_the_same_size_whichever_way_is_better():
    assert area_gap(WARDS, HIGHER).gap == pytest.approx(area_gap(WARDS, LOWER).gap)
    assert area_gap(WARDS, HIGHER).best_areas == ("E05002",)


def test_tied_worst_areas_are_all_named():
    gap = area_gap({"A": 10.0, "B": 30.0, "C": 30.0}, LOWER)
    assert gap.worst_areas == ("B", "C")


def test_one_area_has_no_gap():
    assert area_gap({"A": 10.0, "B": None}, LOWER) is None


def test_a_smaller_gap_than_before_is_narrowing():
    earlier = {"A": 30.0, "B": 60.0}
    later = {"A": 32.0, "B": 50.0}
    trend = gap_trend(earlier, later, LOWER)
    assert trend.status is GapChange.NARROWING
    assert trend.change == pytest.approx(-12.0)


def test_a_larger_gap_than_before_is_widening():
    trend = gap_trend({"A": 30.0, "B": 60.0}, {"A": 25.0, "B": 60.0}, LOWER)
    assert trend.status is GapChange.WIDENING


def test_the_gap_narrows_even_when_the_best_area_gets_worse():
    # narrowing the gap is about the distance, and it is reported apart from travel
    trend = gap_trend({"A": 30.0, "B": 60.0}, {"A": 40.0, "B": 60.0}, LOWER)
    assert trend.status is GapChange.NARROWING


def test_a_gap_change_within_the_tolerance_is_no_change():
    trend = gap_trend({"A": 30.0, "B": 60.0}, {"A": 31.0, "B": 60.0}, LOWER, Tolerance.percent(5))
    assert trend.status is GapChange.NO_CHANGE


def test_the_gap_trend_compares_only_areas_with_values_in_both_periods():
    earlier = {"A": 30.0, "B": 60.0, "C": 90.0}
    later = {"A": 30.0, "B": 55.0, "C": None}
    trend = gap_trend(earlier, later, LOWER)
    assert trend.earlier.gap == pytest.approx(30.0)
    assert trend.status is GapChange.NARROWING


def test_the_gap_trend_can_compare_all_areas_when_asked():
    earlier = {"A": 30.0, "B": 60.0, "C": 90.0}
    later = {"A": 30.0, "B": 55.0, "C": None}
    trend = gap_trend(earlier, later, LOWER, same_areas=False)
    assert trend.earlier.gap == pytest.approx(60.0)


def test_a_gap_trend_without_two_areas_has_no_data():
    assert gap_trend({"A": 1.0}, {"A": 2.0}, LOWER).status is GapChange.NO_DATA


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_counts_from_one_to_four_are_suppressed_for_public_display(count):
    assert suppress_small_number(count) == PublicCount(None, True)


@pytest.mark.parametrize("count", [5, 17, 1200])
def test_counts_of_five_or_more_are_shown(count):
    assert suppress_small_number(count) == PublicCount(count, False)


def test_zero_is_shown_by_default():
    assert suppress_small_number(0) == PublicCount(0, False)


def test_zero_can_be_suppressed_when_the_data_owner_asks():
    assert suppress_small_number(0, suppress_zero=True) == PublicCount(None, True)


def test_the_suppression_range_is_configurable():
    assert suppress_small_number(5, low=1, high=9).suppressed
    assert not suppress_small_number(10, low=1, high=9).suppressed
    assert not suppress_small_number(2, low=3, high=5).suppressed


def test_a_missing_count_is_missing_not_suppressed():
    assert suppress_small_number(None) == PublicCount(None, False)


def test_an_upside_down_suppression_range_is_refused():
    with pytest.raises(ValueError):
        suppress_small_number(3, low=5, high=1)


def test_suppression_applies_to_every_ward():
    shown = suppress_small_numbers({"E05001": 12, "E05002": 3, "E05003": 0})
    assert shown == {
        "E05001": PublicCount(12, False),
        "E05002": PublicCount(None, True),
        "E05003": PublicCount(0, False),
    }
