"""What is searched: one :class:`Source` per kind of record, registered in :data:`SOURCES`.

A source says, for its model: what an entry holds (``entry``: title, text,
body, date, link; ``None`` for a record that is not to be found at all, such
as an unconfirmed import), how to load every record for a rebuild
(``everything``), and which records a viewer may see (``visible``: the
model's own ``visible_to(viewer)``, the rule its pages use, never a copy).
Adding a kind of record to search is one more ``Source`` at the bottom of
this module (docs/search.md: "A new source").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler
from django.urls import reverse
from django.utils import timezone

from concord.actions.models import Action, ActionUpdate
from concord.events.models import Event
from concord.imports.models import Document, DocumentStatus
from concord.lib.access import Viewer
from concord.meetings.models import AgendaItem, Decision, ItemVisibility, Meeting, Paper
from concord.performance.models import Indicator
from concord.registers.kinds import KINDS, Kind

# The most of a record's text that is indexed: the start of a very long document
# is what its snippet shows, and PostgreSQL refuses a tsvector over 1 MB.
MAX_TEXT_CHARS = 200_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Text as indexed: no control characters (they mark matches in snippets), cut short.

    >>> plain("a\\x02b\\tc\\nd")
    'a b\\tc\\nd'
    """
    return _CONTROL.sub(" ", text)[:limit]


@dataclass(frozen=True)
class Fields:
    """What a source gives an entry (``concord.search.models.SearchEntry``)."""

    title: str
    text: str
    url: str
    body_id: int | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Source:
    """One kind of searchable record."""

    kind: str
    label: str  # in the partnership's words, plural, for the type filter
    noun: str  # one of them, beside a result
    model: type[models.Model]
    entry: Callable[[Any], Fields | None]
    everything: Callable[[], models.QuerySet[Any]]
    visible: Callable[[Viewer], models.QuerySet[Any] | None]
    # Which entries of other kinds depend on this record's fields (refreshed with it).
    dependants: Callable[[Any], Iterable[models.Model]] = lambda record: ()


def _meeting_url(meeting_id: int, item_id: int | None = None) -> str:
    url = reverse("portal:meeting", args=[meeting_id])
    return f"{url}#item-{item_id}" if item_id else url


def meeting_entry(meeting: Meeting) -> Fields:
    return Fields(
        title=f"{meeting.body.name}, {meeting.date.day} {meeting.date:%B %Y}",
        text=plain(" ".join(filter(None, [meeting.venue, meeting.get_status_display()]))),
        url=_meeting_url(meeting.pk),
        body_id=meeting.body_id,
        date=meeting.date,
    )


def item_entry(item: AgendaItem) -> Fields:
    return Fields(
        title=plain(f"{item.number}. {item.title}", 300),
        text=plain(item.minute_text),
        url=_meeting_url(item.meeting_id, item.pk),
        body_id=item.meeting.body_id,
        date=item.meeting.date,
    )


def decision_entry(decision: Decision) -> Fields:
    item = decision.item
    return Fields(
        title=plain(f"{decision.get_kind_display()}: {item.number}. {item.title}", 300),
        text=plain(decision.text),
        url=_meeting_url(item.meeting_id, item.pk),
        body_id=item.meeting.body_id,
        date=item.meeting.date,
    )


def action_entry(action: Action) -> Fields:
    """The description and the progress notes: the action's page shows both."""
    notes = [update.note for update in action.updates.all()]
    return Fields(
        title=plain(action.description, 300),
        text=plain("\n".join([action.description, *notes])),
        url=reverse("actions:detail", args=[action.pk]),
        body_id=action.body_id,
        date=action.created_on,
    )


def document_entry(document: Document) -> Fields | None:
    """Only a confirmed import is found: a draft waiting for review never is."""
    if document.status != DocumentStatus.CONFIRMED:
        return None
    meeting = document.meeting
    return Fields(
        title=plain(document.filename, 300),
        text=plain(document.text),
        url=reverse("imports:review", args=[document.pk]),
        body_id=meeting.body_id if meeting else None,
        date=meeting.date if meeting else document.created_at.date(),
    )


def indicator_entry(indicator: Indicator) -> Fields:
    parts = [indicator.definition, indicator.theme, indicator.source, indicator.unit_label]
    return Fields(
        title=plain(f"{indicator.code} {indicator.title}", 300),
        text=plain("\n".join(filter(None, parts))),
        url=reverse("performance:indicator", args=[indicator.pk]),
        body_id=indicator.body_id,
    )


def event_entry(event: Event) -> Fields:
    """An event's title, venue and description; never who signed up."""
    return Fields(
        title=plain(event.title, 300),
        text=plain("\n".join(filter(None, [event.venue, event.description]))),
        url=reverse("events:detail", args=[event.slug]),
        body_id=event.body_id,
        date=timezone.localtime(event.starts_at).date(),
    )


def paper_entry(paper: Paper) -> Fields:
    """A paper's title and the text read from its file; of a paper on a restricted
    item, only the reason it is restricted, never its text."""
    item = paper.item
    if item.visibility == ItemVisibility.RESTRICTED:
        text = f"Restricted: {item.restriction_reason}"
    else:
        read = getattr(paper, "search_text", None)
        text = read.text if read is not None else ""
    return Fields(
        title=plain(paper.title, 300),
        text=plain(text),
        url=_meeting_url(item.meeting_id, item.pk),
        body_id=item.meeting.body_id,
        date=item.meeting.date,
    )


def register_entry(kind: Kind) -> Callable[[Any], Fields]:
    """A register entry: its name, the words its register's own filter searches, its page."""

    def entry(record: Any) -> Fields:
        words = [_field_text(record, name) for name in kind.search_fields]
        date = getattr(record, kind.date_field, None)
        return Fields(
            title=plain(str(record), 300),
            text=plain("\n".join(w for w in words if w)),
            url=reverse("registers:detail", args=[kind.slug, record.pk]),
            body_id=record.body_id,
            date=date if isinstance(date, dt.date) else None,
        )

    return entry


def _field_text(record: Any, path: str) -> str:
    """The text at ``path`` (``"title"``, ``"body__name"``) of a record."""
    value: Any = record
    for part in path.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return ""
    return str(value)


def _register_source(kind: Kind) -> Source:
    """Every register is searched the same way, and seen through its model's ``visible_to``."""
    model: Any = kind.model
    return Source(
        kind=kind.slug,  # SearchEntry.kind holds 20 characters: the slug, not a prefix
        noun=kind.noun[0].upper() + kind.noun[1:],
        label=f"Register: {kind.title_lower}",
        model=model,
        entry=register_entry(kind),
        everything=lambda: model._default_manager.select_related("body"),
        visible=lambda viewer: model._default_manager.visible_to(viewer),
    )


def _actions_visible(viewer: Viewer) -> models.QuerySet[Action] | None:
    """Actions are on the tracker, for signed-in partners only (the pages ask to sign in)."""
    return Action.objects.visible_to(viewer) if viewer.is_authenticated else None


def _meeting_dependants(meeting: Meeting) -> Iterable[models.Model]:
    """Items, decisions and documents carry their meeting's body and date."""
    yield from meeting.items.select_related("meeting")
    yield from Decision.objects.filter(item__meeting=meeting).select_related("item__meeting")
    yield from meeting.documents.filter(status=DocumentStatus.CONFIRMED).select_related("meeting")
    yield from Paper.objects.filter(item__meeting=meeting).select_related(
        "item__meeting", "search_text"
    )


def _item_dependants(item: AgendaItem) -> Iterable[models.Model]:
    """Decisions carry their item's number and title; papers follow its restriction."""
    yield from item.decisions.select_related("item__meeting")
    yield from item.papers.select_related("item__meeting", "search_text")


SOURCES: dict[str, Source] = {
    source.kind: source
    for source in [
        Source(
            kind="meeting",
            noun="Meeting",
            label="Meetings",
            model=Meeting,
            entry=meeting_entry,
            everything=lambda: Meeting.objects.select_related("body"),
            visible=lambda viewer: Meeting.objects.visible_to(viewer),
            dependants=_meeting_dependants,
        ),
        Source(
            kind="item",
            noun="Agenda item",
            label="Agenda items and minutes",
            model=AgendaItem,
            entry=item_entry,
            everything=lambda: AgendaItem.objects.select_related("meeting"),
            visible=lambda viewer: AgendaItem.objects.visible_to(viewer),
            dependants=_item_dependants,
        ),
        Source(
            kind="decision",
            noun="Decision",
            label="Decisions",
            model=Decision,
            entry=decision_entry,
            everything=lambda: Decision.objects.select_related("item__meeting"),
            visible=lambda viewer: Decision.objects.visible_to(viewer),
        ),
        Source(
            kind="action",
            noun="Action",
            label="Actions",
            model=Action,
            entry=action_entry,
            everything=lambda: Action.objects.prefetch_related("updates"),
            visible=_actions_visible,
        ),
        Source(
            kind="document",
            noun="Imported document",
            label="Imported documents",
            model=Document,
            entry=document_entry,
            everything=lambda: Document.objects.filter(
                status=DocumentStatus.CONFIRMED
            ).select_related("meeting"),
            visible=lambda viewer: Document.objects.visible_to(viewer).filter(
                status=DocumentStatus.CONFIRMED
            ),
        ),
        Source(
            kind="indicator",
            noun="Indicator",
            label="Indicators",
            model=Indicator,
            entry=indicator_entry,
            everything=lambda: Indicator.objects.all(),
            visible=lambda viewer: Indicator.objects.visible_to(viewer),
        ),
        Source(
            kind="event",
            noun="Event",
            label="Events",
            model=Event,
            entry=event_entry,
            everything=lambda: Event.objects.all(),
            visible=lambda viewer: Event.objects.visible_to(viewer),
        ),
        Source(
            kind="paper",
            noun="Meeting paper",
            label="Meeting papers",
            model=Paper,
            entry=paper_entry,
            everything=lambda: Paper.objects.select_related("item__meeting", "search_text"),
            visible=lambda viewer: Paper.objects.visible_to(viewer),
        ),
        *(_register_source(kind) for kind in KINDS.values()),
    ]
}


# Records that are not searched themselves but are part of another's entry: a save or
# delete of one refreshes those entries.
PARTS: dict[type[models.Model], Callable[[Any], Iterable[models.Model]]] = {
    ActionUpdate: lambda update: Action.objects.filter(pk=update.action_id),
}


class LookedUp(models.Exists):
    """``EXISTS``, looked up for each row on PostgreSQL too: ``OFFSET 0`` keeps its
    planner from turning it into a hash of every visible record, built on every
    search (a sequential read of all 100,000 imported documents to find ten)."""

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, Sequence[Any]]:
        sql, params = self.as_sql(compiler, connection, **extra)
        # "EXISTS(SELECT … LIMIT 1)" becomes "EXISTS(SELECT … LIMIT 1 OFFSET 0)".
        return f"{sql[:-1]} OFFSET 0)", params


def visible_kinds(viewer: Viewer, kinds: Iterable[str] = ()) -> dict[str, models.QuerySet[Any]]:
    """The kinds asked for (all when none) of which ``viewer`` may see something, each
    with its model's visible records (a kind of which the viewer may see nothing, such
    as imports for a visitor, is not there)."""
    wanted = set(kinds) or set(SOURCES)
    seen = {}
    for kind, source in SOURCES.items():
        records = source.visible(viewer) if kind in wanted else None
        if records is not None and not records.query.is_empty():
            seen[kind] = records
    return seen


def visible_entries(viewer: Viewer, kinds: Iterable[str] = ()) -> models.Q:
    """A filter on entries: of the given kinds (all when none), and only those whose
    record ``viewer`` may see, by each model's own ``visible_to`` (a kind of which the
    viewer may see nothing, such as imports for a visitor, is left out at once)."""
    return visible_among(visible_kinds(viewer, kinds))


def visible_among(seen: Mapping[str, models.QuerySet[Any]]) -> models.Q:
    """:func:`visible_entries` of kinds already looked up by :func:`visible_kinds`."""
    allowed = models.Q(pk__in=[])
    for kind, records in seen.items():
        # EXISTS, correlated: each match is looked up in its model's visible
        # records, rather than every visible record read for each search (an
        # IN list of 100,000 confirmed documents built before the first match).
        allowed |= models.Q(kind=kind) & models.Q(
            LookedUp(records.filter(pk=models.OuterRef("object_id")))
        )
    return allowed
