"""The register's pickers: people, bodies and organisations a viewer may choose.

Built on :mod:`concord.lib.pickers`. Every picker's choices are the
``visible_to(viewer)`` set, so an editor can neither see nor submit a
members-only body they are not on, or a person only named in minutes they
may not read. ``search`` is the htmx endpoint behind the pickers' search box.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from concord.governance.access import viewer_for
from concord.governance.models import Body, Membership
from concord.lib.access import Viewer
from concord.lib.pickers import (
    SEARCH_LIMIT,
    MultiplePickerField,
    PickerField,
    as_id,
    by_name,
)
from concord.people.models import Organisation, Person


def _people_search(queryset: QuerySet[Any], term: str) -> QuerySet[Any]:
    return queryset.filter(pk__in=Person.objects.search(term).values("pk"))


def _organisations_search(queryset: QuerySet[Any], term: str) -> QuerySet[Any]:
    return queryset.filter(pk__in=Organisation.objects.search(term).values("pk"))


def choosable(kind: str, viewer: Viewer) -> QuerySet[Any]:
    """Everything of ``kind`` the viewer may choose (and so see)."""
    if kind == "people":
        return Person.objects.visible_to(viewer).order_by("name", "pk")
    if kind == "bodies":
        return Body.objects.visible_to(viewer).order_by("name")
    if kind == "organisations":
        # Organisations are public facts about the partnership: no visibility rule.
        return Organisation.objects.order_by("name")
    raise Http404("No such picker.")


SEARCHES = {"people": _people_search, "organisations": _organisations_search}
NOUNS = {"people": "person", "bodies": "body", "organisations": "organisation"}


def people_of(*, body_id: int | None = None, meeting_id: int | None = None) -> QuerySet[Any]:
    """A shortlist of people: a meeting's attendees first, then the body's current members.

    Each is a subquery of ids: an ``OR`` across a join to the attendances made
    SQLite read every person's attendances (2 ms at 2,000 people, growing).
    """
    if meeting_id is None and body_id is None:
        return Person.objects.none()
    rules = Q()
    if meeting_id is not None:
        attendees = Person.objects.filter(attendances__meeting_id=meeting_id).values("pk")
        rules |= Q(pk__in=attendees)
    if body_id is not None:
        members = Membership.objects.current().filter(body_id=body_id).values("person_id")
        rules |= Q(pk__in=members)
    return Person.objects.filter(rules)


def picker(
    kind: str,
    viewer: Viewer,
    *,
    multiple: bool = False,
    shortlist: QuerySet[Any] | None = None,
    **kwargs: Any,
) -> PickerField | MultiplePickerField:
    """A person, body or organisation picker for ``viewer``.

    ``shortlist`` bounds what the select offers before a search (None: the
    first of everything the viewer may choose).
    """
    field_class = MultiplePickerField if multiple else PickerField
    queryset = choosable(kind, viewer)
    return field_class(
        queryset,
        shortlist=shortlist if shortlist is not None else queryset,
        search=SEARCHES.get(kind, by_name),
        search_url=reverse("register:pick", args=[kind]),
        noun=NOUNS[kind],
        **kwargs,
    )


@login_required
def search(request: HttpRequest, kind: str) -> HttpResponse:
    """Options for a picker's select: the still-chosen records and those matching ``q``.

    Only records the viewer may choose; at most ``SEARCH_LIMIT`` matches.
    """
    queryset = choosable(kind, viewer_for(request))
    field = request.GET.get("field", "")
    chosen_ids = [i for i in (as_id(v) for v in request.GET.getlist(field)) if i is not None]
    chosen = list(queryset.filter(pk__in=chosen_ids[:SEARCH_LIMIT])) if field else []
    term = " ".join(request.GET.get("q", request.GET.get(f"{field}_search", "")).split())[:100]
    found = (
        list(
            SEARCHES.get(kind, lambda qs, t: qs.filter(name__icontains=t))(queryset, term)[
                :SEARCH_LIMIT
            ]
        )
        if term
        else []
    )
    seen = {obj.pk for obj in chosen}
    rows = [(obj.pk, " selected", str(obj)) for obj in chosen]
    rows += [(obj.pk, "", str(obj)) for obj in found if obj.pk not in seen]
    html = format_html_join("", '<option value="{}"{}>{}</option>', rows)
    if not rows:
        html = format_html('<option value="">{}</option>', "No match")
    return HttpResponse(html)
