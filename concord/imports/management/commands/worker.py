"""``concord worker``: run background tasks (document imports) from the configured queue.

With the database queue (the default) it is django-tasks-db's ``db_worker``
(all its options apply, e.g. ``--batch`` to process what is queued and
stop). With ``REDIS_URL`` set the queue is on Redis and it runs an RQ worker
instead (``concord.lib.tasks_rq``), taking ``--queue-name``, ``--batch``,
``--max-tasks`` and ``--worker-id``.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


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
        "Run Concord's background tasks (processing uploaded documents) from the task "
        "queue: the database, or Redis when REDIS_URL is set. --batch processes what is "
        "queued, then stops. Start as many as you like, on as many machines."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        for action in parser._actions:
            if action.dest == "backend_name":
                action.type = _backend_name

    def handle(self, *args: Any, **options: Any) -> None:
        from concord.lib import tasks_rq

        if tasks_rq.uses_rq(options["backend_name"]):
            self.configure_logging(options["verbosity"])
            queues = tasks_rq.queue_names(options["backend_name"], options["queue_name"])
            tasks_rq.run_worker(
                queues,
                burst=options["batch"],
                max_jobs=options["max_tasks"],
                name=options["worker_id"] or "",
            )
            return
        super().handle(*args, **options)
