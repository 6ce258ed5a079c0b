"""Periods written as people write them: every form, and the refusals with their reasons."""

from __future__ import annotations

import pytest

from concord.performance.rules.written_periods import read_period


@pytest.mark.parametrize(
    ("text", "code", "form"),
    [
        ("2026-Q3", "2026-Q3", "code"),
        ("2009/10", "2009/10", "code"),
        ("2026-09", "2026-09", "code"),
        ("Q3 2026", "2026-Q3", "calendar quarter"),
        ("q3-2026", "2026-Q3", "calendar quarter"),
        ("2026 Q3", "2026-Q3", "code"),  # parse_period already reads it
        ("Quarter 3 2026", "2026-Q3", "calendar quarter"),
        ("Q3 2026/27", "2026-Q4", "quarter of a financial year"),
        ("2026/27 Q3", "2026-Q4", "quarter of a financial year"),
        ("Q1 2026/27", "2026-Q2", "quarter of a financial year"),
        ("Q4 2026/2027", "2027-Q1", "quarter of a financial year"),
        ("FY 2026/27 Q2", "2026-Q3", "quarter of a financial year"),
        ("Sept 2026", "2026-09", "month"),
        ("September 2026", "2026-09", "month"),
        ("sep-26", "2026-09", "month"),
        ("May 2025", "2025-05", "month"),
        ("09/2026", "2026-09", "month"),
        ("FY 2009/10", "2009/10", "financial year"),
        ("Financial year 2009-10", "2009/10", "financial year"),
        ("2009-2010", "2009/10", "financial year"),
        ("  Q3\u00a0 2026 ", "2026-Q3", "calendar quarter"),
    ],
)
def test_written_forms_are_read(text: str, code: str, form: str) -> None:
    read = read_period(text)
    assert (str(read.period), read.form) == (code, form)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Q5 2026", "not a period"),
        ("Smarch 2026", "not a period"),
        ("13/2026", "not a period"),
        ("Q3 2026/28", "must run from one year to the next"),
        ("2009-2011", "must run from one year to the next"),
        ("Q3 9999", "outside the years 1900 to 2200"),
        ("", "not a period"),
        ("x" * 10_000, "not a period"),
    ],
)
def test_what_is_not_a_period_says_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_period(text)
