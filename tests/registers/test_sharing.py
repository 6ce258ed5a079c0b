"""Information sharing agreements: parties with signatory and date; an agreement not signed by
every party is visibly incomplete; no party signs before the agreement was drawn up."""

from __future__ import annotations

from django.urls import reverse

from concord.registers.models import AgreementParty, SharingAgreement, signatures
from tests.registers.entries import make_agreement


def test_an_agreement_not_signed_by_every_party_is_incomplete(world, as_user) -> None:
    listing = as_user(None).get(reverse("registers:list", args=["sharing"])).content.decode()
    assert "Incomplete: 1 of 2 parties signed" in listing
    assert "Offender data sharing" not in listing  # the members-only body's
    page = as_user(None).get(
        reverse("registers:detail", args=["sharing", world.public_agreement.pk])
    )
    text = page.content.decode()
    assert "Incomplete: 1 of 2 parties signed" in text and "Not signed" in text
    world.unsigned_party.signatory = "Chief Constable"
    world.unsigned_party.signed_on = world.public_agreement.drafted_on
    world.unsigned_party.save()
    listing = as_user(None).get(reverse("registers:list", args=["sharing"])).content.decode()
    assert "Signed by all 2 parties" in listing


def test_signature_counts_are_per_agreement(world) -> None:
    make_agreement(body=world.board, title="No parties yet")
    rows = {
        a.title: signatures(a.party_count, a.signed_count)
        for a in SharingAgreement.objects.with_signatures()
    }
    assert rows == {
        "Anti-social behaviour case sharing": "Incomplete: 1 of 2 parties signed",
        "Offender data sharing": "Incomplete: no parties yet",
        "No parties yet": "Incomplete: no parties yet",
    }


def test_a_party_cannot_sign_before_the_agreement_existed(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:party_edit", args=[world.unsigned_party.pk])
    data = {
        "organisation": world.police.pk,
        "signatory": "Chief Constable",
        "signed_on": "2024-12-31",
        "opened_version": world.unsigned_party.version,
    }
    refused = client.post(url, data)
    assert "Signed on: This party cannot have signed before the agreement was drawn up" in (
        refused.content.decode()
    )
    unsigned = client.post(url, {**data, "signatory": "", "signed_on": "2025-01-02"})
    assert "Signatory: Say who signed for this party." in unsigned.content.decode()
    assert client.post(url, {**data, "signed_on": "2025-01-02"}).status_code == 302
    assert AgreementParty.objects.get(pk=world.unsigned_party.pk).signatory == "Chief Constable"


def test_a_party_is_added_once(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:party_create", args=[world.public_agreement.pk])
    again = client.post(url, {"organisation": world.council.pk})
    assert "Organisation: Riverton City Council is already a party" in again.content.decode()
    other = client.post(url, {"organisation_search": "nobody at all"})
    assert "Organisation: No organisation you may choose matches" in other.content.decode()


def test_a_review_date_before_the_agreement_is_refused(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("registers:edit", args=["sharing", world.public_agreement.pk]),
        {
            "title": "T",
            "body": world.board.pk,
            "purpose": "P",
            "legal_basis": "L",
            "data_categories": "D",
            "drafted_on": "2025-01-01",
            "review_date": "2024-06-01",
            "status": "in_force",
            "opened_version": world.public_agreement.version,
        },
    )
    assert "Review date: The review date is before the agreement was drawn up." in (
        response.content.decode()
    )


def test_the_export_lists_the_parties_and_their_signatures(world, as_user) -> None:
    text = (
        as_user(world.secretariat)
        .get(reverse("registers:export", args=["sharing", "csv"]))
        .content.decode()
    )
    assert (
        "Riverton City Council (Chief Executive, 2025-02-01); Riverton Police (not signed)" in text
    )
    assert "Offender data sharing" in text
