"""Values no one should send answer with a message, not a 500 (issue 11, hole 5)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.performance.models import Observation, PerformanceReport
from tests.performance.pages_world import build_perf_world


@pytest.fixture
def w(db):
    return build_perf_world()


@pytest.mark.parametrize("period", ["9999-Q4", "0001-Q1", "9999/00", "2024-Q9", "1899"])
def test_the_dashboard_refuses_a_period_it_cannot_show_with_a_message(client, w, period):
    response = client.get(reverse("performance:dashboard"), {"period": period})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Period: “{period}” is not a period from 1900 to 2200" in html
    assert "HS 1" in html  # the latest figures are still shown


def test_the_dashboard_still_takes_a_sensible_period(client, w):
    response = client.get(reverse("performance:dashboard"), {"period": "2023-Q4"})
    assert response.status_code == 200
    assert "figures up to Q4 2023" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2024-02-30"},
        {"to": "2024-02-30"},
        {"from": "2024-13-01"},
        {"to": "0000-00-00"},
        {"from": "yesterday"},
    ],
)
def test_attendance_refuses_a_date_that_does_not_exist_naming_the_field(client, w, params):
    client.force_login(w.secretariat)
    response = client.get(reverse("secretariat:attendance"), params)
    assert response.status_code == 400
    ((name, value),) = params.items()
    label = "From" if name == "from" else "To"
    assert f"{label}: “{value}” is not a date" in response.content.decode()


def test_attendance_takes_the_first_and_last_real_dates(client, w):
    client.force_login(w.secretariat)
    response = client.get(
        reverse("secretariat:attendance"), {"from": "0001-01-01", "to": "9999-12-31"}
    )
    assert response.status_code == 200


def test_a_report_for_the_year_ten_thousand_is_a_field_error(client, w):
    client.force_login(w.editor)
    before = PerformanceReport.objects.count()
    response = client.post(
        reverse("performance:report_create"), {"body": w.board.pk, "period": "9999/00"}
    )
    assert response.status_code == 200
    assert "Period: Enter a period such as 2024-06" in response.content.decode()
    assert PerformanceReport.objects.count() == before


@pytest.mark.parametrize("content", [b"this is not a zip", b"PK\x03\x04 truncated", b"\x00" * 64])
def test_a_figures_file_that_is_not_a_workbook_is_a_field_error(client, w, content):
    client.force_login(w.editor)
    before = Observation.objects.count()
    response = client.post(
        reverse("performance:import"),
        {"kind": "observations", "file": SimpleUploadedFile("figures.xlsx", content)},
    )
    assert response.status_code == 200
    assert "The file could not be read: it is not an Excel .xlsx workbook" in (
        response.content.decode()
    )
    assert Observation.objects.count() == before


def test_an_imported_period_in_the_year_ten_thousand_is_a_row_error(client, w):
    client.force_login(w.secretariat)
    response = client.post(
        reverse("performance:import"),
        {
            "kind": "observations",
            "file": SimpleUploadedFile(
                "figures.csv", b"indicator,area,period,value\nHS 2,L9000001,9999/00,1\n"
            ),
        },
    )
    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()


def test_an_editor_id_no_database_can_hold_is_an_invalid_choice(client, w):
    client.force_login(w.secretariat)
    response = client.post(
        reverse("register:create", args=["bodies"]),
        {"name": "Overflow Group", "kind": "board", "visibility": "public", "editors": "9" * 40},
    )
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()


def test_a_register_search_of_100k_characters_is_cut_short_not_a_500(client, w):
    client.force_login(w.secretariat)
    response = client.get(reverse("register:list", args=["organisations"]), {"q": "x" * 100_000})
    assert response.status_code == 200


def test_a_nul_character_in_a_query_string_is_a_400(client, w):
    for url in (reverse("portal:meetings"), reverse("performance:dashboard")):
        response = client.get(url, {"body": "a\x00b"})
        assert response.status_code == 400
        assert "NUL character" in response.content.decode()


@pytest.mark.parametrize("page", ["login", "admin:login"])
def test_a_user_name_of_100k_characters_is_a_field_error_on_both_sign_in_pages(client, w, page):
    response = client.post(reverse(page), {"username": "x" * 100_000, "password": "pw"})
    assert response.status_code == 200
    assert "A user name has at most 150 characters." in response.content.decode()
