"""Every performance page × every role: 200, refused (403), nothing there (404),
or sent to sign in (302)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.performance.models import PerformanceReport
from concord.performance.reports.freezing import freeze_report
from concord.performance.tabular.staged import stage_upload
from tests.performance.pages_world import build_perf_world

ROLES = [
    "anonymous",
    "stranger",
    "partner",
    "board_adviser",
    "board_member",
    "editor",
    "tasking_member",
    "tasking_editor",
    "secretariat",
]
L = 302  # sent to sign in


def area(url: str, w) -> str:
    return f"{url}?area={w.la.code}"


MATRIX = {
    "dashboard": (lambda w: reverse("performance:dashboard"), [200] * 9),
    "public body dashboard": (
        lambda w: reverse("performance:body_dashboard", args=[w.board.slug]),
        [200] * 9,
    ),
    "members-only body dashboard": (
        lambda w: reverse("performance:body_dashboard", args=[w.tasking.slug]),
        [404, 404, 404, 404, 404, 404, 200, 200, 200],
    ),
    "achievement over the years": (lambda w: reverse("performance:achievement"), [200] * 9),
    "public body's achievement": (
        lambda w: reverse("performance:body_achievement", args=[w.board.slug]),
        [200] * 9,
    ),
    "members-only body's achievement": (
        lambda w: reverse("performance:body_achievement", args=[w.tasking.slug]),
        [404, 404, 404, 404, 404, 404, 200, 200, 200],
    ),
    "public indicator": (
        lambda w: reverse("performance:indicator", args=[w.rate.pk]),
        [200] * 9,
    ),
    "members-only indicator": (
        lambda w: reverse("performance:indicator", args=[w.secret.pk]),
        [404, 404, 404, 404, 404, 404, 200, 200, 200],
    ),
    "turn the curve": (
        lambda w: area(reverse("performance:turn_the_curve", args=[w.rate.pk]), w),
        [200] * 9,
    ),
    "members-only turn the curve": (
        lambda w: reverse("performance:turn_the_curve", args=[w.secret.pk]),
        [404, 404, 404, 404, 404, 404, 200, 200, 200],
    ),
    "edit turn the curve": (
        lambda w: area(reverse("performance:turn_the_curve_edit", args=[w.rate.pk]), w),
        [L, 403, 403, 403, 403, 200, 403, 403, 200],
    ),
    "edit members-only turn the curve": (
        lambda w: reverse("performance:turn_the_curve_edit", args=[w.secret.pk]),
        [L, 404, 404, 404, 404, 404, 403, 200, 200],
    ),
    "add a plan action": (
        lambda w: area(reverse("performance:plan_action_create", args=[w.rate.pk]), w),
        [L, 403, 403, 403, 403, 200, 403, 403, 200],
    ),
    "reports": (lambda w: reverse("performance:reports"), [200] * 9),
    "published report": (
        lambda w: reverse("performance:report", args=[w.published.pk]),
        [200] * 9,
    ),
    "published report as Word": (
        lambda w: reverse("performance:report_docx", args=[w.published.pk]),
        [200] * 9,
    ),
    "published report as PDF": (
        lambda w: reverse("performance:report_pdf", args=[w.published.pk]),
        [200] * 9,
    ),
    # A draft, with its draft commentary, is read by its body: members (an adviser
    # too) and editors; only editors change it.
    "draft report": (
        lambda w: reverse("performance:report", args=[w.draft_report.pk]),
        [404, 404, 404, 200, 200, 200, 404, 404, 200],
    ),
    "draft report as Word": (
        lambda w: reverse("performance:report_docx", args=[w.draft_report.pk]),
        [404, 404, 404, 200, 200, 200, 404, 404, 200],
    ),
    "draft report as PDF": (
        lambda w: reverse("performance:report_pdf", args=[w.draft_report.pk]),
        [404, 404, 404, 200, 200, 200, 404, 404, 200],
    ),
    "draft the notes of a draft report": (
        lambda w: reverse("performance:report_notes", args=[w.draft_report.pk]),
        [L, 404, 404, 403, 403, 200, 404, 404, 200],
    ),
    "members-only body's draft": (
        lambda w: reverse("performance:report", args=[w.private_report.pk]),
        [404, 404, 404, 404, 404, 404, 200, 200, 200],
    ),
    "start a report": (
        lambda w: reverse("performance:report_create"),
        [L, 403, 403, 403, 403, 200, 403, 200, 200],
    ),
    "amend a published report": (
        # Published: the words are frozen with the figures; a correction is an amendment.
        lambda w: reverse("performance:report_amend", args=[w.published.pk]),
        [L, 403, 403, 403, 403, 200, 403, 403, 200],
    ),
    "edit a draft report": (
        lambda w: reverse("performance:report_edit", args=[w.draft_report.pk]),
        [L, 404, 404, 403, 403, 200, 404, 404, 200],
    ),
    "publish a draft": (
        lambda w: reverse("performance:report_publish", args=[w.draft_report.pk]),
        [L, 404, 404, 403, 403, 200, 404, 404, 200],
    ),
    "attach a published report": (
        lambda w: reverse("performance:report_attach", args=[w.published.pk]),
        [L, 403, 403, 403, 403, 200, 403, 403, 200],
    ),
    "import": (
        lambda w: reverse("performance:import"),
        [L, 403, 403, 403, 403, 200, 403, 200, 200],
    ),
    "preview of an uploaded file": (
        # Only its uploader (the editor) sees figures not yet confirmed.
        lambda w: reverse("performance:import_preview", args=[w.staged.token]),
        [L, 404, 404, 404, 404, 200, 404, 404, 404],
    ),
    "preview of an uploaded targets file": (
        lambda w: reverse("performance:import_preview", args=[w.staged_targets.token]),
        [L, 404, 404, 404, 404, 200, 404, 404, 404],
    ),
    "confirm an uploaded targets file (only by POST)": (
        lambda w: reverse("performance:import_confirm", args=[w.staged_targets.token]),
        [L, 405, 405, 405, 405, 405, 405, 405, 405],
    ),
    "confirm an uploaded file (only by POST)": (
        lambda w: reverse("performance:import_confirm", args=[w.staged.token]),
        [L, 405, 405, 405, 405, 405, 405, 405, 405],
    ),
    "export observations": (
        lambda w: reverse("performance:export", args=["observations", "csv"]),
        [L, 200, 200, 200, 200, 200, 200, 200, 200],
    ),
    "export targets as Excel": (
        lambda w: reverse("performance:export", args=["targets", "xlsx"]),
        [L, 200, 200, 200, 200, 200, 200, 200, 200],
    ),
}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = build_perf_world()
    w.staged, _ = stage_upload(
        b"indicator,area,period,value\nHS 2,L9000001,2025-Q1,81\n", "f.csv", w.editor
    )
    w.staged_targets, _ = stage_upload(
        b"indicator,area,period,value\nHS 2,L9000001,2025/26,95\n",
        "t.csv",
        w.editor,
        kind="targets",
    )
    w.published = PerformanceReport.objects.create(
        body=w.board, area=w.la, period=w.draft_report.period, title="Published Q4"
    )
    freeze_report(w.published, w.editor)
    return w


@pytest.mark.parametrize("page", list(MATRIX))
def test_each_role_gets_the_expected_answer(client, world, page: str) -> None:
    build, expected = MATRIX[page]
    url = build(world)
    got = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        response = client.get(url)
        got.append(response.status_code)
        if response.status_code == 302:
            assert reverse("login") in response["Location"], (page, role)
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, expected, strict=True))


def test_every_role_has_an_expectation_for_every_page():
    assert all(len(expected) == len(ROLES) for _, expected in MATRIX.values())
