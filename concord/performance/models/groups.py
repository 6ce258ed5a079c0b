"""Population groups: the dimensions figures are broken down by (sex, age band...), their groups.

An observation is for an area and, optionally, one group of one dimension
(``Observation.group``; none means all people). The secretariat keeps the
list in the admin; ``concord demo`` seeds the five the partnership reports
equality by: sex, age band, ethnic group, disability and deprivation
quintile.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from concord.lib.locking import Versioned


class Dimension(Versioned):
    """A way of dividing people into groups, such as sex or age band.

    ``reference_group``, when set, is the group the others are compared with
    (the gap is each group's distance from it); otherwise the gap is between
    the best and the worst group.
    """

    name = models.CharField(max_length=100, unique=True)
    code = models.SlugField(max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)
    reference_group = models.ForeignKey(
        "Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The group the others are compared with; leave empty to compare best with worst.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Group(Versioned):
    """One group of a dimension (``Female`` of ``Sex``); named in files as ``sex: female``."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=100)
    code = models.SlugField(max_length=40)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension__order", "dimension__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "name"], name="unique_group_name"),
            models.UniqueConstraint(fields=["dimension", "code"], name="unique_group_code"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension.name}: {self.name}"
