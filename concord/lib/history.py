"""Reading a record's change history (django-simple-history) for display."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

_KIND = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: str
    kind: str
    changes: list[Change]
    reason: str


def history_of(record: models.Model, limit: int = 50) -> list[HistoryEntry]:
    """The record's history, newest first: who changed what, when, from what to what."""
    history = record.history  # type: ignore[attr-defined]
    rows = list(history.select_related("history_user").order_by("-history_date")[: limit + 1])
    entries = []
    seen: dict[tuple[type, object], object] = {}  # one query per related record, not per change
    for index, row in enumerate(rows[:limit]):
        older = rows[index + 1] if index + 1 < len(rows) else None
        changes = []
        if older is not None and row.history_type == "~":
            delta = row.diff_against(older)
            for change in delta.changes:
                field = record._meta.get_field(change.field)
                changes.append(
                    Change(
                        str(getattr(field, "verbose_name", change.field)),
                        _show(_related(field, change.old, seen)),
                        _show(_related(field, change.new, seen)),
                    )
                )
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=row.history_user.get_username() if row.history_user else "system",
                kind=_KIND.get(row.history_type, row.history_type),
                changes=changes,
                reason=row.history_change_reason or "",
            )
        )
    return entries


def _related(field: Any, value: object, seen: dict[tuple[Any, object], object]) -> object:
    """Show a foreign key as the record it points to, not as its id."""
    if value is None or not getattr(field, "many_to_one", False):
        return value
    key = (field.related_model, value)
    if key not in seen:
        related = field.related_model._default_manager.filter(pk=value).first()
        seen[key] = related if related is not None else f"#{value} (deleted)"
    return seen[key]


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 200 else text[:197] + "…"
