"""The importer reads a file once (session 11): what that must not change.

- a period the file names that is not stored yet is created as the file
  first names it, between two COPYs (PostgreSQL) or two batches (SQLite):
  rows before and after it, and of several new periods, are all staged;
- a file without a quote mark skips the per-cell check that undoes the
  quoting of Concord's own exports, and one with a quote mark still gets it;
- codes are looked up once per distinct text, but how a column was read is
  still counted row by row;
- a file with a bad row creates no period.
"""

from __future__ import annotations

import pytest

from concord.performance.models import Observation, Period
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.preview import Preview
from concord.performance.tabular.reading import read_table
from tests.factories import make_user
from tests.performance.perf_factories import csv_bytes, make_indicator, observe, small_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = small_world()
    w["a"] = make_indicator(code="OP 1", frequency="quarterly", polarity="higher_is_better")
    return w


def test_new_periods_met_part_way_through_the_file_are_created_and_every_row_staged(world):
    observe(world["a"], world["wards"][0], "2019-Q4", 1.0)
    wards = [w.code for w in world["wards"]]
    lines = ["indicator,area,period,value"]
    # A stored period, then two new ones interleaved with it, then the stored one again.
    lines += [f"OP 1,{code},2019-Q4,2.5" for code in wards[1:3]]
    lines += [f"OP 1,{code},2020-Q1,3.5" for code in wards]
    lines += [f"OP 1,{code},2019-Q4,4.5" for code in wards[3:]]
    lines += [f"OP 1,{code},Q2 2020,5.5" for code in wards]
    result = import_observations(csv_bytes(*lines), user=make_user(), filename="f.csv")
    assert result.ok, result.errors
    assert (result.rows, result.created) == (14, 14)
    stored = Observation.objects.filter(indicator=world["a"])
    assert stored.filter(period__code="2020-Q1").count() == 5
    assert stored.filter(period__code="2020-Q2").count() == 5
    assert stored.filter(period__code="2019-Q4").count() == 5
    assert Observation.history.filter(batch=result.batch, history_type="+").count() == 14
    assert result.period_readings == ["'Q2 2020' as 2020-Q2 (calendar quarter)"]


def test_a_file_with_a_bad_row_creates_no_period(world):
    lines = ["indicator,area,period,value", "OP 1,W0000001,2021-Q3,1", "OP 1,Nowhere,2021-Q3,2"]
    result = import_observations(csv_bytes(*lines))
    assert not result.ok and result.errors[0].column == "area"
    assert not Period.objects.filter(code="2021-Q3").exists()


def test_the_preview_of_a_new_quarter_says_how_its_periods_were_read(world):
    lines = ["indicator,area,period,value", "OP 1,W0000001,Q1 2022,1", "OP 1,W0000002,Q1 2022,2"]
    preview = Preview()
    result = import_observations(csv_bytes(*lines), preview=preview)
    assert result.ok and result.created == 2
    assert result.period_readings == ["'Q1 2022' as 2022-Q1 (calendar quarter)"]
    assert not Period.objects.filter(code="2022-Q1").exists()  # nothing written


def test_quoted_cells_are_unquoted_only_when_the_file_has_a_quote_mark():
    plain = csv_bytes("indicator,note", " OP 1 , -2 ")
    assert list(read_table(plain)) == [(1, ["indicator", "note"]), (2, ["OP 1", "-2"])]
    quoted = csv_bytes("indicator,note", "OP 1,'=SUM(A1)", "OP 1,'tis")
    assert [cells for _, cells in read_table(quoted)][1:] == [
        ["OP 1", "=SUM(A1)"],
        ["OP 1", "'tis"],
    ]


def test_a_lookup_remembers_each_text_but_counts_every_row():
    areas: Lookup[int] = Lookup("area")
    areas.add_code("W1", 1, "Ward one (W1)")
    areas.add_name("Ward one", 1, "Ward one (W1)")
    found = [areas.find(t) for t in ("W1", "w1", "Ward one", "W1", "Nowhere", "Nowhere")]
    assert [v for v, _ in found] == [1, 1, 1, 1, None, None]
    assert found[4][1] == found[5][1] == "unknown area code 'Nowhere' (nor the name of one)"
    assert areas.found_by == {"code": 3, "name": 1}
    assert areas.reading() == "by code (3 rows), by name (1 row)"
    areas.add_code("NOWHERE", 9, "Nowhere (NOWHERE)")  # added later: not an old answer
    assert areas.find("Nowhere") == (9, "")
