"""``concord worker``: run background tasks (document imports) from the database queue.

The same as django-tasks-db's ``db_worker`` (all its options apply, e.g.
``--batch`` to process what is queued and stop).
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = (
        "Run Concord's background tasks (processing uploaded documents) from the database "
        "queue. --batch processes what is queued, then stops."
    )
