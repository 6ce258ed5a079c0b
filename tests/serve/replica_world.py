"""Run as a program by ``test_replica.py``: a primary and a "replica" (a copy of the
primary's file that has diverged), and which one each page reads.

Real replication is not needed to see the routing: the copy is made, then the
primary and the copy are changed differently, so every row says where it was read.
Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path


def main(folder: Path) -> dict[str, object]:
    primary, replica = folder / "primary.sqlite3", folder / "replica.sqlite3"
    os.environ.update(
        CONCORD_TESTING="1",
        CONCORD_DATA=str(folder),
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URL=f"sqlite:///{replica}",
        DJANGO_SETTINGS_MODULE="concord.settings",
        CONCORD_PAGE_CACHE="0",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from concord.actions.models import Action
    from concord.lib.replica import reading_from_replica
    from tests.factories import make_action, make_body, make_secretariat_user

    call_command("migrate", interactive=False, verbosity=0)
    user = make_secretariat_user(username="sec")
    action = make_action(body=make_body(name="Replica Board"), description="Replicated row")
    connections.close_all()
    shutil.copy(primary, replica)  # the replica catches up...
    with sqlite3.connect(replica) as db:  # ...and now differs, to tell them apart
        db.execute("UPDATE actions_action SET description = 'Read from the replica'")
    make_action(body=action.body, description="Not yet on the replica")

    client = Client()
    client.force_login(user)
    csv_text = client.get("/actions.csv?status=all").content.decode()
    tracker = client.get("/actions/?status=all").content.decode()
    with reading_from_replica():
        Action.objects.filter(pk=action.pk).update(description="Written inside the block")
        read_in_block = list(Action.objects.values_list("description", flat=True))
    on_primary = list(Action.objects.order_by("pk").values_list("description", flat=True))
    return {
        "csv": csv_text,
        "tracker": tracker,
        "read_in_block": read_in_block,
        "on_primary": on_primary,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
