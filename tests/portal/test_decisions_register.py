"""The decisions register: what each viewer may read, filters, bad values, the Atom feed."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_decision, make_item, make_meeting

PUBLIC = "to adopt the community safety plan"
RESTRICTED = "to award the CCTV contract to Acme"
DRAFT = "to trial a night bus"
MEMBERS_ONLY = "to share the prolific offender list"


def register(client, query: str = "") -> str:
    return client.get(reverse("portal:decisions") + query).content.decode()


def more(world) -> None:
    make_decision(item=world.draft.items.get(), text=DRAFT)
    make_decision(item=world.private_meeting.items.get(), text=MEMBERS_ONLY)


def test_the_public_sees_decisions_of_public_items_in_approved_minutes(world, client) -> None:
    more(world)
    html = register(client)
    assert PUBLIC in html
    for hidden in (RESTRICTED, DRAFT, MEMBERS_ONLY, "Contract award for CCTV"):
        assert hidden not in html


def test_each_viewer_sees_what_they_may_read(world, as_user) -> None:
    more(world)
    secretariat = register(as_user(world.secretariat))
    assert all(d in secretariat for d in (PUBLIC, RESTRICTED, DRAFT, MEMBERS_ONLY))
    partner = register(as_user(world.partner))
    assert PUBLIC in partner and RESTRICTED not in partner and MEMBERS_ONLY not in partner
    tasking = register(as_user(world.tasking_member))
    assert MEMBERS_ONLY in tasking and RESTRICTED not in tasking


def test_filters_by_words_body_and_dates(world, as_user) -> None:
    later = make_meeting(body=world.board, date=dt.date(2025, 9, 1), status="held",
                         minutes_status="approved")  # fmt: skip
    make_decision(item=make_item(meeting=later, title="Parks"), text="to open the lido")
    client = as_user(world.secretariat)
    assert "to open the lido" in register(client, "?q=LIDO")
    assert PUBLIC not in register(client, "?q=lido")
    assert "to open the lido" in register(client, "?q=parks")  # the item's title counts
    assert PUBLIC not in register(client, "?from=2025-06-01")
    assert "to open the lido" not in register(client, "?to=2025-06-01")
    assert PUBLIC in register(client, f"?body={world.board.slug}")
    assert PUBLIC not in register(client, f"?body={world.tasking.slug}")


def test_a_date_that_is_not_one_is_a_message_not_a_500(client, world) -> None:
    for bad in ("2024-02-30", "0000-00-00", "x" * 5000):
        response = client.get(reverse("portal:decisions"), {"from": bad, "to": "2024-13-01"})
        assert response.status_code == 400
        assert "From:" in response.content.decode() and "To:" in response.content.decode()


def test_the_atom_feed_has_only_what_the_public_may_read(world, client) -> None:
    more(world)
    make_decision(item=world.public_item, text="<script>alert(1)</script> to publish")
    response = client.get(reverse("portal:decisions_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert PUBLIC in feed and "Safer Riverton Board" in feed
    assert all(hidden not in feed for hidden in (RESTRICTED, DRAFT, MEMBERS_ONLY))
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    only_tasking = client.get(reverse("portal:decisions_feed"), {"body": world.tasking.slug})
    assert PUBLIC not in only_tasking.content.decode()


def test_the_register_takes_the_same_queries_whatever_its_size(world, client) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("portal:decisions") + "?q=plan").status_code == 200
        return len(queries)

    small = count()
    for n in range(30):
        meeting = make_meeting(body=world.board, date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
                               status="held", minutes_status="approved")  # fmt: skip
        make_decision(item=make_item(meeting=meeting, title=f"Plan {n}"), text=f"plan {n}")
    assert count() == small


def test_the_home_page_shows_the_latest_decisions_the_visitor_may_read(world, client) -> None:
    more(world)
    html = client.get("/").content.decode()
    assert "Latest decisions" in html and PUBLIC in html
    assert all(hidden not in html for hidden in (RESTRICTED, DRAFT, MEMBERS_ONLY))
