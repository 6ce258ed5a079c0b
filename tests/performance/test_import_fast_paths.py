"""The importer's and dashboard's speed paths (issue 4) give the same answers as the slow ones.

- a file whose indicators and periods have nothing stored yet (a new quarter)
  skips matching against the stored table: every row is new, with history;
- a file mixing new and stored figures still matches row by row;
- on PostgreSQL the history records come from the written rows themselves
  (``RETURNING``), so they must carry the stored values, ids and batch;
- numbers in the common plain form take a fast path that must agree with
  the full one;
- the dashboard reads the comparator (parent area) only at the judged period,
  in the same number of queries.
"""

from __future__ import annotations

import pytest
from django.db import connection

from concord.lib.access import Viewer
from concord.performance.dashboard import dashboard
from concord.performance.models import Observation
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.reading import parse_number
from tests.factories import make_user
from tests.performance.perf_factories import (
    csv_bytes,
    make_indicator,
    observe,
    set_target,
    small_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = small_world()
    w["a"] = make_indicator(code="FP 1", frequency="quarterly", polarity="higher_is_better")
    w["b"] = make_indicator(code="FP 2", frequency="quarterly", polarity="lower_is_better")
    return w


def test_a_new_quarter_is_all_new_with_one_history_record_each(world):
    user = make_user()
    observe(world["a"], world["wards"][0], "2011-Q4", 10.0)  # an earlier quarter only
    lines = ["indicator,area,period,value,ci_low,ci_high"]
    for code in ("FP 1", "FP 2"):
        for ward in world["wards"]:
            lines.append(f"{code},{ward.code},2012-Q1,20.5,19.5,21.5")
    result = import_observations(csv_bytes(*lines), user=user, filename="q1.csv")
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (10, 0, 0)
    new = Observation.objects.filter(period__code="2012-Q1")
    assert new.count() == 10
    assert set(new.values_list("batch_id", flat=True)) == {result.batch.pk}
    assert set(new.values_list("entered_by_id", flat=True)) == {user.pk}
    records = Observation.history.filter(period__code="2012-Q1")
    assert records.count() == 10
    by_id = {r.id: r for r in records}
    for obs in new:
        record = by_id[obs.pk]
        assert record.history_type == "+"
        assert record.history_user_id == user.pk
        assert record.history_change_reason == f"import batch {result.batch.pk}"
        assert (record.value, record.ci_low, record.ci_high, record.status) == (
            obs.value,
            obs.ci_low,
            obs.ci_high,
            "provisional",
        )
        assert (record.indicator_id, record.area_id, record.batch_id) == (
            obs.indicator_id,
            obs.area_id,
            result.batch.pk,
        )


def test_a_file_mixing_stored_and_new_figures_is_matched_row_by_row(world):
    w1, w2, w3 = world["wards"][:3]
    kept = observe(world["a"], w1, "2012-Q1", 5.0, status="final")
    changed = observe(world["a"], w2, "2012-Q1", 6.0, status="final")
    data = csv_bytes(
        "indicator,area,period,value",
        f"FP 1,{w1.code},2012-Q1,5",
        f"FP 1,{w2.code},2012-Q1,6.5",
        f"FP 1,{w3.code},2012-Q1,7",
        f"FP 2,{w1.code},2012-Q1,8",
    )
    result = import_observations(data, filename="mixed.csv")
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (2, 1, 1)
    changed.refresh_from_db()
    assert (changed.value, changed.status, changed.batch_id) == (6.5, "revised", result.batch.pk)
    assert [h.history_type for h in changed.history.order_by("history_date")] == ["+", "~"]
    assert changed.history.latest().value == 6.5
    assert kept.history.count() == 1  # untouched
    assert Observation.objects.count() == 4


def test_reimporting_the_same_new_quarter_changes_nothing(world):
    lines = ["indicator,area,period,value"] + [
        f"FP 1,{ward.code},2013-Q2,{i}.25" for i, ward in enumerate(world["wards"])
    ]
    first = import_observations(csv_bytes(*lines))
    again = import_observations(csv_bytes(*lines))
    assert first.created == 5 and (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert Observation.history.count() == 5


def test_bad_rows_are_still_reported_by_row_and_column(world):
    data = csv_bytes(
        "indicator,area,period,value,ci_low,ci_high,status",
        "FP 1,W0000001,2012-Q1,12,,,",
        "FP 1,W0000002,not a period,1e400,,,",
        "FP 1,W0000003,2012,3,2,,",
        "NOPE,W0000004,2012-Q1,1,5,4,maybe",
    )
    result = import_observations(data)
    assert not result.ok and Observation.objects.count() == 0
    got = [(e.row, e.column) for e in result.errors]
    assert got == [
        (3, "period"),
        (3, "value"),
        (4, "period"),
        (5, "indicator"),
        (5, "status"),
    ]
    assert "wrong kind of period" in result.errors[2].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5", 12.5),
        ("-3", -3.0),
        ("0.000001", 0.000001),
        ("1,234.5", 1234.5),
        ("+7", 7.0),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("", None),
    ],
)
def test_plain_and_other_numbers_parse_alike(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["nan", "inf", "1e400", "12a", "1 000", "--1", "0x10", "1_0"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(text)


def test_the_dashboard_compares_with_the_parent_at_the_judged_period(
    world, django_assert_max_num_queries
):
    la, region = world["la"], world["region"]
    ind = world["a"]
    for k, q in enumerate(("2011-Q1", "2011-Q2", "2011-Q3", "2011-Q4", "2012-Q1")):
        observe(ind, la, q, 50.0 + 3 * k, ci_low=49.5 + 3 * k, ci_high=50.5 + 3 * k)
        observe(ind, region, q, 40.0, ci_low=39.0, ci_high=41.0)
    set_target(ind, la, "2012-Q1", 50.0)
    with django_assert_max_num_queries(5):
        board = dashboard(Viewer(is_secretariat=True), la, "2012-Q1", indicators=[ind])
    (row,) = board.rows
    assert row.comparator == region
    assert row.comparator_point is not None and row.comparator_point.value == 40.0
    assert row.significance.value == "better"
    assert row.travel.against_previous.value == "improving"
    assert row.rag.status.value == "green"


def test_observations_carry_no_single_column_indexes_on_their_keys():
    """Each index slows the bulk import; the composite ones cover these columns."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "performance_observation")
    single = {
        tuple(c["columns"])
        for c in constraints.values()
        if c["index"] and not c["primary_key"] and len(c["columns"]) == 1
    }
    assert not single & {("indicator_id",), ("area_id",), ("period_id",)}
    composite = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["unique"]}
    assert ("area_id", "indicator_id", "period_id") in composite
    assert ("indicator_id", "period_id", "area_id") in composite
