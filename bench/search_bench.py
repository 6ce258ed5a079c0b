"""Search benchmark: the page benchmark's partnership plus many imported documents, then
time ``SearchEntry.objects.search`` for common and rare words.

    .venv/bin/python bench/search_bench.py                      # full size, SQLite in a temp folder
    .venv/bin/python bench/search_bench.py --scale 0.01 --documents 200 --requests 3   # a smoke run
    .venv/bin/python bench/search_bench.py --database-url postgres://postgres@127.0.0.1:5432/concord_bench

Full size is ``bench/pages.py``'s partnership (5,000 meetings, about 30,000
items and 50,000 actions) plus 100,000 confirmed imported documents of
invented minutes text (``--documents``). The index is built with
``concord rebuild_search``'s function (its time is reported), then each query
is timed as the search page runs it: the count and the first page of 20, with
their snippets, for the secretariat and for a visitor. It prints a Markdown
table of p50 and p95 in milliseconds (goal: p95 at most 100 ms), and the CPU
time of this process per search (p50): on a shared, loaded machine the wall
times mean little, the CPU time more (on SQLite it is all of the work; on
PostgreSQL the server's own CPU is not in it).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402  (bench/pages.py: the generator and its database set-up)

# Words of the invented documents. "partnership" is in every one, "harbour" in one in
# fifty, "zeppelin" in one in ten thousand: common, middling and rare terms.
FILLER = [
    "board",
    "agreed",
    "noted",
    "report",
    "update",
    "officers",
    "members",
    "council",
    "police",
    "health",
    "fire",
    "community",
    "safety",
    "housing",
    "transport",
    "funding",
    "budget",
    "review",
    "plan",
    "strategy",
    "priority",
    "ward",
    "residents",
    "young",
    "people",
    "schools",
    "employment",
    "skills",
    "progress",
    "target",
    "quarter",
    "meeting",
    "minutes",
    "action",
    "owner",
    "deadline",
    "consultation",
    "survey",
    "evidence",
    "outcome",
]
QUERIES = {
    "common word": "partnership",
    "common phrase": '"community safety"',
    "middling word": "harbour",
    "rare word": "zeppelin",
    "two words": "housing harbour",
    "no match": "xylophone",
}


def invented_text(rng: random.Random, n: int) -> str:
    """A few paragraphs of minutes-like words (about 300)."""
    words = [rng.choice(FILLER) for _ in range(300)]
    words[rng.randrange(300)] = "partnership"
    if n % 50 == 0:
        words[rng.randrange(300)] = "harbour"
    if n % 10_000 == 7:
        words[rng.randrange(300)] = "zeppelin"
    return " ".join(words)


def add_documents(count: int, seed: int) -> int:
    """Confirmed imported documents of invented text, attached to existing meetings."""
    from concord.imports.models import Document, DocumentStatus
    from concord.meetings.models import Meeting

    rng = random.Random(seed)
    meeting_ids = list(Meeting.objects.values_list("pk", flat=True))
    batch = []
    for n in range(count):
        text = invented_text(rng, n)
        batch.append(
            Document(
                sha256=hashlib.sha256(f"bench-{n}".encode()).hexdigest(),
                filename=f"minutes-{n}.txt",
                text=text,
                size=len(text),
                status=DocumentStatus.CONFIRMED,
                meeting_id=rng.choice(meeting_ids) if meeting_ids else None,
            )
        )
        if len(batch) == pages.BATCH:
            Document.objects.bulk_create(batch)
            batch = []
    Document.objects.bulk_create(batch)
    return count


def percentile(values: list[float], share: float) -> float:
    return pages.percentile(values, share)


def measure(requests: int) -> list[str]:
    """Time each query for the secretariat and for a visitor; rows of a Markdown table."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from concord.lib.access import PUBLIC, Viewer
    from concord.search.results import SearchFilters, search_page

    secretariat = Viewer(user_id=0, is_secretariat=True)
    rows = [
        "| query | as | results | p50 ms | p95 ms | max ms | CPU p50 ms | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    asked = [
        (label, query, who, viewer, SearchFilters.from_params({"q": query}, viewer))
        for label, query in QUERIES.items()
        for who, viewer in (("secretariat", secretariat), ("visitor", PUBLIC))
    ]
    for *_, viewer, filters in asked:
        search_page(filters, viewer, "1")  # warm-up, every search before any is timed
    # What is loaded by now leaves the collector's full passes, as concord/wsgi.py does.
    gc.collect()
    gc.freeze()
    for label, query, who, viewer, filters in asked:
        timings, cpu = [], []
        for _ in range(requests):
            start, start_cpu = time.perf_counter(), time.process_time()
            page = search_page(filters, viewer, "1")
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        with CaptureQueriesContext(connection) as queries:
            page = search_page(filters, viewer, "1")
        rows.append(
            f"| {label} `{query}` | {who} | {page.page.paginator.count:,} | "
            f"{statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} | "
            f"{max(timings):.1f} | {statistics.median(cpu):.1f} | {len(queries)} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Size of the partnership.")
    parser.add_argument("--documents", type=int, default=100_000, help="Imported documents.")
    parser.add_argument("--requests", type=int, default=20, help="Timed searches per query.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="Database to use (default: $DATABASE_URL, else SQLite in a temp folder). "
        "A PostgreSQL database is created if missing; its contents are replaced.",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="Keep the temporary folder (and the SQLite database in it) for a later --reuse.",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the index already in the database (e.g. a kept SQLite file, given as "
        "--database-url sqlite:////path/concord.sqlite3) instead of building it.",
    )
    args = parser.parse_args(argv)
    data = Path(tempfile.mkdtemp(prefix="concord-search-bench-"))
    try:
        return run(args, data)
    finally:
        if args.keep:
            print(f"\nKept {data} (for --reuse)", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)


def settle() -> None:
    """Leave the database as a server that has been running a while would have it: on
    PostgreSQL ``VACUUM ANALYZE`` (so autovacuum does not start in the middle of the
    timings after the bulk indexing), on SQLite ``ANALYZE`` and FTS5's ``optimize``."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")


def run(args: argparse.Namespace, data: Path) -> int:
    pages.configure(args.database_url or None, data)
    from django.core.management import call_command
    from django.db import connection

    from concord.search.indexing import rebuild
    from concord.search.models import SearchEntry

    call_command("migrate", interactive=False, verbosity=0)
    counts: dict[str, int] = {}
    built = indexed = 0.0
    if args.reuse:
        entries = SearchEntry.objects.count()
    else:
        call_command("flush", interactive=False, verbosity=0)
        start = time.perf_counter()
        counts = pages.generate(pages.Size().scaled(args.scale), seed=args.seed)
        counts["documents"] = add_documents(args.documents, args.seed)
        built = time.perf_counter() - start
        start = time.perf_counter()
        entries = rebuild()
        indexed = time.perf_counter() - start
    settle()
    print(f"# Concord search benchmark ({connection.vendor}, scale {args.scale})\n")
    print(f"Generated in {built:.1f} s: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    print(f"\nIndexed {entries:,} entries in {indexed:.1f} s.\n")
    if connection.vendor == "sqlite" and args.keep:
        print(f"Database: {data / 'concord.sqlite3'}\n")
    print("Time of the search page's queries (count and first page of 20, with snippets),")
    print(f"over {args.requests} searches each.\n")
    try:
        print("\n".join(measure(args.requests)))
    finally:
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
