"""Actions: who is to do what by when, and what happened to them across meetings."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.meetings.models import AgendaItem, Meeting
from concord.people.models import Person


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CARRIED_FORWARD = "carried_forward", "Carried forward"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OUTSTANDING = (ActionStatus.OPEN, ActionStatus.CARRIED_FORWARD)


class DuePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"


class ActionQuerySet(models.QuerySet["Action"]):
    def outstanding(self) -> ActionQuerySet:
        """Actions still to be done: open or carried forward."""
        return self.filter(status__in=OUTSTANDING)

    def overdue(self, today: dt.date | None = None) -> ActionQuerySet:
        """Outstanding actions whose due date has passed.

        A month-only due date ("Sept 08") is stored as the last day of that
        month, so it becomes overdue only once the month is over.
        """
        return self.outstanding().filter(due_date__lt=today or dt.date.today())

    def visible_to(self, viewer) -> ActionQuerySet:
        """Actions whose originating item the viewer may read (or, without an item, whose body)."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(item__in=AgendaItem.objects.visible_to(viewer))
            | models.Q(item__isnull=True, body__in=viewer.insider_body_ids)
        )


class Action(models.Model):
    """An action recorded at a meeting and chased until it is done or dropped.

    One record follows the action through its life: set at ``item``,
    reviewed as matters arising at later meetings (``updates``), closed at
    ``closed_at_item``. ``continues`` links an action that a later paper
    restated to the one it continues, so the lineage is never lost.
    """

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.TextField()
    due_date = models.DateField(null=True, blank=True, db_index=True)
    due_precision = models.CharField(
        max_length=10, choices=DuePrecision.choices, default=DuePrecision.DAY
    )
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    closed_at_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="closed_actions",
    )
    closed_on = models.DateField(null=True, blank=True)
    continues = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continued_by"
    )
    # The date the action was set: its meeting's date when it has an item (see save()).
    created_on = models.DateField(default=dt.date.today)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["body", "status", "due_date"]),
            # The tracker lists outstanding actions soonest due first. Most actions
            # are long closed, so walking the plain due-date index skips tens of
            # thousands of them; this one holds only the outstanding.
            models.Index(
                fields=["due_date", "id"],
                condition=models.Q(status__in=OUTSTANDING),
                name="action_outstanding_due",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def save(self, *args, **kwargs) -> None:
        # An action set at a meeting dates from that meeting, whoever creates it,
        # so that "set before this meeting" needs no join (matters arising).
        if self._state.adding and self.item is not None:
            self.created_on = self.item.meeting.date
        super().save(*args, **kwargs)

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING

    @property
    def is_overdue(self) -> bool:
        """Outstanding and past its due date (a month-only date: past the month's end)."""
        return bool(self.is_outstanding and self.due_date and self.due_date < dt.date.today())

    @property
    def due_display(self) -> str:
        if not self.due_date:
            return ""
        if self.due_precision == DuePrecision.MONTH:
            return self.due_date.strftime("%B %Y")
        return self.due_date.strftime("%-d %b %Y")


WITHHELD_OWNER = "Owner not shown"


class ActionOwnerQuerySet(models.QuerySet["ActionOwner"]):
    def shown_to(self, viewer) -> ActionOwnerQuerySet:  # concord.lib.access.Viewer
        """Owners annotated with ``shown``: may this viewer see who the owner is?

        A person owner is shown when the viewer may know the person
        (``Person.objects.visible_to``), a body owner when the viewer may see
        the body; "all members" is always shown. Two uncorrelated subqueries
        inside the same query: no extra round trip. Every rendering of owners
        reads the ``shown_*`` properties, which withhold an owner that was not
        annotated, so a forgotten annotation hides rather than leaks.
        """
        if viewer.is_secretariat:
            return self.annotate(shown=models.Value(True, output_field=models.BooleanField()))
        return self.annotate(
            shown=models.Case(
                models.When(all_members=True, then=True),
                models.When(person__in=Person.objects.visible_to(viewer).values("pk"), then=True),
                models.When(body__in=Body.objects.visible_to(viewer).values("pk"), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class ActionOwner(models.Model):
    """One owner of an action: a person, a whole body, or all members of the meeting's body."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="owners")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="action_ownerships"
    )
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="action_ownerships"
    )
    all_members = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = ActionOwnerQuerySet.as_manager()

    class Meta:
        ordering = ["action", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, body__isnull=True, all_members=False)
                    | models.Q(person__isnull=True, body__isnull=False, all_members=False)
                    | models.Q(person__isnull=True, body__isnull=True, all_members=True)
                ),
                name="action_owner_is_one_thing",
            ),
            models.UniqueConstraint(
                fields=["action", "person"],
                condition=models.Q(person__isnull=False),
                name="unique_person_owner",
            ),
        ]
        # Owners that are bodies or "all members" are few among many person owners.
        # Partial indexes find them without reading every owner (actions_owned_by);
        # SQLite will not use the plain index on the mostly-NULL body column.
        indexes = [
            models.Index(
                fields=["body"],
                condition=models.Q(body__isnull=False),
                name="actionowner_body_owners",
            ),
            models.Index(
                fields=["action"],
                condition=models.Q(all_members=True),
                name="actionowner_all_members",
            ),
        ]

    def __str__(self) -> str:
        if self.person is not None:
            return self.person.display_name
        if self.body is not None:
            return self.body.name
        return "All members"

    # What a page, export or API answer shows: the owner, or that one is withheld
    # (see ActionOwnerQuerySet.shown_to). Never ``str(owner)`` in a rendering.

    @property
    def is_shown(self) -> bool:
        return bool(getattr(self, "shown", False))

    @property
    def shown_kind(self) -> str:
        """person, body, all_members, or withheld."""
        if self.all_members:
            return "all_members"
        if not self.is_shown:
            return "withheld"
        return "person" if self.person_id else "body"

    @property
    def shown_name(self) -> str:
        return str(self) if self.all_members or self.is_shown else WITHHELD_OWNER

    @property
    def shown_person_id(self) -> int | None:
        return self.person_id if self.is_shown else None

    @property
    def shown_body_slug(self) -> str | None:
        return self.body.slug if self.is_shown and self.body is not None else None


class ActionUpdate(models.Model):
    """A dated progress note on an action, optionally given at a meeting."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=dt.date.today)
    note = models.TextField()
    status_after = models.CharField(max_length=20, choices=ActionStatus.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.note[:60]}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "Due in a week"
    OVERDUE = "overdue", "Overdue"


class ActionReminder(models.Model):
    """A reminder e-mail sent, so that each is sent once per owner per due date."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "person", "kind", "due_date"], name="one_reminder_per_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder to {self.person} ({self.sent_at:%d %b %Y})"
