"""Keeping the index current: every save and delete of a source record updates its entry.

The handlers run on Django's ``post_save`` and ``post_delete`` signals, inside
the transaction of the change itself, so a record and its entry are written (or
rolled back) together. A record whose fields other entries carry (a meeting's
date and body, an item's title) refreshes those entries too; renaming a body
refreshes its meetings' titles. Writes that bypass ``save()`` (bulk creation in
the demo, ``QuerySet.update``) are caught up by :func:`rebuild`, which
``concord rebuild_search`` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from concord.governance.models import Body
from concord.search.models import SearchEntry
from concord.search.sources import PARTS, SOURCES, Fields, Source

UPDATED_FIELDS = ["body", "date", "title", "text", "url"]
BATCH = 500

_SOURCE_OF: dict[type[Model], Source] = {source.model: source for source in SOURCES.values()}


def _entry(source: Source, record: Any, fields: Fields) -> SearchEntry:
    return SearchEntry(
        kind=source.kind,
        object_id=record.pk,
        body_id=fields.body_id,
        date=fields.date,
        title=fields.title[:300] or "(untitled)",
        text=fields.text,
        url=fields.url,
    )


def _write(entries: list[SearchEntry]) -> None:
    """Insert or update entries by (kind, object id): one statement for the lot."""
    if entries:
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=UPDATED_FIELDS,
        )


def refresh(records: Iterable[Model]) -> None:
    """Bring the entries of these records (of any source models) up to date: written
    when the source finds them, removed when it does not (an unconfirmed import)."""
    entries: list[SearchEntry] = []
    for record in records:
        source = _SOURCE_OF[type(record)]
        fields = source.entry(record)
        if fields is None:
            remove(source.kind, record.pk)
        else:
            entries.append(_entry(source, record, fields))
    _write(entries)


def remove(kind: str, object_id: int) -> None:
    """Take a record out of the index."""
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading a fixture: related rows may not be there yet; rebuild afterwards
        return
    source = _SOURCE_OF[sender]
    refresh([instance, *source.dependants(instance)])


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    remove(_SOURCE_OF[sender].kind, instance.pk)


def _part_changed(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """A progress note is part of its action's entry."""
    if not raw:
        refresh(PARTS[sender](instance))


def _body_saved(sender: type[Body], instance: Body, raw: bool = False, **kwargs: Any) -> None:
    """A meeting's title names its body."""
    if not raw:
        refresh(SOURCES["meeting"].everything().filter(body=instance))


def connect_signals() -> None:
    """Connect the handlers (``SearchConfig.ready``)."""
    for model in _SOURCE_OF:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-del-{model.__name__}")
    for model in PARTS:
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            _part_changed, sender=model, dispatch_uid=f"search-del-{model.__name__}"
        )
    post_save.connect(_body_saved, sender=Body, dispatch_uid="search-save-Body")
    from concord.meetings.models import Paper
    from concord.search.papers import paper_saved

    post_save.connect(paper_saved, sender=Paper, dispatch_uid="search-read-Paper")


def rebuild(progress: Callable[[str, int, int], None] | None = None) -> int:
    """Empty the index and index every record again, in one transaction; returns the
    number of entries. ``progress(kind, done, total)`` is told after each batch."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for source in SOURCES.values():
            records = source.everything()
            total = records.count()
            batch: list[Model] = []
            done = 0
            for record in records.iterator(chunk_size=BATCH):
                batch.append(record)
                if len(batch) == BATCH:
                    done += _write_batch(source, batch)
                    batch = []
                    if progress:
                        progress(source.kind, done, total)
            done += _write_batch(source, batch)
            if progress:
                progress(source.kind, done, total)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    return SearchEntry.objects.count()


def _write_batch(source: Source, records: list[Model]) -> int:
    entries = []
    for record in records:
        fields = source.entry(record)
        if fields is not None:
            entries.append(_entry(source, record, fields))
    SearchEntry.objects.bulk_create(entries)
    return len(records)
