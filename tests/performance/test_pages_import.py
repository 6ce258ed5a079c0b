"""Uploading observations and targets: row-level errors shown, nothing imported if any row
fails; editors only for their own bodies' indicators; downloads of what the viewer may see."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from concord.performance.models import Observation, Target
from tests.performance.pages_world import build_perf_world


@pytest.fixture
def w(db):
    return build_perf_world()


def upload(client, kind: str, name: str, content: bytes):
    return client.post(
        reverse("performance:import"),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


GOOD = b"indicator,area,period,value\nHS 2,L9000001,2025-Q1,81\nHS 2,L9000001,2025-Q2,82\n"


def test_a_good_file_is_imported_and_the_summary_shown(client, w, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(w.editor)
    response = upload(client, "observations", "figures.csv", GOOD)
    assert response.status_code == 302  # to the preview (tests/performance/test_import_preview.py)
    assert not Observation.objects.filter(indicator=w.coverage, period__code="2025-Q2").exists()
    response = client.post(response.url.rstrip("/") + "/confirm/")
    assert response.status_code == 302
    assert (
        Observation.objects.filter(indicator=w.coverage, period__code="2025-Q2").get().value == 82
    )
    page = client.get(response.url).content.decode()
    assert "Imported 2 row(s): 2 new, 0 changed, 0 unchanged." in page


def test_one_bad_row_stops_the_whole_file_and_every_problem_is_listed(client, w):
    client.force_login(w.secretariat)
    before = Observation.objects.count()
    content = GOOD + b"HS 2,L9000001,2025-Q3,lots\nNOPE 1,L9000001,2025-Q3,1\n"
    response = upload(client, "observations", "figures.csv", content)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported: 2 problems" in html
    assert "<td>4</td><td>value</td>" in html
    assert (
        "<td>5</td><td>indicator</td>"
        "<td>unknown indicator code &#x27;NOPE 1&#x27; (nor the title of one)</td>"
    ) in html
    assert Observation.objects.count() == before


def test_targets_can_be_imported_from_excel(client, w, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["HS 2", "L9000001", "2025/26", 92])
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(w.editor)
    response = upload(client, "targets", "targets.xlsx", buffer.getvalue())
    assert response.status_code == 302  # to the preview (test_import_targets_preview.py)
    assert not Target.objects.filter(indicator=w.coverage, period__code="2025/26").exists()
    assert client.post(response.url.rstrip("/") + "/confirm/").status_code == 302
    assert Target.objects.get(indicator=w.coverage, period__code="2025/26").value == 92


def test_an_editor_may_import_only_their_own_bodies_indicators(client, w):
    client.force_login(w.editor)
    content = b"indicator,area,period,value\nHS 2,L9000001,2025-Q1,81\nOT 1,L9000001,2025-Q1,3\n"
    response = upload(client, "observations", "figures.csv", content)
    html = response.content.decode()
    assert "Nothing was imported: 1 problem" in html
    assert "not &#x27;OT 1&#x27;" in html
    assert not Observation.objects.filter(period__code="2025-Q1").exists()


def test_the_file_type_and_kind_are_checked_on_their_fields(client, w):
    client.force_login(w.editor)
    html = upload(client, "observations", "figures.pdf", b"%PDF").content.decode()
    assert "File: Upload a .csv or .xlsx file." in html
    html = upload(client, "gossip", "figures.csv", GOOD).content.decode()
    assert "What the file holds: Select a valid choice" in html


def test_a_file_that_is_not_text_is_an_error_not_a_500(client, w):
    client.force_login(w.secretariat)
    response = upload(client, "observations", "figures.csv", b"\xff\xfe\x00bad")
    assert response.status_code == 200
    assert "could not be read" in response.content.decode() or "Nothing was imported" in (
        response.content.decode()
    )


def test_partners_may_not_import(client, w):
    client.force_login(w.board_member)
    assert upload(client, "observations", "figures.csv", GOOD).status_code == 403


def test_downloads_hold_only_what_the_viewer_may_see(client, w):
    client.force_login(w.partner)
    response = client.get(reverse("performance:export", args=["observations", "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["indicator", "area", "period", "value"]
    codes = {r[0] for r in rows[1:]}
    assert "HS 1" in codes and "OT 1" not in codes
    client.force_login(w.tasking_member)
    response = client.get(
        reverse("performance:export", args=["targets", "xlsx"]), {"indicator": w.rate.pk}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))][:4] == [
        "HS 1",
        "L9000001",
        "2024-Q4",
        40,
    ]


def test_downloads_need_signing_in(client, w):
    response = client.get(reverse("performance:export", args=["observations", "csv"]))
    assert response.status_code == 302
