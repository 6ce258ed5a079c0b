"""The agenda pack as one PDF: a cover (agenda, papers, action log) by WeasyPrint, then
every paper that is a PDF appended with pypdf.

Papers are read from storage one file at a time through their file objects,
never loaded whole as bytes; the pack is written to a temporary file that the
response streams. A paper that is not a PDF is listed with a note; one that
cannot be read, or would take the appended papers past ``APPEND_LIMIT_BYTES``,
is listed with a note saying so, and the pack is still made.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from typing import IO, Any

from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from concord.agenda.pack import Pack, owners_text, set_at
from concord.governance.identity import print_context
from concord.lib.pdf import html_to_pdf
from concord.meetings.models import Paper

# The appended papers of one pack, together; a larger paper is listed, not appended.
APPEND_LIMIT_BYTES = 200 * 1024 * 1024
# A file is in memory up to this size, then on disk.
SPOOL_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class PackedPaper:
    number: str
    paper: Paper
    sent_late: bool
    pages: int  # 0: not appended
    note: str


def _pdf_pages(paper: Paper) -> tuple[int, str]:
    """How many pages a paper would add (0 with the reason when it adds none)."""
    try:
        with paper.file.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                return 0, "Not a PDF: download it from Concord."
            handle.seek(0)
            return len(PdfReader(handle).pages), ""
    except (OSError, PyPdfError, ValueError, KeyError, TypeError):
        return 0, "This paper could not be read: download it from Concord."


def _check_papers(pack: Pack) -> list[PackedPaper]:
    checked, total = [], 0
    for line in pack.lines:
        for p in line.papers:
            pages, note = _pdf_pages(p.paper)
            size = p.paper.file.size if pages else 0
            if pages and total + size > APPEND_LIMIT_BYTES:
                pages, note = 0, "Too large to include: download it from Concord."
            total += size if pages else 0
            checked.append(PackedPaper(line.number, p.paper, p.sent_late, pages, note))
    return checked


def _cover(pack: Pack, papers: list[PackedPaper]) -> bytes:
    actions = [{"a": a, "owners": owners_text(a), "set_at": set_at(a)} for a in pack.actions]
    html = render_to_string(
        "agenda/pack.html",
        {"pack": pack, "papers": papers, "actions": actions, **print_context()},
    )
    return html_to_pdf(html)


def pack_pdf(pack: Pack) -> IO[bytes]:
    """The PDF pack in a temporary file, at its start (the caller closes it)."""
    papers = _check_papers(pack)
    # Handed to the response, which closes it once sent.
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    writer = PdfWriter()
    handles: list[Any] = []
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as cover:
        cover.write(_cover(pack, papers))
        cover.seek(0)
        writer.append(PdfReader(cover), outline_item="Agenda")
        _append_papers(writer, papers, handles, out)
    out.seek(0)
    return out


def _append_papers(
    writer: PdfWriter, papers: list[PackedPaper], handles: list[Any], out: IO[bytes]
) -> None:
    """Append the PDF papers and write the pack to ``out``, closing each paper after."""
    try:
        for packed in papers:
            if not packed.pages:
                continue
            handle = packed.paper.file.open("rb")
            handles.append(handle)
            writer.append(
                PdfReader(handle), outline_item=f"Item {packed.number}: {packed.paper.title}"
            )
        writer.write(out)
    finally:
        for handle in handles:
            handle.close()
