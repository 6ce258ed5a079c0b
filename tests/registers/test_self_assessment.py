"""Self-assessment: built from the body's terms of reference and the question bank,
answered once by each member, scored per section and overall, compared with last year,
and raising improvement actions in the tracker."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from concord.actions.models import Action
from concord.governance.models import TermsOfReference
from concord.lib.access import Viewer
from concord.registers.assessment import compare_with_last_year, record_answers, scores
from concord.registers.models import AssessmentAnswer, AssessmentQuestion, SelfAssessment
from tests.factories import make_member_user, make_membership, make_person
from tests.registers.entries import make_assessment

SECRETARIAT = Viewer(is_secretariat=True)


def _answers(assessment, score_of):
    """Post data scoring every question: ``score_of(item)`` gives its score."""
    return {f"q{i.pk}": str(score_of(i)) for i in assessment.items.all()}


def test_a_questionnaire_is_built_from_the_terms_of_reference_and_the_bank(world) -> None:
    TermsOfReference.objects.create(
        body=world.board,
        version=1,
        adopted_on=dt.date(2024, 1, 1),
        purpose="To reduce crime and disorder in Riverton.",
        membership_rules="One senior officer from each responsible authority.",
    )
    assessment = make_assessment(body=world.board, year=2026)
    texts = [i.text for i in assessment.items.order_by("section", "order")]
    assert any("To reduce crime and disorder in Riverton." in t for t in texts)
    assert any("One senior officer from each responsible authority." in t for t in texts)
    assert AssessmentQuestion.objects.count() == 8  # the starting bank, put in once
    assert len(texts) == 8 + 2
    assert {i.section for i in assessment.items.all()} == {
        "objectives",
        "membership",
        "outcomes",
        "ways_of_working",
    }
    assert assessment.terms is not None


def test_a_member_answers_once_and_the_scores_are_means(world, as_user) -> None:
    assessment = world.public_assessment
    url = reverse("registers:assessment_answer", args=[assessment.pk])
    member = as_user(world.board_member)
    data = _answers(assessment, lambda i: 4 if i.section == "objectives" else 2)
    assert member.post(url, data).status_code == 302
    assert member.get(url).status_code == 403  # once only
    other = make_member_user(world.board)
    as_user(other).post(url, _answers(assessment, lambda i: 5))
    result = scores(assessment)
    by_label = {s.label: s.mean for s in result.sections}
    assert by_label["Objectives"] == 4.5
    assert by_label["Membership"] == 3.5
    assert result.respondents == 2
    # 16 answers: objectives 2×4 + 2×5, the rest 6×2 + 6×5
    assert result.overall.mean == round((8 + 10 + 12 + 30) / 16, 2)
    html = as_user(world.board_member).get(
        reverse("registers:detail", args=["self-assessment", assessment.pk])
    )
    assert "2 members answered" in html.content.decode()


def test_a_missing_or_absurd_score_is_refused_on_its_question(world, as_user) -> None:
    assessment = world.public_assessment
    first, *rest = list(assessment.items.all())
    data = {f"q{i.pk}": "3" for i in rest} | {f"q{first.pk}": "7"}
    response = as_user(world.board_member).post(
        reverse("registers:assessment_answer", args=[assessment.pk]), data
    )
    assert response.status_code == 400
    assert f"q{first.pk}" in response.context["form"].errors
    del data[f"q{first.pk}"]
    response = as_user(world.board_member).post(
        reverse("registers:assessment_answer", args=[assessment.pk]), data
    )
    assert "score from 1 to 5" in response.context["form"].errors[f"q{first.pk}"][0]
    assert not AssessmentAnswer.objects.exists()


def test_only_current_members_answer(world, as_user) -> None:
    url = reverse("registers:assessment_answer", args=[world.public_assessment.pk])
    for user in (world.editor, world.secretariat, world.tasking_member, world.stranger):
        assert as_user(user).get(url).status_code == 403
    assert as_user(None).get(url).status_code == 302  # sign in first


def test_compared_with_last_year_side_by_side(world, as_user) -> None:
    this_year = world.public_assessment  # 2025
    last_year = make_assessment(body=world.board, year=2024, is_public=True)
    person = make_person()
    make_membership(person=person, body=world.board)
    record_answers(last_year, person.pk, {i.pk: 2 for i in last_year.items.all()}, {})
    record_answers(this_year, person.pk, {i.pk: 4 for i in this_year.items.all()}, {})
    last, rows = compare_with_last_year(this_year, SECRETARIAT)
    assert last == last_year
    overall = rows[-1]
    assert (overall.label, overall.this_year, overall.last_year, overall.change) == (
        "Overall",
        4.0,
        2.0,
        2.0,
    )
    html = as_user(None).get(reverse("registers:detail", args=["self-assessment", this_year.pk]))
    assert "+2.0" in html.content.decode()


def test_last_year_hidden_from_those_who_may_not_see_it(world) -> None:
    make_assessment(body=world.board, year=2024, is_public=False)
    last, rows = compare_with_last_year(world.public_assessment, Viewer())
    assert last is None
    assert all(r.last_year is None for r in rows)


def test_an_improvement_action_goes_to_the_tracker(world, as_user) -> None:
    assessment = world.public_assessment
    url = reverse("registers:assessment_action", args=[assessment.pk])
    assert as_user(world.board_member).post(url, {"description": "x"}).status_code == 403
    response = as_user(world.editor).post(
        url, {"description": "Send papers a week ahead", "due_date": "2025-12-01"}
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Send papers a week ahead")
    assert action.body == world.board
    assert list(assessment.improvement_actions.all()) == [action]


def test_a_second_questionnaire_for_the_same_year_is_refused_on_the_year(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("registers:create", args=["self-assessment"]),
        {"body": world.board.pk, "year": "2025", "opened_on": "2025-10-01"},
    )
    assert "already has a self-assessment for 2025" in response.context["form"].errors["year"][0]
    response = as_user(world.editor).post(
        reverse("registers:create", args=["self-assessment"]),
        {"body": world.board.pk, "year": "2026", "opened_on": "2026-01-05"},
    )
    assert response.status_code == 302
    made = SelfAssessment.objects.get(body=world.board, year=2026)
    assert made.items.count() == AssessmentQuestion.objects.filter(is_active=True).count()


def test_the_question_bank_is_the_secretariats(world, as_user) -> None:
    url = reverse("registers:questions")
    assert as_user(world.editor).get(url).status_code == 403
    client = as_user(world.secretariat)
    response = client.post(
        url, {"section": "outcomes", "text": "Partners share their data.", "order": "9"}
    )
    assert response.status_code == 302
    question = AssessmentQuestion.objects.get(text="Partners share their data.")
    edit = reverse("registers:question_edit", args=[question.pk])
    data = {"section": "outcomes", "text": "Partners share data.", "order": "9"}
    assert client.post(edit, {**data, "opened_version": question.version}).status_code == 302
    stale = client.post(edit, {**data, "text": "Old tab", "opened_version": question.version})
    assert stale.status_code == 200 and stale.context["form"].non_field_errors()
    question.refresh_from_db()
    assert (question.text, question.is_active) == ("Partners share data.", False)
    assert question.history.count() == 2
    # A questionnaire already opened keeps its questions.
    assert not world.public_assessment.items.filter(text="Partners share data.").exists()
