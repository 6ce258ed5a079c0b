"""``concord import PATH… [--body NAME] [--jobs N]``: store minutes documents as meetings."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from concord.imports.originals import folder_storage
from concord.imports.services import FAILED, Outcome, import_paths, iter_files


class Command(BaseCommand):
    help = (
        "Import minutes documents (text, Markdown, reST, wiki, Org, HTML, Word, ODT, RTF, "
        "PDF; folders recursively) as "
        "draft meetings awaiting review. Files already imported (same SHA-256) are skipped. "
        "Exits 1 if any document failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--body", default="", help="The body whose minutes these are (else read from each)."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(4, os.cpu_count() or 1),
            help="Extraction processes (default: cores, at most 4; 1 = no pool).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and apply everything, report, then roll back (nothing is kept).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths = options["paths"]
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        if options["jobs"] < 1:
            raise CommandError("--jobs must be 1 or more")
        bar = None
        if not options["no_progress"]:
            from tqdm import tqdm

            total = sum(1 for _ in iter_files(paths))
            bar = tqdm(total=total, desc="Importing", unit="doc", file=sys.stderr)

        def progress(outcome: Outcome) -> None:
            if bar is not None:
                bar.update(1)
            if outcome.result == FAILED and options["verbosity"] >= 2:
                self.stderr.write(f"{outcome.name}: {outcome.reason}")

        try:
            # Each document commits on its own; only a dry run shares one transaction.
            outer = transaction.atomic() if options["dry_run"] else contextlib.nullcontext()
            with outer, tempfile.TemporaryDirectory() as scratch:
                summary = import_paths(
                    paths,
                    body=options["body"],
                    jobs=options["jobs"],
                    progress=progress,
                    store=folder_storage(Path(scratch)) if options["dry_run"] else None,
                )
                if options["dry_run"]:
                    transaction.set_rollback(True)
        finally:
            if bar is not None:
                bar.close()
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was kept.")
        self.stdout.write(
            f"Imported {summary.imported}, skipped {summary.skipped} (already imported), "
            f"{summary.duplicates} of meetings already recorded, failed {len(summary.failed)}. "
            "Imported documents wait on the Imports page until someone confirms them."
        )
        for name, reason in summary.failed:
            self.stdout.write(f"  failed: {name}: {reason}")
        if summary.failed:
            sys.exit(1)
