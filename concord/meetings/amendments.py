"""Approved minutes are locked: a later correction is a recorded amendment.

Every form that changes what the minutes say (meeting details, attendance,
items, decisions, declarations) asks, once the minutes are approved, for the
reason of the correction (:func:`ask_reason`); the view records it with the
change, in the same transaction (:func:`record_amendment`). The amendments
are listed with the minutes for everyone who may read them.
"""

from __future__ import annotations

from typing import Any

from django import forms

from concord.meetings.models import Meeting, MinutesAmendment, MinutesStatus

REASON_FIELD = "amendment_reason"


def ask_reason(form: forms.BaseForm, meeting: Meeting) -> None:
    """Make ``form`` ask why approved minutes are corrected (nothing for draft minutes)."""
    if meeting.minutes_status != MinutesStatus.APPROVED:
        return
    form.fields[REASON_FIELD] = forms.CharField(
        label="Reason for correcting approved minutes",
        help_text=(
            "These minutes were approved. The correction is shown with them, "
            "with your name, the date and this reason."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def record_amendment(form: forms.BaseForm, meeting: Meeting, *, user: Any, what: str) -> None:
    """Record the correction ``form`` just saved, if the minutes were approved."""
    reason = form.cleaned_data.get(REASON_FIELD)
    if meeting.minutes_status != MinutesStatus.APPROVED or not reason:
        return
    MinutesAmendment.objects.create(
        meeting=meeting,
        what=what[:200],
        reason=reason,
        made_by=user if getattr(user, "is_authenticated", False) else None,
    )
