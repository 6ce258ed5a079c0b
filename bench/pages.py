"""Page benchmark: build a large partnership fast, then time the main pages.

    .venv/bin/python bench/pages.py                 # full size, SQLite in a temp folder
    .venv/bin/python bench/pages.py --scale 0.1     # a tenth of the size
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/concord_bench
    .venv/bin/python bench/pages.py --keep          # keep the SQLite file for --reuse

The generator here is not the demo's: it writes with plain ``bulk_create``
(no history rows, no services) because it has to make hundreds of thousands
of rows in a minute. It prints a Markdown table of the median and 95th
percentile server time and the number of SQL queries of each page.
See bench/README.md.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BATCH = 2000


@dataclass(frozen=True)
class Size:
    """How big a partnership to generate."""

    bodies: int = 50
    people: int = 2000
    meetings: int = 5000
    actions: int = 50000

    def scaled(self, factor: float) -> Size:
        """This size multiplied by ``factor`` (never below a workable minimum).

        >>> Size().scaled(0.1)
        Size(bodies=5, people=200, meetings=500, actions=5000)
        """
        return Size(
            bodies=max(3, round(self.bodies * factor)),
            people=max(30, round(self.people * factor)),
            meetings=max(10, round(self.meetings * factor)),
            actions=max(20, round(self.actions * factor)),
        )


# -- environment: must be set before Django reads its settings ---------------


def ensure_postgres_database(url: str) -> None:
    """Create the database named in a PostgreSQL URL if it does not exist yet."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def configure(database_url: str | None, data: Path) -> None:
    """Point Django at the bench database, with ``data`` as its scratch data folder.

    ``data`` holds static and media files either way, and the SQLite database
    when no URL is given.
    """
    sys.path.insert(0, str(ROOT))
    os.environ["CONCORD_DEMO"] = "1"  # built-in secret key, no HTTPS redirects
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    (data / "static").mkdir(exist_ok=True)
    os.environ["CONCORD_DATA"] = str(data)
    if database_url:
        if database_url.startswith(("postgres://", "postgresql://")):
            ensure_postgres_database(database_url)
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


# -- the generator -----------------------------------------------------------

FIRST = "Ada Bram Cleo Dev Esme Finn Gita Hal Isla Jude Kofi Lena Milo Nia Otis Pia Quin Rhys"
LAST = "Archer Birch Cole Dale Ember Frost Grove Hale Irwin Joss Knox Lowe Marsh Nash Oakes"


def generate(size: Size, seed: int = 1, today: dt.date | None = None) -> dict[str, int]:
    """Fill the (empty) database with a partnership of ``size``; return row counts."""
    from concord.actions.models import Action, ActionOwner, ActionStatus, ActionUpdate
    from concord.governance.models import Body, BodyKind, Membership, Role, Visibility
    from concord.meetings.models import (
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Decision,
        ItemVisibility,
        Meeting,
        MeetingStatus,
        MinutesStatus,
    )
    from concord.people.models import Organisation, Person, Sector

    rng = random.Random(seed)
    today = today or dt.date.today()
    first, last = FIRST.split(), LAST.split()
    sectors = list(Sector.values)

    orgs = Organisation.objects.bulk_create(
        [
            Organisation(name=f"Bench Organisation {i}", sector=sectors[i % len(sectors)])
            for i in range(60)
        ]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                name=f"{rng.choice(first)} {rng.choice(last)} {i}",
                organisation=rng.choice(orgs),
                email=f"person{i}@bench.example",
            )
            for i in range(size.people)
        ],
        batch_size=BATCH,
    )
    bodies = [Body(name="Bench Board", slug="bench-board", kind=BodyKind.BOARD)]
    bodies[0].save()
    rows = []
    for i in range(1, size.bodies):
        kind = BodyKind.EXECUTIVE if i == 1 else BodyKind.THEME_GROUP
        visibility = Visibility.MEMBERS if i % 10 == 9 else Visibility.PUBLIC
        rows.append(
            Body(
                name=f"Bench Group {i}",
                slug=f"bench-group-{i}",
                kind=kind,
                visibility=visibility,
                reports_to=bodies[0],
            )
        )
    bodies += Body.objects.bulk_create(rows)

    members: dict[int, list[Person]] = {}
    memberships = []
    for body in bodies:
        seated = rng.sample(people, k=min(len(people), 16))
        members[body.pk] = seated
        for j, person in enumerate(seated):
            role = [Role.CHAIR, Role.VICE_CHAIR][j] if j < 2 else Role.MEMBER
            if j == len(seated) - 1:
                role = Role.OFFICER
            memberships.append(
                Membership(
                    person=person,
                    body=body,
                    organisation=person.organisation,
                    role=role,
                    start=today - dt.timedelta(days=2000),
                )
            )
    Membership.objects.bulk_create(memberships, batch_size=BATCH)

    # Meetings: spread over five years, about monthly per body; the latest per body draft.
    per_body = max(1, size.meetings // len(bodies))
    meetings: list[Meeting] = []
    for body in bodies:
        for k in range(per_body):
            date = today - dt.timedelta(days=int(1800 * (per_body - k) / per_body))
            meetings.append(
                Meeting(
                    body=body,
                    date=date,
                    status=MeetingStatus.HELD,
                    minutes_status=(
                        MinutesStatus.DRAFT if k == per_body - 1 else MinutesStatus.APPROVED
                    ),
                    venue="Bench Hall",
                )
            )
    meetings = Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    by_body: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_body.setdefault(meeting.body_id, []).append(meeting)
    for series in by_body.values():
        for earlier, later in zip(series, series[1:], strict=False):
            earlier.approved_at = later
            earlier.approved_on = later.date
    Meeting.objects.bulk_update(meetings, ["approved_at", "approved_on"], batch_size=BATCH)

    attendances, items = [], []
    statuses = [AttendanceStatus.PRESENT] * 7 + [AttendanceStatus.APOLOGIES] * 2
    statuses += [AttendanceStatus.ABSENT]
    for meeting in meetings:
        for person in members[meeting.body_id][:12]:
            attendances.append(
                Attendance(
                    meeting=meeting,
                    person=person,
                    organisation_id=person.organisation_id,
                    status=rng.choice(statuses),
                )
            )
        for n in range(6):
            visibility = ItemVisibility.RESTRICTED if rng.random() < 0.05 else "public"
            items.append(
                AgendaItem(
                    meeting=meeting,
                    number=str(n + 1),
                    position=n,
                    title="Matters arising" if n == 0 else f"Item {n + 1} on bench business",
                    is_matters_arising=n == 0,
                    minute_text="Discussed at length by the partners present. " * 8,
                    visibility=visibility,
                    restriction_reason="Commercially sensitive" if visibility != "public" else "",
                    presenter=rng.choice(members[meeting.body_id]),
                )
            )
    Attendance.objects.bulk_create(attendances, batch_size=BATCH)
    items = AgendaItem.objects.bulk_create(items, batch_size=BATCH)
    topical = [item for item in items if not item.is_matters_arising]
    Decision.objects.bulk_create(
        [Decision(item=item, kind="agreed", text="Agreed as proposed.") for item in topical[::2]],
        batch_size=BATCH,
    )

    actions = []
    for _ in range(size.actions):
        item = rng.choice(topical)
        meeting = item.meeting
        age = (today - meeting.date).days
        if age > 200:
            status = rng.choices(
                [ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.CARRIED_FORWARD],
                weights=[85, 10, 5],
            )[0]
        else:
            status = rng.choice([ActionStatus.OPEN, ActionStatus.CARRIED_FORWARD, "done"])
        actions.append(
            Action(
                body_id=meeting.body_id,
                item=item,
                description="Follow up the bench item with partners and report back.",
                due_date=meeting.date + dt.timedelta(days=rng.randint(14, 120)),
                status=status,
                created_on=meeting.date,
                closed_on=(
                    meeting.date + dt.timedelta(days=60) if status in ("done", "dropped") else None
                ),
            )
        )
    actions = Action.objects.bulk_create(actions, batch_size=BATCH)
    owners, updates = [], []
    for action in actions:
        seated = members[action.body_id]
        for person in rng.sample(seated, k=rng.choice([1, 1, 1, 2])):
            owners.append(ActionOwner(action=action, person=person))
        for u in range(rng.choice([0, 1, 1, 2, 3])):
            updates.append(
                ActionUpdate(
                    action=action,
                    date=action.created_on + dt.timedelta(days=30 * (u + 1)),
                    note="Progress reported at the meeting.",
                    status_after=ActionStatus.CARRIED_FORWARD,
                )
            )
    ActionOwner.objects.bulk_create(owners, batch_size=BATCH)
    ActionUpdate.objects.bulk_create(updates, batch_size=BATCH)
    return {
        "bodies": len(bodies),
        "people": len(people),
        "memberships": len(memberships),
        "meetings": len(meetings),
        "attendances": len(attendances),
        "items": len(items),
        "actions": len(actions),
        "action owners": len(owners),
        "action updates": len(updates),
    }


# -- measuring ---------------------------------------------------------------


@dataclass
class Page:
    """One page to time: a label, a URL name with candidate kwargs, query and who asks."""

    label: str
    name: str
    kwargs: list[dict[str, Any]]
    query: dict[str, Any]
    as_public: bool = False


def pages_to_measure() -> list[Page]:
    """The main pages, on the busiest records the generator made."""
    from django.db.models import Count

    from concord.actions.models import Action
    from concord.governance.models import Body
    from concord.meetings.models import Meeting
    from concord.people.models import Person

    body = Body.objects.annotate(n=Count("meetings")).order_by("-n", "pk").first()
    meeting = (
        Meeting.objects.filter(body=body).annotate(n=Count("items__actions")).order_by("-n").first()
    )
    latest = Meeting.objects.filter(body=body).order_by("-date").first()
    owner = (
        Person.objects.select_related("organisation")
        .annotate(n=Count("action_ownerships"))
        .order_by("-n", "pk")
        .first()
    )
    assert body and meeting and latest and owner
    overdue_body = Action.objects.overdue().values_list("body_id", flat=True).first() or body.pk
    return [
        Page("body page", "portal:body", [{"slug": body.slug}, {"pk": body.pk}], {}),
        Page("meeting page", "portal:meeting", [{"pk": meeting.pk}], {}),
        Page("action tracker", "actions:tracker", [{}], {}),
        Page("tracker: body", "actions:tracker", [{}], {"body": overdue_body}),
        Page("tracker: owner", "actions:tracker", [{}], {"owner": owner.pk}),
        Page(
            "tracker: organisation",
            "actions:tracker",
            [{}],
            {"organisation_name": owner.organisation.name if owner.organisation else "Bench"},
        ),
        Page("tracker: overdue", "actions:tracker", [{}], {"overdue": 1}),
        Page("tracker: all statuses", "actions:tracker", [{}], {"status": "all"}),
        Page("matters arising", "meetings:matters_arising", [{"pk": latest.pk}], {}),
        Page("person page", "people:person", [{"pk": owner.pk}], {}),
        Page("meetings list (public)", "portal:meetings", [{}], {}, as_public=True),
        Page("body page (public)", "portal:body", [{"slug": body.slug}], {}, as_public=True),
    ]


def resolve(page: Page) -> str | None:
    """The page's URL, or ``None`` if no such URL exists (yet)."""
    from django.urls import NoReverseMatch, reverse

    for kwargs in page.kwargs:
        try:
            url = reverse(page.name, kwargs=kwargs or None)
        except NoReverseMatch:
            continue
        return f"{url}?{urlencode(page.query)}" if page.query else url
    return None


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the sorted values fall (nearest rank).

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    4.0
    """
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


class GcTimer:
    """Time spent in the garbage collector while it is installed (``gc.callbacks``)."""

    def __init__(self) -> None:
        self.total_ms = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total_ms += (time.perf_counter() - self._start) * 1000


def measure(requests: int, freeze: bool = True) -> list[str]:
    """Time every page; return the rows of a Markdown table.

    Every page is requested once first, to warm caches as a running server
    would be; then, with ``freeze``, what is loaded by then is moved out of the
    garbage collector's view (``gc.freeze()``), as ``concord/wsgi.py`` does in a
    server. The "GC ms" column is the time the collector took during the page's
    timed requests: the usual cause of a p95 far above the median.
    """
    import gc

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from concord.lib.access import SECRETARIAT_GROUP

    user, _ = get_user_model().objects.get_or_create(username="bench-secretariat")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    signed_in, public = Client(), Client()
    signed_in.force_login(user)
    rows = [
        "| page | URL | status | median ms | p95 ms | max ms | GC ms | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    ready: list[tuple[Page, str]] = []
    for page in pages_to_measure():
        url = resolve(page)
        if url is None:
            print(f"{page.label}: not available ({page.name} has no URL yet)", file=sys.stderr)
            rows.append(f"| {page.label} | `{page.name}` | not available | | | | | |")
            continue
        try:
            (public if page.as_public else signed_in).get(url)  # warm-up
        except Exception as exc:  # report and go on with the other pages
            print(f"{page.label}: error {exc!r}", file=sys.stderr)
            rows.append(f"| {page.label} | `{url}` | error: {type(exc).__name__} | | | | | |")
            continue
        ready.append((page, url))
    gc.collect()
    if freeze:
        gc.freeze()
    for page, url in ready:
        client = public if page.as_public else signed_in
        timings = []
        collector = GcTimer()
        gc.callbacks.append(collector)
        try:
            for _ in range(requests):
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
        finally:
            gc.callbacks.remove(collector)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            f"| {page.label} | `{url}` | {response.status_code} | "
            f"{statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} | "
            f"{max(timings):.1f} | {collector.total_ms:.1f} | {len(queries)} |"
        )
    if freeze:
        gc.unfreeze()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Size factor (1.0 = full).")
    parser.add_argument("--bodies", type=int, default=Size.bodies)
    parser.add_argument("--people", type=int, default=Size.people)
    parser.add_argument("--meetings", type=int, default=Size.meetings)
    parser.add_argument("--actions", type=int, default=Size.actions)
    parser.add_argument("--requests", type=int, default=20, help="Timed requests per page.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="Database to use (default: $DATABASE_URL, else SQLite in a temp folder). "
        "A PostgreSQL database is created if missing; its contents are replaced.",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="Do not gc.freeze() after the warm-up (to see the garbage collector's full cost).",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="Keep the temporary folder (and the SQLite database in it) for a later --reuse; "
        "by default it is removed when the run ends.",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the data already in the database (e.g. a previous run's SQLite file, "
        "given as --database-url sqlite:////path/concord.sqlite3) instead of generating it.",
    )
    args = parser.parse_args(argv)

    data = Path(tempfile.mkdtemp(prefix="concord-bench-"))
    try:
        return run(args, data)
    finally:
        if args.keep:
            print(f"\nKept {data} (for --reuse)", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)


def run(args: argparse.Namespace, data: Path) -> int:
    """Set up, fill and measure the bench database; print the report."""
    sqlite = not args.database_url
    configure(args.database_url or None, data)
    from django.core.management import call_command
    from django.db import connection

    size = Size(args.bodies, args.people, args.meetings, args.actions).scaled(args.scale)
    call_command("migrate", interactive=False, verbosity=0)
    start = time.perf_counter()
    if args.reuse:
        counts = {}
    else:
        call_command("flush", interactive=False, verbosity=0)
        counts = generate(size, seed=args.seed)
    built = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as a settled database would have
    print(f"# Concord page benchmark ({connection.vendor}, scale {args.scale})\n")
    print(f"Generated in {built:.1f} s: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    if sqlite and args.keep:
        print(f"\nDatabase: {data / 'concord.sqlite3'}")
    print(f"\nServer time over {args.requests} requests per page (signed in as secretariat ")
    print("unless marked public), and SQL queries for one request.\n")
    try:
        print("\n".join(measure(args.requests, freeze=not args.no_freeze)))
    finally:
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
