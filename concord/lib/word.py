"""Concord's house style for Word documents, shared by minutes and performance reports.

One place for what every ``.docx`` Concord writes looks like, so the
minutes (:mod:`concord.exports.minutes_docx`) and the board's performance
report (:mod:`concord.performance.reports.word`) cannot drift apart.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor


def new_document(title: str, *, marking: tuple[str, str] | None = None) -> DocumentObject:
    """A Word document in Concord's house style: titled, no author.

    ``marking`` is ``(text, header)``: the text in red at the top right (a
    draft, illustrative figures), and the same warning in every page header.

    >>> d = new_document("Minutes", marking=("DRAFT", "Draft minutes"))
    >>> d.core_properties.title, d.paragraphs[0].text, d.sections[0].header.paragraphs[0].text
    ('Minutes', 'DRAFT', 'Draft minutes')
    """
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = ""
    if marking:
        text, header = marking
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        for section in document.sections:
            section.header.paragraphs[0].text = header
    return document
