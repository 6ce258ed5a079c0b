"""The facts portal: priorities with their published indicators, ward profiles, downloads,
small counts withheld, bad query values refused with a 400 that names them."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse

from concord.governance.models import Partnership
from tests.facts.world import NOT_FACTS, SENTINEL

SLUGS = {1: "safer-streets", 2: "safe-homes", 3: "cleaner-air"}  # the plan's lines, slugified


def _priority(world, number: int = 1) -> str:
    return reverse("facts:priority", args=[world.plan.pk, SLUGS[number]])


def _csv(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_index_lists_priorities_in_force_and_every_ward(world) -> None:
    page = Client().get(reverse("facts:index")).content.decode()
    assert "Facts about Harbourside" in page  # the place's area, when the identity names none
    assert "Harbourside Safety Plan" in page
    assert _priority(world, 1) in page and _priority(world, 3) in page
    for ward in world.wards:
        assert reverse("facts:profile", args=[ward.code]) in page
    assert SENTINEL not in page and NOT_FACTS not in page


def test_the_title_is_the_partnership_s_place(world) -> None:
    Partnership.objects.create(pk=1, name="Harbour Partnership", place="Harbour Town")
    page = Client().get(reverse("facts:index")).content.decode()
    assert "<h1>Facts about Harbour Town</h1>" in page


def test_a_priority_shows_its_published_indicators_with_chart_and_table(world) -> None:
    page = Client().get(_priority(world)).content.decode()
    assert "HS 1 Repeat incidents per 1,000 homes" in page
    assert "HS 3 Hate incidents reported" in page
    assert "HS 2" not in page  # under "Safe homes", the second priority
    assert "OT 1" not in page and "SX 1" not in page
    assert SENTINEL not in page and NOT_FACTS not in page
    assert page.count('role="img"') >= 2 and "the figures</caption>" in page
    assert '<td data-label="Latest value">46</td>' in page  # Harbourside's latest rate
    homes = Client().get(_priority(world, 2)).content.decode()  # " safe HOMES " matches
    assert "HS 2 Households with working smoke alarms" in homes
    empty = Client().get(_priority(world, 3)).content.decode()
    assert "No published indicator measures this priority yet." in empty


def test_a_ward_s_small_count_is_withheld_on_the_priority_page_and_its_csv(world) -> None:
    ward = world.wards[1]  # a count of 3 at 2024-Q4
    url = _priority(world) + f"?area={ward.code}"
    page = Client().get(url).content.decode()
    assert "<td>Suppressed (small number)</td>" in page and ">33<" not in page
    rows = _csv(
        Client().get(
            reverse("facts:priority_csv", args=[world.plan.pk, "safer-streets"])
            + f"?area={ward.code}"
        )
    )
    q4 = next(r for r in rows if r["indicator code"] == "HS 1" and r["period"] == "Q4 2024")
    assert q4["value"] == "" and q4["note"] == "Suppressed (small number)"
    assert {r["area code"] for r in rows} == {ward.code}


def test_a_ward_profile_sets_the_ward_beside_the_place_and_the_region(world) -> None:
    client = Client()
    shown = client.get(reverse("facts:profile", args=[world.wards[0].code])).content.decode()
    assert "Ward 1: ward profile" in shown and "Invented Region" in shown
    for value in ("30", "46", "55"):  # Ward 1, Harbourside and the region at Q4 2024
        assert f">{value}</td>" in shown
    withheld = client.get(reverse("facts:profile", args=[world.wards[1].code])).content.decode()
    assert "Suppressed (small number)" in withheld and ">33<" not in withheld
    assert SENTINEL not in withheld and "OT 1" not in withheld
    rows = _csv(client.get(reverse("facts:profile_csv", args=[world.wards[1].code])))
    rate = next(r for r in rows if r["indicator code"] == "HS 1")
    assert rate["ward value"] == "" and rate["ward note"] == "Suppressed (small number)"
    assert rate["place value"] == "46.0" and rate["region value"] == "55.0"
    assert rate["priority"] == "Safer streets" and rate["direction of travel"]


def test_csv_cells_are_never_formulas(world) -> None:
    world.late.title = '=HYPERLINK("http://evil")'
    world.late.save()
    rows = _csv(Client().get(reverse("facts:priority_csv", args=[world.plan.pk, "safer-streets"])))
    assert {r["indicator"] for r in rows if r["indicator code"] == "HS 3"} == {
        '\'=HYPERLINK("http://evil")'
    }


def test_absurd_query_values_are_a_400_that_names_them(world) -> None:
    client = Client()
    for url in (
        _priority(world) + "?period=9999-Q4",
        _priority(world) + "?area=" + "9" * 40,
        _priority(world) + "?area=N9000001",  # an area, but not one these pages offer
        reverse("facts:profile", args=[world.wards[0].code]) + "?period=2024-Q9",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert b"Period:" in response.content or b"Area:" in response.content
    for url in (
        reverse("facts:priority_csv", args=[world.plan.pk, "safer-streets"]) + "?period=0000-00-00",
        reverse("facts:profile_csv", args=[world.wards[0].code]) + "?period=-1",
    ):
        assert client.get(url).status_code == 400, url


def test_what_the_public_may_not_read_is_not_found(world) -> None:
    client = Client()
    for url in (
        reverse("facts:priority", args=[world.restricted.pk, 1]),
        reverse("facts:priority", args=[world.draft_strategy.pk, 1]),
        reverse("facts:priority", args=[world.plan.pk, 4]),  # numbered: no fourth line
        reverse("facts:priority", args=[world.plan.pk, 0]),
        reverse("facts:priority", args=[world.plan.pk, "no-such-priority"]),
        reverse("facts:priority", args=[world.restricted.pk, "zanzibar-quokka-priority"]),
        reverse("facts:priority", args=[world.draft_strategy.pk, "safer-streets"]),
        reverse("facts:priority", args=[world.plan.pk, "x" * 300]),
        reverse("facts:priority", args=[int("9" * 40), 1]),
        reverse("facts:priority_csv", args=[world.restricted.pk, 1]),
        reverse("facts:profile", args=[world.region.code]),  # not a ward
        reverse("facts:profile", args=["x" * 300]),
    ):
        assert client.get(url).status_code == 404, url


def test_signed_in_people_see_the_public_facts(world, as_user) -> None:
    """The portal is the public's: a member of the tasking group finds nothing more."""
    page = as_user(world.secretariat).get(_priority(world)).content.decode()
    assert SENTINEL not in page and "OT 1" not in page


def test_the_header_and_the_home_page_link_to_the_facts(world) -> None:
    page = Client().get("/").content.decode()
    assert page.count(f'href="{reverse("facts:index")}"') >= 2


def test_a_prioritys_address_stays_when_a_line_is_inserted_above_it(world) -> None:
    """Priorities are addressed by slug: inserting a line above keeps every link; the old
    numbered addresses redirect (temporarily, with their query) to the priority now at
    that number."""
    client = Client()
    homes = _priority(world, 2)
    smoke_alarms = "HS 2 Households with working smoke alarms"  # under "safe HOMES"
    assert smoke_alarms in client.get(homes).content.decode()
    world.plan.priorities = "Thriving town centre\n" + world.plan.priorities
    world.plan.save()
    page = client.get(homes)
    assert page.status_code == 200 and smoke_alarms in page.content.decode()
    index = client.get(reverse("facts:index")).content.decode()
    assert homes in index and _priority(world, 1) in index
    assert reverse("facts:priority", args=[world.plan.pk, "thriving-town-centre"]) in index

    old = client.get(f"/facts/strategies/{world.plan.pk}/priorities/3/?area={world.wards[0].code}")
    assert old.status_code == 302 and old["Location"] == f"{homes}?area={world.wards[0].code}"
    old_csv = client.get(f"/facts/strategies/{world.plan.pk}/priorities/1/facts.csv")
    assert old_csv.status_code == 302
    assert old_csv["Location"] == reverse(
        "facts:priority_csv", args=[world.plan.pk, "thriving-town-centre"]
    )
    assert client.get(f"/facts/strategies/{world.plan.pk}/priorities/5/").status_code == 404
    csv_response = client.get(reverse("facts:priority_csv", args=[world.plan.pk, "safe-homes"]))
    assert f"facts-{world.plan.pk}-safe-homes-" in csv_response["Content-Disposition"]
