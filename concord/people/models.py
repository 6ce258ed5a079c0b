"""Organisations and people of the partnership (Popolo: Organization, Person)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.lib.locking import Versioned


class Sector(models.TextChoices):
    PUBLIC = "public", "Public"
    PRIVATE = "private", "Private"
    VOLUNTARY = "voluntary", "Voluntary & community"
    EDUCATION = "education", "Education"
    OTHER = "other", "Other"


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def search(self, term: str) -> OrganisationQuerySet:
        """Organisations whose name or short name contains ``term`` (any case)."""
        term = term.strip()
        if not term:
            return self
        return self.filter(models.Q(name__icontains=term) | models.Q(short_name__icontains=term))


class Organisation(Versioned):
    """A partner organisation: a council, police force, trust, college, employer, charity."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    sector = models.CharField(max_length=20, choices=Sector.choices, default=Sector.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    website = models.URLField(blank=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, viewer: Viewer) -> PersonQuerySet:
        """People this viewer may know about: members of bodies they may see, attendees of
        meetings whose minutes they may read, and themselves. The secretariat sees everyone.

        Anyone else (a guest named only in members-only minutes, say) is hidden: their
        page is a 404, exactly as if they did not exist.
        """
        if viewer.is_secretariat:
            return self
        # Imported here: governance and meetings import this module.
        from concord.governance.models import Body
        from concord.meetings.models import Meeting

        rule = models.Q(memberships__body__in=Body.objects.visible_to(viewer)) | models.Q(
            attendances__meeting__in=Meeting.objects.with_minutes_visible_to(viewer)
        )
        if viewer.person_id:
            rule |= models.Q(pk=viewer.person_id)
        # The rule joins to many rows per person; a subquery keeps each person once.
        return self.filter(pk__in=Person.objects.filter(rule).values("pk"))

    def search(self, term: str) -> PersonQuerySet:
        """People whose name or one of whose aliases contains ``term``."""
        term = term.strip()
        if not term:
            return self
        return self.filter(
            models.Q(name__icontains=term) | models.Q(aliases__name__icontains=term)
        ).distinct()


def known_to(viewer: Viewer, field: str) -> models.Expression:
    """An annotation: may ``viewer`` know the person in ``field`` (``Person.visible_to``)?

    One uncorrelated subquery inside the query it annotates. Renderings that
    name people who are not the page's subject (presenters, declarations)
    read it, so a person the viewer may not know is not named.
    """
    if viewer.is_secretariat:
        return models.Value(True, output_field=models.BooleanField())
    return models.Case(
        models.When(
            **{f"{field}__in": Person.objects.visible_to(viewer).values("pk")},
            then=models.Value(True),
        ),
        default=models.Value(False),
        output_field=models.BooleanField(),
    )


class Person(Versioned):
    """Someone who sits on, attends or is named by the partnership.

    The honorific (Cllr, Dr, Chief Supt…) is kept apart from the name so that
    "Cllr Ram Smith" and "Ram Smith" are one person. ``email`` and ``phone``
    are contact details: never shown to the public.
    """

    name = models.CharField(max_length=200)
    honorific = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="The organisation this person usually works for.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(Lower("name"), name="person_name_lower")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()


class PersonAlias(models.Model):
    """Another spelling under which a person appears in papers ("Shelia" for "Sheila")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_alias_per_person")
        ]

    def __str__(self) -> str:
        return self.name
