"""Uploaded figures or targets kept server-side between their preview and their confirmation.

:func:`stage_upload` previews a file (of observations or, with ``kind``
``targets``, of targets) and, if every row is good, keeps it
(through Django's storage API) as a :class:`StagedImport` with the preview
and the fingerprint of the stored figures it would change.
:func:`confirm_staged` imports that same file — never one sent again by the
browser — all rows or none, and refuses if those figures changed since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from concord.performance.models import FigureBasis, ImportBatch, StagedImport
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.preview import Preview
from concord.performance.tabular.reading import ImportResult
from concord.performance.tabular.targets import import_targets

TARGETS = ImportBatch.Kind.TARGETS


def preview_file(
    data: bytes, filename: str, basis: str, kind: str = ImportBatch.Kind.OBSERVATIONS
) -> tuple[ImportResult, Preview]:
    """What importing ``data`` (observations, or targets) would do; nothing is written."""
    preview = Preview()
    if kind == TARGETS:
        return import_targets(data, filename=filename, preview=preview), preview
    result = import_observations(
        data,
        filename=filename,
        year_to_date=basis == FigureBasis.YEAR_TO_DATE,
        preview=preview,
    )
    return result, preview


# A preview left unconfirmed this long is put aside when its uploader uploads again.
KEPT_UNCONFIRMED = dt.timedelta(days=7)


def stage_upload(
    data: bytes,
    filename: str,
    user: Any,
    basis: str = FigureBasis.PERIOD,
    kind: str = ImportBatch.Kind.OBSERVATIONS,
) -> tuple[StagedImport | None, ImportResult]:
    """Preview a file of observations (or, with ``kind`` ``targets``, of targets) and keep
    it to be confirmed; ``None`` if a row is bad.

    The uploader's previews left unconfirmed for more than a week are put
    aside first (their stored files deleted), so abandoned uploads do not pile up.
    """
    sweep_staged(KEPT_UNCONFIRMED, uploaded_by=user)
    result, preview = preview_file(data, filename, basis, kind)
    if not result.ok:
        return None, result
    staged = StagedImport(
        kind=kind,
        filename=filename[:300],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user,
        basis=basis,
        fingerprint=result.fingerprint,
        preview=preview.as_dict(),
    )
    staged.file.save(
        f"{staged.token}{'.xlsx' if filename.lower().endswith('.xlsx') else '.csv'}",
        ContentFile(data),
        save=False,
    )
    staged.save()
    return staged, result


def staged_data(staged: StagedImport) -> bytes:
    """The file as uploaded; ``ValueError`` if the stored copy is no longer the same."""
    with staged.file.open("rb") as f:
        data: bytes = f.read()
    if hashlib.sha256(data).hexdigest() != staged.sha256:
        raise ValueError("the stored copy of the file has changed since it was uploaded")
    return data


def confirm_staged(staged: StagedImport, user: Any) -> ImportResult:
    """Import a previewed file, all rows or none, if the figures are still as previewed.

    When they are not (``result.stale``), the preview is worked out again with
    the figures as they are now, so the next look shows what confirming will do.
    """
    data = staged_data(staged)
    ytd = staged.basis == FigureBasis.YEAR_TO_DATE
    with transaction.atomic():
        if staged.kind == TARGETS:
            result = import_targets(
                data, user=user, filename=staged.filename, expect_fingerprint=staged.fingerprint
            )
        else:
            result = import_observations(
                data,
                user=user,
                filename=staged.filename,
                year_to_date=ytd,
                expect_fingerprint=staged.fingerprint,
            )
        if result.ok:
            staged.batch = result.batch
            staged.save(update_fields=["batch"])
    if result.ok:
        staged.file.delete(save=False)
        staged.save(update_fields=["file"])
    elif result.stale:
        fresh, preview = preview_file(data, staged.filename, staged.basis, staged.kind)
        staged.fingerprint = fresh.fingerprint
        staged.preview = preview.as_dict()
        staged.save(update_fields=["fingerprint", "preview"])
    return result


def sweep_staged(older_than: dt.timedelta, *, uploaded_by: Any = None) -> int:
    """Put aside the previews left unconfirmed longer than ``older_than`` (all
    uploaders', or ``uploaded_by``'s), deleting their stored files; how many."""
    old = StagedImport.objects.pending().filter(uploaded_at__lt=timezone.now() - older_than)
    if uploaded_by is not None:
        old = old.filter(uploaded_by=uploaded_by)
    n = 0
    for stale in old:
        discard_staged(stale)
        n += 1
    return n


def discard_staged(staged: StagedImport) -> None:
    """Forget an uploaded file without importing it."""
    staged.file.delete(save=False)
    staged.delete()
