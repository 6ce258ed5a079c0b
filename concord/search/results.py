"""The search page's filters, read from the query string, and the rows it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.params import query_date
from concord.search.models import SearchEntry
from concord.search.query import clean_query, fts5_expression
from concord.search.snippets import highlight
from concord.search.sources import SOURCES

PER_PAGE = 20
# The most results counted and ranked: when more match (a word in nearly everything),
# the page says "more than", and ranks the newest this many entries (docs/search.md).
COUNTED_AT_MOST = 1000


def kinds_for(viewer: Viewer) -> list[tuple[str, str]]:
    """(kind, label) of the sources that can give this viewer a result, for the type filter."""
    kinds = []
    for kind, source in SOURCES.items():
        records = source.visible(viewer)
        if records is not None and not records.query.is_empty():
            kinds.append((kind, source.label))
    return kinds


@dataclass
class SearchFilters:
    """What was asked: the words, and the type, body and dates to narrow them to;
    ``problems`` names each parameter given that could not be used."""

    text: str = ""
    kind: str = ""
    body_slug: str = ""
    body: Body | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, str], viewer: Viewer) -> SearchFilters:
        """Read the filters; a body the viewer may not see is "no such body", as for one
        that does not exist (one query, only when a body is given)."""
        problems: list[str] = []
        kind = (params.get("type") or "").strip()[:20]
        if kind and kind not in dict(kinds_for(viewer)):
            problems.append(f"Type: “{kind}” is not something that can be searched.")
            kind = ""
        slug = (params.get("body") or "").strip()[:100]
        body = None
        if slug:
            body = Body.objects.visible_to(viewer).filter(slug=slug).first()
            if body is None:
                problems.append(f"Body: there is no body “{slug[:40]}”.")
                slug = ""
        since = query_date(params, "from", "From", problems)
        until = query_date(params, "to", "To", problems)
        if since and until and since > until:
            problems.append("From: the first date is after the second; swap them.")
        return cls(
            text=clean_query(params.get("q") or ""),
            kind=kind,
            body_slug=slug,
            body=body,
            since=since,
            until=until,
            problems=problems,
        )

    @property
    def has_words(self) -> bool:
        """Is there anything in the query to search for (a word, not only punctuation)?"""
        return bool(fts5_expression(self.text))


@dataclass(frozen=True)
class Result:
    """One row of results: what it is, where it leads, and its snippet as safe HTML."""

    kind_label: str
    title: str
    url: str
    body_name: str
    date: dt.date | None
    snippet: SafeString


def _result(entry: SearchEntry, snippet: str) -> Result:
    return Result(
        kind_label=SOURCES[entry.kind].noun,
        title=entry.title,
        url=entry.url,
        body_name=entry.body.name if entry.body else "",
        date=entry.date,
        snippet=highlight(snippet),
    )


class CountedPaginator(Paginator[SearchEntry]):
    """A paginator told its count (the search page counts once, up to a limit)."""

    def __init__(self, object_list: QuerySet[SearchEntry], per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


@dataclass(frozen=True)
class SearchEntryPage:
    """A page of results and its paginator's page (for the pager). ``more`` is true
    when more than :data:`COUNTED_AT_MOST` match: then that many, added last,
    are ranked and paged."""

    page: Page[SearchEntry]
    results: list[Result]
    more: bool = False
    most: int = COUNTED_AT_MOST


def search_page(filters: SearchFilters, viewer: Viewer, page_number: str | None) -> SearchEntryPage:
    """The page of results asked for, in three queries whatever the data: the ids of
    the newest matches the viewer may see (up to one more than
    :data:`COUNTED_AT_MOST`: the count), the page of those ids ranked, and the
    page's snippets. Visibility is decided once, by the first; the other two read
    only the ids it gave."""
    found = SearchEntry.objects.search(
        filters.text,
        viewer,
        kinds=[filters.kind] if filters.kind else [],
        body=filters.body,
        since=filters.since,
        until=filters.until,
    ).newest(COUNTED_AT_MOST + 1)
    chosen = found[:COUNTED_AT_MOST]
    ranked = SearchEntry.objects.ranked(filters.text, chosen)
    page = CountedPaginator(ranked, PER_PAGE, len(chosen)).get_page(page_number)
    shown = list(page)
    snippets = SearchEntry.objects.snippets(filters.text, [entry.pk for entry in shown])
    return SearchEntryPage(
        page=page,
        results=[_result(entry, snippets.get(entry.pk, "")) for entry in shown],
        more=len(found) > COUNTED_AT_MOST,
        most=COUNTED_AT_MOST,
    )
