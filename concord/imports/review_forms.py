"""The review form: the draft as plain formsets (works without JavaScript).

One small form for the meeting (body, date, times, venue) and a formset
each for attendance, items, decisions, actions and declarations. Each row
has its own labelled fields ("Attendee 2: status") so an error names the
field it is about. Pickers only offer what the reviewer may see
(``visible_to``). :class:`ReviewForms` reads and writes a
:class:`~concord.imports.draft.Draft`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory

from concord.actions.forms import DueDateField
from concord.governance.models import Body
from concord.imports.draft import (
    Draft,
    DraftAction,
    DraftAttendee,
    DraftDecision,
    DraftDeclaration,
)
from concord.imports.review import BEFORE_CONCORD, DRAFT
from concord.ingest.record import Item
from concord.lib.access import Viewer
from concord.lib.fields import DATE, TIME
from concord.meetings.models import AttendanceStatus, Meeting
from concord.people.matching import clean_name
from concord.people.models import Person

ROLES = [("", "—"), ("chair", "Chair"), ("vice_chair", "Vice-chair")]
_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")


def split_names(text: str) -> list[str]:
    """Names run together on one line, apart.

    >>> split_names("Ann Lee; Ben Ward and Cy Dunn")
    ['Ann Lee', 'Ben Ward', 'Cy Dunn']
    """
    return [part for part in _SPLIT.split(text) if part.strip()]


class _Row(forms.Form):
    """A formset row whose fields are labelled with the row's number."""

    noun = "Row"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.viewer_choices = kwargs.pop("choices", {})
        super().__init__(*args, **kwargs)
        number = (self.prefix or "-0").rsplit("-", 1)[-1]
        n = int(number) + 1 if number.isdigit() else 1
        for name, field in self.fields.items():
            base = field.label or name.replace("_", " ").capitalize()
            field.label = f"{self.noun} {n}: {base.lower() if name != 'DELETE' else 'remove'}"


class MeetingDetailsForm(forms.Form):
    opened_version = forms.IntegerField(widget=forms.HiddenInput)
    body_id = forms.TypedChoiceField(
        label="Body (from the register)", coerce=int, required=False, empty_value=None
    )
    body = forms.CharField(
        label="Or a new body's name",
        max_length=200,
        required=False,
        help_text="Used when no body is chosen above: created on confirmation.",
    )
    date = forms.DateField(widget=DATE)
    start_time = forms.TimeField(required=False, widget=TIME, label="Start time")
    end_time = forms.TimeField(required=False, widget=TIME, label="End time")
    venue = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, bodies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body_id"].choices = [("", "— type a new body below —"), *bodies]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("body_id") and not (data.get("body") or "").strip():
            self.add_error("body", "Choose a body from the register or type its name.")
        return data


class AttendeeForm(_Row):
    noun = "Attendee"
    person = forms.TypedChoiceField(
        label="From the register", coerce=int, required=False, empty_value=None
    )
    # Long enough for a line of names run together, to be split.
    name = forms.CharField(label="Or name as written", max_length=2000, required=False)
    organisation = forms.CharField(max_length=200, required=False)
    status = forms.ChoiceField(choices=AttendanceStatus.choices, initial="present")
    role = forms.ChoiceField(choices=ROLES, required=False)
    deputising_for = forms.CharField(label="Deputising for", max_length=250, required=False)
    split = forms.BooleanField(label="Split names at ; , and", required=False)
    join = forms.BooleanField(label="Join with the next row", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "—"), *self.viewer_choices.get("people", [])]  # type: ignore[attr-defined]


class ItemForm(_Row):
    noun = "Item"
    number = forms.CharField(max_length=20, required=False)
    title = forms.CharField(max_length=300, required=False)


class DecisionForm(_Row):
    noun = "Decision"
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    item = forms.CharField(label="Item number", max_length=20, required=False)


class ActionForm(_Row):
    noun = "Action"
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    picked = forms.MultipleChoiceField(label="Owners from the register", required=False)
    owners = forms.CharField(
        label="Or owners as written", required=False, help_text="Separated by ;"
    )
    due = DueDateField(
        label="Due", required=False, help_text="30/09/2026, or a month: Sept 2026 or 2026-09"
    )
    item = forms.CharField(label="Item number", max_length=20, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["picked"].choices = self.viewer_choices.get("owners", [])  # type: ignore[attr-defined]
        self.fields["picked"].widget.attrs["size"] = 4


class DeclarationForm(_Row):
    noun = "Declaration"
    person = forms.TypedChoiceField(
        label="From the register", coerce=int, required=False, empty_value=None
    )
    name = forms.CharField(label="Or name as written", max_length=250, required=False)
    interest = forms.CharField(max_length=300, required=False)
    item = forms.CharField(label="Item number", max_length=20, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "—"), *self.viewer_choices.get("people", [])]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("interest") and not (data.get("person") or data.get("name")):
            self.add_error("name", "Say who declared the interest.")
        return data


MAX_ROWS = 400


def _formset(form: type[forms.Form]) -> Any:
    return formset_factory(form, extra=1, can_delete=True, max_num=MAX_ROWS, validate_max=True)


PREFIXES = ("att", "items", "dec", "act", "decl")


def with_added_row(data: Any, prefix: str) -> Any:
    """The posted review form with one more (blank) row in formset ``prefix``.

    Anything else is returned as posted: an unknown prefix, a bad count, a full list.

    >>> from django.http import QueryDict
    >>> with_added_row(QueryDict("att-TOTAL_FORMS=3&venue=Hall"), "att")["att-TOTAL_FORMS"]
    '4'
    >>> with_added_row(QueryDict("att-TOTAL_FORMS=x"), "att")["att-TOTAL_FORMS"]
    'x'
    """
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    count = str(data.get(key, ""))
    if prefix in PREFIXES and count.isdigit() and int(count) < MAX_ROWS:
        data[key] = str(int(count) + 1)
    return data


AttendanceSet = _formset(AttendeeForm)
ItemSet = _formset(ItemForm)
DecisionSet = _formset(DecisionForm)
ActionSet = _formset(ActionForm)
DeclarationSet = _formset(DeclarationForm)


def picker_choices(viewer: Viewer) -> dict[str, list[tuple[Any, str]]]:
    """The people and bodies the reviewer may see, for the pickers (two queries)."""
    people = [(p.pk, p.display_name) for p in Person.objects.visible_to(viewer).order_by("name")]
    bodies = list(Body.objects.visible_to(viewer).order_by("name").values_list("pk", "name"))
    owners: list[tuple[Any, str]] = [("all", "All members of the body")]
    owners += [(f"person:{pk}", name) for pk, name in people]
    owners += [(f"body:{pk}", f"{name} (body)") for pk, name in bodies]
    return {"people": people, "bodies": bodies, "owners": owners}


class ReviewForms:
    """The whole review form, bound or not, with the draft it shows or makes."""

    def __init__(self, draft: Draft, version: int, viewer: Viewer, data: Any = None) -> None:
        choices = picker_choices(viewer)
        kw = {"form_kwargs": {"choices": choices}}
        self.meeting = MeetingDetailsForm(
            data,
            bodies=choices["bodies"],
            initial={
                "opened_version": version,
                "body_id": draft.body_id,
                "body": draft.body,
                "date": draft.date,
                "start_time": draft.start_time,
                "end_time": draft.end_time,
                "venue": draft.venue,
            },
        )
        body_ids = {pk for pk, _ in choices["bodies"]}
        if draft.body_id is None and draft.body:
            for pk, name in choices["bodies"]:
                if name.lower() == draft.body.lower():
                    self.meeting.initial["body_id"] = pk
        elif draft.body_id not in body_ids:
            self.meeting.initial["body_id"] = None
        self.attendance = AttendanceSet(
            data,
            prefix="att",
            initial=[
                {
                    "person": a.person_id,
                    "name": " ".join(p for p in (a.title, a.name) if p),
                    "organisation": a.organisation,
                    "status": a.status or "present",
                    "role": a.role or "",
                    "deputising_for": a.deputising_for,
                }
                for a in draft.attendance
            ],
            **kw,
        )
        self.items = ItemSet(
            data,
            prefix="items",
            initial=[{"number": i.number, "title": i.title} for i in draft.items],
            **kw,
        )
        self.decisions = DecisionSet(
            data,
            prefix="dec",
            initial=[{"text": d.text, "item": d.item} for d in draft.decisions],
            **kw,
        )
        self.actions = ActionSet(
            data,
            prefix="act",
            initial=[
                {
                    "description": a.description,
                    "picked": a.picked,
                    "owners": "; ".join(a.owners),
                    "due": a.due or "",
                    "item": a.item,
                }
                for a in draft.actions
            ],
            **kw,
        )
        self.declarations = DeclarationSet(
            data,
            prefix="decl",
            initial=[
                {"person": d.person_id, "name": d.name, "interest": d.interest, "item": d.item}
                for d in draft.declarations
            ],
            **kw,
        )

    @property
    def sets(self) -> list[Any]:
        return [self.attendance, self.items, self.decisions, self.actions, self.declarations]

    def show_evidence(self, fields: dict[str, Any]) -> None:
        """Give every form its fields paired with their evidence (``form.evidence_fields``).

        ``fields`` maps a field's HTML name to its
        :class:`~concord.imports.review_evidence.FieldEvidence`; a flagged
        field's input is described by its "Check: …" text.
        """
        for form in [self.meeting, *(f for s in self.sets for f in s.forms)]:
            pairs = []
            for bound in form.visible_fields():
                evidence = fields.get(bound.html_name)
                if evidence is not None and evidence.check:
                    bound.field.widget.attrs["aria-describedby"] = f"{bound.auto_id}_check"
                pairs.append((bound, evidence))
            form.evidence_fields = pairs

    def is_valid(self) -> bool:
        return all([self.meeting.is_valid(), *(s.is_valid() for s in self.sets)])

    @property
    def opened_version(self) -> int:
        return int(self.meeting.cleaned_data["opened_version"])

    def draft(self) -> Draft:
        """The draft these (valid) forms describe: rows removed, split and joined."""
        m = self.meeting.cleaned_data
        return Draft(
            body=(m.get("body") or "").strip(),
            body_id=m.get("body_id"),
            date=m["date"].isoformat(),
            start_time=m["start_time"].strftime("%H:%M") if m.get("start_time") else None,
            end_time=m["end_time"].strftime("%H:%M") if m.get("end_time") else None,
            venue=(m.get("venue") or "").strip() or None,
            attendance=_attendees(_rows(self.attendance)),
            items=[
                Item(r["number"].strip(), r["title"].strip())
                for r in _rows(self.items)
                if r.get("title", "").strip()
            ],
            decisions=[
                DraftDecision(r["text"].strip(), r["item"].strip())
                for r in _rows(self.decisions)
                if r.get("text", "").strip()
            ],
            actions=[
                DraftAction(
                    r["description"].strip(),
                    [o.strip() for o in (r.get("owners") or "").split(";") if o.strip()],
                    list(r.get("picked") or []),
                    _due(r.get("due")),
                    r["item"].strip(),
                )
                for r in _rows(self.actions)
                if r.get("description", "").strip()
            ],
            declarations=[
                DraftDeclaration(
                    r.get("name", "").strip(),
                    r["interest"].strip(),
                    r["item"].strip(),
                    r.get("person"),
                )
                for r in _rows(self.declarations)
                if r.get("interest", "").strip()
            ],
        )


def _rows(formset: Any) -> list[dict[str, Any]]:
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _due(parsed: tuple[dt.date, str] | None) -> str | None:
    if not parsed:
        return None
    day, precision = parsed
    return day.strftime("%Y-%m") if precision == "month" else day.isoformat()


def _attendees(rows: list[dict[str, Any]]) -> list[DraftAttendee]:
    """Grid rows → attendees, splitting "A; B; C" and joining a row to the next as asked."""
    joined: list[dict[str, Any]] = []
    carry: dict[str, Any] | None = None
    for row in rows:
        if carry is not None:
            row = {
                **row,
                "name": f"{carry['name']} {row['name']}".strip(),
                "person": row.get("person") or carry.get("person"),
            }
            carry = None
        if row.get("join"):
            carry = row
            continue
        joined.append(row)
    if carry is not None:
        joined.append(carry)
    out = []
    for row in joined:
        names = split_names(row["name"]) if row.get("split") else [row["name"]]
        for name in names:
            name = name.strip()
            if not name and not row.get("person"):
                continue
            title, clean = clean_name(name) if name else ("", "")
            out.append(
                DraftAttendee(
                    name=clean,
                    title=title or None,
                    organisation=(row.get("organisation") or "").strip() or None,
                    status=row.get("status") or "present",
                    role=row.get("role") or None,
                    deputising_for=(row.get("deputising_for") or "").strip() or None,
                    person_id=row.get("person") if len(names) == 1 else None,
                )
            )
    return out


class ConfirmForm(forms.Form):
    """How the minutes stand: a draft, approved before Concord, or at an earlier meeting."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.ChoiceField(
        label="These minutes are",
        widget=forms.RadioSelect,
        choices=[
            (DRAFT, "a draft, not yet approved"),
            (BEFORE_CONCORD, "already approved, before Concord"),
            ("meeting", "already approved at the meeting chosen below"),
        ],
    )
    approved_at = forms.TypedChoiceField(
        label="Approved at the meeting of", coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, meetings: list[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_at"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((m.pk, f"{m.date:%-d %B %Y}") for m in meetings),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("minutes") == "meeting" and not data.get("approved_at"):
            raise ValidationError({"approved_at": "Choose the meeting that approved them."})
        return data
