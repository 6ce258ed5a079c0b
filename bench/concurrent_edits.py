"""Concurrent edits: N people save the same form, opened at the same version, at once.

    .venv/bin/python bench/concurrent_edits.py                    # SQLite in a temp folder
    .venv/bin/python bench/concurrent_edits.py --database-url postgres://postgres@127.0.0.1:5432/concord_holes_bench
    .venv/bin/python bench/concurrent_edits.py --edits 20 --port 8231

Builds a small partnership, starts a real server (Django's threaded server on
127.0.0.1), signs in as the secretariat, opens each edit form once and then
sends ``--edits`` saves of it at the same moment (threads released by one
barrier, each on its own connection), each with different text and the same
opened version. A save answered with a redirect was told "saved"; an answer
carrying the refusal message was refused. Lost updates are the saves told
"saved" beyond the one that is kept (goal 0: exactly one saved, the rest
refused, and the kept text is the one that was told "saved"). Prints a
Markdown table. See bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.pages import configure  # noqa: E402

REFUSED = "Someone else saved this"
PASSWORD = "bench-concurrent-2026"


@dataclass
class Form:
    name: str
    url: str
    fields: dict[str, str]
    text_field: str
    saved_text: object  # () -> str, read from the database after the run


class Session:
    """Cookies and CSRF for one signed-in user, over fresh connections."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response.status, text


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def build() -> tuple[list[Form], str]:
    """A small partnership and the edit forms to try; returns the forms and a username."""
    import datetime as dt

    from django.contrib.auth.models import User

    from concord.actions.models import Action
    from concord.governance.models import Body, Membership, TermsOfReference
    from concord.meetings.models import AgendaItem, Meeting
    from concord.people.models import Organisation, Person

    User.objects.create_superuser("bench-secretary", password=PASSWORD)
    org = Organisation.objects.create(name="Bench Council", sector="public")
    body = Body.objects.create(name="Bench Board", kind="board")
    person = Person.objects.create(name="Bench Person")
    membership = Membership.objects.create(person=person, body=body, role="member")
    terms = TermsOfReference.objects.create(
        body=body, version=1, adopted_on=dt.date(2025, 1, 1), purpose="Bench purpose"
    )
    meeting = Meeting.objects.create(body=body, date=dt.date(2025, 3, 4), status="held")
    item = AgendaItem.objects.create(meeting=meeting, number="1", position=1, title="Plan")
    action = Action.objects.create(body=body, item=item, description="Bench action")

    def fresh(model, pk, field):
        return lambda: str(model.objects.values_list(field, flat=True).get(pk=pk))

    guests = {f"extra_{n}_status": "present" for n in range(1, 6)}
    forms = [
        Form(
            "Agenda item (minute text)",
            f"/items/{item.pk}/edit/",
            {"number": "1", "title": "Plan", "visibility": "public"},
            "minute_text",
            fresh(AgendaItem, item.pk, "minute_text"),
        ),
        Form(
            "Attendance",
            f"/meetings/{meeting.pk}/attendance/",
            guests,
            "extra_1_guest",
            lambda: " ".join(meeting.attendances.values_list("guest_name", flat=True)),
        ),
        Form(
            "Meeting details",
            f"/meetings/{meeting.pk}/edit/",
            {"body": str(body.pk), "date": "2025-03-04", "status": "held"},
            "venue",
            fresh(Meeting, meeting.pk, "venue"),
        ),
        Form(
            "Action",
            f"/actions/{action.pk}/edit/",
            {"status": "open"},
            "description",
            fresh(Action, action.pk, "description"),
        ),
        Form(
            "Register: organisation",
            f"/register/organisations/{org.pk}/",
            {"sector": "public"},
            "name",
            fresh(Organisation, org.pk, "name"),
        ),
        Form(
            "Register: person",
            f"/register/people/{person.pk}/",
            {"honorific": ""},
            "name",
            fresh(Person, person.pk, "name"),
        ),
        Form(
            "Register: body",
            f"/register/bodies/{body.pk}/",
            {"name": "Bench Board", "kind": "board", "visibility": "public"},
            "description",
            fresh(Body, body.pk, "description"),
        ),
        Form(
            "Register: membership",
            f"/register/memberships/{membership.pk}/",
            {"person": str(person.pk), "body": str(body.pk), "role": "member"},
            "brings",
            fresh(Membership, membership.pk, "brings"),
        ),
        Form(
            "Register: terms of reference",
            f"/register/terms/{terms.pk}/",
            {"body": str(body.pk), "version": "1", "adopted_on": "2025-01-01"},
            "purpose",
            fresh(TermsOfReference, terms.pk, "purpose"),
        ),
    ]
    return forms, "bench-secretary"


def storm(port: int, session: Session, form: Form, edits: int) -> dict[str, object]:
    """Open the form once, then send ``edits`` saves of it at the same moment."""
    status, html = session.request("GET", form.url)
    assert status == 200, (form.url, status)
    match = re.search(r'name="opened_version" value="(\d+)"', html)
    opened = match.group(1) if match else ""
    token = csrf_of(html)
    barrier = threading.Barrier(edits)
    outcomes: list[tuple[str, int, str]] = [("", 0, "")] * edits

    def save(n: int) -> None:
        text = f"Edit {n:02d} of {form.name}"
        body = {**form.fields, form.text_field: text, "csrfmiddlewaretoken": token}
        if opened:
            body["opened_version"] = opened
        worker = Session(port)
        worker.cookies = dict(session.cookies)
        barrier.wait()
        status, page = worker.request("POST", form.url, body)
        verdict = "saved" if status == 302 else "refused" if REFUSED in page else "error"
        outcomes[n] = (verdict, status, text)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(edits)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [text for verdict, _, text in outcomes if verdict == "saved"]
    final = form.saved_text()  # type: ignore[operator]
    return {
        "form": form.name,
        "requests": edits,
        "saved": len(saved),
        "refused": sum(1 for v, _, _ in outcomes if v == "refused"),
        "errors": sum(1 for v, _, _ in outcomes if v == "error"),
        "lost": max(0, len(saved) - 1) + (0 if any(t in final for t in saved) else len(saved)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--port", type=int, default=8231, help="8200-8249 on the shared machine")
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="concord-concurrent-"))
    server = None
    try:
        configure(args.database_url, data)
        from django.core.management import call_command
        from django.db import connections

        if args.database_url:
            call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
        forms, _ = build()
        connections.close_all()

        server = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{args.port}", "--noreload"],
            cwd=ROOT,
            env={**os.environ, "ALLOWED_HOSTS": "127.0.0.1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        session = Session(args.port)
        for _ in range(300):  # the server is starting: poll its health check
            try:
                if session.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        status, html = session.request("GET", "/accounts/login/")
        status, _ = session.request(
            "POST",
            "/accounts/login/",
            {
                "username": "bench-secretary",
                "password": PASSWORD,
                "csrfmiddlewaretoken": csrf_of(html),
            },
        )
        assert status == 302, "could not sign in"

        engine = "PostgreSQL" if args.database_url else "SQLite"
        print(f"\n{args.edits} simultaneous saves per form, one opened version ({engine})\n")
        print("| form | requests | told saved | refused | errors | lost updates |")
        print("|---|---:|---:|---:|---:|---:|")
        totals = {"requests": 0, "saved": 0, "refused": 0, "errors": 0, "lost": 0}
        for form in forms:
            row = storm(args.port, session, form, args.edits)
            for key in totals:
                totals[key] += int(row[key])  # type: ignore[call-overload]
            print(
                f"| {row['form']} | {row['requests']} | {row['saved']} | {row['refused']} "
                f"| {row['errors']} | {row['lost']} |"
            )
        print(
            f"| **all {len(forms)} forms** | {totals['requests']} | {totals['saved']} "
            f"| {totals['refused']} | {totals['errors']} | {totals['lost']} |"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
