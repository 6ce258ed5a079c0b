"""The same minutes give the same record from .txt, .html, .docx and .pdf."""

from __future__ import annotations

from pathlib import Path

from concord.ingest import extract, read_text
from tests.ingest.builders import KESTREL, write_all


def _without_source(path: Path) -> dict:
    record = extract(path).to_dict()
    record.pop("source")
    return record


def test_it_extracts_the_same_record_from_every_format(tmp_path: Path) -> None:
    paths = write_all(KESTREL, tmp_path)
    records = {ext: _without_source(p) for ext, p in paths.items()}
    reference = records[".txt"]
    assert reference["body"] == "Kestrel Valley Partnership Executive"
    assert len(reference["attendance"]) == 5
    assert [a["owners"] for a in reference["actions"]] == [
        ["Ada Kingsley"],
        ["Carl Benning"],
        ["Imogen Shaw"],
    ]
    for ext, record in records.items():
        assert record == reference, ext


def test_it_keeps_docx_tables_between_the_paragraphs_around_them(tmp_path: Path) -> None:
    paths = write_all(KESTREL, tmp_path)
    text = read_text(paths[".docx"]).splitlines()
    assert text.index("Present:") < text.index(
        "Cllr Rowan Fletcher (Chair)\tKestrel Valley Council"
    )
    assert text.index("Ada Kingsley\tValley Voluntary Action") < text.index("Apologies:")


def test_it_keeps_pdf_table_rows_as_cells(tmp_path: Path) -> None:
    paths = write_all(KESTREL, tmp_path)
    assert "Review the youth services map\tCarl Benning\tMay 2025" in read_text(paths[".pdf"])


def test_it_flattens_html_fragments_left_in_a_text_file() -> None:
    raw = (
        "Present:\tOrganisation\n"
        "Ann Lee (Chair)\tTown Council\n\n"
        "1.\t<p>Welcome – The chair opened the meeting.</p>\t\n"
        "2.\t<p>Budget &amp; Finance – The report was circulated.</p> <p>It was agreed that the "
        "budget be approved.</p>\t<p>Action 1.1</p>\n"
        "3.\t<p>Any other business – None.</p>\t\n"
    ).encode()
    record = extract(raw, filename="notes.txt")
    assert record.items[1].title == "Budget & Finance"
    assert record.decisions == ["It was agreed that the budget be approved."]


def test_it_merges_docx_cells_that_span_columns_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Apologies"
    table.cell(1, 0).text = "Ann Lee"
    table.cell(1, 1).text = "Town Council"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_text(path).splitlines()[0] == "Apologies"


def test_it_reads_restructuredtext_wiki_and_org_minutes_as_text(tmp_path: Path) -> None:
    """Minutes published through Sphinx (.rst), a wiki (.wiki) or Emacs (.org),
    or saved as .mkd, are typed text."""
    rst = tmp_path / "board-2024-03.rst"
    rst.write_text(
        "Board meeting, 12 March 2024\n============================\n\n"
        "Present: Ann Lee, Bo Chan\n\n1. Budget\n---------\n\n"
        "Action: Bo Chan to circulate the budget.\n"
    )
    wiki = tmp_path / "board-2024-04.wiki"
    wiki.write_text(
        "== Board meeting, 9 April 2024 ==\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Action: Ann Lee to book the hall.\n"
    )
    org = tmp_path / "board-2024-05.org"
    org.write_text(
        "* Board meeting, 7 May 2024\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Action: Bo Chan to pay the invoice.\n"
    )
    mkd = tmp_path / "board-2024-06.mkd"
    mkd.write_text(
        "# Board meeting, 4 June 2024\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Action: Ann Lee to renew the lease.\n"
    )
    for path, owner in ((rst, "Bo Chan"), (wiki, "Ann Lee"), (org, "Bo Chan"), (mkd, "Ann Lee")):
        record = extract(path)
        assert [p.name for p in record.attendance] == ["Ann Lee", "Bo Chan"]
        assert [a.owners for a in record.actions] == [[owner]]


def test_it_reads_the_markup_of_sphinx_wiki_and_org_minutes() -> None:
    """Section numbers a Sphinx page shows, rST fields and links, wiki headings
    and links, Org headings and date settings."""
    rst = (
        "================================\nWG Meeting Notes (2016-12-07)\n"
        "================================\n:Date: 2016-12-07\n\n.. sectnum::\n   :suffix: .\n\n"
        ".. contents:: Agenda\n\nRoll Call\n=========\n* Present: Nat Sako, Ann Lee\n\n"
        "Issues\n======\n* `Part 1 <https://example.org/p1>`_ was reviewed.\n"
        "* Callers agreed to require only GET.\n"
    )
    record = extract(rst.encode(), filename="wg.rst")
    assert [(i.number, i.title) for i in record.items] == [("1", "Roll Call"), ("2", "Issues")]
    assert record.date == "2016-12-07"
    assert [p.name for p in record.attendance] == ["Nat Sako", "Ann Lee"]
    wiki = (
        "== Board Meeting 2014-01-23 ==\n=== Present ===\n* [[User:Ann|Ann Lee]]\n"
        "* '''Bo Chan'''\n=== Minutes ===\n* The budget was approved.\n"
    )
    record = extract(wiki.encode(), filename="board.wiki")
    assert [p.name for p in record.attendance] == ["Ann Lee", "Bo Chan"]
    assert record.decisions == ["The budget was approved."]
    org = (
        "#+TITLE: Board notes\n#+DATE: <2014-07-28 Mon>\n\n** Attendees\n*** Present\n"
        "- Ann Lee\n- Bo Chan\n*** Absent\n- Cy Dunn\n"
    )
    record = extract(org.encode(), filename="notes.org")
    assert record.date == "2014-07-28"
    assert [(p.name, p.status) for p in record.attendance] == [
        ("Ann Lee", "present"),
        ("Bo Chan", "present"),
        ("Cy Dunn", "absent"),
    ]


def test_a_table_nested_in_a_page_layout_table_is_read_in_place() -> None:
    """Old FrontPage pages set the whole page in one table cell, with the
    attendance in a table inside it: that table comes where the page shows it."""
    page = (
        "<html><body><table width='615'><tr><td><p><strong>MINUTES OF THE PARISH COUNCIL"
        "<br>HELD ON FRIDAY 1 MARCH 2002</strong></p><div><center><table>"
        "<tr><td>Present</td><td>Chairman:</td><td>Mrs Ann Gardner</td></tr>"
        "<tr><td></td><td>Councillor:</td><td>Mr Bo Chubb</td></tr></table></center></div>"
        "<p>The Chairperson opened the meeting at 7.30pm.</p></td></tr></table></body></html>"
    )
    lines = read_text(page.encode(), filename="m.htm").splitlines()
    assert lines.index("The Chairperson opened the meeting at 7.30pm.") > next(
        n for n, line in enumerate(lines) if "Mr Bo Chubb" in line
    )
