"""Needs attention, the two lists issue 12 added: imports waiting for review and indicator
figures due, each grouped by body with counts, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.imports.models import Document, DocumentStatus
from concord.secretariat.health import needs_attention
from tests.factories import make_body, make_meeting, make_secretariat_user
from tests.performance.perf_factories import make_area, make_indicator, observe

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 1)  # Q1 2025 ended 31 March: due by now unless lagged past 1 June
_n = itertools.count(1)


def document(status: str = DocumentStatus.REVIEW, **kwargs) -> Document:
    n = next(_n)
    return Document.objects.create(
        sha256=f"{n:064x}", filename=f"minutes-{n}.docx", status=status, **kwargs
    )


def test_imports_waiting_are_grouped_by_the_meetings_body_or_the_name_given(db) -> None:
    board = make_body(name="Safer Harrowby Board")
    document(meeting=make_meeting(body=board))
    document(body_hint="Safer Harrowby Board")  # hint without a meeting: same name
    document(body_hint="Health Group", status=DocumentStatus.DUPLICATE)
    document()  # nothing known
    document(status=DocumentStatus.CONFIRMED, body_hint="Health Group")
    document(status=DocumentStatus.QUEUED)
    a = needs_attention(TODAY)
    assert a.imports_waiting_count == 4
    assert dict(a.imports_by_body) == {
        "Safer Harrowby Board": 2,
        "Body not known": 1,
        "Health Group": 1,
    }
    assert a.imports_by_body[0] == ("Safer Harrowby Board", 2)


def test_a_figure_is_due_when_the_last_due_period_has_none_for_the_default_area(db) -> None:
    health = make_body(name="Health Group")
    area = make_area(code="E06000099", level="local_authority")
    other = make_area(code="E06000100", level="local_authority")
    missing = make_indicator(code="H 1", body=health)
    make_indicator(code="H 2", body=health, lag_days=90)  # Q1 not due till 29 June: Q4 due
    done = make_indicator(code="H 3", body=health)
    observe(done, area, "2025-Q1", 5)
    elsewhere = make_indicator(code="S 1")
    observe(elsewhere, other, "2025-Q1", 5)  # not the default area: still due
    make_indicator(code="OLD", is_active=False)
    a = needs_attention(TODAY)
    due = {(f.indicator.code, str(f.period)) for f in a.figures_due}
    assert due == {("H 1", "2025-Q1"), ("H 2", "2024-Q4"), ("S 1", "2025-Q1")}
    assert a.figures_due_count == 3
    assert a.figures_due_by_body == [("Health Group", 2), ("No body", 1)]
    first = next(f for f in a.figures_due if f.indicator == missing)
    assert first.due_on == dt.date(2025, 3, 31)


def test_the_page_shows_both_lists_with_counts(client) -> None:
    make_area(code="E06000099")
    make_indicator(code="H 1", title="Smoking at delivery", body=make_body(name="Health Group"))
    waiting = document(body_hint="Health Group")
    client.force_login(make_secretariat_user())
    page = client.get(reverse("secretariat:dashboard")).content.decode()
    assert "Imports waiting for review (1)" in page
    assert reverse("imports:review", args=[waiting.pk]) in page
    assert "Indicator figures due (1)" in page
    assert "H 1 Smoking at delivery" in page


def _grow(n: int) -> None:
    body = make_body()
    for _ in range(n):
        document(meeting=make_meeting(body=body))
        document(body_hint=f"Group {next(_n)}")
        make_indicator(body=body)


def test_the_desk_takes_the_same_queries_at_two_sizes(db) -> None:
    make_area(code="E06000099")
    _grow(2)
    with CaptureQueriesContext(connection) as small:
        needs_attention(TODAY)
    _grow(12)
    with CaptureQueriesContext(connection) as large:
        a = needs_attention(TODAY)
    assert a.imports_waiting_count == 28 and a.figures_due_count == 14
    assert len(small) == len(large)
