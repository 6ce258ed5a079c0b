"""Running Concord under gunicorn: the command line, sized from the machine.

``concord serve`` and ``concord demo`` both end in :func:`exec_gunicorn`,
which *replaces* the current process with gunicorn's master, so the usual
signals reach it directly: ``HUP`` reloads the code and configuration and
restarts the workers gracefully, ``TERM`` finishes the requests in flight
and stops, ``TTIN``/``TTOU`` add or remove a worker (docs/deploy.md).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from django.conf import settings

# Request time in milliseconds (%(M)s) closes each line, for slow-page hunting.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(r)s" %(s)s %(b)s "%(a)s" %(M)sms'


def usable_cpus() -> int:
    """CPUs this process may run on (respects taskset and container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_workers(cpus: int) -> int:
    """Worker processes for ``cpus`` CPUs: CPUs + 1 (at least 2, at most 12).

    Each worker has threads (4) for requests waiting on the database, so it
    takes fewer processes than gunicorn's 2 × CPUs + 1 for sync workers: on
    2 cores, 3 × 4 served cached pages faster, with a lower p99, than 5 × 4
    (docs/benchmarks.md, "concord serve under wrk").

    >>> default_workers(1), default_workers(2), default_workers(16)
    (2, 3, 12)
    """
    return max(2, min(cpus + 1, 12))


@dataclass(frozen=True)
class ServeOptions:
    """What gunicorn is started with (each overridable by flag or environment)."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 0  # 0: sized from the machine
    threads: int = 0  # 0: CONCORD_WEB_THREADS or 4
    timeout: int = 0  # 0: CONCORD_WEB_TIMEOUT or 60
    access_log: str | None = None  # None: CONCORD_ACCESS_LOG or "-" (stdout); "" for none

    def resolved(self) -> ServeOptions:
        """The same options with every 0/None replaced by the environment or the default."""
        env = os.environ
        return ServeOptions(
            host=self.host,
            port=self.port,
            workers=self.workers
            or int(env.get("CONCORD_WEB_WORKERS") or default_workers(usable_cpus())),
            threads=self.threads or int(env.get("CONCORD_WEB_THREADS") or 4),
            timeout=self.timeout or int(env.get("CONCORD_WEB_TIMEOUT") or 60),
            access_log=(
                self.access_log
                if self.access_log is not None
                else env.get("CONCORD_ACCESS_LOG", "-")
            ),
        )


def gunicorn_argv(options: ServeOptions) -> list[str]:
    """gunicorn's command line for resolved ``options``.

    >>> argv = gunicorn_argv(ServeOptions(port=8150, workers=3, threads=2, timeout=30,
    ...                                   access_log=""))
    >>> argv[argv.index("--bind") + 1], argv[argv.index("--workers") + 1]
    ('127.0.0.1:8150', '3')
    >>> "--access-logfile" in argv
    False
    """
    host = f"[{options.host}]" if ":" in options.host else options.host
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "concord.wsgi:application",
        "--bind",
        f"{host}:{options.port}",
        "--workers",
        str(options.workers),
        "--threads",
        str(options.threads),
        # gthread workers keep idle keep-alive connections off the worker threads.
        "--worker-class",
        "gthread",
        "--timeout",
        str(options.timeout),
        "--graceful-timeout",
        str(options.timeout),
        "--keep-alive",
        "5",
        "--error-logfile",
        "-",
        "--log-level",
        os.environ.get("CONCORD_WEB_LOG_LEVEL", "info"),
    ]
    # gunicorn's control socket (gunicornc) lives beside the data, one per port,
    # so two instances on one machine do not fight over ~/.gunicorn.
    control = str(settings.DATA_DIR / f"gunicorn-{options.port}.ctl")
    argv += ["--control-socket", control] if len(control) < 100 else ["--no-control-socket"]
    if options.access_log:
        argv += ["--access-logfile", options.access_log, "--access-logformat", ACCESS_LOG_FORMAT]
    # Requests reach Concord through a proxy on this host by default; name
    # others (a load balancer) in FORWARDED_ALLOW_IPS, read by gunicorn itself.
    return argv


def exec_gunicorn(options: ServeOptions) -> None:
    """Replace this process with gunicorn serving Concord (never returns)."""
    argv = gunicorn_argv(options.resolved())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    sys.stdout.flush()
    sys.stderr.flush()
    # Settings were already read from this environment; the workers read the same.
    os.execv(argv[0], argv)  # noqa: S606 - argv is ours, no shell


def describe(options: ServeOptions) -> str:
    """One line saying how the server is sized, for the console."""
    o = options.resolved()
    return (
        f"gunicorn on http://{o.host}:{o.port}/ with {o.workers} workers × {o.threads} "
        f"threads (data: {settings.DATA_DIR})"
    )
