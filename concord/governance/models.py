"""The partnership's structure: bodies, their terms of reference and memberships."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.lib.locking import Versioned
from concord.people.models import Organisation, Person


class BodyKind(models.TextChoices):
    BOARD = "board", "Board"
    EXECUTIVE = "executive", "Executive"
    OPERATIONS_GROUP = "operations_group", "Operations group"
    THEME_GROUP = "theme_group", "Theme group"
    SUB_GROUP = "sub_group", "Sub-group"
    WORKING_GROUP = "working_group", "Working group"
    FORUM = "forum", "Forum"
    TASK_GROUP = "task_group", "Task group"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Members only"


class BodyQuerySet(models.QuerySet["Body"]):
    def visible_to(self, viewer: Viewer) -> BodyQuerySet:
        """Bodies this viewer may see: public ones, and members-only ones they belong to."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(visibility=Visibility.PUBLIC) | models.Q(pk__in=viewer.insider_body_ids)
        )

    def answering_to(self, body: Body) -> list[int]:
        """Ids of ``body`` and of the public bodies that report to it, directly or
        through others (theme groups to the board, sub-groups to a theme group).

        What a body oversees: its dashboard and performance reports cover their
        indicators too. Members-only bodies are left out, because a report is
        read by everyone who may see the body it is for. One query.
        """
        children: dict[int, list[tuple[int, str]]] = {}
        for pk, parent, visibility in self.values_list("pk", "reports_to_id", "visibility"):
            if parent is not None:
                children.setdefault(parent, []).append((pk, visibility))
        found, queue, seen = [body.pk], [body.pk], {body.pk}
        while queue:
            for pk, visibility in children.get(queue.pop(), []):
                if pk in seen:  # a loop in reports_to: each body once
                    continue
                seen.add(pk)
                queue.append(pk)
                if visibility == Visibility.PUBLIC:
                    found.append(pk)
        return found


class Body(Versioned):
    """A board, executive, theme group, sub-group, working group or forum."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind.choices, default=BodyKind.THEME_GROUP)
    reports_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reporting_bodies"
    )
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    description = models.TextField(blank=True)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_bodies",
        help_text="People who may record this body's meetings.",
    )
    history = HistoricalRecords(m2m_fields=[editors])

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "body"
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class TermsOfReference(models.Model):
    """One version of a body's terms of reference; the latest adopted one is in force."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="terms_of_reference")
    version = models.PositiveIntegerField()
    adopted_on = models.DateField()
    purpose = models.TextField()
    remit = models.TextField(blank=True)
    membership_rules = models.TextField(blank=True)
    quorum = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Members who must be present for the meeting to be quorate.",
    )
    review_date = models.DateField(null=True, blank=True)
    # ``version`` numbers the terms themselves; concurrent edits are checked on this one.
    edit_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    LOCK_FIELD = "edit_version"

    class Meta:
        ordering = ["body", "-version"]
        get_latest_by = "version"
        constraints = [
            models.UniqueConstraint(fields=["body", "version"], name="unique_tor_version")
        ]

    def __str__(self) -> str:
        return f"{self.body} terms of reference v{self.version}"


class Role(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    ADVISER = "adviser", "Adviser"
    OFFICER = "officer", "Officer"


# Roles that count towards a quorum and may see restricted items.
VOTING_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: dt.date | None = None) -> MembershipQuerySet:
        """Memberships in force on a date (today by default)."""
        on = on or dt.date.today()
        return self.filter(
            models.Q(start__isnull=True) | models.Q(start__lte=on),
            models.Q(end__isnull=True) | models.Q(end__gte=on),
        )


class Membership(Versioned):
    """A person's seat on a body, representing an organisation (Popolo: Membership)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text="The organisation this person represents on the body.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    brings = models.TextField("what they bring to the table", blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} of {self.body}"

    @property
    def is_voting(self) -> bool:
        return self.role in VOTING_ROLES


class Partnership(Versioned):
    """The partnership's identity, set by the secretariat: one row (``pk`` 1), or none.

    Empty fields fall back to the defaults of :mod:`concord.governance.identity`
    (the name from ``CONCORD_PARTNERSHIP_NAME``). The logo is stored re-encoded
    as PNG by the settings form, never as uploaded.
    """

    name = models.CharField(max_length=200, blank=True)
    place = models.CharField(
        max_length=200, blank=True, help_text="The place it serves, e.g. 'Harrowby'."
    )
    introduction = models.TextField(
        blank=True, help_text="What the partnership is, for the public home page."
    )
    logo = models.FileField(upload_to="partnership/", blank=True)
    header_colour = models.CharField(
        max_length=7, blank=True, help_text="The page header's colour, as #rrggbb."
    )
    accent_colour = models.CharField(
        max_length=7, blank=True, help_text="Headings and tables in documents, as #rrggbb."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "partnership identity"
        verbose_name_plural = "partnership identity"

    def __str__(self) -> str:
        return self.name or "The partnership"
