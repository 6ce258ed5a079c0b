"""Every register's list parameters, forms, steps and import answer absurd values without a
5xx (the site-wide crawl in tests/project reaches only some of the registers' entry pages)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from concord.registers.models import AnnualReport, CaseStudy
from tests.project.fuzzing import ABSURD, absurd_file

FIELDS = {
    "added-value": [
        "category",
        "date",
        "title",
        "body",
        "partners",
        "partners_search",
        "description",
        "money_value",
        "evidence",
        "is_public",
        "opened_version",
    ],
    "funding": [
        "title",
        "funder",
        "scheme",
        "body",
        "partners",
        "amount_asked",
        "amount_awarded",
        "award_may_exceed",
        "idea_on",
        "notes",
        "opened_version",
    ],
    "publicity": [
        "kind",
        "date",
        "outlet",
        "headline",
        "body",
        "reach",
        "advertising_value",
        "link",
        "is_public",
        "opened_version",
    ],
    "risks": [
        "title",
        "body",
        "owner",
        "owner_search",
        "likelihood",
        "impact",
        "target_score",
        "identified_on",
        "review_date",
        "status",
        "opened_version",
    ],
}
FIELDS["sharing"] = [
    *("title", "body", "purpose", "legal_basis", "data_categories", "drafted_on"),
    *("review_date", "status", "opened_version", "organisation", "organisation_search"),
    *("signatory", "signed_on"),
]
FIELDS["recommendations"] = [
    *("source", "source_name", "made_on", "reference", "text", "response", "body"),
    *("owner", "owner_search", "owner_body", "owner_body_search", "status", "is_public"),
    *("opened_version", "date", "note", "status_after"),
]
FIELDS["strategies"] = [
    *("title", "body", "start_year", "end_year", "summary", "priorities", "indicators"),
    *("documents", "drafted_on", "review_date", "is_public", "opened_version"),
]
FIELDS["self-assessment"] = ["body", "year", "opened_on", "is_public", "opened_version"]
PARAMS = ["q", "body", "from", "to", "sort", "page", "category", "status", "kind", "source"]
ENTRY = {
    "added-value": "public_value",
    "funding": "public_bid",
    "publicity": "public_coverage",
    "risks": "public_risk",
    "sharing": "public_agreement",
    "recommendations": "public_recommendation",
    "strategies": "public_strategy",
    "self-assessment": "public_assessment",
}


@pytest.fixture
def clients(world):
    secretariat = Client(raise_request_exception=False)
    secretariat.force_login(world.secretariat)
    return {"anonymous": Client(raise_request_exception=False), "secretariat": secretariat}


@pytest.mark.parametrize("slug", list(FIELDS))
def test_absurd_values_never_answer_5xx(world, clients, slug) -> None:
    entry = getattr(world, ENTRY[slug])
    failures = []
    urls = [
        reverse("registers:list", args=[slug]),
        reverse("registers:export", args=[slug, "csv"]),
        reverse("registers:export", args=[slug, "xlsx"]),
    ]
    posts = [
        reverse("registers:create", args=[slug]),
        reverse("registers:edit", args=[slug, entry.pk]),
    ]
    if slug == "funding":
        posts.append(reverse("registers:funding_step", args=[entry.pk]))
    if slug == "risks":
        posts.append(reverse("registers:mitigate", args=[entry.pk]))
    if slug == "recommendations":
        urls.append(reverse("registers:progress_note"))
        urls.append(reverse("registers:progress_note_docx"))
        posts.append(reverse("registers:recommendation_update", args=[entry.pk]))
    if slug == "strategies":
        posts.append(reverse("registers:strategy_step", args=[entry.pk]))
    if slug == "self-assessment":
        posts.append(reverse("registers:assessment_action", args=[entry.pk]))
        posts.append(reverse("registers:questions"))
        posts.append(reverse("registers:question_edit", args=[entry.items.first().question_id]))
    if slug == "sharing":
        posts.append(reverse("registers:party_create", args=[entry.pk]))
        posts.append(reverse("registers:party_edit", args=[world.unsigned_party.pk]))
    for value in ABSURD:
        for who, client in clients.items():
            for url in urls:
                status = client.get(url, dict.fromkeys(PARAMS, value)).status_code
                if status >= 500:
                    failures.append(f"{who} GET {url} {value[:20]!r}: {status}")
        secretariat = clients["secretariat"]
        for url in posts:
            fields = FIELDS[slug] + ["status", "on", "description", "due_date"]
            fields += ["section", "text", "order", "is_active"]
            status = secretariat.post(url, dict.fromkeys(fields, value)).status_code
            if status >= 500:
                failures.append(f"POST {url} {value[:20]!r}: {status}")
        for source in ("decision", "action", "meeting"):
            url = reverse("registers:create", args=["added-value"])
            status = secretariat.get(url, {source: value}).status_code
            if status >= 500:
                failures.append(f"GET {url}?{source}={value[:20]!r}: {status}")
        url = reverse("registers:import", args=[slug])
        status = secretariat.post(url, {"file": absurd_file(value)}).status_code
        if status >= 500:
            failures.append(f"import {value[:20]!r}: {status}")
    assert failures == []


def test_the_annual_reports_forms_and_year_never_answer_5xx(world, clients) -> None:
    report = AnnualReport.objects.create(year=2025, published=True)
    study = CaseStudy.objects.create(report=report, title="Pub watch", text="Together.")
    failures = []
    fields = ["introduction", "published", "position", "title", "text", "opened_version"]
    posts = [
        reverse("registers:annual_edit", args=[2025]),
        reverse("registers:annual_edit", args=[2031]),  # a year not begun
        reverse("registers:case_study_create", args=[2025]),
        reverse("registers:case_study_create", args=[2032]),
        reverse("registers:case_study_edit", args=[study.pk]),
    ]
    for value in ABSURD:
        for who, client in clients.items():
            url = reverse("registers:annual_index")
            status = client.get(url, {"year": value}).status_code
            if status >= 500:
                failures.append(f"{who} GET {url}?year={value[:20]!r}: {status}")
        for url in posts:
            status = clients["secretariat"].post(url, dict.fromkeys(fields, value)).status_code
            if status >= 500:
                failures.append(f"POST {url} {value[:20]!r}: {status}")
    for year in ("0", "99999", "1989", "2201"):
        status = clients["secretariat"].get(f"/registers/annual-report/{year}/").status_code
        if status != 404:
            failures.append(f"year {year}: {status}")
    assert failures == []


def test_a_members_answers_never_answer_5xx(world, as_user) -> None:
    """The answer form, posted by a member of the body: absurd scores and comments are
    refused on their question (400) and record nothing; absurd ids are 404."""
    assessment = world.public_assessment
    url = reverse("registers:assessment_answer", args=[assessment.pk])
    member = as_user(world.board_member)
    member.raise_request_exception = False
    items = list(assessment.items.all())
    for value in ABSURD:
        data = {f"q{i.pk}": value for i in items} | {f"c{i.pk}": value for i in items}
        data["q0"] = data["c-1"] = value  # questions that are not on the form
        response = member.post(url, data)
        assert response.status_code == 400, value[:20]
    # Good scores with a comment over the limit: refused on that comment.
    scores = {f"q{i.pk}": "3" for i in items}
    response = member.post(url, scores | {f"c{items[0].pk}": "x" * 2001})
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [f"c{items[0].pk}"]
    assert not assessment.items.filter(answers__isnull=False).exists()
    for pk in ("0", "9" * 40, "-1"):
        path = f"/registers/self-assessment/{pk}/answer/"
        assert member.get(path).status_code == 404, pk
        assert member.post(path, {}).status_code == 404, pk
