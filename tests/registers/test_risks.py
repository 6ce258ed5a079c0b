"""Risks: score, target, score history, mitigations as tracker actions, the heat map."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import IntegrityError
from django.urls import reverse

from concord.actions.models import Action
from concord.lib.access import PUBLIC
from concord.registers.heat_map import band, cells, grid
from concord.registers.models import Risk, risk_score
from tests.registers.entries import make_risk


@pytest.mark.parametrize(("likelihood", "impact", "score"), [(1, 1, 1), (4, 3, 12), (5, 5, 25)])
def test_the_score_is_likelihood_times_impact(world, likelihood, impact, score) -> None:
    risk = make_risk(body=world.board, likelihood=likelihood, impact=impact)
    assert risk.score == risk_score(likelihood, impact) == score


def test_the_database_refuses_a_likelihood_of_7_too(world) -> None:
    with pytest.raises(IntegrityError):
        make_risk(body=world.board, likelihood=7)


def test_risks_above_target_are_live_ones_scoring_more_than_their_target(world) -> None:
    make_risk(body=world.board, title="On target", likelihood=2, impact=2, target_score=4)
    make_risk(body=world.board, title="Closed", likelihood=5, impact=5, status="closed")
    above = set(Risk.objects.above_target().values_list("title", flat=True))
    assert above == {"Funding for wardens ends"}
    assert world.public_risk.is_above_target


def test_the_score_history_lists_each_change_of_score(world, as_user) -> None:
    risk = world.public_risk
    client = as_user(world.editor)
    for likelihood in (3, 3, 2):
        risk.refresh_from_db()
        response = client.post(
            reverse("registers:edit", args=["risks", risk.pk]),
            {
                "title": risk.title,
                "body": world.board.pk,
                "likelihood": likelihood,
                "impact": 3,
                "target_score": 6,
                "identified_on": "2025-01-01",
                "status": "open",
                "opened_version": risk.version,
            },
        )
        assert response.status_code == 302
    page = client.get(reverse("registers:detail", args=["risks", risk.pk]))
    points = [(p.likelihood, p.impact, p.score) for p in page.context["score_history"]]
    assert points == [(4, 3, 12), (3, 3, 9), (2, 3, 6)]


def test_a_mitigation_becomes_a_tracker_action_of_the_risks_body(world, as_user) -> None:
    client = as_user(world.editor)
    response = client.post(
        reverse("registers:mitigate", args=[world.public_risk.pk]),
        {"description": "Find match funding for the wardens", "due_date": "2026-03-31"},
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Find match funding for the wardens")
    assert action.body == world.board
    assert list(action.risks_mitigated.all()) == [world.public_risk]
    page = client.get(reverse("registers:detail", args=["risks", world.public_risk.pk]))
    assert "Find match funding for the wardens" in page.content.decode()
    refused = client.post(reverse("registers:mitigate", args=[world.public_risk.pk]), {})
    assert "Mitigation action: This field is required." in refused.content.decode()


def test_the_heat_map_counts_live_risks_the_viewer_may_see(world) -> None:
    make_risk(body=world.board, is_public=True, likelihood=4, impact=3)
    make_risk(body=world.board, is_public=True, likelihood=4, impact=3, status="closed")
    assert grid(PUBLIC) == {(4, 3): 2}
    rows = cells(grid(PUBLIC))
    assert [c.likelihood for c in rows[0]] == [5] * 5  # likelihood 5 on top
    assert rows[1][2].count == 2 and rows[1][2].band == "high"
    assert sum(c.count for row in rows for c in row) == 2
    assert (band(1), band(5), band(12), band(25)) == ("low", "medium", "high", "very-high")


def test_the_heat_map_is_an_accessible_svg_with_a_table_beside_it(world, as_user) -> None:
    page = as_user(None).get(reverse("registers:heat_map"))
    soup = BeautifulSoup(page.content, "html.parser")
    svg = soup.find("svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "heat-title heat-desc"
    assert svg.find("title").get_text() == "Risk heat map: likelihood by impact"
    assert "five by five" in svg.find("desc").get_text()
    assert len(svg.find_all("rect")) == 25
    table = soup.find("table")
    counts = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert counts[1] == ["0", "0", "1", "0", "0"]  # likelihood 4, impact 3: the public risk
    assert sum(int(n) for row in counts for n in row) == 1  # the tasking group's is hidden
