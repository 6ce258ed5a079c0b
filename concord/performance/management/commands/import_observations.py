"""``concord import_observations FILE``: load observations (or targets) from CSV or .xlsx."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from concord.performance.io import import_observations, import_targets


class Command(BaseCommand):
    help = (
        "Import observations (or, with --targets, targets) from a CSV or .xlsx file. "
        "Every row is checked first; nothing is written if any row fails."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("path", help="A .csv or .xlsx file with a header row.")
        parser.add_argument("--targets", action="store_true", help="The file holds targets.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, write nothing."
        )
        parser.add_argument("--user", help="Username recorded as having entered the figures.")

    def handle(self, *args, **options) -> None:  # noqa: ANN002, ANN003
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user called {options['user']!r}")
        load = import_targets if options["targets"] else import_observations
        try:
            result = load(options["path"], user=user, dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(f"cannot read {options['path']}: {exc.strerror}") from exc
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
