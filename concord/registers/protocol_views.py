"""The information sharing protocol's own pages: its signatories, and the protocol printed,
as PDF and as Word (its list, page, form, export and import are the registers' own)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from concord.governance.access import viewer_for
from concord.lib.access import require_editor
from concord.lib.locking import save_form_or_refuse
from concord.registers.forms import SignatoryForm
from concord.registers.kinds import KINDS
from concord.registers.models import ProtocolSignatory, SharingProtocol
from concord.registers.protocols import document_context, protocol_docx, protocol_pdf
from concord.registers.views import _entry, _posted

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _protocol(request: HttpRequest, pk: int) -> SharingProtocol:
    protocol: SharingProtocol = _entry(KINDS["protocols"], viewer_for(request), pk)
    return protocol


def _filename(protocol: SharingProtocol, suffix: str) -> str:
    version = "".join(c if c.isalnum() else "-" for c in protocol.protocol_version)
    return f'attachment; filename="sharing-protocol-{protocol.pk}-v{version}.{suffix}"'


def protocol_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The protocol laid out to read and print: its facts, sections and signatories."""
    protocol = _protocol(request, pk)
    context = document_context(protocol)
    return render(request, "registers/protocol.html", {**context, "kind": KINDS["protocols"]})


def protocol_as_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    protocol = _protocol(request, pk)
    response = HttpResponse(protocol_pdf(protocol), content_type="application/pdf")
    response["Content-Disposition"] = _filename(protocol, "pdf")
    return response


def protocol_as_word(request: HttpRequest, pk: int) -> HttpResponse:
    protocol = _protocol(request, pk)
    response = HttpResponse(protocol_docx(protocol), content_type=DOCX)
    response["Content-Disposition"] = _filename(protocol, "docx")
    return response


def _signatory_page(
    request: HttpRequest, protocol: SharingProtocol, signatory: ProtocolSignatory | None
) -> HttpResponse:
    viewer = viewer_for(request)
    require_editor(viewer, protocol.body_id)
    form = SignatoryForm(_posted(request), instance=signatory, viewer=viewer, protocol=protocol)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Signatory saved.")
        return redirect("registers:detail", "protocols", protocol.pk)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "kind": KINDS["protocols"],
            "entry": protocol,
            "title": f"{'Edit' if signatory else 'Add'} a signatory to {protocol}",
        },
        status=400 if form.errors else 200,
    )


@login_required
def signatory_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _signatory_page(request, _protocol(request, pk), None)


@login_required
def signatory_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = (
            ProtocolSignatory.objects.filter(pk=pk).values_list("protocol_id", flat=True).first()
        )
    except OverflowError:
        found = None
    if found is None:
        raise Http404("No such signatory.")
    protocol = _protocol(request, found)
    return _signatory_page(request, protocol, protocol.signatories.get(pk=pk))
