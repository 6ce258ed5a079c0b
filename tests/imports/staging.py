"""Import, then confirm as a person would: the old one-step import, for tests about what a
confirmed record becomes (staging itself is tested in ``test_staging.py``)."""

from __future__ import annotations

from typing import Any

from concord.imports.models import Document, DocumentStatus
from concord.imports.review import confirm_document
from concord.imports.services import Summary, import_paths


def confirm_all(user: Any = None) -> int:
    """Confirm every document awaiting review, in the order they were read; return how many."""
    done = 0
    for document in Document.objects.filter(status=DocumentStatus.REVIEW).order_by("pk"):
        document.refresh_from_db()
        if document.status == DocumentStatus.REVIEW:
            confirm_document(document, user=user)
            done += 1
    return done


def import_confirmed(paths: Any, **kwargs: Any) -> Summary:
    """``import_paths`` followed by the confirmation of everything it read."""
    summary = import_paths(paths, **kwargs)
    confirm_all(kwargs.get("user"))
    return summary


def review_data(forms: Any) -> dict[str, Any]:
    """The POST data of the review form as it was shown (``response.context["forms"]``)."""
    data: dict[str, Any] = {}
    meeting = forms.meeting
    for name in meeting.fields:
        value = meeting.initial.get(name)
        data[meeting.add_prefix(name)] = "" if value is None else value
    for formset in forms.sets:
        data[f"{formset.prefix}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{formset.prefix}-INITIAL_FORMS"] = formset.initial_form_count()
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = 0
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = 1000
        for form in formset.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value in (None, False, [], ""):
                    continue
                data[form.add_prefix(name)] = value
    return data
