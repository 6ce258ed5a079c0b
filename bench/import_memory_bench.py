"""Benchmark: peak memory of the web server and the worker importing minutes and hostile files.

Builds a fresh instance in a temporary folder (SQLite), starts ``concord
serve`` on 127.0.0.1 and ``concord worker`` beside it, signs in as a
secretariat account and uploads, through the real upload form, N ordinary
invented minutes (``bench/import_bench.py``'s generator, text/HTML/Word/PDF
in turn) and the hostile files of ``tests/imports/hostile.py`` (a PDF whose
content stream inflates to 1 GB, a .docx whose zip headers understate a
1.3 GB member, an honest zip bomb, billion laughs, an encrypted PDF, a 60 MB
file), then waits for the worker to finish. Reports the peak resident
memory (``VmHWM``) of the server and of the worker process, the largest
resident size seen of any guarded reading child, the statuses, and each
hostile file's reason.

    .venv/bin/python bench/import_memory_bench.py -n 1000 [--port 8351]

Goal (issue 10): server ≤ 300 MB, worker ≤ 500 MB, every ordinary document
imported and every hostile one refused with its reason.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024
BATCH = 50  # files per upload (the limit is 100)


def status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the worker's fork server and reading children)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found.append(child)
            todo.append(child)
    return found


class Sampler(threading.Thread):
    """Samples resident memory every 0.2 s; keeps the largest reading child seen."""

    def __init__(self, server: int, worker: int) -> None:
        super().__init__(daemon=True)
        self.server, self.worker = server, worker
        self.child_peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in descendants(self.worker):
                self.child_peak_kb = max(self.child_peak_kb, status_kb(pid, "VmRSS"))
            self.stop.wait(0.2)


def hostile_files(folder: Path) -> dict[str, str]:
    """Write the hostile set; the reason each must be refused with."""
    from tests.imports import hostile

    folder.mkdir(parents=True, exist_ok=True)
    hostile.pdf_stream_bomb(folder / "stream-bomb.pdf", 1024 * MB)
    hostile.lying_zip_docx(folder / "lying-zip.docx", 1300 * MB)
    hostile.honest_zip_bomb(folder / "honest-zip-bomb.docx", 1300 * MB)
    hostile.billion_laughs(folder / "billion-laughs.html")
    hostile.encrypted_pdf(folder / "locked.pdf")
    hostile.too_large(folder / "sixty-mb.txt", 60 * MB)
    expanded = "document expands beyond 200 MB when decompressed"
    return {
        "stream-bomb.pdf": expanded,
        "lying-zip.docx": expanded,
        "honest-zip-bomb.docx": expanded,
        "billion-laughs.html": "document declares its own XML entities",
        "locked.pdf": "encrypted PDF",
        "sixty-mb.txt": "file too large",
    }


class Browser:
    """Just enough of a browser: cookies, CSRF token, multipart upload."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=600) as response:
            return response.read().decode()

    def token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token on the page"
        return match.group(1)

    def login(self, username: str, password: str) -> None:
        token = self.token(self.get("/accounts/login/"))
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - our own http://127.0.0.1 server
            self.base + "/accounts/login/", data, headers={"Referer": self.base}
        )
        self.opener.open(request, timeout=60).read()

    def upload(self, paths: list[Path]) -> str:
        token = self.token(self.get("/imports/"))
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
            f"\r\n\r\n{token}\r\n".encode()
        ]
        for path in paths:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            )
            parts.append(path.read_bytes() + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(  # noqa: S310 - our own http://127.0.0.1 server
            self.base + "/imports/",
            b"".join(parts),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + "/imports/",
            },
        )
        with self.opener.open(request, timeout=600) as response:
            return response.read().decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="ordinary documents (1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--port", type=int, default=8351, help="8350-8399 on the shared machine")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    from bench.import_bench import generate

    ordinary = sorted(p for p in generate(args.n, args.seed).rglob("m*.*") if p.is_file())
    data = Path(tempfile.mkdtemp(prefix="concord-membench-"))
    expected = hostile_files(data / "hostile")
    env = {
        **os.environ,
        "CONCORD_DATA": str(data),
        "CONCORD_DEMO": "1",  # the built-in secret key and plain-HTTP cookies
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "concord.settings",
    }
    env.pop("DATABASE_URL", None)
    concord = [sys.executable, "-m", "concord.cli"]
    subprocess.run([*concord, "migrate", "--verbosity", "0"], env=env, check=True)
    password = uuid.uuid4().hex
    subprocess.run(
        [*concord, "shell", "-c", (
            "from tests.factories import make_secretariat_user;"
            f"u = make_secretariat_user(username='bench'); u.set_password('{password}'); u.save()"
        )],
        env=env, check=True, cwd=ROOT,
    )  # fmt: skip
    server = subprocess.Popen(
        [*concord, "serve", "--port", str(args.port), "--no-migrate", "--no-collectstatic"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [*concord, "worker", "--no-startup-delay", "--no-reload", "--interval", "0.5"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        sampler = Sampler(server.pid, worker.pid)
        sampler.start()
        browser = Browser(base)
        browser.login("bench", password)
        started = time.monotonic()
        hostile_paths = sorted((data / "hostile").iterdir())
        batches = [hostile_paths] + [
            ordinary[i : i + BATCH] for i in range(0, len(ordinary), BATCH)
        ]
        for batch in batches:
            browser.upload(batch)
        uploaded = time.monotonic() - started
        database = data / "concord.sqlite3"
        if not database.exists():
            database = next(data.glob("*.sqlite3"))
        while True:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
                pending = db.execute(
                    "select count(*) from imports_document where status in ('queued','processing')"
                ).fetchone()[0]
            if pending == 0:
                break
            time.sleep(1)
        elapsed = time.monotonic() - started
        server_peak = status_kb(server.pid, "VmHWM") / 1024
        worker_peak = status_kb(worker.pid, "VmHWM") / 1024
        sampler.stop.set()
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            statuses = dict(
                db.execute("select status, count(*) from imports_document group by status")
            )
            reasons = dict(
                db.execute(
                    "select filename, failure_reason from imports_document where status='failed'"
                )
            )
    finally:
        for process in (worker, server):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(data, ignore_errors=True)
    hostile_ok = all(expected[name] in reasons.get(name, "") for name in expected)
    ordinary_failed = {n: r for n, r in reasons.items() if n not in expected}
    results = {
        "ordinary": len(ordinary),
        "statuses": statuses,
        "upload_seconds": round(uploaded, 1),
        "total_seconds": round(elapsed, 1),
        "server_peak_rss_mb": round(server_peak, 1),
        "worker_peak_rss_mb": round(worker_peak, 1),
        "largest_reading_child_rss_mb": round(sampler.child_peak_kb / 1024, 1),
        "hostile_reasons": {name: reasons.get(name, "(not failed)") for name in expected},
        "every_hostile_refused_with_its_reason": hostile_ok,
        "ordinary_failed": ordinary_failed,
    }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
