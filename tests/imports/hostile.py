"""Hostile documents, built here byte by byte: bombs, lies and locks.

Each writer streams what it compresses, so building a file that inflates
to a gigabyte needs no gigabyte of memory. Used by the tests and by
``bench/import_memory_bench.py``.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from tests.ingest.builders import KESTREL, to_docx

MB = 1024 * 1024
CHUNK = MB


def pdf_stream_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of blanks."""
    packer = zlib.compressobj(9)
    page_text = b"BT /F1 12 Tf 72 720 Td (Minutes of the Heron Board) Tj ET\n"
    blanks = b" " * CHUNK
    parts = [packer.compress(page_text)]
    parts += [packer.compress(blanks) for _ in range(max(1, inflated // CHUNK))]
    stream = b"".join(parts) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path.write_bytes(out.getvalue())
    return path


def _docx_with(path: Path, name: str, inflated: int, claimed: int | None) -> Path:
    """A real .docx of minutes plus one deflated member of ``inflated`` zero bytes.

    With ``claimed``, the member's local and central headers say it holds
    that many bytes (a "lying zip"); the CRC is left as the real one.
    """
    to_docx(KESTREL, path)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(path.read_bytes())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in original.infolist():
            archive.writestr(info.filename, original.read(info.filename))
        with archive.open(name, "w") as member:
            zeros = b"\0" * CHUNK
            for done in range(0, inflated, CHUNK):
                member.write(zeros[: min(CHUNK, inflated - done)])
    data = bytearray(out.getvalue())
    if claimed is not None:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            info = archive.getinfo(name)
        local = info.header_offset
        struct.pack_into("<I", data, local + 22, claimed)
        # The central directory entry naming the member lies too.
        needle = name.encode()
        pos = data.find(b"PK\x01\x02")
        while pos >= 0:
            name_len = struct.unpack_from("<H", data, pos + 28)[0]
            if bytes(data[pos + 46 : pos + 46 + name_len]) == needle:
                struct.pack_into("<I", data, pos + 24, claimed)
                break
            pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path


def lying_zip_docx(path: Path, inflated: int) -> Path:
    """A .docx whose zip headers say a 900-byte member that really inflates to ``inflated``."""
    return _docx_with(path, "word/media/image1.png", inflated, claimed=900)


def honest_zip_bomb(path: Path, inflated: int) -> Path:
    """A .docx with a member that says, truthfully, it inflates to ``inflated`` bytes."""
    return _docx_with(path, "word/media/image1.png", inflated, claimed=None)


def billion_laughs(path: Path) -> Path:
    """An HTML page of minutes declaring nested entities (a billion "lol"s if expanded)."""
    entities = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        ref = f"&lol{level - 1};" if level > 1 else "&lol;"
        entities.append(f'<!ENTITY lol{level} "{ref * 10}">')
    path.write_text(
        "<!DOCTYPE html [\n" + "\n".join(entities) + "\n]>\n"
        "<html><body><h1>Heron Board</h1><p>Minutes of 3 March 2025</p>"
        "<p>&lol9;</p></body></html>",
        encoding="utf-8",
    )
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF of minutes locked with a user password."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Minutes of the Heron Board")
    path.write_bytes(bytes(pdf.output()))
    return path


def too_large(path: Path, size: int) -> Path:
    """A text file of ``size`` bytes (over the upload limit), written in chunks."""
    line = b"Minutes of the Heron Board, a line of text repeated.\n"
    block = line * (CHUNK // len(line))
    with open(path, "wb") as out:
        written = 0
        while written < size:
            part = block[: size - written]
            out.write(part)
            written += len(part)
    return path
