"""An uploaded file of figures waiting on its preview: nothing of it is written until confirmed.

The file itself is kept server-side through Django's storage API (never sent
back by the browser), with its SHA-256 and the fingerprint of the stored
figures it would change, so confirming writes exactly what was previewed or
refuses if the figures changed in between.
"""

from __future__ import annotations

import uuid
from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.performance.models.figures import ImportBatch


class FigureBasis(models.TextChoices):
    """Whether the figures of a cumulative indicator are for the period alone or year to date."""

    PERIOD = "period", "For the period alone"
    YEAR_TO_DATE = "ytd", "Year to date"


class StagedImportQuerySet(models.QuerySet["StagedImport"]):
    def visible_to(self, viewer: Viewer) -> Self:
        """Only the person who uploaded a file sees its preview (it is not yet anyone's figures)."""
        if viewer.user_id is None:
            return self.none()
        return self.filter(uploaded_by_id=viewer.user_id)

    def pending(self) -> Self:
        return self.filter(batch__isnull=True)


class StagedImport(models.Model):
    """One uploaded file of observations or of targets (``kind``), previewed and
    waiting to be confirmed.

    ``preview`` holds what the preview page shows (counts, how each column was
    read, a bounded sample of new, changed and unchanged rows), so the page
    reads one row whatever the size of the file. ``fingerprint`` is the
    SHA-256 of the stored figures the file would touch, as they were at the
    preview; ``batch`` is set once the import is confirmed.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(
        "what the file holds",
        max_length=20,
        choices=ImportBatch.Kind.choices,
        default=ImportBatch.Kind.OBSERVATIONS,
    )
    file = models.FileField(upload_to="staged-imports/%Y/")
    filename = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    basis = models.CharField(
        "figures of cumulative indicators are",
        max_length=6,
        choices=FigureBasis.choices,
        default=FigureBasis.PERIOD,
    )
    fingerprint = models.CharField(max_length=64, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The preview is a bounded sample recomputed from the file; history keeps who did what.
    history = HistoricalRecords(excluded_fields=["preview"])

    objects = StagedImportQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        what = "Targets" if self.kind == ImportBatch.Kind.TARGETS else "Figures"
        return f"{what} from {self.filename or 'a file'} awaiting confirmation"
