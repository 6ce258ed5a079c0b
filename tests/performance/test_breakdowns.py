"""Equality breakdowns: figures by population group, the gap between groups, whether it
narrows, small counts withheld from the public, and the import and export of the group."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from concord.lib.access import Viewer
from concord.performance.breakdowns import breakdown_view, breakdowns
from concord.performance.dashboard import dashboard
from concord.performance.models import Dimension, Group, Observation
from concord.performance.tabular.export import export_observations
from concord.performance.tabular.observations import import_observations
from concord.performance.wards import ward_table
from tests.factories import make_user
from tests.performance.perf_factories import csv_bytes, make_indicator, observe, period, small_world

pytestmark = pytest.mark.django_db
LATER = dt.date(2030, 1, 1)


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def w():
    world = small_world()
    sex = Dimension.objects.create(name="Sex", code="sex", order=1)
    world["female"] = Group.objects.create(dimension=sex, name="Female", code="female", order=1)
    world["male"] = Group.objects.create(dimension=sex, name="Male", code="male", order=2)
    eth = Dimension.objects.create(name="Ethnic group", code="ethnicity", order=2)
    world["white"] = Group.objects.create(dimension=eth, name="White", code="white", order=1)
    world["asian"] = Group.objects.create(dimension=eth, name="Asian", code="asian", order=2)
    world["black"] = Group.objects.create(dimension=eth, name="Black", code="black", order=3)
    eth.reference_group = world["white"]
    eth.save()
    world["ind"] = make_indicator(code="EQ 1", title="Employment rate", unit="percent")
    return world


def by_group(w, code: str, **values: float) -> None:
    for name, value in values.items():
        observe(w["ind"], w["la"], code, value, group=w[name])


def test_the_gap_is_highest_minus_lowest_or_from_the_reference_group(w):
    by_group(w, "2024-Q3", female=60.0, male=70.0, white=65.0, asian=58.0, black=61.0)
    by_group(w, "2024-Q4", female=62.0, male=70.0, white=66.0, asian=60.0, black=67.0)
    sex, eth = breakdowns(w["ind"], w["la"])
    assert (sex.name, str(sex.period), str(sex.earlier_period)) == ("Sex", "2024-Q4", "2024-Q3")
    assert (sex.gap.size, sex.gap.high, sex.gap.low) == (8.0, "Male", "Female")
    assert sex.trend.value == "narrowing"  # 10 -> 8
    assert (eth.reference, eth.gap.size, eth.gap.high) == ("White", 6.0, "Asian")
    assert eth.trend.value == "narrowing"  # 7 (Asian, Q3) -> 6
    words = breakdown_view(w["ind"], eth)
    assert words.gap_text == "Largest gap from White: 6% (Asian)."
    assert words.trend_text == "The gap is narrowing since Q3 2024."
    assert [r.name for r in words.rows] == ["White (reference)", "Asian", "Black"]


def test_a_wider_gap_is_widening_and_a_move_within_tolerance_is_no_significant_change(w):
    by_group(w, "2024-Q3", female=60.0, male=70.0)
    by_group(w, "2024-Q4", female=58.0, male=71.0)
    assert breakdowns(w["ind"], w["la"])[0].trend.value == "widening"
    w["ind"].tolerance_amount, w["ind"].tolerance_kind = 5, "points"
    w["ind"].save()
    (sex,) = breakdowns(w["ind"], w["la"])
    assert sex.trend.value == "no_change"
    assert breakdown_view(w["ind"], sex).trend_text == (
        "No significant change in the gap (the change is within tolerance) since Q3 2024."
    )


def test_only_groups_with_a_figure_in_both_periods_judge_the_trend(w):
    by_group(w, "2024-Q3", female=60.0, male=70.0)
    by_group(w, "2024-Q4", female=62.0)
    (sex,) = breakdowns(w["ind"], w["la"])
    assert sex.gap is None and sex.trend.value == "no_data"
    assert "Fewer than two groups" in breakdown_view(w["ind"], sex).gap_text


def test_small_counts_are_withheld_from_the_public_with_the_gap_and_trend(w):
    ind = w["ind"]
    ind.suppress_small_counts = True
    ind.save()
    observe(ind, w["la"], "2024-Q3", 30.0, numerator=30, group=w["female"])
    observe(ind, w["la"], "2024-Q3", 20.0, numerator=20, group=w["male"])
    observe(ind, w["la"], "2024-Q4", 3.0, numerator=3, group=w["female"])
    observe(ind, w["la"], "2024-Q4", 25.0, numerator=25, group=w["male"])
    (public,) = breakdowns(ind, w["la"], public=True)
    assert public.withheld and public.gap is None and public.trend.value == "no_data"
    assert [(g.name, g.value, g.withheld) for g in public.groups] == [
        ("Female", None, True),
        ("Male", 25.0, False),
    ]
    words = breakdown_view(ind, public)
    assert words.rows[0].value == "Suppressed (small number)"
    assert "not shown here because some figures are suppressed" in words.gap_text
    assert words.trend_text == ""
    (partner,) = breakdowns(ind, w["la"])
    assert partner.gap.size == 22.0 and partner.trend.value == "widening"


def test_the_indicator_page_shows_the_groups_beside_the_equality_impact_note(client, w):
    w["ind"].equality_impact = "Women are less often in work."
    w["ind"].save()
    observe(w["ind"], w["la"], "2024-Q4", 65.0)
    by_group(w, "2024-Q3", female=60.0, male=70.0)
    by_group(w, "2024-Q4", female=62.0, male=70.0)
    url = reverse("performance:indicator", args=[w["ind"].pk]) + "?area=L0000001"
    text = text_of(client.get(url))
    section = text[text.index("By population group in Testborough") :]
    assert section.startswith(
        "By population group in Testborough Equality impact Women are less often in work."
    )
    assert "By sex, Q4 2024" in section
    assert "Female 62% 60%" in section and "Male 70% 70%" in section
    assert "Gap between highest and lowest: 8% (highest: Male; lowest: Female)." in section
    assert "The gap is narrowing since Q3 2024." in section


def test_figures_by_group_stay_out_of_the_figures_for_all_people(w):
    ind = w["ind"]
    observe(ind, w["wards"][0], "2024-Q4", 40.0)
    observe(ind, w["wards"][0], "2024-Q4", 99.0, group=w["female"])
    observe(ind, w["la"], "2024-Q4", 41.0)
    observe(ind, w["la"], "2024-Q4", 1.0, group=w["male"])
    table = ward_table(ind, "2024-Q4", w["la"])
    assert [r.value for r in table.rows if r.value is not None] == [40.0]
    board = dashboard(Viewer(is_secretariat=True), w["la"], "2024-Q4", as_of=LATER)
    assert [r.value for r in board.rows] == [41.0]


def test_one_figure_per_area_period_and_group(w):
    observe(w["ind"], w["la"], "2024-Q4", 41.0)
    observe(w["ind"], w["la"], "2024-Q4", 40.0, group=w["female"])  # beside the total: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        observe(w["ind"], w["la"], "2024-Q4", 42.0)
    with pytest.raises(IntegrityError), transaction.atomic():
        observe(w["ind"], w["la"], "2024-Q4", 39.0, group=w["female"])


def test_the_import_reads_the_group_column_and_the_export_writes_it_back(w):
    user = make_user()
    data = csv_bytes(
        "indicator,area,group,period,value",
        "EQ 1,L0000001,,2024-Q4,65",
        "EQ 1,L0000001,sex: female,2024-Q4,62",
        "EQ 1,L0000001,Sex:Male,2024-Q4,70",
        "EQ 1,Testborough,Ethnic group: Asian,2024-Q4,60",
    )
    result = import_observations(data, user=user)
    assert result.ok, result.errors
    assert (result.created, result.updated) == (4, 0)
    stored = {
        (o.group.name if o.group else ""): o.value
        for o in Observation.objects.select_related("group")
    }
    assert stored == {"": 65.0, "Female": 62.0, "Male": 70.0, "Asian": 60.0}
    record = Observation.objects.get(group=w["female"]).history.get()
    assert record.group_id == w["female"].pk and record.history_user == user
    exported = export_observations(Observation.objects.all()).decode()
    assert "EQ 1,L0000001,2024-Q4,65,,," in exported
    assert "EQ 1,L0000001,2024-Q4,62,sex: female," in exported
    again = import_observations(exported.encode())
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = exported.replace("2024-Q4,62,sex: female", "2024-Q4,63,sex: female")
    third = import_observations(changed.encode())
    assert (third.created, third.updated, third.unchanged) == (0, 1, 3)
    assert Observation.objects.get(group=w["female"]).value == 63.0
    assert Observation.objects.get(group__isnull=True).value == 65.0


def test_the_import_refuses_an_unknown_group_and_a_duplicate_by_group(w):
    data = csv_bytes(
        "indicator,area,group,period,value",
        "EQ 1,L0000001,sex: other,2024-Q4,1",
        "EQ 1,L0000001,female,2024-Q4,1",
        "EQ 1,L0000001,sex: female,2024-Q4,62",
        "EQ 1,L0000001,Sex: Female,2024-Q4,63",
    )
    result = import_observations(data)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (
            2,
            "group",
            "unknown group code 'sex: other' (nor the name of one): write it as 'dimension: group'",
        ),
        (
            3,
            "group",
            "unknown group code 'female' (nor the name of one): write it as 'dimension: group'",
        ),
    ]
    ok_rows = csv_bytes(
        "indicator,area,group,period,value",
        "EQ 1,L0000001,sex: female,2024-Q4,62",
        "EQ 1,L0000001,Sex: Female,2024-Q4,63",
    )
    result = import_observations(ok_rows)
    assert [(e.row, e.message) for e in result.errors] == [
        (3, "duplicate row: same indicator, area, period and population group as row 2")
    ]
    assert not Observation.objects.exists()


def test_the_preview_names_the_group_and_how_the_column_was_read(w):
    from concord.performance.tabular.preview import Preview

    observe(w["ind"], w["la"], "2024-Q4", 60.0, group=w["female"])
    preview = Preview()
    data = csv_bytes(
        "indicator,area,group,period,value",
        "EQ 1,L0000001,sex: female,2024-Q4,62",
        "EQ 1,L0000001,Sex: Male,2024-Q4,70",
        "EQ 1,L0000001,Ethnic group: Asian,2024-Q4,58",
    )
    result = import_observations(data, preview=preview)
    assert result.ok and (result.created, result.updated) == (2, 1)
    assert ("group", "by code (2 rows), by name (1 row)") in preview.columns
    (changed,) = preview.samples["update"]
    assert changed["area"] == "Testborough (L0000001) (Sex: Female)"
    assert (changed["old"], changed["new"]) == ("60%", "62%")
    assert Observation.objects.get(group=w["female"]).value == 60.0  # nothing written


def test_year_to_date_figures_by_group_are_taken_apart_group_by_group(w):
    quits = make_indicator(code="EQ 2", unit="count", cumulative=True, polarity="higher_is_better")
    data = csv_bytes(
        "indicator,area,group,period,value,basis",
        "EQ 2,L0000001,sex: female,2026-Q2,100,year to date",
        "EQ 2,L0000001,sex: female,2026-Q3,150,year to date",
        "EQ 2,L0000001,sex: male,2026-Q2,80,year to date",
        "EQ 2,L0000001,sex: male,2026-Q3,200,year to date",
    )
    result = import_observations(data)
    assert result.ok, result.errors
    stored = {
        (o.group.code, o.period.code): o.value
        for o in Observation.objects.filter(indicator=quits).select_related("group", "period")
    }
    assert stored == {
        ("female", "2026-Q2"): 100,
        ("female", "2026-Q3"): 50,
        ("male", "2026-Q2"): 80,
        ("male", "2026-Q3"): 120,
    }
    assert period("2026-Q3")  # the periods exist


def test_the_admin_keeps_the_groups_and_refuses_a_stale_save(client, w):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    sex = w["female"].dimension
    url = reverse("admin:performance_dimension_change", args=[sex.pk])
    form = {
        "name": "Sex",
        "code": "sex",
        "order": 1,
        "description": "Female and male",
        "reference_group": w["male"].pk,
        "opened_version": 1,
    }
    assert client.post(url, form).status_code == 302
    sex.refresh_from_db()
    assert (sex.reference_group, sex.version) == (w["male"], 2)
    assert sex.history.count() == 2
    stale = client.post(url, {**form, "description": "Overwritten"}, follow=True)
    assert "Someone else saved this dimension" in stale.content.decode()
    sex.refresh_from_db()
    assert sex.description == "Female and male"
    # Another dimension's group cannot be this one's reference.
    refused = client.post(url, {**form, "opened_version": 2, "reference_group": w["white"].pk})
    assert (
        refused.status_code == 200 and "reference_group" in refused.context["adminform"].form.errors
    )
