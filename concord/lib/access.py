"""Who is looking: one place that decides what a request may see and change.

Every view builds a :class:`Viewer` once
(``concord.governance.access.viewer_for(request)``, which reads the register)
and hands it to the ``visible_to`` QuerySet methods of the models; object
lookups go through :func:`get_visible_or_404`, so a record the viewer may not
see is a 404, exactly as if it did not exist. This module imports no app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

SECRETARIAT_GROUP = "Secretariat"
M = TypeVar("M", bound=Model)


class OwnedByBody(Protocol):
    """A record that a body may own (an indicator: ``body_id`` is None when none does)."""

    @property
    def body_id(self) -> int | None: ...


@dataclass(frozen=True)
class Viewer:
    """What one user may see and do, computed once per request."""

    user_id: int | None = None
    person_id: int | None = None
    is_secretariat: bool = False
    editor_body_ids: frozenset[int] = field(default_factory=frozenset)
    member_body_ids: frozenset[int] = field(default_factory=frozenset)
    voting_body_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_partner(self) -> bool:
        """Any signed-in user: accounts are only given to people of the partnership."""
        return self.is_authenticated

    @property
    def insider_body_ids(self) -> frozenset[int]:
        """Bodies whose members-only pages and draft minutes this viewer may read."""
        return self.member_body_ids | self.editor_body_ids

    @property
    def restricted_body_ids(self) -> frozenset[int]:
        """Bodies whose restricted items this viewer may read (voting members, editors)."""
        return self.voting_body_ids | self.editor_body_ids

    @property
    def can_edit_any(self) -> bool:
        return self.is_secretariat or bool(self.editor_body_ids)

    def can_edit_body(self, body_id: int) -> bool:
        """May this viewer record meetings and actions of the body?"""
        return self.is_secretariat or body_id in self.editor_body_ids

    def can_edit_indicator(self, indicator: OwnedByBody) -> bool:
        """May this viewer change an indicator: its figures, targets and turn-the-curve reports?

        The secretariat, and editors of the body that owns it; an indicator no
        body owns only the secretariat.

        >>> editor = Viewer(user_id=1, editor_body_ids=frozenset({7}))
        >>> from types import SimpleNamespace as Indicator
        >>> editor.can_edit_indicator(Indicator(body_id=7))
        True
        >>> editor.can_edit_indicator(Indicator(body_id=None))
        False
        """
        return self.is_secretariat or (
            indicator.body_id is not None and indicator.body_id in self.editor_body_ids
        )


PUBLIC = Viewer()


def get_visible_or_404(queryset: QuerySet[M], viewer: Viewer, **lookup: Any) -> M:
    """Fetch one record the viewer may see, or raise 404.

    ``queryset`` must offer ``visible_to(viewer)``; a record that exists but
    is hidden from the viewer is indistinguishable from one that does not.
    """
    try:
        record: M = queryset.visible_to(viewer).get(**lookup)  # type: ignore[attr-defined]
        return record
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404("No such record.")


def require_editor(viewer: Viewer, body_id: int) -> None:
    """Refuse (403) a viewer who may see but not edit a body's records."""
    if not viewer.can_edit_body(body_id):
        raise PermissionDenied("You may not edit this body's records.")


def require_secretariat(viewer: Viewer) -> None:
    """Refuse (403) anyone but the secretariat."""
    if not viewer.is_secretariat:
        raise PermissionDenied("Only the secretariat may do this.")
