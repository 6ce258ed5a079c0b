"""``concord reextract``: read stored documents again with the current extractor."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concord.imports.services import reextract


class Command(BaseCommand):
    help = (
        "Re-run the current extractor over stored documents read by an older one, "
        "re-applying each record over the meeting it wrote (never a second meeting). "
        "Confirmed documents and those corrected on review are left alone unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also documents already read by this extractor or corrected on review.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = reextract(force=options["force"])
        self.stdout.write(
            f"Re-extracted {summary.imported + summary.duplicates}, failed {len(summary.failed)}."
        )
        for name, reason in summary.failed:
            self.stdout.write(f"  failed: {name}: {reason}")
        if summary.failed:
            sys.exit(1)
