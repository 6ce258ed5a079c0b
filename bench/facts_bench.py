"""CPU time per request of the facts pages, on the demo's figures (SQLite in a temp folder).

    .venv/bin/python bench/facts_bench.py [--requests 30] [--database-url postgres://…]

Builds Harrowby's areas, indicators and five years of figures
(``concord.demo.performance``: 12 indicators, 12 wards, the town and its region),
a public board and a published strategy whose six priorities are the indicators'
themes, then requests each facts page as a visitor through Django's test client
with the anonymous page cache off (``CONCORD_PAGE_CACHE=0``: the page itself is
measured, not the cache). Prints, per page, the CPU time per request (the best
and the median of ``--requests``), the wall median, and the SQL queries of one
request. The machine is shared, so CPU time is the figure to compare; wall time
is printed with the load average only for the record. With a PostgreSQL URL the
database is created if missing and emptied if not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import configure


def build() -> dict[str, object]:
    """The demo's figures, a public board and a published strategy over every theme."""
    import datetime as dt

    from concord.demo.performance import load_demo_performance
    from concord.governance.models import Body
    from concord.performance.models import Area, Indicator
    from concord.registers.models import Strategy

    counts = load_demo_performance(seed=7)
    board = Body.objects.create(name="Bench Partnership Board", kind="board")
    themes = sorted(set(Indicator.objects.exclude(theme="").values_list("theme", flat=True)))
    plan = Strategy.objects.create(
        body=board,
        is_public=True,
        status="published",
        title="Bench community strategy",
        start_year=2020,
        end_year=2030,
        priorities="\n".join(themes),
        drafted_on=dt.date(2020, 1, 1),
    )
    plan.indicators.set(Indicator.objects.all())
    ward = Area.objects.filter(level="ward").order_by("code").first()
    assert ward is not None
    return {"counts": counts, "plan": plan.pk, "ward": ward.code, "priorities": len(themes)}


def measure(client, url: str, n: int) -> tuple[float, float, float]:
    """Best and median CPU ms per request, and the wall median, over ``n`` requests."""
    cpu, wall = [], []
    for _ in range(n):
        c0, w0 = time.process_time(), time.perf_counter()
        response = client.get(url)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return min(cpu), statistics.median(cpu), statistics.median(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    os.environ["CONCORD_PAGE_CACHE"] = "0"
    data = Path(tempfile.mkdtemp(prefix="concord-facts-bench-"))
    try:
        configure(args.database_url or None, data)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        call_command("migrate", interactive=False, verbosity=0)
        if args.database_url:
            call_command("flush", interactive=False, verbosity=0)
        built = build()
        plan, ward = built["plan"], built["ward"]
        pages = {
            "index": reverse("facts:index"),
            "priority (the town)": reverse("facts:priority", args=[plan, 1]),
            "priority (a ward)": reverse("facts:priority", args=[plan, 1]) + f"?area={ward}",
            "priority CSV": reverse("facts:priority_csv", args=[plan, 1]),
            "ward profile": reverse("facts:profile", args=[ward]),
            "ward profile CSV": reverse("facts:profile_csv", args=[ward]),
        }
        client = Client()
        load = os.getloadavg()
        print(f"# Facts bench ({connection.vendor}): {built['counts']}, 1 strategy of "
              f"{built['priorities']} priorities")  # fmt: skip
        print(f"Load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print("\n| page | CPU ms best | CPU ms median | wall ms median | queries |")
        print("|---|---:|---:|---:|---:|")
        for name, url in pages.items():
            client.get(url)  # warm-up
            counted: list[str] = []

            def count(execute, sql, params, many, context, counted=counted):
                counted.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                client.get(url)
            best, median, wall = measure(client, url, args.requests)
            print(f"| {name} | {best:.1f} | {median:.1f} | {wall:.1f} | {len(counted)} |")
        load = os.getloadavg()
        print(f"\nLoad average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        connection.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
