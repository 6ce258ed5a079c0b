"""The text of meeting papers' files in search, read by the worker, never the web server.

Saving a paper queues :func:`concord.search.tasks.read_paper` (after commit)
when its file has not been read as it is now. The worker reads the file
with the importer's guarded reader (a child process with memory, time and
decompression limits, ``concord.imports.guard``), keeps the text in
:class:`~concord.search.models.PaperText` and refreshes the paper's entry.
A file that cannot be read keeps its reason and is found by its title only.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Model

from concord.imports.guard import limits_from_settings, read_guarded
from concord.meetings.models import Paper
from concord.search.models import PaperText

MAX_ERROR = 300


def needs_reading(paper: Paper) -> bool:
    """Has the file changed since it was last read (or never been read)?"""
    return not PaperText.objects.filter(paper=paper, sha256=paper.sha256).exists()


def read_paper(paper_id: int) -> str:
    """Read a paper's file (guarded), keep its text and refresh its entry; returns
    what happened, in words. Idempotent: a file already read as it is is not read again."""
    from concord.search.indexing import refresh

    paper = Paper.objects.select_related("item__meeting").filter(pk=paper_id).first()
    if paper is None:
        return "gone"
    if not needs_reading(paper):
        return "already read"
    with tempfile.TemporaryDirectory(prefix="concord-paper-") as folder:
        name = Path(paper.file.name).name or "paper"
        copy = Path(folder) / name
        with paper.file.open("rb") as source, copy.open("wb") as target:
            shutil.copyfileobj(source, target)
        result = read_guarded(copy, name, limits_from_settings())
    with transaction.atomic():
        PaperText.objects.update_or_create(
            paper=paper,
            defaults={
                "sha256": paper.sha256,
                "text": "" if result.error else str(result.text),
                "error": str(result.error)[:MAX_ERROR],
            },
        )
        refresh([Paper.objects.select_related("item__meeting", "search_text").get(pk=paper.pk)])
    return f"not read: {result.error}" if result.error else "read"


def paper_saved(sender: type[Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Queue the reading of a paper's file once the save has committed."""
    from concord.search.tasks import read_paper_text

    if not raw and instance.file and needs_reading(instance):
        transaction.on_commit(partial(read_paper_text.enqueue, instance.pk))
