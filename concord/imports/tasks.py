"""Background tasks of the importer (django-tasks; the database backend by default).

``concord worker`` runs them; see docs/import.md.
"""

from __future__ import annotations

import threading

from django_tasks import task


@task()
def process_document(document_id: int) -> str:
    """Extract a queued document and apply its record; returns the document's new status."""
    from concord.imports import services

    return str(services.process_document(document_id))


_inline: dict[str, object] = {}
_inline_lock = threading.Lock()


def ensure_inline_worker(interval: float = 1.0) -> threading.Thread | None:
    """Start a worker thread in this process, once, if ``CONCORD_INLINE_WORKER`` is on.

    For the demo and small single-process sites: uploads are processed by the
    web process itself, so no second command has to be started. The thread
    runs django-tasks-db's own worker loop (claiming rows in the database, so
    a separate ``concord worker`` may run beside it).
    """
    from django.conf import settings

    if not getattr(settings, "CONCORD_INLINE_WORKER", False):
        return None
    with _inline_lock:
        thread = _inline.get("thread")
        if isinstance(thread, threading.Thread) and thread.is_alive():
            return thread
        from django.utils.crypto import get_random_string
        from django_tasks_db.management.commands.db_worker import Worker

        worker = Worker(
            queue_names=["default"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"inline-{get_random_string(12)}",
            excluded_queue_names=[],
        )
        thread = threading.Thread(target=worker.run, name="concord-inline-worker", daemon=True)
        _inline.update(thread=thread, worker=worker)
        thread.start()
        return thread


def stop_inline_worker(timeout: float = 10.0) -> None:
    """Ask the inline worker to stop after its current task, and wait for it."""
    worker, thread = _inline.get("worker"), _inline.get("thread")
    if worker is not None:
        worker.running = False  # type: ignore[attr-defined]
    if isinstance(thread, threading.Thread):
        thread.join(timeout)
    _inline.clear()
