"""A strategy's documents as uploaded files: the same checks as other uploads in Concord
(an empty file or one over ``CONCORD_MAX_UPLOAD_BYTES`` is refused), and the type read
from the file's first bytes (``ingest.readers.sniff_extension``): only PDF and Word or
OpenDocument text are kept, and a name claiming another type than the bytes show is
refused. Files are served as downloads, to those who may read the strategy."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from concord.governance.access import viewer_for
from concord.ingest.readers import sniff_extension
from concord.lib.access import require_editor
from concord.registers.kinds import KINDS
from concord.registers.models import Strategy, StrategyFile
from concord.registers.views import _entry

#: The types kept, by the extension their bytes show, with the type served.
KEPT = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".doc": "application/msword",
}


class StrategyFileForm(forms.Form):
    title = forms.CharField(max_length=200, label="Title of the document")
    file = forms.FileField(label="File (PDF, Word or OpenDocument)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = int(settings.CONCORD_MAX_UPLOAD_BYTES)
        if upload.size == 0:
            raise ValidationError("The file is empty.")
        if upload.size > limit:
            raise ValidationError(f"The file is larger than the limit of {limit // 1048576} MB.")
        head = upload.read(65536)
        upload.seek(0)
        shown = sniff_extension(head)
        if shown not in KEPT:
            raise ValidationError("Upload a PDF, Word or OpenDocument file.")
        claimed = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if claimed and claimed != shown and {claimed, shown} != {".doc", ".docx"}:
            raise ValidationError(
                f"The file is named {claimed} but is a {shown} file: check it is the right one."
            )
        upload.sniffed = shown
        return upload


def _strategy(request: HttpRequest, pk: int) -> Strategy:
    strategy: Strategy = _entry(KINDS["strategies"], viewer_for(request), pk)
    return strategy


@login_required
def file_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a document to a strategy (its body's editors and the secretariat)."""
    strategy = _strategy(request, pk)
    require_editor(viewer_for(request), strategy.body_id)
    form = StrategyFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        upload.name = f"strategy-{strategy.pk}{upload.sniffed}"
        with transaction.atomic():
            StrategyFile.objects.create(
                strategy=strategy,
                title=form.cleaned_data["title"],
                file=upload,
                kind=upload.sniffed.lstrip("."),
                size=upload.size,
                sha256=digest.hexdigest(),
            )
        messages.success(request, "Document uploaded.")
        return redirect("registers:detail", "strategies", strategy.pk)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "kind": KINDS["strategies"],
            "entry": strategy,
            "title": f"Upload a document to {strategy}",
            "multipart": True,
        },
        status=400 if form.errors else 200,
    )


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """A strategy's document, as a download, if the reader may read the strategy."""
    try:
        found = StrategyFile.objects.filter(pk=pk).first()
    except OverflowError:
        found = None
    if found is None:
        raise Http404("No such document.")
    _strategy(request, found.strategy_id)  # 404 unless the strategy is visible
    extension = "." + found.kind
    name = "".join(c if c.isalnum() else "-" for c in found.title)[:80] + extension
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=KEPT.get(extension, "application/octet-stream"),
    )
