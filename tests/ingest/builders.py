"""Build the same invented minutes as .txt, .html, .docx and .pdf files.

A document spec is a list whose entries are paragraphs (``str``) or table
rows (``list[str]``); consecutive rows form one table.
"""

from __future__ import annotations

import html
from pathlib import Path

Spec = list[str | list[str]]

KESTREL: Spec = [
    "Kestrel Valley Partnership Executive",
    "Minutes of the meeting held on Thursday 6th March 2025",
    "10.00 am - 12.00 pm at Kestrel House, Market Street",
    "Present:",
    ["Cllr Rowan Fletcher (Chair)", "Kestrel Valley Council"],
    ["Dr Imogen Shaw", "Valley Health Trust"],
    ["Supt Carl Benning", "Northmoor Police"],
    ["Ada Kingsley", "Valley Voluntary Action"],
    "Apologies:",
    ["Miles Harper", "Kestrel Valley College"],
    "1. Minutes of the Last Meeting",
    "The minutes of the last meeting were agreed as a correct record.",
    "2. Housing Strategy",
    "Ada presented the draft housing strategy. The Executive approved the strategy.",
    "Action: Ada to publish the housing strategy by 30/04/25.",
    "3. Action Log",
    ["Action", "Who", "By when"],
    ["Review the youth services map", "Carl Benning", "May 2025"],
    ["Arrange a partners workshop on data sharing", "IS", "June 2025"],
    "4. Date of Next Meeting",
    "Thursday 5th June 2025 at Kestrel House",
]


def _groups(spec: Spec) -> list[str | list[list[str]]]:
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
    parts = []
    for g in _groups(spec):
        parts.append(g if isinstance(g, str) else "\n".join("\t".join(r) for r in g))
    return "\n\n".join(parts) + "\n"


def to_html(spec: Spec) -> str:
    body = []
    for g in _groups(spec):
        if isinstance(g, str):
            body.append(f"<p>{html.escape(g)}</p>")
        else:
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in g
            )
            body.append(f"<table>{rows}</table>")
    return "<!DOCTYPE html><html><body>" + "\n".join(body) + "</body></html>"


def to_docx(spec: Spec, path: Path) -> Path:
    import docx

    document = docx.Document()
    for g in _groups(spec):
        if isinstance(g, str):
            document.add_paragraph(g)
        else:
            table = document.add_table(rows=len(g), cols=max(len(r) for r in g))
            for i, r in enumerate(g):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
    document.save(str(path))
    return path


def to_pdf(spec: Spec, path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for g in _groups(spec):
        if isinstance(g, str):
            pdf.multi_cell(0, 5, g, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        else:
            with pdf.table(first_row_as_headings=False, line_height=5) as table:
                for r in g:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
    pdf.output(str(path))
    return path


def write_all(spec: Spec, folder: Path, stem: str = "minutes") -> dict[str, Path]:
    """Write the spec in every format; return ``{extension: path}``."""
    paths = {
        ".txt": folder / f"{stem}.txt",
        ".html": folder / f"{stem}.html",
        ".docx": folder / f"{stem}.docx",
        ".pdf": folder / f"{stem}.pdf",
    }
    paths[".txt"].write_text(to_txt(spec), encoding="utf-8")
    paths[".html"].write_text(to_html(spec), encoding="utf-8")
    to_docx(spec, paths[".docx"])
    to_pdf(spec, paths[".pdf"])
    return paths
