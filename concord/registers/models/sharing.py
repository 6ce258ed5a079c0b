"""Information sharing agreements: who shares what under which legal basis, signed by each party.

An agreement is complete only when every party has signed; until then it is
shown as incomplete, with how many have signed.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from concord.lib.locking import Versioned
from concord.people.models import Organisation
from concord.registers.models.base import EntryQuerySet, RegisterEntry
from concord.registers.models.protocols import SharingProtocol, check_signature


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_FORCE = "in_force", "In force"
    UNDER_REVIEW = "under_review", "Under review"
    ENDED = "ended", "Ended"


class AgreementQuerySet(EntryQuerySet):
    def with_signatures(self) -> AgreementQuerySet:
        """Each agreement annotated with ``party_count`` and ``signed_count`` (same query)."""
        # django-stubs types annotate() on a QuerySet[Any] as Any.
        return cast(
            AgreementQuerySet,
            self.annotate(
                party_count=models.Count("parties", distinct=True),
                signed_count=models.Count(
                    "parties", filter=models.Q(parties__signed_on__isnull=False), distinct=True
                ),
            ),
        )


class SharingAgreement(RegisterEntry):
    """An agreement under the partnership's information sharing protocol."""

    title = models.CharField(max_length=200)
    protocol = models.ForeignKey(
        SharingProtocol,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
        help_text="The version of the information sharing protocol it is made under.",
    )
    purpose = models.TextField()
    legal_basis = models.TextField(help_text="The law, power or condition the sharing relies on.")
    data_categories = models.TextField(
        "data shared", help_text="The kinds of information shared, one per line."
    )
    drafted_on = models.DateField(
        "drawn up on", default=dt.date.today, help_text="No party can sign before this date."
    )
    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = "information sharing agreement"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.review_date and self.drafted_on and self.review_date < self.drafted_on:
            raise ValidationError(
                {"review_date": "The review date is before the agreement was drawn up."}
            )


def signatures(party_count: int, signed_count: int) -> str:
    """How far an agreement is signed, as its list and page say it.

    >>> signatures(3, 3), signatures(3, 1), signatures(0, 0)
    ('Signed by all 3 parties', 'Incomplete: 1 of 3 parties signed', 'Incomplete: no parties yet')
    """
    if party_count == 0:
        return "Incomplete: no parties yet"
    if signed_count == party_count:
        return f"Signed by all {party_count} parties"
    return f"Incomplete: {signed_count} of {party_count} parties signed"


class AgreementParty(Versioned):
    """An organisation party to an agreement, who signed for it and when."""

    agreement = models.ForeignKey(
        SharingAgreement, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sharing_agreements"
    )
    signatory = models.CharField(
        max_length=200, blank=True, help_text="Who signed, and their role."
    )
    signed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="one_party_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.agreement}"

    def clean(self) -> None:
        """A signature has a signatory, and cannot come before the agreement was drawn up."""
        agreement = getattr(self, "agreement", None)
        check_signature(
            self.signed_on,
            self.signatory,
            agreement.drafted_on if agreement is not None else None,
            signer="party",
            document="agreement",
        )
