"""A register's list: which entries a page shows, read from its query parameters.

Filters (words, body, dates, a field's choices), a sort from the register's
own short list, and the page. A value that cannot be used is a problem named
to the reader (the page answers 400 and shows the unfiltered list), never a 500.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from concord.lib.access import Viewer
from concord.lib.params import query_date
from concord.registers.kinds import Kind


@dataclass
class ListQuery:
    """What a register's list is filtered and sorted by; every field optional."""

    words: str = ""
    body: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    choices: dict[str, str] = field(default_factory=dict)
    sort: str = ""
    problems: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, kind: Kind, params: Mapping[str, str]) -> ListQuery:
        """Read the filters; a value given but unusable adds a problem naming its field."""
        query = cls(sort=next(iter(kind.sorts)))
        query.words = " ".join(str(params.get("q", "")).replace("\x00", "").split())[:100]
        body = str(params.get("body", "")).strip()
        if body:
            if body.isdigit() and len(body) <= 15:
                query.body = int(body)
            else:
                query.problems.append(f"Body: “{body[:20]}” is not one of the bodies.")
        query.since = query_date(params, "from", "From", query.problems)
        query.until = query_date(params, "to", "To", query.problems)
        for choice in kind.choices:
            value = str(params.get(choice.param, "")).strip()
            if not value:
                continue
            if value in dict(choice.choices):
                query.choices[choice.field] = value
            else:
                query.problems.append(
                    f"{choice.label}: “{value[:20]}” is not one of "
                    + ", ".join(label for _, label in choice.choices)
                    + "."
                )
        sort = str(params.get("sort", "")).strip()
        if sort:
            if sort in kind.sorts:
                query.sort = sort
            else:
                query.problems.append(
                    f"Sort: “{sort[:20]}” is not a way this list sorts; choose "
                    + ", ".join(label for label, _ in kind.sorts.values())
                    + "."
                )
        return query

    def apply(self, kind: Kind, viewer: Viewer) -> models.QuerySet[Any]:
        """The entries the viewer may see, filtered and sorted, with what a row shows."""
        qs = kind.queryset(viewer)
        for word in self.words.split()[:8]:
            rule = models.Q()
            for name in kind.search_fields:
                rule |= models.Q(**{f"{name}__icontains": word})
            qs = qs.filter(rule)
        if self.body is not None:
            qs = qs.filter(body_id=self.body)
        if self.since:
            qs = qs.filter(**{f"{kind.date_field}__gte": self.since})
        if self.until:
            qs = qs.filter(**{f"{kind.date_field}__lte": self.until})
        if self.choices:
            qs = qs.filter(**self.choices)
        return qs.order_by(*ordering(kind.sorts[self.sort][1]))


def ordering(names: tuple[str, ...]) -> list[models.OrderBy]:
    """Sort keys with blanks last, the same on SQLite and PostgreSQL."""
    return [
        models.F(n[1:]).desc(nulls_last=True)
        if n.startswith("-")
        else models.F(n).asc(nulls_last=True)
        for n in names
    ]
