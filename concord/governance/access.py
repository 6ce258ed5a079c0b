"""Who is looking, worked out from the register: the :class:`~concord.lib.access.Viewer`
of a user or of a request.

``concord.lib.access`` holds the ``Viewer`` itself and the rules that need no
database (``get_visible_or_404``, ``require_editor``); building one reads the
register (groups, the person, current memberships, edited bodies), so it lives
here, above ``people`` and ``governance`` models, and ``lib`` imports no app.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from concord.governance.models import VOTING_ROLES, Membership
from concord.lib.access import PUBLIC, SECRETARIAT_GROUP, Viewer
from concord.lib.pagecache import current_generation, request_generation
from concord.people.models import Person


def build_viewer(user: Any) -> Viewer:  # a User, AnonymousUser or None
    """Compute the viewer for a user (three small queries for a signed-in user)."""
    if user is None or not user.is_authenticated:
        return PUBLIC
    is_secretariat = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
    person_id = Person.objects.filter(user=user).values_list("pk", flat=True).first()
    member, voting = set(), set()
    if person_id:
        for body_id, role in (
            Membership.objects.current(dt.date.today())
            .filter(person_id=person_id)
            .values_list("body_id", "role")
        ):
            member.add(body_id)
            if role in VOTING_ROLES:
                voting.add(body_id)
    editors = frozenset(user.edited_bodies.values_list("pk", flat=True))
    return Viewer(
        user_id=user.pk,
        person_id=person_id,
        is_secretariat=is_secretariat,
        editor_body_ids=editors,
        member_body_ids=frozenset(member),
        voting_body_ids=frozenset(voting),
    )


def kept_viewer(user: Any, generation: int | None = None) -> Viewer:
    """The user's viewer from the cache, or built and kept there until anything is written.

    Filed under the page cache's write generation (any write by any process
    makes it obsolete: a new membership, group or editor shows on the next
    request) and today's date (memberships start and end on a day), so it is
    never staler than the register; with the page cache off it is built
    every time. ``generation``: the one the caller read (before anything it keys).
    """
    if user is None or not user.is_authenticated or not settings.CONCORD_PAGE_CACHE:
        return build_viewer(user)
    if generation is None:
        generation = current_generation()
    key = f"concord-viewer:{user.pk}:{generation}:{dt.date.today().isoformat()}"
    viewer: Viewer | None = cache.get(key)
    if viewer is None:
        viewer = build_viewer(user)
        cache.set(key, viewer, settings.CONCORD_PAGE_CACHE_SECONDS)
    return viewer


def viewer_for(request: HttpRequest) -> Viewer:
    """The viewer of this request, computed once and cached on it."""
    viewer: Viewer | None = getattr(request, "_concord_viewer", None)
    if viewer is None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            viewer = kept_viewer(user, request_generation(request))
        else:
            viewer = kept_viewer(user)
        request._concord_viewer = viewer  # type: ignore[attr-defined]
    return viewer
