"""``concord import_observations FILE``: load observations (or targets) from CSV or .xlsx."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.reading import Progress
from concord.performance.tabular.targets import import_targets


class Command(BaseCommand):
    help = (
        "Import observations (or, with --targets, targets) from a CSV or .xlsx file. "
        "Every row is checked first; nothing is written if any row fails."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="A .csv or .xlsx file with a header row.")
        parser.add_argument("--targets", action="store_true", help="The file holds targets.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, write nothing."
        )
        parser.add_argument("--user", help="Username recorded as having entered the figures.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")

    def handle(self, *args, **options) -> None:
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
                with self._progress_bar(path, options["no_progress"]) as progress:
                    result = import_observations(
                        path, user=user, dry_run=options["dry_run"], progress=progress
                    )
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        except (UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())

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
