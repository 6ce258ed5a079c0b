"""What needs the secretariat's attention, gathered in one place."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from concord.actions.models import Action
from concord.governance.models import Body, Membership, TermsOfReference
from concord.imports.models import Document, DocumentStatus
from concord.lib.access import Viewer
from concord.meetings.models import Meeting, MeetingStatus, MinutesStatus
from concord.meetings.services import Quorum, inquorate_meetings
from concord.performance.due import FigureDue, figures_due
from concord.registers.attention import RegistersAttention, registers_attention

LIST_LIMIT = 50
# The desk is the secretariat's alone (the view requires it): owners are shown in full.
SECRETARIAT = Viewer(is_secretariat=True)


@dataclass
class Attention:
    """Everything the 'needs attention' page lists; counts are of all, lists are capped."""

    draft_minutes: list[Meeting]
    draft_minutes_count: int
    overdue: list[Action]
    overdue_count: int
    # (body id, name, count), the bodies with most overdue actions first
    overdue_by_body: list[tuple[int, str, int]]
    no_owner: list[Action]
    no_owner_count: int
    no_date: list[Action]
    no_date_count: int
    ended_memberships: list[Membership]
    terms_due: list[Body]
    inquorate: list[tuple[Meeting, Quorum]]
    # Reviews due, risks above target, self-assessments and recommendations waiting.
    registers: RegistersAttention
    # Imports read and waiting for a person to review (or to settle a duplicate).
    imports_waiting: list[Document] = field(default_factory=list)
    imports_waiting_count: int = 0
    imports_by_body: list[tuple[str, int]] = field(default_factory=list)
    # Indicator figures due and missing (concord.performance.due), by body.
    figures_due: list[FigureDue] = field(default_factory=list)
    figures_due_count: int = 0
    figures_due_by_body: list[tuple[str, int]] = field(default_factory=list)


def needs_attention(
    today: dt.date | None = None,
    *,
    ended_within_days: int = 90,
    review_within_days: int = 30,
    inquorate_within_days: int = 365,
) -> Attention:
    """Gather the secretariat's to-do list (a fixed number of queries whatever the data size).

    - minutes of held meetings still in draft;
    - outstanding actions that are overdue, or have no owner, or no due date;
    - memberships that ended in the last ``ended_within_days`` (seats to fill);
    - bodies whose terms of reference are due for review within
      ``review_within_days`` (or have none);
    - held meetings in the last ``inquorate_within_days`` that were not quorate;
    - imported documents waiting for review, by body (the meeting's, else the body
      named when they were uploaded);
    - indicator figures due and missing, by body.
    """
    today = today or dt.date.today()
    drafts = (
        Meeting.objects.filter(
            status=MeetingStatus.HELD, minutes_status=MinutesStatus.DRAFT, date__lte=today
        )
        .select_related("body")
        .order_by("date")
    )
    outstanding = Action.objects.outstanding()
    overdue = outstanding.overdue(today)
    no_owner = outstanding.filter(owners__isnull=True)
    no_date = outstanding.filter(due_date__isnull=True)
    ended = (
        Membership.objects.filter(
            end__lt=today, end__gte=today - dt.timedelta(days=ended_within_days)
        )
        .select_related("person", "body", "organisation")
        .order_by("-end")
    )
    latest_review = Subquery(
        TermsOfReference.objects.filter(body=OuterRef("pk"))
        .order_by("-version")
        .values("review_date")[:1]
    )
    terms_due = (
        Body.objects.annotate(latest_version=Max("terms_of_reference__version"))
        .annotate(review_date=latest_review)
        .filter(
            Q(latest_version__isnull=True)
            | Q(review_date__lte=today + dt.timedelta(days=review_within_days))
        )
        .order_by("review_date", "name")
    )
    recent = Meeting.objects.filter(
        date__gte=today - dt.timedelta(days=inquorate_within_days), date__lte=today
    )
    waiting = Document.objects.filter(
        status__in=[DocumentStatus.REVIEW, DocumentStatus.DUPLICATE]
    ).annotate(
        body_name=Coalesce(
            "meeting__body__name", NullIf("body_hint", Value("")), Value("Body not known")
        )
    )
    due = figures_due(today)
    return Attention(
        draft_minutes=list(drafts[:LIST_LIMIT]),
        draft_minutes_count=drafts.count(),
        overdue=list(overdue.with_display_relations(SECRETARIAT).order_by("due_date")[:LIST_LIMIT]),
        overdue_count=overdue.count(),
        overdue_by_body=list(
            overdue.order_by()
            .values_list("body_id", "body__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "body__name")
        ),
        no_owner=list(no_owner.with_display_relations(SECRETARIAT)[:LIST_LIMIT]),
        no_owner_count=no_owner.count(),
        no_date=list(no_date.with_display_relations(SECRETARIAT)[:LIST_LIMIT]),
        no_date_count=no_date.count(),
        ended_memberships=list(ended[:LIST_LIMIT]),
        terms_due=list(terms_due),
        inquorate=inquorate_meetings(recent)[:LIST_LIMIT],
        imports_waiting=list(waiting.for_list().order_by("body_name", "created_at")[:LIST_LIMIT]),
        imports_waiting_count=waiting.count(),
        imports_by_body=list(
            waiting.order_by().values_list("body_name").annotate(n=Count("pk")).order_by("-n")
        ),
        figures_due=due[:LIST_LIMIT],
        figures_due_count=len(due),
        figures_due_by_body=Counter(d.body_name for d in due).most_common(),
        registers=registers_attention(today),
    )
