"""The partnership's registers: added value, funding, publicity and risks."""

from concord.registers.models.added_value import AddedValue, Category
from concord.registers.models.base import EntryQuerySet, RegisterEntry
from concord.registers.models.funding import BidStatus, FundingBid
from concord.registers.models.publicity import Publicity, PublicityKind
from concord.registers.models.risks import Risk, RiskStatus, risk_score
from concord.registers.models.sharing import (
    AgreementParty,
    AgreementStatus,
    SharingAgreement,
    signatures,
)

__all__ = [
    "AddedValue",
    "AgreementParty",
    "AgreementStatus",
    "BidStatus",
    "Category",
    "EntryQuerySet",
    "FundingBid",
    "Publicity",
    "PublicityKind",
    "RegisterEntry",
    "Risk",
    "RiskStatus",
    "SharingAgreement",
    "risk_score",
    "signatures",
]
