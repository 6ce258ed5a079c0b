"""Actions: who is to do what by when, and what happened to them across meetings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Body, Membership
from concord.lib.access import PUBLIC, Viewer
from concord.meetings.models import AgendaItem, Meeting
from concord.people.models import Organisation, Person

if TYPE_CHECKING:
    from concord.actions.filters import TrackerFilters


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CARRIED_FORWARD = "carried_forward", "Carried forward"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OUTSTANDING = (ActionStatus.OPEN, ActionStatus.CARRIED_FORWARD)


class DuePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"


# Up to this many people, an owner or organisation filter lists their ids in the
# query instead of nesting a subquery: PostgreSQL then sees how few they are and
# stops walking the due-date index early (measured: 24 ms down to 7 ms).
LISTED_PEOPLE = 1000


def _owned_by(people: models.QuerySet[Any, Any] | list[int]) -> models.QuerySet[Any, Any]:
    """Ids of actions owned by any of ``people`` (person ids, or a queryset of them)."""
    return ActionOwner.objects.filter(person_id__in=people).order_by().values("action_id")


def _listed(people: models.QuerySet[Any, Any]) -> models.QuerySet[Any, Any] | list[int]:
    """``people`` (a queryset of person ids) as a list if it is short, else as it is."""
    ids = list(people[: LISTED_PEOPLE + 1])
    return ids if len(ids) <= LISTED_PEOPLE else people


def _people_of(organisations: models.QuerySet[Organisation]) -> models.QuerySet[Any, Any]:
    """Ids of people who work for, or sit on a body for, any of ``organisations``."""
    return (
        Person.objects.filter(organisation__in=organisations)
        .order_by()
        .values_list("pk", flat=True)
        .union(
            Membership.objects.filter(organisation__in=organisations)
            .order_by()
            .values_list("person_id", flat=True)
        )
    )


def owners_prefetch(viewer: Viewer) -> models.Prefetch[Any]:
    """Prefetch an action's owners as ``viewer`` may see them (``ActionOwner.shown_*``)."""
    return models.Prefetch(
        "owners",
        queryset=(
            ActionOwner.objects.shown_to(viewer).select_related("person", "body").order_by("id")
        ),
    )


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

    def visible_to(self, viewer: Viewer) -> ActionQuerySet:
        """Actions whose originating item the viewer may read (or, without an item, whose body)."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(item__in=AgendaItem.objects.visible_to(viewer))
            | models.Q(item__isnull=True, body__in=viewer.insider_body_ids)
        )

    def with_display_relations(self, viewer: Viewer) -> ActionQuerySet:
        """Load what an action list shows (body, meeting, owners) in a fixed number of queries.

        Owners come annotated for ``viewer``: a body or person the viewer may not
        see is rendered as withheld, never by name. Where an action was closed is
        not shown in lists; the action's own page adds ``closed_at_item__meeting``.
        """
        return self.select_related("body", "item__meeting").prefetch_related(
            owners_prefetch(viewer)
        )

    def for_tracker(self, viewer: Viewer, filters: TrackerFilters) -> ActionQuerySet:
        """The actions the viewer may see, filtered for the tracker, soonest due first.

        Owner and organisation filters are subqueries of action ids rather than
        joins: no ``DISTINCT`` over the whole list, and no ``OR`` across joined
        tables, which made SQLite read every action (50 ms at 50,000 actions).
        """
        qs = self.visible_to(viewer)
        if filters.body:
            qs = qs.filter(body_id=filters.body)
        # Owners are looked for only among people the viewer may know: filtering by a
        # hidden person's id or name would tell which actions they own.
        known = Person.objects.visible_to(viewer)
        if filters.owner:
            owner = known.filter(pk=filters.owner).order_by().values_list("pk", flat=True)
            qs = qs.filter(pk__in=_owned_by(owner))
        if filters.owner_name:
            people = known.search(filters.owner_name).order_by().values_list("pk", flat=True)
            qs = qs.filter(pk__in=_owned_by(_listed(people)))
        if filters.organisation:
            organisation = Organisation.objects.filter(pk=filters.organisation)
            qs = qs.filter(pk__in=_owned_by(_listed(_people_of(organisation))))
        if filters.organisation_name:
            # A name search, not a drop-down: a national deployment has thousands.
            matching = Organisation.objects.search(filters.organisation_name).order_by()
            qs = qs.filter(pk__in=_owned_by(_listed(_people_of(matching))))
        if filters.status == "outstanding":
            qs = qs.filter(status__in=OUTSTANDING)
        elif filters.status != "all":
            qs = qs.filter(status=filters.status)
        if filters.overdue:
            qs = qs.overdue(filters.today)
        return qs.with_display_relations(viewer).order_by("due_date", "id")

    def owned_by(self, person: Person, viewer: Viewer) -> ActionQuerySet:
        """Actions a person owns directly, or through a body they sit on, or as 'all members'."""
        body_ids = list(person.memberships.current().values_list("body_id", flat=True))
        # Three index look-ups joined by UNION rather than one OR: with the OR, both
        # SQLite and PostgreSQL read every owner row (62,000 at bench scale, 11 ms).
        owners = ActionOwner.objects.order_by()
        owned = (
            owners.filter(person=person)
            .values("action_id")
            .union(
                owners.filter(body_id__in=body_ids).values("action_id"),
                owners.filter(all_members=True, action__body_id__in=body_ids).values("action_id"),
            )
        )
        qs = self.visible_to(viewer).filter(pk__in=owned)
        return qs.with_display_relations(viewer).order_by("due_date", "id")

    def matters_arising(self, meeting: Meeting, viewer: Viewer = PUBLIC) -> ActionQuerySet:
        """Actions the meeting should review: outstanding actions of its body set before
        it, and those already closed at this meeting, so the review also shows what got
        done. ``created_on`` is the date of the meeting that set an action (Action.save)."""
        # Two index look-ups rather than one OR: with the OR, SQLite's planner
        # scans every action of every body (measured: 90 ms at 50,000 actions).
        outstanding = (
            Action.objects.filter(
                body_id=meeting.body_id, status__in=OUTSTANDING, created_on__lt=meeting.date
            )
            .order_by()
            .values_list("pk", flat=True)
        )
        items_here = list(meeting.items.order_by().values_list("pk", flat=True))
        closed_here = (
            Action.objects.filter(closed_at_item_id__in=items_here)
            .order_by()
            .values_list("pk", flat=True)
        )
        qs = self.filter(pk__in=[*outstanding, *closed_here])
        return (
            qs.with_display_relations(viewer)
            .prefetch_related("updates")
            .order_by("created_on", "id")
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

    def save(self, *args: Any, **kwargs: Any) -> None:
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
    def shown_to(self, viewer: Viewer) -> ActionOwnerQuerySet:
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
        # Partial indexes find them without reading every owner (ActionQuerySet.owned_by);
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
    carry_forward_requested = models.BooleanField(
        default=False,
        help_text="An owner asks the secretariat to carry the action forward; "
        "its status is unchanged until the body decides.",
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
