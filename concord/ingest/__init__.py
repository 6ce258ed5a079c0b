"""Concord's document-extraction library: document in, meeting record out.

No Django here: the web application stores what this returns.

Example::

    >>> from concord.ingest import extract
    >>> record = extract(b"Riverside Board - 3 March 2024\\nPresent: Ann Lee (Chair), Bob Hart\\n"
    ...                  b"1. Minutes\\nThe minutes were agreed as a true record.",
    ...                  filename="minutes.txt")
    >>> record.body, record.date, [p.name for p in record.attendance]
    ('Riverside Board', '2024-03-03', ['Ann Lee', 'Bob Hart'])
    >>> record.decisions
    ['The minutes were agreed as a true record.']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from concord.ingest.errors import ExtractionError
from concord.ingest.evidence import locate_evidence
from concord.ingest.readers import DEFAULT_MAX_BYTES, supported_extensions
from concord.ingest.record import Action, Attendee, Item, MeetingRecord, NextMeeting
from concord.ingest.text import Text

__all__ = [
    "Action",
    "Attendee",
    "ExtractionError",
    "Item",
    "MeetingRecord",
    "NextMeeting",
    "Text",
    "extract",
    "extract_with_evidence",
    "locate_evidence",
    "read_text",
    "read_document",
    "supported_extensions",
]


def read_document(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Text:
    """Read a document (path or bytes) into normalised :class:`Text` blocks.

    ``filename`` names bytes (its extension picks the reader; without it the
    format is sniffed from the content).  Raises :class:`ExtractionError`.
    """
    from concord.ingest.readers import read

    return read(source, filename=filename, max_bytes=max_bytes)


def read_text(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """The plain text of a document, one paragraph or table row per line.

    >>> read_text(b"<p>Fish &amp; chips</p>", filename="menu.html")
    'Fish & chips'
    """
    return read_document(source, filename=filename, max_bytes=max_bytes).plain()


def extract(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> MeetingRecord:
    """Read a document and extract its :class:`MeetingRecord`.

    ``source`` is a path (``str`` or ``Path``) or the file's bytes.  Files
    over ``max_bytes`` are refused before being read.  Any failure to read
    raises :class:`ExtractionError` with a one-line reason.
    """
    text = read_document(source, filename=filename, max_bytes=max_bytes)
    return _extract(text, source, filename)


def extract_with_evidence(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[MeetingRecord, dict[str, Any]]:
    """:func:`extract`, plus where each field came from in the document's plain text.

    The evidence (:func:`concord.ingest.evidence.locate_evidence`) is a
    separate pass, so :func:`extract` alone costs nothing more.

    >>> record, evidence = extract_with_evidence(b"Kestrel Board - 3 March 2024", filename="m.txt")
    >>> evidence["date"]
    {'start': 16, 'end': 28, 'confidence': 1.0, 'reason': ''}
    """
    text = read_document(source, filename=filename, max_bytes=max_bytes)
    record = _extract(text, source, filename)
    return record, locate_evidence(record, text.plain())


def _extract(text: Text, source: str | Path | bytes, filename: str | None) -> MeetingRecord:
    from concord.ingest.extraction import extract_record

    if filename:
        name = Path(filename).name
    elif isinstance(source, bytes | bytearray | memoryview):
        name = None
    else:
        name = Path(source).name
    try:
        return extract_record(text, name)
    except RecursionError:
        raise ExtractionError(f"{name or 'document'}: document too deeply nested to extract")
