"""Events are found by search (issue 14): by title, venue and description, only once the
searcher may see them (drafts and members-only bodies' events stay hidden), never by who
signed up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from concord.events.models import Event, Registration
from concord.lib.access import Viewer
from concord.search.models import SearchEntry
from tests.factories import make_body


def titles(query: str, viewer: Viewer) -> list[str]:
    return [e.title for e in SearchEntry.objects.search(query, viewer, kinds=["event"])]


@pytest.mark.django_db
def test_events_are_found_only_by_those_who_may_see_them() -> None:
    start = timezone.make_aware(dt.datetime(2027, 4, 1, 10))
    hidden = make_body(name="Quiet Cell", visibility="members")
    shown = Event.objects.create(
        title="Beekeeping seminar",
        venue="Allotment pavilion",
        starts_at=start,
        ends_at=start,
        status="published",
    )
    Event.objects.create(title="Beekeeping draft", starts_at=start, ends_at=start)
    Event.objects.create(
        title="Beekeeping for the cell",
        body=hidden,
        starts_at=start,
        ends_at=start,
        status="published",
    )
    Registration.objects.create(
        event=shown, name="Zanzibar Registrant", email="z@example.org", status="confirmed"
    )
    public = Viewer()
    assert titles("beekeeping", public) == ["Beekeeping seminar"]
    assert titles("pavilion", public) == ["Beekeeping seminar"]
    assert titles("zanzibar", Viewer(user_id=1, is_secretariat=True)) == []
    assert len(titles("beekeeping", Viewer(user_id=1, is_secretariat=True))) == 3
    shown.title = "Wildflower seminar"
    shown.save()
    assert titles("wildflower", public) == ["Wildflower seminar"]
