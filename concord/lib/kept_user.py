"""The signed-in user of a request, kept in the cache until anything is written.

Django reads the user's row on every signed-in request (after the session's).
Here the user is filed in the cache under the page cache's write generation
(:mod:`concord.lib.pagecache`), as each user's ``Viewer`` is: any write by any
process (a new password, an account made inactive, a changed group) makes it
obsolete, so the next request reads the row again. What Django checks is
still checked on every request, against the session read from the database:
the session must name this user and its backend, and the session's hash of
the password must match the kept user's. When it does not (a password changed
elsewhere, a session from before a new ``SECRET_KEY``), Django's own
``get_user`` decides (it flushes the session, or accepts an old key's hash).

Keys hold the user's id and the session's backend, so one user is never given
to another's session; with the page cache off nothing is kept.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from concord.lib.pagecache import request_generation


def _key(request: HttpRequest) -> str | None:
    """The cache key of the session's user, or None if the session names no user."""
    session = request.session
    try:
        user_id = session[auth.SESSION_KEY]
        backend_path = session[auth.BACKEND_SESSION_KEY]
    except KeyError:
        return None
    return f"concord-user:{backend_path}:{user_id}:{request_generation(request)}"


def _verified(request: HttpRequest, user: Any) -> bool:
    """Does the session's password hash match this user's (Django's own check)?"""
    session_hash = request.session.get(auth.HASH_SESSION_KEY)
    if not session_hash:
        return False
    return constant_time_compare(session_hash, user.get_session_auth_hash())


def kept_user(request: HttpRequest) -> Any:
    """The request's user (or ``AnonymousUser``), from the cache when it is there and valid."""
    if not settings.CONCORD_PAGE_CACHE:
        return auth.get_user(request)
    key = _key(request)
    if key is None:
        return auth.get_user(request)
    user = cache.get(key)
    if user is not None and _verified(request, user):
        return user
    user = auth.get_user(request)
    if user.is_authenticated:
        cache.set(key, user, settings.CONCORD_PAGE_CACHE_SECONDS)
    return user


def _user_of(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = kept_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class KeptUserAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's authentication middleware, with the user from :func:`kept_user`."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user_of(request))  # type: ignore[assignment]
