"""Benchmark the staged import's review: planning a draft and confirming it, as the register grows.

Uses ``bench/import_bench.py``'s generated minutes (``bench/out/import-N-1/``),
stages them with ``import_paths`` into a fresh SQLite database (or the
PostgreSQL one named, recreated), then confirms them one by one, oldest
first, timing for each document the plan the review screen shows
(``plan_draft``) and the confirmation (``confirm_document``), with their SQL
query counts. Reported for the first and the last tenth of the documents, so
a cost that grows with the register shows.

    .venv/bin/python bench/review_bench.py -n 400 \\
        [--database-url postgres://postgres@127.0.0.1:5432/concord_review_bench]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def child(folder: Path) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from concord.imports.draft import draft_of
    from concord.imports.models import Document
    from concord.imports.planning import plan_draft
    from concord.imports.review import confirm_document
    from concord.imports.services import import_paths
    from concord.people.models import Person

    t0 = time.perf_counter()
    summary = import_paths([folder], jobs=2)
    staged = time.perf_counter() - t0
    documents = list(Document.objects.filter(status="review").order_by("record__date", "pk"))
    rows = []
    for document in documents:
        reset_queries()  # the query log holds 9,000: keep the counts below it
        with CaptureQueriesContext(connection) as plan_q:
            t = time.perf_counter()
            plan_draft(draft_of(document), document_id=document.pk)
            plan_ms = (time.perf_counter() - t) * 1000
        reset_queries()
        with CaptureQueriesContext(connection) as confirm_q:
            t = time.perf_counter()
            confirm_document(document, user=None)
            confirm_ms = (time.perf_counter() - t) * 1000
        rows.append((plan_ms, len(plan_q), confirm_ms, len(confirm_q)))
    tenth = max(1, len(rows) // 10)

    def part(chunk: list[tuple[float, int, float, int]]) -> dict[str, float]:
        return {
            "plan_ms": round(statistics.median(r[0] for r in chunk), 1),
            "plan_queries": statistics.median(r[1] for r in chunk),
            "confirm_ms": round(statistics.median(r[2] for r in chunk), 1),
            "confirm_ms_max": round(max(r[2] for r in chunk), 1),
            "confirm_queries": statistics.median(r[3] for r in chunk),
        }

    print(
        json.dumps(
            {
                "staged": summary.imported,
                "stage_seconds": round(staged, 1),
                "confirmed": len(rows),
                "people_at_end": Person.objects.count(),
                "first": part(rows[:tenth]),
                "last": part(rows[-tenth:]),
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=400, help="documents (400)")
    ap.add_argument("--database-url", help="a PostgreSQL database to use (recreated)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(Path(args.child))
        return 0
    from bench.import_bench import OUT, fresh_postgres, generate

    OUT.mkdir(exist_ok=True)
    folder = generate(args.n, 1)
    with tempfile.TemporaryDirectory(prefix="review-bench-", dir=OUT) as tmp:
        env = dict(os.environ, CONCORD_DATA=tmp, SECRET_KEY="bench-only", DEBUG="0")
        env["CONCORD_DEMO"] = "0"
        if args.database_url:
            fresh_postgres(args.database_url)
            env["DATABASE_URL"] = args.database_url
        else:
            env.pop("DATABASE_URL", None)
        argv = [sys.executable, __file__, "--child", str(folder)]
        out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True)
        print(out.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
