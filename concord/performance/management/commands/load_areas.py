"""``concord load_areas FILE``: load areas (ONS GSS or local codes) from a CSV."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.performance.tabular.areas import load_areas_csv


class Command(BaseCommand):
    help = (
        "Load areas from a CSV with columns code, name, level (nation, region, "
        "local authority, ward, LSOA) and parent (a code); all rows or none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A .csv (or .xlsx) file with a header row.")
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_areas_csv(options["path"], dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(f"cannot read {options['path']}: {exc.strerror}") from exc
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
