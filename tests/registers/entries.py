"""Register entries for tests: public and members-only, on the shared small partnership."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from concord.registers.assessment import build_questionnaire
from concord.registers.models import (
    AddedValue,
    AgreementParty,
    Consultation,
    FundingBid,
    ProtocolSignatory,
    Publicity,
    Recommendation,
    RecommendationUpdate,
    Risk,
    SelfAssessment,
    SharingAgreement,
    SharingProtocol,
    Strategy,
)


def make_added_value(**kwargs: Any) -> AddedValue:
    kwargs.setdefault("category", "projects")
    kwargs.setdefault("date", dt.date(2025, 5, 1))
    kwargs.setdefault("title", "Joint youth diversion project")
    partners = kwargs.pop("partners", ())
    entry = AddedValue.objects.create(**kwargs)
    entry.partners.set(partners)
    return entry


def make_bid(**kwargs: Any) -> FundingBid:
    kwargs.setdefault("title", "Safer streets bid")
    kwargs.setdefault("funder", "Home Office")
    kwargs.setdefault("amount_asked", Decimal("50000"))
    kwargs.setdefault("idea_on", dt.date(2025, 1, 10))
    return FundingBid.objects.create(**kwargs)


def make_publicity(**kwargs: Any) -> Publicity:
    kwargs.setdefault("date", dt.date(2025, 6, 2))
    kwargs.setdefault("outlet", "Riverton Evening Post")
    kwargs.setdefault("headline", "Partners cut burglary")
    return Publicity.objects.create(**kwargs)


def make_risk(**kwargs: Any) -> Risk:
    kwargs.setdefault("title", "Funding for wardens ends")
    kwargs.setdefault("likelihood", 4)
    kwargs.setdefault("impact", 3)
    kwargs.setdefault("target_score", 6)
    kwargs.setdefault("identified_on", dt.date(2025, 1, 1))
    return Risk.objects.create(**kwargs)


def make_agreement(**kwargs: Any) -> SharingAgreement:
    kwargs.setdefault("title", "Anti-social behaviour case sharing")
    kwargs.setdefault("purpose", "To manage cases of anti-social behaviour together.")
    kwargs.setdefault("legal_basis", "Crime and Disorder Act 1998, section 115")
    kwargs.setdefault("data_categories", "Names\nAddresses\nIncidents")
    kwargs.setdefault("drafted_on", dt.date(2025, 1, 1))
    return SharingAgreement.objects.create(**kwargs)


def make_protocol(**kwargs: Any) -> SharingProtocol:
    kwargs.setdefault("title", "Community Safety Information Sharing Protocol")
    kwargs.setdefault("protocol_version", "2.0")
    kwargs.setdefault("drafted_on", dt.date(2024, 11, 1))
    kwargs.setdefault("purpose", "To share information safely to reduce crime.")
    kwargs.setdefault("legal_basis", "Crime and Disorder Act 1998, section 115")
    kwargs.setdefault("security", "Send personal data by secure e-mail only.")
    return SharingProtocol.objects.create(**kwargs)


def make_recommendation(**kwargs: Any) -> Recommendation:
    kwargs.setdefault("source_name", "Crime and Disorder Scrutiny Committee")
    kwargs.setdefault("made_on", dt.date(2025, 2, 1))
    kwargs.setdefault("text", "Publish the partnership's plan in plain English.")
    return Recommendation.objects.create(**kwargs)


def make_update(recommendation: Recommendation, **kwargs: Any) -> RecommendationUpdate:
    kwargs.setdefault("date", dt.date(2025, 4, 1))
    kwargs.setdefault("note", "A plain English summary was drafted.")
    kwargs.setdefault("status_after", "in_progress")
    return RecommendationUpdate.objects.create(recommendation=recommendation, **kwargs)


def make_strategy(**kwargs: Any) -> Strategy:
    kwargs.setdefault("title", "Community Safety Strategy")
    kwargs.setdefault("start_year", 2025)
    kwargs.setdefault("end_year", 2028)
    kwargs.setdefault("drafted_on", dt.date(2025, 1, 1))
    return Strategy.objects.create(**kwargs)


def make_consultation(**kwargs: Any) -> Consultation:
    """A published consultation open today, closing in a week (dates from today)."""
    today = dt.date.today()
    kwargs.setdefault("title", "Your say on street lighting")
    kwargs.setdefault("audience", "residents")
    kwargs.setdefault("opens", today - dt.timedelta(days=10))
    kwargs.setdefault("closes", today + dt.timedelta(days=7))
    kwargs.setdefault("status", "published")
    kwargs.setdefault("link", "https://example.org/lighting")
    return Consultation.objects.create(**kwargs)


def make_assessment(**kwargs: Any) -> SelfAssessment:
    kwargs.setdefault("year", 2025)
    kwargs.setdefault("opened_on", dt.date(2025, 9, 1))
    assessment = SelfAssessment.objects.create(**kwargs)
    build_questionnaire(assessment)
    return assessment


def add_entries(w: SimpleNamespace) -> None:
    """One public and one members-only entry in each register, on the shared world."""
    decision = w.public_item.decisions.first()
    w.public_value = make_added_value(
        body=w.board,
        is_public=True,
        title="Community safety plan adopted jointly",
        category="strategies",
        money_value=Decimal("1200"),
        decision=decision,
        meeting=w.meeting,
        partners=[w.council, w.police],
    )
    w.board_value = make_added_value(
        body=w.board, title="Board-only joint training", category="training"
    )
    w.hidden_value = make_added_value(
        body=w.tasking,
        is_public=True,  # public, but its body is members-only: still hidden
        title="Offender tasking saving",
        category="funding",
        money_value=Decimal("999"),
    )
    w.public_bid = make_bid(body=w.board, is_public=True)
    w.hidden_bid = make_bid(body=w.tasking, title="Tasking analyst bid")
    w.public_coverage = make_publicity(body=w.board, is_public=True)
    w.hidden_coverage = make_publicity(body=w.tasking, headline="Tasking in the news")
    w.public_risk = make_risk(body=w.board, is_public=True)
    w.hidden_risk = make_risk(body=w.tasking, title="Tasking data breach", likelihood=2)
    w.public_protocol = make_protocol(
        body=w.board, is_public=True, status="adopted", adopted_on=dt.date(2024, 12, 1)
    )
    ProtocolSignatory.objects.create(
        protocol=w.public_protocol,
        organisation=w.council,
        signatory="Chief Executive",
        signed_on=dt.date(2024, 12, 1),
    )
    w.unsigned_signatory = ProtocolSignatory.objects.create(
        protocol=w.public_protocol, organisation=w.police
    )
    w.hidden_protocol = make_protocol(body=w.tasking, title="Offender Management Protocol")
    w.public_agreement = make_agreement(body=w.board, is_public=True, protocol=w.public_protocol)
    AgreementParty.objects.create(
        agreement=w.public_agreement,
        organisation=w.council,
        signatory="Chief Executive",
        signed_on=dt.date(2025, 2, 1),
    )
    w.unsigned_party = AgreementParty.objects.create(
        agreement=w.public_agreement, organisation=w.police
    )
    w.hidden_agreement = make_agreement(body=w.tasking, title="Offender data sharing")
    w.public_recommendation = make_recommendation(body=w.board, is_public=True, reference="R1")
    make_update(w.public_recommendation)
    w.hidden_recommendation = make_recommendation(
        body=w.tasking, text="Share offender data weekly.", reference="T1"
    )
    w.public_strategy = make_strategy(body=w.board, is_public=True)
    w.hidden_strategy = make_strategy(body=w.tasking, title="Offender Management Strategy")
    w.public_assessment = make_assessment(body=w.board, is_public=True)
    w.hidden_assessment = make_assessment(body=w.tasking)
    w.public_consultation = make_consultation(body=w.board, is_public=True)
    w.board_consultation = make_consultation(
        body=w.board, title="Members' survey on meeting times", audience="staff"
    )
    w.draft_consultation = make_consultation(
        body=w.board, is_public=True, status="draft", title="Draft Zephyrine consultation"
    )
    w.hidden_consultation = make_consultation(
        body=w.tasking, is_public=True, title="Offender tasking consultation"
    )
