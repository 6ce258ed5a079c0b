"""Every register is searched, through its own ``visible_to``: the public finds public
entries of public bodies only, never a members-only entry or a draft consultation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from concord.governance.access import build_viewer
from concord.registers.kinds import KINDS
from concord.search.models import SearchEntry
from tests.registers import entries

# Register slug -> a factory taking the words the entry is to be found by.
MAKERS: dict[str, Callable[..., Any]] = {
    "added-value": lambda words, **kw: entries.make_added_value(title=words, **kw),
    "funding": lambda words, **kw: entries.make_bid(title=words, **kw),
    "publicity": lambda words, **kw: entries.make_publicity(headline=words, **kw),
    "risks": lambda words, **kw: entries.make_risk(title=words, **kw),
    "sharing": lambda words, **kw: entries.make_agreement(title=words, **kw),
    "recommendations": lambda words, **kw: entries.make_recommendation(text=words, **kw),
    "strategies": lambda words, **kw: entries.make_strategy(title=words, **kw),
    "consultations": lambda words, **kw: entries.make_consultation(title=words, **kw),
    "protocols": lambda words, **kw: entries.make_protocol(title=words, **kw),
}


def test_every_register_is_a_search_source() -> None:
    assert set(MAKERS) | {"self-assessment"} == set(KINDS)


@pytest.mark.parametrize("slug", list(MAKERS))
def test_the_public_finds_public_entries_and_never_members_only_ones(world, slug) -> None:
    public = MAKERS[slug](f"Kestrel {slug} notice", body=world.board, is_public=True)
    MAKERS[slug]("Wombat members notice", body=world.board, is_public=False)
    MAKERS[slug]("Wombat hidden body notice", body=world.tasking, is_public=True)
    anonymous = build_viewer(None)
    found = SearchEntry.objects.search("kestrel", anonymous, kinds=[slug])
    assert [e.object_id for e in found] == [public.pk]
    assert found[0].url == reverse("registers:detail", args=[slug, public.pk])
    assert not SearchEntry.objects.search("wombat", anonymous).exists()
    assert not SearchEntry.objects.search("wombat", build_viewer(world.partner)).exists()
    member = build_viewer(world.board_member)
    assert SearchEntry.objects.search("wombat", member, kinds=[slug]).count() == 1
    assert SearchEntry.objects.search("wombat", build_viewer(world.secretariat)).count() == 2


def test_a_draft_consultation_is_found_only_by_its_bodys_insiders(world, as_user) -> None:
    entries.make_consultation(
        body=world.board, is_public=True, status="draft", title="Zephyrine draft"
    )
    page = as_user(None).get(reverse("search:search"), {"q": "zephyrine"})
    assert page.status_code == 200 and "Zephyrine" not in page.content.decode()
    assert SearchEntry.objects.search("zephyrine", build_viewer(world.board_member)).exists()


def test_a_self_assessment_is_found_by_its_body_once_public(world) -> None:
    assessment = entries.make_assessment(body=world.board)
    anonymous = build_viewer(None)
    kinds = ["self-assessment"]
    assert not SearchEntry.objects.search("riverton", anonymous, kinds=kinds).exists()
    member = build_viewer(world.board_member)
    assert SearchEntry.objects.search("riverton", member, kinds=kinds).count() == 1
    assessment.is_public = True
    assessment.save()
    assert SearchEntry.objects.search("riverton", anonymous, kinds=kinds).count() == 1
