"""The registers on the secretariat's "needs attention" page: reviews due, risks above
target, self-assessments not done, quiet recommendations; grouped by body; fixed queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.governance.models import TermsOfReference
from concord.registers.assessment import record_answers
from concord.registers.attention import registers_attention
from tests.factories import make_body, make_membership, make_person
from tests.registers.entries import (
    make_agreement,
    make_assessment,
    make_recommendation,
    make_risk,
    make_strategy,
    make_update,
)

TODAY = dt.date(2026, 6, 1)


def test_each_kind_of_problem_is_found(world) -> None:
    due_risk = make_risk(body=world.board, review_date=TODAY + dt.timedelta(days=10))
    make_risk(body=world.board, review_date=TODAY + dt.timedelta(days=60))  # not yet
    make_risk(body=world.board, review_date=TODAY, status="closed")  # closed: not due
    overdue_strategy = make_strategy(body=world.tasking, review_date=TODAY - dt.timedelta(days=3))
    agreement = make_agreement(body=world.board, review_date=TODAY + dt.timedelta(days=30))
    make_agreement(body=world.board, review_date=TODAY, status="ended")
    quiet = make_recommendation(body=world.board, made_on=dt.date(2025, 1, 1))
    make_update(quiet, date=dt.date(2026, 2, 28))  # three months before 1 Jun is 1 Mar
    heard = make_recommendation(body=world.board, made_on=dt.date(2025, 1, 1))
    make_update(heard, date=dt.date(2026, 3, 1))
    make_recommendation(body=world.board, made_on=dt.date(2025, 1, 1), status="implemented")
    a = registers_attention(TODAY)
    assert [d.entry for d in a.reviews_due] == [overdue_strategy, due_risk, agreement]
    # world: both risks score 12 or 6 against target 6; the board's is above target
    assert world.public_risk in a.above_target and world.hidden_risk not in a.above_target
    assert due_risk in a.above_target
    assert set(a.quiet_recommendations) >= {quiet}
    assert heard not in a.quiet_recommendations
    by_body = {b.body: b for b in a.by_body}
    assert by_body[world.board.name].reviews_due == 2
    assert by_body[world.tasking.name].reviews_due == 1
    assert a.total == sum(b.total for b in a.by_body)


def test_self_assessments_not_done(world) -> None:
    year = TODAY.year
    with_terms = make_body(name="Youth Offending Board")
    TermsOfReference.objects.create(
        body=with_terms, version=1, adopted_on=dt.date(2024, 1, 1), purpose="Youth justice."
    )
    done = make_body(name="Drugs Group")
    make_assessment(body=done, year=year - 1)
    this_year = make_assessment(body=done, year=year)
    person = make_person()
    make_membership(person=person, body=done)
    record_answers(this_year, person.pk, {i.pk: 3 for i in this_year.items.all()}, {})
    opened_not_answered = make_body(name="Alcohol Group")
    make_assessment(body=opened_not_answered, year=year - 1)
    make_assessment(body=opened_not_answered, year=year)
    make_body(name="Newly formed group")  # no terms, no assessment last year: not asked
    names = {b.name for b in registers_attention(TODAY).assessments_due}
    assert {"Youth Offending Board", "Alcohol Group"} <= names
    assert "Drugs Group" not in names and "Newly formed group" not in names


def _grow(world, n: int) -> None:
    for i in range(n):
        body = make_body(name=f"Group {n}-{i}")
        TermsOfReference.objects.create(
            body=body, version=1, adopted_on=dt.date(2024, 1, 1), purpose="x"
        )
        make_risk(body=body, review_date=TODAY, likelihood=5, impact=5)
        make_strategy(body=body, review_date=TODAY)
        make_agreement(body=body, review_date=TODAY)
        make_recommendation(body=body, made_on=dt.date(2024, 1, 1))


@pytest.mark.parametrize("n", [1, 8])
def test_a_fixed_number_of_queries(world, n) -> None:
    _grow(world, n)
    with CaptureQueriesContext(connection) as ctx:
        a = registers_attention(TODAY)
    assert len(a.above_target) >= n
    assert len(ctx.captured_queries) == 6


def test_the_needs_attention_page_shows_the_registers(world, as_user) -> None:
    make_risk(body=world.board, title="Wardens review", review_date=dt.date.today())
    html = as_user(world.secretariat).get(reverse("secretariat:dashboard")).content.decode()
    assert "Registers needing attention, by body" in html
    assert "Wardens review" in html
    assert world.board.name in html
