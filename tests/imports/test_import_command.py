"""``concord import``: files and folders in, drafts to review out, once."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

from concord.actions.models import Action, ActionOwner
from concord.imports.models import Document, DocumentStatus, ImportBatch
from concord.imports.services import import_paths
from concord.meetings.models import AgendaItem, Attendance, Decision, Meeting
from concord.people.models import Person
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import confirm_all

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (Document, Meeting, Attendance, AgendaItem, Decision, Action, ActionOwner, Person)
    }


def test_it_imports_a_folder_as_draft_meetings_and_keeps_the_originals(write, document_store):
    first = write(FIRST, "2025/02-board.docx")
    write(SECOND, "2025/05-board.pdf")
    summary = import_paths([write.folder])
    assert (summary.imported, summary.skipped, summary.failed) == (2, 0, [])
    assert not Meeting.objects.exists()  # drafts: nothing recorded before a person confirms
    document = Document.objects.get(filename="02-board.docx")
    assert document.status == DocumentStatus.REVIEW and document.meeting is None
    assert confirm_all() == 2
    meetings = list(Meeting.objects.order_by("date"))
    assert [m.date for m in meetings] == [dt.date(2025, 2, 4), dt.date(2025, 5, 6)]
    assert all(m.minutes_status == "draft" and m.status == "held" for m in meetings)
    assert meetings[0].body.name == "Larkspur Community Safety Board"
    document = Document.objects.get(filename="02-board.docx")
    assert document.status == DocumentStatus.CONFIRMED
    assert document.meeting == meetings[0] and document.owns_meeting
    assert (document_store / document.stored_path).read_bytes() == first.read_bytes()
    assert document.stored_path == f"{document.sha256[:2]}/{document.sha256[2:]}"
    assert "Night-time Economy" in document.text
    assert document.record["date"] == "2025-02-04"


def test_importing_the_same_files_again_changes_nothing(write):
    write(FIRST, "a.txt")
    write(SECOND, "b.html")
    import_paths([write.folder])
    before = _counts()
    again = import_paths([write.folder])
    assert (again.imported, again.skipped, again.failed) == (0, 2, [])
    assert _counts() == before


def test_the_same_bytes_under_another_name_are_skipped(write, tmp_path):
    path = write(FIRST, "minutes.docx")
    copy = tmp_path / "copy-of-minutes.docx"
    copy.write_bytes(path.read_bytes())
    import_paths([path])
    summary = import_paths([copy])
    assert summary.skipped == 1 and Document.objects.count() == 1


def test_one_meeting_in_several_formats_is_recorded_once(write):
    for ext in ("txt", "html", "docx", "pdf"):
        write(FIRST, f"minutes.{ext}")
    summary = import_paths([write.folder])
    assert (summary.imported, summary.duplicates, summary.failed) == (1, 3, [])
    assert not Meeting.objects.exists()
    duplicate = Document.objects.filter(status="duplicate").first()
    assert "same meeting as minutes." in duplicate.failure_reason
    assert confirm_all() == 1 and Meeting.objects.count() == 1
    assert Meeting.objects.get().documents.get().status == "confirmed"


def test_a_pool_of_two_processes_imports_the_same(write):
    for n in range(3):
        write(FIRST, f"first-{n}.txt")  # the same bytes three times: imported once
    write(FIRST, "first.html")  # the same meeting in another format: a duplicate
    write(SECOND, "second.docx")
    summary = import_paths([write.folder], jobs=2)
    assert summary.total == 5 and summary.failed == []
    assert (summary.imported, summary.skipped, summary.duplicates) == (2, 2, 1)
    assert confirm_all() == 2 and Meeting.objects.count() == 2


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        chunk = b"\0" * (1024 * 1024)
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            for _ in range(310):
                member.write(chunk)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Minutes of the Heron Board")
    return bytes(pdf.output())


def test_bad_files_are_refused_with_reasons_and_the_rest_of_the_batch_imports(write, settings):
    write(FIRST, "good.docx")
    folder = write.folder
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not a workbook at all")
    (folder / "bomb.docx").write_bytes(_zip_bomb())
    (folder / "locked.pdf").write_bytes(_encrypted_pdf())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    settings.CONCORD_MAX_UPLOAD_BYTES = 400_000
    (folder / "huge.txt").write_text("Minutes of the Heron Board\n" + "word " * 90_000)
    summary = import_paths([folder])
    assert summary.imported == 1
    reasons = dict(summary.failed)
    assert set(reasons) == {
        "empty.txt", "garbage.txt", "budget.xlsx", "bomb.docx", "locked.pdf", "broken.pdf",
        "huge.txt",
    }  # fmt: skip
    assert "empty file" in reasons["empty.txt"]
    assert "binary" in reasons["garbage.txt"]
    assert "unsupported file type .xlsx" in reasons["budget.xlsx"]
    assert reasons["bomb.docx"] == "document expands beyond 200 MB when decompressed"
    assert reasons["locked.pdf"] == "encrypted PDF (password protected)"
    assert reasons["broken.pdf"]
    assert reasons["huge.txt"] == "file too large (439.5 KB; the limit is 390.6 KB)"
    failed = {d.filename: d for d in Document.objects.filter(status=DocumentStatus.FAILED)}
    assert set(failed) == set(reasons)
    assert all(failed[name].failure_reason == reasons[name] for name in reasons)
    assert failed["huge.txt"].stored_path == ""  # refused before being kept
    assert failed["empty.txt"].meeting is None
    assert Document.objects.filter(status="review").count() == 1


def test_a_record_without_a_body_fails_with_its_reason_unless_given_one(write, tmp_path):
    spec = [line for line in FIRST if line != "Larkspur Community Safety Board"]
    path = write(spec, "nobody.txt")
    summary = import_paths([path])
    assert summary.failed and "no body" in summary.failed[0][1]
    document = Document.objects.get()
    assert document.record is not None  # kept, so it can be corrected on review
    retried = import_paths([path], body="Larkspur Youth Forum")
    assert retried.imported == 1
    document.refresh_from_db()
    assert document.status == "review" and document.meeting is None
    confirm_all()
    document.refresh_from_db()
    assert document.meeting.body.name == "Larkspur Youth Forum"
    assert document.meeting.body.kind == "forum"


def test_the_command_prints_a_summary_and_exits_1_on_failures(write, capsys):
    write(FIRST, "good.txt")
    (write.folder / "empty.txt").write_bytes(b"")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", str(write.folder), "--jobs", "1")
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert "Imported 1, skipped 0" in out and "failed 1" in out
    assert "empty.txt: empty file" in out
    assert "Importing" in err  # the progress bar is on stderr
    call_command("import", str(write.folder / "good.txt"), "--no-progress")
    out, _ = capsys.readouterr()
    assert "Imported 0, skipped 1" in out
    assert ImportBatch.objects.filter(source="command").count() == 2


def test_the_command_refuses_a_missing_path(tmp_path: Path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such file"):
        call_command("import", str(tmp_path / "nope"))


def test_a_dry_run_reports_and_keeps_nothing(write, capsys, document_store):
    write(FIRST, "good.txt")
    call_command("import", str(write.folder), "--dry-run", "--no-progress")
    out, _ = capsys.readouterr()
    assert "Imported 1," in out and "Dry run: nothing was kept." in out
    assert _counts() == dict.fromkeys(_counts(), 0)
    assert not document_store.exists()


def test_each_document_commits_on_its_own(write, monkeypatch):
    """A failure writing one document rolls back that document only."""
    from concord.imports import services

    write(FIRST, "a.txt")
    write(SECOND, "b.txt")
    real = services.stage

    def explode(document):
        if document.record["date"] == "2025-05-06":
            raise RuntimeError("disk on fire")
        return real(document)

    monkeypatch.setattr(services, "stage", explode)
    summary = import_paths([write.folder])
    assert summary.imported == 1
    assert summary.failed == [("b.txt", "internal error while importing (RuntimeError)")]
    b = Document.objects.get(filename="b.txt")
    assert b.status == "failed" and b.record is None  # nothing half-written for b.txt
