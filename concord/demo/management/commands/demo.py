"""``concord demo``: set up the Harrowby demo partnership and serve it on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from concord.demo.instance import DemoCredentials, setup_demo
from concord.demo.launch import (
    CHILD_FLAG,
    DEFAULT_DATA,
    demo_environment,
    worker_beside_server,
)
from concord.demo.partnership import ProgressFn
from concord.lib.serving import ServeOptions, exec_gunicorn

# Share of the progress bar given to each stage of the build.
_STAGES = {
    "Organisations": (0, 2),
    "People": (2, 5),
    "Meetings": (5, 10),
    "Minutes": (10, 40),
    "Actions": (40, 98),
    "Done": (100, 100),
}


def needs_reexec(data_dir: Path) -> bool:
    """Must the demo run in a fresh process, because settings were read with other values?

    Settings come from the environment once, at start-up. The demo needs its
    own data folder, ``CONCORD_DEMO=1``, ``DEBUG`` off and no ``DATABASE_URL``;
    if this process was started otherwise, the demo is re-run in a child
    process with that environment (never twice: the child carries a flag).
    """
    if os.environ.get(CHILD_FLAG) == "1":
        return False
    return (
        data_dir != Path(settings.DATA_DIR).resolve()
        or not settings.DEMO_MODE
        or settings.DEBUG
        or bool(os.environ.get("DATABASE_URL"))
    )


class Command(BaseCommand):
    help = (
        "Set up a demo partnership (the invented town of Harrowby) in its own data folder, "
        "print one-time passwords for the demo accounts, and serve it on 127.0.0.1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (8000).")
        parser.add_argument(
            "--data",
            default=DEFAULT_DATA,
            help="Data folder for the demo's database and files (./demo-data).",
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="Set up and print the accounts, then stop."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Wipe the demo database and build it again."
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Size of the demo: 1.0 is about 80 people and two years of meetings.",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (2026).")

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir = Path(options["data"]).expanduser().resolve()
        if needs_reexec(data_dir):
            sys.exit(self.reexec(data_dir, options))
        self.stdout.write(f"Concord demo in {data_dir}")
        credentials = setup_demo(
            data_dir,
            reset=options["reset"],
            scale=options["scale"],
            seed=options["seed"],
            progress=self.progress_bar(),
        )
        self.close_bar()
        self.report(credentials, options["port"])
        if not options["no_serve"]:
            # Uploads are read by a worker beside the server. The same production
            # server as `concord serve` then replaces this process: the worker's
            # parent-death signal (launch._die_with_parent) stops it with gunicorn.
            with worker_beside_server():
                exec_gunicorn(ServeOptions(port=options["port"]))

    def reexec(self, data_dir: Path, options: dict[str, Any]) -> int:
        """Run ``python -m concord.demo`` with the demo's environment; return its exit code."""
        argv = [sys.executable, "-m", "concord.demo", "--port", str(options["port"])]
        argv += ["--data", str(data_dir), "--scale", str(options["scale"])]
        argv += ["--seed", str(options["seed"]), "--verbosity", str(options["verbosity"])]
        argv += ["--no-serve"] if options["no_serve"] else []
        argv += ["--reset"] if options["reset"] else []
        try:
            return subprocess.call(argv, env=demo_environment(data_dir))
        except KeyboardInterrupt:
            return 130

    def progress_bar(self) -> ProgressFn:
        """A tqdm bar on the terminal, fed by the builder's ``progress(label, done, total)``."""
        from tqdm import tqdm

        self._bar = tqdm(total=100, desc="Building Harrowby", unit="%", leave=False)

        def progress(label: str, done: int, total: int) -> None:
            low, high = _STAGES.get(label, (0, 100))
            self._bar.set_description(f"Building Harrowby: {label.lower()}")
            self._bar.n = int(low + (high - low) * done / max(total, 1))
            self._bar.refresh()

        return progress

    def close_bar(self) -> None:
        bar = getattr(self, "_bar", None)
        if bar is not None:
            bar.close()

    def report(self, credentials: DemoCredentials, port: int) -> None:
        """Print what was built and the one-time passwords, clearly."""
        if credentials.built is not None:
            counts = credentials.built.counts()
            listed = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
            self.stdout.write(f"Built the Harrowby partnership: {listed}.")
        else:
            self.stdout.write("Demo data already present (use --reset to build it again).")
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Concord demo: {url}"))
        self.stdout.write(f"Sign in at {url}accounts/login/ with one of these accounts.")
        self.stdout.write("The passwords are new each time the demo starts; they are shown once.")
        roles = {
            "secretariat": "secretariat: sees and edits everything",
            "member": "member: a partner on the Board and a theme group",
            "editor": "editor: chair of Safer Communities, records its meetings",
            "chair": "chair: chair of Health and Wellbeing, records its meetings",
        }
        for username, password in credentials.accounts:
            self.stdout.write(
                f"  username: {username:<12} password: {password}   ({roles.get(username, '')})"
            )
        self.stdout.write("")
