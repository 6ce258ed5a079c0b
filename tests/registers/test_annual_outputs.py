"""The annual report's PDF and Word files, read back: the PDF drawn as images with
``pdftoppm`` (Debian's poppler-utils, installed by ``scripts/setup --for-tests``) and
its text taken out with ``pdftotext``; the Word file opened with python-docx."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from PIL import Image
from pypdf import PdfReader

from concord.registers.heat_map import FILLS
from tests.registers.annual_data import YEAR, add_indicators, add_meeting, add_year

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed (scripts/setup --for-tests)",
)

HEADINGS = [
    "Introduction",
    "Added value",
    "Funding secured",
    "Publicity",
    "Events",
    "Meetings and attendance",
    "Key decisions",
    "% of indicators achieving target",
    "Risks at the year end",
    "Recommendations progressed",
    "Case studies",
]
SECRETS = ("Offender Tasking", "Tasking secret", "Members-only", "Zenith", "305,000")


@pytest.fixture
def year(world):
    add_year(world)
    add_meeting(world)
    add_indicators(world)
    return world


def _ink(png: Path) -> float:
    """The share of a page's pixels that are not white."""
    histogram = Image.open(png).convert("L").histogram()
    return sum(histogram[:200]) / sum(histogram)


def _has_colour(png: Path, hex_colour: str) -> bool:
    """Whether a page shows a patch (50 pixels or more) of about this colour."""
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 20) or []
    near = sum(
        n for n, rgb in colours if all(abs(a - b) <= 6 for a, b in zip(rgb, want, strict=True))
    )
    return near >= 50


def test_the_public_pdf_has_every_section_and_no_hidden_data(client, year, tmp_path):
    response = client.get(reverse("registers:annual_pdf", args=[YEAR]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    assert 2 <= pages <= 10
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for image in images:
        assert _ink(image) > 0.003, f"{image.name} is blank"
    assert any(_has_colour(image, FILLS["low"]) for image in images), "the heat map is not drawn"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for heading in HEADINGS:
        assert heading in text
    for figure in ("£54,200.50", "£50,000.00", "£1,500.00", "15,000", "50%", "1 of 2"):
        assert figure in text
    assert "Partnership of the Year" in text and "Safer nights in Riverton" in text
    for secret in SECRETS:
        assert secret not in text


def test_a_draft_pdf_is_marked_draft(as_user, year, tmp_path):
    year.report.published = False
    year.report.save()
    response = as_user(year.secretariat).get(reverse("registers:annual_pdf", args=[YEAR]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "DRAFT" in text and "£310,899.50" in text


def test_the_word_file_reads_back_with_headings_and_totals(client, year):
    response = client.get(reverse("registers:annual_docx", args=[YEAR]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == HEADINGS
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["Total", "3", "2", "£54,200.50"] in cells
    assert ["Funding secured and savings", "0", "2", "£50,000.00"] in cells
    text = "\n".join(p.text for p in document.paragraphs) + str(cells)
    assert "50% of indicators achieving target" in text and "1 of 2 judged" in text
    for secret in SECRETS:
        assert secret not in text
