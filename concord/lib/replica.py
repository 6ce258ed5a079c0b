"""Reading from a PostgreSQL replica where a little lag does no harm.

With ``DATABASE_REPLICA_URL`` set, the settings add a ``replica`` database and
:class:`ReplicaRouter` sends reads there, but **only inside**
:func:`reading_from_replica`. Everything else reads and writes the primary:
a replica lags, and a page rendered from it just after a change would be
stale, or be cached as current (the page cache's generation moves on the
primary's writes). So only work that is a snapshot by nature goes there: the
rows of signed-in exports (downloads are never kept in the page cache), read
after the viewer's permissions were read from the primary, so a permission
just taken away is never granted by a lagging copy. Writes always go to the
primary, inside the block too. Without a replica nothing changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def has_replica() -> bool:
    """Is a replica configured (``DATABASE_REPLICA_URL``)?"""
    return REPLICA in settings.DATABASES


@contextlib.contextmanager
def reading_from_replica() -> Iterator[None]:
    """Within the block, reads go to the replica (if there is one)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


class ReplicaRouter:
    """Reads inside :func:`reading_from_replica` from the replica; all else the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if _reading_from_replica.get() and has_replica():
            return REPLICA
        return None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == "default"  # the replica follows the primary by replication
