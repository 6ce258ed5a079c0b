"""The kinds a viewer may see nothing of are left out by the full-text index itself
(SQLite: the ``kind_word`` column of FTS5; PostgreSQL: the matches taken among the
kinds left first), and the word the database makes of a kind is the one searched for."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.imports.models import Document, DocumentStatus
from concord.lib.access import PUBLIC, Viewer
from concord.search.models import SearchEntry
from concord.search.query import kind_word
from concord.search.sources import SOURCES
from tests.factories import make_item, make_meeting

SECRETARIAT = Viewer(user_id=1, is_secretariat=True)


@pytest.mark.django_db
def test_the_database_makes_each_kinds_word_as_the_query_does() -> None:
    SearchEntry.objects.bulk_create(
        SearchEntry(kind=kind, object_id=1, title="t", url="/") for kind in SOURCES
    )
    made = dict(SearchEntry.objects.values_list("kind", "kind_word"))
    assert made == {kind: kind_word(kind) for kind in SOURCES}
    # One word each, and no kind's word is another's.
    assert all(word.isalnum() for word in made.values())
    assert len(set(made.values())) == len(SOURCES)


@pytest.mark.django_db
def test_a_visitors_search_leaves_out_imports_in_the_index_itself() -> None:
    make_item(meeting=make_meeting(minutes_status="approved"), title="Lighthouse repairs")
    Document.objects.create(
        sha256=hashlib.sha256(b"lighthouse").hexdigest(),
        filename="lighthouse.txt",
        text="Lighthouse keepers' minutes",
        status=DocumentStatus.CONFIRMED,
    )
    with CaptureQueriesContext(connection) as asked:
        found = SearchEntry.objects.search("lighthouse", PUBLIC).newest(10)
    assert [SearchEntry.objects.get(pk=pk).kind for pk in found] == ["item"]
    sql = asked.captured_queries[0]["sql"]
    if connection.vendor == "sqlite":
        assert "kind_word:(" in sql and kind_word("document") not in sql
    else:
        assert "kind = ANY(" in sql and "'document'" not in sql.split("kind = ANY(")[1][:300]
    # The secretariat sees both kinds: no kind is left out, nor filtered.
    with CaptureQueriesContext(connection) as asked:
        assert len(SearchEntry.objects.search("lighthouse", SECRETARIAT).newest(10)) == 2
    assert "kind_word:" not in asked.captured_queries[0]["sql"]
    assert "kind = ANY(" not in asked.captured_queries[0]["sql"]


@pytest.mark.django_db
def test_a_type_chosen_is_left_to_the_index_too() -> None:
    make_item(meeting=make_meeting(minutes_status="approved"), title="Lighthouse repairs")
    assert not SearchEntry.objects.search("lighthouse", SECRETARIAT, kinds=["meeting"]).exists()
    assert SearchEntry.objects.search("lighthouse", SECRETARIAT, kinds=["item"]).count() == 1


@pytest.mark.django_db
def test_the_kinds_word_typed_in_the_box_finds_nothing() -> None:
    make_item(meeting=make_meeting(minutes_status="approved"), title="Lighthouse repairs")
    assert not SearchEntry.objects.search(kind_word("item"), SECRETARIAT).exists()
    assert not SearchEntry.objects.search(kind_word("item"), PUBLIC).exists()
