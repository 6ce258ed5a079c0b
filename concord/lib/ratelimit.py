"""A fixed-window rate limit kept in Django's cache (shared between processes on Redis).

Public forms that anyone may post (signing up to an event, following by
e-mail) are limited per e-mail address and per client address, so a script
cannot fill an event's places or an inbox. ``allow`` counts one attempt and
says whether it is within the limit.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def allow(scope: str, key: str, limit: int, per_seconds: int) -> bool:
    """Count an attempt for ``key`` in ``scope``; False once more than ``limit``
    attempts fall in the current ``per_seconds`` window. The key is hashed, so
    no address is kept in the cache in clear."""
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    name = f"ratelimit:{scope}:{digest}"
    if cache.add(name, 1, timeout=per_seconds):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr: a new window
        cache.add(name, 1, timeout=per_seconds)
        return True
    return count <= limit


def client_address(meta: dict[str, object]) -> str:
    """The client's address as the server saw it (behind a proxy, the proxy sets it)."""
    return str(meta.get("REMOTE_ADDR") or "unknown")
