"""What every register entry shares: the body it belongs to, whether the public may read it,
its lock version, and the one visibility rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Self

from django.core.validators import MinValueValidator
from django.db import models

from concord.governance.models import Body, Visibility
from concord.lib.access import Viewer
from concord.lib.locking import Versioned


def money_field(verbose_name: str, **kwargs: Any) -> models.DecimalField[Any, Any]:
    """An amount in pounds and pence, never negative (up to £9,999,999,999.99)."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        **kwargs,
    )


class EntryQuerySet(models.QuerySet[Any]):
    """The rule every register shares, as meetings do: the secretariat sees everything;
    members and editors of a body see its entries; everyone else (the public,
    partners outside the body) sees entries marked public of public bodies only, so a
    members-only body is never named through an entry."""

    def visible_to(self, viewer: Viewer) -> Self:
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(is_public=True, body__visibility=Visibility.PUBLIC)
            | models.Q(body__in=viewer.insider_body_ids)
        )

    def editable_by(self, viewer: Viewer) -> Self:
        """Entries the viewer may change: all for the secretariat, their bodies' for editors."""
        if viewer.is_secretariat:
            return self
        return self.filter(body__in=viewer.editor_body_ids)


class RegisterEntry(Versioned):
    """An entry of a register, owned by a body (its editors keep it)."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    is_public = models.BooleanField(
        "public",
        default=False,
        help_text="Anyone may read it, once its body is public; otherwise its body's members only.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
