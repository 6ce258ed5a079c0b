"""Organisations matched to the register; near matches proposed, merged only when accepted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.governance.models import Membership
from concord.imports.applying import propose_merge
from concord.imports.models import OrganisationMergeProposal
from concord.imports.planning import Near
from concord.imports.services import (
    accept_organisation_proposal,
    reject_organisation_proposal,
)
from concord.meetings.models import Attendance
from concord.people.matching import OrganisationRegister, org_near_reason
from concord.people.merging import MergeError, merge_organisations
from concord.people.models import Organisation, Person
from tests.factories import (
    make_attendance,
    make_body,
    make_meeting,
    make_membership,
    make_organisation,
    make_person,
    make_secretariat_user,
    make_user,
)
from tests.imports.staging import import_confirmed

# Invented minutes of one body; the second names two organisations a little differently.
ORG_FIRST = [
    "Wexcombe Tenancy Forum",
    "Minutes of the meeting held on Wednesday 5th March 2025",
    "Present:",
    ["Oriel Banfield (Chair)", "Wexcombe Borough Council"],
    ["Casimir Thorne", "Wexcombe Housing Group"],
    ["Delphine Rusk", "Wexcombe Constabulary"],
    "1. Damp and Mould Survey",
    "Casimir presented the survey results. The Forum noted the report.",
]
ORG_SECOND = [
    "Wexcombe Tenancy Forum",
    "Minutes of the meeting held on Wednesday 4th June 2025",
    "Present:",
    ["Oriel Banfield (Chair)", "Wexcombe Council"],
    ["Casimir Thorne", "Wexcombe Housing Grp"],
    ["Delphine Rusk", "Wexcombe Constabulary"],
    ["Anselm Greaves", "Wexcombe Fire Service"],
    "1. Repairs Backlog",
    "Casimir described the repairs backlog. The Forum agreed a joint visit plan.",
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Harrowby Borough Council", "Harrowby Council"),  # a word more
        ("Riverside Housing Grp", "Riverside Housing Group"),  # an abbreviation
        ("NHS Harrowby ICB", "Harrowby ICB"),
        ("Fenmoor Tenants Assoc.", "Fenmoor Tenants' Association"),
        ("Brackley Care Ltd", "Brackley Care Limited"),
        ("Oakvale Youth & Community Trust", "Oakvale Youth and Comunity Trust"),  # and a typo
    ],
)
def test_near_organisation_names_are_near(a, b):
    assert org_near_reason(a, b) is not None
    assert org_near_reason(b, a) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Harrowby Police", "Harrowby Council"),  # neighbours, not one organisation
        ("Harrowby Fire Service", "Harrowby Health Service"),
        ("ICB", "NHS Harrowby ICB"),  # too short a part of the longer name
        ("Riverside Housing Group", "Riverside Housing Group"),  # equal: an exact match
        ("Riverside Housing & Care", "riverside housing and care"),  # also exact
    ],
)
def test_different_organisations_are_not_near(a, b):
    assert org_near_reason(a, b) is None


def test_short_names_count_as_aliases():
    register = OrganisationRegister()
    register.add(3, "Harrowby Integrated Care Board")
    register.add(3, "Harrowby ICB")  # its short name
    assert register.exact("harrowby icb") == 3
    assert [n.organisation_id for n in register.near("NHS Harrowby ICB")] == [3]


@pytest.mark.django_db
def test_the_importer_proposes_near_organisations_never_merges_them(write):
    import_confirmed([write(ORG_FIRST, "march.txt")])
    import_confirmed([write(ORG_SECOND, "june.txt")])  # proposals are raised on confirming
    council = Organisation.objects.get(name="Wexcombe Borough Council")
    short = Organisation.objects.get(name="Wexcombe Council")  # kept apart until decided
    group = Organisation.objects.get(name="Wexcombe Housing Group")
    grp = Organisation.objects.get(name="Wexcombe Housing Grp")
    pairs = {
        (p.keep_id, p.other_id, p.status, p.reason, p.document.filename)
        for p in OrganisationMergeProposal.objects.all()
    }
    assert pairs == {
        (council.pk, short.pk, "open", "one name has more words", "june.txt"),
        (group.pk, grp.pk, "open", "abbreviation written out", "june.txt"),
    }
    # The exact name links without a proposal; the fire service is new and unlike anything.
    assert Organisation.objects.filter(name="Wexcombe Constabulary").count() == 1
    assert Organisation.objects.filter(name="Wexcombe Fire Service").exists()


@pytest.mark.django_db
def test_accepting_merges_and_moves_memberships_attendance_and_people(write):
    import_confirmed([write(ORG_FIRST, "march.txt")])
    import_confirmed([write(ORG_SECOND, "june.txt")])
    council = Organisation.objects.get(name="Wexcombe Borough Council")
    short = Organisation.objects.get(name="Wexcombe Council")
    membership = make_membership(body=make_body(), organisation=short)
    user = make_secretariat_user()
    proposal = OrganisationMergeProposal.objects.get(other=short)
    accept_organisation_proposal(proposal, user=user)
    assert not Organisation.objects.filter(pk=short.pk).exists()
    council.refresh_from_db()
    assert council.short_name == "Wexcombe Council"
    assert Attendance.objects.filter(organisation=council).count() == 2
    membership.refresh_from_db()
    assert membership.organisation == council
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.other) == ("accepted", user, None)
    assert proposal.other_name == "Wexcombe Council"
    deleted = Organisation.history.filter(history_type="-").get()
    assert deleted.name == "Wexcombe Council" and deleted.history_user == user
    moved = Membership.history.filter(history_type="~").get()
    assert moved.history_user == user and "Merged" in moved.history_change_reason
    # A later document naming the short form now links exactly, with no new proposal.
    spec = [
        line.replace("June", "September") if isinstance(line, str) else line for line in ORG_SECOND
    ]
    import_confirmed([write(spec, "september.txt")])
    assert not Organisation.objects.filter(name="Wexcombe Council").exists()
    assert OrganisationMergeProposal.objects.count() == 2


@pytest.mark.django_db
def test_merging_moves_every_reference_and_fills_blanks():
    parent = make_organisation(name="Harrowby Health Partnership")
    keep = make_organisation(name="Harrowby ICB", short_name="ICB")
    other = make_organisation(
        name="NHS Harrowby ICB", sector="health", website="https://icb.example.org", parent=parent
    )
    child = make_organisation(name="Harrowby ICB Estates", parent=other)
    person = make_person(organisation=other)
    body = make_body()
    membership = make_membership(body=body, organisation=other)
    meeting = make_meeting(body=body, date=dt.date(2025, 3, 1))
    attendance = make_attendance(meeting=meeting, organisation=other)
    user = make_secretariat_user()
    merged, name_kept = merge_organisations(keep, other, user=user)
    assert not name_kept  # keep had a short name: the merged name stays in the proposal only
    assert (merged.short_name, merged.sector, merged.website, merged.parent) == (
        "ICB",
        "health",
        "https://icb.example.org",
        parent,
    )
    for obj in (person, membership, attendance):
        obj.refresh_from_db()
        assert obj.organisation == keep
    child.refresh_from_db()
    assert child.parent == keep
    assert not Organisation.objects.filter(pk=other.pk).exists()


@pytest.mark.django_db
def test_a_child_merged_into_its_parent_does_not_become_its_own_parent():
    other = make_organisation(name="Wexcombe Borough Council")
    keep = make_organisation(name="Wexcombe Council", parent=other)
    merged, _ = merge_organisations(keep, other)
    assert merged.parent is None and merged.short_name == "Wexcombe Borough Council"


@pytest.mark.django_db
def test_an_organisation_cannot_be_merged_into_itself():
    org = make_organisation()
    with pytest.raises(MergeError):
        merge_organisations(org, org)


@pytest.mark.django_db
def test_a_rejected_pair_is_never_proposed_again(write):
    import_confirmed([write(ORG_FIRST, "march.txt")])
    import_confirmed([write(ORG_SECOND, "june.txt")])
    proposal = OrganisationMergeProposal.objects.get(other__name="Wexcombe Council")
    reject_organisation_proposal(proposal, user=make_secretariat_user())
    # A merged-away duplicate of the short form would meet the long form again: still nothing.
    council = Organisation.objects.get(name="Wexcombe Borough Council")
    short = Organisation.objects.get(name="Wexcombe Council")
    assert (
        propose_merge(OrganisationMergeProposal, Near(council.pk, "x", 90, "again"), short) is None
    )
    assert (
        propose_merge(OrganisationMergeProposal, Near(short.pk, "x", 90, "again"), council) is None
    )
    assert OrganisationMergeProposal.objects.get(pk=proposal.pk).status == "rejected"
    assert OrganisationMergeProposal.objects.count() == 2
    with pytest.raises(Exception, match="already been decided"):
        accept_organisation_proposal(proposal, user=make_secretariat_user())
    assert Organisation.objects.filter(pk=short.pk).exists()


@pytest.mark.django_db
def test_the_merge_queue_shows_organisations_and_only_the_secretariat_decides(client, write):
    import_confirmed([write(ORG_FIRST, "march.txt")])
    import_confirmed([write(ORG_SECOND, "june.txt")])
    proposal = OrganisationMergeProposal.objects.get(other__name="Wexcombe Council")
    url = reverse("imports:decide_organisation", args=[proposal.pk])
    response = client.post(url, {"decision": "accept"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(make_user())
    assert client.post(url, {"decision": "accept"}).status_code == 403
    assert client.get(reverse("imports:proposals")).status_code == 403
    assert OrganisationMergeProposal.objects.get(pk=proposal.pk).status == "open"
    client.force_login(make_secretariat_user())
    missing = reverse("imports:decide_organisation", args=[proposal.pk + 1000])
    assert client.post(missing, {"decision": "accept"}).status_code == 404
    assert client.get(url).status_code == 405
    page = client.get(reverse("imports:proposals")).content.decode()
    assert "Wexcombe Council" in page and url in page
    response = client.post(url, {"decision": "reject"})
    assert response.status_code == 302
    assert OrganisationMergeProposal.objects.get(pk=proposal.pk).status == "rejected"
    assert Organisation.objects.filter(name="Wexcombe Council").exists()
    other = OrganisationMergeProposal.objects.get(other__name="Wexcombe Housing Grp")
    client.post(reverse("imports:decide_organisation", args=[other.pk]), {"decision": "accept"})
    assert not Organisation.objects.filter(name="Wexcombe Housing Grp").exists()
    assert Person.objects.get(name="Casimir Thorne").organisation.name == "Wexcombe Housing Group"
    page = client.get(reverse("imports:proposals") + "?status=accepted").content.decode()
    assert "Wexcombe Housing Grp" in page


ROLES = [
    "anonymous",
    "stranger",
    "partner",
    "board_adviser",
    "board_member",
    "tasking_member",
    "secretariat",
]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_but_the_secretariat_is_refused_the_decision(client, db, write, role):
    from tests.personas import build_world

    world = build_world()
    import_confirmed([write(ORG_FIRST, "march.txt"), write(ORG_SECOND, "june.txt")])
    proposal = OrganisationMergeProposal.objects.get(other__name="Wexcombe Council")
    if role != "anonymous":
        client.force_login(getattr(world, role))
    url = reverse("imports:decide_organisation", args=[proposal.pk])
    response = client.post(url, {"decision": "reject"})
    expected = {"anonymous": 302, "secretariat": 302}.get(role, 403)
    assert response.status_code == expected
    status = OrganisationMergeProposal.objects.get(pk=proposal.pk).status
    assert status == ("rejected" if role == "secretariat" else "open")
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"]
