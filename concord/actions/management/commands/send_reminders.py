"""``concord send_reminders``: e-mail owners of actions due in a week or overdue (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.dateparse import parse_date

from concord.actions.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail owners of actions due within a week or overdue; each reminder is sent once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_date(options["today"]) if options.get("today") else None
        run = send_reminders(today)
        self.stdout.write(
            f"Sent {run.sent} reminder(s); {run.skipped_no_email} owner(s) have no e-mail address."
        )
