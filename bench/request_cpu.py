"""CPU time per request through the production WSGI stack, in one process.

A busy machine disturbs requests per second and latency far more than the CPU
time a request costs, so this measures that: ``time.process_time()`` around
``N`` calls of ``concord.wsgi.application`` (every middleware, production
settings, ``DEBUG=0``), signed in as the secretariat with a real session and
CSRF cookie, as ``bench/serve_bench.py`` does under wrk. Run it on the data
folder that ``serve_bench.py --keep`` built:

    .venv/bin/python bench/serve_bench.py --keep --data /tmp/concord-serve-bench --only tracker
    .venv/bin/python bench/request_cpu.py --data /tmp/concord-serve-bench
    .venv/bin/python bench/request_cpu.py --data /tmp/concord-serve-bench --profile 25

The figure is the best of ``--rounds`` rounds (the least disturbed), after a
warm-up, with two counts a busy machine does not disturb at all: Python
function calls and SQL queries per request. ``--profile N`` prints
cProfile's top ``N`` functions instead.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup(data: Path) -> Any:
    """Production settings on the bench data; return the WSGI application."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        CONCORD_DATA=str(data),
        SECRET_KEY=(data / "bench-secret-key").read_text().strip(),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        CONCORD_INLINE_WORKER="0",
        DJANGO_SETTINGS_MODULE="concord.settings",
    )
    os.environ.pop("CONCORD_DEMO", None)
    from concord.wsgi import application

    return application


def signed_in_cookie() -> str:
    """A session for the bench's secretariat user, as a Cookie header (no CSRF yet)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.get(username="bench-secretariat")
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def environ(path: str, cookie: str) -> dict[str, Any]:
    query = ""
    if "?" in path:
        path, query = path.split("?", 1)
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8150",
        "HTTP_HOST": "127.0.0.1:8150",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "HTTP_ACCEPT": "text/html",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def get(application: Any, path: str, cookie: str) -> tuple[str, list[tuple[str, str]], bytes]:
    """One request through the WSGI application: status, headers, body."""
    got: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        got["status"], got["headers"] = status, headers
        return lambda data: None

    result = application(environ(path, cookie), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return got["status"], got["headers"], body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="The data folder serve_bench.py kept.")
    parser.add_argument("--path", default="/actions/", help="The page (/actions/).")
    parser.add_argument("-n", type=int, default=500, help="Requests per round (500).")
    parser.add_argument("--rounds", type=int, default=5, help="Rounds; the best is given (5).")
    parser.add_argument("--profile", type=int, default=0, help="Print cProfile's top N instead.")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key (cumulative).")
    args = parser.parse_args(argv)

    application = setup(Path(args.data))
    cookie = signed_in_cookie()
    status, headers, _ = get(application, args.path, cookie)
    if not status.startswith("200"):
        raise SystemExit(f"{args.path} answered {status}")
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("csrftoken="):
            cookie += "; " + value.split(";", 1)[0]
    for _ in range(50):  # warm-up: templates compiled, caches filled
        get(application, args.path, cookie)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            get(application, args.path, cookie)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(args.sort)
        stats.print_stats(args.profile)
        return 0

    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        for _ in range(args.n):
            get(application, args.path, cookie)
        rounds.append((time.process_time() - start) * 1000 / args.n)
    calls, queries = counts(application, args.path, cookie, 100)
    print(
        f"{args.path}: CPU ms/request best {min(rounds):.2f} (rounds "
        + ", ".join(f"{r:.2f}" for r in rounds)
        + f"); Python function calls/request {calls:,.0f}; SQL queries/request {queries:g}"
    )
    return 0


def counts(application: Any, path: str, cookie: str, n: int) -> tuple[float, float]:
    """Python function calls and SQL queries per request: the same on a busy machine."""
    from django.db import connection

    executed = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    profiler = cProfile.Profile()
    with connection.execute_wrapper(count):
        profiler.enable()
        for _ in range(n):
            get(application, path, cookie)
        profiler.disable()
    calls = pstats.Stats(profiler).total_calls  # type: ignore[attr-defined]
    return calls / n, len(executed) / n


if __name__ == "__main__":
    sys.exit(main())
