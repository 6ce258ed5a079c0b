from __future__ import annotations

import pytest

from concord.performance.rules import (
    Polarity,
    RagStatus,
    Tolerance,
    rag_status,
    summarise_rag,
)


def test_percent_achieving_is_green_over_green_amber_and_red():
    s = summarise_rag(["green", "green", "green", "amber", "red"])
    assert (s.green, s.amber, s.red, s.denominator) == (3, 1, 1, 5)
    assert s.percent_achieving == pytest.approx(60.0)


def test_amber_does_not_count_as_achieving():
    s = summarise_rag(["green", "amber"])
    assert s.percent_achieving == pytest.approx(50.0)


def test_data_only_and_no_data_are_outside_the_denominator_but_still_counted():
    s = summarise_rag(["green", "red", "data_only", "data_only", "no_data"])
    assert s.denominator == 2
    assert s.percent_achieving == pytest.approx(50.0)
    assert s.data_only == 2
    assert s.no_data == 1
    assert s.total == 5


def test_missing_data_does_not_lower_the_percentage():
    with_gap = summarise_rag(["green", "red", "no_data", "no_data"])
    without = summarise_rag(["green", "red"])
    assert with_gap.percent_achieving == without.percent_achieving


def test_with_nothing_judged_the_percentage_is_none_not_zero():
    s = summarise_rag(["data_only", "no_data"])
    assert s.denominator == 0
    assert s.percent_achieving is None


def test_an_empty_list_has_no_percentage():
    assert summarise_rag([]).percent_achieving is None


def test_it_accepts_rag_results_and_statuses():
    results = [
        rag_status(38.0, 40.0, Polarity.LOWER_IS_BETTER),
        rag_status(41.0, 40.0, Polarity.LOWER_IS_BETTER, Tolerance.percent(5)),
        RagStatus.RED,
        rag_status(None, 40.0, Polarity.LOWER_IS_BETTER),
    ]
    s = summarise_rag(results)
    assert (s.green, s.amber, s.red, s.no_data, s.denominator) == (1, 1, 1, 1, 3)
    assert s.percent_achieving == pytest.approx(100 / 3)


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError):
        summarise_rag(["purple"])
