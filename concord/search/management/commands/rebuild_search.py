"""``concord rebuild_search``: read unread papers' files, then index every searchable record."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from concord.search.indexing import rebuild
from concord.search.papers import read_unread_papers


class Command(BaseCommand):
    help = (
        "Read the files of meeting papers whose text is missing or stale (each in the guarded "
        "reader; a file that cannot be read keeps its reason and the rest go on), then empty "
        "the search index and index every meeting, item, decision, action, paper, confirmed "
        "import and indicator again, in one transaction (searches meanwhile see the old "
        "index). Run it after loading data in bulk; everyday changes keep it current."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")
        parser.add_argument(
            "--no-papers", action="store_true", help="Read no papers' files; only rebuild."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from tqdm import tqdm

        bars: dict[str, Any] = {}

        def progress(kind: str, done: int, total: int) -> None:
            if options["no_progress"]:
                return
            if kind not in bars:
                for bar in bars.values():
                    bar.close()
                unit = "file" if kind == "paper files" else "record"
                bars[kind] = tqdm(total=total, desc=kind, unit=unit, file=self.stderr)
            bars[kind].update(done - bars[kind].n)

        try:
            if not options["no_papers"]:
                reading = read_unread_papers(
                    lambda done, total: progress("paper files", done, total), index=False
                )
                for paper_id, reason in reading.failed:
                    self.stderr.write(f"Paper {paper_id} not read: {reason}")
                self.stdout.write(
                    f"{reading.read} papers' files read, {len(reading.failed)} not read."
                )
            entries = rebuild(progress)
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(f"{entries} entries in the search index.")
