"""Background tasks of the importer (django-tasks; the database backend by default).

``concord worker`` runs them; see docs/import.md. The web server only
enqueues: documents are never read in it.
"""

from __future__ import annotations

from django_tasks import TaskContext, task


@task(takes_context=True)
def process_document(context: TaskContext, document_id: int) -> str:
    """Read a queued document (guarded) and apply its record; returns its new status.

    The document is claimed under the id of the worker running the task, so
    a document whose worker dies is recognised and queued again
    (``concord.imports.worker``).
    """
    from concord.imports import services
    from concord.imports.worker import new_worker_id

    worker_ids = context.task_result.worker_ids
    worker_id = worker_ids[-1] if worker_ids else new_worker_id()
    return str(services.process_document(document_id, worker_id=worker_id))
