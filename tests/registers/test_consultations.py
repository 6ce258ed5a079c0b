"""Consultations: who sees them (a draft never reaches the public), open now and closing
soon, the overlap warning (same people, same place, same time), history, the version check
and a neutralised export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.governance.access import build_viewer
from concord.performance.models import Area
from concord.registers.consultations import ConsultationForm
from concord.registers.models import Consultation
from tests.imports.crawl import crawl_public, found
from tests.registers.entries import make_consultation


def _today() -> dt.date:
    """Today, read when a test runs (as the ``world`` fixture reads it), not
    when the module is collected: a run crossing midnight must not see two
    different days."""
    return dt.date.today()


def _data(world, **changes):
    data = {
        "title": "Lighting, second round",
        "body": str(world.board.pk),
        "audience": "residents",
        "opens": (_today() - dt.timedelta(days=1)).isoformat(),
        "closes": (_today() + dt.timedelta(days=20)).isoformat(),
        "status": "published",
        "is_public": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _field_errors(response, name: str) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.find(id=f"id_{name}_errors")
    return [li.get_text() for li in errors.find_all("li")] if errors else []


def test_the_public_sees_only_published_public_consultations_of_public_bodies(world) -> None:
    seen = set(Consultation.objects.visible_to(build_viewer(None)).values_list("title", flat=True))
    assert seen == {"Your say on street lighting"}
    member = set(
        Consultation.objects.visible_to(build_viewer(world.board_member)).values_list(
            "title", flat=True
        )
    )
    assert "Draft Zephyrine consultation" in member
    assert "Offender tasking consultation" not in member


def test_the_public_page_lists_closing_soon_and_never_a_draft(world, client) -> None:
    later = make_consultation(
        body=world.board,
        is_public=True,
        title="Parks plan",
        closes=_today() + dt.timedelta(days=40),
    )
    make_consultation(
        body=world.board,
        is_public=True,
        title="Markets review",
        opens=_today() + dt.timedelta(days=5),
        closes=_today() + dt.timedelta(days=30),
    )
    page = client.get(reverse("registers:consultations"))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    sections = {s.h2.get_text(): s.get_text() for s in soup.find_all("section")}
    assert "Your say on street lighting" in sections["Closing soon"]
    assert later.title in sections["Open now"]
    assert "Markets review" in sections["Opening later"]
    text = page.content.decode()
    for hidden in ("Zephyrine", "Members' survey", "Offender tasking"):
        assert hidden not in text


def test_the_home_page_shows_consultations_open_now(world, client) -> None:
    text = client.get("/").content.decode()
    assert "Consultations open now" in text
    assert "Your say on street lighting" in text and "Closing soon" in text
    assert "Zephyrine" not in text


def test_the_home_page_runs_the_same_queries_whatever_the_number_open(world, as_user) -> None:
    client = as_user(world.board_member)  # signed in: the page is built, never from the cache

    def count() -> int:
        client.get("/")  # warm: the session, the user, the identity after the writes
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    small = count()
    assert small > 0
    for i in range(12):
        make_consultation(body=world.board, is_public=True, title=f"Survey {i}")
    assert count() == small


def test_an_overlap_is_named_and_saving_needs_confirming(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:create", args=["consultations"])
    response = client.post(url, _data(world))
    assert response.status_code == 200
    assert not Consultation.objects.filter(title="Lighting, second round").exists()
    errors = _field_errors(response, "confirm_overlap")
    assert len(errors) == 1 and "Your say on street lighting" in errors[0]
    warning = BeautifulSoup(response.content, "html.parser").find(id="overlaps").get_text()
    assert "Your say on street lighting" in warning
    assert "Draft Zephyrine consultation" in warning  # the editor's own body's draft
    assert "Offender tasking" not in response.content.decode()  # a body they may not see
    response = client.post(url, _data(world, confirm_overlap="on"))
    assert response.status_code == 302
    assert Consultation.objects.filter(title="Lighting, second round").exists()


@pytest.mark.parametrize(
    ("changes", "overlaps"),
    [
        ({}, True),
        ({"audience": "businesses"}, False),
        ({"audience": "everyone"}, True),
        ({"opens": dt.timedelta(days=8)}, False),  # opens the day after the other closes
        ({"status": "withdrawn"}, False),
    ],
)
def test_what_counts_as_an_overlap(world, changes, overlaps) -> None:
    changes = {
        k: (_today() + v).isoformat() if isinstance(v, dt.timedelta) else v
        for k, v in changes.items()
    }
    form = ConsultationForm(_data(world, **changes), viewer=build_viewer(world.secretariat))
    form.is_valid()
    assert ("confirm_overlap" in form.errors) is overlaps


def test_areas_overlap_up_and_down_their_hierarchy_not_across(world) -> None:
    town = Area.objects.create(code="E08000099", name="Riverton", level="local_authority")
    north = Area.objects.create(code="E05000001", name="North", level="ward", parent=town)
    south = Area.objects.create(code="E05000002", name="South", level="ward", parent=town)
    others = Consultation.objects.exclude(pk=world.public_consultation.pk)
    others.update(status="withdrawn")  # only the one in North is left to overlap
    world.public_consultation.area = north
    world.public_consultation.save()
    for area, overlaps in ((north, True), (town, True), (south, False), (None, True)):
        data = _data(world, area=str(area.pk) if area else None)
        form = ConsultationForm(data, viewer=build_viewer(world.secretariat))
        form.is_valid()
        assert ("confirm_overlap" in form.errors) is overlaps, area
    world.public_consultation.area = town
    world.public_consultation.save()
    form = ConsultationForm(
        _data(world, area=str(south.pk)), viewer=build_viewer(world.secretariat)
    )
    assert not form.is_valid() and "confirm_overlap" in form.errors  # a ward within the town


def test_closing_before_opening_is_refused_on_the_field(world) -> None:
    data = _data(world, closes=(_today() - dt.timedelta(days=5)).isoformat(), confirm_overlap="on")
    form = ConsultationForm(data, viewer=build_viewer(world.secretariat))
    assert not form.is_valid()
    assert list(form.errors) == ["closes"]


def test_a_stale_edit_is_refused_and_changes_are_in_the_history(world, as_user) -> None:
    entry = world.public_consultation
    client = as_user(world.editor)
    url = reverse("registers:edit", args=["consultations", entry.pk])
    fields = _data(world, title="Lighting (revised)", confirm_overlap="on")
    fields.update(opened_version=str(entry.version), outcome="New lamps on Mill Lane.")
    assert client.post(url, fields).status_code == 302
    stale = client.post(url, {**fields, "title": "Lost update"})
    assert stale.status_code == 200
    entry.refresh_from_db()
    assert entry.title == "Lighting (revised)"
    assert entry.history.count() == 2


def test_the_export_is_neutralised_and_shows_the_public_only_what_is_public(world, client) -> None:
    make_consultation(body=world.board, is_public=True, title='=HYPERLINK("http://evil","x")')
    data = client.get(reverse("registers:export", args=["consultations", "csv"])).content
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    titles = [r[0] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil","x")' in titles
    assert "Draft Zephyrine consultation" not in titles
    assert not any("Offender" in t or "Members'" in t for t in titles)


def test_a_signed_out_crawl_never_meets_a_draft_or_members_only_consultation(world, client):
    make_consultation(  # a draft aimed at the same people, with an unmistakable title
        body=world.board, is_public=True, status="draft", title="Sentinel Quillwort draft"
    )
    pages = crawl_public(client)
    assert "/consultations/" in pages and "/registers/consultations/export.csv" in pages
    assert found(pages, "Your say on street lighting")  # the public one is there
    for secret in ("Quillwort", "Zephyrine", "Members' survey", "Offender tasking consultation"):
        assert found(pages, secret) == [], secret
    searched = client.get(reverse("search:search"), {"q": "quillwort zephyrine"})
    assert "Quillwort" not in searched.content.decode()
