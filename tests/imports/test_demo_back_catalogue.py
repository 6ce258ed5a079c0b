"""The demo's back catalogue is imported through the importer, with a review trail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from concord.actions.models import ActionUpdate
from concord.demo.back_catalogue import import_back_catalogue
from concord.demo.partnership import build_demo_partnership
from concord.imports.models import Document, MergeProposal, OrganisationMergeProposal
from concord.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_imports_its_earlier_minutes_in_four_formats(tmp_path: Path):
    build_demo_partnership(scale=0.2, today=dt.date(2026, 6, 1))
    before = Meeting.objects.count()
    result = import_back_catalogue(tmp_path)
    assert result == {
        "documents": 6, "imported": 6, "failed": 0, "confirmed": 4, "merge_proposals": 3,
    }  # fmt: skip
    assert Meeting.objects.count() == before + 4  # the latest of each body awaits review
    extensions = set(Document.objects.values_list("extension", flat=True))
    assert extensions == {".txt", ".html", ".docx", ".pdf"}
    confirmed = Document.objects.filter(status="confirmed")
    assert all(d.confirmed_by.username == "secretariat" for d in confirmed)
    # A back catalogue: approved before Concord, at no meeting Concord knows.
    assert all(d.meeting.minutes_status == "approved" for d in confirmed)
    assert all(d.meeting.approved_at is None for d in confirmed)
    assert all(d.meeting is None for d in Document.objects.filter(status="review"))
    assert Document.objects.filter(status="review").count() == 2
    assert set(MergeProposal.objects.values_list("status", flat=True)) == {"open"}
    # Two people spelt differently, and the minute-taker's team written with a suffix.
    assert MergeProposal.objects.count() == 2
    assert OrganisationMergeProposal.objects.get().reason == "one name has more words"
    # Each restated action is one action with a note from the later meeting.
    # (the two latest, still in review, have not noted theirs yet)
    assert ActionUpdate.objects.filter(meeting__documents__isnull=False).count() == 2
    assert all((tmp_path / "documents" / d.stored_path).is_file() for d in Document.objects.all())
