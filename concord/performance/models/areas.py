"""Where figures come from (data sets) and the places they are for (areas)."""

from __future__ import annotations

from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords


class DataSet(models.Model):
    """Where a group of indicators' figures come from; ``illustrative`` marks made-up data."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    illustrative = models.BooleanField(
        default=False, help_text="The figures are invented for demonstration, not real."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AreaLevel(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    WARD = "ward", "Ward"
    LSOA = "lsoa", "Lower super output area"


class CodeScheme(models.TextChoices):
    GSS = "gss", "ONS GSS code"
    LOCAL = "local", "Local code"


class Area(models.Model):
    """A place figures are reported for: nation, region, local authority, ward, LSOA.

    ``code`` is an ONS GSS code (``E08000026``; ``E05…`` for wards) with
    ``scheme`` ``gss``, or a local code (``scheme`` ``local``) for places
    without one. ``depth`` is the number of ancestors, kept on save, so that
    "wards under this region" is one join chain (see
    :func:`concord.performance.areas.descendants_filter`).
    """

    code = models.CharField(max_length=20, unique=True)
    scheme = models.CharField(max_length=10, choices=CodeScheme.choices, default=CodeScheme.GSS)
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=AreaLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "level"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.depth = 0 if self.parent is None else self.parent.depth + 1
        super().save(*args, **kwargs)
