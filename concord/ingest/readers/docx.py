"""Word (.docx) reader: paragraphs and tables in document order."""

from __future__ import annotations

import io

from concord.ingest import limits
from concord.ingest.errors import ExtractionError
from concord.ingest.readers.plain import parse_lines
from concord.ingest.text import Text

EXTENSIONS = (".docx",)


def check_zip(data: bytes, name: str, required: str = "word/document.xml") -> None:
    """Refuse archives that are not Office files or would inflate past the limit.

    Every member is inflated and counted (``concord.ingest.limits``) before
    python-docx sees the file: the sizes in the zip's headers may lie.
    """
    names = limits.check_zip(data, name)
    if required not in names:
        raise ExtractionError(f"{name}: not a Word document (no {required})")


def read(data: bytes, name: str) -> Text:
    """Read a .docx: body paragraphs and tables interleaved as in the file."""
    check_zip(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ExtractionError(f"{name}: damaged Word document ({type(exc).__name__})")
    text = Text()
    body = document.element.body
    numbering = _Numbering(document)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            _add_paragraph(text, numbering.prefix(para) + para.text)
        elif tag == "tbl":
            _add_table(text, Table(child, document))
        elif tag == "sdt":
            # Content controls wrap ordinary paragraphs (e.g. a cover page).
            for p in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
                _add_paragraph(text, Paragraph(p, document).text)
    return text


def _add_paragraph(text: Text, value: str) -> None:
    if not value.strip():
        text.add_blank()
        return
    for block in parse_lines(value).blocks:
        text.blocks.append(block)


def _add_table(text: Text, table: object) -> None:
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            cells.append("\n".join(p.text for p in cell.paragraphs))
        text.add_row(cells)


class _Numbering:
    """Render automatic list numbers ("1.", "2.") that python-docx drops."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except Exception:
            return
        ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        abstract: dict[str, dict[str, tuple[str, str]]] = {}
        for a in part.element.iter(f"{ns}abstractNum"):
            levels = {}
            for lvl in a.iter(f"{ns}lvl"):
                fmt = lvl.find(f"{ns}numFmt")
                txt = lvl.find(f"{ns}lvlText")
                levels[lvl.get(f"{ns}ilvl")] = (
                    fmt.get(f"{ns}val") if fmt is not None else "",
                    txt.get(f"{ns}val") if txt is not None else "",
                )
            abstract[a.get(f"{ns}abstractNumId")] = levels
        for num in part.element.iter(f"{ns}num"):
            ref = num.find(f"{ns}abstractNumId")
            if ref is None:
                continue
            for ilvl, value in abstract.get(ref.get(f"{ns}val"), {}).items():
                self.formats[(num.get(f"{ns}numId"), ilvl)] = value

    def prefix(self, para: object) -> str:
        ppr = para._p.pPr  # type: ignore[attr-defined]
        if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
            return ""
        num_id = str(ppr.numPr.numId.val)
        ilvl = str(ppr.numPr.ilvl.val) if ppr.numPr.ilvl is not None else "0"
        fmt, template = self.formats.get((num_id, ilvl), ("bullet", ""))
        if fmt != "decimal":
            return "• "
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, 0) + 1
        # Deeper levels restart when a shallower one advances.
        for k in list(self.counters):
            if k[0] == num_id and k[1] > ilvl:
                del self.counters[k]
        number = str(self.counters[key])
        return (template.replace(f"%{int(ilvl) + 1}", number) or number + ".") + " "
