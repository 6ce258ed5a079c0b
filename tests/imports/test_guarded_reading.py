"""Guarded reading: hostile documents are refused with their reason, the batch goes on.

The hostile files are built here (``tests/imports/hostile.py``): a PDF whose
content stream inflates far past its size, a .docx whose zip headers lie
about its members' sizes, an honest zip bomb, a billion-laughs page, an
encrypted PDF and a file over the size limit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from concord.imports.extracting import extract_file
from concord.imports.guard import ReadLimits
from concord.imports.models import Document, DocumentStatus
from concord.imports.services import import_paths
from concord.meetings.models import Meeting
from tests.factories import make_secretariat_user
from tests.imports import hostile
from tests.imports.minutes import FIRST
from tests.imports.staging import confirm_all

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def _hostile_folder(folder: Path) -> dict[str, str]:
    """Write the hostile set into ``folder``; the reason each must be refused with.

    Limits are set low by the caller (20 MB expanded, 2 MB files) so the
    bombs stay small to build.
    """
    hostile.pdf_stream_bomb(folder / "stream-bomb.pdf", 40 * MB)
    hostile.lying_zip_docx(folder / "lying.docx", 40 * MB)
    hostile.honest_zip_bomb(folder / "honest-bomb.docx", 40 * MB)
    hostile.billion_laughs(folder / "laughs.html")
    hostile.encrypted_pdf(folder / "locked.pdf")
    hostile.too_large(folder / "huge.txt", 3 * MB)
    expanded = "document expands beyond 20 MB when decompressed"
    return {
        "stream-bomb.pdf": expanded,
        "lying.docx": expanded,
        "honest-bomb.docx": expanded,
        "laughs.html": "document declares its own XML entities (entity expansion is refused)",
        "locked.pdf": "encrypted PDF (password protected)",
        "huge.txt": "file too large (3.0 MB; the limit is 2.0 MB)",
    }


def _failures() -> dict[str, str]:
    failed = Document.objects.filter(status=DocumentStatus.FAILED)
    return dict(failed.values_list("filename", "failure_reason"))


@pytest.fixture
def low_limits(settings):
    settings.CONCORD_READ_MAX_EXPANDED_MB = 20
    settings.CONCORD_MAX_UPLOAD_BYTES = 2 * MB
    return settings


def test_concord_import_refuses_each_hostile_file_with_its_reason_and_imports_the_good_one(
    write, low_limits
):
    write(FIRST, "good.docx")
    expected = _hostile_folder(write.folder)
    summary = import_paths([write.folder], jobs=2)
    assert summary.imported == 1
    assert dict(summary.failed) == expected
    good = Document.objects.get(filename="good.docx")
    assert good.status == DocumentStatus.REVIEW and good.record
    assert not Meeting.objects.exists()  # staged: nothing recorded before review
    assert _failures() == expected


@pytest.mark.django_db(transaction=True)
def test_uploads_are_only_stored_and_queued_and_the_worker_refuses_the_hostile_ones(
    client, write, low_limits, monkeypatch
):
    client.force_login(make_secretariat_user())
    write(FIRST, "good.docx")
    expected = _hostile_folder(write.folder)
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in write.folder.iterdir()]

    def no_reading_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the web server read a document")

    with monkeypatch.context() as web:
        web.setattr("concord.imports.guard.read_guarded", no_reading_here)
        web.setattr("concord.imports.extracting.extract_here", no_reading_here)
        response = client.post(reverse("imports:list"), {"files": files}, follow=True)
    assert b"huge.txt: refused" in response.content  # refused on size, before anything is read
    queued = Document.objects.filter(status=DocumentStatus.QUEUED)
    assert queued.count() == 6  # the web server read none of them
    assert not any(queued.values_list("text", flat=True))
    call_command("worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
    statuses = dict(Document.objects.values_list("filename", "status"))
    assert statuses.pop("good.docx") == DocumentStatus.REVIEW
    assert set(statuses.values()) == {DocumentStatus.FAILED}
    assert _failures() == expected
    page = client.get(reverse("imports:list"))
    assert b"document expands beyond 20 MB when decompressed" in page.content


def test_a_lying_zip_is_measured_by_what_it_inflates_to_not_what_its_headers_say(tmp_path):
    path = hostile.lying_zip_docx(tmp_path / "lying.docx", 210 * MB)
    import zipfile

    with zipfile.ZipFile(path) as archive:
        assert sum(i.file_size for i in archive.infolist()) < MB  # the headers' story
    result = extract_file(path, "lying.docx")  # the default limits
    assert result.error == "document expands beyond 200 MB when decompressed"


def test_a_document_needing_more_memory_than_the_limit_is_refused_in_words(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"1. Minutes of the Heron Board meeting held in March\n" * 600_000)
    limits = ReadLimits(max_bytes=64 * MB, memory_bytes=100 * MB)
    result = extract_file(path, "long.txt", limits=limits)
    assert result.error == "needs more than 100 MB of memory"
    assert result.record is None


def test_a_document_that_never_finishes_reading_is_stopped_at_the_time_limit(tmp_path):
    # A named pipe with no writer: opening it blocks for ever, whatever the machine's speed.
    path = tmp_path / "stuck.txt"
    os.mkfifo(path)
    result = extract_file(path, "stuck.txt", limits=ReadLimits(seconds=1))
    assert result.error == "reading took longer than 1 s"


def test_items_and_actions_over_the_limits_are_left_out_with_a_warning(write, settings, client):
    settings.CONCORD_IMPORT_MAX_ITEMS = 2
    settings.CONCORD_IMPORT_MAX_ACTIONS = 1
    summary = import_paths([write(FIRST, "feb.txt")])
    assert summary.imported == 1
    document = Document.objects.get()
    assert len(document.record["items"]) == 2 and len(document.record["actions"]) == 1
    assert document.warnings == [
        "only the first 2 of 4 items were imported: items 3 to 4 were left out",
        "only the first 1 of 2 actions were imported: 1 were left out",
    ]
    confirm_all(None)  # what was kept is what confirmation records
    document.refresh_from_db()
    assert document.meeting.items.count() == 2
    client.force_login(make_secretariat_user())
    page = client.get(reverse("imports:list"))
    assert b"only the first 2 of 4 items were imported" in page.content
