"""Background tasks of search (django-tasks; ``concord worker`` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def read_paper_text(paper_id: int) -> str:
    """Read a meeting paper's file for search (``concord.search.papers.read_paper``)."""
    from concord.search.papers import read_paper

    return read_paper(paper_id)
