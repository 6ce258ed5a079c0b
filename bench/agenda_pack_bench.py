"""Time the agenda pages and the agenda pack of a 20-item meeting on the page benchmark's
partnership (``bench/pages.py``'s generator): the agenda page, the meeting page, and the pack
as Word and as PDF (10 of its papers PDFs of 4 pages, 5 not PDFs, all appended or listed).

    .venv/bin/python bench/agenda_pack_bench.py [--scale 1.0] [--requests 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import Size, configure, generate, percentile


def build_meeting() -> int:
    """A meeting three days ahead of the busiest body: 20 items, 15 papers, agenda out."""
    from django.core.files.base import ContentFile
    from django.db.models import Count
    from fpdf import FPDF

    from concord.governance.models import Body
    from concord.meetings.models import AgendaItem, Meeting, Paper

    body = Body.objects.annotate(n=Count("actions")).order_by("-n", "pk").first()
    assert body is not None
    today = dt.date.today()
    meeting = Meeting.objects.create(
        body=body, date=today + dt.timedelta(days=3), agenda_published_on=today
    )
    for n in range(1, 21):
        item = AgendaItem.objects.create(
            meeting=meeting, number=str(n), position=n, title=f"Bench agenda item {n}"
        )
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


def time_url(client, url: str, requests: int) -> tuple[float, float]:
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, url
    return statistics.median(timings), percentile(timings, 0.95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--pack-requests", type=int, default=5)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="concord-agenda-bench-"))
    try:
        configure(None, data)
        from django.contrib.auth.models import Group, User
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from concord.lib.access import SECRETARIAT_GROUP

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
        print("\n| page | median ms | p95 ms |\n|---|---:|---:|")
        for label, name, n in (
            ("agenda page", "agenda:draft", args.requests),
            ("meeting page", "portal:meeting", args.requests),
            ("agenda pack, Word", "agenda:pack_docx", args.pack_requests),
            ("agenda pack, PDF", "agenda:pack_pdf", args.pack_requests),
        ):
            url = reverse(name, args=[pk])
            client.get(url)  # warm-up
            median, p95 = time_url(client, url, n)
            print(f"| {label} | {median:.1f} | {p95:.1f} |")
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
