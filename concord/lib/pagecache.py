"""Anonymous pages from the cache, invalidated by any write to the database.

Visitors who are not signed in see the same page for the same URL, so their
pages come from Django's cache (local memory, or Redis with ``REDIS_URL``).
Staleness is ruled out by a **generation**: a counter shared by every process
(a small file on one machine, a Redis key with ``REDIS_URL``) that is part of
every cache key and is bumped whenever anything is written to the database.
Writes are seen where they happen, at the SQL level (a database
*execute wrapper* on every connection, see :func:`install`), so saves,
deletes, many-to-many changes, ``QuerySet.update()``, ``bulk_create`` and raw
SQL all count, from the web, ``concord worker``, management commands and the
shell alike. The counter is bumped right after each write statement and again
after the transaction commits: a page rendered from the old data while the
transaction was open is filed under a generation that is already gone.

What is never cached or served from the cache:

* requests with a session or messages cookie (signed in, or about to see a
  message), anything but GET/HEAD, and paths in ``EXCLUDED_PREFIXES``;
* responses other than 200, streaming ones, ones that set a cookie, that
  used a CSRF token (the token belongs to one visitor's cookie), or that say
  ``Cache-Control: private/no-cache/no-store``.

The day is part of the key too, as pages say what is "upcoming" or
"overdue"; ``CONCORD_PAGE_CACHE_SECONDS`` bounds an entry's life in any case.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone

EXCLUDED_PREFIXES = ("/healthz", "/admin/", "/accounts/", "/static/")
# Tables whose writes never change what a page shows: sessions and the task
# queue's bookkeeping (a polling worker would otherwise empty the cache).
# Failed sign-ins (django-axes) change no page either: without this, every wrong
# password would empty the anonymous cache.
IGNORED_TABLES = ("django_session", "django_tasks_database_", "axes_access")
# A rolled-back savepoint undoes writes that this connection's own pages may
# have shown (tests run inside one), so it counts as a change too; so do
# schema changes (migrations).
WRITE_VERBS = (
    "INSERT", "UPDATE", "DELETE", "REPLACE", "ROLLBACK", "CREATE", "ALTER", "DROP", "TRUNCATE",
)  # fmt: skip
HEADER = "X-Concord-Cache"
_GENERATION_KEY = "pagecache:generation"
_WIDTH = 20


# -- the generation -----------------------------------------------------------


def _redis_client() -> Any:
    """The Redis client of the default cache (Django's own RedisCache)."""
    return caches["default"]._cache.get_client(write=True)  # type: ignore[attr-defined]


def _uses_redis() -> bool:
    return isinstance(caches["default"], RedisCache)


# Sessions have a counter of their own (sessions are written at every sign-in,
# which should not empty the page cache): concord/lib/sessions.py.
SESSIONS = "sessions"


def _generation_file(counter: str = "") -> Path:
    path = Path(settings.CONCORD_PAGE_CACHE_GENERATION_FILE)
    return path.with_name(f"{path.name}.{counter}") if counter else path


def _redis_key(counter: str = "") -> str:
    return cache.make_key(f"{_GENERATION_KEY}:{counter}" if counter else _GENERATION_KEY)


def current_generation(counter: str = "") -> int:
    """The generation that cached pages (or, with ``counter``, other things) are filed under."""
    if _uses_redis():
        value = _redis_client().get(_redis_key(counter))
        return int(value or 0)
    try:
        with open(_generation_file(counter), "rb") as handle:
            return int(handle.read(_WIDTH) or b"0")
    except (FileNotFoundError, ValueError):
        return 0


# Writes this thread has made (see :func:`request_generation`).
_writes = threading.local()


def _writes_here() -> int:
    return getattr(_writes, "count", 0)


def request_generation(request: HttpRequest) -> int:
    """The generation for this request: read once, and again only after it writes.

    Reading it once is safe because it is read before the data it keys (the
    user, the viewer, a fragment), so nothing older than it is filed under
    it; a write by this request itself (this thread) makes it read again, so
    a page rendered after its own write never comes from before it.
    """
    writes = _writes_here()
    memo: tuple[int, int] | None = getattr(request, "_concord_generation", None)
    if memo is not None and memo[1] == writes:
        return memo[0]
    generation = current_generation()
    request._concord_generation = (generation, writes)  # type: ignore[attr-defined]
    return generation


def bump_generation(counter: str = "") -> None:
    """Make every cached page (or what ``counter`` counts) obsolete, in all processes at once."""
    if _uses_redis():
        _redis_client().incr(_redis_key(counter))
        return
    path = _generation_file(counter)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        # An exclusive lock, so two processes bumping at once both count.
        fcntl.flock(fd, fcntl.LOCK_EX)
        value = int(os.pread(fd, _WIDTH, 0) or b"0") + 1
        # Fixed width, written in one call: a reader sees the old or new number.
        os.pwrite(fd, str(value).zfill(_WIDTH).encode(), 0)
    finally:
        os.close(fd)


# -- seeing writes ------------------------------------------------------------


def is_page_changing_write(sql: str) -> bool:
    """Does this SQL statement write something a page could show?

    >>> is_page_changing_write('UPDATE "meetings_meeting" SET "venue" = %s')
    True
    >>> is_page_changing_write('SELECT 1')
    False
    >>> is_page_changing_write('ROLLBACK TO SAVEPOINT "s1"')
    True
    >>> is_page_changing_write('UPDATE "django_session" SET "expire_date" = %s')
    False
    >>> is_page_changing_write('UPDATE "django_tasks_database_dbtaskresult" SET "status" = %s')
    False
    """
    head = sql.lstrip()[:120]
    if not head[:10].upper().startswith(WRITE_VERBS):
        return False
    return not any(table in head for table in IGNORED_TABLES)


def is_session_write(sql: str) -> bool:
    """Does this statement write sessions (or undo writes that may have)?

    >>> is_session_write('DELETE FROM "django_session" WHERE "session_key" = %s')
    True
    >>> is_session_write('ROLLBACK TO SAVEPOINT "s1"')
    True
    >>> is_session_write('UPDATE "meetings_meeting" SET "venue" = %s')
    False
    """
    head = sql.lstrip()[:120]
    if not head[:10].upper().startswith(WRITE_VERBS):
        return False
    return "django_session" in head or head[:8].upper() == "ROLLBACK"


def _after_session_commit() -> None:
    bump_generation(SESSIONS)


def _after_commit() -> None:
    _writes.count = _writes_here() + 1
    bump_generation()


def _note_write(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> Any:
    """Database execute wrapper: run the statement, then bump if it wrote."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and is_page_changing_write(sql):
        connection = context["connection"]
        _writes.count = _writes_here() + 1
        bump_generation()
        if connection.in_atomic_block and not any(
            entry[1] is _after_commit for entry in connection.run_on_commit
        ):
            transaction.on_commit(_after_commit, using=connection.alias)
    if isinstance(sql, str) and is_session_write(sql):
        connection = context["connection"]
        bump_generation(SESSIONS)
        if connection.in_atomic_block and not any(
            entry[1] is _after_session_commit for entry in connection.run_on_commit
        ):
            transaction.on_commit(_after_session_commit, using=connection.alias)
    return result


def install(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` receiver: watch this connection's writes."""
    if _note_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(_note_write)


# -- the middleware -----------------------------------------------------------


def cacheable_request(request: HttpRequest) -> bool:
    """May this request be answered from (and fill) the anonymous cache?"""
    if not settings.CONCORD_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


def cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    """May this response be kept for other anonymous visitors?"""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


def cache_key(request: HttpRequest, generation: int) -> str:
    """The key of a page: generation, day, scheme, host, full path, HTMX or not."""
    parts = [
        str(generation),
        timezone.localdate().isoformat(),
        dt.date.today().isoformat(),  # pages that use the server clock's day
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{digest}"


def signed_in_fragment(request: HttpRequest, name: str) -> dict[str, object]:
    """Where a signed-in page may keep a rendered part: ``{"seconds", "key"}``.

    For Django's ``{% cache fragment.seconds "<name>" fragment.key %}``: the
    key holds the generation (any write anywhere makes it obsolete, as for
    anonymous pages), the day ("overdue"), the user (each viewer sees only
    what they may see, so nothing is shared between users), the full path
    and HTMX or not. ``seconds`` is 0 when the page cache is off.
    """
    user = getattr(request, "user", None)
    user_id = str(user.pk if user is not None and user.is_authenticated else "")
    page = cache_key(request, request_generation(request))
    seconds = settings.CONCORD_PAGE_CACHE_SECONDS if settings.CONCORD_PAGE_CACHE else 0
    key = hashlib.sha256(f"{name}\n{user_id}\n{page}".encode()).hexdigest()
    return {"seconds": seconds, "key": key}


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs from the cache; keep the ones that may be shared."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request, current_generation())
        stored = cache.get(key)
        if stored is not None:
            headers, content = stored
            hit = HttpResponse(content, headers=headers)
            hit[HEADER] = "hit"
            return hit
        response = self.get_response(request)
        if isinstance(response, HttpResponse) and cacheable_response(request, response):
            headers = {k: v for k, v in response.items() if k != HEADER}
            cache.set(key, (headers, response.content), settings.CONCORD_PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response
