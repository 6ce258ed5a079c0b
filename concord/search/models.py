"""The search index: one row per searchable record, and the one QuerySet method that searches it.

A :class:`SearchEntry` holds what is searched (a title and a text), and what a
result shows and is filtered by (the kind and id of the record, its body, its
date, a link). The full-text index beside it depends on the database, and is
made by the migrations (``0002_full_text``):

- SQLite: an FTS5 table ``search_fts`` over the entries' title and text
  (external content, kept in step by triggers), Porter stemming;
- PostgreSQL: a generated ``tsvector`` column ``search_vector`` (English
  stemming; the title weighs more than the text) with a GIN index.

Who may see a result is not stored here: an entry names its record, and
:meth:`SearchEntryQuerySet.search` keeps only the entries whose record is in
its model's ``visible_to(viewer)`` (see ``concord.search.sources``), so search
follows exactly the rules of the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Replace
from django.db.models.sql.compiler import SQLCompiler

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.search.query import clean_query, fts5_match
from concord.search.sources import SOURCES, visible_among, visible_kinds

# Around each matched word in a snippet: control characters, which the indexed text
# never holds (concord.search.sources.plain), so only these become <mark> tags.
MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_WORDS = 24

_POSTGRES_QUERY = "websearch_to_tsquery('english', %s)"
# The matches of some kinds only; OFFSET 0 keeps the planner from merging it into the
# outer query (where it would read every entry newest first again).
_POSTGRES_AMONG_KINDS = (
    "SELECT id FROM search_searchentry WHERE kind = ANY(%s)"
    " AND search_vector @@ websearch_to_tsquery('english', %s) OFFSET 0"
)
_POSTGRES_HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=10, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


class SearchEntryQuerySet(models.QuerySet["SearchEntry"]):
    def search(
        self,
        query: str,
        viewer: Viewer,
        *,
        kinds: Iterable[str] = (),
        body: Body | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> SearchEntryQuerySet:
        """Entries matching ``query`` that ``viewer`` may see, best first.

        Each entry comes with ``score`` (lower is better); its snippet is
        :meth:`snippets`' (only for the entries shown: making one reads the
        entry's text). ``kinds`` limits the result to those sources (all when
        empty), ``body`` to one body's records, ``since``/``until`` to dates
        (records without a date, such as indicators, drop out when a date is
        given). Ranking reads every match, too much when a word is in nearly
        everything: the search page takes the ids of the newest matches first
        (:meth:`newest`) and ranks only those (:meth:`ranked`). A query with
        nothing to search for finds nothing. One query, whatever the data:
        visibility is a subquery per kind.
        """
        text = clean_query(query)
        seen = visible_kinds(viewer, kinds)
        qs = self.filter(visible_among(seen))
        if body is not None:
            qs = qs.filter(body=body)
        if since is not None:
            qs = qs.filter(date__gte=since)
        if until is not None:
            qs = qs.filter(date__lte=until)
        # The kinds left out (the viewer may see nothing of them, or a type was
        # chosen) are left out by the index, not entry by entry: without it, a
        # visitor's word in every imported document had each of them read (newest
        # first) to find none visible.
        among = list(seen) if len(seen) < len(SOURCES) else None
        if connection.vendor == "sqlite":
            # The kind is a column of FTS5's index (``kind_word``).
            ranked = qs._sqlite_match(text, True, among)
        else:
            if text and among is not None:
                # The matches among the kinds left, first: by the index on kind or
                # the full-text index, whichever the planner finds narrower.
                qs = qs.filter(pk__in=RawSQL(_POSTGRES_AMONG_KINDS, [among, text]))  # noqa: S611 - constant SQL
            ranked = qs._postgres_match(text, True)
        return ranked.select_related("body").defer("text")

    def newest(self, most: int) -> list[int]:
        """The ids of the ``most`` entries of :meth:`search` added last, newest first:
        the search page's count, and what it ranks. One query that stops reading
        there: on SQLite, FTS5 gives its matches in descending rowid order without a
        sort (ordering by the entry's id instead would sort every match first)."""
        if connection.vendor == "postgresql" or "search_fts" not in self.query.extra_tables:
            return list(self.order_by("-id").values_list("pk", flat=True)[:most])
        newest = self.order_by().extra(order_by=["-search_fts.rowid"])
        return list(newest.values_list("pk", flat=True)[:most])

    def ranked(self, query: str, ids: Sequence[int]) -> SearchEntryQuerySet:
        """These entries (ids from :meth:`newest`, so already only what the viewer
        may see), with ``score``, best first; equal scores newest first.

        Only those entries are ranked: on SQLite, FTS5 is asked for the matches
        between the least and the greatest id (a range of its index, rather than
        every match), on PostgreSQL only those rows are ranked."""
        text, wanted = clean_query(query), list(ids)
        expression = fts5_match(text)
        if not wanted or not expression:  # nothing chosen, or no word to rank by
            return self.none()
        qs = self.filter(pk__in=wanted).select_related("body").defer("text")
        if connection.vendor == "postgresql":
            return qs._postgres_match(text, ranked=True, already=True)
        return _in_fts_range(  # type: ignore[return-value]
            qs, expression, wanted, {"score": "bm25(search_fts, 10.0, 1.0, 0.0)"}, []
        ).order_by("score", "-date", "id")

    def snippets(self, query: str, ids: Iterable[int]) -> dict[int, str]:
        """The snippet of each of these entries for ``query``, by id: its text around the
        matched words, which are between :data:`MARK_START` and :data:`MARK_END` (see
        ``concord.search.snippets.highlight``). One query, for the page's entries only."""
        text, wanted = clean_query(query), list(ids)
        expression = fts5_match(text)
        if not wanted or not expression:  # no word in the query: nothing to show around
            return {}
        if connection.vendor == "postgresql":
            rows = self.filter(pk__in=wanted).extra(  # noqa: S610 - constant SQL
                select={
                    "snippet": f"ts_headline('english', search_searchentry.text, "
                    f"{_POSTGRES_QUERY}, %s)"
                },
                select_params=[text, _POSTGRES_HEADLINE_OPTIONS],
            )
        else:
            rows = _in_fts_range(
                self.filter(pk__in=wanted),
                expression,
                wanted,
                {"snippet": "snippet(search_fts, 1, %s, %s, ' … ', %s)"},
                [MARK_START, MARK_END, SNIPPET_WORDS],
            )
        return dict(rows.values_list("pk", "snippet"))

    def _sqlite_match(
        self, text: str, ranked: bool, kinds: list[str] | None = None
    ) -> SearchEntryQuerySet:
        """``kinds``: only entries of these kinds (all when ``None``)."""
        expression = fts5_match(text, kinds)
        if not expression:
            return self.none()
        if not ranked:
            # A subquery of its own, so that it holds inside another query (the
            # filter of another query), where extra() would name the outer table.
            return self.filter(pk__in=RawSQL(_SQLITE_MATCHES, [expression]))  # noqa: S611 - constant SQL
        # extra(): FTS5 is a virtual table the ORM cannot join, and bm25 needs the
        # join. Every piece of SQL here is a constant; what was typed is only ever
        # a bound parameter. bm25 with the title ten times the text: more negative
        # is better.
        return self.extra(
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchentry.id", "search_fts MATCH %s"],
            params=[expression],
            select={"score": "bm25(search_fts, 10.0, 1.0, 0.0)"},
        ).order_by("score", "-date", "id")  # type: ignore[return-value]

    def _postgres_match(
        self, text: str, ranked: bool, already: bool = False
    ) -> SearchEntryQuerySet:
        if not text:
            return self.none()
        # already: these entries are matches (of :meth:`newest`), only to be ranked.
        matched = self if already else self.filter(VectorMatches(text))
        if not ranked:
            return matched
        return matched.extra(  # noqa: S610 - constant SQL, the query is a bound parameter
            select={"score": f"-ts_rank(search_searchentry.search_vector, {_POSTGRES_QUERY})"},
            select_params=[text],
        ).order_by("score", "-date", "id")  # type: ignore[return-value]


_SQLITE_MATCHES = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"


class VectorMatches(models.Expression):
    """On PostgreSQL, ``search_vector @@ websearch_to_tsquery('english', text)`` as a
    filter on entries that follows the entry table's alias, in a subquery too (the
    generated column is no model field, and ``extra()`` SQL names the outer table)."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, text: str, alias: str | None = None) -> None:
        super().__init__()
        self.text, self.alias = text, alias

    def resolve_expression(
        self,
        query: Any = None,
        allow_joins: bool = True,
        reuse: set[str] | None = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> VectorMatches:
        return VectorMatches(self.text, query.get_initial_alias())

    def relabeled_clone(self, change_map: Mapping[str, str]) -> VectorMatches:
        alias = change_map.get(self.alias, self.alias) if self.alias else None
        return VectorMatches(self.text, alias)

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[str | int]]:
        table = compiler.quote_name_unless_alias(self.alias or SearchEntry._meta.db_table)
        return f"{table}.search_vector @@ {_POSTGRES_QUERY}", [self.text]


class SearchEntry(models.Model):
    """One searchable record: a meeting, an item, a decision, an action, a document…

    Written only by ``concord.search.indexing`` (on every save and delete of a
    source record, in the same transaction, and by ``concord rebuild_search``).
    No history of its own: it is a copy of records that have theirs, and can be
    made again from them at any time.
    """

    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(null=True, blank=True, db_index=True)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    # The kind as one word of SQLite's full-text index ("kindmeeting"), so that a
    # match leaves out the kinds a viewer may see nothing of (migration 0004).
    kind_word = models.GeneratedField(
        expression=Concat(Value("kind"), Replace(F("kind"), Value("-"), Value(""))),
        output_field=models.CharField(max_length=30),
        db_persist=True,
    )

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_record")
        ]
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class PaperText(models.Model):
    """The text read from a meeting paper's file, for its search entry.

    Read by the worker (``concord.search.papers.read_paper``, queued when a
    paper is saved), in the importer's guarded child process with its memory,
    time and size limits; never in the web server. ``sha256`` is the file's
    when it was read, so a replaced file is read again. The text of a paper
    on a restricted item is never indexed (its entry holds the reason only).
    """

    paper = models.OneToOneField(
        "meetings.Paper", on_delete=models.CASCADE, primary_key=True, related_name="search_text"
    )
    sha256 = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    error = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"text of paper {self.paper_id}"


def _in_fts_range(
    entries: models.QuerySet[Any],
    expression: str,
    ids: list[int],
    select: dict[str, str],
    select_params: list[Any],
) -> models.QuerySet[Any]:
    """SQLite: ``entries`` joined to their FTS5 rows matching ``expression``, with
    ``select`` added. Only the range of the index between the least and the
    greatest of ``ids`` is read, not every match."""
    return entries.extra(  # noqa: S610 - constant SQL, values as parameters
        tables=["search_fts"],
        where=[
            "search_fts.rowid = search_searchentry.id",
            "search_fts MATCH %s",
            "search_fts.rowid BETWEEN %s AND %s",
        ],
        params=[expression, min(ids), max(ids)],
        select=select,
        select_params=select_params,
    )
