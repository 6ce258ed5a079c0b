"""Hole 3: two people open the same form; the later save is refused with a message and
the later person's text is still in the form, on every form that edits a record."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from concord.governance.models import TermsOfReference
from concord.meetings.models import AgendaItem
from concord.performance.models import Dimension, Group
from tests.factories import make_membership
from tests.performance.pages_world import build_perf_world

REFUSED = "Someone else saved this"


@pytest.fixture
def w(db) -> SimpleNamespace:
    w = build_perf_world()
    w.membership = make_membership(person=w.chair, body=w.board, role="chair")
    w.terms = TermsOfReference.objects.create(
        body=w.board, version=1, adopted_on=dt.date(2024, 4, 1), purpose="To keep Riverton safe."
    )
    w.sex = Dimension.objects.create(name="Sex", code="sex")
    w.female = Group.objects.create(dimension=w.sex, name="Female", code="female")
    return w


@dataclass(frozen=True)
class Case:
    """One edit form: where it is, who edits it, a valid post, and where the text lands."""

    name: str
    url: Callable[[SimpleNamespace], str]
    user: str
    post: Callable[[SimpleNamespace, str], dict[str, Any]]
    saved: Callable[[SimpleNamespace], str]


def _ttc_url(w: SimpleNamespace) -> str:
    return reverse("performance:turn_the_curve_edit", args=[w.rate.pk]) + f"?area={w.la.code}"


CASES = [
    Case(
        "agenda item minute text",
        lambda w: reverse("meetings:item_edit", args=[w.public_item.pk]),
        "editor",
        lambda w, text: {
            "number": "1",
            "title": "Plan",
            "visibility": "public",
            "minute_text": text,
            "amendment_reason": "A correction after approval.",
        },
        lambda w: AgendaItem.objects.get(pk=w.public_item.pk).minute_text,
    ),
    Case(
        "attendance",
        lambda w: reverse("meetings:attendance", args=[w.meeting.pk]),
        "editor",
        lambda w, text: {
            **{f"extra_{n}_status": "present" for n in range(1, 13)},
            "extra_1_guest": text,
            "amendment_reason": "A correction after approval.",
        },
        lambda w: " ".join(w.meeting.attendances.values_list("guest_name", flat=True)),
    ),
    Case(
        "meeting details",
        lambda w: reverse("meetings:edit", args=[w.meeting.pk]),
        "editor",
        lambda w, text: {
            "body": w.board.pk,
            "date": "2025-03-04",
            "status": "held",
            "venue": text,
            "amendment_reason": "A correction after approval.",
        },
        lambda w: w.meeting.__class__.objects.get(pk=w.meeting.pk).venue,
    ),
    Case(
        "action",
        lambda w: reverse("actions:edit", args=[w.public_action.pk]),
        "editor",
        lambda w, text: {"description": text, "status": "open", "owner_people": w.chair.pk},
        lambda w: w.public_action.__class__.objects.get(pk=w.public_action.pk).description,
    ),
    Case(
        "performance report text",
        lambda w: reverse("performance:report_edit", args=[w.draft_report.pk]),
        "editor",
        lambda w, text: {"title": "Q4 report", "introduction": text, "recommendations": ""},
        lambda w: w.draft_report.__class__.objects.get(pk=w.draft_report.pk).introduction,
    ),
    Case(
        "turn-the-curve",
        _ttc_url,
        "editor",
        lambda w, text: {"story": text, "partners": "", "what_works": "", "forecast_ahead": "3"},
        lambda w: w.ttc.__class__.objects.get(pk=w.ttc.pk).story,
    ),
    Case(
        "register: organisation",
        lambda w: reverse("register:edit", args=["organisations", w.council.pk]),
        "secretariat",
        lambda w, text: {"name": text, "sector": "public"},
        lambda w: w.council.__class__.objects.get(pk=w.council.pk).name,
    ),
    Case(
        "register: person",
        lambda w: reverse("register:edit", args=["people", w.chair.pk]),
        "secretariat",
        lambda w, text: {"name": text, "honorific": "Cllr", "aliases": ""},
        lambda w: w.chair.__class__.objects.get(pk=w.chair.pk).name,
    ),
    Case(
        "register: body",
        lambda w: reverse("register:edit", args=["bodies", w.board.pk]),
        "secretariat",
        lambda w, text: {
            "name": "Safer Riverton Board",
            "kind": "board",
            "visibility": "public",
            "description": text,
        },
        lambda w: w.board.__class__.objects.get(pk=w.board.pk).description,
    ),
    Case(
        "register: membership",
        lambda w: reverse("register:edit", args=["memberships", w.membership.pk]),
        "secretariat",
        lambda w, text: {
            "person": w.chair.pk,
            "body": w.board.pk,
            "role": "chair",
            "brings": text,
        },
        lambda w: w.membership.__class__.objects.get(pk=w.membership.pk).brings,
    ),
    Case(
        "register: terms of reference",
        lambda w: reverse("register:edit", args=["terms", w.terms.pk]),
        "secretariat",
        lambda w, text: {
            "body": w.board.pk,
            "version": "1",
            "adopted_on": "2024-04-01",
            "purpose": text,
        },
        lambda w: TermsOfReference.objects.get(pk=w.terms.pk).purpose,
    ),
    Case(
        "population groups: a dimension",
        lambda w: reverse("performance:dimension_edit", args=[w.sex.pk]),
        "secretariat",
        lambda w, text: {"name": "Sex", "code": "sex", "order": "1", "description": text},
        lambda w: Dimension.objects.get(pk=w.sex.pk).description,
    ),
    Case(
        "population groups: a group",
        lambda w: reverse("performance:group_edit", args=[w.female.pk]),
        "secretariat",
        lambda w, text: {"name": text, "code": "female", "order": "1"},
        lambda w: Group.objects.get(pk=w.female.pk).name,
    ),
]


def opened_version(html: str) -> str:
    """The version the rendered form was opened at (its hidden field)."""
    match = re.search(r'name="opened_version" value="(\d+)"', html)
    assert match, "the form carries no opened_version"
    return match.group(1)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_later_of_two_opened_copies_is_refused_and_keeps_its_text(client, w, case):
    client.force_login(getattr(w, case.user))
    url = case.url(w)
    first = opened_version(client.get(url).content.decode())
    second = opened_version(client.get(url).content.decode())
    assert first == second

    response = client.post(url, {**case.post(w, "Alpha wording"), "opened_version": first})
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(url, {**case.post(w, "Bravo wording"), "opened_version": second})

    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html
    assert "Bravo wording" in html  # the later person's text is kept in the form
    assert "Alpha wording" in case.saved(w) and "Bravo wording" not in case.saved(w)
    # Reopened, the form carries the new version and saves.
    fresh = opened_version(client.get(url).content.decode())
    response = client.post(url, {**case.post(w, "Charlie wording"), "opened_version": fresh})
    assert response.status_code == 302
    assert "Charlie wording" in case.saved(w)


def test_twenty_edits_opened_at_one_version_make_one_save_and_nineteen_refusals(client, w):
    client.force_login(w.editor)
    url = reverse("meetings:item_edit", args=[w.public_item.pk])
    version = opened_version(client.get(url).content.decode())
    outcomes = []
    for n in range(20):
        data = {
            "number": "1",
            "title": "Plan",
            "visibility": "public",
            "minute_text": f"Edit number {n}",
            "opened_version": version,
            "amendment_reason": "A correction after approval.",
        }
        outcomes.append(client.post(url, data).status_code)
    assert outcomes.count(302) == 1 and outcomes.count(200) == 19
    item = AgendaItem.objects.get(pk=w.public_item.pk)
    assert item.minute_text == "Edit number 0"
    assert item.version == int(version) + 1
    assert item.history.filter(minute_text__startswith="Edit number").count() == 1


def test_a_tampered_opened_version_is_a_message_not_a_save_or_a_500(client, w):
    client.force_login(w.editor)
    url = reverse("meetings:item_edit", args=[w.public_item.pk])
    for bad in ("9" * 40, "-1", "abc"):
        data = {"number": "1", "title": "Plan", "visibility": "public", "minute_text": "Tampered"}
        response = client.post(url, {**data, "opened_version": bad})
        assert response.status_code == 200
        assert "Opened version:" in response.content.decode()
    assert "Tampered" not in AgendaItem.objects.get(pk=w.public_item.pk).minute_text
