"""``concord import_observations FILE``: load observations (or targets) from CSV or .xlsx."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.performance.models import FigureBasis
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.preview import Preview
from concord.performance.tabular.reading import ImportResult, Progress
from concord.performance.tabular.targets import import_targets


class Command(BaseCommand):
    help = (
        "Import observations (or, with --targets, targets) from a CSV or .xlsx file. "
        "Every row is checked first; nothing is written if any row fails. Observations are "
        "previewed (new, changed and unchanged rows, how each column was read) and written "
        "only when confirmed: at the prompt, or with --yes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A .csv or .xlsx file with a header row.")
        parser.add_argument("--targets", action="store_true", help="The file holds targets.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, write nothing."
        )
        parser.add_argument("--user", help="Username recorded as having entered the figures.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Write the previewed observations without asking.",
        )
        parser.add_argument(
            "--basis",
            choices=[b.value for b in FigureBasis],
            default=FigureBasis.PERIOD.value,
            help="Figures of cumulative indicators are for the period alone (period, the default) "
            "or the total so far this financial year (ytd); a 'basis' column overrides it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user called {options['user']!r}")
        path = options["path"]
        try:
            if options["targets"]:
                result = import_targets(path, user=user, dry_run=options["dry_run"])
            else:
                result = self._preview_then_import(path, user, options)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        except (UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())

    def _preview_then_import(
        self, path: str, user: User | None, options: dict[str, Any]
    ) -> ImportResult:
        """Show what the file would do; write it, if confirmed, unless the figures changed."""
        ytd = options["basis"] == FigureBasis.YEAR_TO_DATE
        preview = Preview()
        with self._progress_bar(path, options["no_progress"]) as progress:
            result = import_observations(
                path, user=user, year_to_date=ytd, preview=preview, progress=progress
            )
        if not result.ok or options["dry_run"]:
            return result
        for line in preview.lines():
            self.stdout.write(line)
        if not options["yes"]:
            interactive = getattr(sys.stdin, "isatty", lambda: False)()
            if not interactive:
                raise CommandError("Nothing written: run again with --yes to write these figures.")
            if input("Write these figures? [y/N] ").strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing written.")
        with self._progress_bar(path, options["no_progress"]) as progress:
            return import_observations(
                path,
                user=user,
                year_to_date=ytd,
                expect_fingerprint=result.fingerprint,
                progress=progress,
            )

    @contextmanager
    def _progress_bar(self, path: str, off: bool) -> Iterator[Progress | None]:
        """A bar on stderr of the rows checked (out of the CSV's lines), then "Writing"."""
        if off:
            yield None
            return
        from tqdm import tqdm

        total = None if path.lower().endswith(".xlsx") else _data_lines(path)
        bar = tqdm(total=total, desc="Checking", unit="row", file=self.stderr, mininterval=0.5)

        def progress(stage: str, rows: int) -> None:
            bar.set_description(stage)
            bar.update(rows - bar.n)

        try:
            yield progress
        finally:
            bar.close()


def _data_lines(path: str) -> int | None:
    """The lines of a CSV file after its header (the bar's total), or None if unreadable."""
    try:
        with Path(path).open("rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    except OSError:
        return None  # the import itself says why the file cannot be read
    return max(lines - 1, 0)
