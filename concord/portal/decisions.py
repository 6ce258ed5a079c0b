"""The decisions register: every decision the viewer may read, with filters and an Atom feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.params import query_date
from concord.meetings.models import Decision, DecisionQuerySet
from concord.portal.models import Topic

PER_PAGE = 50
FEED_SIZE = 50


@dataclass
class RegisterFilters:
    """What the register is filtered by, read from the query string; ``problems`` names
    each parameter given that could not be used."""

    body: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""
    topic: str = ""
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> RegisterFilters:
        problems: list[str] = []
        return cls(
            body=(params.get("body") or "")[:100],
            since=query_date(params, "from", "From", problems),
            until=query_date(params, "to", "To", problems),
            text=" ".join((params.get("q") or "").split())[:100],
            topic=(params.get("topic") or "")[:120],
            problems=problems,
        )

    def apply(self, decisions: DecisionQuerySet) -> DecisionQuerySet:
        """The register's rows, with each decision's topics (one more query per page)."""
        if self.topic:
            decisions = decisions.filter(topics__slug=self.topic)
        return decisions.for_register(
            body_slug=self.body, since=self.since, until=self.until, text=self.text
        ).prefetch_related(Prefetch("topics", queryset=Topic.objects.only("name", "slug")))


def decisions(request: HttpRequest) -> HttpResponse:
    """The register page: 400 with the reason when a filter cannot be read."""
    viewer = viewer_for(request)
    filters = RegisterFilters.from_params(request.GET)
    rows = filters.apply(Decision.objects.visible_to(viewer))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/decisions.html",
        {
            "page": page,
            "filters": filters,
            "bodies": Body.objects.visible_to(viewer).only("slug", "name").order_by("name"),
            "topics": Topic.objects.visible_to(viewer).only("slug", "name"),
        },
        status=400 if filters.problems else 200,
    )


# Django's Feed is generic in the stubs (its items, its object), not at run time.
if TYPE_CHECKING:
    DecisionFeedBase = Feed[Decision, HttpRequest]
else:
    DecisionFeedBase = Feed


class DecisionsFeed(DecisionFeedBase):
    """The latest decisions as Atom; ``?body=slug`` for one body's (what a visitor may read)."""

    feed_type = Atom1Feed
    title = "Decisions"
    description = "The latest decisions recorded in the minutes."

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpRequest:
        return request

    def link(self) -> str:
        return reverse("portal:decisions")

    def items(self, request: HttpRequest) -> list[Decision]:
        filters = RegisterFilters.from_params(request.GET)
        filters.since = filters.until = None  # a feed is always the latest
        return list(filters.apply(Decision.objects.visible_to(viewer_for(request)))[:FEED_SIZE])

    def item_title(self, item: Decision) -> str:
        meeting = item.item.meeting
        return f"{meeting.body.name}, {meeting.date:%d %B %Y}: {item.item.title}"

    def item_description(self, item: Decision) -> str:
        return f"{item.get_kind_display()}: {item.text}"

    def item_link(self, item: Decision) -> str:
        return reverse("portal:meeting", args=[item.item.meeting_id]) + f"#item-{item.item_id}"

    def item_guid(self, item: Decision) -> str:
        return f"decision-{item.pk}"

    def item_pubdate(self, item: Decision) -> dt.datetime:
        return dt.datetime.combine(item.item.meeting.date, dt.time(), tzinfo=dt.UTC)
