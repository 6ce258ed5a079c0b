"""Cumulative indicators: a file gives figures for the period alone or year to date (a
'basis' column or the choice on the form), the preview shows both, and a year-to-date
415 can never be shown as 625."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from concord.performance.models import Observation
from concord.performance.status import indicator_status
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.staged import confirm_staged, stage_upload
from tests.factories import make_user
from tests.performance.perf_factories import make_indicator, observe, small_world


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def quitters(db):
    world = small_world()
    ind = make_indicator(
        code="SQ 1",
        title="Smoking quitters",
        polarity="higher_is_better",
        unit="count",
        decimals=0,
        cumulative=True,
    )
    # Apr-Jun and Jul-Sep 2026: 100 and 110 quitters (each quarter's own figure).
    observe(ind, world["la"], "2026-Q2", 100)
    observe(ind, world["la"], "2026-Q3", 110)
    world["ind"] = ind
    world["user"] = make_user(username="performance-officer")
    return world


def q4(quitters) -> float:
    return Observation.objects.get(indicator=quitters["ind"], period__code="2026-Q4").value


ROW = b"indicator,area,period,value\nSmoking quitters,Testborough,Q3 2026/27,415\n"


def test_a_year_to_date_415_is_stored_as_the_quarter_s_205_and_shown_as_415(quitters):
    staged, result = stage_upload(ROW, "q.csv", quitters["user"], basis="ytd")
    assert staged is not None, result.errors
    row = staged.preview["samples"]["new"][0]
    assert row["new"] == "205" and row["ytd"] == "year to date 415 (as given)"
    assert (
        "year to date for 1 row(s) of cumulative indicators"
        in dict(staged.preview["columns"])["value"]
    )
    assert confirm_staged(staged, quitters["user"]).ok
    assert q4(quitters) == 205
    status = indicator_status(quitters["ind"], quitters["la"], "2026-Q4", as_of=dt.date(2027, 6, 1))
    assert str(status.period) == "2026-Q4" and status.ytd_value == 415  # never 625


def test_a_quarter_s_own_415_shows_its_year_to_date_625_before_it_is_written(quitters):
    staged, _ = stage_upload(ROW, "q.csv", quitters["user"], basis="period")
    assert staged is not None
    row = staged.preview["samples"]["new"][0]
    assert row["new"] == "415" and row["ytd"] == "year to date 625"
    assert not Observation.objects.filter(period__code="2026-Q4").exists()


def test_a_basis_column_overrides_the_form_row_by_row(quitters):
    data = (
        b"indicator,area,period,value,basis\n"
        b"SQ 1,L0000001,2026-Q4,415,year to date\n"
        b"SQ 1,W0000001,2026-Q2,7,period\n"
    )
    result = import_observations(data)
    assert result.ok, result.errors
    assert q4(quitters) == 205
    assert Observation.objects.get(area=quitters["wards"][0]).value == 7


def test_year_to_date_figures_of_a_whole_year_in_one_file_become_each_quarter_s_own(quitters):
    data = (
        b"indicator,area,period,value\n"
        b"SQ 1,W0000002,2026-Q2,90\nSQ 1,W0000002,2026-Q3,200\nSQ 1,W0000002,2026-Q4,260\n"
    )
    assert import_observations(data, year_to_date=True).ok
    values = Observation.objects.filter(area=quitters["wards"][1]).order_by("period__ordinal")
    assert [o.value for o in values] == [90, 110, 60]


def test_year_to_date_refusals_name_the_row_and_the_reason(quitters):
    # No figure for Apr-Jun 2026 in the ward: the quarter alone cannot be worked out.
    missing = b"indicator,area,period,value\nSQ 1,W0000003,2026-Q3,200\n"
    result = import_observations(missing, year_to_date=True)
    assert [str(e) for e in result.errors] == [
        "row 2, column 'value': the figure for 2026-Q2 is neither in the file nor stored, "
        "so the figure for 2026-Q3 alone cannot be worked out from the year to date"
    ]
    # Less than the year so far.
    less = b"indicator,area,period,value\nSQ 1,L0000001,2026-Q4,200\n"
    result = import_observations(less, year_to_date=True)
    assert [str(e) for e in result.errors] == [
        "row 2, column 'value': 200 year to date is less than the 210 of the periods before "
        "2026-Q4 in the financial year"
    ]
    assert not Observation.objects.filter(period__code="2026-Q4").exists()


def test_a_basis_column_is_checked(quitters):
    other = make_indicator(code="NC 1", title="Not cumulative")
    del other
    data = (
        b"indicator,area,period,value,basis\n"
        b"NC 1,L0000001,2026-Q4,4,ytd\nSQ 1,L0000001,2026-Q4,4,lots\n"
    )
    result = import_observations(data)
    assert [str(e) for e in result.errors] == [
        "row 2, column 'basis': indicator NC 1 is not cumulative: its figures are for the "
        "period alone",
        "row 3, column 'basis': 'lots' is not one of period, year to date",
    ]


def test_the_form_s_year_to_date_choice_leaves_other_indicators_alone(quitters):
    make_indicator(code="NC 2", title="Not cumulative either")
    data = b"indicator,area,period,value\nNC 2,L0000001,2026-Q4,4\n"
    assert import_observations(data, year_to_date=True).ok
    assert Observation.objects.get(indicator__code="NC 2").value == 4


def test_the_command_previews_year_to_date_figures_and_writes_with_yes(quitters, tmp_path):
    path = tmp_path / "q.csv"
    path.write_bytes(ROW)
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command(
            "import_observations", str(path), "--basis", "ytd", "--no-progress", stdout=out
        )
    assert "Smoking quitters" in out.getvalue() and "year to date 415 (as given)" in out.getvalue()
    call_command(
        "import_observations", str(path), "--basis", "ytd", "--yes", "--no-progress", stdout=out
    )
    assert q4(quitters) == 205
