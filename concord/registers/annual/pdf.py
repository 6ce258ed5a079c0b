"""The annual report as a PDF, by WeasyPrint, from the same section partials as the page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML

from concord.registers.annual.sections import Section
from concord.registers.annual.year import ReportYear


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint's URL fetcher: the report fetches nothing, from anywhere."""
    raise ValueError(f"The annual report fetches nothing ({url[:40]}).")


def report_pdf(y: ReportYear, sections: Sequence[Section], partnership: str) -> bytes:
    """The whole report as PDF bytes (A4, numbered pages, DejaVu fonts)."""
    html = render_to_string(
        "registers/annual/print.html",
        {"y": y, "sections": sections, "partnership": partnership, "printed": True},
    )
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    return pdf
