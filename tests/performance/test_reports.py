"""The board's performance report as Word: exceptions first, statuses in words, room for
recommendations, illustrative data marked."""

from __future__ import annotations

import doctest
import io

from docx import Document

from concord.performance.reports import word as reports
from concord.performance.reports.layout import ReportLayout, ReportRow, split_exceptions
from concord.performance.reports.word import report_document


def row(code: str, rag: str, travel: str, **kwargs) -> ReportRow:
    labels = {
        "green": "Green: target met",
        "amber": "Amber",
        "red": "Red: missed",
        "no_data": "No data",
        "data_only": "Data only",
    }
    kwargs.setdefault("name", f"Indicator {code}")
    kwargs.setdefault("period", "2024/25")
    kwargs.setdefault("value", "12.5")
    kwargs.setdefault("target", "10")
    kwargs.setdefault(
        "is_exception", rag in ("red", "no_data") or (rag == "amber" and travel == "worsening")
    )
    return ReportRow(
        code=code,
        rag=rag,
        rag_label=labels[rag],
        travel=travel,
        travel_label=travel.replace("_", " ").capitalize(),
        significance_label="Not tested",
        **kwargs,
    )


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for r in table.rows:
            parts.append(" | ".join(cell.text for cell in r.cells))
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def layout(**kwargs) -> ReportLayout:
    kwargs.setdefault("title", "Quarterly performance report")
    kwargs.setdefault("body_name", "Healthy Lives Group")
    kwargs.setdefault("period", "2024/25")
    kwargs.setdefault("summary", "50% achieving target (2 of 4); 1 awaiting data")
    kwargs.setdefault("status_note", "Published on 3 June 2025: figures frozen as published.")
    kwargs.setdefault(
        "rows",
        [
            row("HL 1", "green", "improving", commentary="Clinics opened on Saturdays."),
            row("HL 2", "red", "improving"),
            row("HL 3", "amber", "worsening"),
            row("HL 6", "green", "worsening"),
            row("HL 4", "red", "worsening", commentary="Staff shortages <b>all year</b>."),
            row("HL 5", "no_data", "no_data", value=""),
        ],
    )
    return ReportLayout(**kwargs)


def test_the_report_docstring_examples_hold():
    assert doctest.testmod(reports).failed == 0


def test_red_and_worsening_come_first_and_missing_data_last_among_exceptions():
    exceptions, others = split_exceptions(layout().rows)
    assert [r.code for r in exceptions] == ["HL 4", "HL 2", "HL 3", "HL 5"]
    assert [r.code for r in others] == ["HL 1", "HL 6"]


def test_the_word_report_puts_exceptions_before_the_other_indicators():
    text = docx_text(report_document(layout()))
    assert "Quarterly performance report" in text
    assert "Healthy Lives Group — performance for 2024/25" in text
    exceptions_at = text.index("Exceptions\nIndicators red against target")
    others_at = text.index("All other indicators")
    assert exceptions_at < text.index("HL 4 Indicator HL 4") < others_at
    assert others_at < text.index("HL 1 Indicator HL 1")
    # the statuses are separate columns in words
    assert "RAG (against target) | Direction of travel | Compared with others" in text
    assert (
        "HL 4 Indicator HL 4 | 2024/25 | 12.5 | 10 | Red: missed | Worsening | Not tested" in text
    )
    assert "HL 5 Indicator HL 5 | 2024/25 | No data | 10 | No data | No data | Not tested" in text


def test_the_word_report_keeps_commentary_as_plain_text():
    text = docx_text(report_document(layout()))
    assert "HL 4 Indicator HL 4: Staff shortages <b>all year</b>." in text
    assert "HL 1 Indicator HL 1: Clinics opened on Saturdays." in text


def test_the_word_report_leaves_room_for_recommendations_or_prints_them():
    blank = docx_text(report_document(layout()))
    assert "Recommendations\n……" in blank
    written = docx_text(
        report_document(layout(recommendations="Note the report.\n\nAsk for a plan."))
    )
    assert "Recommendations\nNote the report.\nAsk for a plan." in written


def test_illustrative_data_is_marked_on_the_page_and_in_the_header():
    text = docx_text(report_document(layout(illustrative=True)))
    assert "ILLUSTRATIVE DATA" in text
    assert "invented demonstration data" in text
    assert "Illustrative data" in text  # page header
    assert "ILLUSTRATIVE" not in docx_text(report_document(layout()))


def test_a_report_without_exceptions_says_so():
    text = docx_text(report_document(layout(rows=[row("HL 1", "green", "improving")])))
    assert "No exceptions this period." in text


def test_the_file_name_is_made_from_body_and_period():
    assert reports.report_filename(layout()) == "healthy-lives-group-performance-2024-25.docx"


def test_the_word_report_opens_with_the_introduction_before_the_summary():
    text = docx_text(
        report_document(layout(introduction="This quarter's figures.\n\nTwo are late."))
    )
    assert "This quarter's figures.\nTwo are late.\nSummary" in text
    assert "Summary" in docx_text(report_document(layout()))  # none written: nothing added
