"""People matched to the register; near matches proposed, merged only when accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.actions.models import ActionOwner
from concord.governance.models import Membership
from concord.imports.applying import propose_merge
from concord.imports.models import MergeProposal
from concord.imports.planning import Near
from concord.imports.services import accept_proposal, reject_proposal
from concord.meetings.models import Attendance, Declaration
from concord.people.matching import Register, name_key, near_reason
from concord.people.merging import MergeError, merge_people
from concord.people.models import Person, PersonAlias
from tests.factories import (
    make_action,
    make_attendance,
    make_body,
    make_item,
    make_meeting,
    make_membership,
    make_person,
    make_secretariat_user,
)
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import import_confirmed


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rosalind Marsh", "Rosalnid Marsh"),  # letters swapped in the first name
        ("Cllr Dace", "Cllr Ivo Dacre"),  # surname only, one letter apart
        ("Hugo Peregrine Tull", "Tulle"),  # middle name, surname one letter longer
        ("H. Tull", "Hugo Tull"),  # an initial for the first name
        ("Dr Saoirse Blaine", "Saoirse Blain"),
    ],
)
def test_near_names_are_near(a, b):
    assert near_reason(name_key(a), name_key(b)) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rosalind Marsh", "Edmund Marsh"),  # relatives are not one person
        ("Hugo Tull", "Hugo Bell"),
        ("Ann Lee", "Ann Lee"),  # equal names are an exact match, not a near one
    ],
)
def test_different_people_are_not_near(a, b):
    assert near_reason(name_key(a), name_key(b)) is None


def test_exact_matching_ignores_honorifics_case_spaces_and_letters_after_the_name():
    register = Register()
    register.add(7, "Ivo Dacre")
    assert register.exact("  cllr IVO   dacre OBE") == 7
    assert register.match("Councillor Ivo Dacre").how == "exact"


@pytest.mark.django_db
def test_a_near_match_becomes_a_new_person_with_a_proposal_never_a_silent_merge(write):
    import_confirmed([write(FIRST, "feb.txt")])
    import_confirmed([write(SECOND, "may.txt")])
    mira = Person.objects.get(name="Mira Okafor")
    mria = Person.objects.get(name="Mria Okafor")  # kept apart until someone decides
    proposal = MergeProposal.objects.get()
    assert (proposal.keep, proposal.other, proposal.status) == (mira, mria, "open")
    assert proposal.reason == "first name spelt differently"
    assert proposal.document.filename == "may.txt"


@pytest.mark.django_db
def test_accepting_a_proposal_merges_and_keeps_the_spelling_as_an_alias(write):
    import_confirmed([write(FIRST, "feb.txt")])
    import_confirmed([write(SECOND, "may.txt")])
    user = make_secretariat_user()
    proposal = MergeProposal.objects.get()
    accept_proposal(proposal, user=user)
    mira = Person.objects.get(name="Mira Okafor")
    assert not Person.objects.filter(name="Mria Okafor").exists()
    assert list(mira.aliases.values_list("name", flat=True)) == ["Mria Okafor"]
    assert Attendance.objects.filter(person=mira).count() == 2
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.other) == ("accepted", user, None)
    assert proposal.other_name == "Mria Okafor"
    deleted = Person.history.filter(history_type="-").get()
    assert deleted.name == "Mria Okafor" and deleted.history_user == user


@pytest.mark.django_db
def test_a_rejected_pair_is_never_proposed_again(write):
    import_confirmed([write(FIRST, "feb.txt")])
    import_confirmed([write(SECOND, "may.txt")])
    reject_proposal(MergeProposal.objects.get(), user=make_secretariat_user())
    # Read again (say by a newer extractor): the same names meet again.
    spec = [line.replace("Mira", "Mria") if isinstance(line, str) else line for line in FIRST]
    import_confirmed([write(spec + ["5. Any Other Business", "None."], "feb-v2.txt")], body="Heron")
    assert MergeProposal.objects.count() == 1
    assert MergeProposal.objects.get().status == "rejected"
    # Asked directly, in either order, the importer still proposes nothing.
    mira, mria = Person.objects.get(name="Mira Okafor"), Person.objects.get(name="Mria Okafor")
    assert propose_merge(MergeProposal, Near(mria.pk, mria.name, 90, "again"), mira) is None
    assert propose_merge(MergeProposal, Near(mira.pk, mira.name, 90, "again"), mria) is None
    assert MergeProposal.objects.count() == 1


@pytest.mark.django_db
def test_merging_moves_every_reference_and_resolves_clashes():
    keep = make_person(name="Ivo Dacre", honorific="Cllr")
    other = make_person(name="Ivo Dacer", email="ivo@example.org", phone="01000 000000")
    PersonAlias.objects.create(person=other, name="I. Dacer")
    body = make_body()
    make_membership(person=other, body=body)
    shared = make_meeting(body=body, date=dt.date(2025, 1, 7))
    make_attendance(meeting=shared, person=keep)
    make_attendance(meeting=shared, person=other, status="apologies")  # clash: keep's row wins
    alone = make_meeting(body=body, date=dt.date(2025, 2, 7))
    make_attendance(meeting=alone, person=other)
    make_attendance(meeting=alone, person=make_person(), deputising_for=other)
    item = make_item(meeting=alone, presenter=other)
    Declaration.objects.create(item=item, person=other, interest="Trustee of a charity")
    action = make_action(item=item, owners=(keep, other))
    solo = make_action(item=item, owners=(other,))
    user = make_secretariat_user()
    merge_people(keep, other, user=user)
    assert not Person.objects.filter(pk=other.pk).exists()
    keep.refresh_from_db()
    assert (keep.email, keep.phone, keep.honorific) == ("ivo@example.org", "01000 000000", "Cllr")
    assert sorted(keep.aliases.values_list("name", flat=True)) == ["I. Dacer", "Ivo Dacer"]
    assert Membership.objects.get(body=body).person == keep
    assert Attendance.objects.get(meeting=shared).status == "present"
    assert Attendance.objects.get(meeting=alone, person=keep)
    assert Attendance.objects.get(meeting=alone, deputising_for=keep)
    item.refresh_from_db()
    assert item.presenter == keep and Declaration.objects.get().person == keep
    assert list(ActionOwner.objects.filter(action=action).values_list("person", flat=True)) == [
        keep.pk
    ]
    assert ActionOwner.objects.get(action=solo).person == keep
    moved = Membership.history.filter(history_type="~").get()
    assert moved.history_user == user and "Merged" in moved.history_change_reason


@pytest.mark.django_db
def test_a_person_cannot_be_merged_into_themselves():
    person = make_person()
    with pytest.raises(MergeError):
        merge_people(person, person)
