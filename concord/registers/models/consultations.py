"""The consultations register: public consultations run by any partner, who they ask
(audience) and where (area), when they open and close, and what came of them."""

from __future__ import annotations

import datetime as dt
from typing import Self

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Visibility
from concord.lib.access import Viewer
from concord.people.models import Organisation
from concord.performance.models import Area
from concord.registers.models.base import EntryQuerySet, RegisterEntry

# "Closing soon": open now and closing within this many days.
CLOSING_SOON_DAYS = 14


class Audience(models.TextChoices):
    """Who a consultation asks. ``EVERYONE`` overlaps every other audience."""

    EVERYONE = "everyone", "Everyone who lives or works here"
    RESIDENTS = "residents", "Residents"
    YOUNG_PEOPLE = "young_people", "Young people"
    OLDER_PEOPLE = "older_people", "Older people"
    FAMILIES = "families", "Parents and families"
    BUSINESSES = "businesses", "Businesses"
    VOLUNTARY = "voluntary", "Voluntary and community groups"
    VICTIMS = "victims", "Victims of crime"
    STAFF = "staff", "Partners' staff"


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


def overlapping_audiences(audience: str) -> list[str]:
    """The audiences a consultation aimed at ``audience`` reaches again.

    >>> overlapping_audiences("young_people")
    ['young_people', 'everyone']
    >>> len(overlapping_audiences("everyone")) == len(Audience.choices)
    True
    """
    if audience == Audience.EVERYONE:
        return list(Audience.values)
    return [audience, Audience.EVERYONE.value]


def related_areas(area: Area | None, max_depth: int) -> models.Q:
    """A filter on consultations whose area is ``area``, contains it or lies within it;
    a consultation without an area covers the whole place, so it always matches.

    Ancestors are walked up the ``parent`` chain (one query per level, a handful);
    descendants are a chain of ``parent`` joins per level, so no list of ids is sent.
    """
    q = models.Q(area__isnull=True)
    if area is None:
        return models.Q()  # the whole place meets every area
    q |= models.Q(area=area)
    ancestor = area
    while ancestor.parent_id is not None:
        ancestor = Area.objects.only("pk", "parent").get(pk=ancestor.parent_id)
        q |= models.Q(area=ancestor)
    for levels in range(1, max(0, max_depth - area.depth) + 1):
        q |= models.Q(**{"area__" + "parent__" * (levels - 1) + "parent": area.pk})
    return q


class ConsultationQuerySet(EntryQuerySet):
    def visible_to(self, viewer: Viewer) -> Self:
        """As every register, and a draft is seen only by its body's members and editors
        and the secretariat: never by the public, even if marked public."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(
                is_public=True,
                body__visibility=Visibility.PUBLIC,
                status=ConsultationStatus.PUBLISHED,
            )
            | models.Q(body__in=viewer.insider_body_ids)
        )

    def published(self) -> Self:
        return self.filter(status=ConsultationStatus.PUBLISHED)

    def open_on(self, day: dt.date) -> Self:
        """Published and taking answers on ``day``, closing soonest first."""
        return self.published().filter(opens__lte=day, closes__gte=day).order_by("closes", "title")

    def closing_soon(self, day: dt.date) -> Self:
        """Open on ``day`` and closing within :data:`CLOSING_SOON_DAYS`."""
        return self.open_on(day).filter(closes__lte=day + dt.timedelta(days=CLOSING_SOON_DAYS))

    def coming(self, day: dt.date) -> Self:
        """Published, opening after ``day``."""
        return self.published().filter(opens__gt=day).order_by("opens", "title")

    def overlapping(self, consultation: Consultation) -> Self:
        """Other consultations, not withdrawn, open at some time while ``consultation``
        is, aimed at an audience it reaches again, in its area, one containing it or
        one within it."""
        max_depth = Area.objects.aggregate(m=models.Max("depth"))["m"] or 0
        others = self.exclude(status=ConsultationStatus.WITHDRAWN).filter(
            opens__lte=consultation.closes,
            closes__gte=consultation.opens,
            audience__in=overlapping_audiences(consultation.audience),
        )
        if consultation.pk:
            others = others.exclude(pk=consultation.pk)
        return others.filter(related_areas(consultation.area, max_depth)).order_by("opens", "pk")


class Consultation(RegisterEntry):
    """A public consultation by a partner: who it asks, where, from when to when, the
    link to answer it, and, once closed, its outcome."""

    title = models.CharField(max_length=300)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The partner running it, if not the body itself.",
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave empty for the whole place.",
    )
    opens = models.DateField()
    closes = models.DateField()
    link = models.URLField(max_length=500, blank=True, help_text="Where people answer it.")
    description = models.TextField(blank=True)
    outcome = models.TextField(blank=True, help_text="What was heard and what changed.")
    status = models.CharField(
        max_length=20, choices=ConsultationStatus.choices, default=ConsultationStatus.DRAFT
    )
    history = HistoricalRecords()

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "-id"]
        indexes = [models.Index(fields=["status", "closes"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": "A consultation closes on or after it opens."})

    @property
    def owner(self) -> str:
        """Who runs it: the organisation, else the body."""
        return self.organisation.name if self.organisation_id else self.body.name  # type: ignore[union-attr]
