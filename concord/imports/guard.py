"""Guarded reading: every document is read in a child process with a memory and a time limit.

A document is hostile until read. The reader and the extractor run in a
child process (multiprocessing's ``forkserver``: a clean, Django-free
process that has already imported the readers, forked once per document)
whose address space is capped with ``RLIMIT_AS`` and which is killed when
it runs past its time limit. Decompressed sizes are checked while
inflating (``concord.ingest.limits``). Whatever happens in the child, the
caller gets an :class:`~concord.imports.extracting.Extracted` back, with
the reason in words when the document was refused:

* "document expands beyond 200 MB when decompressed";
* "reading took longer than 120 s";
* "needs more than 400 MB of memory".

The web server never calls this: uploads are stored and queued, and the
worker (``concord worker``) or ``concord import`` read them. No Django
import at module level, so the child stays light.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

MB = 1024 * 1024

# Imported once in the fork server, so each child starts with them loaded.
_PRELOAD = [
    "concord.imports.extracting",
    "concord.ingest.extraction",
    "concord.ingest.readers.plain",
    "concord.ingest.readers.htmlpage",
    "concord.ingest.readers.docx",
    "concord.ingest.readers.pdf",
    "bs4",
    "docx",
    "pdfplumber",
]


@dataclass(frozen=True)
class ReadLimits:
    """What reading one document may cost (the site's values: :func:`limits_from_settings`)."""

    max_bytes: int = 50 * MB
    memory_bytes: int = 400 * MB
    seconds: float = 120.0
    expanded_bytes: int = 200 * MB
    max_items: int = 300
    max_actions: int = 500
    # How often a waiting parent reports that it is alive (the worker's heartbeat).
    beat_seconds: float = 10.0


def limits_from_settings() -> ReadLimits:
    """The limits configured for this site (``CONCORD_READ_*``, ``CONCORD_IMPORT_MAX_*``)."""
    from django.conf import settings

    return ReadLimits(
        max_bytes=int(settings.CONCORD_MAX_UPLOAD_BYTES),
        memory_bytes=int(settings.CONCORD_READ_MEMORY_MB) * MB,
        seconds=float(settings.CONCORD_READ_TIMEOUT_SECONDS),
        expanded_bytes=int(settings.CONCORD_READ_MAX_EXPANDED_MB) * MB,
        max_items=int(settings.CONCORD_IMPORT_MAX_ITEMS),
        max_actions=int(settings.CONCORD_IMPORT_MAX_ACTIONS),
        beat_seconds=max(1.0, float(settings.CONCORD_WORKER_HEARTBEAT_TIMEOUT) / 6),
    )


def memory_reason(limits: ReadLimits) -> str:
    """
    >>> memory_reason(ReadLimits(memory_bytes=400 * MB))
    'needs more than 400 MB of memory'
    """
    return f"needs more than {limits.memory_bytes // MB} MB of memory"


def time_reason(limits: ReadLimits) -> str:
    """
    >>> time_reason(ReadLimits(seconds=120))
    'reading took longer than 120 s'
    """
    return f"reading took longer than {limits.seconds:g} s"


_context_lock = threading.Lock()
_context: dict[str, Any] = {}


def _mp_context() -> Any:
    with _context_lock:
        if "ctx" not in _context:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _context["ctx"] = ctx
        return _context["ctx"]


def read_guarded(
    path: str | Path,
    filename: str,
    limits: ReadLimits,
    heartbeat: Callable[[], None] | None = None,
) -> Any:
    """Read ``path`` in a limited child process; return its ``Extracted`` (never raises for it).

    ``heartbeat`` is called every ``limits.beat_seconds`` while the child
    reads, so a worker that waits on a long document is not taken for dead.
    """
    from concord.imports.extracting import Extracted
    from concord.imports.storage import extractor_version

    ctx = _mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child_main,
        args=(str(path), filename, limits, sender),
        name=f"concord-read-{Path(filename).name[:40]}",
        daemon=True,
    )
    child.start()
    sender.close()
    deadline = time.monotonic() + limits.seconds
    result: Any = None
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return Extracted(error=time_reason(limits), version=extractor_version())
            if receiver.poll(min(remaining, limits.beat_seconds)):
                try:
                    result = receiver.recv()
                except (EOFError, OSError):
                    result = None  # the child died without answering
                break
            if heartbeat is not None:
                heartbeat()
    finally:
        receiver.close()
        exitcode = _stop(child)
    if result is None:
        return Extracted(error=_death_reason(exitcode, limits), version=extractor_version())
    # The version is this process's (the child runs the same code, forked earlier).
    result.version = extractor_version()
    return result


def _stop(child: Any) -> int | None:
    """Reap the child (killing it if it still runs); its exit code."""
    child.join(timeout=1)
    if child.is_alive():
        child.kill()
        child.join()
    exitcode: int | None = child.exitcode
    child.close()
    return exitcode


def _death_reason(exitcode: int | None, limits: ReadLimits) -> str:
    """Why a child stopped without an answer (killed for memory, most likely).

    >>> _death_reason(-9, ReadLimits(memory_bytes=400 * MB))
    'needs more than 400 MB of memory (the reading process was killed)'
    """
    if exitcode is not None and exitcode < 0 and -exitcode in (signal.SIGKILL, signal.SIGSEGV):
        return f"{memory_reason(limits)} (the reading process was killed)"
    return f"the reading process stopped unexpectedly (exit code {exitcode})"


def _child_main(path: str, filename: str, limits: ReadLimits, sender: Connection) -> None:
    """In the child: cap the address space, read, send the result back."""
    import resource

    from concord.imports.extracting import extract_here
    from concord.ingest import limits as ingest_limits

    # Only the soft limit: LibreOffice, started from here for .doc/.rtf/.odt, lifts it again.
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = limits.memory_bytes if hard == resource.RLIM_INFINITY else min(limits.memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    # A backstop if the parent dies and cannot kill it: CPU time past the limit ends it.
    seconds = int(limits.seconds) + 5
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or hard > seconds:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, hard))
    ingest_limits.set_max_expanded_bytes(limits.expanded_bytes)
    try:
        result = extract_here(path, filename, limits, memory_reason=memory_reason(limits))
    except MemoryError:
        from concord.imports.extracting import Extracted

        result = Extracted(error=memory_reason(limits))
    try:
        sender.send(result)
    except MemoryError:
        os._exit(1)
    sender.close()
