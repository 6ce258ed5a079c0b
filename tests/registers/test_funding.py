"""A bid's steps (idea → drafting → submitted → awarded/declined, or withdrawn), each dated,
and an award counted into added value straight from the funding register."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from concord.lib.access import PUBLIC
from concord.lib.locking import StaleEdit
from concord.registers.added_value import totals
from concord.registers.funding import check_step, next_steps, take_step
from concord.registers.models import AddedValue, FundingBid
from tests.registers.entries import make_added_value, make_bid

D = dt.date


def _walk(bid: FundingBid, *steps: tuple[str, dt.date]) -> FundingBid:
    for status, on in steps:
        take_step(bid, status, on, bid.version, Decimal("40000") if status == "awarded" else None)
    bid.refresh_from_db()
    return bid


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("idea", ("drafting", "withdrawn")),
        ("drafting", ("submitted", "withdrawn")),
        ("submitted", ("awarded", "declined", "withdrawn")),
        ("awarded", ()),
        ("declined", ()),
        ("withdrawn", ()),
    ],
)
def test_each_status_allows_only_its_next_steps(status, allowed) -> None:
    assert next_steps(status) == allowed


def test_a_bid_walks_to_an_award_with_the_date_of_each_step(world) -> None:
    bid = _walk(
        world.public_bid,
        ("drafting", D(2025, 2, 1)),
        ("submitted", D(2025, 3, 1)),
        ("awarded", D(2025, 6, 1)),
    )
    assert (bid.status, bid.drafting_on, bid.submitted_on, bid.decided_on) == (
        "awarded",
        D(2025, 2, 1),
        D(2025, 3, 1),
        D(2025, 6, 1),
    )
    assert bid.amount_awarded == Decimal("40000")
    assert [h.status for h in bid.history.order_by("history_date")] == [
        "idea",
        "drafting",
        "submitted",
        "awarded",
    ]


def test_a_step_may_not_be_skipped_or_taken_after_a_final_one(world) -> None:
    bid = world.public_bid
    assert set(check_step(bid, "awarded", D(2025, 6, 1), Decimal("1"))) == {"status"}
    _walk(bid, ("withdrawn", D(2025, 2, 1)))
    with pytest.raises(ValidationError) as refused:
        take_step(bid, "drafting", D(2025, 3, 1), bid.version)
    assert "it is final" in refused.value.message_dict["status"][0]


def test_a_step_may_not_be_dated_before_the_last(world) -> None:
    bid = _walk(world.public_bid, ("drafting", D(2025, 2, 1)))
    assert set(check_step(bid, "submitted", D(2025, 1, 31))) == {"on"}
    assert check_step(bid, "submitted", D(2025, 2, 1)) == {}


def test_an_award_needs_an_amount_within_what_was_asked(world) -> None:
    bid = _walk(world.public_bid, ("drafting", D(2025, 2, 1)), ("submitted", D(2025, 3, 1)))
    assert set(check_step(bid, "awarded", D(2025, 6, 1))) == {"amount_awarded"}
    assert set(check_step(bid, "awarded", D(2025, 6, 1), Decimal("50000.01"))) == {"amount_awarded"}
    bid.award_may_exceed = True
    assert check_step(bid, "awarded", D(2025, 6, 1), Decimal("50000.01")) == {}


def test_a_stale_step_is_refused(world) -> None:
    bid = world.public_bid
    opened = bid.version
    take_step(bid, "drafting", D(2025, 2, 1), opened)
    again = FundingBid.objects.get(pk=bid.pk)
    again.status = "drafting"
    with pytest.raises(StaleEdit):
        take_step(again, "submitted", D(2025, 3, 1), opened)


def test_the_step_page_names_the_field_and_records_the_step(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:funding_step", args=[world.public_bid.pk])
    refused = client.post(url, {"status": "drafting", "on": "2024-01-01"})
    assert refused.status_code == 400
    assert "Date of this step: This step cannot come before" in refused.content.decode()
    done = client.post(url, {"status": "drafting", "on": "2025-02-01"})
    assert done.status_code == 302
    assert FundingBid.objects.get(pk=world.public_bid.pk).status == "drafting"
    skipped = client.post(url, {"status": "awarded", "on": "2025-03-01", "amount_awarded": "1"})
    assert skipped.status_code == 400
    assert "New status:" in skipped.content.decode()


def _funding(rows):
    return next(r for r in rows if r.category == "funding")


def test_an_award_counts_into_added_value_once_and_follows_its_amount(world) -> None:
    before = _funding(totals(PUBLIC))
    bid = _walk(
        world.public_bid,
        ("drafting", D(2025, 2, 1)),
        ("submitted", D(2025, 3, 1)),
        ("awarded", D(2025, 6, 1)),
    )
    after = _funding(totals(PUBLIC))
    assert (after.awards, after.money - before.money) == (1, Decimal("40000"))
    assert AddedValue.objects.count() == 3  # nothing copied into the added-value register
    bid.amount_awarded = Decimal("45000")
    bid.save()
    assert _funding(totals(PUBLIC)).money - before.money == Decimal("45000")
    # Counted by the date it was awarded.
    assert _funding(totals(PUBLIC, since=D(2025, 7, 1))).awards == 0


def test_declined_withdrawn_and_hidden_bids_do_not_count(world) -> None:
    make_bid(body=world.board, is_public=True, status="declined", amount_awarded=None)
    make_bid(body=world.board, is_public=True, status="submitted")
    make_bid(
        body=world.tasking,
        is_public=True,
        status="awarded",
        amount_awarded=Decimal("7"),
        decided_on=D(2025, 6, 1),
    )
    assert _funding(totals(PUBLIC)).awards == 0
    assert _funding(totals(PUBLIC)).money == Decimal("0")  # the tasking group's saving is hidden


def test_totals_add_up_entries_by_category(world) -> None:
    from concord.governance.access import build_viewer

    make_added_value(body=world.board, category="events", money_value=Decimal("10.50"))
    make_added_value(body=world.board, category="events", money_value=None)
    rows = {r.category: r for r in totals(build_viewer(world.secretariat))}
    assert len(rows) == 10
    assert (rows["events"].count, rows["events"].money) == (2, Decimal("10.50"))
    assert (rows["funding"].entries, rows["funding"].money) == (1, Decimal("999"))
    assert (rows["strategies"].count, rows["strategies"].money) == (1, Decimal("1200"))


def test_the_added_value_page_shows_the_awards_in_its_totals(world, as_user) -> None:
    _walk(
        world.public_bid,
        ("drafting", D(2025, 2, 1)),
        ("submitted", D(2025, 3, 1)),
        ("awarded", D(2025, 6, 1)),
    )
    page = as_user(None).get(reverse("registers:list", args=["added-value"])).content.decode()
    assert "£40,000.00" in page
    assert "Offender tasking saving" not in page
