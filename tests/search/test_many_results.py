"""A word in nearly everything: the count stops at a limit, and only the matches added
last are ranked; the page says so. Visibility is applied before the limit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.lib.access import PUBLIC, Viewer
from concord.search import results
from concord.search.models import SearchEntry
from concord.search.results import SearchFilters, search_page
from tests.factories import make_body, make_item, make_meeting

SECRETARIAT = Viewer(user_id=1, is_secretariat=True)
URL = reverse("search:search")


@pytest.fixture
def at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results, "COUNTED_AT_MOST", 4)


def lanterns(count: int, *, first_day: int = 1, **item: str) -> None:
    """``count`` items that mention lanterns, each at a meeting a day later than the last."""
    body = make_body()
    for n in range(count):
        meeting = make_meeting(
            body=body, date=dt.date(2025, 1, first_day + n), minutes_status="approved"
        )
        make_item(
            meeting=meeting, title=f"Item of {meeting.date:%d}", minute_text="Lantern.", **item
        )


def names(page: results.SearchEntryPage) -> list[str]:
    """The titles shown, without their item numbers."""
    return [r.title.split(". ", 1)[-1] for r in page.results]


def shown(viewer: Viewer, query: str = "lantern") -> results.SearchEntryPage:
    return search_page(SearchFilters.from_params({"q": query}, viewer), viewer, "1")


@pytest.mark.django_db
@pytest.mark.usefixtures("at_most_four")
def test_more_than_the_limit_ranks_the_most_recently_added_and_says_so(client) -> None:
    # The best match of all (the word in its title) was added first: not among the ranked.
    make_item(
        meeting=make_meeting(date=dt.date(2025, 6, 1), minutes_status="approved"),
        title="Lantern parade",
        minute_text="Lantern lantern lantern.",
    )
    lanterns(6)
    # Among the four added last, the one with the word in its title comes first.
    make_item(
        meeting=make_meeting(date=dt.date(2025, 1, 5), minutes_status="approved"),
        title="Lantern festival",
    )
    page = shown(SECRETARIAT)
    assert page.more and page.page.paginator.count == 4
    assert names(page) == [
        "Lantern festival",
        "Item of 06",
        "Item of 05",
        "Item of 04",
    ]
    html = client.get(URL, {"q": "lantern"}).content.decode()
    assert "More than 4 results." in html
    assert "only the 4 most recently added are ranked and shown here" in html
    assert "Lantern parade" not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("at_most_four")
def test_up_to_the_limit_everything_is_counted_and_ranked(client) -> None:
    lanterns(3)
    make_item(
        meeting=make_meeting(date=dt.date(2020, 1, 1), minutes_status="approved"),
        title="Lantern parade",
    )
    page = shown(SECRETARIAT)
    assert not page.more and page.page.paginator.count == 4
    assert names(page)[0] == "Lantern parade"
    html = client.get(URL, {"q": "lantern"}).content.decode()
    assert "4 results." in html and "most recently added are ranked" not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("at_most_four")
def test_what_a_visitor_may_not_see_is_neither_counted_nor_ranked() -> None:
    # The matches added last are restricted items: a visitor's limit counts only the
    # public ones, added before, and none of the restricted text reaches the page.
    lanterns(3, first_day=1)
    lanterns(5, first_day=10, visibility="restricted")
    page = shown(PUBLIC)
    assert not page.more and page.page.paginator.count == 3
    assert names(page) == ["Item of 03", "Item of 02", "Item of 01"]
    lanterns(2, first_day=4)
    page = shown(PUBLIC)
    assert page.more and names(page) == [
        "Item of 05",
        "Item of 04",
        "Item of 03",
        "Item of 02",
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("at_most_four")
def test_the_snippets_are_the_shown_entries_and_the_queries_do_not_grow() -> None:
    lanterns(2)
    with CaptureQueriesContext(connection) as few:
        page = shown(SECRETARIAT)
    assert all("<mark>Lantern</mark>" in r.snippet for r in page.results)
    lanterns(8, first_day=10)
    with CaptureQueriesContext(connection) as many:
        page = shown(SECRETARIAT)
    assert page.more and all("<mark>Lantern</mark>" in r.snippet for r in page.results)
    assert len(few) == len(many) == 3


@pytest.mark.django_db
def test_snippets_are_only_for_the_entries_asked_for() -> None:
    lanterns(3)
    first, *rest = SearchEntry.objects.search("lantern", SECRETARIAT)
    snippets = SearchEntry.objects.snippets("lantern", [first.pk])
    assert list(snippets) == [first.pk] and "\x02Lantern\x03" in snippets[first.pk]
    assert SearchEntry.objects.snippets("lantern", []) == {}
    assert SearchEntry.objects.snippets("--", [first.pk]) == {}


@pytest.mark.django_db
def test_newest_gives_the_matches_added_last_first_without_sorting_every_match() -> None:
    lanterns(5)
    found = SearchEntry.objects.search("lantern", SECRETARIAT)
    everything = sorted(found.values_list("pk", flat=True), reverse=True)
    assert found.newest(3) == everything[:3]
    assert found.newest(10) == everything
    if connection.vendor == "sqlite":
        # FTS5 gives its matches newest first: no sort of every match before the limit.
        with CaptureQueriesContext(connection) as asked:
            found.newest(3)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + asked.captured_queries[0]["sql"])
            plan = " ".join(str(row[3]) for row in cursor.fetchall())
        assert "TEMP B-TREE" not in plan


@pytest.mark.django_db
def test_ranked_ranks_only_the_ids_given_best_first() -> None:
    lanterns(4)
    make_item(
        meeting=make_meeting(date=dt.date(2025, 3, 1), minutes_status="approved"),
        title="Lantern festival",
        minute_text="Lantern lantern.",
    )
    newest = SearchEntry.objects.search("lantern", SECRETARIAT).newest(3)
    ranked = list(SearchEntry.objects.ranked("lantern", newest))
    assert {entry.pk for entry in ranked} == set(newest)
    assert ranked[0].title.endswith("Lantern festival")
    assert [entry.score for entry in ranked] == sorted(entry.score for entry in ranked)
    assert not SearchEntry.objects.ranked("lantern", []).exists()
    assert not SearchEntry.objects.ranked("--", newest).exists()
