"""Harrowby's demo registers: a handful of entries in each, an award counted into added value,
an entry recorded from a decision, and the members-only task group's entries hidden."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from concord.demo.partnership import build_demo_partnership
from concord.demo.registers import load_demo_registers
from concord.lib.access import PUBLIC
from concord.registers.added_value import totals
from concord.registers.assessment import compare_with_last_year
from concord.registers.models import (
    AddedValue,
    FundingBid,
    Recommendation,
    Risk,
    SelfAssessment,
    SharingAgreement,
    Strategy,
)

TODAY = dt.date(2026, 3, 1)


def test_the_demo_fills_every_register(db) -> None:
    build_demo_partnership(seed=7, today=TODAY, scale=0.3)
    made = load_demo_registers(TODAY)
    assert made == {
        "added value": 6,
        "funding": 4,
        "publicity": 4,
        "risks": 5,
        "sharing": 2,
        "recommendations": 3,
        "strategies": 3,
        "self-assessment": 2,
    }
    last, rows = compare_with_last_year(SelfAssessment.objects.order_by("-year").first(), PUBLIC)
    assert last is not None and rows[-1].this_year and rows[-1].last_year
    assert Strategy.objects.filter(status="published").count() == 2
    assert Recommendation.objects.filter(status="implemented").count() == 1
    assert load_demo_registers(TODAY) == {}  # once only
    assert {b.status for b in FundingBid.objects.all()} == {
        "awarded",
        "declined",
        "submitted",
        "idea",
    }
    funding = next(t for t in totals(PUBLIC) if t.category == "funding")
    assert (funding.awards, funding.money) == (1, Decimal("72500"))  # the task group's is hidden
    assert AddedValue.objects.filter(decision__isnull=False).count() == 1
    assert Risk.objects.visible_to(PUBLIC).count() == 4
    assert Risk.objects.filter(mitigation_actions__isnull=False).exists()
    signed = {
        a.title: (a.party_count, a.signed_count) for a in SharingAgreement.objects.with_signatures()
    }
    assert signed == {
        "Anti-social behaviour case conferences": (3, 3),
        "Frequent attenders at the emergency department": (3, 1),
    }
