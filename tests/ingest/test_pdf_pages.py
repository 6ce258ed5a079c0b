"""PDF pages as parish councils print them (a PDF written by the test).

Rules drawn through the text (a box round the minute numbers and the first
words) are no table, and a paragraph wrapped at the page's width is one
paragraph again.  None of this text comes from real minutes.
"""

from __future__ import annotations

from fpdf import FPDF

from concord.ingest import extract

_LINES = [
    "Ashcote Parish Council - 4th September 2018",
    "",
    "Present",
    "Councillors Dan Rich (Chair), Rob Heal and Mary Arm",
    "",
    "18.09.1 Apologies",
    "None",
    "",
    "18.09.2 Minutes",
    "The minutes of the meeting held on the 3rd July 2018 had been circulated prior",
    "to this meeting. All agreed this was a true record and they were signed and",
    "approved.",
    "",
    "18.09.3 Footway Lighting",
    "After much discussion it was agreed not to sign and enter into the footway",
    "lighting agreement; the light will be kept in working order.",
]


def _pdf() -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in _LINES:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    # A grid of boxes down the left of the text, through its first words.
    for x, width in ((10, 12), (22, 20), (42, 25)):
        pdf.rect(x, 40, width, 60)
    pdf.line(10, 70, 67, 70)
    return bytes(pdf.output())


def test_rules_through_the_text_are_no_table_and_wrapped_lines_join() -> None:
    record = extract(_pdf(), filename="parish.pdf")
    assert [(i.number, i.title) for i in record.items] == [
        ("18.09.1", "Apologies"),
        ("18.09.2", "Minutes"),
        ("18.09.3", "Footway Lighting"),
    ]
    assert record.decisions == [
        "All agreed this was a true record and they were signed and approved.",
        "After much discussion it was agreed not to sign and enter into the footway lighting "
        "agreement; the light will be kept in working order.",
    ]
