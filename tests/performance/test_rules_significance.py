from __future__ import annotations

import pytest

from concord.performance.rules import (
    Polarity,
    Significance,
    compare_with_comparator,
    compare_with_comparators,
    intervals_overlap,
)

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER

LOCAL = (30.1, 35.0)


def test_a_lower_rate_whose_interval_sits_below_the_comparator_is_better():
    assert compare_with_comparator(LOCAL, (38.0, 40.2), LOWER) is Significance.BETTER


def test_a_higher_rate_whose_interval_sits_above_the_comparator_is_worse_when_lower_is_better():
    assert compare_with_comparator((45.0, 50.0), (38.0, 40.2), LOWER) is Significance.WORSE


def test_higher_is_better_above_the_comparator_is_better():
    assert compare_with_comparator((45.0, 50.0), (38.0, 40.2), HIGHER) is Significance.BETTER
    assert compare_with_comparator(LOCAL, (38.0, 40.2), HIGHER) is Significance.WORSE


def test_overlapping_intervals_are_similar():
    assert compare_with_comparator(LOCAL, (34.0, 38.0), LOWER) is Significance.SIMILAR


def test_intervals_that_only_touch_are_similar():
    assert compare_with_comparator(LOCAL, (35.0, 38.0), LOWER) is Significance.SIMILAR


def test_without_polarity_the_result_is_higher_or_lower():
    assert compare_with_comparator((45.0, 50.0), LOCAL, "no_judgement") is Significance.HIGHER
    assert compare_with_comparator(LOCAL, (45.0, 50.0), "no_judgement") is Significance.LOWER
    assert compare_with_comparator(LOCAL, (34.0, 50.0), "no_judgement") is Significance.SIMILAR


def test_within_band_is_compared_as_higher_or_lower():
    assert compare_with_comparator((45.0, 50.0), LOCAL, "within_band") is Significance.HIGHER


def test_a_missing_local_interval_is_not_tested():
    assert compare_with_comparator(None, (38.0, 40.2), LOWER) is Significance.NOT_TESTED


def test_a_missing_comparator_interval_is_not_tested():
    assert compare_with_comparator(LOCAL, None, LOWER) is Significance.NOT_TESTED


def test_a_comparator_published_without_an_interval_can_be_tested_as_exact():
    assert (
        compare_with_comparator(LOCAL, None, LOWER, comparator_value=40.9, comparator_is_exact=True)
        is Significance.BETTER
    )
    assert (
        compare_with_comparator(LOCAL, None, LOWER, comparator_value=33.0, comparator_is_exact=True)
        is Significance.SIMILAR
    )


def test_a_comparator_value_alone_is_not_tested_unless_declared_exact():
    assert compare_with_comparator(LOCAL, None, LOWER, comparator_value=40.9) is (
        Significance.NOT_TESTED
    )


def test_each_comparator_is_judged_separately():
    result = compare_with_comparators(
        LOCAL, {"West Midlands": (33.0, 36.0), "England": (40.0, 41.0), "Nearest": None}, LOWER
    )
    assert result == {
        "West Midlands": Significance.SIMILAR,
        "England": Significance.BETTER,
        "Nearest": Significance.NOT_TESTED,
    }


def test_an_upside_down_interval_is_refused():
    with pytest.raises(ValueError):
        intervals_overlap((5.0, 1.0), (2.0, 3.0))
