"""Harrowby's registers for the demo: a handful of invented entries in each.

Added value (one recorded from a decision of the board), funding bids at
every step (one awarded through the funding steps, so it counts into added
value), publicity and risks (one with a mitigation action in the tracker, and
one of the members-only task group). Every name and figure is invented.
Two information sharing agreements, one signed by every party and one not.
Recommendations, strategies and the board's self-assessments (``concord.demo.reviews``).
Deterministic for a given ``today``; skipped if the registers hold anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction

from concord.actions.services import create_action
from concord.demo.reviews import (
    demo_recommendations,
    demo_self_assessment,
    demo_strategies,
)
from concord.governance.models import Body
from concord.meetings.models import Decision
from concord.people.models import Organisation
from concord.registers.funding import take_step
from concord.registers.models import (
    AddedValue,
    AgreementParty,
    FundingBid,
    Publicity,
    Risk,
    SharingAgreement,
)

BOARD = "Harrowby Partnership Board"
SAFER = "Safer Communities Theme Group"
HEALTH = "Health and Wellbeing Theme Group"
TASK = "Town Centre Renewal Task Group"

Ago = Callable[[int], dt.date]  # a date so many days before today


def _orgs(*names: str) -> list[Organisation]:
    return list(Organisation.objects.filter(name__in=names))


def load_demo_registers(today: dt.date | None = None) -> dict[str, int]:
    """Fill the registers for the demo; returns how many entries of each were made."""
    today = today or dt.date.today()
    if AddedValue.objects.exists() or FundingBid.objects.exists():
        return {}
    bodies = {b.name: b for b in Body.objects.filter(name__in=[BOARD, SAFER, HEALTH, TASK])}
    if len(bodies) < 4:
        return {}

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    with transaction.atomic():
        made = {
            "added value": _added_value(bodies, ago),
            "funding": _funding(bodies, ago),
            "publicity": _publicity(bodies, ago),
            "risks": _risks(bodies, ago, today),
            "sharing": _sharing(bodies, ago),
            "recommendations": demo_recommendations(bodies[BOARD], bodies[SAFER], ago),
            "strategies": demo_strategies(bodies[BOARD], bodies[HEALTH], ago, today),
            "self-assessment": demo_self_assessment(bodies[BOARD], today),
        }
    return made


def _added_value(bodies: dict[str, Body], ago: Ago) -> int:
    decision = (
        Decision.objects.filter(
            item__meeting__body=bodies[BOARD],
            item__visibility="public",
            item__meeting__minutes_status="approved",
        )
        .select_related("item__meeting")
        .order_by("-item__meeting__date", "id")
        .first()
    )
    rows = [
        (
            "strategies",
            300,
            BOARD,
            "Joint strategic assessment for Harrowby published",
            None,
            ["Harrowby Borough Council", "Harrowby & District Police", "Harrowby NHS Trust"],
        ),
        (
            "events",
            200,
            SAFER,
            "Harrowby Safer Streets Week: 14 events in 6 wards",
            Decimal("3500"),
            ["Harrowby Fire and Rescue Service", "Harrowby Youth Trust"],
        ),
        (
            "training",
            150,
            HEALTH,
            "Joint mental health first aid training for 60 frontline staff",
            Decimal("7200"),
            ["Harrowby Mental Health Alliance", "Harrowby Public Health"],
        ),
        (
            "linkages",
            90,
            SAFER,
            "One referral route for victims of domestic abuse",
            None,
            ["Harrowby Advice Centre"],
        ),
        (
            "funding",
            60,
            TASK,
            "Shared town centre warden saves duplicate patrols",
            Decimal("18000"),
            ["Harrowby Borough Council"],
        ),
    ]
    for category, days, body, title, money, partners in rows:
        entry = AddedValue.objects.create(
            category=category,
            date=ago(days),
            title=title,
            body=bodies[body],
            money_value=money,
            is_public=body != TASK,
            description="An invented example for the Harrowby demonstration.",
            evidence="https://example.org/harrowby/evidence",
        )
        entry.partners.set(_orgs(*partners))
    if decision is not None:
        entry = AddedValue.objects.create(
            category="projects",
            date=decision.item.meeting.date,
            title="Project agreed by the board and started by three partners",
            body=bodies[BOARD],
            is_public=True,
            decision=decision,
            meeting=decision.item.meeting,
        )
        entry.partners.set(_orgs("Harrowby Borough Council", "Harrowby College"))
    return AddedValue.objects.count()


def _funding(bodies: dict[str, Body], ago: Ago) -> int:
    def bid(title: str, funder: str, body: str, asked: str, days: int) -> FundingBid:
        made = FundingBid.objects.create(
            title=title,
            funder=funder,
            scheme="Invented scheme",
            body=bodies[body],
            amount_asked=Decimal(asked),
            idea_on=ago(days),
            is_public=True,
        )
        made.partners.set(
            _orgs("Harrowby Borough Council", "Harrowby Council for Voluntary Service")
        )
        return made

    def walk(made: FundingBid, *steps: tuple[str, int, Decimal | None]) -> None:
        for status, days, amount in steps:
            take_step(made, status, ago(days), made.version, amount)

    awarded = bid(
        "Safer Streets lighting and wardens", "Eastmoor Community Fund", SAFER, "85000", 330
    )
    walk(
        awarded,
        ("drafting", 320, None),
        ("submitted", 280, None),
        ("awarded", 200, Decimal("72500")),
    )
    declined = bid("Youth diversion coaches", "Invented Sports Trust", SAFER, "40000", 300)
    walk(declined, ("drafting", 290, None), ("submitted", 250, None), ("declined", 180, None))
    submitted = bid(
        "Social prescribing link workers", "Eastmoor Health Charity", HEALTH, "120000", 120
    )
    walk(submitted, ("drafting", 110, None), ("submitted", 60, None))
    bid("Town centre events programme", "Invented Arts Council", BOARD, "15000", 20)
    return FundingBid.objects.count()


def _publicity(bodies: dict[str, Body], ago: Ago) -> int:
    rows = [
        (
            "coverage",
            190,
            "Harrowby Courier",
            "Streets safer after partners join forces",
            42000,
            "1800",
        ),
        (
            "coverage",
            140,
            "Radio Eastmoor",
            "Mental health training for frontline staff",
            65000,
            "2400",
        ),
        (
            "coverage",
            45,
            "harrowbylife.example",
            "Town centre wardens welcomed by traders",
            9000,
            "300",
        ),
        (
            "award",
            100,
            "Eastmoor Partnership Awards",
            "Partnership of the year (highly commended)",
            None,
            None,
        ),
    ]
    for kind, days, outlet, headline, reach, value in rows:
        Publicity.objects.create(
            kind=kind,
            date=ago(days),
            outlet=outlet,
            headline=headline,
            body=bodies[SAFER if "Streets" in headline or "wardens" in headline else BOARD],
            reach=reach,
            advertising_value=Decimal(value) if value else None,
            link="https://example.org/harrowby/news",
            is_public=True,
        )
    return Publicity.objects.count()


def _risks(bodies: dict[str, Body], ago: Ago, today: dt.date) -> int:
    rows = [
        (BOARD, "Partners withdraw funding from joint posts", 4, 4, 8, True),
        (BOARD, "Performance data arrives too late for the board", 3, 2, 4, True),
        (SAFER, "Night-time economy disorder rises over summer", 3, 4, 6, True),
        (HEALTH, "Waiting times for talking therapies grow", 4, 3, 6, True),
        (TASK, "Renewal scheme contractor fails", 2, 5, 5, False),
    ]
    for body, title, likelihood, impact, target, public in rows:
        risk = Risk.objects.create(
            body=bodies[body],
            title=title,
            likelihood=likelihood,
            impact=impact,
            target_score=target,
            identified_on=ago(400),
            review_date=today + dt.timedelta(days=30 * likelihood),
            controls="Quarterly review by the owning body.",
            is_public=public,
        )
        if likelihood * impact > target:  # above target: something more is being done
            action = create_action(
                body=bodies[body],
                description=f"Mitigate: {title.lower()}",
                due_date=today + dt.timedelta(days=60),
            )
            risk.mitigation_actions.add(action)
    return Risk.objects.count()


def _sharing(bodies: dict[str, Body], ago: Ago) -> int:
    Party = tuple[str, str, int | None]  # organisation, signatory, signed so many days ago
    rows: list[tuple[str, str, str, list[Party]]] = [
        (
            "Anti-social behaviour case conferences",
            SAFER,
            "Crime and Disorder Act 1998, section 115",
            [
                ("Harrowby Borough Council", "Head of Community Safety", 700),
                ("Harrowby & District Police", "Superintendent, Harrowby", 690),
                ("Greystone Housing Group", "Director of Housing", 680),
            ],
        ),
        (
            "Frequent attenders at the emergency department",
            HEALTH,
            "Consent of the person, and the duty of care",
            [
                ("Harrowby NHS Trust", "Caldicott Guardian", 120),
                ("Harrowby Public Health", "", None),
                ("Eastmoor Ambulance Service", "", None),
            ],
        ),
    ]
    for title, body, basis, parties in rows:
        agreement = SharingAgreement.objects.create(
            title=title,
            body=bodies[body],
            purpose="An invented agreement for the Harrowby demonstration.",
            legal_basis=basis,
            data_categories="Names and addresses\nIncidents and referrals",
            drafted_on=ago(730),
            review_date=ago(730) + dt.timedelta(days=1095),
            status="in_force" if all(d for _, _, d in parties) else "draft",
            is_public=True,
        )
        for organisation in Organisation.objects.filter(name__in=[p[0] for p in parties]):
            signatory, days = next((s, d) for n, s, d in parties if n == organisation.name)
            AgreementParty.objects.create(
                agreement=agreement,
                organisation=organisation,
                signatory=signatory,
                signed_on=ago(days) if days is not None else None,
            )
    return SharingAgreement.objects.count()
