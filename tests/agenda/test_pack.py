"""The agenda pack: agenda, papers and the action log of open actions, as Word and as one
PDF (PDF papers appended), holding only what the viewer may see; an unreadable paper is
noted, not a 500."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from docx import Document
from fpdf import FPDF
from pypdf import PdfReader

from concord.meetings.models import Meeting, Paper
from tests.agenda.conftest import TODAY
from tests.factories import make_action, make_item


def pdf_paper(*pages: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for text in pages:
        pdf.add_page()
        pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.fixture
def packed(world):
    w = world
    m = w.next_meeting
    Meeting.objects.filter(pk=m.pk).update(agenda_published_on=TODAY)
    w.plan = make_item(meeting=m, number="1", position=1, title="Youth violence plan")
    w.cctv = make_item(
        meeting=m,
        number="2",
        position=2,
        title="Camera contract shortlist",
        visibility="restricted",
        restriction_reason="Commercial interests of bidders",
    )
    Paper.objects.create(
        item=w.plan,
        title="Plan annex",
        file=ContentFile(pdf_paper("Annex page one", "Annex page two"), name="annex.pdf"),
    )
    Paper.objects.create(
        item=w.plan, title="Plan spreadsheet", file=ContentFile(b"a,b\n", name="plan.csv")
    )
    Paper.objects.create(
        item=w.cctv,
        title="Bid scores",
        file=ContentFile(pdf_paper("Bidder scores secret"), name="bids.pdf"),
    )
    make_action(item=w.plan, body=w.board, description="Draft the youth plan")
    return w


def pdf_of(client, meeting) -> PdfReader:
    response = client.get(reverse("agenda:pack_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(client, meeting) -> str:
    response = client.get(reverse("agenda:pack_docx", args=[meeting.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_pdf_pack_for_the_public_holds_what_they_may_see(packed, client) -> None:
    reader = pdf_of(client, packed.next_meeting)
    text = text_of(reader)
    assert "Youth violence plan" in text and "Annex page one" in text and "Annex page two" in text
    assert "Commercial interests of bidders" in text
    assert "Camera contract shortlist" not in text and "Bidder scores secret" not in text
    assert "Notify Acme Cameras" not in text  # an action on a restricted item
    assert "Publish the community safety plan" in text  # open, set at an approved public item
    assert "Not a PDF" in text  # the spreadsheet, listed with a note
    cover_pages = len(reader.pages) - 2
    assert cover_pages >= 1 and "Annex page two" in reader.pages[-1].extract_text()


def test_the_pdf_pack_for_a_voting_member_holds_the_restricted_paper(packed, as_user) -> None:
    text = text_of(pdf_of(as_user(packed.board_member), packed.next_meeting))
    assert "Camera contract shortlist" in text and "Bidder scores secret" in text
    assert "Notify Acme Cameras" in text


def test_the_word_pack_reads_back(packed, as_user) -> None:
    public = docx_text(as_user(None), packed.next_meeting)
    assert "1. Youth violence plan" in public and "Plan annex" in public
    assert "Not public: Commercial interests of bidders" in public
    assert "Camera contract shortlist" not in public and "Bid scores" not in public
    assert "Action log: open actions" in public and "Publish the community safety plan" in public
    member = docx_text(as_user(packed.board_member), packed.next_meeting)
    assert "Camera contract shortlist" in member and "Notify Acme Cameras" in member


def test_an_unreadable_paper_is_noted_not_a_500(packed, client) -> None:
    Paper.objects.create(
        item=packed.plan,
        title="Broken scan",
        file=ContentFile(b"%PDF-1.4 garbage", name="broken.pdf"),
    )
    gone = Paper.objects.create(
        item=packed.plan, title="Lost file", file=ContentFile(b"x", name="lost.pdf")
    )
    gone.file.storage.delete(gone.file.name)
    text = text_of(pdf_of(client, packed.next_meeting))
    assert text.count("could not be read") == 2
    assert "Broken scan" in text and "Lost file" in text


def test_no_pack_before_the_agenda_is_out(world, as_user) -> None:
    for who in (None, world.partner, world.board_member):
        client = as_user(who)
        for name in ("agenda:pack_pdf", "agenda:pack_docx"):
            assert client.get(reverse(name, args=[world.next_meeting.pk])).status_code == 404
    assert (
        as_user(world.editor)
        .get(reverse("agenda:pack_docx", args=[world.next_meeting.pk]))
        .status_code
        == 200
    )


def test_a_members_only_bodys_pack_is_a_404(world, client) -> None:
    assert (
        client.get(reverse("agenda:pack_pdf", args=[world.private_meeting.pk])).status_code == 404
    )


def test_the_first_page_renders_as_an_image_with_ink_on_it(packed, client) -> None:
    """pdftoppm is not on every machine; pdfplumber's pypdfium2 renders the page instead."""
    import pypdfium2

    response = client.get(reverse("agenda:pack_pdf", args=[packed.next_meeting.pk]))
    document = pypdfium2.PdfDocument(b"".join(response.streaming_content))
    image = document[0].render(scale=1).to_pil().convert("L")
    assert image.width < image.height  # A4, portrait
    dark = image.histogram()[:128]
    assert sum(dark) > 500  # text was laid out, in a font that was found
