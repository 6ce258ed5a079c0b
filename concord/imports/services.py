"""Importing documents: receive, extract, store, apply, review, confirm, re-extract.

The command (``concord import``), the web upload and the background task all
go through these functions:

* :func:`import_paths` — files and folders from the command line, extraction
  in a process pool, one transaction per document, a summary at the end;
* :func:`receive_upload` — files uploaded by the secretariat: kept and queued
  for :func:`process_document` (run by the task queue);
* :func:`finish_document` — store one extraction result as a draft to review;
* review, confirm, discard and undo live in :mod:`concord.imports.review`;
* :func:`accept_proposal`, :func:`reject_proposal` — the merge queue (people);
  :func:`accept_organisation_proposal`, :func:`reject_organisation_proposal`
  — the same for organisations;
* :func:`reextract` — read stored documents again with a newer extractor.

A document is identified by the SHA-256 of its bytes, so the same file
imported again (under any name) is skipped and changes nothing.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from concord.imports.applying import ApplyError
from concord.imports.extracting import Extracted, extract_file
from concord.imports.guard import limits_from_settings
from concord.imports.models import (
    Document,
    DocumentStatus,
    ImportBatch,
    MergeProposal,
    OrganisationMergeProposal,
    ProposalStatus,
)
from concord.imports.originals import is_kept, keep_original, local_copy
from concord.imports.review import confirm_document, stage
from concord.imports.storage import relative_path, sha256_of
from concord.people.merging import merge_organisations, merge_people

log = logging.getLogger(__name__)

IMPORTED = "imported"
SKIPPED = "skipped"
FAILED = "failed"
DUPLICATE = "duplicate"


def max_bytes() -> int:
    """The size limit for one document (``CONCORD_MAX_UPLOAD_BYTES``, 50 MB by default)."""
    return int(settings.CONCORD_MAX_UPLOAD_BYTES)


def _size(n: int) -> str:
    """
    >>> _size(60 * 1048576), _size(2500)
    ('60.0 MB', '2.4 KB')
    """
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB"


def too_large(size: int) -> str:
    """The refusal reason for a file over the limit (``CONCORD_MAX_UPLOAD_BYTES``)."""
    return f"file too large ({_size(size)}; the limit is {_size(max_bytes())})"


@dataclass
class Outcome:
    """What happened to one file."""

    name: str
    result: str  # imported | skipped | duplicate | failed
    reason: str = ""
    document_id: int | None = None


@dataclass
class Summary:
    """Counts of one import run, and each failure with its reason."""

    imported: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.result == IMPORTED:
            self.imported += 1
        elif outcome.result == SKIPPED:
            self.skipped += 1
        elif outcome.result == DUPLICATE:
            self.duplicates += 1
        else:
            self.failed.append((outcome.name, outcome.reason))

    @property
    def total(self) -> int:
        return self.imported + self.skipped + self.duplicates + len(self.failed)


# -- storing one extraction result ----------------------------------------------------


def finish_document(
    document: Document, extracted: Extracted, *, record: dict[str, Any] | None = None
) -> str:
    """Save ``extracted`` on ``document`` as a draft to review, in one transaction.

    Nothing reaches the register, bodies or meetings: the record waits with
    the document until a person confirms it (:mod:`concord.imports.review`).
    A record with no body or date is kept as failed with its reason, to be
    completed on review; one of a meeting already recorded is a duplicate.
    Returns the document's new status.
    """
    with transaction.atomic():
        document.extractor_version = extracted.version or document.extractor_version
        if extracted.error:
            document.status = DocumentStatus.FAILED
            document.failure_reason = extracted.error[:500]
            document.save()
            return document.status
        document.text = extracted.text
        document.record = record if record is not None else extracted.record
        document.evidence = extracted.evidence if record is None else None
        document.failure_reason = ""
        if record is None:
            document.warnings = extracted.warnings
        if not document.corrected:
            document.draft = None
        document.status, reason = stage(document)
        document.failure_reason = reason[:500]
        document.save()
        return document.status


def _outcome(document: Document, status: str) -> Outcome:
    if status == DocumentStatus.FAILED:
        return Outcome(document.filename, FAILED, document.failure_reason, document.pk)
    if status == DocumentStatus.DUPLICATE:
        return Outcome(document.filename, DUPLICATE, document.failure_reason, document.pk)
    return Outcome(document.filename, IMPORTED, "", document.pk)


# -- the command line ---------------------------------------------------------------


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files in folders named (recursively, sorted, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


@dataclass
class _Planned:
    path: Path
    name: str
    sha256: str
    size: int


def _plan(path: Path, limit: int) -> _Planned | Outcome:
    """Hash one file and decide: skip it, refuse it, or extract it."""
    try:
        size = path.stat().st_size
        sha = sha256_of(path)
    except OSError as exc:
        return Outcome(str(path), FAILED, f"cannot open ({exc.strerror or exc})")
    existing = (
        Document.objects.filter(sha256=sha)
        .only("pk", "status", "claimed_by", "heartbeat_at", "updated_at")
        .first()
    )
    if existing is not None:
        from concord.imports.worker import release_if_stuck

        release_if_stuck(existing)  # a stuck document is retried, like a failed one
    if existing is not None and existing.status != DocumentStatus.FAILED:
        return Outcome(path.name, SKIPPED, "already imported", existing.pk)
    return _Planned(path, path.name, sha, size)


def _document_for(
    plan: _Planned, batch: ImportBatch | None, body: str, user: Any
) -> Document | None:
    """The row for a planned file: new, or the earlier failed one (None: imported meanwhile)."""
    document = Document.objects.filter(sha256=plan.sha256).first()
    if document is None:
        return Document(
            sha256=plan.sha256,
            filename=plan.name[:255],
            size=plan.size,
            extension=Path(plan.name).suffix.lower()[:16],
            batch=batch,
            body_hint=body[:200],
            uploaded_by=user,
        )
    if document.status != DocumentStatus.FAILED:
        return None
    # A failed document tried again: under its new name and hint.
    document.filename = plan.name[:255]
    document.extension = Path(plan.name).suffix.lower()[:16]
    document.body_hint = body[:200] or document.body_hint
    document.batch = batch
    return document


def _finish_planned(
    plan: _Planned,
    extracted: Extracted,
    user: Any,
    batch: ImportBatch | None,
    body: str,
    limit: int,
    store: Storage | None,
) -> Outcome:
    document = _document_for(plan, batch, body, user)
    if document is None:
        return Outcome(plan.name, SKIPPED, "already imported")
    try:
        if plan.size <= limit:
            document.stored_path = keep_original(plan.path, plan.sha256, store)
        status = finish_document(document, extracted)
    except Exception as exc:  # one bad document never stops the batch
        log.exception("Import of %s failed", plan.path)
        reason = f"internal error while importing ({type(exc).__name__})"
        Document.objects.update_or_create(
            sha256=plan.sha256,
            defaults={
                "filename": plan.name[:255],
                "size": plan.size,
                "status": DocumentStatus.FAILED,
                "failure_reason": reason,
                "batch": batch,
            },
        )
        return Outcome(plan.name, FAILED, reason)
    return _outcome(document, status)


def import_paths(
    paths: Iterable[str | Path],
    *,
    body: str = "",
    jobs: int = 1,
    user: Any = None,
    source: str = "command",
    progress: Callable[[Outcome], None] | None = None,
    limit: int | None = None,
    store: Storage | None = None,
) -> Summary:
    """Import files and folders; one transaction per document; return the summary.

    Each file is read in a guarded child process (``concord.imports.guard``:
    memory, time and decompression limits), ``jobs`` at a time, while this
    process hashes files, skips those already imported and writes results
    to the database. At most ``4 × jobs`` files are in flight, so memory
    does not grow with the number of files. ``store`` is where originals are
    kept (the documents storage by default: :mod:`concord.imports.originals`).
    """
    limit = max_bytes() if limit is None else limit
    limits = replace(limits_from_settings(), max_bytes=limit)
    summary = Summary()
    batch = ImportBatch.objects.create(created_by=user, source=source, body_hint=body[:200])

    def done(outcome: Outcome) -> None:
        summary.add(outcome)
        if progress is not None:
            progress(outcome)

    def extract(plan: _Planned) -> Extracted:
        if plan.size > limit:
            return Extracted(error=too_large(plan.size))
        return extract_file(plan.path, plan.name, limits=limits)

    files = iter_files(paths)
    if jobs <= 1:
        for path in files:
            plan = _plan(path, limit)
            if isinstance(plan, Outcome):
                done(plan)
            else:
                done(_finish_planned(plan, extract(plan), user, batch, body, limit, store))
    else:
        window = 4 * jobs
        pending: deque[tuple[_Planned, Future[Extracted] | Extracted]] = deque()
        # Threads only wait here: each reads in its own guarded child process.
        with ThreadPoolExecutor(max_workers=jobs) as pool:

            def drain(keep: int) -> None:
                while len(pending) > keep:
                    plan, future = pending.popleft()
                    result = future if isinstance(future, Extracted) else future.result()
                    done(_finish_planned(plan, result, user, batch, body, limit, store))

            for path in files:
                plan = _plan(path, limit)
                if isinstance(plan, Outcome):
                    done(plan)
                    continue
                if plan.size > limit:
                    pending.append((plan, Extracted(error=too_large(plan.size))))
                else:
                    pending.append((plan, pool.submit(extract, plan)))
                drain(window)
            drain(0)
    return summary


# -- the web: uploads and the background task -----------------------------------------


def receive_upload(files: list[Any], *, user: Any, body: str = "") -> list[Outcome]:
    """Keep uploaded files and queue each new one for processing.

    Each file is handled on its own (one transaction each): a file already
    imported is reported as skipped, one over the size limit is recorded as
    failed without being kept, and the others are queued.
    """
    from concord.imports.tasks import process_document

    limit = max_bytes()
    batch = ImportBatch.objects.create(created_by=user, source="upload", body_hint=body[:200])
    outcomes = []
    for upload in files:
        name = Path(upload.name or "document").name
        with tempfile.TemporaryDirectory(prefix="concord-upload-") as tmp:
            path = Path(tmp) / "upload"
            with open(path, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            plan = _plan(path, limit)
            if isinstance(plan, Outcome):
                plan.name = name
                outcomes.append(plan)
                continue
            plan.name = name
            with transaction.atomic():
                document = _document_for(plan, batch, body, user)
                if document is None:
                    outcomes.append(Outcome(name, SKIPPED, "already imported"))
                    continue
                if plan.size > limit:
                    document.status = DocumentStatus.FAILED
                    document.failure_reason = too_large(plan.size)
                    document.save()
                    outcomes.append(Outcome(name, FAILED, document.failure_reason, document.pk))
                    continue
                document.stored_path = keep_original(path, plan.sha256)
                document.status = DocumentStatus.QUEUED
                document.failure_reason = ""
                document.save()
                transaction.on_commit(partial(process_document.enqueue, document.pk))
                outcomes.append(Outcome(name, "queued", "", document.pk))
    return outcomes


def process_document(document_id: int, *, worker_id: str = "") -> str:
    """Claim a queued document, read it (guarded) and apply it (what the background task runs).

    The record is applied only if the document is still this worker's when
    reading ends (``concord.imports.worker``): one taken back meanwhile is
    left to the worker that has it now, so it is processed exactly once.
    """
    from concord.imports import worker

    worker_id = worker_id or worker.new_worker_id()
    if not worker.claim(document_id, worker_id):
        return "not queued"
    document = Document.objects.get(pk=document_id)
    try:
        extracted = extract_stored(document, heartbeat=partial(worker.beat, document_id, worker_id))
        with transaction.atomic():
            mine = worker.still_mine(document_id, worker_id)
            if mine is None:
                return "taken back by another worker"
            mine.claimed_by, mine.heartbeat_at = "", None
            return finish_document(mine, extracted)
    except Exception as exc:  # recorded against the upload, never lost
        log.exception("Import of document %s failed", document_id)
        Document.objects.filter(pk=document_id, claimed_by=worker_id).update(
            status=DocumentStatus.FAILED,
            claimed_by="",
            heartbeat_at=None,
            failure_reason=f"internal error while importing ({type(exc).__name__})",
        )
        return DocumentStatus.FAILED


def extract_stored(document: Document, *, heartbeat: Callable[[], None] | None = None) -> Extracted:
    """Read a kept document again (guarded: ``concord.imports.guard``)."""
    if not is_kept(document.stored_path):
        if document.size > max_bytes():
            return Extracted(error=too_large(document.size))
        return Extracted(error="the original file is missing from the document store")
    with local_copy(document.stored_path) as path:
        return extract_file(
            path, document.filename, limits=limits_from_settings(), heartbeat=heartbeat
        )


# -- merge proposals ----------------------------------------------------------------


def accept_proposal(proposal: MergeProposal, *, user: Any) -> None:
    """Merge the proposed person into the kept one (see ``concord.people.merging``)."""
    _accept(proposal, merge_people, user)


def reject_proposal(proposal: MergeProposal, *, user: Any) -> None:
    """Record that the two are different people; the pair is never proposed again."""
    _reject(proposal, user)


def accept_organisation_proposal(proposal: OrganisationMergeProposal, *, user: Any) -> None:
    """Merge the proposed organisation into the kept one (``merge_organisations``)."""
    _accept(proposal, merge_organisations, user)


def reject_organisation_proposal(proposal: OrganisationMergeProposal, *, user: Any) -> None:
    """Record that the two are different organisations; the pair is never proposed again."""
    _reject(proposal, user)


def _decided(proposal: Any, status: str, user: Any) -> Any:
    """The proposal, locked and still open, marked with its decision (not yet saved)."""
    proposal = type(proposal).objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ApplyError("this proposal has already been decided")
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal._history_user = user
    return proposal


def _accept(proposal: Any, merge: Callable[..., Any], user: Any) -> None:
    with transaction.atomic():
        proposal = _decided(proposal, ProposalStatus.ACCEPTED, user)
        keep, other = proposal.keep, proposal.other
        if keep is None or other is None:
            raise ApplyError("this proposal has already been decided")
        proposal.other = None
        proposal.save()
        merge(keep, other, user=user)
        # Proposals that now pair the kept record with itself are moot.
        type(proposal).objects.filter(keep=keep, other=keep).delete()


def _reject(proposal: Any, user: Any) -> None:
    with transaction.atomic():
        _decided(proposal, ProposalStatus.REJECTED, user).save()


# -- re-extraction ------------------------------------------------------------------


def reextract(
    *,
    force: bool = False,
    progress: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Read stored documents again with the current extractor.

    Documents read by another extractor version (all with ``force``) that
    are neither confirmed nor corrected on review (those too with ``force``)
    are extracted again: the record (and, unless corrected, the draft) is
    replaced; nothing is written to the register until confirmation.
    Confirmed documents are left alone: people have checked them. Documents
    still queued are the worker's, and so are those processing whose worker
    reported within the heartbeat timeout (``CONCORD_WORKER_HEARTBEAT_TIMEOUT``).
    """
    from concord.imports.storage import extractor_version

    version = extractor_version()
    summary = Summary()
    from concord.imports.worker import heartbeat_timeout

    # A document whose worker has been silent past the timeout lost it: take it over.
    stuck = timezone.now() - heartbeat_timeout()
    candidates = Document.objects.exclude(
        status__in=(DocumentStatus.CONFIRMED, DocumentStatus.QUEUED)
    ).exclude(status=DocumentStatus.PROCESSING, heartbeat_at__gte=stuck)
    if not force:
        candidates = candidates.exclude(extractor_version=version).exclude(corrected=True)
    for pk in candidates.order_by("pk").values_list("pk", flat=True).iterator():
        document = Document.objects.get(pk=pk)
        extracted = extract_stored(document)
        status = finish_document(document, extracted)
        outcome = _outcome(document, status)
        summary.add(outcome)
        if progress is not None:
            progress(outcome)
    return summary


__all__ = [
    "Outcome",
    "Summary",
    "accept_organisation_proposal",
    "accept_proposal",
    "confirm_document",
    "finish_document",
    "import_paths",
    "process_document",
    "receive_upload",
    "reextract",
    "reject_organisation_proposal",
    "reject_proposal",
    "relative_path",
]
