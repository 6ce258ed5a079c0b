"""The information sharing protocol as a document: versions with their text in sections,
signatories, agreements made under a version; printable, PDF and Word; its rules, history,
version check and permissions as the other registers'."""

from __future__ import annotations

import io

from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from concord.registers.models import ProtocolSignatory, SharingProtocol
from tests.registers.entries import make_agreement, make_protocol


def _form(protocol: SharingProtocol, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": protocol.title,
        "protocol_version": protocol.protocol_version,
        "body": protocol.body_id,
        "status": protocol.status,
        "drafted_on": protocol.drafted_on.isoformat(),
        "adopted_on": protocol.adopted_on.isoformat() if protocol.adopted_on else "",
        "review_date": "",
        "purpose": protocol.purpose,
        "is_public": "on" if protocol.is_public else "",
        "opened_version": protocol.version,
    }
    return data | changes


def test_the_protocol_page_shows_its_sections_signatories_and_agreements(world, as_user) -> None:
    url = reverse("registers:detail", args=["protocols", world.public_protocol.pk])
    page = as_user(None).get(url).content.decode()
    assert "Security of information" in page and "secure e-mail" in page
    assert "Retention and disposal" not in page  # an empty section is left out
    assert "Incomplete: 1 of 2 parties signed" in page and "Not signed" in page
    assert "Anti-social behaviour case sharing" in page  # the agreement made under it
    assert "Offender data sharing" not in page  # the members-only body's agreement
    listing = as_user(None).get(reverse("registers:list", args=["protocols"])).content.decode()
    assert "Community Safety Information Sharing Protocol" in listing
    assert "Offender Management Protocol" not in listing


def test_an_agreement_names_its_protocol_only_to_those_who_may_see_it(world, as_user) -> None:
    url = reverse("registers:detail", args=["sharing", world.public_agreement.pk])
    page = as_user(None).get(url).content.decode()
    protocol_url = reverse("registers:detail", args=["protocols", world.public_protocol.pk])
    assert "Under the protocol" in page and protocol_url in page
    world.public_agreement.protocol = world.hidden_protocol
    world.public_agreement.save()
    page = as_user(None).get(url).content.decode()
    assert "Offender Management Protocol" not in page and "Not shown" in page
    # The agreement form offers only the protocols the editor may read.
    form = as_user(world.editor).get(reverse("registers:create", args=["sharing"]))
    choices = [str(p) for p in form.context["form"].fields["protocol"].queryset]
    assert choices == [str(world.public_protocol)]


def test_the_protocols_dates_are_checked_on_their_fields(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:edit", args=["protocols", world.public_protocol.pk])
    early = client.post(url, _form(world.public_protocol, adopted_on="2024-10-01"))
    assert "adopted_on" in early.context["form"].errors
    review = client.post(url, _form(world.public_protocol, review_date="2024-11-15"))
    assert "before the protocol was adopted" in review.context["form"].errors["review_date"][0]
    undated = client.post(url, _form(world.public_protocol, adopted_on=""))
    assert "Give the date" in undated.context["form"].errors["adopted_on"][0]
    twin = client.post(
        reverse("registers:create", args=["protocols"]),
        _form(world.public_protocol, opened_version=""),
    )
    assert twin.context["form"].errors  # the same title and version twice
    assert SharingProtocol.objects.filter(title=world.public_protocol.title).count() == 1


def test_an_edit_is_kept_in_history_and_a_stale_one_refused(world, as_user) -> None:
    client = as_user(world.editor)
    protocol = world.public_protocol
    url = reverse("registers:edit", args=["protocols", protocol.pk])
    opened = _form(protocol)
    saved = client.post(url, opened | {"retention": "Destroy after six years."})
    assert saved.status_code == 302
    protocol.refresh_from_db()
    assert protocol.retention == "Destroy after six years." and protocol.history.count() == 2
    stale = client.post(url, opened | {"retention": "Keep for ever."})
    assert "Someone else saved" in stale.content.decode()


def test_a_signatory_signs_after_the_protocol_was_drawn_up_and_once(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:signatory_edit", args=[world.unsigned_signatory.pk])
    data = {
        "organisation": world.police.pk,
        "signatory": "Chief Constable",
        "signed_on": "2024-10-31",
        "opened_version": world.unsigned_signatory.version,
    }
    early = client.post(url, data)
    assert early.status_code == 400
    assert "before the protocol was drawn up" in early.content.decode()
    assert client.post(url, {**data, "signed_on": "2024-12-02"}).status_code == 302
    signed = ProtocolSignatory.objects.get(pk=world.unsigned_signatory.pk)
    assert signed.signatory == "Chief Constable" and signed.history.count() == 2
    again = client.post(
        reverse("registers:signatory_create", args=[world.public_protocol.pk]),
        {"organisation": world.police.pk},
    )
    assert again.status_code == 400 and "already signed up" in again.content.decode()
    # Only the body's editors and the secretariat add signatories.
    member = as_user(world.board_member).post(
        reverse("registers:signatory_create", args=[world.public_protocol.pk]),
        {"organisation": world.police.pk},
    )
    assert member.status_code == 403


def test_the_protocol_printed_as_word_and_pdf(world, as_user) -> None:
    client = as_user(None)
    protocol = world.public_protocol
    page = client.get(reverse("registers:protocol", args=[protocol.pk])).content.decode()
    assert "Version 2.0. Adopted: adopted 1 December 2024." in page
    word = client.get(reverse("registers:protocol_docx", args=[protocol.pk]))
    document = Document(io.BytesIO(word.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Security of information" in text and "secure e-mail" in text
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert cells[:3] == ["Organisation", "Signed by", "Signed on"]
    assert "Chief Executive" in cells and "Not signed" in cells
    pdf = client.get(reverse("registers:protocol_pdf", args=[protocol.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Legal basis" in pdf_text and "Chief Executive" in pdf_text
    hidden = reverse("registers:protocol_docx", args=[world.hidden_protocol.pk])
    assert client.get(hidden).status_code == 404


def test_a_draft_is_marked_and_text_is_escaped(world, as_user) -> None:
    draft = make_protocol(
        body=world.board, is_public=True, protocol_version="3.0", purpose="<script>x</script>"
    )
    make_agreement(body=world.board, title="Under the draft", protocol=draft)
    page = as_user(None).get(reverse("registers:protocol", args=[draft.pk])).content.decode()
    assert "DRAFT" in page and "<script>x" not in page and "&lt;script&gt;" in page
    word = as_user(None).get(reverse("registers:protocol_docx", args=[draft.pk]))
    assert Document(io.BytesIO(word.content)).paragraphs[0].text == "DRAFT"
