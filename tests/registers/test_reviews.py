"""Recommendations (updates, progress note, the annual report's rows) and strategies
(steps, periods, indicators): rules, messages on the field, visibility, stale saves."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from concord.lib.access import PUBLIC, Viewer
from concord.registers.models import Recommendation, Strategy
from concord.registers.recommendations import recommendations_progressed
from concord.registers.strategies import check_step
from tests.performance.perf_factories import make_indicator
from tests.registers.entries import make_recommendation, make_update

SECRETARIAT = Viewer(is_secretariat=True)


def _update(client, rec, **data):
    data.setdefault("date", "2025-05-01")
    data.setdefault("note", "The summary went to the board.")
    data.setdefault("status_after", "implemented")
    data.setdefault("opened_version", rec.version)
    return client.post(reverse("registers:recommendation_update", args=[rec.pk]), data)


def test_an_update_records_what_happened_and_moves_the_status(world, as_user) -> None:
    rec = world.public_recommendation
    response = _update(as_user(world.editor), rec)
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "implemented"
    assert [u.note for u in rec.updates.order_by("date")][-1] == "The summary went to the board."
    assert rec.history.count() == 2  # created, then moved by the update
    page = as_user(world.editor).get(reverse("registers:detail", args=["recommendations", rec.pk]))
    assert "The summary went to the board." in page.content.decode()


def test_an_update_before_the_recommendation_is_refused_on_the_date(world, as_user) -> None:
    rec = world.public_recommendation
    response = _update(as_user(world.editor), rec, date="2024-12-31")
    assert response.status_code == 400
    assert "before the recommendation was made" in str(response.context["form"].errors["date"])
    rec.refresh_from_db()
    assert rec.status == "open"


def test_a_stale_update_is_refused(world, as_user) -> None:
    rec = world.public_recommendation
    client = as_user(world.editor)
    assert _update(client, rec, opened_version=rec.version).status_code == 302
    response = _update(client, rec, opened_version=rec.version, note="Typed twice")
    assert response.status_code == 400
    assert not rec.updates.filter(note="Typed twice").exists()


def test_the_owner_body_offered_is_only_what_the_editor_may_see(world, as_user) -> None:
    page = as_user(world.editor).get(reverse("registers:create", args=["recommendations"]))
    html = page.content.decode()
    assert world.board.name in html
    assert world.tasking.name not in html  # members-only, and the editor is not on it


def test_the_progress_note_lists_recommendation_response_updates_and_status(world, as_user) -> None:
    rec = world.public_recommendation
    rec.response = "Agreed: a summary by the summer."
    rec.save()
    make_update(rec, date=dt.date(2025, 6, 1), note="Summary published on the website.")
    html = as_user(None).get(reverse("registers:progress_note")).content.decode()
    for text in (
        rec.text.replace("'", "&#x27;"),
        "Agreed: a summary by the summer.",
        "1 Apr 2025",
        "Summary published on the website.",
        "Open",
    ):
        assert text in html
    assert world.hidden_recommendation.text not in html  # a members-only body's


def test_the_progress_note_in_word_reads_back(world, as_user) -> None:
    response = as_user(world.secretariat).get(reverse("registers:progress_note_docx"))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Progress on recommendations" in text
    assert "Share offender data weekly." in cells  # the secretariat sees every body's
    assert "What has happened" in cells
    assert any("A plain English summary was drafted." in c for c in cells)


def test_the_progress_note_takes_the_lists_filters(world, as_user) -> None:
    url = reverse("registers:progress_note") + "?status=implemented"
    html = as_user(world.secretariat).get(url).content.decode()
    assert "No recommendations." in html
    assert as_user(None).get(reverse("registers:progress_note") + "?sort=nope").status_code == 400


def test_recommendations_progressed_in_a_period(world) -> None:
    rec = world.public_recommendation  # updated 1 Apr 2025
    later = make_recommendation(body=world.board, is_public=True, reference="R2")
    make_update(later, date=dt.date(2026, 2, 1), note="Done next year")
    hidden = world.hidden_recommendation
    make_update(hidden, date=dt.date(2025, 5, 1))
    rows = recommendations_progressed(dt.date(2025, 1, 1), dt.date(2025, 12, 31), PUBLIC)
    assert [r.recommendation for r in rows] == [rec]
    assert [u.date for u in rows[0].updates] == [dt.date(2025, 4, 1)]
    everyone = recommendations_progressed(dt.date(2025, 1, 1), dt.date(2025, 12, 31), SECRETARIAT)
    assert {r.recommendation for r in everyone} == {rec, hidden}


@pytest.mark.parametrize("extra", [0, 6])
def test_recommendations_progressed_takes_two_queries(world, extra) -> None:
    for i in range(extra):
        make_update(make_recommendation(body=world.board, reference=f"X{i}"))
    with CaptureQueriesContext(connection) as ctx:
        rows = recommendations_progressed(dt.date(2025, 1, 1), dt.date(2025, 12, 31), SECRETARIAT)
    assert len(rows) == 1 + extra
    assert len(ctx.captured_queries) == 2


def test_the_annual_report_partial_renders_the_rows(world) -> None:
    rows = recommendations_progressed(dt.date(2025, 1, 1), dt.date(2025, 12, 31), PUBLIC)
    html = render_to_string("registers/annual/_recommendations.html", {"data": rows})
    assert "Recommendations with an update in the year" in html
    assert "A plain English summary was drafted." in html
    assert "Open" in html
    empty = render_to_string("registers/annual/_recommendations.html", {"data": []})
    assert "No recommendations were progressed in the year." in empty


# Strategies


def _step(client, strategy, status, on, version=None):
    return client.post(
        reverse("registers:strategy_step", args=[strategy.pk]),
        {"status": status, "on": on, "opened_version": version or strategy.version},
    )


def test_a_strategy_steps_through_in_order_each_dated(world, as_user) -> None:
    strategy = world.public_strategy
    client = as_user(world.editor)
    for status, on in (
        ("consultation", "2025-02-01"),
        ("approved", "2025-04-01"),
        ("published", "2025-05-01"),
        ("under_review", "2027-01-10"),
    ):
        strategy.refresh_from_db()
        assert _step(client, strategy, status, on).status_code == 302, status
    strategy.refresh_from_db()
    assert strategy.status == "under_review"
    assert (strategy.approved_on, strategy.review_started_on) == (
        dt.date(2025, 4, 1),
        dt.date(2027, 1, 10),
    )
    html = client.get(reverse("registers:detail", args=["strategies", strategy.pk])).content
    assert "Out to consultation: 1 Feb 2025" in html.decode()


def test_a_step_out_of_order_or_too_early_is_refused_on_the_field(world, as_user) -> None:
    strategy = world.public_strategy
    client = as_user(world.editor)
    response = _step(client, strategy, "published", "2025-02-01")
    assert response.status_code == 400
    assert "cannot go straight to published" in str(response.context["form"].errors["status"])
    response = _step(client, strategy, "consultation", "2024-12-01")
    assert "before the strategy" in response.context["form"].errors["on"][0]
    strategy.refresh_from_db()
    assert strategy.status == "draft"
    assert check_step(strategy, "nonsense", dt.date(2025, 3, 1))["status"]


def test_a_stale_step_is_refused(world, as_user) -> None:
    strategy = world.public_strategy
    client = as_user(world.editor)
    opened = strategy.version
    assert _step(client, strategy, "consultation", "2025-02-01", opened).status_code == 302
    strategy.refresh_from_db()
    assert _step(client, strategy, "approved", "2025-03-01", opened).status_code == 400
    strategy.refresh_from_db()
    assert strategy.status == "consultation"


def _strategy_form(world, **data):
    base = {
        "title": "Children and Young People's Plan",
        "body": world.board.pk,
        "start_year": "2008",
        "end_year": "2028",
        "drafted_on": "2008-01-01",
        "priorities": "Be healthy\nStay safe",
        "documents": "https://example.org/plan.pdf",
    }
    base.update(data)
    return base


def test_a_strategy_period_and_review_date_are_checked_on_the_field(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("registers:create", args=["strategies"])
    response = client.post(url, _strategy_form(world, end_year="2007", review_date="2007-06-01"))
    errors = response.context["form"].errors
    assert "cannot end before it starts" in str(errors["end_year"])
    assert "before the strategy was started" in str(errors["review_date"])
    response = client.post(url, _strategy_form(world, documents="not a link"))
    assert "is not a web address" in str(response.context["form"].errors["documents"])
    assert client.post(url, _strategy_form(world)).status_code == 302
    made = Strategy.objects.get(title="Children and Young People's Plan")
    assert (made.period, made.priority_list) == ("2008–2028", ["Be healthy", "Stay safe"])


def test_only_indicators_the_editor_may_see_are_offered_and_hidden_ones_are_kept(
    world, as_user
) -> None:
    seen = make_indicator(title="Burglary rate", body=world.board)
    hidden = make_indicator(title="Offender reoffending", body=world.tasking)
    strategy = world.public_strategy
    strategy.indicators.add(hidden)
    client = as_user(world.editor)
    url = reverse("registers:edit", args=["strategies", strategy.pk])
    html = client.get(url).content.decode()
    assert "Burglary rate" in html and "Offender reoffending" not in html
    data = _strategy_form(
        world, indicators=[seen.pk], opened_version=strategy.version, is_public="on"
    )
    assert client.post(url, data).status_code == 302
    assert set(strategy.indicators.all()) == {seen, hidden}
    response = client.post(url, {**data, "indicators": [hidden.pk]})
    assert "indicators" in response.context["form"].errors  # not choosable by this editor
    page = as_user(None).get(reverse("registers:detail", args=["strategies", strategy.pk]))
    assert "Burglary rate" in page.content.decode()
    assert "Offender reoffending" not in page.content.decode()


def test_recommendations_and_strategies_import_all_or_nothing(world, as_user) -> None:
    client = as_user(world.secretariat)
    good = (
        "made_on,reference,text,source,source_name,body,status\n"
        f"2025-03-01,A1,Meet monthly,Audit,Internal Audit,{world.board.name},Open\n"
    )
    bad = good + f"2025-03-01,A2,Again,Audit,Internal Audit,{world.board.name},Lost\n"
    url = reverse("registers:import", args=["recommendations"])
    response = client.post(url, {"file": _file(bad, "r.csv")})
    assert response.status_code == 400
    assert "Row 3" in response.content.decode()
    assert not Recommendation.objects.filter(reference="A1").exists()
    client.post(url, {"file": _file(good, "r.csv")})
    assert Recommendation.objects.get(reference="A1").source == "audit"
    export = client.get(reverse("registers:export", args=["strategies", "csv"])).content.decode()
    assert export.splitlines()[0].startswith("title,period,body,status,review_date")
    rows = "\n".join(export.splitlines()[:2]).replace("Community Safety Strategy", "Copy")
    response = client.post(
        reverse("registers:import", args=["strategies"]), {"file": _file(rows, "s.csv")}
    )
    assert response.status_code == 302
    assert Strategy.objects.filter(title="Copy").exists()


def _file(text: str, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_a_strategy_list_and_a_recommendation_list_hide_members_only_bodies(world, as_user) -> None:
    for slug, hidden in (
        ("strategies", "Offender Management Strategy"),
        ("recommendations", "Share offender data weekly."),
    ):
        html = as_user(None).get(reverse("registers:list", args=[slug])).content.decode()
        assert hidden not in html
        html = as_user(world.tasking_member).get(reverse("registers:list", args=[slug]))
        assert hidden in html.content.decode()


def test_the_indicator_picker_is_checkboxes_grouped_by_theme(world, as_user) -> None:
    make_indicator(code="ZZ 1", title="Burglary rate", body=world.board, theme="Safer streets")
    make_indicator(code="AA 1", title="Street lighting", body=world.board, theme="Safer streets")
    make_indicator(code="BB 1", title="Smoking quitters", body=world.board, theme="Health")
    make_indicator(code="CC 1", title="Unthemed count", body=world.board)
    make_indicator(code="DD 1", title="Offender reoffending", body=world.tasking, theme="Health")
    response = as_user(world.editor).get(reverse("registers:create", args=["strategies"]))
    html = response.content.decode()
    assert 'type="checkbox" name="indicators"' in html  # works without script
    groups = response.context["form"].fields["indicators"].choices
    mine = ("AA", "BB", "CC", "DD", "ZZ")  # the world's own indicators left aside
    shown = [(theme, [lb for _, lb in choices if lb.startswith(mine)]) for theme, choices in groups]
    assert [(theme, labels) for theme, labels in shown if labels] == [
        ("Health", ["BB 1 — Smoking quitters"]),
        ("Safer streets", ["AA 1 — Street lighting", "ZZ 1 — Burglary rate"]),
        ("No theme", ["CC 1 — Unthemed count"]),
    ]
    assert "Offender reoffending" not in html


def test_each_theme_of_the_indicator_picker_is_a_fieldset_named_by_its_legend(
    world, as_user
) -> None:
    from bs4 import BeautifulSoup

    make_indicator(code="AA 1", title="Street lighting", body=world.board, theme="Safer streets")
    make_indicator(code="CC 1", title="Unthemed count", body=world.board)
    html = as_user(world.editor).get(reverse("registers:create", args=["strategies"]))
    soup = BeautifulSoup(html.content.decode(), "html.parser")
    box = soup.find("input", attrs={"name": "indicators", "id": True})
    outer = soup.find(id="id_indicators").find_parent("fieldset")
    assert outer.legend.get_text(strip=True) == "Linked indicators"
    assert outer["aria-describedby"] == "id_indicators_helptext"
    assert soup.find("label", attrs={"for": "id_indicators"}) is None  # no label for a group
    groups = {
        g.legend.get_text(strip=True): [i["value"] for i in g.find_all("input")]
        for g in outer.find_all("fieldset", class_="checkbox-group")
    }
    assert "Safer streets" in groups and "No theme" in groups
    street = soup.find("label", string=lambda t: t and "AA 1 — Street lighting" in t)
    street = street or next(
        lb for lb in soup.find_all("label") if "AA 1 — Street lighting" in lb.get_text()
    )
    group = street.find_parent("fieldset", class_="checkbox-group")
    assert group.legend.get_text(strip=True) == "Safer streets"
    assert soup.find("label", attrs={"for": box["id"]}) is not None  # each box has its label
