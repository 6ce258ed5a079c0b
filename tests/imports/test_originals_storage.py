"""Originals go through Django's storage API: a storage with no folder behind it works
for keeping, reading (a temporary copy for the guarded reader), downloading and discarding."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.imports.models import Document, DocumentStatus
from concord.imports.originals import documents_storage
from concord.imports.services import process_document, reextract
from tests.factories import make_secretariat_user
from tests.imports import memory_storage
from tests.imports.minutes import FIRST
from tests.ingest.builders import to_txt

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def object_storage(settings):
    settings.CONCORD_DOCUMENTS_STORAGE = "tests.imports.memory_storage.SharedMemoryStorage"
    memory_storage.empty()
    yield
    memory_storage.empty()


@pytest.fixture
def sec(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def upload(client, name: str, data: bytes) -> Document:
    client.post(reverse("imports:list"), {"files": [SimpleUploadedFile(name, data)], "body": ""})
    document = Document.objects.get(filename=name)
    process_document(document.pk)
    document.refresh_from_db()
    return document


def test_an_upload_is_kept_in_the_storage_and_read_from_it(sec, document_store: Path) -> None:
    data = to_txt(FIRST).encode()
    document = upload(sec, "first.txt", data)
    assert document.status == DocumentStatus.REVIEW, document.failure_reason
    assert documents_storage().open(document.stored_path).read() == data
    assert not document_store.exists()  # nothing went to the local folder
    assert document.record["attendance"]


def test_the_original_downloads_from_the_storage(sec) -> None:
    data = to_txt(FIRST).encode()
    document = upload(sec, "first.txt", data)
    response = sec.get(reverse("imports:original", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data


def test_discarding_removes_the_original_from_the_storage(
    sec, django_capture_on_commit_callbacks
) -> None:
    document = upload(sec, "first.txt", to_txt(FIRST).encode())
    name = document.stored_path
    with django_capture_on_commit_callbacks(execute=True):
        sec.post(reverse("imports:discard", args=[document.pk]))
    assert not documents_storage().exists(name)


def test_a_missing_original_is_reported_not_crashed_on(sec) -> None:
    document = upload(sec, "first.txt", to_txt(FIRST).encode())
    documents_storage().delete(document.stored_path)
    assert sec.get(reverse("imports:original", args=[document.pk])).status_code == 404
    Document.objects.filter(pk=document.pk).update(extractor_version="old")
    reextract()
    document.refresh_from_db()
    assert "missing from the document store" in document.failure_reason
