"""The partnership's registers: added value, funding, publicity, risks, information sharing,
recommendations, strategies, self-assessment and consultations; and the typed parts of the
annual report."""

from concord.registers.models.added_value import AddedValue, Category
from concord.registers.models.annual import AnnualReport, CaseStudy, year_label
from concord.registers.models.assessment import (
    AssessmentAnswer,
    AssessmentItem,
    AssessmentQuestion,
    Section,
    SelfAssessment,
)
from concord.registers.models.base import EntryQuerySet, RegisterEntry
from concord.registers.models.consultations import (
    CLOSING_SOON_DAYS,
    Audience,
    Consultation,
    ConsultationStatus,
)
from concord.registers.models.funding import BidStatus, FundingBid
from concord.registers.models.protocols import (
    ProtocolSignatory,
    ProtocolStatus,
    SharingProtocol,
)
from concord.registers.models.publicity import Publicity, PublicityKind
from concord.registers.models.recommendations import (
    Recommendation,
    RecommendationSource,
    RecommendationStatus,
    RecommendationUpdate,
)
from concord.registers.models.risks import Risk, RiskStatus, risk_score
from concord.registers.models.sharing import (
    AgreementParty,
    AgreementStatus,
    SharingAgreement,
    signatures,
)
from concord.registers.models.strategies import Strategy, StrategyFile, StrategyStatus

__all__ = [
    "AddedValue",
    "AgreementParty",
    "AgreementStatus",
    "AnnualReport",
    "AssessmentAnswer",
    "AssessmentItem",
    "AssessmentQuestion",
    "Audience",
    "BidStatus",
    "CLOSING_SOON_DAYS",
    "CaseStudy",
    "Category",
    "Consultation",
    "ConsultationStatus",
    "EntryQuerySet",
    "FundingBid",
    "ProtocolSignatory",
    "ProtocolStatus",
    "Publicity",
    "PublicityKind",
    "Recommendation",
    "RecommendationSource",
    "RecommendationStatus",
    "RecommendationUpdate",
    "RegisterEntry",
    "Risk",
    "RiskStatus",
    "Section",
    "SelfAssessment",
    "SharingAgreement",
    "SharingProtocol",
    "Strategy",
    "StrategyFile",
    "StrategyStatus",
    "risk_score",
    "signatures",
    "year_label",
]
