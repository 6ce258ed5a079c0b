"""Turning the curve: baseline and forecast, story, partners, what works, and an action
plan made of real tracker actions whose progress shows on the report and in matters arising."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.actions.models import Action, ActionUpdate
from concord.performance.models import TurnTheCurve
from tests.factories import make_meeting
from tests.performance.pages_world import build_perf_world


@pytest.fixture
def w(db):
    return build_perf_world()


def url(name: str, w) -> str:
    return reverse(f"performance:{name}", args=[w.rate.pk]) + f"?area={w.la.code}"


def test_the_report_shows_its_five_parts_with_text_escaped(client, w):
    response = client.get(url("turn_the_curve", w))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "1. Baseline and forecast",
        "2. The story behind the baseline",
        "3. Partners with a role to play",
        "4. What works",
        "5. Action plan",
    ):
        assert heading in html
    assert "Repeat calls cluster &lt;b&gt;near&lt;/b&gt; two estates." in html
    assert "<li>Housing association</li>" in html and "<li>Fire service</li>" in html
    assert 'class="forecast"' in html  # the forecast line on the baseline chart
    assert "Illustrative figures" in html


def test_an_editor_writes_a_report_where_none_exists(client, w):
    TurnTheCurve.objects.all().delete()
    assert "not been written" in client.get(url("turn_the_curve", w)).content.decode().replace(
        "No turn-the-curve report has been written", "not been written"
    )
    client.force_login(w.editor)
    response = client.post(
        url("turn_the_curve_edit", w),
        {
            "story": "  Calls rose\r\n\r\n\r\nafter the  closure. ",
            "partners": "Police",
            "what_works": "Visits",
            "forecast_ahead": "2",
        },
    )
    assert response.status_code == 302
    ttc = TurnTheCurve.objects.get(indicator=w.rate, area=w.la)
    assert ttc.story == "Calls rose\n\nafter the closure."
    assert ttc.body == w.board
    assert ttc.history.count() == 1


def test_a_bad_forecast_length_is_reported_on_its_field(client, w):
    client.force_login(w.editor)
    response = client.post(url("turn_the_curve_edit", w), {"forecast_ahead": "40"})
    assert response.status_code == 200
    assert "Periods to forecast ahead: Forecast between 1 and 12 periods ahead." in (
        response.content.decode()
    )


def test_adding_a_plan_action_creates_a_tracker_action_owned_by_the_indicators_body(client, w):
    client.force_login(w.editor)
    response = client.post(
        url("plan_action_create", w),
        {
            "description": "Fit  door chains on the two estates",
            "owner_people": [w.chair.pk],
            "due": "Sept 2025",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Fit door chains on the two estates")
    assert action.body == w.board
    assert [o.person for o in action.owners.all()] == [w.chair]
    assert action.due_date == dt.date(2025, 9, 30) and action.due_precision == "month"
    assert list(w.ttc.actions.all()) == [action]
    # it is chased like any other action: matters arising at the body's next meeting
    later = make_meeting(body=w.board, date=dt.date.today() + dt.timedelta(days=30))
    assert action in Action.objects.matters_arising(later)


def test_an_action_without_people_is_owned_by_the_body(client, w):
    client.force_login(w.editor)
    client.post(url("plan_action_create", w), {"description": "Map repeat addresses"})
    action = Action.objects.get(description="Map repeat addresses")
    assert [o.body for o in action.owners.all()] == [w.board]


def test_progress_notes_show_on_the_report(client, w):
    client.force_login(w.editor)
    client.post(url("plan_action_create", w), {"description": "Map repeat addresses"})
    action = Action.objects.get(description="Map repeat addresses")
    ActionUpdate.objects.create(
        action=action,
        date=dt.date(2025, 2, 1),
        note="Half the <i>map</i> done",
        status_after="open",
    )
    html = client.get(url("turn_the_curve", w)).content.decode()
    assert "Map repeat addresses" in html
    assert "Half the &lt;i&gt;map&lt;/i&gt; done" in html
    assert "1 Feb 2025" in html


def test_a_plan_action_needs_a_description(client, w):
    client.force_login(w.editor)
    response = client.post(url("plan_action_create", w), {"description": "   "})
    assert response.status_code == 200
    assert "What is to be done:" in response.content.decode()
    assert not w.ttc.actions.exists()


def test_only_editors_of_the_owning_body_and_the_secretariat_may_change_the_report(client, w):
    for user in (w.partner, w.board_member, w.tasking_editor):
        client.force_login(user)
        assert client.get(url("turn_the_curve_edit", w)).status_code == 403
        assert client.post(url("plan_action_create", w), {"description": "x"}).status_code == 403
    assert not Action.objects.filter(description="x").exists()
    client.force_login(w.secretariat)
    assert client.get(url("turn_the_curve_edit", w)).status_code == 200


def test_the_plan_shows_actions_to_those_the_tracker_shows_them_to(client, w):
    client.force_login(w.editor)
    client.post(url("plan_action_create", w), {"description": "Map repeat addresses"})
    client.logout()
    public = client.get(url("turn_the_curve", w)).content.decode()
    assert "Map repeat addresses" not in public
    assert "No actions in the plan that you may see" in public
    client.force_login(w.board_member)
    assert "Map repeat addresses" in client.get(url("turn_the_curve", w)).content.decode()
