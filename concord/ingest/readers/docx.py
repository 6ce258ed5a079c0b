"""Word (.docx) reader: paragraphs and tables in document order."""

from __future__ import annotations

import io
from typing import Any

from concord.ingest import limits
from concord.ingest.errors import ExtractionError
from concord.ingest.readers.plain import parse_lines
from concord.ingest.text import Text

EXTENSIONS = (".docx",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, name: str, required: str = "word/document.xml") -> None:
    """Refuse archives that are not Office files or would inflate past the limit.

    Every member is inflated and counted (``concord.ingest.limits``) before
    python-docx sees the file: the sizes in the zip's headers may lie.
    """
    names = limits.check_zip(data, name)
    if required not in names:
        raise ExtractionError(f"{name}: not a Word document (no {required})")


def read(data: bytes, name: str) -> Text:
    """Read a .docx: body paragraphs and tables interleaved as in the file.

    The document's XML trees are freed as soon as this returns, not whenever
    the garbage collector next runs (until then they stayed in memory, and
    freeing them was charged to whatever ran then, mostly the extraction
    rules; docs/benchmarks.md): paragraphs and table cells are read from
    python-docx's XML elements rather than its ``Paragraph`` / ``Table``
    objects (``row.cells`` leaves a reference cycle per row), and the package
    lets go of its parts once read (each part refers back to its package).
    """
    check_zip(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ExtractionError(f"{name}: damaged Word document ({type(exc).__name__})")
    try:
        return _read_body(document)
    finally:
        # The package's relationships (and images, if any) are its only
        # references to the parts: dropping them breaks the cycle.
        vars(document.part.package).clear()


def _read_body(document: Any) -> Text:
    """The body's paragraphs and tables, in document order, with list numbers."""
    text = Text()
    body = document.element.body
    numbering = _Numbering(document)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            _add_paragraph(text, numbering.prefix(child) + child.text)
        elif tag == "tbl":
            _add_table(text, child)
        elif tag == "sdt":
            # Content controls wrap ordinary paragraphs (e.g. a cover page).
            for p in child.iter(f"{_W}p"):
                _add_paragraph(text, p.text)
    return text


def _add_paragraph(text: Text, value: str) -> None:
    if not value.strip():
        text.add_blank()
        return
    for block in parse_lines(value).blocks:
        text.blocks.append(block)


def _add_table(text: Text, tbl: Any) -> None:
    """Add a ``w:tbl`` element's rows, each merged cell once, as python-docx reads them.

    ``row.cells`` gives a cell spanning columns (``gridSpan``) once per
    column, and a cell that continues a vertical merge (``vMerge``) as the
    cell it continues, so that cell's text shows in every row it spans; a
    cell spanning no column (``gridSpan`` 0) is not given at all.  Each
    distinct cell is kept once per row.
    """
    roots: dict[Any, Any] = {}
    for tr in tbl.tr_lst:
        cells: list[str] = []
        seen: set[Any] = set()
        for tc in tr.tc_lst:
            root = _merge_root(tc, roots)
            if root.grid_span < 1 or root in seen:
                continue
            seen.add(root)
            cells.append("\n".join(p.text for p in root.p_lst))
        text.add_row(cells)


def _merge_root(tc: Any, roots: dict[Any, Any]) -> Any:
    """The ``w:tc`` whose text a cell shows: itself, or the top of its vertical merge.

    A continuing cell's root is its root in the row above (``CT_Tc._tc_above``
    raises ``ValueError`` when no cell starts at its column there).  ``roots``
    remembers the roots already found in this table, so a merge down many
    rows is followed one row up, not to its top, from each row.
    """
    if tc.vMerge != "continue":
        return tc
    above = tc._tc_above
    root = roots.get(above)
    if root is None:
        root = _merge_root(above, roots)
    roots[tc] = root
    return root


class _Numbering:
    """Render automatic list numbers ("1.", "2.") that python-docx drops."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except Exception:
            return
        ns = _W
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

    def prefix(self, p: Any) -> str:
        """The list number or bullet of the paragraph element ``p``, or ""."""
        ppr = p.pPr
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
