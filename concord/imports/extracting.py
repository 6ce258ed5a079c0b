"""Reading one file into text and a record, in whichever process runs it.

Kept free of Django so that ``concord import --jobs N`` can run it in a pool
of worker processes while the main process writes to the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from concord.imports.storage import extractor_version


@dataclass
class Extracted:
    """What reading a file gave: its text and record, or the one-line reason it failed."""

    text: str = ""
    record: dict[str, Any] | None = None
    error: str = ""
    version: str = ""


def extract_file(path: str | Path, filename: str, max_bytes: int) -> Extracted:
    """Read ``path`` (named ``filename``: the name's extension picks the reader).

    Never raises for a bad document: the reason is returned in ``error``.
    """
    from concord.ingest import ExtractionError, read_document
    from concord.ingest.extraction import extract_record

    version = extractor_version()
    try:
        text = read_document(Path(path), filename=filename, max_bytes=max_bytes)
        plain = text.plain()
        try:
            record = extract_record(text, Path(filename).name)
        except RecursionError:
            raise ExtractionError("document too deeply nested to extract")
    except ExtractionError as exc:
        return Extracted(error=_without_name(str(exc), filename), version=version)
    except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
        return Extracted(error=f"could not be read ({type(exc).__name__})", version=version)
    return Extracted(text=plain, record=record.to_dict(), version=version)


def _without_name(message: str, filename: str) -> str:
    """Drop a leading ``"name: "`` (the upload row already shows the name).

    >>> _without_name("m.pdf: PDF is encrypted", "m.pdf")
    'PDF is encrypted'
    """
    for prefix in (f"{filename}: ", f"{Path(filename).name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
