"""``concord serve``: serve the configured Concord instance under gunicorn (docs/deploy.md)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from concord.lib.pagecache import bump_generation
from concord.lib.serving import ServeOptions, describe, exec_gunicorn


class Command(BaseCommand):
    help = (
        "Serve this Concord instance with gunicorn (workers and threads sized from the "
        "machine), after applying migrations and collecting static files (served by "
        "whitenoise). Signals to the process: HUP reloads gracefully, TERM stops after the "
        "requests in flight. Put a reverse proxy with TLS in front (docs/deploy.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (8000).")
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (127.0.0.1).")
        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            help="Worker processes (CONCORD_WEB_WORKERS; default CPUs + 1, 2 to 12).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=0,
            help="Threads per worker (CONCORD_WEB_THREADS; default 4).",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=0,
            help="Seconds before a stuck request's worker is restarted, and the grace "
            "period on reload and shutdown (CONCORD_WEB_TIMEOUT; default 60).",
        )
        parser.add_argument(
            "--access-log",
            default=None,
            help="Access log file, '-' for standard output (the default), '' for none "
            "(CONCORD_ACCESS_LOG).",
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not apply pending migrations first."
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="Do not collect static files first (they are served by whitenoise).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        serve = ServeOptions(
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            threads=options["threads"],
            timeout=options["timeout"],
            access_log=options["access_log"],
        )
        # New code may render pages differently: nothing cached before this start
        # (in Redis, which outlives the server) is served after it.
        bump_generation()
        self.stdout.write(f"Serving Concord: {describe(serve)}")
        exec_gunicorn(serve)
