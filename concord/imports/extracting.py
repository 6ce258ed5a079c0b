"""Reading one file into text and a record, guarded, in whichever process asks.

:func:`extract_file` reads in a limited child process (``guard.py``);
:func:`extract_here` is what that child runs. Kept free of Django so that
the child stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from concord.imports.storage import extractor_version

if TYPE_CHECKING:
    from concord.imports.guard import ReadLimits
    from concord.ingest.record import MeetingRecord


@dataclass
class Extracted:
    """What reading a file gave: its text and record, or the one-line reason it failed.

    ``warnings`` say what was read but left out (items or actions over the limit).
    ``evidence`` is where each field of the record came from in ``text``
    (:func:`concord.ingest.evidence.locate_evidence`).
    """

    text: str = ""
    record: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    error: str = ""
    version: str = ""
    warnings: list[str] = field(default_factory=list)


def extract_file(
    path: str | Path,
    filename: str,
    max_bytes: int | None = None,
    *,
    limits: ReadLimits | None = None,
    heartbeat: Callable[[], None] | None = None,
) -> Extracted:
    """Read ``path`` (named ``filename``: the name's extension picks the reader), guarded.

    Runs the reader in a child process with the memory, time and
    decompression limits of ``limits`` (the defaults, with ``max_bytes`` as
    the file size limit, when not given). Never raises for a bad document:
    the reason is returned in ``error``.
    """
    from concord.imports.guard import ReadLimits, read_guarded

    if limits is None:
        limits = ReadLimits() if max_bytes is None else ReadLimits(max_bytes=max_bytes)
    result: Extracted = read_guarded(path, filename, limits, heartbeat)
    return result


def extract_here(
    path: str | Path, filename: str, limits: ReadLimits, *, memory_reason: str = ""
) -> Extracted:
    """Read ``path`` in this process (the guarded child calls this; so may tests)."""
    from concord.ingest import ExtractionError, read_document
    from concord.ingest.evidence import locate_evidence
    from concord.ingest.extraction import extract_record
    from concord.ingest.limits import LimitExceeded, OutOfMemory

    version = extractor_version()
    try:
        text = read_document(Path(path), filename=filename, max_bytes=limits.max_bytes)
        plain = text.plain()
        try:
            record = extract_record(text, Path(filename).name)
        except RecursionError:
            raise ExtractionError("document too deeply nested to extract")
    except MemoryError:
        return Extracted(error=memory_reason or "document too large to read", version=version)
    except OutOfMemory as exc:
        return Extracted(error=memory_reason or _without_name(str(exc), filename), version=version)
    except LimitExceeded as exc:
        return Extracted(error=str(exc), version=version)
    except ExtractionError as exc:
        return Extracted(error=_without_name(str(exc), filename), version=version)
    except Exception as exc:  # one bad document never stops a batch
        return Extracted(error=f"could not be read ({type(exc).__name__})", version=version)
    warnings = keep_within_limits(record, limits.max_items, limits.max_actions)
    try:
        evidence = locate_evidence(record, plain)
    except (MemoryError, RecursionError):
        evidence = None  # the record stands without it; the review shows no highlights
    return Extracted(
        text=plain, record=record.to_dict(), evidence=evidence, version=version, warnings=warnings
    )


def keep_within_limits(record: MeetingRecord, max_items: int, max_actions: int) -> list[str]:
    """Cut a record's items and actions to the limits; say what was left out, in words.

    A 5,000-item document is imported with its first ``max_items`` items and
    a warning, never silently cut.

    >>> from concord.ingest.record import Action, Item, MeetingRecord
    >>> r = MeetingRecord(items=[Item(str(n), "x") for n in range(5)], actions=[Action("a")])
    >>> keep_within_limits(r, 3, 10), len(r.items)
    (['only the first 3 of 5 items were imported: items 3 to 4 were left out'], 3)
    """
    warnings = []
    if len(record.items) > max_items:
        first, last = record.items[max_items].number, record.items[-1].number
        warnings.append(
            f"only the first {max_items:,} of {len(record.items):,} items were imported: "
            f"items {first} to {last} were left out"
        )
        record.items = record.items[:max_items]
    if len(record.actions) > max_actions:
        warnings.append(
            f"only the first {max_actions:,} of {len(record.actions):,} actions were imported: "
            f"{len(record.actions) - max_actions:,} were left out"
        )
        record.actions = record.actions[:max_actions]
    return warnings


def _without_name(message: str, filename: str) -> str:
    """Drop a leading ``"name: "`` (the upload row already shows the name).

    >>> _without_name("m.pdf: PDF is encrypted", "m.pdf")
    'PDF is encrypted'
    """
    for prefix in (f"{filename}: ", f"{Path(filename).name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
