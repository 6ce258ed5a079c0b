"""The information sharing protocol: the partnership's own document, in versions, setting
out why and how its organisations share information, signed by each organisation. The
agreements for particular purposes are made under one version of it.

Its text is in named sections (purpose, scope, principles, legal basis, ...) that the
partnership writes itself; an empty section is left out of the printed protocol.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from concord.lib.locking import Versioned
from concord.people.models import Organisation
from concord.registers.models.base import EntryQuerySet, RegisterEntry


class ProtocolStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ADOPTED = "adopted", "Adopted"
    UNDER_REVIEW = "under_review", "Under review"
    SUPERSEDED = "superseded", "Superseded"


#: The protocol's sections, in the order it is printed: (field, heading).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("purpose", "Purpose"),
    ("scope", "Scope"),
    ("principles", "Principles of sharing"),
    ("legal_basis", "Legal basis"),
    ("security", "Security of information"),
    ("retention", "Retention and disposal"),
    ("individual_rights", "Rights of individuals"),
    ("breaches", "Breaches and complaints"),
    ("review_arrangements", "Monitoring and review"),
)


class ProtocolQuerySet(EntryQuerySet):
    def with_signatures(self) -> ProtocolQuerySet:
        """Each protocol annotated with ``party_count`` and ``signed_count`` (same query)."""
        annotated: ProtocolQuerySet = self.annotate(
            party_count=models.Count("signatories", distinct=True),
            signed_count=models.Count(
                "signatories",
                filter=models.Q(signatories__signed_on__isnull=False),
                distinct=True,
            ),
        )
        return annotated


def _section(verbose_name: str, help_text: str) -> models.TextField[str, str]:
    return models.TextField(verbose_name, blank=True, help_text=help_text)


class SharingProtocol(RegisterEntry):
    """One version of the partnership's information sharing protocol."""

    title = models.CharField(max_length=200)
    protocol_version = models.CharField(
        "version", max_length=20, help_text="As the protocol numbers it: 1.0, 2.1."
    )
    drafted_on = models.DateField(
        "drawn up on", default=dt.date.today, help_text="No organisation can sign before this date."
    )
    adopted_on = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ProtocolStatus.choices, default=ProtocolStatus.DRAFT
    )
    purpose = _section("purpose", "Why the partners share information.")
    scope = _section("scope", "Which organisations, services and information it covers.")
    principles = _section("principles of sharing", "The rules every partner follows.")
    legal_basis = _section("legal basis", "The laws, powers and conditions sharing relies on.")
    security = _section("security of information", "How shared information is kept safe.")
    retention = _section("retention and disposal", "How long it is kept and how it is destroyed.")
    individual_rights = _section(
        "rights of individuals", "Access requests, objections and how people are told."
    )
    breaches = _section("breaches and complaints", "What partners do when something goes wrong.")
    review_arrangements = _section("monitoring and review", "Who reviews the protocol, and when.")
    history = HistoricalRecords()

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        ordering = ["title", "-drafted_on", "id"]
        verbose_name = "information sharing protocol"
        constraints = [
            models.UniqueConstraint(
                fields=["title", "protocol_version"], name="one_protocol_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.protocol_version})"

    def sections(self) -> list[tuple[str, str]]:
        """The sections that have text, in order, as (heading, text)."""
        return [(heading, getattr(self, name)) for name, heading in SECTIONS if getattr(self, name)]

    def clean(self) -> None:
        problems = {}
        if self.adopted_on and self.drafted_on and self.adopted_on < self.drafted_on:
            problems["adopted_on"] = "The protocol cannot be adopted before it was drawn up."
        start = self.adopted_on or self.drafted_on
        if self.review_date and start and self.review_date < start:
            problems["review_date"] = "The review date is before the protocol was adopted."
        if self.status != ProtocolStatus.DRAFT and not self.adopted_on:
            problems["adopted_on"] = "Give the date the protocol was adopted."
        if problems:
            raise ValidationError(problems)


class ProtocolSignatory(Versioned):
    """An organisation signed up to a protocol version: who signed for it and when."""

    protocol = models.ForeignKey(
        SharingProtocol, on_delete=models.CASCADE, related_name="signatories"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sharing_protocols"
    )
    signatory = models.CharField(
        max_length=200, blank=True, help_text="Who signed, and their role."
    )
    signed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["protocol", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "organisation"], name="one_signatory_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.protocol}"

    def clean(self) -> None:
        """A signature has a signatory, and cannot come before the protocol was drawn up."""
        protocol = getattr(self, "protocol", None)
        check_signature(
            self.signed_on,
            self.signatory,
            protocol.drafted_on if protocol is not None else None,
            signer="organisation",
            document="protocol",
        )


def check_signature(
    signed_on: dt.date | None,
    signatory: str,
    drawn_up_on: dt.date | None,
    *,
    signer: str,
    document: str,
) -> None:
    """Refuse, on its fields, a signature with no signatory or dated before its
    ``document`` (a protocol, an agreement) was drawn up.

    >>> check_signature(dt.date(2024, 1, 5), "", dt.date(2024, 1, 1),
    ...                 signer="party", document="agreement")
    Traceback (most recent call last):
    ...
    django.core.exceptions.ValidationError: {'signatory': ['Say who signed for this party.']}
    """
    problems = {}
    if signed_on and not signatory:
        problems["signatory"] = f"Say who signed for this {signer}."
    if signed_on and drawn_up_on is not None and signed_on < drawn_up_on:
        problems["signed_on"] = (
            f"This {signer} cannot have signed before the {document} was drawn up "
            f"({drawn_up_on:%-d %b %Y})."
        )
    if problems:
        raise ValidationError(problems)
