"""Write invented minutes as the files secretariats keep: .txt, .html, .docx, .pdf.

A document spec is a list whose entries are paragraphs (``str``) or table
rows (``list[str]``); consecutive rows form one table. The demo's back
catalogue and the extraction tests and benchmarks all write their documents
with these functions. No Django import.

>>> to_txt(["Minutes", ["Ann Lee", "Town Council"], ["Bob Hart", "Police"]])
'Minutes\\n\\nAnn Lee\\tTown Council\\nBob Hart\\tPolice\\n'
"""

from __future__ import annotations

import html
from pathlib import Path

Spec = list[str | list[str]]


def groups(spec: Spec) -> list[str | list[list[str]]]:
    """Paragraphs, and runs of consecutive rows gathered into tables."""
    out: list[str | list[list[str]]] = []
    for entry in spec:
        if isinstance(entry, list):
            if out and isinstance(out[-1], list):
                out[-1].append(entry)
            else:
                out.append([entry])
        else:
            out.append(entry)
    return out


def to_txt(spec: Spec) -> str:
    """Plain text: blank lines between paragraphs, tabs between cells."""
    parts = [g if isinstance(g, str) else "\n".join("\t".join(r) for r in g) for g in groups(spec)]
    return "\n\n".join(parts) + "\n"


def to_html(spec: Spec, *, heading: bool = False) -> str:
    """An HTML page; with ``heading`` the first paragraph is an ``<h1>``."""
    body = []
    for n, g in enumerate(groups(spec)):
        if isinstance(g, str):
            tag = "h1" if heading and n == 0 else "p"
            body.append(f"<{tag}>{html.escape(g)}</{tag}>")
        else:
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in g
            )
            body.append(f"<table>{rows}</table>")
    return "<!DOCTYPE html><html><body>" + "\n".join(body) + "</body></html>"


def to_docx(spec: Spec, path: Path, *, heading: bool = False) -> Path:
    """A Word file; with ``heading`` the first paragraph is a level-1 heading."""
    import docx

    document = docx.Document()
    for n, g in enumerate(groups(spec)):
        if isinstance(g, str):
            if heading and n == 0:
                document.add_heading(g, level=1)
            else:
                document.add_paragraph(g)
        else:
            table = document.add_table(rows=len(g), cols=max(len(r) for r in g))
            for i, r in enumerate(g):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
    document.save(str(path))
    return path


def to_pdf(spec: Spec, path: Path, *, font_size: int = 9, gap: int = 3) -> Path:
    """A PDF with a text layer; ``gap`` is the space after each paragraph or table."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=font_size)
    for g in groups(spec):
        if isinstance(g, str):
            pdf.multi_cell(0, 5, g, new_x="LMARGIN", new_y="NEXT")
        else:
            with pdf.table(first_row_as_headings=False, line_height=5) as table:
                for r in g:
                    row = table.row()
                    for c in r:
                        row.cell(c)
        pdf.ln(gap)
    pdf.output(str(path))
    return path
