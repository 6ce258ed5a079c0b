"""``concord serve`` runs gunicorn for real: static files, signals, access log."""

from __future__ import annotations

import doctest
import http.client
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from concord.lib import pagecache, serving

ROOT = Path(__file__).resolve().parents[2]


def test_the_serving_helpers_examples_hold() -> None:
    for module in (serving, pagecache):
        assert doctest.testmod(module).failed == 0


def test_workers_are_sized_from_the_machine_and_overridable(monkeypatch) -> None:
    monkeypatch.delenv("CONCORD_WEB_WORKERS", raising=False)
    sized = serving.ServeOptions().resolved()
    assert sized.workers == serving.default_workers(serving.usable_cpus())
    assert sized.threads == 4
    monkeypatch.setenv("CONCORD_WEB_WORKERS", "7")
    assert serving.ServeOptions().resolved().workers == 7
    assert serving.ServeOptions(workers=2).resolved().workers == 2


def free_port() -> int:
    # 8170-8199: bench/serve_bench.py uses 8150 by default.
    for port in range(8170, 8200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port in 8170-8199")


def get(port: int, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def read_until(stream, text: str) -> str:
    """Read the server's output line by line until ``text`` appears (blocking reads)."""
    seen = []
    for line in stream:
        seen.append(line)
        if text in line:
            return "".join(seen)
    pytest.fail(f"the server stopped before printing {text!r}:\n{''.join(seen)}")


def test_concord_serve_runs_gunicorn_which_reloads_and_stops_gracefully(tmp_path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CONCORD_DEMO")}
    env.update(
        CONCORD_DATA=str(tmp_path),
        SECRET_KEY="s" * 60,
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="concord.settings",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "serve", "--port", str(port), "--no-migrate",
         "--workers", "2", "--threads", "2", "--access-log", str(tmp_path / "access.log")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        # Once gunicorn listens, a request waits in the socket's queue for a worker.
        read_until(server.stdout, "Listening at")
        # A new start never serves pages cached before it (by older code).
        assert int((tmp_path / "page-cache-generation").read_bytes()) == 1
        health = get(port, "/healthz")
        assert health.status == 200
        assert health.getheader("Server", "").startswith("gunicorn")
        css = get(port, "/static/concord/concord.css")
        assert css.status == 200 and "text/css" in css.getheader("Content-Type", "")

        server.send_signal(signal.SIGHUP)
        read_until(server.stdout, "Hang up")
        assert get(port, "/healthz").status == 200

        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=120)[0]
        assert server.returncode == 0, output
        assert "Shutting down" in output
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    log = (tmp_path / "access.log").read_text()
    assert '"GET /static/concord/concord.css HTTP/1.1" 200' in log
    assert log.count("GET /healthz") == 2
    assert log.rstrip().endswith("ms")
