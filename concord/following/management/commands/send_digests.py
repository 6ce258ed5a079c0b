"""concord send_digests: queue (or run) the followers' digests; for cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Mail followers of bodies, topics and areas what the public may newly see "
        "(published agendas, approved minutes, decisions, events): one digest per address. "
        "Queues the task for `concord worker`; run it from cron, e.g. daily. Safe to rerun: "
        "nothing is sent twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="run the digests in this process instead of queueing them",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from concord.following import services, tasks

        if options["now"]:
            run = services.send_digests()
            self.stdout.write(f"{run.noted} noted, {run.expired} expired, {run.mailed} mailed")
        else:
            result = tasks.send_digests.enqueue()
            self.stdout.write(f"queued digests task {result.id}")
