"""Time the registers' list pages and the annual report on the page benchmark's partnership
(``bench/pages.py``'s generator) plus 10,000 register entries.

    .venv/bin/python bench/registers_bench.py [--scale 1.0] [--entries 10000] [--requests 20]
    .venv/bin/python bench/registers_bench.py --database-url postgres://postgres@127.0.0.1:5432/concord_annual

Entries are split evenly over the ten registers (added value, funding, publicity, risks,
protocols, sharing, recommendations, strategies, self-assessment, consultations), dated
over the last five years, a third public; a third of the bids awarded; risks are written
with their history rows (the report's heat map reads the risks as they were at the year's
end); each protocol with four signatories, each recommendation with three updates, each
strategy with five indicators, each self-assessment with twelve questions answered by six
members. Every list page of the registers (each register's list, the registers' index,
consultations open now, the heat map, the question bank, the annual report's index) is
timed for the secretariat and, where the public may read it, the public (the anonymous
page cache off unless ``--page-cache``: the page is timed, not the cache), with its SQL
queries on page 1 and on page 20 (the same count: the lists do not grow with the data).
The annual report of the last financial year is timed as HTML and as PDF. Every page is
requested once before any is timed, then ``gc.freeze()`` (as ``concord/wsgi.py`` and
``bench/pages.py`` do); "GC ms" is the collector's time during a page's timed requests.
CPU ms is the median of this process's CPU time per request (with SQLite it includes the
database's work, with PostgreSQL it does not).
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

SLUGS = [
    "added-value",
    "funding",
    "publicity",
    "risks",
    "protocols",
    "sharing",
    "recommendations",
    "strategies",
    "self-assessment",
    "consultations",
]
THEMES = ["Safer streets", "Health", "Children", "Economy", "Housing", "Environment", ""]


def fill_registers(entries: int, seed: int = 7) -> dict[str, int]:
    """``entries`` register entries, an even share in each of the ten registers (bulk
    writes), with what hangs off them: partners, agreement parties, protocol
    signatories, recommendation updates, strategies' indicators, self-assessments'
    questions and answers."""
    from simple_history.utils import bulk_create_with_history

    from concord.governance.models import Body
    from concord.people.models import Organisation, Person
    from concord.performance.models import Indicator
    from concord.registers.models import (
        AddedValue,
        AgreementParty,
        AssessmentAnswer,
        AssessmentItem,
        Category,
        Consultation,
        FundingBid,
        ProtocolSignatory,
        Publicity,
        Recommendation,
        RecommendationUpdate,
        Risk,
        SelfAssessment,
        SharingAgreement,
        SharingProtocol,
        Strategy,
    )
    from concord.registers.models.risks import risk_score

    rng = random.Random(seed)
    bodies = list(Body.objects.values_list("pk", flat=True))
    orgs = list(Organisation.objects.values_list("pk", flat=True))
    people = list(Person.objects.values_list("pk", flat=True)[:500])
    today = dt.date.today()
    each = entries // len(SLUGS)

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
    protocols = []
    for i in range(each):
        drafted = day()
        adopted = i % 4 != 0
        protocols.append(
            SharingProtocol(
                **common(i),
                title=f"Bench protocol {i // 10}",
                protocol_version=f"{i % 10}.0",
                drafted_on=drafted,
                adopted_on=drafted + dt.timedelta(days=60) if adopted else None,
                review_date=drafted + dt.timedelta(days=1000) if adopted else None,
                status=rng.choice(["adopted", "superseded"]) if adopted else "draft",
                purpose="To share information safely. " * 5,
            )
        )
    protocols = SharingProtocol.objects.bulk_create(protocols)
    ProtocolSignatory.objects.bulk_create(
        ProtocolSignatory(
            protocol_id=p.pk,
            organisation_id=org,
            signatory="Director" if n % 2 else "",
            signed_on=p.drafted_on + dt.timedelta(days=10) if n % 2 else None,
        )
        for p in protocols
        for n, org in enumerate(rng.sample(orgs, 4))
    )
    agreements = SharingAgreement.objects.bulk_create(
        SharingAgreement(
            **common(i),
            title=f"Bench agreement {i}",
            protocol_id=protocols[i % len(protocols)].pk if protocols else None,
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
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            **common(i),
            source=rng.choice(["scrutiny", "audit", "inspection", "other"]),
            source_name=f"Review panel {i % 30}",
            made_on=day(),
            reference=f"R{i}",
            text="Publish the partnership's plan in plain English. " * 3,
            response="Agreed." if i % 2 else "",
            owner_id=rng.choice(people),
            owner_body_id=rng.choice(bodies),
            status=rng.choice(["open", "in_progress", "implemented", "not_accepted"]),
        )
        for i in range(each)
    )
    RecommendationUpdate.objects.bulk_create(
        RecommendationUpdate(
            recommendation_id=r.pk,
            date=min(today, r.made_on + dt.timedelta(days=30 * (n + 1))),
            note=f"What has happened, step {n + 1}.",
            status_after="in_progress",
        )
        for r in recommendations
        for n in range(3)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"BENCH {n}",
            title=f"Bench indicator {n}",
            theme=THEMES[n % len(THEMES)],
            body_id=rng.choice(bodies),
        )
        for n in range(70)
    )
    strategies = Strategy.objects.bulk_create(
        Strategy(
            **common(i),
            title=f"Bench strategy {i}",
            start_year=2000 + i % 25,
            end_year=2005 + i % 25 + i % 4,
            summary="What the partnership will do. " * 4,
            priorities="Safer streets\nHealthier lives\nBetter start",
            status=rng.choice(["draft", "consultation", "approved", "published"]),
            drafted_on=day(),
            review_date=today + dt.timedelta(days=rng.randrange(-200, 900)),
        )
        for i in range(each)
    )
    linked = Strategy.indicators.through
    linked.objects.bulk_create(
        linked(strategy_id=s.pk, indicator_id=ind.pk)
        for s in strategies
        for ind in rng.sample(indicators, 5)
    )
    # One self-assessment per body per year: as many years back as the share needs.
    assessments = SelfAssessment.objects.bulk_create(
        SelfAssessment(
            body_id=bodies[i % len(bodies)],
            is_public=i % 3 == 0,
            year=today.year - i // len(bodies),
            opened_on=dt.date(today.year - i // len(bodies), 9, 1),
        )
        for i in range(each)
    )
    sections = ["objectives", "membership", "outcomes", "ways_of_working"]
    items = AssessmentItem.objects.bulk_create(
        AssessmentItem(assessment_id=a.pk, section=sections[n % 4], text=f"Question {n}", order=n)
        for a in assessments
        for n in range(12)
    )
    answerers = people[:6]
    AssessmentAnswer.objects.bulk_create(
        (
            AssessmentAnswer(item_id=item.pk, person_id=person, score=rng.randint(1, 5))
            for item in items
            for person in answerers
        ),
        batch_size=5000,
    )
    audiences = ["everyone", "residents", "young_people", "businesses", "voluntary"]
    consultations = []
    for i in range(each):
        opens = today - dt.timedelta(days=rng.randrange(-60, 5 * 365))
        consultations.append(
            Consultation(
                **common(i),
                title=f"Bench consultation {i}",
                organisation_id=rng.choice(orgs) if i % 2 else None,
                audience=audiences[i % len(audiences)],
                opens=opens,
                closes=opens + dt.timedelta(days=rng.randrange(14, 90)),
                link="https://example.org/have-your-say",
                status=rng.choice(["draft", "published", "published", "withdrawn"]),
            )
        )
    Consultation.objects.bulk_create(consultations)
    return {
        "register entries": each * len(SLUGS),
        "recommendation updates": each * 3,
        "self-assessment answers": len(items) * len(answerers),
    }


def time_url(client, url: str, requests: int) -> tuple[float, float, float, float]:
    """Median and p95 wall time, median CPU time and the garbage collector's time over
    all the requests, in ms."""
    import gc

    from bench.pages import GcTimer

    timings, cpu = [], []
    collector = GcTimer()
    gc.callbacks.append(collector)
    try:
        for _ in range(requests):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    finally:
        gc.callbacks.remove(collector)
    assert response.status_code == 200, (url, response.status_code)
    return (
        statistics.median(timings),
        percentile(timings, 0.95),
        statistics.median(cpu),
        collector.total_ms,
    )


def queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def pages_to_time() -> list[tuple[str, str, bool, bool]]:
    """Every list page of the registers: (label, URL, paginated, public may read it)."""
    from django.urls import reverse

    lists = [(f"{slug} list", reverse("registers:list", args=[slug]), True, True) for slug in SLUGS]
    return [
        ("registers index", reverse("registers:index"), False, True),
        *lists,
        ("consultations open now", reverse("registers:consultations"), False, True),
        ("risk heat map", reverse("registers:heat_map"), False, True),
        ("question bank", reverse("registers:questions"), False, False),
        ("annual report index", reverse("registers:annual_index"), False, True),
    ]


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
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="Do not gc.freeze() after the warm-up (to see the garbage collector's full cost).",
    )
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="Leave the anonymous page cache on (the public's pages then come from it).",
    )
    args = parser.parse_args()
    if not args.page_cache:
        os.environ["CONCORD_PAGE_CACHE"] = "0"  # time the public's pages, not the cache
    data = Path(tempfile.mkdtemp(prefix="concord-registers-bench-"))
    try:
        configure(args.database_url or None, data)
        import gc

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
            f"Page cache {'on' if args.page_cache else 'off'}; "
            f"gc.freeze() after the warm-up: {'no' if args.no_freeze else 'yes'}"
        )
        year = default_year()
        reports = [
            (f"annual report HTML {year}", reverse("registers:annual_report", args=[year])),
            (f"annual report PDF {year}", reverse("registers:annual_pdf", args=[year])),
        ]
        timed = []
        for label, url, paginated, public_too in pages_to_time():
            timed.append((label, url, paginated, "secretariat", secretariat))
            if public_too:
                timed.append((label, url, paginated, "public", public))
        # Every page once first (as a running server would have: templates compiled, caches
        # warm), then what is loaded moved out of the collector's view, as concord/wsgi.py does.
        for _, url, _, _, client in timed:
            client.get(url)
        for _, url in reports:
            secretariat.get(url)
        gc.collect()
        # What one full collection costs here: without gc.freeze() it falls, now and then,
        # on whichever request crosses the collector's threshold (a lone slow request).
        start_cpu = time.process_time()
        gc.collect()
        print(
            f"One full garbage collection: {(time.process_time() - start_cpu) * 1000:.0f} ms CPU "
            f"over {len(gc.get_objects()):,} tracked objects"
        )
        if not args.no_freeze:
            gc.freeze()
        print(
            "\n| page | who | median ms | p95 ms | CPU ms | queries p.1 | queries p.20 | GC ms |"
            "\n|---|---|---:|---:|---:|---:|---:|---:|"
        )
        for label, url, paginated, who, client in timed:
            median, p95, cpu, gc_ms = time_url(client, url, args.requests)
            first = queries(client, url)
            later = queries(client, url + "?page=20") if paginated else ""
            print(
                f"| {label} | {who} | {median:.1f} | {p95:.1f} | {cpu:.1f} "
                f"| {first} | {later} | {gc_ms:.1f} |"
            )
        for label, url in reports:
            median, p95, cpu, gc_ms = time_url(secretariat, url, args.report_requests)
            print(
                f"| {label} | secretariat | {median:.1f} | {p95:.1f} | {cpu:.1f} "
                f"| {queries(secretariat, url)} | | {gc_ms:.1f} |"
            )
        if not args.no_freeze:
            gc.unfreeze()
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
