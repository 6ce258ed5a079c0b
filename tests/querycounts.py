"""Helpers for tests that count SQL queries.

A signed-in request reads the session, the user and the viewer; they are then
kept in the cache (concord/lib/sessions.py, concord/lib/access.py) until a
session is written, or, for the user and viewer, until anything is written. A
count taken on the first request, or on the first after adding data, would
include those reads once and so differ from the steady state the test means to
pin. :func:`warm_up` makes that request before counting.
"""

from __future__ import annotations

from typing import Any

from django.test import Client


def warm_up(client: Client, url: str = "/", **extra: Any) -> None:
    """Request ``url`` once so that what is kept between requests is kept.

    Call it before the first count, and again after writes (adding data) when
    the next count should see only the page's own queries. ``extra`` goes to
    ``client.get`` (headers such as ``HTTP_HX_REQUEST``).
    """
    response = client.get(url, **extra)
    assert response.status_code < 400, f"warm-up of {url}: {response.status_code}"
