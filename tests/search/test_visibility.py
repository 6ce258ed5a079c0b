"""Search shows each person only what the pages would show them: restricted items, draft
minutes, members-only bodies, actions (signed in only) and imports (the secretariat's,
confirmed only) reach nobody else, not as a title, a snippet or a count."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from concord.governance.access import build_viewer
from concord.imports.models import Document, DocumentStatus
from concord.search.models import SearchEntry

ROLES = [
    "anonymous",
    "stranger",
    "partner",
    "board_adviser",
    "board_member",
    "editor",
    "tasking_member",
    "secretariat",
]
URL = reverse("search:search")


def _user(world, role: str):
    return None if role == "anonymous" else getattr(world, role)


def _document(text: str, status: str, meeting) -> Document:
    return Document.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        filename=f"{text.split()[0].lower()}.txt",
        text=text,
        status=status,
        meeting=meeting,
    )


@pytest.fixture
def searched(world):
    _document("Zeppelin hangar lease, item 9", DocumentStatus.CONFIRMED, world.meeting)
    _document("Quokka sanctuary draft", DocumentStatus.REVIEW, world.meeting)
    return world


# query -> the roles that find something for it (in ROLES order), and how many results.
CASES = {
    # a restricted item, its decision and its action: voting members, editors, secretariat
    "bidder": {"board_member", "editor", "secretariat"},
    "acme": {"board_member", "editor", "secretariat"},
    # draft minutes: the body's insiders
    "draft-only": {"board_adviser", "board_member", "editor", "secretariat"},
    # a members-only body: its meeting, item and action
    "prolific": {"tasking_member", "secretariat"},
    # a public action: anyone signed in (the tracker asks visitors to sign in)
    "publish": {
        "stranger",
        "partner",
        "board_adviser",
        "board_member",
        "editor",
        "tasking_member",
        "secretariat",
    },
    # a confirmed import: the secretariat only
    "zeppelin": {"secretariat"},
    # an import waiting for review: nobody
    "quokka": set(),
}


@pytest.mark.parametrize("query", list(CASES))
def test_each_role_finds_only_what_its_pages_show(searched, as_user, query: str) -> None:
    finders = set()
    for role in ROLES:
        viewer = build_viewer(_user(searched, role))
        if SearchEntry.objects.search(query, viewer).exists():
            finders.add(role)
    assert finders == CASES[query]


@pytest.mark.parametrize("role", ["anonymous", "partner", "board_adviser", "tasking_member"])
def test_a_restricted_item_leaves_no_trace_on_the_page(searched, as_user, role: str) -> None:
    page = as_user(_user(searched, role)).get(URL, {"q": "bidder"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "0 results." in text
    for secret in ("Acme", "CCTV", "Contract award", "Preferred"):
        assert secret not in text


def test_a_voting_member_finds_the_restricted_item_with_its_snippet(searched, as_user) -> None:
    text = as_user(searched.board_member).get(URL, {"q": "bidder"}).content.decode()
    assert "Contract award for CCTV" in text
    assert "Preferred <mark>bidder</mark> is Acme" in text


@pytest.mark.parametrize("role", ["anonymous", "partner", "board_member"])
def test_a_members_only_body_is_neither_a_result_nor_a_filter(searched, as_user, role) -> None:
    client = as_user(_user(searched, role))
    text = client.get(URL, {"q": "offender"}).content.decode()
    assert "Offender Tasking Group" not in text and "Prolific" not in text
    refused = client.get(URL, {"q": "offender", "body": searched.tasking.slug})
    assert refused.status_code == 400  # "no such body", as for one that does not exist
    assert "Prolific" not in refused.content.decode()


def test_a_member_of_the_hidden_body_may_filter_by_it(searched, as_user) -> None:
    client = as_user(searched.tasking_member)
    page = client.get(URL, {"q": "offender", "body": searched.tasking.slug})
    assert page.status_code == 200
    assert "3 results." in page.content.decode()  # its meeting, the item and the action


def test_the_type_filter_offers_only_kinds_the_viewer_may_find(searched, as_user) -> None:
    public = as_user(None).get(URL).content.decode()
    assert 'value="action"' not in public and 'value="document"' not in public
    partner = as_user(searched.partner).get(URL).content.decode()
    assert 'value="action"' in partner and 'value="document"' not in partner
    office = as_user(searched.secretariat).get(URL).content.decode()
    assert 'value="document"' in office
    refused = as_user(None).get(URL, {"q": "publish", "type": "action"})
    assert refused.status_code == 400 and "Publish" not in refused.content.decode()


def test_changing_an_items_visibility_changes_who_finds_it_at_once(searched, as_user) -> None:
    item = searched.public_item
    item.visibility, item.restriction_reason = "restricted", "Legal advice"
    item.save()
    assert not SearchEntry.objects.search("welcomed", build_viewer(None)).exists()
    assert SearchEntry.objects.search("welcomed", build_viewer(searched.board_member)).exists()
