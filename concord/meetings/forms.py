"""Forms for recording meetings; each ``clean_*`` returns domain values and names its field."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from concord.governance.models import Body, Membership
from concord.governance.pickers import people_of, picker
from concord.lib.access import Viewer
from concord.lib.fields import DATE, TIME, AnyModelForm
from concord.lib.locking import VersionedForm
from concord.lib.pickers import share_options
from concord.meetings.models import (
    AgendaItem,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    Declaration,
    ItemVisibility,
    Meeting,
)
from concord.people.models import Organisation, Person


class MeetingForm(VersionedForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "start_time", "end_time", "venue", "status", "notes"]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME}

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if bodies is not None:
            cast("forms.ModelChoiceField[Any]", self.fields["body"]).queryset = bodies

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The meeting must end after it starts.")
        return data


ATTENDANCE_CHOICES = [("", "— not recorded —"), *AttendanceStatus.choices]


class AttendanceForm(forms.Form):
    """Attendance picked from the body's membership, plus rows for deputies and guests.

    One select per member; then ``extra`` rows for anyone else: a person from
    the register or a guest typed by name, optionally deputising for a member.
    """

    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31
    )

    def __init__(
        self, *args: Any, meeting: Meeting, viewer: Viewer, extra: int = 4, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        # Checked against the meeting's attendance counter (concord.lib.locking.claim_version).
        self.fields["opened_version"].initial = meeting.attendance_version
        self.members = list(
            Membership.objects.current(meeting.date)
            .filter(body_id=meeting.body_id)
            .select_related("person", "organisation")
            .order_by("person__name")
        )
        attendances = list(meeting.attendances.all())
        recorded = {a.person_id: a for a in attendances if a.person_id}
        member_ids = {m.person_id for m in self.members}
        # Others are found by name among the people the editor may see; the select
        # offers who came to this body's earlier meetings (concord.lib.pickers).
        regulars = Person.objects.filter(attendances__meeting__body_id=meeting.body_id)
        self.member_rows = []
        for m in self.members:
            prior = recorded.get(m.person_id)
            status = forms.ChoiceField(
                label=f"{m.person.display_name} ({m.organisation or 'no organisation'})",
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=prior.status if prior else "",
            )
            role = forms.ChoiceField(
                label=f"Role of {m.person.display_name} at this meeting",
                choices=[("", "—"), *AttendanceRole.choices],
                required=False,
                initial=prior.role if prior else ("chair" if m.role == "chair" else ""),
            )
            self.fields[f"member_{m.person_id}"] = status
            self.fields[f"member_{m.person_id}_role"] = role
            self.member_rows.append(
                (self[f"member_{m.person_id}"], self[f"member_{m.person_id}_role"])
            )
        others = [a for a in attendances if a.person_id not in member_ids]
        self.extra_rows = []
        member_people = Person.objects.filter(pk__in=member_ids).order_by("name")
        for index in range(len(others) + extra):
            prior = others[index] if index < len(others) else None
            n = index + 1
            self.fields[f"extra_{n}_person"] = picker(
                "people",
                viewer,
                shortlist=regulars,
                label=f"Other attendee {n}: person in the register",
                required=False,
                initial=prior.person_id if prior else None,
            )
            self.fields[f"extra_{n}_guest"] = forms.CharField(
                label=f"Other attendee {n}: or guest name",
                required=False,
                max_length=200,
                initial=prior.guest_name if prior else "",
            )
            self.fields[f"extra_{n}_organisation"] = picker(
                "organisations",
                viewer,
                shortlist=Organisation.objects.filter(memberships__body_id=meeting.body_id),
                label=f"Other attendee {n}: organisation",
                required=False,
                initial=prior.organisation_id if prior else None,
            )
            self.fields[f"extra_{n}_status"] = forms.ChoiceField(
                label=f"Other attendee {n}: status",
                choices=AttendanceStatus.choices,
                initial=prior.status if prior else AttendanceStatus.PRESENT,
            )
            self.fields[f"extra_{n}_deputising_for"] = forms.ModelChoiceField(
                label=f"Other attendee {n}: deputising for",
                queryset=member_people,
                required=False,
                initial=prior.deputising_for_id if prior else None,
            )
            self.extra_rows.append(
                [
                    self[f"extra_{n}_{k}"]
                    for k in ("person", "guest", "organisation", "status", "deputising_for")
                ]
            )
        self.extra_count = len(others) + extra
        if not self.is_bound:
            # The blank rows offer the same people, organisations and members: look
            # them up and render them once (concord.lib.pickers.share_options).
            blank = range(len(others) + 1, self.extra_count + 1)
            for k in ("person", "organisation", "deputising_for"):
                share_options([self.fields[f"extra_{n}_{k}"] for n in blank])

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        seen: dict[int, str] = {
            m.person_id: f"member_{m.person_id}"
            for m in self.members
            if data.get(f"member_{m.person_id}")
        }
        for n in range(1, self.extra_count + 1):
            person = data.get(f"extra_{n}_person")
            guest = (data.get(f"extra_{n}_guest") or "").strip()
            if person and guest:
                self.add_error(
                    f"extra_{n}_guest", "Give a person from the register or a guest name, not both."
                )
            if person:
                if person.pk in seen:
                    self.add_error(
                        f"extra_{n}_person",
                        f"{person.display_name} is already recorded at this meeting.",
                    )
                seen[person.pk] = f"extra_{n}_person"
            deputy_for = data.get(f"extra_{n}_deputising_for")
            if deputy_for and not (person or guest):
                self.add_error(f"extra_{n}_deputising_for", "Say who the deputy is.")
            if deputy_for and person and deputy_for.pk == person.pk:
                self.add_error(
                    f"extra_{n}_deputising_for", "Someone cannot deputise for themselves."
                )
        return data

    def version_opened(self) -> int:
        """The attendance version this form was opened at (the current one if not sent)."""
        value = self.cleaned_data.get("opened_version")
        return value if value is not None else self.meeting.attendance_version

    def entries(self) -> list[dict[str, Any]]:
        """The attendance rows this form describes, ready for ``save_attendance``."""
        data = self.cleaned_data
        rows = []
        for m in self.members:
            status = data.get(f"member_{m.person_id}")
            if status:
                rows.append(
                    {
                        "person": m.person,
                        "guest_name": "",
                        "organisation": m.organisation,
                        "status": status,
                        "role": data.get(f"member_{m.person_id}_role") or "",
                        "deputising_for": None,
                    }
                )
        for n in range(1, self.extra_count + 1):
            person = data.get(f"extra_{n}_person")
            guest = (data.get(f"extra_{n}_guest") or "").strip()
            if not (person or guest):
                continue
            rows.append(
                {
                    "person": person,
                    "guest_name": "" if person else guest,
                    "organisation": data.get(f"extra_{n}_organisation")
                    or (person.organisation if person else None),
                    "status": data[f"extra_{n}_status"],
                    "role": "",
                    "deputising_for": data.get(f"extra_{n}_deputising_for"),
                }
            )
        return rows


class AgendaItemForm(VersionedForm):
    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "presenter",
            "minute_text",
            "visibility",
            "restriction_reason",
            "is_matters_arising",
        ]
        labels = {"is_matters_arising": "This is the matters arising item"}

    def __init__(self, *args: Any, viewer: Viewer, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["presenter"] = picker(
            "people",
            viewer,
            shortlist=people_of(body_id=meeting.body_id, meeting_id=meeting.pk),
            required=False,
            label="Presenter",
        )

    def clean_number(self) -> str:
        """An item number is used once on an agenda ("3" and "3." are the same number)."""
        number = (self.cleaned_data.get("number") or "").strip()
        others = self.meeting.items.exclude(pk=self.instance.pk)
        taken = {n.strip().rstrip(".").lower() for n in others.values_list("number", flat=True)}
        if number and number.rstrip(".").lower() in taken:
            raise ValidationError(
                f"Item {number} is already on this agenda; give this item another number."
            )
        return number

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if (
            data.get("visibility") not in (None, ItemVisibility.PUBLIC)
            and not (data.get("restriction_reason") or "").strip()
        ):
            self.add_error(
                "restriction_reason",
                "Say why this item is not public (for example the exemption relied on).",
            )
        if data.get("visibility") == ItemVisibility.PUBLIC:
            data["restriction_reason"] = ""
        return data


class PaperForm(forms.Form):
    title = forms.CharField(max_length=300)
    file = forms.FileField()

    def __init__(self, *args: Any, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size == 0:
            raise ValidationError("The file is empty.")
        if upload.size > self.max_bytes:
            raise ValidationError(
                f"The file is larger than the limit of {self.max_bytes // (1024 * 1024)} MB."
            )
        return upload


class DecisionForm(AnyModelForm):
    class Meta:
        model = Decision
        fields = ["kind", "text"]
        labels = {"text": "Decision"}


class DeclarationForm(AnyModelForm):
    class Meta:
        model = Declaration
        fields = ["person", "interest"]

    def __init__(self, *args: Any, viewer: Viewer, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"] = picker(
            "people",
            viewer,
            shortlist=people_of(body_id=meeting.body_id, meeting_id=meeting.pk),
            label="Person",
        )


class ApproveMinutesForm(forms.Form):
    """Approve an earlier meeting's minutes at this one."""

    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), label="Minutes of")
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, at: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        earlier = Meeting.objects.approvable_at(at)
        cast("forms.ModelChoiceField[Any]", self.fields["meeting"]).queryset = earlier
        # The obvious choice: the body's meeting just before this one.
        if not self.is_bound and (latest := earlier.first()) is not None:
            self.initial["meeting"] = latest.pk


def editable_bodies(viewer: Viewer) -> QuerySet[Body]:
    """Bodies whose meetings this viewer may record."""
    qs = Body.objects.all()
    return qs if viewer.is_secretariat else qs.filter(pk__in=viewer.editor_body_ids)
