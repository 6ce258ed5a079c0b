"""Time the registers' list pages and the annual report on the page benchmark's partnership
(``bench/pages.py``'s generator) plus 10,000 register entries.

    .venv/bin/python bench/registers_bench.py [--scale 1.0] [--entries 10000] [--requests 20]
    .venv/bin/python bench/registers_bench.py --database-url postgres://postgres@127.0.0.1:5432/concord_annual

Entries are split evenly over the five registers, dated over the last five financial
years, a third public; a third of the bids awarded; risks are written with their
history rows (the report's heat map reads the risks as they were at the year's end).
Each list page is timed for the secretariat and the public, with its SQL queries on
page 1 and on page 20 (the same count: the lists do not grow with the data). The
annual report of the last financial year is timed as HTML and as PDF.
With a PostgreSQL URL the database is created if missing and emptied if not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import Size, configure, generate, percentile

SLUGS = ["added-value", "funding", "publicity", "risks", "sharing"]


def fill_registers(entries: int, seed: int = 7) -> dict[str, int]:
    """``entries`` register entries, an even share in each register (bulk writes)."""
    from simple_history.utils import bulk_create_with_history

    from concord.governance.models import Body
    from concord.people.models import Organisation, Person
    from concord.registers.models import (
        AddedValue,
        AgreementParty,
        Category,
        FundingBid,
        Publicity,
        Risk,
        SharingAgreement,
    )
    from concord.registers.models.risks import risk_score

    rng = random.Random(seed)
    bodies = list(Body.objects.values_list("pk", flat=True))
    orgs = list(Organisation.objects.values_list("pk", flat=True))
    people = list(Person.objects.values_list("pk", flat=True)[:500])
    today = dt.date.today()
    each = entries // 5

    def day() -> dt.date:
        return today - dt.timedelta(days=rng.randrange(5 * 365))

    def common(i: int) -> dict:
        return {"body_id": rng.choice(bodies), "is_public": i % 3 == 0}

    categories = list(Category.values)
    values = AddedValue.objects.bulk_create(
        AddedValue(
            **common(i),
            category=categories[i % len(categories)],
            date=day(),
            title=f"Bench added value {i}",
            description="Joint work. " * 5,
            money_value=Decimal(rng.randrange(100, 100000)) if i % 2 else None,
        )
        for i in range(each)
    )
    through = AddedValue.partners.through
    through.objects.bulk_create(
        through(addedvalue_id=v.pk, organisation_id=rng.choice(orgs)) for v in values
    )
    bids = []
    for i in range(each):
        idea = day()
        awarded = i % 3 == 0
        asked = Decimal(rng.randrange(1000, 200000))
        bids.append(
            FundingBid(
                **common(i),
                title=f"Bench bid {i}",
                funder=f"Funder {i % 20}",
                amount_asked=asked,
                amount_awarded=asked if awarded else None,
                status="awarded" if awarded else rng.choice(["idea", "drafting", "submitted"]),
                idea_on=idea,
                submitted_on=idea + dt.timedelta(days=30) if awarded else None,
                decided_on=min(today, idea + dt.timedelta(days=90)) if awarded else None,
            )
        )
    FundingBid.objects.bulk_create(bids)
    Publicity.objects.bulk_create(
        Publicity(
            **common(i),
            kind="award" if i % 25 == 0 else "coverage",
            date=day(),
            outlet=f"Outlet {i % 40}",
            headline=f"Bench headline {i}",
            reach=rng.randrange(100, 100000),
            advertising_value=Decimal(rng.randrange(50, 5000)),
        )
        for i in range(each)
    )
    risks = []
    for i in range(each):
        likelihood, impact = rng.randint(1, 5), rng.randint(1, 5)
        risks.append(
            Risk(
                **common(i),
                title=f"Bench risk {i}",
                owner_id=rng.choice(people),
                likelihood=likelihood,
                impact=impact,
                score=risk_score(likelihood, impact),
                target_score=rng.randint(2, 12),
                identified_on=day(),
                status=rng.choice(["open", "open", "tolerated", "closed"]),
            )
        )
    bulk_create_with_history(risks, Risk, batch_size=1000)
    agreements = SharingAgreement.objects.bulk_create(
        SharingAgreement(
            **common(i),
            title=f"Bench agreement {i}",
            purpose="Sharing case data.",
            legal_basis="Crime and Disorder Act 1998, s.115",
            data_categories="Names",
            drafted_on=day(),
        )
        for i in range(each)
    )
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement_id=a.pk, organisation_id=org)
        for a in agreements
        for org in rng.sample(orgs, 2)
    )
    return {"register entries": each * 5}


def time_url(client, url: str, requests: int) -> tuple[float, float, float]:
    """Median and p95 wall time, and mean CPU time, in ms."""
    timings, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), percentile(timings, 0.95), statistics.mean(cpu)


def queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def time_sections(year: int, user, runs: int = 3) -> None:
    """Each section of the year's report built alone (median wall and CPU ms over ``runs``),
    then the ten costliest functions of one whole HTML request by cumulative CPU time."""
    import cProfile
    import pstats

    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from concord.governance.access import build_viewer
    from concord.registers.annual.sections import SECTIONS
    from concord.registers.annual.year import ReportYear

    y = ReportYear(year, build_viewer(user), None, timezone.localdate())
    print("\n| section | median ms | CPU ms |\n|---|---:|---:|")
    for section in SECTIONS:
        walls, cpus = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            section(y)
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.process_time() - start_cpu) * 1000)
        print(
            f"| {section.__name__} | {statistics.median(walls):.1f} "
            f"| {statistics.median(cpus):.1f} |"
        )
    client = Client()
    client.force_login(user)
    url = reverse("registers:annual_report", args=[year])
    client.get(url)
    profile = cProfile.Profile(time.process_time)
    profile.runcall(client.get, url)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--report-requests", type=int, default=3)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--sections", action="store_true", help="also time each report section and profile it"
    )
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="concord-registers-bench-"))
    try:
        configure(args.database_url or None, data)
        from django.contrib.auth.models import Group, User
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from concord.lib.access import SECRETARIAT_GROUP
        from concord.registers.annual.year import default_year

        call_command("migrate", interactive=False, verbosity=0)
        if args.database_url:
            call_command("flush", interactive=False, verbosity=0)
        start = time.perf_counter()
        counts = generate(Size().scaled(args.scale))
        counts.update(fill_registers(args.entries))
        built = time.perf_counter() - start
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        user = User.objects.create_user("bench-registers")
        user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
        secretariat = Client()
        secretariat.force_login(user)
        public = Client()
        load = os.getloadavg()
        print(
            f"# Registers bench ({connection.vendor}, scale {args.scale}), built in {built:.0f} s: "
            + ", ".join(f"{n:,} {k}" for k, n in counts.items())
        )
        print(f"Load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print(
            "\n| page | who | median ms | p95 ms | CPU ms | queries p.1 | queries p.20 |"
            "\n|---|---|---:|---:|---:|---:|---:|"
        )
        for slug in SLUGS:
            url = reverse("registers:list", args=[slug])
            for who, client in (("secretariat", secretariat), ("public", public)):
                client.get(url)  # warm-up
                median, p95, cpu = time_url(client, url, args.requests)
                first, later = queries(client, url), queries(client, url + "?page=20")
                print(
                    f"| {slug} list | {who} | {median:.1f} | {p95:.1f} | {cpu:.1f} "
                    f"| {first} | {later} |"
                )
        year = default_year()
        for label, name in (
            ("annual report HTML", "annual_report"),
            ("annual report PDF", "annual_pdf"),
        ):
            url = reverse(f"registers:{name}", args=[year])
            secretariat.get(url)  # warm-up
            median, p95, cpu = time_url(secretariat, url, args.report_requests)
            print(
                f"| {label} {year} | secretariat | {median:.1f} | {p95:.1f} | {cpu:.1f} "
                f"| {queries(secretariat, url)} | |"
            )
        if args.sections:
            time_sections(year, user)
        load = os.getloadavg()
        print(f"\nLoad average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        connection.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
