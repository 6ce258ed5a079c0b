"""Document readers, one small module per format, registered by extension.

Every reader module has the same shape::

    EXTENSIONS = (".txt", ".md")

    def read(data: bytes, name: str) -> Text: ...

``read`` receives the raw bytes (already size-checked) and returns a
:class:`~concord.ingest.text.Text`, raising :class:`ExtractionError` for
anything it cannot read.  To add a format, copy a reader, change
``EXTENSIONS`` and list the module in ``_MODULES`` below.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from concord.ingest.errors import ExtractionError
from concord.ingest.limits import OutOfMemory
from concord.ingest.text import Text

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Modules are imported only when a file of their kind is read, so that
# ``concord extract`` on a text file never pays for pdfplumber or python-docx.
_MODULES = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "plain",
    ".markdown": "plain",
    ".mkd": "plain",
    # reStructuredText, wiki and Org markup are typed text: many bodies publish
    # their minutes through Sphinx, a wiki or Emacs.
    ".rst": "plain",
    ".wiki": "plain",
    ".org": "plain",
    ".html": "htmlpage",
    ".htm": "htmlpage",
    ".xhtml": "htmlpage",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "office",
    ".rtf": "office",
    ".odt": "office",
}


class Reader(Protocol):
    """What a reader module provides."""

    EXTENSIONS: tuple[str, ...]

    def read(self, data: bytes, name: str) -> Text: ...  # pragma: no cover


def supported_extensions() -> list[str]:
    """Extensions with a reader, e.g. ``['.doc', '.docx', ...]``."""
    return sorted(_MODULES)


def reader_for(extension: str) -> Reader:
    """The reader module for an extension such as ``".pdf"``.

    >>> reader_for(".TXT").EXTENSIONS[0]
    '.txt'
    """
    ext = extension.lower()
    if ext not in _MODULES:
        shown = ext or "(none)"
        raise ExtractionError(
            f"unsupported file type {shown}; supported: {', '.join(supported_extensions())}"
        )
    module = importlib.import_module(f"{__name__}.{_MODULES[ext]}")
    return module


def sniff_extension(data: bytes) -> str:
    """Guess a file's extension from its first bytes (for unnamed bytes).

    >>> sniff_extension(b"%PDF-1.7 ..."), sniff_extension(b"Minutes of ...")
    ('.pdf', '.txt')
    """
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return ".docx"
        return ".odt" if b"opendocument" in data[:4096] else ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return ".html"
    return ".txt"


def load(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[bytes, str, str]:
    """Read the raw bytes of ``source``; return ``(data, name, extension)``.

    The size limit is checked before reading a file, so a huge file is
    refused without being loaded into memory.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = filename or "document"
        if len(data) > max_bytes:
            raise ExtractionError(f"{name}: file too large ({len(data)} bytes > {max_bytes})")
    else:
        path = Path(source)
        name = filename or path.name
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ExtractionError(f"{path}: cannot open ({exc.strerror or exc})")
        if path.is_dir():
            raise ExtractionError(f"{path}: is a folder, not a document")
        if size > max_bytes:
            raise ExtractionError(f"{name}: file too large ({size} bytes > {max_bytes})")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExtractionError(f"{path}: cannot read ({exc.strerror or exc})")
    if not data.strip():
        raise ExtractionError(f"{name}: empty file")
    ext = Path(name).suffix.lower() if filename or not isinstance(source, bytes) else ""
    if not ext:
        ext = sniff_extension(data)
    return data, name, ext


def read(
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Text:
    """Read any supported document into a :class:`Text`."""
    data, name, ext = load(source, filename=filename, max_bytes=max_bytes)
    reader = reader_for(ext)
    try:
        text = reader.read(data, name)
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(f"{name}: document nested too deeply to read")
    except MemoryError:
        # A class of its own: the guarded reading process words it as its memory limit.
        raise OutOfMemory(f"{name}: document too large to read")
    except Exception as exc:  # a reader bug or a library choking on damage
        raise ExtractionError(f"{name}: damaged or unreadable {ext} file ({type(exc).__name__})")
    if text.is_empty():
        raise ExtractionError(f"{name}: no text found in document")
    return text
