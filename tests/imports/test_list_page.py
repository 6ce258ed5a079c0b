"""The imports list: a fixed number of queries, and too many files answered on the page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.imports.models import Document, DocumentStatus
from concord.imports.services import import_paths
from tests.factories import make_secretariat_user
from tests.imports.minutes import FIRST, SECOND
from tests.querycounts import warm_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def _documents(count: int) -> None:
    """``count`` documents of every kind the table shows: with a meeting, failed, queued."""
    for n in range(count):
        status = (DocumentStatus.FAILED, DocumentStatus.QUEUED, DocumentStatus.REVIEW)[n % 3]
        Document.objects.create(
            sha256=f"{n:064x}",
            filename=f"doc-{n}.txt",
            status=status,
            record=None if n % 2 else {"body": "B"},
            warnings=["only the first 3 of 5 items were imported: items 4 to 5 were left out"],
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_takes_the_same_number_of_queries_for_2_and_22_documents(secretariat, write):
    import_paths([write(FIRST, "feb.txt"), write(SECOND, "may.txt")])  # meetings and bodies
    url = reverse("imports:list")
    partial = {"HTTP_HX_REQUEST": "true"}
    warm_up(secretariat, url)
    small = _queries(secretariat, url)
    with CaptureQueriesContext(connection) as small_partial:
        secretariat.get(url, **partial)
    _documents(20)
    assert Document.objects.count() == 22
    warm_up(secretariat, url)  # the writes made the kept user and viewer obsolete
    assert _queries(secretariat, url) == small
    with CaptureQueriesContext(connection) as large_partial:
        page = secretariat.get(url, **partial)
    assert len(large_partial) == len(small_partial)
    assert page.content.count(b"Left out: only the first 3 of 5 items") == 20
    # Every document is linked, failed ones too (their page offers Discard).
    assert b">doc-0.txt</a>" in page.content and b">doc-3.txt</a>" in page.content


def test_too_many_files_at_once_are_answered_on_the_page_with_the_limit(secretariat, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [SimpleUploadedFile(f"m{n}.txt", b"Minutes") for n in range(4)]
    response = secretariat.post(reverse("imports:list"), {"files": files})
    assert response.status_code == 400
    text = response.content.decode()
    assert "At most 3 files at a time" in text and "<h1>Imported minutes</h1>" in text
    assert Document.objects.count() == 0


def test_the_default_limit_of_files_is_stated_too(secretariat):
    files = [SimpleUploadedFile(f"m{n}.txt", b"Minutes") for n in range(101)]
    response = secretariat.post(reverse("imports:list"), {"files": files})
    assert response.status_code == 400
    assert b"At most 100 files at a time" in response.content


def test_an_upload_without_the_csrf_token_is_still_refused(settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_secretariat_user(username="sec2"))
    files = [SimpleUploadedFile("m.txt", b"Minutes of the board")]
    response = client.post(reverse("imports:list"), {"files": files})
    assert response.status_code == 403
    assert Document.objects.count() == 0
