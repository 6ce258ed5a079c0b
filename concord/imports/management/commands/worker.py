"""``concord worker``: run background tasks (document imports) from the configured queue.

With the database queue (the default) it is django-tasks-db's ``db_worker``
(all its options apply, e.g. ``--batch`` to process what is queued and
stop), plus: on start, and then once per heartbeat timeout, documents whose
worker is gone are queued again (``concord.imports.worker``), so a killed
worker loses nothing. With ``REDIS_URL`` set the queue is on Redis and it runs
an RQ worker instead (``concord.lib.tasks_rq``), taking ``--queue-name``,
``--batch``, ``--max-tasks`` and ``--worker-id``; dead workers' documents are
then taken back when a worker starts, and RQ itself re-runs a dead worker's job.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.db import DatabaseError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from concord.imports import worker


class ReclaimingWorker(db_worker.Worker):
    """db_worker's loop, taking back dead workers' documents at start and once per timeout.

    The loop reads ``self.running`` before every round; that is the one hook
    it offers without copying it, so the reclaim runs from that read.
    """

    def __init__(self, **kwargs: Any) -> None:
        self._running = True
        self._next_reclaim = 0.0
        super().__init__(**kwargs)

    @property
    def running(self) -> bool:
        if self._running and time.monotonic() >= self._next_reclaim:
            self._next_reclaim = time.monotonic() + worker.heartbeat_timeout().total_seconds()
            try:
                for document_id in worker.reclaim():
                    db_worker.logger.warning("Document %s queued again (worker gone)", document_id)
            except DatabaseError:
                # A busy or briefly unreachable database: try again next round.
                db_worker.logger.exception("Could not look for documents of dead workers")
                self._next_reclaim = time.monotonic() + 30
        return self._running

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value


def _backend_name(value: str) -> str:
    """Any configured task backend (db_worker's own check accepts only the database one)."""
    from argparse import ArgumentTypeError

    from django_tasks import task_backends
    from django_tasks.exceptions import InvalidTaskBackendError as InvalidTaskBackend

    try:
        task_backends[value]
    except InvalidTaskBackend as exc:
        raise ArgumentTypeError(exc.args[0]) from exc
    return value


class Command(DbWorkerCommand):
    help = (
        "Run Concord's background tasks (reading uploaded documents, guarded) from the "
        "task queue: the database, or Redis when REDIS_URL is set. --batch processes what "
        "is queued, then stops. Start as many as you like, on as many machines. Documents "
        "whose worker died are queued again at start (and, on the database queue, after "
        "the heartbeat timeout)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # The id says where the worker runs (host:pid:…), so a later worker can tell it died.
        parser.set_defaults(worker_id=worker.new_worker_id())
        for action in parser._actions:
            if action.dest == "backend_name":
                action.type = _backend_name

    def handle(self, *args: Any, **options: Any) -> None:
        from concord.lib import tasks_rq

        if tasks_rq.uses_rq(options["backend_name"]):
            self.configure_logging(options["verbosity"])
            try:
                for document_id in worker.reclaim():
                    db_worker.logger.warning("Document %s queued again (worker gone)", document_id)
            except DatabaseError:
                # The queue is on Redis: a database not reachable (or not migrated)
                # yet must not stop the worker; the next worker start tries again.
                db_worker.logger.exception("Could not look for documents of dead workers")
            queues = tasks_rq.queue_names(options["backend_name"], options["queue_name"])
            tasks_rq.run_worker(
                queues,
                burst=options["batch"],
                max_jobs=options["max_tasks"],
                name=options["worker_id"] or "",
            )
            return
        # db_worker's handle builds its Worker by name; lend it ours for this run.
        original = db_worker.Worker
        db_worker.Worker = ReclaimingWorker  # type: ignore[misc]
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original  # type: ignore[misc]
