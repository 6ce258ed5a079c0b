"""Benchmark ``concord import``: documents per second and memory, SQLite and PostgreSQL.

Generates N varied invented minutes (text, HTML, Word, PDF in turn; each a
different meeting) under ``bench/out/import-N/`` (kept between runs), then
for every database × ``--jobs`` combination imports them into a *fresh*
database in a child process and reports throughput and the main process's
resident memory at 10 %, 50 % and 100 % of the run (memory that does not grow
with the count is the goal).

    .venv/bin/python bench/import_bench.py -n 1000 --jobs 1 2 \\
        [--database-url postgres://postgres@127.0.0.1:5432/concord_import_bench] [--no-sqlite]

The PostgreSQL database named in the URL is dropped and created again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


def generate(n: int, seed: int) -> Path:
    """Write N documents (once); return their folder."""
    from bench.extract_bench import make_spec
    from concord.demo.documents import to_docx, to_html, to_pdf, to_txt

    folder = OUT / f"import-{n}-{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    start = dt.date(1990, 1, 1)
    for i in range(n):
        spec = make_spec(rnd, rnd.randint(3, 8))
        # One meeting per document: a different day each time.
        day = start + dt.timedelta(days=i)
        spec[1] = f"Minutes of the meeting held on {day:%-d %B %Y}"
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        kind = ("txt", "html", "docx", "pdf")[i % 4]
        path = sub / f"m{i:05d}.{kind}"
        if kind == "txt":
            path.write_text(to_txt(spec))
        elif kind == "html":
            path.write_text(to_html(spec))
        elif kind == "docx":
            to_docx(spec, path)
        else:
            to_pdf(spec, path)
        if (i + 1) % 1000 == 0:
            print(f"  generated {i + 1}/{n}", file=sys.stderr)
    done.write_text("ok")
    return folder


def rss_mb() -> float:
    """This process's current resident memory (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(folder: Path, jobs: int, total: int) -> None:
    """Runs in a fresh process whose environment names the database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from concord.imports.services import import_paths

    marks = {max(1, total // 10): "10%", max(1, total // 2): "50%", total: "100%"}
    samples: dict[str, float] = {}
    count = 0
    t0 = time.perf_counter()

    def progress(outcome) -> None:
        nonlocal count
        count += 1
        if count in marks:
            samples[marks[count]] = round(rss_mb(), 1)

    summary = import_paths([folder], jobs=jobs, progress=progress)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "docs": summary.total,
                "imported": summary.imported,
                "failed": len(summary.failed),
                "duplicates": summary.duplicates,
                "seconds": round(seconds, 1),
                "rss": samples,
                "peak_rss": round(peak, 1),
            }
        )
    )


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def run(folder: Path, jobs: int, total: int, database_url: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="import-bench-", dir=OUT) as tmp:
        env = dict(os.environ)
        env.update(
            CONCORD_DATA=tmp, SECRET_KEY="bench-only-" + "k" * 50, DEBUG="0", CONCORD_DEMO="0"
        )
        if database_url:
            fresh_postgres(database_url)
            env["DATABASE_URL"] = database_url
        else:
            env.pop("DATABASE_URL", None)
        argv = [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)]
        argv += ["-n", str(total)]
        out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=1000, help="documents (1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--database-url", help="also run on this PostgreSQL database (recreated)")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(Path(args.child), args.jobs[0], args.n)
        return 0
    OUT.mkdir(exist_ok=True)
    folder = generate(args.n, args.seed)
    targets = ([] if args.no_sqlite else [("SQLite", None)]) + (
        [("PostgreSQL", args.database_url)] if args.database_url else []
    )
    print("| database | jobs | docs | imported | failed | seconds | docs/s "
          "| RSS MB at 10% / 50% / 100% | peak RSS MB |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for label, url in targets:
        for jobs in args.jobs:
            r = run(folder, jobs, args.n, url)
            rss = " / ".join(str(r["rss"].get(k, "–")) for k in ("10%", "50%", "100%"))
            print(
                f"| {label} | {jobs} | {r['docs']} | {r['imported']} | {r['failed']} "
                f"| {r['seconds']} | {r['docs'] / r['seconds']:.1f} | {rss} | {r['peak_rss']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
