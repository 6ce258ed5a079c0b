"""Workers that die lose nothing: claims, heartbeats, and taking back a dead worker's documents.

A worker claims a queued document with a conditional ``UPDATE`` (queued →
processing, ``claimed_by`` its id) and, while a guarded child reads it,
refreshes ``heartbeat_at``. A document is **stuck** when its worker is gone:
its id names this host and a process that no longer exists, or it has not
reported for ``CONCORD_WORKER_HEARTBEAT_TIMEOUT`` seconds (5 minutes by
default). :func:`reclaim` queues stuck documents again — on every
``concord worker`` start and then once per timeout while it runs — and its
conditional ``UPDATE`` lets one reclaimer win. A worker applies what it
read only while the document is still claimed by it (:func:`still_mine`,
under a row lock), so a document is processed exactly once even if a slow
worker comes back.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import get_random_string

from concord.imports.models import Document, DocumentStatus

log = logging.getLogger(__name__)

GONE_REASON = "its worker stopped while reading it"


def new_worker_id() -> str:
    """A worker id that says where the worker runs: ``host:pid:random`` (at most 64 characters)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"


def process_is_gone(worker_id: str) -> bool:
    """Whether ``worker_id`` names a process on this host that no longer exists.

    Ids from other hosts, or not in ``host:pid:…`` form, are never judged
    gone here (their heartbeat decides).

    >>> process_is_gone("elsewhere.example:1:abc"), process_is_gone("not-an-id")
    (False, False)
    """
    parts = worker_id.split(":")
    if len(parts) < 3 or parts[0] != socket.gethostname()[:40] or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, someone else's
    return False


def heartbeat_timeout() -> dt.timedelta:
    """How long a worker may stay silent before its document is taken back."""
    return dt.timedelta(seconds=int(settings.CONCORD_WORKER_HEARTBEAT_TIMEOUT))


def claim(document_id: int, worker_id: str) -> bool:
    """Mark a queued document as processing by ``worker_id``; False if someone else has it."""
    now = timezone.now()
    return bool(
        Document.objects.filter(pk=document_id, status=DocumentStatus.QUEUED).update(
            status=DocumentStatus.PROCESSING,
            claimed_by=worker_id,
            heartbeat_at=now,
            updated_at=now,
        )
    )


def beat(document_id: int, worker_id: str) -> None:
    """Say that ``worker_id`` is still reading this document."""
    Document.objects.filter(
        pk=document_id, status=DocumentStatus.PROCESSING, claimed_by=worker_id
    ).update(heartbeat_at=timezone.now())


def still_mine(document_id: int, worker_id: str) -> Document | None:
    """The document, row-locked, if ``worker_id`` still holds it (call inside a transaction)."""
    return (
        Document.objects.select_for_update()
        .filter(pk=document_id, status=DocumentStatus.PROCESSING, claimed_by=worker_id)
        .first()
    )


def is_stuck(document: Document, *, now: dt.datetime | None = None) -> bool:
    """Whether a processing document's worker is gone (dead process or silent too long)."""
    if document.status != DocumentStatus.PROCESSING:
        return False
    now = now or timezone.now()
    last = document.heartbeat_at or document.updated_at
    return last is None or last < now - heartbeat_timeout() or process_is_gone(document.claimed_by)


def reclaim(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again every document whose worker is gone; return their ids.

    Each is taken back with a conditional ``UPDATE`` on the claim it had,
    so two workers reclaiming at once queue it once; the dead worker's task
    row is marked failed and a new task is enqueued after commit.
    """
    from concord.imports.tasks import process_document

    now = now or timezone.now()
    reclaimed = []
    processing = Document.objects.filter(status=DocumentStatus.PROCESSING).only(
        "pk", "status", "claimed_by", "heartbeat_at", "updated_at"
    )
    for document in processing:
        if not is_stuck(document, now=now):
            continue
        with transaction.atomic():
            if not _release(document, DocumentStatus.QUEUED, f"{GONE_REASON}; queued again"):
                continue
            transaction.on_commit(partial(process_document.enqueue, document.pk))
        log.warning("Document %s: worker %s gone; queued again", document.pk, document.claimed_by)
        reclaimed.append(document.pk)
    return reclaimed


def release_if_stuck(document: Document) -> bool:
    """Mark a stuck document failed (its worker is gone), so that uploading it again retries it."""
    if not is_stuck(document):
        return False
    with transaction.atomic():
        released = _release(document, DocumentStatus.FAILED, GONE_REASON)
    if released:
        document.refresh_from_db()
    return released


def _release(document: Document, status: str, reason: str) -> bool:
    """Take a document back from its claim (conditional); fail the claim's task row."""
    same_claim = Q(heartbeat_at=document.heartbeat_at)
    if document.heartbeat_at is None:
        same_claim = Q(heartbeat_at__isnull=True)
    won = Document.objects.filter(
        same_claim, pk=document.pk, status=DocumentStatus.PROCESSING, claimed_by=document.claimed_by
    ).update(status=status, claimed_by="", heartbeat_at=None, failure_reason=reason)
    if not won:
        return False
    fresh = Document.objects.get(pk=document.pk)
    fresh._change_reason = f"worker {document.claimed_by or '(unknown)'} gone"  # type: ignore[attr-defined]
    fresh.save(update_fields=["updated_at"])
    _fail_task_rows(document.pk, document.claimed_by)
    return True


def _fail_task_rows(document_id: int, worker_id: str) -> None:
    """Mark the dead worker's running task for this document as failed (it will never finish)."""
    from django_tasks_db.models import DBTaskResult

    running = DBTaskResult.objects.filter(
        status="RUNNING", task_path="concord.imports.tasks.process_document"
    )
    for row in running.only("id", "args_kwargs", "worker_ids"):
        if list(row.args_kwargs.get("args", [])) != [document_id]:
            continue
        if worker_id and row.worker_ids and row.worker_ids[-1] != worker_id:
            continue
        DBTaskResult.objects.filter(pk=row.pk, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path="concord.imports.worker.WorkerGone",
            traceback=f"worker {worker_id} stopped before finishing; the document was queued again",
        )
