"""Benchmark the observations import preview (issue 16): time, memory and queries.

Builds an invented data set in a fresh database — ``--indicators`` quarterly
indicators (one in five cumulative) × ``--areas`` wards, with one quarter
already stored — then writes a CSV of ``--indicators × --areas`` rows for
that quarter and the next: the stored quarter's rows half changed, half
unchanged (areas named by name for one row in ten, periods written "Q1 2025"),
the next quarter's all new. Measures:

* the preview (``stage_upload``: check, classify, fingerprint, samples,
  keep the file): wall time, peak Python memory (``tracemalloc``) and the
  number of SQL queries (which must not grow with the file, except the
  staging table's batched inserts on SQLite);
* the preview page's read of the stored preview;
* confirming it (``confirm_staged``: the same file staged again, the
  fingerprint compared, everything written).

    .venv/bin/python bench/preview_bench.py --areas 500 --indicators 10        # SQLite, seconds
    .venv/bin/python bench/preview_bench.py --areas 7500 --indicators 10 \\
        --database-url postgres://postgres@127.0.0.1:5432/concord_preview_bench
    .venv/bin/python bench/preview_bench.py --targets --areas 2000 --indicators 10

With ``--targets`` a targets file is previewed instead: one financial year's
targets stored (2025/26), the file half changed, half unchanged for it and
all new for the next (2026/27), areas named by name one row in ten, years
written "FY 2025/26". Times are wall clock and this process's CPU time.

Goal (issue 16): the preview of a 150,000-row file against the national-scale
database (PostgreSQL) in 10 s or less. The PostgreSQL database named is
dropped and created again; never point it at one you care about.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(indicators: int, areas: int, targets: bool = False):  # returns the user
    from django.contrib.auth.models import User

    from concord.performance.models import Area, Indicator, Observation, Period, Target

    nation = Area.objects.create(code="Z92000001", name="Invented Nation", level="nation")
    la = Area.objects.create(
        code="Z06000001", name="Invented Borough", level="local_authority", parent=nation
    )
    Area.objects.bulk_create(
        Area(code=f"Z05{n:06d}", name=f"Ward {n}", level="ward", parent=la, depth=2)
        for n in range(areas)
    )
    Indicator.objects.bulk_create(
        Indicator(
            code=f"BX {i}",
            title=f"Bench indicator {i}",
            frequency="quarterly",
            polarity="higher_is_better",
            cumulative=i % 5 == 0,
        )
        for i in range(indicators)
    )
    q1 = Period.objects.for_code("2025-Q1")
    ids = dict(Indicator.objects.values_list("code", "id"))
    wards = list(Area.objects.filter(level="ward").values_list("id", flat=True))
    if targets:
        year = Period.objects.for_code("2025/26")
        Target.objects.bulk_create(
            (
                Target(indicator_id=ids[f"BX {i}"], area_id=a, period=year, value=float(a % 97))
                for i in range(indicators)
                for a in wards
            ),
            batch_size=5000,
        )
        return User.objects.create_user("bench-officer")
    Observation.objects.bulk_create(
        (
            Observation(indicator_id=ids[f"BX {i}"], area_id=a, period=q1, value=float(a % 97))
            for i in range(indicators)
            for a in wards
        ),
        batch_size=5000,
    )
    return User.objects.create_user("bench-officer")


def the_file(indicators: int, areas: int, targets: bool = False) -> bytes:
    from concord.performance.models import Area

    values = dict(Area.objects.filter(level="ward").values_list("code", "id"))
    out = io.StringIO()
    out.write("indicator,area,period,value\n")
    for i in range(indicators):
        for n in range(areas):
            code = f"Z05{n:06d}"
            area = f"Ward {n}" if n % 10 == 0 else code
            stored = float(values[code] % 97)
            value = stored if n % 2 else stored + 1  # half unchanged, half changed
            if targets:
                out.write(f"BX {i},{area},FY 2025/26,{value:g}\n")
                out.write(f"BX {i},{code},2026/27,{n % 89}\n")
                continue
            out.write(f"BX {i},{area},Q1 2025,{value:g}\n")
            out.write(f"BX {i},{code},2025-Q2,{n % 89}\n")
    return out.getvalue().encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--areas", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--targets", action="store_true", help="Preview a targets file.")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="concord-preview-bench-"))
    try:
        from bench.performance_bench import configure

        configure(args.database_url or None, data, reuse=False)
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from concord.performance.models import StagedImport
        from concord.performance.tabular.preview import Preview
        from concord.performance.tabular.staged import confirm_staged, stage_upload

        settings.MEDIA_ROOT = data / "media"
        call_command("migrate", interactive=False, verbosity=0)
        start = time.perf_counter()
        user = build(args.indicators, args.areas, args.targets)
        content = the_file(args.indicators, args.areas, args.targets)
        kind = "targets" if args.targets else "observations"
        rows = content.count(b"\n") - 1
        print(
            f"Built {args.indicators} indicators × {args.areas} wards in "
            f"{time.perf_counter() - start:.1f} s; file of {rows:,} rows "
            f"({len(content) / 1e6:.1f} MB) on {connection.vendor}"
        )

        with CaptureQueriesContext(connection) as ctx:
            start, cpu = time.perf_counter(), time.process_time()
            staged, result = stage_upload(content, "bench.csv", user, kind=kind)
            preview_s, preview_cpu = time.perf_counter() - start, time.process_time() - cpu
        # Memory on a second preview of the same file: tracemalloc slows Python down.
        tracemalloc.start()
        stage_upload(content, "bench.csv", user, kind=kind)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert staged is not None, result.errors[:5]
        staged_inserts = sum("INSERT INTO perf_stage" in q["sql"] for q in ctx.captured_queries)
        queries = len(ctx.captured_queries) - staged_inserts
        print(
            f"{kind} preview: {preview_s:.2f} s (CPU {preview_cpu:.2f} s), "
            f"peak Python memory {peak / 1e6:.1f} MB "
            f"(file {len(content) / 1e6:.1f} MB), {queries} queries "
            f"(+ {staged_inserts} batched staging inserts); "
            f"{result.created:,} new, {result.updated:,} changed, {result.unchanged:,} unchanged"
        )

        start = time.perf_counter()
        again = StagedImport.objects.get(pk=staged.pk)
        Preview.from_dict(again.preview)
        print(f"preview page's read: {1000 * (time.perf_counter() - start):.1f} ms")

        start, cpu = time.perf_counter(), time.process_time()
        done = confirm_staged(staged, user)
        confirm_s, confirm_cpu = time.perf_counter() - start, time.process_time() - cpu
        assert done.ok, done.summary()
        print(
            f"confirm: {confirm_s:.2f} s (CPU {confirm_cpu:.2f} s; {rows / confirm_s:,.0f} rows/s)"
        )
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
