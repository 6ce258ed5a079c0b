"""Word tables are read from their XML as python-docx's ``row.cells`` gives them."""

from __future__ import annotations

import contextlib
import gc
import random
from pathlib import Path
from typing import Any

import pytest

from concord.ingest import ExtractionError, read_document
from concord.ingest.text import Text
from tests.ingest.builders import KESTREL, to_docx

WORDS = ["Ann Lee", "Bo Roe", "Town Council", "Apologies", "Chair", "May 2025", ""]


def _rows_as_python_docx_gives_them(path: Path) -> Text:
    """Every table of the file through python-docx's own objects, each merged cell once."""
    import docx

    text = Text()
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            seen: set[int] = set()
            cells: list[str] = []
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append("\n".join(p.text for p in cell.paragraphs))
            text.add_row(cells)
    return text


def _merged_tables(path: Path, seed: int) -> Path:
    """A Word file of random tables with cells merged across and down."""
    import docx
    from docx.exceptions import InvalidSpanError

    rnd = random.Random(seed)
    document = docx.Document()
    for _ in range(8):
        rows, cols = rnd.randint(1, 6), rnd.randint(1, 5)
        table = document.add_table(rows=rows, cols=cols)
        for i in range(rows):
            for j in range(cols):
                table.cell(i, j).text = f"{rnd.choice(WORDS)} {i}.{j}".strip()
        for _ in range(rnd.randint(0, 3)):
            i, j = rnd.randrange(rows), rnd.randrange(cols)
            corner = table.cell(rnd.randrange(i, rows), rnd.randrange(j, cols))
            with contextlib.suppress(InvalidSpanError):  # overlaps an earlier merge
                table.cell(i, j).merge(corner)
        if rnd.random() < 0.3:
            table.cell(rows - 1, 0).add_paragraph("second paragraph")
    document.save(str(path))
    return path


def _table_xml(path: Path, rows: list[str]) -> Path:
    """A Word file holding one table written as XML (``rows`` are ``w:tr`` elements)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    grid = '<w:gridCol w:w="1000"/>' * 4
    tbl = f"<w:tbl {nsdecls('w')}><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    document.element.body.insert(0, parse_xml(tbl))
    document.save(str(path))
    return path


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize("seed", range(6))
def test_it_reads_merged_cells_as_python_docx_does(tmp_path: Path, seed: int) -> None:
    path = _merged_tables(tmp_path / "merged.docx", seed)
    assert read_document(path).blocks == _rows_as_python_docx_gives_them(path).blocks


RESTART = '<w:vMerge w:val="restart"/>'
CONTINUE = "<w:vMerge/>"  # no value: "continue"
TWO_WIDE = '<w:gridSpan w:val="2"/>'
NO_WIDTH = '<w:gridSpan w:val="0"/>'
LATE = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'


@pytest.mark.parametrize(
    "rows",
    [
        # A merge down whose continuing cell says only <w:vMerge/>.
        [
            f"<w:tr>{_tc('Ann Lee', RESTART)}{_tc('Chair')}</w:tr>",
            f"<w:tr>{_tc('', CONTINUE)}{_tc('Treasurer')}</w:tr>",
        ],
        # A merge down of a cell two columns wide, in rows that start late.
        [
            f"<w:tr>{LATE}{_tc('Wide', TWO_WIDE + RESTART)}{_tc('x')}</w:tr>",
            f"<w:tr>{LATE}{_tc('', TWO_WIDE + CONTINUE)}{_tc('y')}</w:tr>",
        ],
        # A cell spanning no column is not given at all.
        [f"<w:tr>{_tc('none', NO_WIDTH)}{_tc('B')}</w:tr>"],
    ],
    ids=["vmerge-without-value", "wide-merge-after-grid-before", "grid-span-zero"],
)
def test_it_reads_the_merge_markup_as_python_docx_does(tmp_path: Path, rows: list[str]) -> None:
    path = _table_xml(tmp_path / "table.docx", rows)
    assert read_document(path).blocks == _rows_as_python_docx_gives_them(path).blocks


def test_it_refuses_a_merge_down_that_continues_nothing(tmp_path: Path) -> None:
    # python-docx raises ValueError for it; the reader words that as damage.
    path = _table_xml(tmp_path / "table.docx", [f"<w:tr>{_tc('', CONTINUE)}</w:tr>"])
    with pytest.raises(ExtractionError, match="damaged or unreadable"):
        read_document(path)


def test_reading_a_word_file_leaves_no_cycle_holding_its_xml(tmp_path: Path) -> None:
    # Cycles holding the XML were freed by the collector during the rules.
    path = to_docx(KESTREL, tmp_path / "m.docx")
    read_document(path)  # imports done
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        read_document(path)
        gc.collect()
        left: list[Any] = [type(x) for x in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert [t for t in left if t.__module__.startswith(("docx", "lxml"))] == []
