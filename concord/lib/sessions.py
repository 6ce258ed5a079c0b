"""Database sessions read through the cache until any session is written.

Django's database engine reads the session's row on every request. This
engine (the default without Redis; with Redis, sessions live in the cache
itself) keeps each row in the cache under a **sessions generation**: a counter
like the page cache's (:mod:`concord.lib.pagecache`), shared by every process,
bumped by any write to the sessions table (a sign-in, a sign-out, a changed
session, an expired one cleared) and again when that write commits. So a
session signed out in one worker is gone in every other on their next
request, and a copy in the cache is never newer or older than the table as
of its generation. Expiry is checked on every read, as the database engine
does; nothing is kept when the page cache is off.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache import cache
from django.utils import timezone

from concord.lib.pagecache import SESSIONS, current_generation


class SessionStore(DatabaseSessionStore):
    """Django's database session store, with each row kept under the sessions generation."""

    def _kept_key(self) -> str:
        # The session key is a secret: only its digest names the cache entry.
        digest = hashlib.sha256(str(self.session_key).encode()).hexdigest()
        return f"concord-session:{current_generation(SESSIONS)}:{digest}"

    def _get_session_from_db(self) -> Any:
        if not settings.CONCORD_PAGE_CACHE or not self.session_key:
            return super()._get_session_from_db()  # type: ignore[misc]
        key = self._kept_key()  # the generation first, then the row it keys
        kept = cache.get(key)
        if kept is not None:
            session_data, expire_date = kept
            if expire_date > timezone.now():
                return self.model(
                    session_key=self.session_key,
                    session_data=session_data,
                    expire_date=expire_date,
                )
            self._session_key = None  # as the database engine does for an expired session
            return None
        row = super()._get_session_from_db()  # type: ignore[misc]
        if row is not None:
            cache.set(key, (row.session_data, row.expire_date), settings.CONCORD_PAGE_CACHE_SECONDS)
        return row
