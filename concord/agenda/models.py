"""A body's work programme (forward plan): what is coming to its meetings, and from where.

Three kinds of entry: a **report** scheduled to a meeting (title, lead,
paper due date), a **standing item** that recurs on every agenda until it is
ended, and an item **carried** from an open action. The draft agenda of a
meeting is generated from it (``concord.agenda.drafting``); each agenda item
made from an entry remembers it (``AgendaPlacement``), so nothing is added twice.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.actions.models import Action
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.locking import Versioned
from concord.meetings.models import AgendaItem, ItemVisibility, Meeting
from concord.people.models import Organisation, Person


class EntryKind(models.TextChoices):
    REPORT = "report", "Report"
    STANDING = "standing", "Standing item"
    CARRIED = "carried", "Carried from an action"


class WorkProgrammeQuerySet(models.QuerySet["WorkProgrammeEntry"]):
    def visible_to(self, viewer: Viewer, today: dt.date | None = None) -> WorkProgrammeQuerySet:
        """Entries this viewer may see.

        The body's members and editors read its whole programme (restricted
        entries: voting members and editors, as for agenda items). Anyone else
        who may see the body sees only what has gone out: public (or, signed in,
        partners') entries that are standing items, or scheduled to a meeting
        whose agenda is published to them.
        """
        if viewer.is_secretariat:
            return self
        today = today or timezone.localdate()
        allowed = models.Q(visibility=ItemVisibility.PUBLIC)
        if viewer.is_partner:
            allowed |= models.Q(visibility=ItemVisibility.PARTNERS)
        out = models.Q(kind=EntryKind.STANDING) | models.Q(
            meeting__in=Meeting.objects.with_agenda_visible_to(viewer, today)
        )
        insiders = models.Q(body__in=viewer.insider_body_ids) & (
            ~models.Q(visibility=ItemVisibility.RESTRICTED)
            | models.Q(body__in=viewer.restricted_body_ids)
        )
        return self.filter(body__in=Body.objects.visible_to(viewer)).filter(
            insiders | (allowed & out)
        )

    def current(self, today: dt.date | None = None) -> WorkProgrammeQuerySet:
        """What is still to come: standing items not ended, and entries for meetings
        still ahead or not yet given a meeting."""
        today = today or timezone.localdate()
        standing = models.Q(kind=EntryKind.STANDING) & (
            models.Q(standing_until__isnull=True) | models.Q(standing_until__gte=today)
        )
        scheduled = ~models.Q(kind=EntryKind.STANDING) & (
            models.Q(meeting__isnull=True) | models.Q(meeting__date__gte=today)
        )
        return self.filter(standing | scheduled)

    def standing_at(self, meeting: Meeting) -> WorkProgrammeQuerySet:
        """Standing items of the meeting's body that run on its date."""
        return self.filter(
            models.Q(standing_from__isnull=True) | models.Q(standing_from__lte=meeting.date),
            models.Q(standing_until__isnull=True) | models.Q(standing_until__gte=meeting.date),
            body_id=meeting.body_id,
            kind=EntryKind.STANDING,
        )


class WorkProgrammeEntry(Versioned):
    """One line of a body's work programme."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="work_programme")
    kind = models.CharField(max_length=20, choices=EntryKind.choices, default=EntryKind.REPORT)
    title = models.CharField(max_length=300)
    lead_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmed",
        help_text="The meeting a report or carried item is for.",
    )
    paper_due = models.DateField(null=True, blank=True, help_text="When the paper is due.")
    standing_from = models.DateField(null=True, blank=True)
    standing_until = models.DateField(
        null=True, blank=True, help_text="A standing item recurs on every agenda until this date."
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="programmed"
    )
    visibility = models.CharField(
        max_length=20, choices=ItemVisibility.choices, default=ItemVisibility.PUBLIC
    )
    restriction_reason = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    objects = WorkProgrammeQuerySet.as_manager()

    class Meta:
        # No join in the default order: a version check locks the row (SELECT … FOR UPDATE).
        ordering = ["body", "kind", "title", "id"]
        verbose_name_plural = "work programme entries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility=ItemVisibility.PUBLIC)
                | ~models.Q(restriction_reason=""),
                name="non_public_entry_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_lead(self) -> str:
        """The lead as the viewer may know them (``lead_shown`` annotated by the page)."""
        names = []
        if self.lead_person_id and getattr(self, "lead_shown", False):
            names.append(self.lead_person.display_name)  # type: ignore[union-attr]
        if self.lead_organisation_id:
            names.append(self.lead_organisation.name)  # type: ignore[union-attr]
        return ", ".join(names)


class AgendaPlacement(models.Model):
    """A work programme entry placed on a meeting's agenda (once per meeting), and the item
    it became. Taking the item off the agenda keeps the placement (``item`` empty), so
    generating the agenda again does not bring back what the secretariat removed."""

    entry = models.ForeignKey(
        WorkProgrammeEntry, on_delete=models.CASCADE, related_name="placements"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="placement"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "meeting"], name="entry_placed_once")
        ]

    def __str__(self) -> str:
        return f"{self.entry} → {self.item}"
