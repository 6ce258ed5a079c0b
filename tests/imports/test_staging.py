"""Staged import (issue 10, problems 1–4): nothing is recorded before a person confirms it,
confirming is not approving, the review form has fields, and imports can be undone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.actions.models import Action, ActionUpdate
from concord.governance.models import Body, Visibility
from concord.imports import applying
from concord.imports.models import Document, MergeProposal
from concord.imports.review import (
    Approval,
    confirm_document,
    delete_register_entry,
    discard_document,
    undo_confirmation,
)
from concord.imports.review_forms import picker_choices
from concord.imports.services import ApplyError, import_paths, process_document
from concord.lib.access import Viewer
from concord.meetings.models import Declaration, Meeting
from concord.people.models import Organisation, Person
from tests.factories import make_body, make_meeting, make_person, make_secretariat_user
from tests.imports.crawl import crawl_public, found
from tests.imports.minutes import FIRST, SECOND
from tests.imports.sentinel import SENTINEL, SENTINEL_MINUTES
from tests.imports.staging import confirm_all, import_confirmed, review_data
from tests.ingest.builders import to_txt

pytestmark = pytest.mark.django_db


@pytest.fixture
def sec(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def _upload(client, name, spec):
    """Upload through the page and process it as the worker would (no thread)."""
    upload = SimpleUploadedFile(name, to_txt(spec).encode())
    client.post(reverse("imports:list"), {"files": [upload], "body": ""})
    document = Document.objects.get(filename=name)
    process_document(document.pk)
    document.refresh_from_db()
    return document


def _register() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Body, Meeting, Person, Organisation, MergeProposal))


def _confirm(client, document, **data):
    document.refresh_from_db()
    data.setdefault("minutes", "draft")
    return client.post(
        reverse("imports:confirm", args=[document.pk]),
        {"opened_version": document.version, **data},
    )


# -- problem 1: an upload under review changes nothing public ---------------------------


def test_an_upload_under_review_shows_nowhere_public(sec, client):
    make_meeting(body=make_body(name="Larkspur Community Safety Board"))
    before = _register()
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    assert document.status == "review" and document.meeting is None
    assert _register() == before  # no body, meeting, person, organisation or proposal yet
    review = sec.get(reverse("imports:review", args=[document.pk]))
    assert b"create a new body" in review.content  # said, not done
    pages = crawl_public(client)
    assert len(pages) > 8 and "/calendar.ics" in pages and "/popolo.json" in pages
    assert found(pages, SENTINEL) == []
    # The crawl would have seen it: once confirmed, the new public body's meeting shows.
    sec.force_login(make_secretariat_user())
    assert _confirm(sec, document).status_code == 302
    assert found(crawl_public(client), "Quillfeather Riverside Forum")


def test_choosing_the_right_body_on_review_leaves_nothing_behind(sec):
    board = make_body(name="Larkspur Community Safety Board")
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    url = reverse("imports:review", args=[document.pk])
    data = review_data(sec.get(url).context["forms"])
    data["body_id"] = board.pk
    assert sec.post(url, data).status_code == 302
    assert _confirm(sec, document).status_code == 302
    assert Meeting.objects.get().body == board
    assert not Body.objects.filter(name__startswith="Quillfeather").exists()


# -- problem 2: the register fills only on confirm, with what the reviewer kept ---------------


def test_names_run_together_are_split_and_unwanted_rows_never_reach_the_register(sec):
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    assert not Person.objects.exists() and not Organisation.objects.exists()
    url = reverse("imports:review", args=[document.pk])
    data = review_data(sec.get(url).context["forms"])
    # As if the extractor had read the apologies line as one person, and an
    # organisation as another: the reviewer splits the one and removes the other.
    data["att-2-name"] = "Orrin Quillvale; Brisa Quilltamsin; Cato Quillwren"
    data["att-2-split"] = "on"
    data["att-3-name"] = "Quillmore Canoe Club"
    data["att-3-DELETE"] = "on"
    data["att-4-DELETE"] = "on"
    assert sec.post(url, data).status_code == 302
    assert not Person.objects.exists()
    _confirm(sec, document)
    meeting = Meeting.objects.get()
    apologies = meeting.attendances.filter(status="apologies").values_list(
        "person__name", flat=True
    )
    assert sorted(apologies) == ["Brisa Quilltamsin", "Cato Quillwren", "Orrin Quillvale"]
    assert not Person.objects.filter(name__icontains="Canoe").exists()


def test_the_review_of_long_minutes_can_be_saved(sec):
    """Over Django's default limit of 1,000 fields: 395 attendees."""
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    url = reverse("imports:review", args=[document.pk])
    data = review_data(sec.get(url).context["forms"])
    for n in range(5, 395):
        data[f"att-{n}-name"] = f"Added Quillperson{n} Smith"
        data[f"att-{n}-status"] = "present"
        data[f"att-{n}-organisation"] = "Quillfeather Rowing Trust"
    data["att-TOTAL_FORMS"] = 395
    assert len(data) > 1000
    assert sec.post(url, data).status_code == 302
    assert len(Document.objects.get().draft["attendance"]) == 395


def test_joined_rows_become_one_person(sec):
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    url = reverse("imports:review", args=[document.pk])
    data = review_data(sec.get(url).context["forms"])
    data["att-2-name"] = "Orrin"
    data["att-2-join"] = "on"
    data["att-3-name"] = "Quillvale"
    assert sec.post(url, data).status_code == 302
    names = [a["name"] for a in Document.objects.get().draft["attendance"]]
    assert "Orrin Quillvale" in names and "Quillvale" not in names and len(names) == 4


def test_register_entries_made_by_mistake_can_be_deleted_unless_referred_to(sec):
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    _confirm(sec, document)
    zephyrine = Person.objects.get(name="Zephyrine Quillfeather")
    with pytest.raises(ApplyError, match="referred to by 1 attendance, 1 action owner"):
        delete_register_entry(zephyrine, user=None)
    stray = make_person(name="Stray Quillname")
    page = sec.post(
        reverse("imports:delete_entry", args=["person", stray.pk]),
        {"next": reverse("imports:review", args=[document.pk])},
        follow=True,
    )
    assert b"Stray Quillname deleted from the register" in page.content
    assert not Person.objects.filter(pk=stray.pk).exists()
    assert Person.history.filter(id=stray.pk, history_type="-").exists()
    refused = sec.post(reverse("imports:delete_entry", args=["person", zephyrine.pk]), follow=True)
    assert b"cannot be deleted: referred to by" in refused.content


def test_a_register_entry_made_by_mistake_is_merged_into_the_right_one(sec):
    right = make_person(name="Zeph Quillfeather-Ames")
    trust = Organisation.objects.create(name="The Quillfeather Rowing Trust Ltd")
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    _confirm(sec, document)
    wrong = Person.objects.get(name="Zephyrine Quillfeather")
    page = sec.get(reverse("imports:review", args=[document.pk]))
    assert b"Merge the person" in page.content and b"Merge organisations" in page.content
    back = reverse("imports:review", args=[document.pk])
    done = sec.post(
        reverse("imports:merge_entry", args=["person"]),
        {"other": wrong.pk, "keep": right.pk, "next": back},
        follow=True,
    )
    assert b"Merged Zephyrine Quillfeather into Zeph Quillfeather-Ames" in done.content
    assert not Person.objects.filter(pk=wrong.pk).exists()
    assert Meeting.objects.get().attendances.filter(person=right, role="chair").exists()
    assert right.aliases.filter(name="Zephyrine Quillfeather").exists()
    made = Organisation.objects.get(name="Quillfeather Rowing Trust")
    sec.post(
        reverse("imports:merge_entry", args=["organisation"]), {"other": made.pk, "keep": trust.pk}
    )
    assert not Organisation.objects.filter(pk=made.pk).exists()
    refused = sec.post(
        reverse("imports:merge_entry", args=["person"]),
        {"other": right.pk, "keep": right.pk},
        follow=True,
    )
    assert b"Choose two different people" in refused.content


def test_merge_proposals_are_raised_at_confirmation_not_on_reading(sec, write):
    import_confirmed([write(FIRST, "feb.txt")])
    import_paths([write(SECOND, "may.txt")])
    document = Document.objects.get(filename="may.txt")
    assert not MergeProposal.objects.exists()
    page = sec.get(reverse("imports:review", args=[document.pk]))
    assert b"propose merging it with Mira Okafor" in page.content
    _confirm(sec, document)
    assert MergeProposal.objects.get().other.name == "Mria Okafor"


# -- problem 3: confirm is not approve ---------------------------------------------------------


def test_confirming_records_draft_minutes_and_never_a_future_approval(sec, write):
    board = make_body(name="Larkspur Community Safety Board")
    may = make_meeting(body=board, date=dt.date(2025, 5, 6))
    future = make_meeting(body=board, date=dt.date.today() + dt.timedelta(days=30))
    import_paths([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    page = sec.get(reverse("imports:review", args=[document.pk]))
    assert page.context["confirm_form"].initial["minutes"] == "before"  # older than May
    offered = dict(page.context["confirm_form"].fields["approved_at"].choices)
    assert may.pk in offered and future.pk not in offered
    refused = _confirm(sec, document, minutes="meeting", approved_at=future.pk)
    assert refused.status_code == 400
    assert "Approved at the meeting of: Select a valid choice" in refused.content.decode()
    with pytest.raises(ValidationError) as error:
        confirm_document(document, user=None, approval=Approval("meeting", future.pk))
    assert "approved_at" in error.value.message_dict
    assert Document.objects.get().status == "review" and Meeting.objects.count() == 2
    assert _confirm(sec, document).status_code == 302
    meeting = Meeting.objects.get(date=dt.date(2025, 2, 4))
    assert (meeting.minutes_status, meeting.approved_at) == ("draft", None)


def test_minutes_approved_at_an_earlier_meeting_or_before_concord(sec, write):
    board = make_body(name="Larkspur Community Safety Board")
    may = make_meeting(body=board, date=dt.date(2025, 5, 6))
    import_paths([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    assert _confirm(sec, document, minutes="meeting", approved_at=may.pk).status_code == 302
    meeting = Meeting.objects.get(date=dt.date(2025, 2, 4))
    assert (meeting.minutes_status, meeting.approved_at, meeting.approved_on) == (
        "approved", may, may.date,
    )  # fmt: skip
    assert meeting.history.filter(minutes_status="approved").exists()
    import_paths([write(SENTINEL_MINUTES, "quill.txt")])
    quill = Document.objects.get(filename="quill.txt")
    confirm_document(quill, user=None, approval=Approval("before"))
    quill.refresh_from_db()
    assert quill.meeting.minutes_status == "approved" and quill.meeting.approved_at is None


# -- problem 4: a review form with fields ---------------------------------------------------


def test_the_review_form_has_fields_for_venue_owners_and_declarations(sec, write):
    board = make_body(name="Larkspur Community Safety Board")
    tobias = make_person(name="Tobias Quint")
    import_paths([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    url = reverse("imports:review", args=[document.pk])
    page = sec.get(url)
    assert b"name | organisation" not in page.content  # no pipe-delimited text
    data = review_data(page.context["forms"])
    data["venue"] = "Larkspur Library"
    data["start_time"] = "14:30"
    data["act-1-picked"] = [f"person:{tobias.pk}", f"body:{board.pk}"]
    data["act-1-owners"] = ""
    data["act-1-due"] = "2025-05"
    data["decl-0-person"] = tobias.pk
    data["decl-0-interest"] = "Trustee of the youth charity"
    data["decl-0-item"] = "3"
    assert sec.post(url, data).status_code == 302
    _confirm(sec, document)
    meeting = Meeting.objects.get(body=board, date=dt.date(2025, 2, 4))
    assert (meeting.venue, meeting.start_time) == ("Larkspur Library", dt.time(14, 30))
    action = Action.objects.get(description__startswith="Report")
    assert {(o.person_id, o.body_id) for o in action.owners.all()} == {
        (tobias.pk, None), (None, board.pk),
    }  # fmt: skip
    assert (action.due_date, action.due_precision) == (dt.date(2025, 5, 31), "month")
    declaration = Declaration.objects.get()
    assert (declaration.person, declaration.item.number) == (tobias, "3")
    assert Person.objects.filter(name="Tobias Quint").count() == 1  # linked, not made again


def test_pickers_offer_only_what_the_reviewer_may_see():
    hidden = make_body(name="Quill Tasking Group", visibility=Visibility.MEMBERS)
    make_body(name="Open Forum")
    choices = picker_choices(Viewer(user_id=1))
    assert "Quill Tasking Group" not in [name for _, name in choices["bodies"]]
    assert f"body:{hidden.pk}" not in dict(choices["owners"])
    assert hidden.pk in dict(picker_choices(Viewer(user_id=1, is_secretariat=True))["bodies"])


# -- undo and clean-up ------------------------------------------------------------------------


def test_discarding_an_import_leaves_nothing_of_it(
    sec, document_store, django_capture_on_commit_callbacks
):
    before = _register()
    document = _upload(sec, "quill.txt", SENTINEL_MINUTES)
    stored = document_store / document.stored_path
    assert stored.is_file()
    with django_capture_on_commit_callbacks(execute=True):  # the file goes after the commit
        page = sec.post(reverse("imports:discard", args=[document.pk]), follow=True)
    assert b"quill.txt discarded" in page.content
    assert not Document.objects.exists() and _register() == before
    assert not stored.exists()
    assert Document.history.filter(history_type="-", filename="quill.txt").exists()


def test_a_document_that_could_not_be_read_can_be_discarded_from_its_page(sec):
    sec.post(reverse("imports:list"), {"files": [SimpleUploadedFile("empty.txt", b"")]})
    document = Document.objects.get()
    process_document(document.pk)
    listing = sec.get(reverse("imports:list")).content.decode()
    assert reverse("imports:review", args=[document.pk]) in listing
    page = sec.get(reverse("imports:review", args=[document.pk]))
    assert b"Nothing could be read from this document." in page.content
    sec.post(reverse("imports:discard", args=[document.pk]))
    assert not Document.objects.exists()


def test_a_confirmed_import_is_undone_with_what_it_created(sec, write):
    board = make_body(name="Larkspur Community Safety Board")
    mira = make_person(name="Mira Okafor")
    before = _register()
    import_confirmed([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    assert _register() != before
    page = sec.post(reverse("imports:undo", args=[document.pk]), follow=True)
    assert b"Undone" in page.content
    assert _register() == before and not Action.objects.exists()
    assert Person.objects.get() == mira and Body.objects.get() == board
    document.refresh_from_db()
    assert (document.status, document.meeting) == ("review", None)
    assert Meeting.history.filter(history_type="-").exists()
    assert confirm_all() == 1  # and it can be confirmed again


def test_undo_is_refused_while_something_refers_to_what_the_import_made(sec, write):
    import_confirmed([write(FIRST, "feb.txt")])
    document = Document.objects.get()
    action = Action.objects.first()
    ActionUpdate.objects.create(action=action, date=dt.date(2025, 3, 1), note="Progress")
    counts = _register()
    page = sec.post(reverse("imports:undo", args=[document.pk]), follow=True)
    assert b"cannot undo this import: 1 progress note(s) on its actions" in page.content
    assert _register() == counts and Document.objects.get().status == "confirmed"


def test_a_confirmation_that_fails_half_way_writes_nothing(sec, write, monkeypatch):
    import_paths([write(FIRST, "feb.txt")])
    calls = []

    def explode(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(**kwargs)

    real = applying.create_action
    monkeypatch.setattr(applying, "create_action", explode)
    with pytest.raises(RuntimeError):
        confirm_document(Document.objects.get(), user=None)
    assert _register() == (0, 0, 0, 0, 0) and not Action.objects.exists()
    assert Document.objects.get().status == "review"


def test_a_discarded_or_confirmed_import_cannot_be_discarded_again(write):
    import_confirmed([write(FIRST, "feb.txt")])
    with pytest.raises(ApplyError, match="only an import that is not confirmed"):
        discard_document(Document.objects.get(), user=None)
    with pytest.raises(ApplyError, match="only a confirmed import can be undone"):
        import_paths([write(SECOND, "may.txt")])
        undo_confirmation(Document.objects.get(filename="may.txt"), user=None)
