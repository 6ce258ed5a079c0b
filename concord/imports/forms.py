"""Forms of the import pages: the upload, and the record corrected on review.

The review form shows the record as plain lines (one person, item, decision
or action per line, fields separated by ``|``) so it works without
JavaScript; each ``clean_*`` returns the record's own structure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from concord.actions.dues import parse_due
from concord.people.matching import clean_name

STATUSES = ("present", "apologies", "in_attendance", "absent")
ROLES = ("", "chair", "vice_chair")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (returns a list)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file is recorded as refused, with its reason, like any bad document.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(  # type: ignore[assignment]  # Django moves fields off the class
        label="Minutes documents",
        help_text="One or more files: .txt, .md, .html, .docx or .pdf.",
    )
    body = forms.CharField(
        label="Body",
        required=False,
        max_length=200,
        help_text="Leave blank to read each document's body from its heading.",
    )


def _cells(line: str, count: int) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    return (cells + [""] * count)[:count]


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def record_to_initial(record: dict[str, Any], body_hint: str = "") -> dict[str, Any]:
    """The review form's initial values from a record.

    >>> record_to_initial({"body": "B", "items": [{"number": "1", "title": "Welcome"}]})["items"]
    '1 | Welcome'
    """
    return {
        "body": body_hint or record.get("body") or "",
        "date": record.get("date") or "",
        "start_time": record.get("start_time") or "",
        "end_time": record.get("end_time") or "",
        "venue": record.get("venue") or "",
        "attendance": "\n".join(
            " | ".join(
                [
                    " ".join(p for p in (a.get("title"), a.get("name")) if p),
                    a.get("organisation") or "",
                    a.get("status") or "present",
                    a.get("role") or "",
                    a.get("deputising_for") or "",
                ]
            ).rstrip(" |")
            for a in record.get("attendance") or []
        ),
        "items": "\n".join(
            f"{i.get('number') or ''} | {i.get('title') or ''}" for i in record.get("items") or []
        ),
        "decisions": "\n".join(str(d) for d in record.get("decisions") or []),
        "actions": "\n".join(
            " | ".join(
                [
                    a.get("description") or "",
                    "; ".join(a.get("owners") or []),
                    a.get("due") or "",
                ]
            ).rstrip(" |")
            for a in record.get("actions") or []
        ),
    }


class RecordForm(forms.Form):
    """The extracted record, as the secretariat corrects it."""

    body = forms.CharField(max_length=200)
    date = forms.DateField(help_text="YYYY-MM-DD")
    start_time = forms.TimeField(required=False, help_text="HH:MM")
    end_time = forms.TimeField(required=False, help_text="HH:MM")
    venue = forms.CharField(max_length=300, required=False)
    attendance = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="One person per line: name | organisation | status "
        "(present, apologies, in_attendance, absent) | role (chair, vice_chair) | deputising for",
    )
    items = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One item per line: number | title",
    )
    decisions = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 6}), help_text="One per line."
    )
    actions = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One per line: description | owners separated by ; | due "
        "(YYYY-MM-DD, YYYY-MM, 30/09/2025 or Sept 25)",
    )

    def clean_attendance(self) -> list[dict[str, Any]]:
        out, errors = [], []
        for n, line in _lines(self.cleaned_data["attendance"]):
            name, org, status, role, deputy = _cells(line, 5)
            status = status or "present"
            if not name:
                errors.append(f"line {n}: a name is needed")
            if status not in STATUSES:
                errors.append(f"line {n}: status must be one of {', '.join(STATUSES)}")
            if role not in ROLES:
                errors.append(f"line {n}: role must be chair, vice_chair or empty")
            title, name = clean_name(name) if name else ("", "")
            out.append(
                {
                    "name": name,
                    "title": title or None,
                    "organisation": org or None,
                    "status": status,
                    "role": role or None,
                    "deputising_for": deputy or None,
                }
            )
        if errors:
            raise ValidationError(errors)
        return out

    def clean_items(self) -> list[dict[str, str]]:
        out, errors = [], []
        for n, line in _lines(self.cleaned_data["items"]):
            number, title = _cells(line, 2) if "|" in line else ("", line)
            if not title:
                errors.append(f"line {n}: a title is needed")
            out.append({"number": number, "title": title})
        if errors:
            raise ValidationError(errors)
        return out

    def clean_decisions(self) -> list[str]:
        return [line for _, line in _lines(self.cleaned_data["decisions"])]

    def clean_actions(self) -> list[dict[str, Any]]:
        out, errors = [], []
        for n, line in _lines(self.cleaned_data["actions"]):
            description, owners, due = _cells(line, 3)
            if not description:
                errors.append(f"line {n}: a description is needed")
            parsed = parse_due(due) if due else None
            if due and parsed is None:
                errors.append(f"line {n}: cannot read the due date {due!r}")
            due_value = None
            if parsed:
                day, precision = parsed
                due_value = day.strftime("%Y-%m") if precision == "month" else day.isoformat()
            out.append(
                {
                    "description": description,
                    "owners": [o.strip() for o in owners.split(";") if o.strip()],
                    "due": due_value,
                }
            )
        if errors:
            raise ValidationError(errors)
        return out

    def to_record(self, base: dict[str, Any]) -> dict[str, Any]:
        """The corrected record: ``base`` (kind, next meetings…) with the edited parts."""
        data = self.cleaned_data

        def hhmm(value: dt.time | None) -> str | None:
            return value.strftime("%H:%M") if value else None

        return {
            **base,
            "body": data["body"],
            "date": data["date"].isoformat(),
            "start_time": hhmm(data["start_time"]),
            "end_time": hhmm(data["end_time"]),
            "venue": data["venue"] or None,
            "attendance": data["attendance"],
            "items": data["items"],
            "decisions": data["decisions"],
            "actions": data["actions"],
        }
