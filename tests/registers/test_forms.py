"""Every form validates with a message on the field; a stale save is refused; every change
is in the entry's history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from concord.governance.access import build_viewer
from concord.registers.forms import AddedValueForm, FundingBidForm, MoneyField, RiskForm
from concord.registers.models import AddedValue, Risk
from tests.registers.entries import make_bid


def _field_errors(response, name: str) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.find(id=f"id_{name}_errors")
    return [li.get_text() for li in errors.find_all("li")] if errors else []


RISK = {
    "title": "Venue lost",
    "likelihood": "3",
    "impact": "3",
    "target_score": "4",
    "identified_on": "2025-01-01",
    "status": "open",
}


def _risk_form(world, **changes):
    data = {**RISK, "body": str(world.board.pk), **changes}
    return RiskForm(data, viewer=build_viewer(world.secretariat))


@pytest.mark.parametrize("value", ["7", "0", "-1", "2.5", "nine"])
def test_a_likelihood_outside_one_to_five_is_refused_on_the_field(world, value) -> None:
    form = _risk_form(world, likelihood=value)
    assert not form.is_valid()
    assert list(form.errors) == ["likelihood"]


def test_a_likelihood_of_7_is_named_on_the_page(world, as_user) -> None:
    client = as_user(world.editor)
    data = {**RISK, "body": world.board.pk, "likelihood": "7"}
    response = client.post(reverse("registers:create", args=["risks"]), data)
    assert response.status_code == 200
    errors = _field_errors(response, "likelihood")
    assert errors == ["Likelihood: Ensure this value is less than or equal to 5."]
    assert not Risk.objects.filter(title="Venue lost").exists()


def test_a_review_date_before_the_risk_was_identified_is_refused(world) -> None:
    form = _risk_form(world, review_date="2024-12-31")
    assert not form.is_valid()
    assert form.errors["review_date"] == [
        "The review date is before the date the risk was identified."
    ]
    assert _risk_form(world, review_date="2025-01-01").is_valid()


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1250", "1250"), ("£1,250.50", "1250.50"), (" 3 000 ", "3000"), ("0.5", "0.5")],
)
def test_money_is_read_in_pounds(typed, value) -> None:
    assert MoneyField().clean(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["12.345", "ten pounds", "-5", "1e400", "£", "NaN"])
def test_an_amount_that_is_not_money_is_refused_on_the_field(world, typed) -> None:
    form = AddedValueForm(
        {
            "category": "projects",
            "date": "2025-01-01",
            "title": "T",
            "body": world.board.pk,
            "money_value": typed,
        },
        viewer=build_viewer(world.secretariat),
    )
    assert not form.is_valid()
    assert list(form.errors) == ["money_value"]


def test_evidence_must_be_web_links(world) -> None:
    data = {"category": "events", "date": "2025-01-01", "title": "T", "body": world.board.pk}
    viewer = build_viewer(world.secretariat)
    bad = AddedValueForm(
        {**data, "evidence": "https://ok.example\njavascript:alert(1)"}, viewer=viewer
    )
    assert not bad.is_valid() and list(bad.errors) == ["evidence"]
    good = AddedValueForm(
        {**data, "evidence": "https://a.example/x\n\nhttp://b.example"}, viewer=viewer
    )
    assert good.is_valid(), good.errors


def test_an_award_larger_than_asked_is_refused_unless_the_funder_allows_it(world) -> None:
    viewer = build_viewer(world.secretariat)
    bid = make_bid(body=world.board, status="awarded", amount_awarded=Decimal("100"))
    data = {
        "title": bid.title,
        "funder": bid.funder,
        "body": world.board.pk,
        "amount_asked": "50000",
        "amount_awarded": "60000",
        "idea_on": "2025-01-10",
    }
    form = FundingBidForm(data, instance=bid, viewer=viewer)
    assert not form.is_valid()
    assert list(form.errors) == ["amount_awarded"]
    allowed = FundingBidForm({**data, "award_may_exceed": "on"}, instance=bid, viewer=viewer)
    assert allowed.is_valid(), allowed.errors


def test_an_editor_chooses_only_among_the_bodies_they_edit(world) -> None:
    form = AddedValueForm(
        {"category": "events", "date": "2025-01-01", "title": "T", "body": world.tasking.pk},
        viewer=build_viewer(world.editor),
    )
    assert not form.is_valid() and list(form.errors) == ["body"]
    assert world.tasking.name not in str(form["body"])


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:edit", args=["added-value", world.public_value.pk])
    data = {
        "category": "strategies",
        "date": "2025-05-01",
        "title": "Second editor's title",
        "body": world.board.pk,
        "opened_version": world.public_value.version,
    }
    first = client.post(url, {**data, "title": "First editor's title"})
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 200
    assert "Someone else saved this added value entry" in second.content.decode()
    assert "Second editor&#x27;s title" in second.content.decode()
    assert AddedValue.objects.get(pk=world.public_value.pk).title == "First editor's title"


def test_every_change_is_in_the_history_shown_to_editors(world, as_user) -> None:
    client = as_user(world.editor)
    entry = world.public_value
    before = entry.history.count()
    response = client.post(
        reverse("registers:edit", args=["added-value", entry.pk]),
        {
            "category": "events",
            "date": "2025-05-01",
            "title": entry.title,
            "body": world.board.pk,
            "opened_version": entry.version,
            "partners": [world.council.pk],
        },
    )
    assert response.status_code == 302
    assert entry.history.count() > before
    assert entry.history.latest().category == "events"
    page = client.get(reverse("registers:detail", args=["added-value", entry.pk])).content.decode()
    assert "board-editor" in page
    assert "category: “strategies” → “events”" in page
    # The public reads the entry, not who changed it.
    public = as_user(None).get(reverse("registers:detail", args=["added-value", entry.pk]))
    assert "board-editor" not in public.content.decode()


def test_dates_are_real_dates(world) -> None:
    form = _risk_form(world, identified_on="2025-02-30")
    assert list(form.errors) == ["identified_on"] and not form.is_valid()
