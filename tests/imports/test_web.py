"""The secretariat's pages: upload, background processing, review, confirm, merge queue."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.imports.models import Document, DocumentStatus, MergeProposal
from concord.imports.services import import_paths, process_document
from concord.meetings.models import Meeting
from concord.people.models import Person
from tests.factories import make_meeting, make_secretariat_user
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import import_confirmed, review_data
from tests.ingest.builders import to_html, to_txt

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def _upload(client, *files, body=""):
    return client.post(reverse("imports:list"), {"files": list(files), "body": body}, follow=True)


def test_uploads_are_queued_then_processed_by_the_real_database_worker(
    secretariat, django_capture_on_commit_callbacks, monkeypatch
):
    # Between tasks the worker closes connections that are not in autocommit mode,
    # as the test's own transaction is; PostgreSQL would lose it (and the test data).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    first = SimpleUploadedFile("feb.txt", to_txt(FIRST).encode())
    second = SimpleUploadedFile("may.html", to_html(SECOND).encode())
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(secretariat, first, second)
    assert b"feb.txt: queued for reading" in response.content
    assert set(Document.objects.values_list("status", flat=True)) == {"queued"}
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 2
    call_command("worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
    assert set(Document.objects.values_list("status", flat=True)) == {"review"}
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert Meeting.objects.count() == 0  # drafts until confirmed
    page = secretariat.get(reverse("imports:list"))
    assert page.content.count(b"Awaiting review") >= 2
    assert b'hx-trigger="every 3s"' not in page.content  # nothing pending: no polling


def test_the_list_polls_while_documents_are_pending_and_serves_the_table_to_htmx(secretariat):
    _upload(secretariat, SimpleUploadedFile("feb.txt", to_txt(FIRST).encode()))
    page = secretariat.get(reverse("imports:list"))
    assert b'hx-trigger="every 3s"' in page.content and b"Queued" in page.content
    partial = secretariat.get(reverse("imports:list"), HTTP_HX_REQUEST="true")
    assert b"<h1>" not in partial.content and b"feb.txt" in partial.content


def test_bad_uploads_are_refused_with_reasons_beside_good_ones(secretariat, settings):
    settings.CONCORD_MAX_UPLOAD_BYTES = 50_000
    files = [
        SimpleUploadedFile("good.txt", to_txt(FIRST).encode()),
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("noise.txt", bytes(range(256)) * 40),
        SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04 no"),
        SimpleUploadedFile("big.txt", b"Minutes\n" + b"word " * 20_000),
    ]
    response = _upload(secretariat, *files)
    assert b"big.txt: refused" in response.content
    for document in Document.objects.filter(status="queued"):
        process_document(document.pk)
    statuses = dict(Document.objects.values_list("filename", "status"))
    assert statuses == {
        "good.txt": "review", "empty.txt": "failed", "noise.txt": "failed",
        "sheet.xlsx": "failed", "big.txt": "failed",
    }  # fmt: skip
    reasons = dict(Document.objects.values_list("filename", "failure_reason"))
    assert "empty file" in reasons["empty.txt"] and "binary" in reasons["noise.txt"]
    assert "unsupported file type .xlsx" in reasons["sheet.xlsx"]
    assert reasons["big.txt"].startswith("file too large")
    page = secretariat.get(reverse("imports:list"))
    assert reasons["sheet.xlsx"].encode() in page.content


def test_uploading_the_same_file_again_is_skipped(secretariat):
    _upload(secretariat, SimpleUploadedFile("feb.txt", to_txt(FIRST).encode()))
    response = _upload(secretariat, SimpleUploadedFile("copy.txt", to_txt(FIRST).encode()))
    assert b"copy.txt: already imported, skipped" in response.content
    assert Document.objects.count() == 1


def test_the_review_screen_escapes_the_documents_text(secretariat, write):
    import_paths([write(FIRST, "m.docx")])
    document = Document.objects.get()
    # Papers contain raw HTML; whatever a reader keeps of it is shown as text.
    document.text += "\n<script>alert('x')</script>"
    document.record["items"].append({"number": "5", "title": "<img src=x onerror=alert(1)>"})
    document.save()
    page = secretariat.get(reverse("imports:review", args=[document.pk]))
    assert b"<script>alert" not in page.content
    assert b"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page.content
    assert b"<img src=x" not in page.content and b"&lt;img src=x" in page.content
    assert b"Night-time Economy" in page.content  # the record's items, in the form


def test_corrections_on_review_are_kept_in_the_draft_and_recorded_only_on_confirm(
    secretariat, write
):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    data = review_data(secretariat.get(url).context["forms"])
    data["items-1-title"] = "Late-night Economy"
    data["items-3-DELETE"] = "on"
    data["att-5-name"] = "Nell Quarry"  # the blank row adds one
    data["att-5-organisation"] = "Larkspur Libraries"
    data["att-5-status"] = "in_attendance"
    data["act-0-description"] = "Publish the patrol plan"
    data["act-0-due"] = "Jun 2025"
    data["act-0-item"] = "1"
    data["venue"] = "Larkspur Library, Meeting Room"
    response = secretariat.post(url, data, follow=True)
    assert b"Corrections saved" in response.content
    assert not Meeting.objects.exists() and not Person.objects.exists()
    document.refresh_from_db()
    assert document.corrected and document.version == 2
    assert document.draft["items"][1]["title"] == "Late-night Economy"
    assert document.draft["actions"][0]["due"] == "2025-06"
    assert document.record["items"][1]["title"] == "Night-time Economy"  # as read, kept
    wren = document.draft["attendance"][0]
    assert (wren["title"], wren["name"], wren["role"]) == ("Cllr", "Wren Aldous", "chair")
    # The plan says what will happen to the new name, before anything is made.
    assert b"Nell Quarry" in response.content and b"create a new person" in response.content
    secretariat.post(
        reverse("imports:confirm", args=[document.pk]),
        {"minutes": "draft", "opened_version": document.version},
    )
    meeting = Meeting.objects.get()
    assert meeting.venue == "Larkspur Library, Meeting Room"
    assert list(meeting.items.values_list("title", flat=True)) == [
        "Minutes of the Last Meeting", "Late-night Economy", "Youth Diversion",
    ]  # fmt: skip
    assert meeting.attendances.filter(person__name="Nell Quarry", status="in_attendance").exists()
    action = meeting.items.get(number="1").actions.get(description="Publish the patrol plan")
    assert action.due_precision == "month"
    assert Person.objects.filter(name="Mira Okafor").count() == 1


def test_a_stale_review_save_is_refused(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    data = review_data(secretariat.get(url).context["forms"])
    secretariat.post(url, {**data, "venue": "First"})
    response = secretariat.post(url, {**data, "venue": "Second"})
    assert b"Someone else saved" in response.content
    document.refresh_from_db()
    assert document.draft["venue"] == "First"


def test_review_errors_name_the_field_and_row(secretariat, write):
    import_paths([write(FIRST, "m.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    data = review_data(secretariat.get(url).context["forms"])
    data["att-0-status"] = "lurking"
    data["act-0-due"] = "someday"
    data["date"] = "not a date"
    response = secretariat.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Attendee 1: status: Select a valid choice" in text
    assert "Action 1: due: Enter a due date such as" in text
    assert "Date: Enter a valid date." in text
    document.refresh_from_db()
    assert document.draft is None


def test_confirming_records_draft_minutes_and_who(secretariat, write):
    import_confirmed([write(SECOND, "may.txt")])
    import_paths([write(FIRST, "feb.txt")])
    document = Document.objects.get(filename="feb.txt")
    page = secretariat.get(reverse("imports:review", args=[document.pk]))
    # Older than the body's latest recorded meeting: "approved before Concord" is offered first.
    assert page.context["confirm_form"].initial["minutes"] == "before"
    response = secretariat.post(
        reverse("imports:confirm", args=[document.pk]),
        {"minutes": "draft", "opened_version": document.version},
        follow=True,
    )
    assert b"Confirmed: the meeting is recorded with draft minutes" in response.content
    document.refresh_from_db()
    assert document.status == DocumentStatus.CONFIRMED
    assert document.confirmed_by.username == "sec" and document.confirmed_at
    assert document.meeting.minutes_status == "draft" and document.meeting.approved_at is None
    again = secretariat.post(
        reverse("imports:confirm", args=[document.pk]),
        {"minutes": "draft", "opened_version": document.version},
        follow=True,
    )
    assert b"only an imported meeting awaiting review" in again.content


def test_the_original_is_downloaded_never_rendered(secretariat, write):
    path = write(FIRST, "m.html")
    import_paths([path])
    document = Document.objects.get()
    response = secretariat.get(reverse("imports:original", args=[document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == path.read_bytes()


def test_missing_records_are_404(secretariat):
    assert secretariat.get(reverse("imports:review", args=[999])).status_code == 404
    assert secretariat.get(reverse("imports:original", args=[999])).status_code == 404
    assert secretariat.post(reverse("imports:decide", args=[999])).status_code == 404


def test_the_merge_queue_accepts_and_rejects(secretariat, write):
    import_confirmed([write(FIRST, "feb.txt"), write(SECOND, "may.txt")])
    proposal = MergeProposal.objects.get()
    page = secretariat.get(reverse("imports:proposals"))
    assert b"Mria Okafor" in page.content and b"first name spelt differently" in page.content
    response = secretariat.post(
        reverse("imports:decide", args=[proposal.pk]), {"decision": "accept"}, follow=True
    )
    assert b"Merged Mria Okafor into Mira Okafor" in response.content
    assert not Person.objects.filter(name="Mria Okafor").exists()
    again = secretariat.post(
        reverse("imports:decide", args=[proposal.pk]), {"decision": "reject"}, follow=True
    )
    assert b"already been decided" in again.content
    done = secretariat.get(reverse("imports:proposals") + "?status=accepted")
    assert b"Accepted (merged)" in done.content


def test_the_list_page_takes_a_fixed_number_of_queries(
    secretariat, write, django_assert_max_num_queries
):
    import_paths([write(FIRST, "feb.txt"), write(SECOND, "may.txt")])
    make_meeting()
    with django_assert_max_num_queries(12):
        secretariat.get(reverse("imports:list"))
    with django_assert_max_num_queries(12):
        secretariat.get(reverse("imports:proposals"))
    document = Document.objects.get(filename="may.txt")
    with django_assert_max_num_queries(15):
        secretariat.get(reverse("imports:review", args=[document.pk]))


def test_the_review_page_takes_a_fixed_number_of_queries_however_many_names(
    secretariat, write, django_assert_max_num_queries
):
    """The register is loaded once for the plan, whatever the number of names."""
    import_confirmed([write(FIRST, "feb.txt")])
    import_paths([write(SECOND, "may.txt")])
    document = Document.objects.get(filename="may.txt")
    url = reverse("imports:review", args=[document.pk])
    with CaptureQueriesContext(connection) as small:
        secretariat.get(url)
    few = len(small.captured_queries)
    assert few <= 24
    data = review_data(secretariat.get(url).context["forms"])
    data["att-5-name"] = "; ".join(f"Added Person{n} Smith" for n in range(30))
    data["att-5-split"] = "on"
    response = secretariat.post(url, data)
    assert response.status_code == 302
    assert len(Document.objects.get(pk=document.pk).draft["attendance"]) == 35
    with django_assert_max_num_queries(few):
        secretariat.get(url)
