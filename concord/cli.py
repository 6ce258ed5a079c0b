"""The ``concord`` command-line entry point.

``concord extract`` is served by the Django-free extraction library so that it
starts fast and can run over whole archives; every other sub-command is a
Django management command (``concord demo``, ``concord serve``,
``concord import`` …), so ``concord help`` lists them all.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a ``concord`` sub-command and return its exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "extract":
        from concord.ingest.cli import main as extract_main

        return extract_main(args[1:])
    if args and args[0] == "demo":
        # Settings are read once at start-up, so the demo's environment (its own
        # data folder and SQLite file, demo mode) must be set before Django loads.
        from concord.demo.launch import prepare_environment

        prepare_environment(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["concord", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
