"""SQL queries per register page must not grow with the entries: pinned at two data sizes,
for the secretariat and for a member (whose lists go through the visibility rule)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.registers.assessment import record_answers
from concord.registers.models import (
    AgreementParty,
    AssessmentQuestion,
    ProtocolSignatory,
    SelfAssessment,
    Strategy,
    StrategyFile,
)
from tests.factories import make_action, make_organisation, make_person
from tests.performance.perf_factories import make_indicator
from tests.querycounts import warm_up
from tests.registers.entries import (
    make_added_value,
    make_agreement,
    make_assessment,
    make_bid,
    make_consultation,
    make_protocol,
    make_publicity,
    make_recommendation,
    make_risk,
    make_strategy,
    make_update,
)

_years = itertools.count(2030)
_versions = itertools.count(1)  # a protocol title has each version once


def _grow(world, n: int) -> None:
    """n more entries in every register, public and not, for both bodies, with partners."""
    for i in range(n):
        partner = make_organisation()
        for body in (world.board, world.tasking):
            public = i % 2 == 0
            make_added_value(
                body=body,
                is_public=public,
                money_value=Decimal(i),
                partners=[partner, world.council],
                decision=world.public_item.decisions.first(),
                meeting=world.meeting,
            )
            make_bid(
                body=body,
                is_public=public,
                status="awarded",
                amount_awarded=Decimal("10"),
                decided_on=dt.date(2025, 6, 1),
            ).partners.set([partner])
            make_publicity(body=body, is_public=public, reach=i)
            risk = make_risk(body=body, is_public=public, owner=make_person())
            risk.mitigation_actions.add(make_action(body=body, owners=(make_person(),)))
            version = str(next(_versions))
            protocol = make_protocol(body=body, is_public=public, protocol_version=version)
            ProtocolSignatory.objects.create(protocol=protocol, organisation=partner)
            agreement = make_agreement(body=body, is_public=public, protocol=protocol)
            AgreementParty.objects.create(agreement=agreement, organisation=partner)
            make_agreement(body=body, is_public=public, protocol=world.public_protocol)
            StrategyFile.objects.create(
                strategy=world.public_strategy,
                title=f"Document {i}",
                file=f"strategies/{i}.pdf",
                kind="pdf",
                size=10,
                sha256="0" * 64,
            )
            rec = make_recommendation(body=body, is_public=public, owner=make_person())
            make_update(rec)
            make_update(world.public_recommendation, note=f"More {i}")
            make_strategy(body=body, is_public=public).indicators.add(make_indicator(body=body))
            make_consultation(
                body=body,
                is_public=public,
                organisation=partner,
                status="published" if public else "draft",
            )
            make_consultation(  # opening later
                body=body,
                is_public=True,
                opens=dt.date.today() + dt.timedelta(days=30),
                closes=dt.date.today() + dt.timedelta(days=60),
            )
            assessment = make_assessment(body=body, is_public=public, year=next(_years))
            person = make_person()
            items = assessment.items.all()
            record_answers(assessment, person.pk, {it.pk: 3 for it in items}, {})
            record_answers(
                world.public_assessment,
                person.pk,
                {it.pk: 4 for it in world.public_assessment.items.all()},
                {},
            )
            # Through the link tables: more links, not more changes in the entry's history
            # (whose length the page caps at 50 rows).
            Strategy.indicators.through.objects.create(
                strategy=world.public_strategy, indicator=make_indicator(body=world.board)
            )
            SelfAssessment.improvement_actions.through.objects.create(
                selfassessment=world.public_assessment, action=make_action(body=world.board)
            )
        AssessmentQuestion.objects.create(section="outcomes", text=f"Bench question {i}")
        ProtocolSignatory.objects.create(
            protocol=world.public_protocol,
            organisation=partner,
            signatory="Director",
            signed_on=dt.date(2025, 3, 1),
        )
        AgreementParty.objects.create(
            agreement=world.public_agreement,
            organisation=partner,
            signatory="Director",
            signed_on=dt.date(2025, 3, 1),
        )


PAGES = {
    **{
        f"{slug} list": (lambda w, s=slug: reverse("registers:list", args=[s]))
        for slug in (
            "added-value",
            "funding",
            "publicity",
            "risks",
            "protocols",
            "sharing",
            "recommendations",
            "strategies",
            "self-assessment",
            "consultations",
        )
    },
    "registers index": lambda w: reverse("registers:index"),
    "consultations open now": lambda w: reverse("registers:consultations"),
    "annual report index": lambda w: reverse("registers:annual_index"),
    "added value filtered": lambda w: (
        reverse("registers:list", args=["added-value"])
        + f"?body={w.board.pk}&q=plan&from=2020-01-01&sort=money&category=strategies"
    ),
    "funding by status": lambda w: reverse("registers:list", args=["funding"]) + "?status=awarded",
    **{
        f"{slug} {fmt}": (lambda w, s=slug, f=fmt: reverse("registers:export", args=[s, f]))
        for slug in (
            "added-value",
            "funding",
            "publicity",
            "risks",
            "protocols",
            "sharing",
            "recommendations",
            "strategies",
            "self-assessment",
            "consultations",
        )
        for fmt in ("csv", "xlsx")
    },
    "heat map": lambda w: reverse("registers:heat_map"),
    "agreement": lambda w: reverse("registers:detail", args=["sharing", w.public_agreement.pk]),
    "risk": lambda w: reverse("registers:detail", args=["risks", w.public_risk.pk]),
    "protocol": lambda w: reverse("registers:detail", args=["protocols", w.public_protocol.pk]),
    "protocol printed": lambda w: reverse("registers:protocol", args=[w.public_protocol.pk]),
    "protocol docx": lambda w: reverse("registers:protocol_docx", args=[w.public_protocol.pk]),
    "bid": lambda w: reverse("registers:detail", args=["funding", w.public_bid.pk]),
    "added value entry": lambda w: reverse(
        "registers:detail", args=["added-value", w.public_value.pk]
    ),
    "recommendation": lambda w: reverse(
        "registers:detail", args=["recommendations", w.public_recommendation.pk]
    ),
    "strategy": lambda w: reverse("registers:detail", args=["strategies", w.public_strategy.pk]),
    "self-assessment": lambda w: reverse(
        "registers:detail", args=["self-assessment", w.public_assessment.pk]
    ),
    "progress note": lambda w: reverse("registers:progress_note"),
    "progress note docx": lambda w: reverse("registers:progress_note_docx"),
    "meeting with added value": lambda w: reverse("portal:meeting", args=[w.meeting.pk]),
}


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", ["secretariat", "board_member"])
@pytest.mark.parametrize("page", list(PAGES))
def test_queries_per_register_page_do_not_grow_with_the_entries(world, as_user, page, role) -> None:
    client = as_user(getattr(world, role))
    warm_up(client)
    url = PAGES[page](world)
    _grow(world, 2)
    small = _count(client, url)
    _grow(world, 6)
    large = _count(client, url)
    assert large == small, f"{page}: {small} queries with few entries, {large} with more"


def test_queries_of_the_question_bank_do_not_grow_with_the_questions(world, as_user) -> None:
    client = as_user(world.secretariat)
    warm_up(client)
    url = reverse("registers:questions")
    _grow(world, 2)
    small = _count(client, url)
    _grow(world, 6)
    assert _count(client, url) == small
