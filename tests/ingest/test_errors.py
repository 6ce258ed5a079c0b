"""Every unreadable input raises ExtractionError with a one-line reason."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from concord.ingest import ExtractionError, extract, read_text
from tests.ingest.builders import KESTREL, to_docx, to_txt


def _one_line(exc: pytest.ExceptionInfo[ExtractionError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and message
    return message


def test_it_refuses_an_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04whatever")
    with pytest.raises(ExtractionError) as exc:
        extract(path)
    assert "unsupported file type .xlsx" in _one_line(exc)
    assert ".docx" in str(exc.value)


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(ExtractionError) as exc:
        extract(path)
    assert "empty file" in _one_line(exc)


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as exc:
        extract(tmp_path / "nope.txt")
    assert "cannot open" in _one_line(exc)


def test_it_refuses_binary_garbage_named_as_text() -> None:
    with pytest.raises(ExtractionError) as exc:
        extract(bytes(range(256)) * 40, filename="minutes.txt")
    assert "binary" in _one_line(exc)


def test_it_refuses_a_file_over_the_size_limit_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(to_txt(KESTREL))
    with pytest.raises(ExtractionError) as exc:
        extract(path, max_bytes=100)
    assert "too large" in _one_line(exc)


def test_it_refuses_a_zip_bomb_disguised_as_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        # Streamed in chunks: the archive is ~300 KB but inflates past the limit.
        chunk = b"\0" * (1024 * 1024)
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            for _ in range(310):
                member.write(chunk)
    with pytest.raises(ExtractionError) as exc:
        extract(buffer.getvalue(), filename="minutes.docx")
    assert "document expands beyond 200 MB when decompressed" in _one_line(exc)


def test_it_refuses_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ExtractionError) as exc:
        extract(buffer.getvalue(), filename="minutes.docx")
    assert "not a Word document" in _one_line(exc)


def test_it_refuses_a_pdf_with_no_text_layer() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # an image-like page with no text
    with pytest.raises(ExtractionError) as exc:
        extract(bytes(pdf.output()), filename="scan.pdf")
    assert "no text layer (scanned PDF?)" in _one_line(exc)


def test_it_refuses_an_encrypted_pdf() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Minutes of the Board")
    with pytest.raises(ExtractionError) as exc:
        extract(bytes(pdf.output()), filename="locked.pdf")
    assert "encrypted PDF (password protected)" in _one_line(exc)


def test_it_refuses_a_truncated_pdf(tmp_path: Path) -> None:
    from tests.ingest.builders import to_pdf

    data = to_pdf(KESTREL, tmp_path / "m.pdf").read_bytes()
    with pytest.raises(ExtractionError) as exc:
        extract(data[:200], filename="m.pdf")
    _one_line(exc)


def test_it_reads_windows_1252_text() -> None:
    raw = "Riverside Board \u2013 3 March 2024\nPresent: Zo\u00eb Caf\u00e9, Ann Lee\n".encode(
        "cp1252"
    )
    assert "Zo\u00eb Caf\u00e9" in read_text(raw, filename="m.txt")


def test_it_sniffs_the_format_of_unnamed_bytes(tmp_path: Path) -> None:
    data = to_docx(KESTREL, tmp_path / "m.docx").read_bytes()
    assert extract(data).body == "Kestrel Valley Partnership Executive"


def test_it_explains_that_legacy_formats_need_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ExtractionError) as exc:
        extract(b"{\\rtf1 Minutes}", filename="old.rtf")
    assert "LibreOffice" in _one_line(exc) and ".docx" in str(exc.value)


@pytest.mark.parametrize("legacy", ["odt", "doc", "rtf"])
def test_it_reads_legacy_word_formats_through_libreoffice(tmp_path: Path, legacy: str) -> None:
    # A backlog of minutes is often Word 97-2003 (.doc): converted, then read as .docx.
    # LibreOffice is part of the test set-up (scripts/setup --for-tests): fail, never skip.
    import subprocess

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is not installed: run scripts/setup --for-tests")
    docx_path = to_docx(KESTREL, tmp_path / "m.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            legacy,
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    record = extract(tmp_path / f"m.{legacy}")
    assert record.body == "Kestrel Valley Partnership Executive"
    assert record.attendance and record.items
