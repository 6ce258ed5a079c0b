"""Importing and exporting observations, targets and areas (CSV and .xlsx)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from concord.performance.models import Area, Indicator, Observation, Period, Target
from concord.performance.tabular.areas import load_areas_csv
from concord.performance.tabular.export import export_observations, export_targets
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.targets import import_targets
from tests.factories import make_user
from tests.performance.perf_factories import csv_bytes, make_indicator, observe, small_world

pytestmark = pytest.mark.django_db


def xlsx_bytes(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def world():
    w = small_world()
    w["ind"] = make_indicator(code="HX 1", frequency="quarterly")
    w["annual"] = make_indicator(code="HX 2", frequency="financial_year")
    return w


def test_it_imports_a_csv_of_observations_with_provenance(world):
    user = make_user()
    data = csv_bytes(
        "indicator,area,period,value,numerator,denominator,ci_low,ci_high,status,note",
        "HX 1,W0000001,2009-Q2,12.5,5,400,10.1,14.9,,first",
        'hx 1,w0000002,2009 Q2,"1,234.5",,,,,final,',
        "HX 2,L0000001,2009/10,40,,,,,,",
    )
    result = import_observations(data, user=user, filename="q2.csv")
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    first = Observation.objects.get(area__code="W0000001")
    assert (first.value, first.numerator, first.ci_low, first.ci_high) == (12.5, 5, 10.1, 14.9)
    assert first.status == "provisional"
    assert first.entered_by == user and first.batch == result.batch
    assert Observation.objects.get(area__code="W0000002").value == 1234.5
    record = first.history.get()
    assert record.history_type == "+" and record.history_user == user
    assert result.batch.filename == "q2.csv" and result.batch.created == 3


def test_it_reports_every_bad_row_and_imports_nothing(world):
    data = csv_bytes(
        "indicator,area,period,value",
        "HX 1,W0000001,2009-Q2,12",
        "NOPE,W0000001,2009-Q2,12",
        "HX 1,ZZZ,2009-Q2,12",
        "HX 1,W0000002,Spring 2009,12",
        "HX 1,W0000003,2009-Q2,twelve",
        "HX 1,W0000001,2009-Q2,13",
        "HX 1,W0000004,2009-05,13",
    )
    result = import_observations(data)
    assert not result.ok
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (3, "indicator"),
        (4, "area"),
        (5, "period"),
        (6, "value"),
        (8, "period"),
    }
    assert Observation.objects.count() == 0
    # The duplicate is found once the other problems are fixed.
    data = csv_bytes(
        "indicator,area,period,value", "HX 1,W0000001,2009-Q2,12", "HX 1,W0000001,2009-Q2,13"
    )
    result = import_observations(data)
    assert [(e.row, e.message) for e in result.errors] == [
        (3, "duplicate row: same indicator, area and period as row 2")
    ]
    assert Observation.objects.count() == 0
    assert not Period.objects.filter(code="2009-Q2").exists()


def test_error_messages_name_the_problem(world):
    data = csv_bytes("indicator,area,period,value", "HX 1,W0000001,2009-05,x")
    messages = [str(e) for e in import_observations(data).errors]
    assert "row 2, column 'period': '2009-05' is the wrong kind of period" in messages[0]
    assert messages[1] == "row 2, column 'value': 'x' is not a number"


def test_it_refuses_a_header_without_required_columns(world):
    result = import_observations(csv_bytes("indicator,area,amount", "HX 1,W0000001,3"))
    assert {(e.row, e.column) for e in result.errors} == {
        (1, "amount"),
        (1, "period"),
        (1, "value"),
    }


def test_reimporting_the_same_file_changes_nothing(world):
    data = csv_bytes("indicator,area,period,value", "HX 1,W0000001,2009-Q2,12")
    import_observations(data)
    again = import_observations(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert Observation.history.count() == 1


def test_a_changed_final_value_becomes_revised_with_its_history(world):
    user = make_user()
    observe(world["ind"], world["wards"][0], "2009-Q2", 12, status="final")
    data = csv_bytes("indicator,area,period,value", "HX 1,W0000001,2009-Q2,11")
    result = import_observations(data, user=user)
    assert (result.created, result.updated) == (0, 1)
    obs = Observation.objects.get()
    assert (obs.value, obs.status, obs.entered_by) == (11, "revised", user)
    values = [h.value for h in obs.history.order_by("history_date")]
    assert values == [12, 11]


def test_dry_run_writes_nothing(world):
    data = csv_bytes("indicator,area,period,value", "HX 1,W0000001,2009-Q2,12")
    result = import_observations(data, dry_run=True)
    assert result.ok and result.created == 1
    assert Observation.objects.count() == 0


def test_it_imports_xlsx_and_exports_a_round_trip(world):
    data = xlsx_bytes(
        [
            ["indicator", "area", "period", "value", "ci_low", "ci_high"],
            ["HX 1", "W0000001", "2009-Q2", 12.25, 10, 14],
            ["HX 1", "W0000002", "2009-Q3", 7, None, None],
        ]
    )
    result = import_observations(data, filename="upload.xlsx")
    assert result.ok, result.errors
    assert Observation.objects.count() == 2
    for fmt in ("csv", "xlsx"):
        exported = export_observations(Observation.objects.all(), fmt)
        again = import_observations(exported, filename=f"x.{fmt}")
        assert (again.unchanged, again.created, again.updated) == (2, 0, 0)
    book = load_workbook(io.BytesIO(export_observations(Observation.objects.all(), "xlsx")))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:4] == ("indicator", "area", "period", "value")
    assert rows[1][:4] == ("HX 1", "W0000001", "2009-Q2", 12.25)


def test_it_imports_targets_with_trajectory_and_bands(world):
    data = csv_bytes(
        "indicator,area,period,value,value_high,kind,baseline_period,baseline_value",
        "HX 1,L0000001,2010-Q4,30,,target,2009-Q1,40",
        "HX 2,L0000001,2010/11,40,60,,,",
        "HX 1,L0000001,2009-Q4,35,,milestone,,",
    )
    result = import_targets(data)
    assert result.ok, result.errors
    t = Target.objects.get(period__code="2010-Q4")
    assert (t.baseline_period.code, t.baseline_value, t.kind) == ("2009-Q1", 40, "target")
    assert Target.objects.get(period__code="2010/11").value_high == 60
    assert import_targets(export_targets(Target.objects.all())).unchanged == 3
    bad = csv_bytes(
        "indicator,area,period,value,value_high,baseline_period",
        "HX 1,L0000001,2011-Q4,30,20,",
        "HX 1,L0000001,2012-Q4,30,,2009-Q1",
    )
    assert [(e.row, e.column) for e in import_targets(bad).errors] == [
        (2, "value_high"),
        (3, "baseline_value"),
    ]


def test_it_loads_ons_area_codes_from_a_csv(tmp_path):
    path = tmp_path / "areas.csv"
    path.write_text(
        "code,name,level,parent\n"
        "E05009999,Invented Ward,ward,E08009999\n"
        "E92000001,England,nation,\n"
        "E12009999,Invented Region,region,E92000001\n"
        "E08009999,Invented District,local authority,E12009999\n"
        "LOC-1,A local area,lsoa,E05009999\n"
    )
    result = load_areas_csv(path)
    assert result.ok, result.errors
    ward = Area.objects.get(code="E05009999")
    assert (ward.level, ward.scheme, ward.depth, ward.parent.code) == (
        "ward",
        "gss",
        3,
        "E08009999",
    )
    assert Area.objects.get(code="LOC-1").scheme == "local"
    assert load_areas_csv(path).unchanged == 5
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,level,parent\nE05000001,W,ward,E99999999\nE05000002,W,town,\n")
    result = load_areas_csv(bad)
    assert [(e.row, e.column) for e in result.errors] == [(3, "level"), (2, "parent")]
    assert not Area.objects.filter(code="E05000001").exists()


def test_the_commands_import_and_refuse_with_row_messages(world, tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "good.csv"
    good.write_text("indicator,area,period,value\nHX 1,W0000001,2009-Q2,12\n")
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("import_observations", str(good), stdout=out)
    assert "1 row(s): 1 new, 0 changed, 0 unchanged. Nothing has been written yet." in (
        out.getvalue()
    )
    assert not Observation.objects.filter(area__code="W0000001", period__code="2009-Q2").exists()
    call_command("import_observations", str(good), "--yes", stdout=out)
    assert "Imported 1 row(s): 1 new" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,area,period,value\nHX 9,W0000001,2009-Q2,12\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_observations", str(bad), stderr=err)
    assert "row 2, column 'indicator': unknown indicator code 'HX 9'" in err.getvalue()
    areas = tmp_path / "areas.csv"
    areas.write_text("code,name,level,parent\nE05000077,Invented Ward,ward,L0000001\n")
    call_command("load_areas", str(areas), stdout=out)
    assert Area.objects.get(code="E05000077").parent == world["la"]


def test_an_import_reports_its_progress_rows_checked_then_writing(world):
    lines = ["indicator,area,period,value"] + [f"HX 1,W{n:07d},2009-Q2,{n}" for n in range(1, 3)]
    told: list[tuple[str, int]] = []
    result = import_observations(csv_bytes(*lines), progress=lambda *a: told.append(a))
    assert result.ok
    assert told == [("Checking", 2), ("Writing", 2)]


def test_a_refused_import_never_says_it_is_writing(world):
    told: list[tuple[str, int]] = []
    data = csv_bytes("indicator,area,period,value", "HX 9,W0000001,2009-Q2,12")
    result = import_observations(data, progress=lambda *a: told.append(a))
    assert not result.ok
    assert told == [("Checking", 1)]


def test_the_import_command_shows_a_progress_bar_unless_asked_not_to(world, tmp_path):
    from django.core.management import call_command

    good = tmp_path / "good.csv"
    good.write_text("indicator,area,period,value\nHX 1,W0000001,2009-Q2,12\n")
    err = io.StringIO()
    call_command("import_observations", str(good), "--yes", stdout=io.StringIO(), stderr=err)
    assert "Writing" in err.getvalue() and "1/1" in err.getvalue()
    quiet = io.StringIO()
    call_command(
        "import_observations",
        str(good),
        "--no-progress",
        "--yes",
        stdout=io.StringIO(),
        stderr=quiet,
    )
    assert quiet.getvalue() == ""


def test_periods_written_as_people_write_them_are_read_and_said_how(world):
    data = csv_bytes(
        "indicator,area,period,value",
        "HX 1,W0000001,Q3 2026/27,10",
        "HX 1,W0000002,Q3 2026,11",
        "HX 2,L0000001,FY 2009/10,40",
    )
    result = import_observations(data, filename="written.csv")
    assert result.ok, result.errors
    periods = dict(Observation.objects.values_list("area__code", "period__code"))
    assert periods == {"W0000001": "2026-Q4", "W0000002": "2026-Q3", "L0000001": "2009/10"}
    assert "'Q3 2026/27' as 2026-Q4 (quarter of a financial year)" in result.summary()
    assert "'Q3 2026' as 2026-Q3 (calendar quarter)" in result.summary()


def test_a_period_that_is_not_one_names_the_forms_that_are(world):
    data = csv_bytes("indicator,area,period,value", "HX 1,W0000001,Q5 2026,10")
    message = str(import_observations(data).errors[0])
    assert "'Q5 2026' is not a period: write" in message and "Q2 2009" in message


def test_indicators_and_areas_are_found_by_title_and_name(world):
    title = Indicator.objects.get(code="HX 1").title
    name = Area.objects.get(code="W0000001").name
    data = csv_bytes("indicator,area,period,value", f"{title.upper()},{name},2009-Q2,7")
    result = import_observations(data)
    assert result.ok, result.errors
    obs = Observation.objects.get()
    assert (obs.indicator.code, obs.area.code) == ("HX 1", "W0000001")


def test_an_area_name_shared_by_two_areas_is_refused_with_the_candidates(world):
    first = Area.objects.get(code="W0000001")
    Area.objects.create(code="W0000099", name=first.name, level="ward", parent=first.parent)
    data = csv_bytes("indicator,area,period,value", f"HX 1,{first.name},2009-Q2,7")
    message = str(import_observations(data).errors[0])
    assert f"'{first.name}' names more than one area" in message
    assert "(W0000001)" in message and "(W0000099)" in message and "use its code" in message
    assert not Observation.objects.exists()
