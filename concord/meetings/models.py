"""Meetings and what happens at them: attendance, agenda items, decisions, declarations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.locking import Versioned
from concord.people.models import Organisation, Person


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


# The agenda and papers go out this long before a meeting unless another date is set.
AGENDA_NOTICE = dt.timedelta(days=7)


def ahead(today: dt.date) -> models.Q:
    """Meetings still to come on ``today``: scheduled (not held, not cancelled), today or later."""
    return models.Q(status=MeetingStatus.SCHEDULED, date__gte=today)


def agenda_unpublished(today: dt.date) -> models.Q:
    """Meetings to come whose agenda is not out yet on ``today`` (see ``Meeting.agenda_out_on``)."""
    return ahead(today) & (
        models.Q(agenda_published_on__isnull=True, date__gt=today + AGENDA_NOTICE)
        | models.Q(agenda_published_on__gt=today)
    )


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, viewer: Viewer) -> MeetingQuerySet:
        """Meetings of the bodies this viewer may see (see also ``with_minutes_visible_to``)."""
        if viewer.is_secretariat:
            return self
        return self.filter(body__in=Body.objects.visible_to(viewer))

    def with_minutes_visible_to(
        self, viewer: Viewer, today: dt.date | None = None
    ) -> MeetingQuerySet:
        """Meetings whose minutes this viewer may read: approved, or drafts for insiders.

        What is prepared for a meeting to come stays with the secretariat and the
        body's editors until its agenda is published (``with_agenda_visible_to``).
        """
        qs = self.visible_to(viewer)
        if viewer.is_secretariat:
            return qs
        return qs.filter(
            models.Q(minutes_status=MinutesStatus.APPROVED)
            | models.Q(body__in=viewer.insider_body_ids)
        ).exclude(
            agenda_unpublished(today or timezone.localdate())
            & ~models.Q(body__in=viewer.editor_body_ids)
        )

    def with_agenda_visible_to(
        self, viewer: Viewer, today: dt.date | None = None
    ) -> MeetingQuerySet:
        """Meetings to come whose agenda and papers this viewer may see on ``today``.

        Before the publication date only the secretariat and the body's editors;
        from it, whoever may see the meeting.
        """
        qs = self.visible_to(viewer).filter(ahead(today or timezone.localdate()))
        if viewer.is_secretariat:
            return qs
        return qs.exclude(
            agenda_unpublished(today or timezone.localdate())
            & ~models.Q(body__in=viewer.editor_body_ids)
        )

    def approvable_at(self, at: Meeting) -> MeetingQuerySet:
        """Earlier meetings of the same body whose draft minutes ``at`` may approve,
        latest first; cancelled meetings have none."""
        return (
            self.filter(body_id=at.body_id, date__lt=at.date, minutes_status=MinutesStatus.DRAFT)
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("-date", "-pk")
        )


class Meeting(models.Model):
    """One meeting of a body, and the status of its minutes."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(db_index=True)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes_status = models.CharField(
        max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
        help_text="The later meeting at which these minutes were approved.",
    )
    approved_on = models.DateField(null=True, blank=True)
    agenda_published_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the agenda and papers go out; empty: a week before the meeting.",
    )
    notes = models.TextField(blank=True)
    # Optimistic lock: a save carrying an older version is refused (see concord.lib.locking).
    version = models.PositiveIntegerField(default=1)
    # The attendance form edits many rows at once; it is checked on this counter.
    attendance_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "body__name"]
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self) -> str:
        return f"{self.body} — {self.date:%d %B %Y}"

    @property
    def has_taken_place(self) -> bool:
        """Not cancelled and not in the future: minutes may be approved at it."""
        return self.status != MeetingStatus.CANCELLED and self.date <= dt.date.today()

    @property
    def is_draft(self) -> bool:
        return self.minutes_status == MinutesStatus.DRAFT

    @property
    def agenda_out_on(self) -> dt.date:
        """The agenda's publication date: the one set, or a week before the meeting.

        >>> Meeting(date=dt.date(2026, 3, 10)).agenda_out_on
        datetime.date(2026, 3, 3)
        """
        return self.agenda_published_on or self.date - AGENDA_NOTICE

    def is_ahead(self, today: dt.date | None = None) -> bool:
        """Still to come: scheduled, today or later (the rule of ``ahead``)."""
        return self.status == MeetingStatus.SCHEDULED and self.date >= (
            today or timezone.localdate()
        )

    def agenda_is_out(self, today: dt.date | None = None) -> bool:
        """Has the publication date come (the rule of ``agenda_unpublished``, without a query)?"""
        return self.agenda_out_on <= (today or timezone.localdate())

    def minutes_visible_to(self, viewer: Viewer) -> bool:
        """For a meeting already known to be visible: may the viewer read its minutes?

        The same rule as ``MeetingQuerySet.with_minutes_visible_to``, without a query.
        """
        if viewer.is_secretariat or self.body_id in viewer.editor_body_ids:
            return True
        if self.is_ahead() and not self.agenda_is_out():
            return False
        return (
            self.minutes_status == MinutesStatus.APPROVED or self.body_id in viewer.insider_body_ids
        )

    def agenda_visible_to(self, viewer: Viewer, today: dt.date | None = None) -> bool:
        """For a meeting already known to be visible and still to come: may the viewer
        see its agenda (``MeetingQuerySet.with_agenda_visible_to``, without a query)?"""
        return (
            viewer.is_secretariat
            or self.body_id in viewer.editor_body_ids
            or self.agenda_is_out(today)
        )


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    IN_ATTENDANCE = "in_attendance", "In attendance"
    ABSENT = "absent", "Absent"


class AttendanceRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"


class Attendance(models.Model):
    """Who was at a meeting, sent apologies, or stood in for a member.

    Guests who are not in the register are recorded by name only
    (``guest_name``) so that nothing typed at a meeting is lost.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    guest_name = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    status = models.CharField(
        max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.PRESENT
    )
    role = models.CharField(max_length=20, choices=AttendanceRole.choices, blank=True)
    deputising_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="deputised_by"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "status", "person__name", "guest_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_attendance_per_person_per_meeting"
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(guest_name=""),
                name="attendance_names_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def name(self) -> str:
        return self.person.display_name if self.person is not None else self.guest_name


class ItemVisibility(models.TextChoices):
    PUBLIC = "public", "Public"
    PARTNERS = "partners", "Partners"
    MEMBERS = "members", "Members of this body"
    RESTRICTED = "restricted", "Restricted"


def _item_allowed(viewer: Viewer) -> models.Q:
    """The items' own visibility rule (``AgendaItemQuerySet.visible_to``) as a condition."""
    allowed = models.Q(visibility=ItemVisibility.PUBLIC)
    if viewer.is_partner:
        allowed |= models.Q(visibility=ItemVisibility.PARTNERS)
    allowed |= models.Q(
        visibility=ItemVisibility.MEMBERS, meeting__body__in=viewer.insider_body_ids
    )
    allowed |= models.Q(
        visibility=ItemVisibility.RESTRICTED,
        meeting__body__in=viewer.restricted_body_ids,
    )
    return allowed


class AgendaItemQuerySet(models.QuerySet["AgendaItem"]):
    def visible_to(self, viewer: Viewer) -> AgendaItemQuerySet:
        """Items whose minutes and visibility this viewer may see.

        public: everyone who may read the minutes; partners: any signed-in
        partner; members: anyone with a seat on the body (and its editors);
        restricted: voting members (chair, vice-chair, member) and editors.
        The secretariat sees everything.
        """
        qs = self.filter(meeting__in=Meeting.objects.with_minutes_visible_to(viewer))
        if viewer.is_secretariat:
            return qs
        return qs.filter(_item_allowed(viewer))

    def on_agenda_visible_to(
        self, viewer: Viewer, today: dt.date | None = None
    ) -> AgendaItemQuerySet:
        """Items this viewer may see as part of an agenda: those of minutes they may
        read (``visible_to``), and those of a meeting to come whose agenda is out to
        them (``MeetingQuerySet.with_agenda_visible_to``), by the same visibility rule.

        It is the title and papers that go out with an agenda, never minute text or
        decisions: those follow ``visible_to``.
        """
        meetings = models.Q(
            meeting__in=Meeting.objects.with_minutes_visible_to(viewer, today)
        ) | models.Q(meeting__in=Meeting.objects.with_agenda_visible_to(viewer, today))
        if viewer.is_secretariat:
            return self.filter(meetings)
        return self.filter(meetings & _item_allowed(viewer))


class AgendaItem(Versioned):
    """A numbered item of a meeting, with its minute text and who may read it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=20)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="presented_items"
    )
    minute_text = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=20, choices=ItemVisibility.choices, default=ItemVisibility.PUBLIC
    )
    restriction_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why this item is not public, e.g. the exemption relied on.",
    )
    is_matters_arising = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility=ItemVisibility.PUBLIC)
                | ~models.Q(restriction_reason=""),
                name="non_public_item_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def shown_presenter(self) -> Person | None:
        """The presenter, if the viewer may know them (annotated by ``items_for``)."""
        return self.presenter if getattr(self, "presenter_shown", False) else None

    @property
    def is_public(self) -> bool:
        return self.visibility == ItemVisibility.PUBLIC


class PaperQuerySet(models.QuerySet["Paper"]):
    def visible_to(self, viewer: Viewer) -> PaperQuerySet:
        """Papers of items the viewer may read, in minutes or on a published agenda."""
        return self.filter(item__in=AgendaItem.objects.on_agenda_visible_to(viewer))


class Paper(models.Model):
    """A paper tabled at an item, kept as its original file."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="papers/%Y/")
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["item", "title"]

    def __str__(self) -> str:
        return self.title

    def sent_late_for(self, meeting: Meeting) -> bool:
        """Was the paper sent after the agenda's publication date (``meeting``: its item's)?"""
        return timezone.localdate(self.uploaded_at) > meeting.agenda_out_on


class DecisionKind(models.TextChoices):
    AGREED = "agreed", "Agreed"
    APPROVED = "approved", "Approved"
    NOTED = "noted", "Noted"
    RESOLVED = "resolved", "Resolved"


class DecisionQuerySet(models.QuerySet["Decision"]):
    def visible_to(self, viewer: Viewer) -> DecisionQuerySet:
        """Decisions on items whose minutes this viewer may read (``AgendaItem.visible_to``)."""
        return self.filter(item__in=AgendaItem.objects.visible_to(viewer))

    def for_register(
        self,
        *,
        body_slug: str = "",
        since: dt.date | None = None,
        until: dt.date | None = None,
        text: str = "",
    ) -> DecisionQuerySet:
        """The decisions register: filtered by body, meeting dates and words (each word
        in the decision or the item's title), newest meeting first, with what a row shows."""
        qs = self
        if body_slug:
            qs = qs.filter(item__meeting__body__slug=body_slug)
        if since:
            qs = qs.filter(item__meeting__date__gte=since)
        if until:
            qs = qs.filter(item__meeting__date__lte=until)
        for word in text.split()[:8]:
            qs = qs.filter(models.Q(text__icontains=word) | models.Q(item__title__icontains=word))
        return qs.select_related("item__meeting__body").order_by(
            "-item__meeting__date", "-item__meeting_id", "item__position", "id"
        )


class Decision(models.Model):
    """Something the meeting agreed, approved, noted or resolved on an item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(
        max_length=20, choices=DecisionKind.choices, default=DecisionKind.AGREED
    )
    text = models.TextField()
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Declaration(models.Model):
    """A declaration of interest made on an item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    interest = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "person__name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.interest}"

    @property
    def shown_name(self) -> str:
        """Who declared, if the viewer may know them (annotated by ``items_for``)."""
        return (
            self.person.display_name if getattr(self, "person_shown", False) else "Name not shown"
        )


class MinutesAmendment(models.Model):
    """A correction made to minutes after they were approved: who, when, what and why.

    Approved minutes are not edited silently: every change to them after
    approval asks for a reason and is listed with the minutes.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="amendments")
    what = models.CharField(max_length=200)
    reason = models.TextField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "made_at", "id"]

    def __str__(self) -> str:
        return f"{self.what}: {self.reason[:60]}"
