"""``concord reextract``: a newer extractor over stored documents, nothing duplicated."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from concord.actions.models import Action, ActionUpdate
from concord.imports import services, storage
from concord.imports.models import Document
from concord.imports.services import confirm_document, import_paths, reextract
from concord.meetings.models import AgendaItem, Attendance, Meeting
from concord.people.models import Person
from tests.factories import make_secretariat_user
from tests.imports.minutes import FIRST, SECOND

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count() for m in (Meeting, Attendance, AgendaItem, Action, ActionUpdate, Person)
    )


@pytest.fixture
def newer_extractor(monkeypatch):
    monkeypatch.setattr(storage, "extractor_version", lambda: "newer")
    monkeypatch.setattr("concord.imports.extracting.extractor_version", lambda: "newer")


def test_reextracting_rewrites_drafts_in_place_and_leaves_confirmed_ones(write, newer_extractor):
    # Imported by the "old" extractor (the real fingerprint), then the code changes.
    import_paths([write(FIRST, "feb.docx"), write(SECOND, "may.txt")])
    feb = Document.objects.get(filename="feb.docx")
    confirm_document(feb, user=make_secretariat_user())
    before = _counts()
    Document.objects.filter(pk=feb.pk).update(extractor_version="old")
    Document.objects.exclude(pk=feb.pk).update(extractor_version="old")
    summary = reextract()
    assert summary.imported == 1 and summary.failed == []  # may.txt only; feb is confirmed
    assert _counts() == before
    assert set(Document.objects.values_list("filename", "extractor_version")) == {
        ("feb.docx", "old"),
        ("may.txt", "newer"),
    }
    # Nothing left to do at this version.
    assert reextract().total == 0


def test_a_failed_document_is_read_again_and_can_succeed(write, newer_extractor, monkeypatch):
    path = write(FIRST, "feb.txt")
    real = services.extract_file
    failing = services.Extracted(error="reader bug", version="old")
    monkeypatch.setattr(services, "extract_file", lambda *a, **k: failing)
    import_paths([path])
    assert Document.objects.get().status == "failed"
    monkeypatch.setattr(services, "extract_file", real)
    call_command("reextract")
    document = Document.objects.get()
    assert (document.status, document.failure_reason) == ("review", "")
    assert document.record["date"] == "2025-02-04" and not Meeting.objects.exists()


def test_the_original_missing_from_the_store_is_a_failure_not_a_crash(write, document_store):
    import_paths([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    (document_store / document.stored_path).unlink()
    summary = reextract(force=True)
    assert summary.failed == [("feb.txt", "the original file is missing from the document store")]
    assert Document.objects.get().record is not None  # the draft read before stays


def test_a_document_stuck_in_processing_is_taken_over_after_the_heartbeat_timeout(write, settings):
    import datetime as dt

    from django.utils import timezone

    settings.CONCORD_WORKER_HEARTBEAT_TIMEOUT = 300
    import_paths([write(FIRST, "feb.txt")])
    now = timezone.now()
    Document.objects.update(status="processing", heartbeat_at=now - dt.timedelta(seconds=200))
    assert reextract(force=True).total == 0  # its worker reported within the timeout
    Document.objects.update(heartbeat_at=now - dt.timedelta(minutes=6))
    assert reextract(force=True).imported == 1
    assert Document.objects.get().status == "review" and not Meeting.objects.exists()


def test_the_extractor_version_covers_the_models_weights(tmp_path, monkeypatch) -> None:
    """Retraining a model changes what is extracted, so it changes the version."""
    ingest = tmp_path / "ingest"
    (ingest / "lines").mkdir(parents=True)
    (ingest / "rules.py").write_text("RULE = 1\n")
    weights = ingest / "lines" / "weights.json"
    weights.write_text('{"w": 1}')
    fake = tmp_path / "imports" / "storage.py"
    fake.parent.mkdir()
    monkeypatch.setattr(storage, "__file__", str(fake))
    storage.extractor_version.cache_clear()
    try:
        before = storage.extractor_version()
        storage.extractor_version.cache_clear()
        weights.write_text('{"w": 2}')
        assert storage.extractor_version() != before
    finally:
        storage.extractor_version.cache_clear()
