"""Throughput of ``concord serve`` under wrk: requests/s and latency percentiles.

Builds (or reuses) the 50-body benchmark partnership of ``bench/pages.py``,
starts ``concord serve`` (gunicorn) on 127.0.0.1, and runs Debian's ``wrk``
(``apt-get install wrk``) against the home page, the busiest body's page, its
meeting with the most actions, ``/performance/``, the action tracker signed
in as the secretariat (a real session cookie, and the CSRF cookie a browser
sends back), and a static file (the
ceiling of the stack), each for ``--duration`` seconds at each of
``--connections``. Anonymous pages are warmed first, so they are measured as
the cache hits a running site serves; the script checks that they are.
The signed-in tracker keeps its rendered table per user until anything is
written (``pagecache.signed_in_fragment``); ``--page-cache off`` runs the
server with every cache off, to measure what a miss costs. Each row also
gives the server's CPU time per request (all gunicorn processes), which a
busy machine disturbs less than requests per second.

    .venv/bin/python bench/serve_bench.py                     # build, measure, remove
    .venv/bin/python bench/serve_bench.py --keep              # keep the database for --reuse
    .venv/bin/python bench/serve_bench.py --reuse --data /tmp/concord-serve-bench-XXXX
    .venv/bin/python bench/serve_bench.py --reuse --data ... --page-cache off
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402  (bench/pages.py: the generator and its database set-up)


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (gunicorn and workers)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for child in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in found]


@dataclass
class Result:
    page: str
    url: str
    connections: int
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    cache: str
    cpu_ms: float = 0.0  # the server's CPU time per request (less noisy than req/s)


def server_environment(data: Path, secret_key: str, port: int) -> dict[str, str]:
    """The server's environment: production settings, no HTTPS redirect (plain 127.0.0.1)."""
    env = dict(os.environ)
    env.update(
        CONCORD_DATA=str(data),
        SECRET_KEY=secret_key,
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        CONCORD_INLINE_WORKER="0",
        DJANGO_SETTINGS_MODULE="concord.settings",
    )
    env.pop("CONCORD_DEMO", None)
    return env


def prepare(args: argparse.Namespace, data: Path, secret_key: str) -> dict[str, str]:
    """Build or reuse the database; return the URLs to measure and a session cookie."""
    os.environ["SECRET_KEY"] = secret_key  # the server signs and checks sessions with it
    pages.configure(args.database_url or None, data)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from concord.lib.access import SECRETARIAT_GROUP

    call_command("migrate", interactive=False, verbosity=0)
    if not args.reuse:
        call_command("flush", interactive=False, verbosity=0)
        start = time.perf_counter()
        counts = pages.generate(pages.Size().scaled(args.scale), seed=1)
        print(f"Generated in {time.perf_counter() - start:.0f} s: {counts}", file=sys.stderr)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)
    found = {p.label: pages.resolve(p) for p in pages.pages_to_measure()}
    user, _ = get_user_model().objects.get_or_create(username="bench-secretariat")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    client = Client()
    client.force_login(user)
    # A browser sends back the CSRF cookie a signed-in page set; so does wrk.
    client.get(reverse("actions:tracker"))
    cookie = "; ".join(
        f"{name}={client.cookies[name].value}" for name in ("sessionid", "csrftoken")
    )
    connection.close()
    if args.pages == "public":
        month = dt.date.today().strftime("%Y-%m")
        public = {
            "home (public)": "/",
            "calendar month (public)": f"{reverse('portal:calendar')}?month={month}"
            if _has("portal:calendar")
            else "",
            "decisions list (public)": reverse("portal:decisions")
            if _has("portal:decisions")
            else "",
        }
        for extra in args.extra:
            label, _, path = extra.partition("=")
            public[f"{label} (public)"] = path
        return {**public, "_cookie": cookie}
    return {
        "home (public)": "/",
        "body page (public)": found["body page (public)"] or "",
        "meeting page (public)": found["meeting page"] or "",
        "/performance/ (public)": reverse("performance:dashboard")
        if _has("performance:dashboard")
        else "/performance/",
        "action tracker (signed in)": found["action tracker"] or "",
        "static file (ceiling)": "/static/concord/concord.css",
        "_cookie": cookie,
    }


def _has(name: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode}); see serve.log")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server at {base} did not come up in {timeout:.0f} s")


def cache_state(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Concord-Cache", "-")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


# wrk's --latency prints the 50th, 75th, 90th and 99th percentiles; the issues'
# goals are often a 95th, which wrk's Lua "done" hook can read from the same histogram.
_P95_LUA = """done = function(summary, latency, requests)
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
end
"""


def _p95_script() -> Path:
    script = Path(tempfile.gettempdir()) / "concord-wrk-p95.lua"
    if not script.exists() or script.read_text() != _P95_LUA:
        script.write_text(_P95_LUA)
    return script


def run_wrk(
    url: str, connections: int, duration: int, cookie: str | None, keep: Path | None = None
) -> dict[str, float]:
    """One wrk run; requests/s, p50/p90/p95/p99 in ms, and errors (non-2xx/3xx and socket).

    With ``keep``, wrk's own report is appended to that file.
    """
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    argv += ["-s", str(_p95_script())]
    if cookie:
        argv += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    if keep is not None:
        with open(keep, "a") as handle:
            handle.write(f"$ {' '.join(argv[:-2] if cookie else argv)} {url}\n{out}\n")
    if "Requests/sec" not in out or "99%" not in out:
        raise SystemExit(f"unexpected wrk output for {url}:\n{out}")
    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)\s*$", out, re.M))
    p95 = re.search(r"^p95_us (\d+)$", out, re.M)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(percentiles["50"]),
        "p90": _ms(percentiles["90"]),
        "p95": int(p95.group(1)) / 1000 if p95 else float("nan"),
        "p99": _ms(percentiles["99"]),
        "errors": errors,
        "requests": float(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8150, help="Port for the server (8150).")
    parser.add_argument("--duration", type=int, default=30, help="Seconds per wrk run (30).")
    parser.add_argument("--connections", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--scale", type=float, default=1.0, help="Size of the partnership (1.0).")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite).")
    parser.add_argument("--data", default="", help="Data folder (default: a new temp folder).")
    parser.add_argument("--reuse", action="store_true", help="Measure the data already there.")
    parser.add_argument("--keep", action="store_true", help="Keep the data folder afterwards.")
    parser.add_argument(
        "--serve-args", default="", help="Extra arguments for concord serve, e.g. '--workers 3'."
    )
    parser.add_argument(
        "--page-cache",
        choices=["on", "off"],
        default="on",
        help="off: CONCORD_PAGE_CACHE=0, every page rendered (the cost of a miss).",
    )
    parser.add_argument(
        "--only", default="", help="Measure only the pages whose label contains this, e.g. tracker."
    )
    parser.add_argument(
        "--pages",
        choices=["core", "public"],
        default="core",
        help="core: the pages above; public: the home page, this month's calendar and the "
        "decisions list as an anonymous visitor (issue 14), plus any --extra.",
    )
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="LABEL=PATH",
        help="Another public page to measure with --pages public, e.g. 'facts=/facts/'.",
    )
    parser.add_argument("--json", default="", help="Also write the results to this file.")
    parser.add_argument(
        "--startup-timeout", type=float, default=120, help="Seconds for the server to come up."
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="concord-serve-bench-"))
    data.mkdir(parents=True, exist_ok=True)
    secret_key_file = data / "bench-secret-key"
    if not secret_key_file.exists():
        secret_key_file.write_text(secrets.token_urlsafe(48))
    secret_key = secret_key_file.read_text().strip()
    urls = prepare(args, data, secret_key)
    cookie = urls.pop("_cookie")

    base = f"http://127.0.0.1:{args.port}"
    env = server_environment(data, secret_key, args.port)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    env["CONCORD_PAGE_CACHE"] = "1" if args.page_cache == "on" else "0"
    log = open(data / "serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "serve", "--port", str(args.port), "--no-migrate",
         "--no-collectstatic",  # prepare() collected them
         "--access-log", str(data / "access.log"), *args.serve_args.split()],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    results: list[Result] = []
    try:
        wait_until_up(base, server, args.startup_timeout)
        for label, path in urls.items():
            if args.only and args.only not in label:
                continue
            if not path:
                print(f"{label}: no such page here", file=sys.stderr)
                continue
            signed_in = "signed in" in label
            cached = "public" in label  # the static file is whitenoise's, not the cache's
            # Fill every worker's cache (each gunicorn worker has its own local-memory
            # cache without Redis), then count the hits among ten requests.
            for _ in range(30):
                cache_state(base + path)
            hits = sum(cache_state(base + path) == "hit" for _ in range(10))
            state = f"{hits}/10 hits" if cached else "-"
            if signed_in and args.page_cache == "on":
                state = "table kept per user"
            # Warm every worker thread as a running site is (templates compiled, each
            # worker's caches filled): a short run at the most connections, not counted.
            run_wrk(base + path, max(args.connections), 5, cookie if signed_in else None)
            for connections in args.connections:
                cpu_before = server_cpu_seconds(server.pid)
                got = run_wrk(
                    base + path, connections, args.duration, cookie if signed_in else None
                )
                cpu_ms = (server_cpu_seconds(server.pid) - cpu_before) * 1000 / got["requests"]
                results.append(
                    Result(label, path, connections, got["rps"], got["p50"], got["p90"],
                           got["p95"], got["p99"], int(got["errors"]), state, round(cpu_ms, 2))
                )  # fmt: skip
                print(f"{label} c={connections}: {got}", file=sys.stderr)
    finally:
        server.terminate()  # gunicorn: graceful shutdown
        server.wait(timeout=90)
        log.close()
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)
        elif args.keep:
            print(f"Kept {data} (for --reuse --data {data})", file=sys.stderr)

    print(f"# concord serve under wrk ({args.duration} s per run, scale {args.scale})\n")
    print(f"Page cache: {args.page_cache}. Server CPU ms/request: all gunicorn processes.\n")
    print(
        "| page | URL | connections | req/s | p50 ms | p90 ms | p95 ms | p99 ms | errors | cache "
        "| server CPU ms/req |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for r in results:
        print(
            f"| {r.page} | `{r.url}` | {r.connections} | {r.requests_per_s:,.0f} | "
            f"{r.p50_ms:.1f} | {r.p90_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} | {r.errors} "
            f"| {r.cache} | {r.cpu_ms:.1f} |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
