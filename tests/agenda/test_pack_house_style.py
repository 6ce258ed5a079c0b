"""The agenda pack as PDF and Word in the house style: the partnership's name and logo,
"Page X of Y" on every page of the cover."""

from __future__ import annotations

import io

from django.urls import reverse
from docx import Document

from tests.agenda.test_pack import packed, pdf_of, text_of  # noqa: F401  (a fixture)
from tests.governance.identity import set_identity


def test_the_pdf_pack_has_page_numbers_and_the_partnership(packed, client) -> None:  # noqa: F811
    set_identity(name="Riverton Together")
    reader = pdf_of(client, packed.next_meeting)
    first = reader.pages[0].extract_text()
    assert "Riverton Together" in first
    assert "Page 1 of " in first
    assert reader.pages[0].images, "the logo is not on the cover"
    assert "Page 1 of" in text_of(reader)


def test_the_pdf_pack_without_an_identity_uses_the_settings_name(packed, client, settings):  # noqa: F811
    settings.CONCORD_PARTNERSHIP_NAME = "Concord test partnership"
    text = pdf_of(client, packed.next_meeting).pages[0].extract_text()
    assert "Concord test partnership" in text and "Page 1 of" in text


def test_the_word_pack_has_the_logo_and_page_numbers(packed, client) -> None:  # noqa: F811
    set_identity(name="Riverton Together")
    response = client.get(reverse("agenda:pack_docx", args=[packed.next_meeting.pk]))
    section = Document(io.BytesIO(response.content)).sections[0]
    assert "Riverton Together" in section.header.paragraphs[0].text
    assert section.header._element.xpath(".//pic:pic")
    assert "NUMPAGES" in section.footer._element.xml
