"""The information sharing protocol as a document: what its page adds, and the protocol
printed (HTML), as PDF (WeasyPrint, in the house style) and as Word.

Every reader sees the same text; the agreements made under a version are listed only
as far as the reader may see them.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from concord.governance.identity import letterhead, print_context
from concord.lib.access import Viewer
from concord.lib.word import add_cells, grid_table, new_document
from concord.registers.details import NOT_SHOWN, Fact
from concord.registers.models import SharingAgreement, SharingProtocol, signatures


def agreements_under(protocol: SharingProtocol, viewer: Viewer) -> Any:
    """The agreements made under this protocol version that the viewer may see."""
    return (
        SharingAgreement.objects.visible_to(viewer)
        .filter(protocol=protocol)
        .with_signatures()
        .order_by("title", "id")
    )


def protocol_fact(agreement: SharingAgreement, viewer: Viewer) -> list[Fact]:
    """The protocol an agreement is made under, named and linked only if the viewer may see it."""
    if not agreement.protocol_id:
        return [Fact("Under the protocol", "Not recorded")]
    protocol = SharingProtocol.objects.visible_to(viewer).filter(pk=agreement.protocol_id).first()
    if protocol is None:
        return [Fact("Under the protocol", NOT_SHOWN)]
    url = reverse("registers:detail", args=["protocols", protocol.pk])
    return [Fact("Under the protocol", str(protocol), url)]


def document_context(protocol: SharingProtocol) -> dict[str, Any]:
    """What the printed protocol shows: its sections with text, and its signatories."""
    signed = list(protocol.signatories.select_related("organisation"))
    return {
        "protocol": protocol,
        "sections": protocol.sections(),
        "signatories": signed,
        "signed": signatures(len(signed), sum(1 for s in signed if s.signed_on)),
    }


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint's URL fetcher: the protocol fetches nothing, from anywhere."""
    raise ValueError(f"The protocol fetches nothing ({url[:40]}).")


def protocol_pdf(protocol: SharingProtocol) -> bytes:
    """The protocol as PDF bytes, in the house style (A4, letterhead, page X of Y)."""
    html = render_to_string(
        "registers/protocol_print.html", {**document_context(protocol), **print_context()}
    )
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    return pdf


def protocol_docx(protocol: SharingProtocol) -> bytes:
    """The protocol as Word in the house style: its facts, each section, the signatories."""
    context = document_context(protocol)
    marking = None
    if protocol.status == "draft":
        marking = ("DRAFT", f"Draft: {protocol}")
    document = new_document(str(protocol), marking=marking, letterhead=letterhead())
    document.add_heading(protocol.title, level=0)
    adopted = f"{protocol.adopted_on:%-d %B %Y}" if protocol.adopted_on else "not yet adopted"
    review = f"{protocol.review_date:%-d %B %Y}" if protocol.review_date else "not set"
    document.add_paragraph(
        f"Version {protocol.protocol_version}. {protocol.get_status_display()}: adopted {adopted}; "
        f"review by {review}."
    )
    for heading, text in context["sections"]:
        document.add_heading(heading, level=1)
        for paragraph in text.splitlines():
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    document.add_heading("Signatories", level=1)
    document.add_paragraph(context["signed"])
    table = grid_table(document, ["Organisation", "Signed by", "Signed on"])
    for s in context["signatories"]:
        on = f"{s.signed_on:%-d %B %Y}" if s.signed_on else "Not signed"
        add_cells(table, [s.organisation.name, s.signatory or "—", on])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
