"""Time the agenda pages and the agenda pack of a 20-item meeting on the page benchmark's
partnership (``bench/pages.py``'s generator): the agenda page, the meeting page, the minutes
written on one page, and the pack as Word and as PDF (10 of its papers PDFs of 4 pages, 5 not
PDFs, all appended or listed). Each row gives wall-clock and CPU time (``time.process_time``
of this process: the server's work, less sensitive to other programs on a shared machine).

    .venv/bin/python bench/agenda_pack_bench.py [--scale 1.0] [--requests 20]
    .venv/bin/python bench/agenda_pack_bench.py --profile minutes  # cProfile of one page
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import Size, configure, generate, percentile


def build_meeting() -> int:
    """A meeting three days ahead of the busiest body: 20 items, 15 papers, agenda out.

    For the minutes page, the body's members are marked present, every item has a minute,
    and every other item a decision and an action owned by one member.
    """
    from django.core.files.base import ContentFile
    from django.db.models import Count
    from fpdf import FPDF

    from concord.actions.models import Action, ActionOwner
    from concord.governance.models import Body, Membership
    from concord.meetings.models import AgendaItem, Attendance, Decision, Meeting, Paper

    body = Body.objects.annotate(n=Count("actions")).order_by("-n", "pk").first()
    assert body is not None
    today = dt.date.today()
    meeting = Meeting.objects.create(
        body=body, date=today + dt.timedelta(days=3), agenda_published_on=today
    )
    members = [m.person for m in Membership.objects.filter(body=body).select_related("person")]
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=p, organisation_id=p.organisation_id, status="present")
        for p in members
    )
    for n in range(1, 21):
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=str(n),
            position=n,
            title=f"Bench agenda item {n}",
            minute_text=f"The group discussed item {n} and noted the report. " * 3,
        )
        if n % 2 and members:
            Decision.objects.create(item=item, kind="agreed", text="Agreed as proposed.")
            action = Action.objects.create(
                body=body, item=item, description=f"Report back on item {n}."
            )
            ActionOwner.objects.create(action=action, person=members[n % len(members)])
        if n <= 10:
            pdf = FPDF()
            pdf.set_font("helvetica", size=11)
            for page in range(4):
                pdf.add_page()
                pdf.multi_cell(0, 6, text=f"Paper {n}, page {page + 1}. " * 40)
            Paper.objects.create(
                item=item, title=f"Paper {n}", file=ContentFile(bytes(pdf.output()), f"p{n}.pdf")
            )
        elif n <= 15:
            Paper.objects.create(
                item=item, title=f"Sheet {n}", file=ContentFile(b"a,b\n1,2\n", f"s{n}.csv")
            )
    return meeting.pk


def time_url(client, url: str, requests: int) -> tuple[float, float, float, float]:
    """Median and p95 of wall-clock, then of CPU, milliseconds."""
    timings, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    assert response.status_code == 200, url
    return (
        statistics.median(timings),
        percentile(timings, 0.95),
        statistics.median(cpu),
        percentile(cpu, 0.95),
    )


def profile_url(client, url: str) -> None:
    """Print where one request's time goes (cProfile, cumulative, top 40)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("PROFILE_N", "40")))


PAGES = (
    ("agenda", "agenda:draft"),
    ("meeting", "portal:meeting"),
    ("minutes", "meetings:minutes"),
    ("pack-docx", "agenda:pack_docx"),
    ("pack-pdf", "agenda:pack_pdf"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--pack-requests", type=int, default=5)
    parser.add_argument("--profile", choices=[p[0] for p in PAGES], help="profile one page")
    parser.add_argument("--pages", help="only these pages (comma-separated keys)")
    parser.add_argument(
        "--data", type=Path, help="keep the generated data in this folder; reuse it if there"
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="Do not gc.freeze() after the warm-up (to see the garbage collector's full cost).",
    )
    args = parser.parse_args()
    reuse = bool(args.data and (args.data / "concord.sqlite3").exists())
    if args.data:
        args.data.mkdir(parents=True, exist_ok=True)
    data = args.data or Path(tempfile.mkdtemp(prefix="concord-agenda-bench-"))
    try:
        configure(None, data)
        from django.contrib.auth.models import Group, User
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from concord.lib.access import SECRETARIAT_GROUP
        from concord.meetings.models import Meeting

        if reuse:
            counts: dict[str, int] = {}
            pk = Meeting.objects.get(items__title="Bench agenda item 1").pk
            user = User.objects.get(username="bench-agenda")
        else:
            call_command("migrate", interactive=False, verbosity=0)
            counts = generate(Size().scaled(args.scale))
            pk = build_meeting()
            user = User.objects.create_user("bench-agenda")
            user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
        client = Client()
        client.force_login(user)
        print(
            f"# Agenda bench (SQLite, scale {args.scale}): "
            + ", ".join(f"{n:,} {k}" for k, n in counts.items())
        )
        if args.profile:
            url = reverse(dict(PAGES)[args.profile], args=[pk])
            client.get(url)  # warm-up
            profile_url(client, url)
            return 0
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(
            "\n| page | median ms | p95 ms | CPU median ms | CPU p95 ms |"
            "\n|---|---:|---:|---:|---:|"
        )
        wanted = [
            (key, reverse(name, args=[pk]))
            for key, name in PAGES
            if not args.pages or key in args.pages.split(",")
        ]
        for _, url in wanted:
            client.get(url)  # warm-up, every page before any is timed
        gc.collect()
        if not args.no_freeze:
            gc.freeze()  # as concord/wsgi.py does for a server
        for key, url in wanted:
            n = args.pack_requests if key.startswith("pack") else args.requests
            median, p95, cpu_median, cpu_p95 = time_url(client, url, n)
            print(f"| {key} | {median:.1f} | {p95:.1f} | {cpu_median:.1f} | {cpu_p95:.1f} |")
    finally:
        if not args.data:
            shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
