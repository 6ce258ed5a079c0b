"""Downloading the agenda pack, as Word or as one PDF, with what the viewer may see."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse

from concord.agenda.pack import Pack, pack_for
from concord.agenda.pack_pdf import pack_pdf
from concord.agenda.pack_word import pack_docx
from concord.governance.access import viewer_for
from concord.lib.access import get_visible_or_404
from concord.meetings.models import Meeting

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pack(request: HttpRequest, pk: int) -> Pack:
    viewer = viewer_for(request)
    meeting = get_visible_or_404(Meeting.objects.select_related("body"), viewer, pk=pk)
    return pack_for(meeting, viewer)


def pack_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack(request, pk)
    response = HttpResponse(pack_docx(pack), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}.docx"'
    response["Cache-Control"] = "private"
    return response


def pack_pdf_view(request: HttpRequest, pk: int) -> FileResponse:
    pack = _pack(request, pk)
    response = FileResponse(
        pack_pdf(pack),
        as_attachment=True,
        filename=f"{pack.filename}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private"
    return response
