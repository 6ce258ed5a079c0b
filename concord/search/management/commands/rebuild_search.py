"""``concord rebuild_search``: index every searchable record again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from concord.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Empty the search index and index every meeting, item, decision, action, confirmed "
        "import and indicator again, in one transaction (searches meanwhile see the old "
        "index). Run it after loading data in bulk; everyday changes keep it current."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")

    def handle(self, *args: Any, **options: Any) -> None:
        from tqdm import tqdm

        bars: dict[str, Any] = {}

        def progress(kind: str, done: int, total: int) -> None:
            if options["no_progress"]:
                return
            if kind not in bars:
                for bar in bars.values():
                    bar.close()
                bars[kind] = tqdm(total=total, desc=kind, unit="record", file=self.stderr)
            bars[kind].update(done - bars[kind].n)

        try:
            entries = rebuild(progress)
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(f"{entries} entries in the search index.")
