"""What reading one document may cost, checked while inflating (never trusted from headers).

A 1 MB PDF whose content stream inflates to 1 GB, or a ``.docx`` whose zip
headers understate its members' sizes, must be refused before a library
inflates it. These checks inflate the compressed parts themselves, with
``zlib.decompressobj`` and ``max_length``, counting the bytes that come
out; memory stays at one chunk whatever the document claims.

The limit is set once per process (the guarded reading child sets it from
the site's settings, see ``concord.imports.guard``); readers ask for it with
:func:`max_expanded_bytes`. No Django here.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from io import BytesIO

from concord.ingest.errors import ExtractionError

MB = 1024 * 1024
DEFAULT_MAX_EXPANDED_BYTES = 200 * MB
CHUNK = 256 * 1024
# A Word or OpenDocument file of minutes has tens of parts; a bomb may list millions.
MAX_MEMBERS = 5000

_state = {"max_expanded": DEFAULT_MAX_EXPANDED_BYTES}


class LimitExceeded(ExtractionError):
    """A document over one of the reading limits (its message says which, in words)."""


class OutOfMemory(ExtractionError):
    """Reading needed more memory than the process may have."""


def set_max_expanded_bytes(limit: int) -> None:
    """Set, for this process, how far a document may expand when decompressed."""
    _state["max_expanded"] = int(limit)


def max_expanded_bytes() -> int:
    """How far a document may expand when decompressed (200 MB unless set)."""
    return _state["max_expanded"]


def expanded_reason(limit: int) -> str:
    """The refusal, in words.

    >>> expanded_reason(200 * MB)
    'document expands beyond 200 MB when decompressed'
    """
    return f"document expands beyond {_mb(limit)} when decompressed"


def _mb(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n} bytes"


class _Counter:
    """Counts inflated bytes across a whole document; raises past the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise LimitExceeded(expanded_reason(self.limit))


_ENTITY = re.compile(rb"<!ENTITY", re.I)


def refuse_entity_declarations(data: bytes) -> None:
    """Refuse markup that declares its own entities (the "billion laughs" bomb).

    Minutes never need them; an XML or HTML parser that expanded them could
    turn a few kilobytes into gigabytes.

    >>> refuse_entity_declarations(b"<p>Fish &amp; chips</p>")
    >>> try:
    ...     refuse_entity_declarations(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    ... except LimitExceeded as exc:
    ...     print(exc)
    document declares its own XML entities (entity expansion is refused)
    """
    if _ENTITY.search(data):
        raise LimitExceeded("document declares its own XML entities (entity expansion is refused)")


def _inflate(
    data: bytes, start: int, end: int, counter: _Counter, wbits: int, *, entities: bool
) -> bool:
    """Inflate ``data[start:end]`` as a zlib/deflate stream, counting; False if it is not one."""
    inflater = zlib.decompressobj(wbits)
    tail = b""
    pos = start
    try:
        while pos < end and not inflater.eof:
            chunk = data[pos : min(end, pos + CHUNK)]
            pos += len(chunk)
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, CHUNK)
                counter.add(len(out))
                if entities:
                    # Keep a short tail so a marker split across chunks is still seen.
                    refuse_entity_declarations(tail + out)
                    tail = out[-16:]
                chunk = inflater.unconsumed_tail
    except zlib.error:
        return False
    return True


def check_zip(data: bytes, name: str, limit: int | None = None) -> list[str]:
    """Inflate every member of a zip archive, counting; return the member names.

    Sizes written in the archive's headers are not trusted: each member's
    compressed bytes are inflated from its local header on, so a "lying zip"
    that understates its sizes is measured by what it really produces. XML
    members that declare entities are refused too.
    """
    counter = _Counter(max_expanded_bytes() if limit is None else limit)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):
        raise ExtractionError(f"{name}: damaged or not an Office document (bad zip)")
    if len(infos) > MAX_MEMBERS:
        raise LimitExceeded(f"too many parts in the archive ({len(infos)})")
    for info in infos:
        offset = info.header_offset
        header = data[offset : offset + 30]
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ExtractionError(f"{name}: damaged Office document (bad zip entry)")
        method = struct.unpack("<H", header[8:10])[0]
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        begin = offset + 30 + name_len + extra_len
        if method == zipfile.ZIP_STORED:
            counter.add(min(info.compress_size, max(0, len(data) - begin)))
        elif method == zipfile.ZIP_DEFLATED:
            xml = info.filename.lower().endswith((".xml", ".rels"))
            if not _inflate(data, begin, len(data), counter, -15, entities=xml):
                raise ExtractionError(f"{name}: damaged Office document (bad compressed data)")
        else:
            raise ExtractionError(f"{name}: unsupported compression in the archive")
    return [i.filename for i in infos]


_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")


def check_pdf(data: bytes, limit: int | None = None) -> None:
    """Inflate every Flate-compressed stream of a PDF, counting, before the PDF library does.

    Streams that are not zlib data (images in other filters, plain text) are
    skipped; the memory limit of the reading process covers those.
    """
    counter = _Counter(max_expanded_bytes() if limit is None else limit)
    pos = 0
    while (m := _STREAM.search(data, pos)) is not None:
        if data[max(0, m.start() - 3) : m.start()] == b"end":
            pos = m.end()
            continue
        start = m.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        _inflate(data, start, end, counter, zlib.MAX_WBITS, entities=False)
        pos = end + 1
