"""Which bodies serve which area (``BodyArea``), as the secretariat keeps it.

Following an area is following the bodies serving it. A pair has nothing to
edit, only to add or remove, so the house's version check is, for it: adding
a pair that exists (or that someone added a moment before) is an error on the
form's area field, never a second row or a 500; removing a pair someone else
has removed says so and changes nothing. Every addition and removal is in the
model's history (who, when), shown on the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from concord.governance.models import Body
from concord.performance.models import Area

from .models import BodyArea


@dataclass(frozen=True)
class ServedAreas:
    """A body with the areas it serves (its ``BodyArea`` rows, area loaded)."""

    body: Body
    pairs: list[BodyArea]


@dataclass(frozen=True)
class PairChange:
    """One addition or removal of a pair, for the page's list of changes."""

    when: dt.datetime
    who: str
    what: str  # "added" or "removed"
    body: str
    area: str


def served_areas(body: Body | None = None) -> list[ServedAreas]:
    """Every body serving an area (or only ``body``), by name, with its areas by name
    (one query)."""
    pairs = BodyArea.objects.select_related("body", "area").order_by("body__name", "area__name")
    if body is not None:
        pairs = pairs.filter(body=body)
    out: list[ServedAreas] = []
    for pair in pairs:
        if not out or out[-1].body.pk != pair.body_id:
            out.append(ServedAreas(pair.body, []))
        out[-1].pairs.append(pair)
    return out


class AlreadyServes(Exception):
    """The body already serves the area."""


def add_pair(body: Body, area: Area) -> BodyArea:
    """Record that ``body`` serves ``area``; :class:`AlreadyServes` if it does already
    (also when someone else added the same pair at the same moment)."""
    try:
        with transaction.atomic():
            return BodyArea.objects.create(body=body, area=area)
    except IntegrityError as exc:
        raise AlreadyServes(f"{body} already serves {area}.") from exc


def remove_pair(pair_id: int) -> BodyArea | None:
    """Remove a pair (its history keeps it); ``None`` when it was removed already."""
    pair = BodyArea.objects.select_related("body", "area").filter(pk=pair_id).first()
    if pair is None:
        return None
    pair.delete()
    return pair


def pair_changes(body: Body | None = None, limit: int = 50) -> list[PairChange]:
    """The latest additions and removals (of ``body``'s pairs, if given), newest first
    (three queries: the history and the names of the bodies and areas it names, which
    may since have been deleted)."""
    history = BodyArea.history.select_related("history_user").filter(history_type__in=["+", "-"])
    if body is not None:
        history = history.filter(body_id=body.pk)
    rows = list(history.order_by("-history_date", "-history_id")[:limit])
    bodies = Body.objects.in_bulk({r.body_id for r in rows})
    areas = Area.objects.in_bulk({r.area_id for r in rows})
    return [
        PairChange(
            when=r.history_date,
            who=r.history_user.get_username() if r.history_user else "system",
            what="added" if r.history_type == "+" else "removed",
            body=str(bodies.get(r.body_id, f"body #{r.body_id} (deleted)")),
            area=str(areas.get(r.area_id, f"area #{r.area_id} (deleted)")),
        )
        for r in rows
    ]
