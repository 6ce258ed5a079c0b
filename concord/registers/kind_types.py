"""What describes a register (:class:`Kind`): its columns, filters and sorts, and how a cell
reads. ``kinds.py`` holds the registers themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models

from concord.lib.access import Viewer


@dataclass(frozen=True)
class Column:
    """A column of the list and of the export: its key (the import's header), label and value."""

    key: str
    label: str
    value: Callable[[Any], object]
    listed: bool = True  # shown in the list page's table, not only exported


@dataclass(frozen=True)
class Choice:
    """A filter by one of a field's choices (``?status=awarded``)."""

    param: str
    label: str
    field: str
    choices: list[tuple[str, str]]


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str
    noun: str
    model: type[models.Model]
    form: type[forms.ModelForm[Any]]
    columns: tuple[Column, ...]
    date_field: str
    search_fields: tuple[str, ...]
    sorts: dict[str, tuple[str, tuple[str, ...]]]
    choices: tuple[Choice, ...] = ()
    related: tuple[str, ...] = ("body",)
    # Form fields an import reads (its columns are the keys; "partners" and "body" by name).
    imported: tuple[str, ...] = ()
    summary: str = ""
    extra_links: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # What a row needs besides ``related`` (annotations, prefetches), in a fixed number of queries.
    prepare: Callable[[Any], models.QuerySet[Any]] | None = None
    exported_prefetch: tuple[str, ...] = ()

    def queryset(self, viewer: Viewer) -> models.QuerySet[Any]:
        """The entries the viewer may see, with what a row of this register shows."""
        # Every register's manager is an EntryQuerySet's, which ``type[Model]`` does not say.
        visible: models.QuerySet[Any] = self.model._default_manager.visible_to(viewer)  # type: ignore[attr-defined]
        qs = visible.select_related(*self.related)
        return self.prepare(qs) if self.prepare else qs

    @property
    def title_lower(self) -> str:
        return self.title[0].lower() + self.title[1:]


def money(value: Decimal | None) -> str:
    """Pounds as the registers show them.

    >>> money(Decimal("1250.5")), money(None)
    ('£1,250.50', '')
    """
    return "" if value is None else f"£{value:,.2f}"


def shown(value: object) -> str:
    """A cell of a list or detail page as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, dt.date):
        return f"{value:%-d %b %Y}"
    return str(value)
