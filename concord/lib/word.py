"""Concord's house style for Word documents, shared by minutes, agenda packs and reports.

One place for what every ``.docx`` Concord writes looks like, so the
minutes (:mod:`concord.exports.minutes_docx`), the agenda pack
(:mod:`concord.agenda.pack_word`) and the board's performance report
(:mod:`concord.performance.reports.word`) cannot drift apart: the
partnership's name and logo in every page header (a :class:`Letterhead`,
which the governance app builds from the partnership's identity), "Page X of
Y" in every footer (Word fields, so Word counts the pages), headings in the
partnership's colour, tables in a grid that repeats its heading row, and
RAG statuses shaded *and* written in words (never colour alone).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

DEFAULT_ACCENT = "#0b3d91"
FONT = "Arial"
# Cell shading and text colour for each RAG word: pale fills, so black text reads on all.
RAG_FILLS = {
    "red": "F4C7C3",
    "amber": "FCE8B2",
    "green": "B7E1CD",
    "no data": "E0E0E0",
}


@dataclass(frozen=True)
class Letterhead:
    """The partnership as documents show it: name, logo (PNG bytes) and accent colour."""

    name: str = ""
    logo_png: bytes | None = None
    accent: str = ""


def _rgb(colour: str) -> RGBColor:
    """'#0b3d91' as python-docx's colour (the default accent when empty)."""
    value = (colour or DEFAULT_ACCENT).lstrip("#")
    return RGBColor(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph; Word fills it in when it lays out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _house_styles(document: DocumentObject, accent: str) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = _rgb(accent)


def _header_and_footer(document: DocumentObject, letterhead: Letterhead, header: str) -> None:
    for section in document.sections:
        top = section.header.paragraphs[0]
        if letterhead.logo_png:
            top.add_run().add_picture(io.BytesIO(letterhead.logo_png), height=Cm(1.2))
            top.add_run("  ")
        if letterhead.name:
            top.add_run(letterhead.name).bold = True
        if header:
            top.add_run(f"  {header}" if (letterhead.name or letterhead.logo_png) else header)
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot.add_run("Page ")
        _field(foot, "PAGE")
        foot.add_run(" of ")
        _field(foot, "NUMPAGES")


def new_document(
    title: str,
    *,
    marking: tuple[str, str] | None = None,
    letterhead: Letterhead | None = None,
    landscape: bool = False,
) -> DocumentObject:
    """A Word document in Concord's house style: titled, no author, page X of Y.

    ``marking`` is ``(text, header)``: the text in red at the top right (a
    draft, illustrative figures), and the same warning in every page header.
    ``letterhead`` puts the partnership's logo and name in every header.

    >>> d = new_document("Minutes", marking=("DRAFT", "Draft minutes"))
    >>> d.core_properties.title, d.paragraphs[0].text, d.sections[0].header.paragraphs[0].text
    ('Minutes', 'DRAFT', 'Draft minutes')
    >>> "NUMPAGES" in d.sections[0].footer._element.xml
    True
    """
    letterhead = letterhead or Letterhead()
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = ""
    _house_styles(document, letterhead.accent)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if marking:
        text, _ = marking
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    _header_and_footer(document, letterhead, marking[1] if marking else "")
    return document


def grid_table(document: DocumentObject, headings: Sequence[str]) -> Table:
    """A table in the house grid: bold heading row repeated on every page it runs onto."""
    table: Table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = True
    heading_row = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    heading_row._tr.get_or_add_trPr().append(repeat)
    for cell, heading in zip(heading_row.cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    return table


def add_cells(table: Table, values: Sequence[str]) -> list[_Cell]:
    """Add a row to ``table`` with ``values`` as its cells' text; the row's cells."""
    cells: list[_Cell] = table.add_row().cells  # type: ignore[no-untyped-call]  # untyped in python-docx
    for cell, value in zip(cells, values, strict=True):
        cell.text = value
    return cells


def shade_rag(cell: _Cell, word: str) -> None:
    """Shade a cell by its RAG word ('Red', 'Amber', 'Green', 'No data'), keeping the word.

    The fill only repeats what the cell says, for readers who print in grey
    or cannot tell the colours apart.
    """
    fill = RAG_FILLS.get(word.strip().lower().replace("_", " "))
    if not fill:
        return
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = True


def svg_to_png(svg: str, width: int, height: int, scale: float = 2.0) -> bytes:
    """An SVG chart (``width`` × ``height`` CSS pixels) as PNG, for a Word document.

    Word cannot be relied on to show SVG, so charts go in as pictures: WeasyPrint
    lays the SVG out on a page of exactly its size (fetching nothing), and
    pdfium (pypdfium2) draws that page as pixels.
    """
    import pypdfium2 as pdfium
    from weasyprint import HTML

    def refuse(url: str, *args: object, **kwargs: object) -> None:
        raise ValueError(f"A chart fetches nothing ({url[:40]}).")

    page_css = f"@page {{ size: {width}px {height}px; margin: 0 }} body {{ margin: 0 }}"
    html = f"<style>{page_css}</style>{svg}"
    pdf = HTML(string=html, url_fetcher=refuse).write_pdf()
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
