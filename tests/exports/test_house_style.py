"""Board-quality documents: every Word file and PDF carries the partnership's name and
logo and "Page X of Y"; the performance report is landscape with RAG shaded and written."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT

from concord.performance.reports.word import report_document
from tests.governance.identity import set_identity
from tests.performance.test_reports import layout, row


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def word(content: bytes):  # a docx Document
    return Document(io.BytesIO(content))


def assert_house_style(document, name: str) -> None:
    section = document.sections[0]
    header = section.header
    assert name in header.paragraphs[0].text
    assert header._element.xpath(".//pic:pic"), "no logo in the page header"
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert section.footer.paragraphs[0].text.startswith("Page ")


def test_the_word_minutes_carry_name_logo_and_page_numbers(client, world) -> None:
    set_identity(name="Riverton Together")
    response = client.get(reverse("exports:minutes_docx", args=[world.meeting.pk]))
    document = word(response.content)
    assert_house_style(document, "Riverton Together")
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    # Tables repeat their heading row on every page they run onto.
    assert all("w:tblHeader" in t.rows[0]._tr.xml for t in document.tables)


def test_without_an_identity_the_minutes_still_number_their_pages(client, world) -> None:
    response = client.get(reverse("exports:minutes_docx", args=[world.meeting.pk]))
    footer = word(response.content).sections[0].footer._element.xml
    assert "NUMPAGES" in footer


def test_the_performance_report_is_landscape_and_rag_is_shaded_with_its_word(db) -> None:
    set_identity(name="Harrowby Together")
    document = word(report_document(layout()))
    assert_house_style(document, "Harrowby Together")
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    rag_cells = [r.cells[4] for t in document.tables for r in list(t.rows)[1:]]
    red = [c for c in rag_cells if c.text.startswith("Red")]
    assert red and all('w:fill="F4C7C3"' in c._tc.xml for c in red)
    assert all(c.text for c in rag_cells)  # never colour alone


def test_rag_without_a_known_word_is_left_unshaded(db) -> None:
    document = word(report_document(layout(rows=[row("X 1", "data_only", "no_data")])))
    cells = [r.cells[4] for t in document.tables for r in list(t.rows)[1:]]
    assert cells and not any("w:shd" in c._tc.xml for c in cells)


def test_the_performance_report_has_its_status_chart_as_a_picture_and_in_words(db) -> None:
    document = word(report_document(layout()))
    assert len(document.inline_shapes) == 1  # the chart (the logo is in the header)
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = document.part.related_parts[blob].blob
    assert image.startswith(b"\x89PNG")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Indicators by status: green 2, amber 1, red 2, no data 1." in text
