"""A performance report's PDF (read back with ``pdftotext`` and ``pdftoppm``, Debian's
poppler-utils) and the trend chart per indicator in its Word file (python-docx)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from PIL import Image
from pypdf import PdfReader

from concord.performance.models import Indicator, Observation
from tests.performance.pages_world import build_perf_world

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed (scripts/setup --for-tests)",
)

HEADINGS = ("HS 1 Repeat incidents per 1,000 homes", "HS 2 Households with working smoke alarms")


@pytest.fixture
def w(db):
    return build_perf_world()


def publish(client, report, **commentary):
    data = {f"commentary-{code.replace('_', ' ')}": text for code, text in commentary.items()}
    return client.post(reverse("performance:report_publish", args=[report.pk]), data)


def pdf_text(content: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"[ \t]+", " ", text)


def word(content: bytes):
    return Document(io.BytesIO(content))


def paragraphs(content: bytes) -> list[str]:
    return [p.text for p in word(content).paragraphs]


def trend_headings(content: bytes) -> list[str]:
    """The headings of the Trends section of a Word report, in order."""
    document = word(content)
    texts = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    start = next(i for i, (_, text) in enumerate(texts) if text == "Trends")
    end = next(i for i, (_, text) in enumerate(texts) if text == "Recommendations")
    return [text for style, text in texts[start + 1 : end] if style == "Heading 2"]


@needs_poppler
def test_the_pdf_report_has_the_word_reports_content_in_the_house_style(client, w, tmp_path):
    client.force_login(w.editor)
    publish(client, w.draft_report, HS_1="Two estates drive the rate <b>up</b>.")
    response = client.get(reverse("performance:report_pdf", args=[w.draft_report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="safer-riverton-board-performance-q4-2024.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape, as the Word file
    text = pdf_text(response.content, tmp_path)
    assert "Board performance Q4 2024" in text
    assert "Safer Riverton Board — performance for Q4 2024" in text
    assert "Indicators by status: green 0, amber 0, red 2, no data 1." in text
    order = [text.index(h) for h in ("Exceptions", "HS 2 Households", "All other", "Trends")]
    assert order == sorted(order)
    assert re.search(r"HS 2 Households with.*73%.*90%.*Red", text)
    assert "Two estates drive the rate <b>up</b>." in text  # escaped: shown, not markup
    assert "ILLUSTRATIVE DATA" in text and "Recommendations" in text
    assert "How the statuses were worked out" in text
    assert f"Page 1 of {len(reader.pages)}" in text  # the house style's page numbers
    # Every page is drawn, and the RAG cell is shaded as the house style shades it.
    pdf = tmp_path / "report.pdf"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == len(reader.pages)
    red = (0xF4, 0xC7, 0xC3)
    colours = Image.open(images[0]).convert("RGB").getcolors(maxcolors=1 << 20) or []
    near = [n for n, rgb in colours if all(abs(a - b) <= 6 for a, b in zip(rgb, red, strict=True))]
    assert sum(near) >= 50, "the red RAG cells are not shaded"


@needs_poppler
def test_the_pdf_report_charts_each_indicator_and_keeps_hidden_items_out(client, w, tmp_path):
    client.force_login(w.editor)
    client.post(
        reverse("performance:report_attach", args=[w.draft_report.pk]), {"item": w.secret_item.pk}
    )
    publish(client, w.draft_report)
    client.logout()
    response = client.get(reverse("performance:report_pdf", args=[w.draft_report.pk]))
    text = pdf_text(response.content, tmp_path)
    trends = text[text.index("Trends") : text.index("Recommendations", text.index("Trends"))]
    for heading in (*HEADINGS, "HS 3 Hate incidents reported"):
        assert heading in trends
    assert "8 observed values" in trends  # the history up to the judged quarter
    assert w.secret_item.title not in text
    assert "OT 1" not in text


def test_a_draft_pdf_is_read_only_by_its_body(client, w):
    url = reverse("performance:report_pdf", args=[w.draft_report.pk])
    assert client.get(url).status_code == 404
    client.force_login(w.partner)
    assert client.get(url).status_code == 404
    client.force_login(w.board_member)
    assert client.get(url).status_code == 200


def test_the_word_report_has_a_trend_chart_per_indicator(client, w):
    client.force_login(w.editor)
    publish(client, w.draft_report)
    response = client.get(reverse("performance:report_docx", args=[w.draft_report.pk]))
    document = word(response.content)
    # The status chart, then one chart per indicator of the report (HS 1, 2, 3).
    assert len(document.inline_shapes) == 1 + 3
    # In the tables' order: exceptions first (red and worsening HS 2 at the top).
    assert trend_headings(response.content) == [
        "HS 2 Households with working smoke alarms",
        "HS 1 Repeat incidents per 1,000 homes",
        "HS 3 Hate incidents reported",
    ]
    text = paragraphs(response.content)
    words = next(p for p in text if p.startswith("HS 2 Households with working smoke alarms in"))
    assert words == (
        "HS 2 Households with working smoke alarms in Harbourside, Q1 2023 to Q4 2024: "
        "8 observed values, from 80% (Q1 2023) to 73% (Q4 2024)."
    )


def test_an_indicator_the_reader_may_not_see_gets_no_chart(client, w):
    client.force_login(w.editor)
    publish(client, w.draft_report)
    # Later the indicator moves to the members-only body: its history is not the public's.
    Indicator.objects.filter(pk=w.coverage.pk).update(body=w.tasking)
    client.logout()
    content = client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    assert len(word(content).inline_shapes) == 1 + 2
    assert "HS 2 Households with working smoke alarms" not in trend_headings(content)
    client.force_login(w.secretariat)
    content = client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    assert len(word(content).inline_shapes) == 1 + 3


def test_a_small_count_in_the_history_is_withheld_from_the_public(client, w):
    client.force_login(w.editor)
    publish(client, w.draft_report)
    Observation.objects.filter(indicator=w.rate, area=w.la, period__code="2023-Q2").update(
        numerator=3
    )
    client.logout()
    public = paragraphs(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert any("1 small count not shown" in p for p in public)
    client.force_login(w.secretariat)
    inside = paragraphs(
        client.get(reverse("performance:report_docx", args=[w.draft_report.pk])).content
    )
    assert not any("small count" in p for p in inside)
