"""Pages of the reviewing registers beyond list/entry/add/edit (``views.py``): a
recommendation's updates and the progress note to scrutiny, a strategy's steps, answering
a self-assessment and raising its improvement actions, and the question bank."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from concord.governance.access import viewer_for
from concord.lib.access import require_editor, require_secretariat
from concord.lib.history import history_of
from concord.lib.locking import StaleEdit, save_form_or_refuse
from concord.registers import assessment as sa
from concord.registers.kinds import KINDS
from concord.registers.listing import ListQuery
from concord.registers.models import AssessmentQuestion
from concord.registers.recommendations import add_update, progress_note, progress_note_docx
from concord.registers.review_forms import (
    AnswerForm,
    ImprovementForm,
    QuestionForm,
    StrategyStepForm,
    UpdateForm,
)
from concord.registers.strategies import take_step
from concord.registers.views import _entry, _posted

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _put_errors(form: Any, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
def recommendation_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Record what has happened on a recommendation (its editors)."""
    viewer = viewer_for(request)
    kind = KINDS["recommendations"]
    rec = _entry(kind, viewer, pk)
    require_editor(viewer, rec.body_id)
    form = UpdateForm(_posted(request), recommendation=rec)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = data["opened_version"] if data["opened_version"] is not None else rec.version
        try:
            add_update(
                rec,
                on=data["date"],
                note=data["note"],
                status_after=data["status_after"],
                opened_version=version,
                author=request.user,
            )
        except ValidationError as exc:
            _put_errors(form, exc)
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Update recorded.")
            return redirect("registers:detail", kind.slug, pk)
    return render(
        request,
        "registers/form.html",
        {"form": form, "kind": kind, "entry": rec, "title": f"What has happened: {rec}"},
        status=400 if form.errors else 200,
    )


def progress_note_page(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    """The progress note to scrutiny, for the recommendations the list's filters choose."""
    kind = KINDS["recommendations"]
    viewer = viewer_for(request)
    query = ListQuery.read(kind, request.GET)
    if query.problems:
        return render(
            request, "registers/list.html", {"kind": kind, "problems": query.problems}, status=400
        )
    rows = progress_note(query.apply(kind, viewer))
    today = dt.date.today()
    if fmt == "docx":
        response = HttpResponse(progress_note_docx(rows, today=today), content_type=DOCX)
        response["Content-Disposition"] = 'attachment; filename="progress-note.docx"'
        return response
    return render(
        request,
        "registers/progress_note.html",
        {"rows": rows, "today": today, "kind": kind, "export_query": request.GET.urlencode()},
    )


@login_required
def strategy_step(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    kind = KINDS["strategies"]
    strategy = _entry(kind, viewer, pk)
    require_editor(viewer, strategy.body_id)
    form = StrategyStepForm(_posted(request), strategy=strategy)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = data["opened_version"] if data["opened_version"] is not None else strategy.version
        try:
            take_step(strategy, data["status"], data["on"], version)
        except ValidationError as exc:
            _put_errors(form, exc)
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{strategy} is now {strategy.get_status_display().lower()}.")
            return redirect("registers:detail", kind.slug, pk)
    return render(
        request,
        "registers/form.html",
        {"form": form, "kind": kind, "entry": strategy, "title": f"Next step for {strategy}"},
        status=400 if form.errors else 200,
    )


@login_required
def assessment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """A member answers the body's questionnaire, once."""
    viewer = viewer_for(request)
    kind = KINDS["self-assessment"]
    assessment = _entry(kind, viewer, pk)
    if not sa.may_answer(assessment, viewer.person_id, dt.date.today()):
        raise PermissionDenied(
            "Only the body's current members answer its self-assessment, each once."
        )
    items = list(assessment.items.order_by("section", "order", "id"))
    form = AnswerForm(_posted(request), items=items)
    if request.method == "POST" and form.is_valid():
        assert viewer.person_id is not None
        try:
            sa.record_answers(assessment, viewer.person_id, form.scores(), form.comments())
        except sa.AlreadyAnswered:
            form.add_error(None, "You have already answered this self-assessment.")
        else:
            messages.success(request, "Thank you: your answers are recorded.")
            return redirect("registers:detail", kind.slug, pk)
    return render(
        request,
        "registers/answer.html",
        {"form": form, "kind": kind, "entry": assessment, "terms": assessment.terms},
        status=400 if form.errors else 200,
    )


@login_required
def assessment_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an improvement action in the tracker from a self-assessment (its editors)."""
    viewer = viewer_for(request)
    kind = KINDS["self-assessment"]
    assessment = _entry(kind, viewer, pk)
    require_editor(viewer, assessment.body_id)
    form = ImprovementForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        sa.raise_improvement_action(
            assessment, form.cleaned_data["description"], form.cleaned_data["due_date"]
        )
        messages.success(request, "Improvement action added to the tracker.")
        return redirect("registers:detail", kind.slug, pk)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "kind": kind,
            "entry": assessment,
            "title": f"Add an improvement action from {assessment}",
        },
    )


@login_required
def questions(request: HttpRequest) -> HttpResponse:
    """The question bank every questionnaire is built from; the secretariat adds to it."""
    viewer = viewer_for(request)
    require_secretariat(viewer)
    form = QuestionForm(_posted(request))
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Question added.")
        return redirect("registers:questions")
    return render(
        request,
        "registers/questions.html",
        {"form": form, "kind": KINDS["self-assessment"], "questions": sa.question_bank_all()},
    )


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    require_secretariat(viewer)
    question = get_object_or_404(AssessmentQuestion, pk=pk)
    form = QuestionForm(_posted(request), instance=question)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Question saved.")
        return redirect("registers:questions")
    return render(
        request,
        "registers/question_form.html",
        {
            "form": form,
            "kind": KINDS["self-assessment"],
            "question": question,
            "entries": history_of(question),
        },
    )
