"""The annual report as a PDF, by WeasyPrint, from the same section partials as the page."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string

from concord.lib.pdf import html_to_pdf
from concord.registers.annual.sections import Section
from concord.registers.annual.year import ReportYear


def report_pdf(y: ReportYear, sections: Sequence[Section], partnership: str) -> bytes:
    """The whole report as PDF bytes (A4, numbered pages, DejaVu fonts)."""
    html = render_to_string(
        "registers/annual/print.html",
        {"y": y, "sections": sections, "partnership": partnership, "printed": True},
    )
    return html_to_pdf(html)
