"""``concord sweep_staged_imports [--days N]``: put aside abandoned import previews."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.performance.tabular.staged import KEPT_UNCONFIRMED, sweep_staged


class Command(BaseCommand):
    help = (
        "Put aside every uploaded observations file whose preview was left unconfirmed "
        "for more than N days (7 by default), deleting the stored files. Each uploader's "
        "own are also swept when they next upload; run this from cron to sweep everyone's."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=KEPT_UNCONFIRMED.days,
            help="Previews older than this many days are put aside (at least 1).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 1 or days > 3650:
            raise CommandError("--days must be a whole number from 1 to 3650")
        n = sweep_staged(dt.timedelta(days=days))
        self.stdout.write(f"{n} unconfirmed preview(s) older than {days} day(s) put aside.")
