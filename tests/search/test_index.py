"""The index follows the records: each kind is indexed when saved, updated when changed,
removed when deleted, and ``concord rebuild_search`` makes it again from nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from concord.imports.models import Document, DocumentStatus
from concord.lib.access import Viewer
from concord.search.models import SearchEntry
from tests.factories import make_action, make_body, make_decision, make_item, make_meeting
from tests.performance.perf_factories import make_indicator

EVERYONE = Viewer(user_id=1, is_secretariat=True)


def found(query: str, kind: str = "") -> list[str]:
    """Titles the secretariat finds (it may see everything)."""
    entries = SearchEntry.objects.search(query, EVERYONE, kinds=[kind] if kind else [])
    return [e.title for e in entries]


def entry(record, kind: str) -> SearchEntry:
    return SearchEntry.objects.get(kind=kind, object_id=record.pk)


def make_document(**kwargs) -> Document:
    text = kwargs.setdefault("text", "Minutes of the Harrowby board")
    kwargs.setdefault("sha256", hashlib.sha256(text.encode()).hexdigest())
    kwargs.setdefault("filename", "minutes.txt")
    return Document.objects.create(**kwargs)


@pytest.mark.django_db
def test_an_item_is_indexed_updated_and_removed_with_its_minute_text() -> None:
    item = make_item(title="Allotments", minute_text="Waiting lists for allotment plots.")
    assert found("plots") == [f"{item.number}. Allotments"]
    item.minute_text = "Beekeeping on the allotments."
    item.save()
    assert found("plots") == []
    assert found("beekeeping") == [f"{item.number}. Allotments"]
    item.delete()
    assert found("beekeeping") == []
    assert not SearchEntry.objects.filter(kind="item").exists()


@pytest.mark.django_db
def test_a_decision_is_indexed_under_its_item_and_follows_the_items_title() -> None:
    decision = make_decision(item=make_item(number="4", title="Libraries"), text="to extend hours")
    assert found("hours", "decision") == ["Agreed: 4. Libraries"]
    decision.item.title = "Library opening"
    decision.item.save()
    assert found("hours", "decision") == ["Agreed: 4. Library opening"]
    decision.delete()
    assert found("hours") == []


@pytest.mark.django_db
def test_a_meeting_carries_its_body_and_date_to_its_items_and_decisions() -> None:
    body, other = make_body(name="Harrowby Health Board"), make_body(name="Riverside Forum")
    meeting = make_meeting(body=body, date=dt.date(2025, 1, 9), venue="Guildhall annexe")
    decision = make_decision(item=make_item(meeting=meeting), text="to commission a survey")
    assert entry(meeting, "meeting").title == "Harrowby Health Board, 9 January 2025"
    assert found("guildhall") == ["Harrowby Health Board, 9 January 2025"]
    meeting.date, meeting.body = dt.date(2025, 2, 13), other
    meeting.save()
    for record, kind in ((meeting, "meeting"), (decision.item, "item"), (decision, "decision")):
        assert (entry(record, kind).date, entry(record, kind).body_id) == (meeting.date, other.pk)
    other.name = "Riverside Partnership Forum"
    other.save()
    assert found("guildhall") == ["Riverside Partnership Forum, 13 February 2025"]


@pytest.mark.django_db
def test_deleting_a_meeting_takes_its_items_and_decisions_out() -> None:
    meeting = make_meeting()
    make_decision(item=make_item(meeting=meeting, minute_text="skatepark"), text="skatepark")
    assert len(found("skatepark")) == 2
    meeting.delete()
    assert found("skatepark") == []
    assert SearchEntry.objects.count() == 0


@pytest.mark.django_db
def test_an_action_is_indexed_updated_and_removed() -> None:
    action = make_action(description="Survey the towpath lighting")
    assert found("towpath", "action") == ["Survey the towpath lighting"]
    action.description = "Survey the canal lighting"
    action.save()
    assert found("towpath") == [] and found("canal") == ["Survey the canal lighting"]
    action.delete()
    assert found("canal") == []


@pytest.mark.django_db
def test_only_a_confirmed_import_is_indexed_and_undoing_it_takes_it_out() -> None:
    meeting = make_meeting(date=dt.date(2024, 5, 2))
    document = make_document(text="Tabled: the flood resilience plan", status=DocumentStatus.REVIEW)
    assert found("flood") == []
    document.status, document.meeting = DocumentStatus.CONFIRMED, meeting
    document.save()
    assert found("flood", "document") == ["minutes.txt"]
    assert entry(document, "document").date == dt.date(2024, 5, 2)
    document.status = DocumentStatus.REVIEW  # what undoing a confirmation does
    document.save()
    assert found("flood") == []
    document.status = DocumentStatus.CONFIRMED
    document.save()
    document.delete()
    assert found("flood") == []


@pytest.mark.django_db
def test_an_indicator_is_indexed_by_code_title_and_definition() -> None:
    indicator = make_indicator(
        code="HB 7", title="Homes insulated", definition="Homes given loft insulation."
    )
    assert found("loft", "indicator") == ["HB 7 Homes insulated"]
    indicator.definition = "Homes given cavity wall insulation."
    indicator.save()
    assert found("loft") == [] and found("cavity") == ["HB 7 Homes insulated"]
    indicator.delete()
    assert found("cavity") == []


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_leaves_the_index_as_it_was() -> None:
    item = make_item(minute_text="orchard")
    with pytest.raises(RuntimeError), transaction.atomic():
        item.minute_text = "vineyard"
        item.save()
        raise RuntimeError("the save fails after the item was written")
    assert found("orchard") == [item.__str__()]
    assert found("vineyard") == []


@pytest.mark.django_db
def test_the_rebuild_command_indexes_records_written_past_the_signals() -> None:
    item = make_item(title="Open spaces", minute_text="Wildflower verges.")
    make_indicator(code="OS 1", title="Verges managed for wildlife")
    SearchEntry.objects.all().delete()
    item.minute_text = "Wildflower verges and hedgerows."
    type(item).objects.filter(pk=item.pk).update(minute_text=item.minute_text)  # no signal
    assert found("hedgerows") == []
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search", stdout=out, stderr=err)
    assert found("hedgerows") == [f"{item.number}. Open spaces"]
    assert sorted(found("verges")) == [
        f"{item.number}. Open spaces",
        "OS 1 Verges managed for wildlife",
    ]
    assert out.getvalue().splitlines()[-1] == (
        f"{SearchEntry.objects.count()} entries in the search index."
    )
    assert "indicator" in err.getvalue()  # the progress bar names what it indexes


@pytest.mark.django_db
def test_rebuilding_twice_gives_the_same_index() -> None:
    make_decision(text="to plant trees")
    call_command("rebuild_search", "--no-progress", stdout=io.StringIO())
    first = sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "text"))
    call_command("rebuild_search", "--no-progress", stdout=io.StringIO())
    assert sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "text")) == first
    assert found("trees", "decision")


@pytest.mark.django_db
def test_an_actions_progress_notes_are_found_with_it() -> None:
    from concord.actions.models import ActionUpdate

    action = make_action(description="Repair the bandstand")
    update = ActionUpdate.objects.create(
        action=action, note="Quote received from the joiners.", status_after="open"
    )
    assert found("joiners", "action") == ["Repair the bandstand"]
    update.delete()
    assert found("joiners") == []
    ActionUpdate.objects.create(action=action, note="Joiners booked.", status_after="open")
    action.delete()
    assert found("joiners") == [] and not SearchEntry.objects.filter(kind="action").exists()
