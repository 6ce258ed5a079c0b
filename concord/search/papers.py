"""The text of meeting papers' files in search, read by the worker, never the web server.

Saving a paper queues :func:`concord.search.tasks.read_paper` (after commit)
when its file has not been read as it is now. The worker reads the file
with the importer's guarded reader (a child process with memory, time and
decompression limits, ``concord.imports.guard``), keeps the text in
:class:`~concord.search.models.PaperText` and refreshes the paper's entry.
A file that cannot be read keeps its reason and is found by its title only.

``concord rebuild_search`` also reads, one by one through the same guarded
reader, every paper whose text is missing or was read from another file
(:func:`read_unread_papers`): papers saved before their text was indexed,
or whose reading was lost with a queue.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Exists, Model, OuterRef

from concord.imports.guard import limits_from_settings, read_guarded
from concord.meetings.models import Paper, PaperQuerySet
from concord.search.models import PaperText

MAX_ERROR = 300


def needs_reading(paper: Paper) -> bool:
    """Has the file changed since it was last read (or never been read)?"""
    return not PaperText.objects.filter(paper=paper, sha256=paper.sha256).exists()


def unread_papers() -> PaperQuerySet:
    """Papers with a file whose text is missing or was read from another file (by sha256)."""
    read = PaperText.objects.filter(paper=OuterRef("pk"), sha256=OuterRef("sha256"))
    return Paper.objects.exclude(file="").filter(~Exists(read))


def read_paper(paper_id: int, index: bool = True) -> str:
    """Read a paper's file (guarded), keep its text and refresh its entry (unless
    ``index`` is false); returns what happened, in words. Idempotent: a file already read
    as it is is not read again. A file missing from storage is kept as its reason."""
    from concord.search.indexing import refresh

    paper = Paper.objects.select_related("item__meeting").filter(pk=paper_id).first()
    if paper is None:
        return "gone"
    if not needs_reading(paper):
        return "already read"
    with tempfile.TemporaryDirectory(prefix="concord-paper-") as folder:
        name = Path(paper.file.name).name or "paper"
        copy = Path(folder) / name
        try:
            with paper.file.open("rb") as source, copy.open("wb") as target:
                shutil.copyfileobj(source, target)
        except OSError as exc:
            text, error = "", f"The file could not be opened: {exc.__class__.__name__}."
        else:
            result = read_guarded(copy, name, limits_from_settings())
            text, error = ("", str(result.error)) if result.error else (str(result.text), "")
    with transaction.atomic():
        PaperText.objects.update_or_create(
            paper=paper,
            defaults={"sha256": paper.sha256, "text": text, "error": error[:MAX_ERROR]},
        )
        if index:
            refresh([Paper.objects.select_related("item__meeting", "search_text").get(pk=paper.pk)])
    return f"not read: {error}" if error else "read"


@dataclass
class Reading:
    """What :func:`read_unread_papers` did: papers read, and each failure with its reason."""

    read: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def read_unread_papers(
    progress: Callable[[int, int], None] | None = None, index: bool = True
) -> Reading:
    """Read every unread or stale paper's file (:func:`unread_papers`), one at a time in
    the guarded child process (memory bounded: only ids are held, and one file's text).

    A paper that cannot be read keeps its reason in its ``PaperText`` and the rest
    go on. ``progress(done, total)`` is told after each paper. ``index=False`` leaves
    the entries to a rebuild that follows."""
    ids = list(unread_papers().order_by("pk").values_list("pk", flat=True))
    reading = Reading()
    for done, paper_id in enumerate(ids, 1):
        outcome = read_paper(paper_id, index=index)
        if outcome == "read":
            reading.read += 1
        elif outcome.startswith("not read: "):
            reading.failed.append((paper_id, outcome.removeprefix("not read: ")))
        if progress:
            progress(done, len(ids))
    return reading


def paper_saved(sender: type[Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Queue the reading of a paper's file once the save has committed."""
    from concord.search.tasks import read_paper_text

    if not raw and instance.file and needs_reading(instance):
        transaction.on_commit(partial(read_paper_text.enqueue, instance.pk))
