"""The action tracker as CSV: signed-in only, tracker filters, safe in Excel."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from concord.exports.actions_csv import HEADER, csv_safe
from tests.factories import make_action
from tests.querycounts import warm_up


def rows(client, query: str = "") -> list[list[str]]:
    response = client.get(reverse("exports:actions_csv") + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("exports:actions_csv"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_has_a_header_and_one_row_per_visible_action(client, world):
    client.force_login(world.secretariat)
    header, *data = rows(client)
    assert tuple(header) == HEADER
    by_id = {int(row[0]): row for row in data}
    assert set(by_id) == {world.public_action.pk, world.secret_action.pk, world.private_action.pk}
    assert by_id[world.public_action.pk] == [
        str(world.public_action.pk),
        "Safer Riverton Board",
        "2025-03-04",
        "1. Community safety plan",
        "Publish the community safety plan",
        "Cllr Ann Lee",
        "2025-04-30",
        "month",
        "open",
        "",
    ]


def test_a_partner_gets_only_the_actions_they_may_see(client, world):
    client.force_login(world.partner)
    ids = {int(row[0]) for row in rows(client)[1:]}
    assert ids == {world.public_action.pk}


def test_the_body_filter_of_the_tracker_applies(client, world):
    client.force_login(world.secretariat)
    ids = {int(row[0]) for row in rows(client, f"?body={world.tasking.pk}")[1:]}
    assert ids == {world.private_action.pk}


def test_the_status_filter_of_the_tracker_applies(client, world):
    world.public_action.status = "done"
    world.public_action.save()
    client.force_login(world.secretariat)
    assert world.public_action.pk not in {int(r[0]) for r in rows(client)[1:]}
    assert world.public_action.pk in {int(r[0]) for r in rows(client, "?status=all")[1:]}


def test_formulas_in_cells_are_neutralised(client, world):
    make_action(body=world.board, description='=HYPERLINK("http://evil.example","click")')
    make_action(body=world.board, description="+1+2")
    make_action(body=world.board, description="-cmd")
    make_action(body=world.board, description="@SUM(A1)")
    client.force_login(world.secretariat)
    descriptions = {row[4] for row in rows(client)[1:]}
    assert {
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1+2",
        "'-cmd",
        "'@SUM(A1)",
    } <= descriptions
    assert not any(d.startswith(("=", "+", "-", "@")) for d in descriptions)


def test_csv_safe_leaves_ordinary_text_alone():
    assert csv_safe("Publish the plan") == "Publish the plan"
    assert csv_safe("2025-04-30") == "2025-04-30"
    assert csv_safe("\t=1") == "'\t=1"


def test_the_export_takes_the_same_queries_for_2_or_10_actions(
    client, world, django_assert_num_queries
):
    client.force_login(world.secretariat)
    url = reverse("exports:actions_csv") + f"?body={world.board.pk}&status=all"
    warm_up(client, url)
    # actions, owners (session, user and viewer are kept until anything is written)
    with django_assert_num_queries(2):
        assert len(client.get(url).content.splitlines()) == 3
    for n in range(8):
        make_action(body=world.board, description=f"More {n}", owners=(world.chair,))
    warm_up(client, url)  # the writes made the kept user and viewer obsolete
    with django_assert_num_queries(2):
        assert len(client.get(url).content.splitlines()) == 11


def test_an_impossible_body_id_is_ignored_like_any_malformed_filter(client, world):
    client.force_login(world.secretariat)
    assert len(rows(client, "?body=" + "9" * 25)) == 4
