"""Meeting papers' files in search (issue 14): the text of a Word or PDF paper, read by the
worker through the guarded reader, is found with the paper and only by those who may see the
paper; of a paper on a restricted item only the reason is indexed, never its text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from concord.governance.access import build_viewer
from concord.meetings.models import Paper
from concord.search.models import PaperText, SearchEntry
from concord.search.papers import read_paper
from tests.ingest.builders import to_docx, to_pdf
from tests.personas import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world(editor=True)


def paper(item, title: str, lines: list[str], tmp_path: Path, kind: str = "docx") -> Paper:
    path = tmp_path / f"{title[:8]}.{kind}"
    (to_docx if kind == "docx" else to_pdf)(lines, path)
    return Paper.objects.create(
        item=item, title=title, file=ContentFile(path.read_bytes(), name=path.name), sha256=kind
    )


def finders(world, query: str) -> set[str]:
    found = set()
    for role in ("anonymous", "partner", "board_member", "tasking_member", "secretariat"):
        user = None if role == "anonymous" else getattr(world, role)
        if SearchEntry.objects.search(query, build_viewer(user)).exists():
            found.add(role)
    return found


def test_a_papers_file_is_read_by_the_worker_and_found_with_the_paper(world, tmp_path):
    public = paper(
        world.public_item, "Patrol plan", ["Hedgehog crossings near the ring road"], tmp_path
    )
    pdf = paper(world.public_item, "Budget", ["Marmalade budget line"], tmp_path, "pdf")
    queued = DBTaskResult.objects.filter(task_path__endswith="read_paper_text")
    assert queued.count() == 2  # the save queued the reading; the web server read nothing
    assert finders(world, "hedgehog") == set()
    assert read_paper(public.pk) == "read"
    assert read_paper(pdf.pk) == "read"
    assert read_paper(public.pk) == "already read"  # idempotent
    everyone = {"anonymous", "partner", "board_member", "tasking_member", "secretariat"}
    assert finders(world, "hedgehog") == everyone
    assert finders(world, "marmalade") == everyone
    (entry,) = SearchEntry.objects.search("hedgehog", build_viewer(None))
    assert entry.kind == "paper" and entry.title == "Patrol plan"


def test_a_restricted_papers_text_is_never_indexed_only_its_reason(world, tmp_path):
    secret = paper(
        world.secret_item, "Tender scores", ["Wolverine Security scored highest"], tmp_path
    )
    assert read_paper(secret.pk) == "read"
    assert "Wolverine" in PaperText.objects.get(paper=secret).text
    entry = SearchEntry.objects.get(kind="paper", object_id=secret.pk)
    assert "Wolverine" not in entry.text and world.secret_item.restriction_reason in entry.text
    assert finders(world, "wolverine") == set()
    assert finders(world, "tender") == {"board_member", "secretariat"}


def test_a_members_only_bodys_paper_reaches_its_members_only(world, tmp_path):
    item = world.private_action.item
    hidden = paper(item, "Offender list", ["Narwhal operation"], tmp_path)
    read_paper(hidden.pk)
    assert finders(world, "narwhal") == {"tasking_member", "secretariat"}


def test_an_unreadable_file_keeps_its_reason_and_the_paper_its_title(world, tmp_path):
    broken = Paper.objects.create(
        item=world.public_item,
        title="Broken annex",
        file=ContentFile(b"%PDF-1.7 not really", name="annex.pdf"),
        sha256="broken",
    )
    assert read_paper(broken.pk).startswith("not read:")
    assert PaperText.objects.get(paper=broken).error
    assert finders(world, "annex") >= {"anonymous"}


def test_rebuilding_the_index_reads_papers_saved_before_their_text_was_indexed(world, tmp_path):
    """Papers whose text is missing (saved before papers were read, or their reading lost)
    or stale (read from another file) are read by ``concord rebuild_search``, each through
    the guarded reader; a failure keeps its reason and the rest go on."""
    word = paper(world.public_item, "Parks plan", ["Otters returning to the canal"], tmp_path)
    pdf = paper(world.public_item, "Annual budget", ["Quince orchard grant"], tmp_path, "pdf")
    secret = paper(world.secret_item, "Tender", ["Wolverine Security scored"], tmp_path)
    broken = Paper.objects.create(
        item=world.public_item,
        title="Broken annex",
        file=ContentFile(b"%PDF-1.7 not really", name="annex.pdf"),
        sha256="broken",
    )
    lost = paper(world.public_item, "Lost file", ["Nothing"], tmp_path)
    lost.file.storage.delete(lost.file.name)
    stale = paper(world.public_item, "Replaced", ["Pelican crossing"], tmp_path)
    PaperText.objects.create(paper=stale, sha256="an older file", text="Gannet colony")
    SearchEntry.objects.filter(kind="paper").delete()  # as if indexed before papers were read
    assert finders(world, "otters") == set()

    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search", stdout=out, stderr=err)

    everyone = {"anonymous", "partner", "board_member", "tasking_member", "secretariat"}
    assert finders(world, "otters") == everyone  # the Word paper
    assert finders(world, "quince") == everyone  # the PDF
    assert finders(world, "pelican") == everyone and finders(world, "gannet") == set()
    assert PaperText.objects.get(paper=stale).sha256 == stale.sha256
    # The restricted paper's text is kept but indexed with its reason only, as always.
    assert "Wolverine" in PaperText.objects.get(paper=secret).text
    assert finders(world, "wolverine") == set()
    # Each failure has its reason, on its record and on the command line.
    assert PaperText.objects.get(paper=broken).error
    assert "could not be opened" in PaperText.objects.get(paper=lost).error
    assert f"Paper {broken.pk} not read:" in err.getvalue()
    assert f"Paper {lost.pk} not read: The file could not be opened" in err.getvalue()
    assert "paper files" in err.getvalue()  # the progress bar
    assert out.getvalue().startswith("4 papers' files read, 2 not read.\n")
    assert {word.pk, pdf.pk} <= set(PaperText.objects.values_list("paper", flat=True))

    # A second rebuild reads nothing again: every file is read as it is now.
    out = io.StringIO()
    call_command("rebuild_search", "--no-progress", stdout=out, stderr=io.StringIO())
    assert out.getvalue().startswith("0 papers' files read, 0 not read.\n")
    assert finders(world, "otters") == everyone
