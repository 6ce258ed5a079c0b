"""Start ``concord demo`` with the environment it needs *before* Django reads its settings.

Settings are read once, at start-up, from the environment, so the demo's
choices (its own data folder, ``CONCORD_DEMO=1`` which allows the built-in
secret key, ``DEBUG`` off, no ``DATABASE_URL``) must be in the environment
before ``django.setup()``. :func:`prepare_environment` does that from the
command line; ``python -m concord.demo`` uses it, and so can the
``concord`` entry point.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_DATA = "demo-data"
CHILD_FLAG = "CONCORD_DEMO_CHILD"


def data_dir_from_args(argv: list[str]) -> Path:
    """The ``--data`` folder named on a ``demo`` command line, or ``./demo-data``.

    >>> data_dir_from_args(["--port", "8001", "--data=/tmp/x"]).as_posix()
    '/tmp/x'
    """
    value = DEFAULT_DATA
    for i, arg in enumerate(argv):
        if arg == "--data" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--data="):
            value = arg.split("=", 1)[1]
    return Path(value).expanduser().resolve()


def demo_environment(data_dir: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a demo process runs in: its data folder, demo mode, no DEBUG."""
    env = dict(os.environ if base is None else base)
    env["CONCORD_DATA"] = str(data_dir)
    env["CONCORD_DEMO"] = "1"
    env["DEBUG"] = "0"
    # The demo always uses its own SQLite file: never someone's real database.
    env.pop("DATABASE_URL", None)
    env[CHILD_FLAG] = "1"
    return env


def prepare_environment(argv: list[str]) -> None:
    """Set ``os.environ`` for a ``demo`` command line (call before Django loads)."""
    os.environ.clear()
    os.environ.update(demo_environment(data_dir_from_args(argv), dict(os.environ)))


@contextmanager
def worker_beside_server(env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``concord worker`` in a child process while the server runs; stop it after.

    Uploaded documents are read by the worker (in guarded child processes),
    never in the web server, so the demo starts one beside its server.
    """
    worker = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "worker", "--no-startup-delay", "--no-reload"],
        env=env,
        preexec_fn=_die_with_parent,  # one async-signal-safe call
    )
    try:
        yield worker
    finally:
        worker.terminate()  # graceful: it finishes the document in hand
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()  # what it held is taken back by the next worker (its pid is gone)
            worker.wait()


def _die_with_parent() -> None:
    """Ask Linux to stop this child when its parent dies (a server killed with SIGTERM).

    Without it, a demo stopped by ``kill`` would leave its worker running:
    the ``finally`` above runs only when the server returns or is interrupted.
    """
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    # Not Linux: the finally above still stops it on a normal exit.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def main(argv: list[str] | None = None) -> int:
    """``python -m concord.demo [options]``: the same as ``concord demo [options]``."""
    args = sys.argv[1:] if argv is None else argv
    prepare_environment(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["concord", "demo", *args])
    return 0
