"""Imported documents and the merges they propose (the Django side of ``concord.ingest``).

A :class:`Document` is one original file, content-addressed by SHA-256: the
bytes are kept under ``CONCORD_DOCUMENTS_DIR`` and the row keeps the text and
the record the extractor read from them, the extractor version, the import
status and the meeting it became. A :class:`MergeProposal` is a near match
between two people that only the secretariat may accept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.meetings.models import Meeting
from concord.people.models import Organisation, Person


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    REVIEW = "review", "Awaiting review"
    DUPLICATE = "duplicate", "Same meeting as another document"
    CONFIRMED = "confirmed", "Confirmed"
    FAILED = "failed", "Failed"


# Statuses whose document still waits for the worker.
PENDING = (DocumentStatus.QUEUED, DocumentStatus.PROCESSING)
# Read (or failed to be) and not confirmed: a draft that a person may correct or discard.
UNCONFIRMED = (DocumentStatus.REVIEW, DocumentStatus.FAILED, DocumentStatus.DUPLICATE)


class ImportBatch(models.Model):
    """Files received together: one web upload or one ``concord import`` run."""

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    source = models.CharField(max_length=20, default="upload")  # upload | command | demo
    body_hint = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.source}, {self.created_at:%d %b %Y %H:%M})"


class DocumentQuerySet(models.QuerySet["Document"]):
    def visible_to(self, viewer: Viewer) -> DocumentQuerySet:
        """Documents this viewer may open: only the secretariat's (the imports pages are
        theirs, and an original holds every item of its minutes, restricted ones too)."""
        return self if viewer.is_secretariat else self.none()

    def for_list(self) -> DocumentQuerySet:
        """Documents for the imports list: no text or record loaded, whether each has one.

        One query for any number of documents (``tests/imports/test_list_page.py``).
        """
        return (
            self.select_related("meeting__body")
            .defer("text", "record", "evidence")
            .annotate(
                has_record=models.ExpressionWrapper(
                    models.Q(record__isnull=False), output_field=models.BooleanField()
                )
            )
        )


class Document(models.Model):
    """An original minutes document, what was read from it and what it became."""

    sha256 = models.CharField(max_length=64, unique=True)
    filename = models.CharField(max_length=255, help_text="The name it was first received under.")
    size = models.PositiveBigIntegerField(default=0)
    extension = models.CharField(max_length=16, blank=True)
    # Relative to CONCORD_DOCUMENTS_DIR ("ab/cdef…"); empty when the file was
    # refused before being kept (over the size limit).
    stored_path = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    # The MeetingRecord the extractor returned (concord.imports.draft.record_from_dict reads it).
    record = models.JSONField(null=True, blank=True)
    # Where each field of the record came from in ``text``, and how sure the extractor is
    # (concord.ingest.evidence.locate_evidence): offsets into ``text``, in the record's shape.
    evidence = models.JSONField(null=True, blank=True)
    # The reviewer's draft (concord.imports.draft.Draft): the corrected record and the
    # register picks. Nothing of it is written to the register before confirmation.
    draft = models.JSONField(null=True, blank=True)
    # What confirmation created (concord.imports.applying.Created), so it can be undone.
    created = models.JSONField(default=dict, blank=True)
    # Optimistic lock for the review form (concord.lib.locking.save_versioned).
    version = models.PositiveIntegerField(default=1)
    extractor_version = models.CharField(max_length=20, blank=True)
    status = models.CharField(
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.QUEUED,
        db_index=True,
    )
    failure_reason = models.CharField(max_length=500, blank=True)
    # What was read but left out (items or actions over the limits), in words.
    warnings = models.JSONField(default=list, blank=True)
    # The worker reading it ("host:pid:random") and when it last said it was alive:
    # a document whose worker is gone is queued again (concord/imports/worker.py).
    claimed_by = models.CharField(max_length=80, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    body_hint = models.CharField(max_length=200, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    # True when this document created the meeting (and may therefore rewrite it).
    owns_meeting = models.BooleanField(default=False)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the record was corrected on review: re-extraction leaves it alone.
    corrected = models.BooleanField(default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["text", "evidence"])

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING

    @property
    def can_be_reviewed(self) -> bool:
        """Has a record that a person can correct (everything read, not yet confirmed)."""
        return self.record is not None and self.status in UNCONFIRMED

    @property
    def can_be_discarded(self) -> bool:
        """Not confirmed and not waiting for the worker: it can be thrown away whole."""
        return self.status in UNCONFIRMED


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted (merged)"
    REJECTED = "rejected", "Rejected (different people)"


class Proposal(models.Model):
    """What a merge proposal records, whatever it pairs: names, score, decision."""

    keep_name = models.CharField(max_length=250)
    other_name = models.CharField(max_length=250)
    score = models.FloatField()
    reason = models.CharField(max_length=200)
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"{self.other_name} → {self.keep_name} ({self.score:.0f})"


class MergeProposal(Proposal):
    """Two people who may be one: ``other`` would be merged into ``keep``.

    Proposed by the importer for near matches, never applied without the
    secretariat. A rejected pair stays on record so it is never proposed
    again; the names are kept because an accepted merge deletes ``other``.
    """

    keep = models.ForeignKey(
        Person, null=True, on_delete=models.SET_NULL, related_name="merge_proposals_kept"
    )
    other = models.ForeignKey(
        Person, null=True, on_delete=models.SET_NULL, related_name="merge_proposals_other"
    )
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta(Proposal.Meta):
        constraints = [
            models.UniqueConstraint(fields=["keep", "other"], name="one_proposal_per_pair"),
        ]


class OrganisationMergeProposal(Proposal):
    """Two organisations that may be one: ``other`` would be merged into ``keep``.

    The importer proposes it when it creates an organisation whose name is
    near one already in the register (``concord.people.matching.org_near_reason``).
    As for people, a rejected pair is kept so it is never proposed again, and
    the names are kept because an accepted merge deletes ``other``. When the
    kept organisation already had a short name, the merged name survives only
    here (``other_name``).
    """

    keep = models.ForeignKey(
        Organisation, null=True, on_delete=models.SET_NULL, related_name="merge_proposals_kept"
    )
    other = models.ForeignKey(
        Organisation, null=True, on_delete=models.SET_NULL, related_name="merge_proposals_other"
    )
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_proposals",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta(Proposal.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["keep", "other"], name="one_organisation_proposal_per_pair"
            ),
        ]
