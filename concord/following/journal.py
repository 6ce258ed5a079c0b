"""The journal of what the public may see, and what each subject's followers hear of.

:func:`note_changes` (run by the scheduled task before the digests) notes
every published agenda of a meeting to come, approved minutes, decision and
published event that a visitor who is not signed in may see, once each (the
journal is started, with the past, by the first confirmed follow, so the past
is never mailed as news). :func:`notices_for` gives a subject's notices, always checked
again against what the public may see now (:func:`still_public`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from concord.events.models import Event, EventStatus
from concord.governance.models import Body
from concord.lib.access import PUBLIC
from concord.meetings.models import Decision, Meeting, MinutesStatus, agenda_unpublished
from concord.performance.models import Area
from concord.portal.models import Topic

from .models import BodyArea, Notice, NoticeKind

Subject = Body | Topic | Area


def public_agendas(today: dt.date) -> models.QuerySet[Meeting]:
    """Meetings to come whose agenda the public may see on ``today``."""
    return Meeting.objects.with_agenda_visible_to(PUBLIC, today)


def public_minutes(today: dt.date) -> models.QuerySet[Meeting]:
    """Meetings whose approved minutes the public may read."""
    return Meeting.objects.with_minutes_visible_to(PUBLIC, today).filter(
        minutes_status=MinutesStatus.APPROVED
    )


def public_decisions() -> models.QuerySet[Decision]:
    return Decision.objects.visible_to(PUBLIC)


def public_events() -> models.QuerySet[Event]:
    return Event.objects.visible_to(PUBLIC).filter(status=EventStatus.PUBLISHED)


def _public_ids(kind: str, today: dt.date) -> models.QuerySet:  # type: ignore[type-arg]
    source: models.QuerySet  # type: ignore[type-arg]
    if kind == NoticeKind.AGENDA:
        source = public_agendas(today)
    elif kind == NoticeKind.MINUTES:
        source = public_minutes(today)
    elif kind == NoticeKind.DECISION:
        source = public_decisions()
    else:
        source = public_events()
    return source.order_by().values_list("pk", flat=True)


def _new_notices(kind: str, today: dt.date, known: set[int]) -> list[Notice]:
    """Notices for the items of ``kind`` now public and not yet in the journal."""
    ids = set(_public_ids(kind, today)) - known
    if not ids:
        return []
    notices = []
    if kind in (NoticeKind.AGENDA, NoticeKind.MINUTES):
        for meeting in Meeting.objects.filter(pk__in=ids).select_related("body"):
            what = "Agenda" if kind == NoticeKind.AGENDA else "Minutes approved"
            notices.append(
                Notice(
                    kind=kind,
                    object_id=meeting.pk,
                    body_id=meeting.body_id,
                    title=f"{what}: {meeting.body.name}, {meeting.date:%d %B %Y}"[:400],
                    link=reverse("portal:meeting", args=[meeting.pk]),
                    happened=meeting.date,
                )
            )
    elif kind == NoticeKind.DECISION:
        for decision in Decision.objects.filter(pk__in=ids).select_related("item__meeting__body"):
            meeting = decision.item.meeting
            notices.append(
                Notice(
                    kind=kind,
                    object_id=decision.pk,
                    body_id=meeting.body_id,
                    title=f"Decision of {meeting.body.name}, {meeting.date:%d %B %Y}: "
                    f"{decision.item.title}"[:400],
                    link=reverse("portal:meeting", args=[meeting.pk]) + f"#item-{decision.item_id}",
                    happened=meeting.date,
                )
            )
    else:
        for event in Event.objects.filter(pk__in=ids):
            notices.append(
                Notice(
                    kind=kind,
                    object_id=event.pk,
                    body_id=event.body_id,
                    title=f"Event: {event.title}, {timezone.localtime(event.starts_at):%d %B %Y}"[
                        :400
                    ],
                    link=reverse("events:detail", args=[event.slug]),
                    happened=timezone.localtime(event.starts_at).date(),
                )
            )
    return notices


def note_changes(today: dt.date | None = None) -> int:
    """Note every item the public may now see that the journal has not; returns how many.

    Idempotent: an item is noted once (a unique constraint on kind and id).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        added = 0
        for kind in NoticeKind.values:
            known = set(Notice.objects.filter(kind=kind).values_list("object_id", flat=True))
            notices = _new_notices(kind, today, known)
            Notice.objects.bulk_create(notices, ignore_conflicts=True)
            added += len(notices)
    return added


def subject_filter(subject: Subject) -> models.Q:
    """The notices a subject's followers hear of: a body's, a topic's decisions, and
    those of the bodies serving an area."""
    if isinstance(subject, Body):
        return models.Q(body_id=subject.pk)
    if isinstance(subject, Topic):
        decisions = Topic.decisions.through.objects.filter(topic_id=subject.pk)
        return models.Q(kind=NoticeKind.DECISION, object_id__in=decisions.values("decision_id"))
    bodies = BodyArea.objects.filter(area_id=subject.pk).values("body_id")
    return models.Q(body_id__in=bodies)


def still_public(notices: Iterable[Notice], today: dt.date | None = None) -> list[Notice]:
    """The notices whose item the public may still see (one query per kind present)."""
    today = today or timezone.localdate()
    notices = list(notices)
    shown: set[tuple[str, int]] = set()
    for kind in {n.kind for n in notices}:
        ids = [n.object_id for n in notices if n.kind == kind]
        visible: models.QuerySet  # type: ignore[type-arg]
        if kind == NoticeKind.AGENDA:
            # An agenda stays news once published, also after its meeting is held.
            visible = Meeting.objects.visible_to(PUBLIC).exclude(agenda_unpublished(today))
        elif kind == NoticeKind.MINUTES:
            visible = public_minutes(today)
        elif kind == NoticeKind.DECISION:
            visible = public_decisions()
        else:
            visible = public_events()
        found = visible.filter(pk__in=ids).values_list("pk", flat=True)
        shown.update((kind, pk) for pk in found)
    return [n for n in notices if (n.kind, n.object_id) in shown]


def notices_for(subject: Subject, *, after: int = 0, limit: int = 50) -> list[Notice]:
    """A subject's notices (newest first, after notice ``after``) the public may still see."""
    rows = Notice.objects.filter(subject_filter(subject), pk__gt=after).order_by("-pk")
    return still_public(rows[:limit])
