from __future__ import annotations

import datetime as dt

import pytest

from concord.performance.rules import (
    Period,
    PeriodKind,
    financial_year_of,
    financial_year_position,
    parse_period,
    periods_between,
    periods_to_date,
    sort_periods,
)


@pytest.mark.parametrize(
    ("code", "kind", "year", "number"),
    [
        ("2009-04", PeriodKind.MONTH, 2009, 4),
        ("2009-4", PeriodKind.MONTH, 2009, 4),
        ("2009-Q2", PeriodKind.QUARTER, 2009, 2),
        ("2009q2", PeriodKind.QUARTER, 2009, 2),
        ("2009 Q2", PeriodKind.QUARTER, 2009, 2),
        ("2009", PeriodKind.YEAR, 2009, 1),
        ("2009/10", PeriodKind.FINANCIAL_YEAR, 2009, 1),
        ("2009/2010", PeriodKind.FINANCIAL_YEAR, 2009, 1),
        ("1999/00", PeriodKind.FINANCIAL_YEAR, 1999, 1),
    ],
)
def test_it_parses_each_kind_of_period_code(code, kind, year, number):
    assert parse_period(code) == Period(kind, year, number)


@pytest.mark.parametrize(
    "code", ["2009-13", "2009-00", "2009-Q5", "2009/11", "09/10", "Apr 2009", ""]
)
def test_it_refuses_codes_that_are_not_periods(code):
    with pytest.raises(ValueError):
        parse_period(code)


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("2009-04", "Apr 2009"),
        ("2010-01", "Jan 2010"),
        ("2009-Q2", "Q2 2009"),
        ("2009", "2009"),
        ("2009/10", "2009/10"),
    ],
)
def test_labels_are_written_for_people(code, label):
    assert parse_period(code).label() == label


def test_the_canonical_code_round_trips():
    for code in ["2009-04", "2009-Q2", "2009", "2009/10", "1999/00"]:
        assert str(parse_period(code)) == code


def test_a_financial_year_runs_from_april_to_march():
    fy = parse_period("2009/10")
    assert (fy.start, fy.end) == (dt.date(2009, 4, 1), dt.date(2010, 3, 31))


def test_a_quarter_is_a_calendar_quarter():
    q = parse_period("2009-Q2")
    assert (q.start, q.end) == (dt.date(2009, 4, 1), dt.date(2009, 6, 30))


def test_february_ends_on_the_29th_in_a_leap_year():
    assert parse_period("2008-02").end == dt.date(2008, 2, 29)


def test_the_previous_month_of_january_is_december_of_the_year_before():
    assert str(parse_period("2010-01").previous()) == "2009-12"


def test_the_next_quarter_after_q4_is_q1_of_the_next_year():
    assert str(parse_period("2009-Q4").next()) == "2010-Q1"


@pytest.mark.parametrize(
    ("code", "earlier"),
    [("2009-04", "2008-04"), ("2009-Q2", "2008-Q2"), ("2009", "2008"), ("2009/10", "2008/09")],
)
def test_the_same_period_a_year_earlier(code, earlier):
    assert str(parse_period(code).year_earlier()) == earlier


def test_periods_sort_in_time_order_not_text_order():
    codes = ["2010-Q1", "2009-Q4", "2009-Q3"]
    assert [str(p) for p in sort_periods(codes)] == ["2009-Q3", "2009-Q4", "2010-Q1"]


def test_months_sort_numerically():
    assert [str(p) for p in sort_periods(["2009-10", "2009-9", "2009-11"])] == [
        "2009-09",
        "2009-10",
        "2009-11",
    ]


def test_a_shorter_period_starting_the_same_day_sorts_first():
    assert sort_periods(["2009/10", "2009-Q2", "2009-04"]) == [
        parse_period("2009-04"),
        parse_period("2009-Q2"),
        parse_period("2009/10"),
    ]


def test_steps_between_periods_count_across_year_ends():
    assert periods_between("2009-11", "2010-02") == 3


def test_steps_between_periods_of_different_kinds_are_refused():
    with pytest.raises(ValueError):
        periods_between("2009-Q1", "2009-04")


@pytest.mark.parametrize(
    ("code", "position"),
    [
        ("2009-04", (1, 12)),
        ("2009-12", (9, 12)),
        ("2010-01", (10, 12)),
        ("2010-03", (12, 12)),
        ("2009-Q2", (1, 4)),
        ("2009-Q4", (3, 4)),
        ("2010-Q1", (4, 4)),
        ("2009/10", (1, 1)),
    ],
)
def test_position_within_the_financial_year(code, position):
    assert financial_year_position(code) == position


def test_january_belongs_to_the_financial_year_that_started_the_april_before():
    assert str(financial_year_of("2010-01")) == "2009/10"


def test_a_calendar_year_has_no_single_financial_year():
    with pytest.raises(ValueError):
        financial_year_position("2009")


def test_periods_to_date_start_in_april():
    assert [str(p) for p in periods_to_date("2009-06")] == ["2009-04", "2009-05", "2009-06"]


def test_periods_to_date_cross_the_calendar_year():
    assert [str(p) for p in periods_to_date("2010-Q1")] == [
        "2009-Q2",
        "2009-Q3",
        "2009-Q4",
        "2010-Q1",
    ]


def test_a_period_is_a_usable_dictionary_key():
    values = {parse_period("2009-Q2"): 1.0}
    assert values[parse_period("2009-q2")] == 1.0
