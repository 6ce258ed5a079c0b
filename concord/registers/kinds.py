"""Each register described once: its model, form, columns, filters and sorts.

The list, detail, create, edit, export and import pages are written once
(``views.py``, ``listing.py``, ``tabular.py``) and read a :class:`Kind` to know
what to show. Adding a register is adding a ``Kind`` here.
"""

from __future__ import annotations

from typing import Any

from concord.registers import consultations as consultation_kind
from concord.registers import forms as register_forms
from concord.registers import review_forms
from concord.registers.kind_types import Choice, Column, Kind, money, shown
from concord.registers.models import (
    AddedValue,
    AgreementStatus,
    BidStatus,
    Category,
    FundingBid,
    ProtocolStatus,
    Publicity,
    PublicityKind,
    Recommendation,
    RecommendationSource,
    RecommendationStatus,
    Risk,
    RiskStatus,
    SelfAssessment,
    SharingAgreement,
    SharingProtocol,
    Strategy,
    StrategyStatus,
    signatures,
)


def _names(record: Any) -> str:
    return "; ".join(o.name for o in record.partners.all())


BODY = Column("body", "Body", lambda r: r.body.name)
PUBLIC = Column("is_public", "Public", lambda r: r.is_public, listed=False)

ADDED_VALUE = Kind(
    slug="added-value",
    title="Added value",
    noun="added value entry",
    model=AddedValue,
    form=register_forms.AddedValueForm,
    columns=(
        Column("date", "Date", lambda r: r.date),
        Column("category", "Category", lambda r: r.get_category_display()),
        Column("title", "Title", lambda r: r.title),
        BODY,
        Column("money_value", "Money value", lambda r: r.money_value),
        Column("partners", "Partners involved", _names, listed=False),
        Column("description", "Description", lambda r: r.description, listed=False),
        Column("evidence", "Evidence", lambda r: " ".join(r.evidence_links), listed=False),
        PUBLIC,
    ),
    date_field="date",
    search_fields=("title", "description"),
    sorts={
        "newest": ("Newest first", ("-date", "-id")),
        "oldest": ("Oldest first", ("date", "id")),
        "money": ("Largest money value", ("-money_value", "-id")),
        "category": ("Category", ("category", "-date", "-id")),
    },
    choices=(Choice("category", "Category", "category", list(Category.choices)),),
    imported=(
        "date",
        "category",
        "title",
        "body",
        "money_value",
        "partners",
        "description",
        "evidence",
        "is_public",
    ),
    summary="What the partnership achieved together, in ten categories; awarded funding counts in.",
)

FUNDING = Kind(
    slug="funding",
    title="Funding",
    noun="funding bid",
    model=FundingBid,
    form=register_forms.FundingBidForm,
    columns=(
        Column("idea_on", "Idea on", lambda r: r.idea_on),
        Column("title", "Bid", lambda r: r.title),
        Column("funder", "Funder", lambda r: r.funder),
        Column("scheme", "Scheme", lambda r: r.scheme, listed=False),
        Column("body", "Lead body", lambda r: r.body.name),
        Column("amount_asked", "Asked", lambda r: r.amount_asked),
        Column("amount_awarded", "Awarded", lambda r: r.amount_awarded),
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("partners", "Partner organisations", _names, listed=False),
        Column("submitted_on", "Submitted on", lambda r: r.submitted_on, listed=False),
        Column("decided_on", "Decided on", lambda r: r.decided_on, listed=False),
        Column("award_may_exceed", "Award may exceed", lambda r: r.award_may_exceed, listed=False),
        PUBLIC,
    ),
    date_field="idea_on",
    search_fields=("title", "funder", "scheme"),
    sorts={
        "newest": ("Newest first", ("-idea_on", "-id")),
        "asked": ("Largest amount asked", ("-amount_asked", "-id")),
        "awarded": ("Largest award", ("-amount_awarded", "-id")),
        "funder": ("Funder", ("funder", "-idea_on", "-id")),
    },
    choices=(Choice("status", "Status", "status", list(BidStatus.choices)),),
    imported=(
        "idea_on",
        "title",
        "funder",
        "scheme",
        "body",
        "amount_asked",
        "partners",
        "award_may_exceed",
        "is_public",
    ),
    summary="Bids for funding and their awards, each step dated.",
)

PUBLICITY = Kind(
    slug="publicity",
    title="Publicity",
    noun="publicity entry",
    model=Publicity,
    form=register_forms.PublicityForm,
    columns=(
        Column("date", "Date", lambda r: r.date),
        Column("kind", "Kind", lambda r: r.get_kind_display()),
        Column("outlet", "Outlet or awarding body", lambda r: r.outlet),
        Column("headline", "Headline or award", lambda r: r.headline),
        BODY,
        Column("reach", "Reach", lambda r: r.reach),
        Column("advertising_value", "Advertising value", lambda r: r.advertising_value),
        Column("link", "Link", lambda r: r.link, listed=False),
        PUBLIC,
    ),
    date_field="date",
    search_fields=("headline", "outlet"),
    sorts={
        "newest": ("Newest first", ("-date", "-id")),
        "reach": ("Largest reach", ("-reach", "-id")),
        "value": ("Largest advertising value", ("-advertising_value", "-id")),
    },
    choices=(Choice("kind", "Kind", "kind", list(PublicityKind.choices)),),
    imported=(
        "date",
        "kind",
        "outlet",
        "headline",
        "body",
        "reach",
        "advertising_value",
        "link",
        "is_public",
    ),
    summary="Press and media coverage, with its reach and advertising value, and awards won.",
)

RISKS = Kind(
    slug="risks",
    title="Risks",
    noun="risk",
    model=Risk,
    form=register_forms.RiskForm,
    columns=(
        Column("title", "Risk", lambda r: r.title),
        BODY,
        Column("likelihood", "Likelihood", lambda r: r.likelihood),
        Column("impact", "Impact", lambda r: r.impact),
        Column("score", "Score", lambda r: r.score),
        Column("target_score", "Target", lambda r: r.target_score),
        Column("review_date", "Review by", lambda r: r.review_date),
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("description", "Description", lambda r: r.description, listed=False),
        Column("controls", "Controls", lambda r: r.controls, listed=False),
        Column("identified_on", "Identified on", lambda r: r.identified_on, listed=False),
        PUBLIC,
    ),
    date_field="review_date",
    search_fields=("title", "description"),
    sorts={
        "score": ("Highest score", ("-score", "title", "id")),
        "review": ("Review soonest", ("review_date", "id")),
        "title": ("Title", ("title", "id")),
    },
    choices=(Choice("status", "Status", "status", list(RiskStatus.choices)),),
    imported=(
        "title",
        "body",
        "likelihood",
        "impact",
        "target_score",
        "review_date",
        "status",
        "description",
        "controls",
        "identified_on",
        "is_public",
    ),
    summary="Risks scored by likelihood and impact against a target, with a heat map.",
    extra_links=(("registers:heat_map", "Heat map"),),
)


def _parties(record: Any) -> str:
    return "; ".join(
        f"{p.organisation.name} ({p.signatory}, {p.signed_on:%Y-%m-%d})"
        if p.signed_on
        else f"{p.organisation.name} (not signed)"
        for p in record.parties.all()
    )


SHARING = Kind(
    slug="sharing",
    title="Information sharing",
    noun="information sharing agreement",
    model=SharingAgreement,
    form=register_forms.SharingAgreementForm,
    columns=(
        Column("title", "Agreement", lambda r: r.title),
        BODY,
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("signatures", "Signatures", lambda r: signatures(r.party_count, r.signed_count)),
        Column("review_date", "Review by", lambda r: r.review_date),
        Column("drafted_on", "Drawn up on", lambda r: r.drafted_on, listed=False),
        Column("purpose", "Purpose", lambda r: r.purpose, listed=False),
        Column("legal_basis", "Legal basis", lambda r: r.legal_basis, listed=False),
        Column("data_categories", "Data shared", lambda r: r.data_categories, listed=False),
        Column("parties", "Parties", _parties, listed=False),
        PUBLIC,
    ),
    related=("body", "protocol"),
    date_field="review_date",
    search_fields=("title", "purpose"),
    sorts={
        "title": ("Title", ("title", "id")),
        "review": ("Review soonest", ("review_date", "id")),
    },
    choices=(Choice("status", "Status", "status", list(AgreementStatus.choices)),),
    imported=(
        "title",
        "body",
        "status",
        "drafted_on",
        "review_date",
        "purpose",
        "legal_basis",
        "data_categories",
        "is_public",
    ),
    summary="Agreements under the information sharing protocol, and which parties have signed.",
    prepare=lambda qs: qs.with_signatures(),
    exported_prefetch=("parties__organisation",),
)


def _signatories(record: Any) -> str:
    return "; ".join(
        f"{p.organisation.name} ({p.signatory}, {p.signed_on:%Y-%m-%d})"
        if p.signed_on
        else f"{p.organisation.name} (not signed)"
        for p in record.signatories.all()
    )


PROTOCOLS = Kind(
    slug="protocols",
    title="Information sharing protocols",
    noun="information sharing protocol",
    model=SharingProtocol,
    form=register_forms.SharingProtocolForm,
    columns=(
        Column("title", "Protocol", lambda r: r.title),
        Column("protocol_version", "Version", lambda r: r.protocol_version),
        BODY,
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("signatures", "Signatures", lambda r: signatures(r.party_count, r.signed_count)),
        Column("adopted_on", "Adopted on", lambda r: r.adopted_on),
        Column("review_date", "Review by", lambda r: r.review_date),
        Column("drafted_on", "Drawn up on", lambda r: r.drafted_on, listed=False),
        Column("signatories", "Signatories", _signatories, listed=False),
        PUBLIC,
    ),
    date_field="adopted_on",
    search_fields=("title", "purpose", "scope"),
    sorts={
        "title": ("Title", ("title", "-drafted_on", "id")),
        "newest": ("Newest first", ("-drafted_on", "-id")),
        "review": ("Review soonest", ("review_date", "id")),
    },
    choices=(Choice("status", "Status", "status", list(ProtocolStatus.choices)),),
    imported=(
        "title",
        "protocol_version",
        "body",
        "status",
        "drafted_on",
        "adopted_on",
        "review_date",
        "is_public",
    ),
    summary="The partnership's information sharing protocol, version by version, its text "
    "and the organisations signed up to it.",
    prepare=lambda qs: qs.with_signatures(),
    exported_prefetch=("signatories__organisation",),
)

RECOMMENDATIONS = Kind(
    slug="recommendations",
    title="Recommendations",
    noun="recommendation",
    model=Recommendation,
    form=review_forms.RecommendationForm,
    columns=(
        Column("made_on", "Made on", lambda r: r.made_on),
        Column("reference", "Ref.", lambda r: r.reference),
        Column("text", "Recommendation", lambda r: r.text),
        Column("source", "Source", lambda r: r.get_source_display()),
        Column("source_name", "Made by", lambda r: r.source_name),
        BODY,
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("last_update_on", "Last update", lambda r: r.last_update_on),
        Column("response", "Response", lambda r: r.response, listed=False),
        PUBLIC,
    ),
    date_field="made_on",
    search_fields=("text", "response", "source_name", "reference"),
    sorts={
        "newest": ("Newest first", ("-made_on", "reference", "-id")),
        "quiet": ("Longest without an update", ("last_update_on", "made_on", "id")),
        "reference": ("Reference", ("reference", "id")),
    },
    choices=(
        Choice("status", "Status", "status", list(RecommendationStatus.choices)),
        Choice("source", "Source", "source", list(RecommendationSource.choices)),
    ),
    imported=(
        "made_on",
        "reference",
        "text",
        "source",
        "source_name",
        "body",
        "status",
        "response",
        "is_public",
    ),
    summary="Recommendations from scrutiny, audit and inspection: the response and what has "
    "happened.",
    extra_links=(("registers:progress_note", "Progress note"),),
    prepare=lambda qs: qs.with_last_update(),
)

STRATEGIES = Kind(
    slug="strategies",
    title="Strategies",
    noun="strategy",
    model=Strategy,
    form=review_forms.StrategyForm,
    columns=(
        Column("title", "Strategy", lambda r: r.title),
        Column("period", "Period", lambda r: r.period, listed=True),
        Column("body", "Owning body", lambda r: r.body.name),
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("review_date", "Review by", lambda r: r.review_date),
        Column("start_year", "From (year)", lambda r: r.start_year, listed=False),
        Column("end_year", "To (year)", lambda r: r.end_year, listed=False),
        Column("summary", "Summary", lambda r: r.summary, listed=False),
        Column("priorities", "Priorities", lambda r: r.priorities, listed=False),
        Column("documents", "Documents", lambda r: " ".join(r.document_links), listed=False),
        Column("drafted_on", "Drafting from", lambda r: r.drafted_on, listed=False),
        Column("approved_on", "Approved on", lambda r: r.approved_on, listed=False),
        Column("published_on", "Published on", lambda r: r.published_on, listed=False),
        PUBLIC,
    ),
    date_field="review_date",
    search_fields=("title", "summary", "priorities"),
    sorts={
        "newest": ("Newest period first", ("-start_year", "title", "id")),
        "review": ("Review soonest", ("review_date", "id")),
        "title": ("Title", ("title", "id")),
    },
    choices=(Choice("status", "Status", "status", list(StrategyStatus.choices)),),
    imported=(
        "title",
        "body",
        "start_year",
        "end_year",
        "summary",
        "priorities",
        "documents",
        "drafted_on",
        "review_date",
        "is_public",
    ),
    summary="The partnership's strategies: their period, status steps, priorities and indicators.",
)


def _mean(value: Any) -> str:
    return "" if value is None else f"{float(value):.2f}"


SELF_ASSESSMENT = Kind(
    slug="self-assessment",
    title="Self-assessment",
    noun="self-assessment",
    model=SelfAssessment,
    form=review_forms.SelfAssessmentForm,
    columns=(
        Column("year", "Year", lambda r: r.year),
        BODY,
        Column("opened_on", "Opened on", lambda r: r.opened_on),
        Column("respondents", "Members who answered", lambda r: r.respondents),
        Column("overall", "Overall score (1–5)", lambda r: _mean(r.overall)),
        PUBLIC,
    ),
    date_field="opened_on",
    search_fields=("body__name",),
    sorts={
        "newest": ("Newest first", ("-year", "body__name", "id")),
        "body": ("Body", ("body__name", "-year", "id")),
    },
    imported=("body", "year", "opened_on", "is_public"),
    summary="Each body's yearly questionnaire on how well it works, scored and compared with "
    "last year.",
    extra_links=(("registers:questions", "Question bank"),),
    prepare=lambda qs: qs.with_scores(),
)

KINDS: dict[str, Kind] = {
    k.slug: k
    for k in (
        ADDED_VALUE,
        FUNDING,
        PUBLICITY,
        RISKS,
        PROTOCOLS,
        SHARING,
        RECOMMENDATIONS,
        STRATEGIES,
        SELF_ASSESSMENT,
        consultation_kind.CONSULTATIONS,
    )
}

__all__ = ["KINDS", "Choice", "Column", "Kind", "money", "shown"]
