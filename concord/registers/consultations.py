"""The consultations register: its form (with the overlap warning), its ``Kind``, and what
the public list and the home page show (open now, closing soon, coming).

A consultation overlaps another when both are open on some day, they ask the same
audience (or one asks everyone), and their areas are the same or one contains the other
(``ConsultationQuerySet.overlapping``). The form names the overlapping consultations the
editor may see and saves only once they tick that they go ahead anyway.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from concord.governance.pickers import picker
from concord.lib.access import Viewer
from concord.performance.models import Area, AreaLevel
from concord.registers.forms import EntryForm
from concord.registers.kind_types import Choice, Column, Kind
from concord.registers.models import (
    CLOSING_SOON_DAYS,
    Audience,
    Consultation,
    ConsultationStatus,
)

# The most overlapping consultations a warning names.
MAX_NAMED = 10
# How many of each the home page and the public list show.
HOME_LIMIT = 5
LIST_LIMIT = 100


def area_choices() -> Any:
    """Areas a consultation can be aimed at: every level above the small statistical areas."""
    return Area.objects.exclude(level=AreaLevel.LSOA).order_by("depth", "name")


class ConsultationForm(EntryForm):
    link = forms.URLField(label="Link", max_length=500, required=False, assume_scheme="https")
    confirm_overlap = forms.BooleanField(
        label="Go ahead although it overlaps the consultations named above",
        required=False,
        help_text="Needed only when this form warns that another consultation asks the same "
        "people in the same place at the same time.",
    )

    class Meta:
        model = Consultation
        fields = [
            "title",
            "description",
            "body",
            "organisation",
            "audience",
            "area",
            "opens",
            "closes",
            "link",
            "status",
            "outcome",
            "is_public",
        ]

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, **kwargs)
        self.overlaps: list[Consultation] = []
        self.fields["organisation"] = picker(
            "organisations",
            viewer,
            required=False,
            label="Run by (organisation)",
            help_text="The partner running it, if not the body itself.",
            shortlist=None,
        )
        self.fields["area"].queryset = area_choices()  # type: ignore[attr-defined]
        self.fields["area"].empty_label = "The whole place"  # type: ignore[attr-defined]
        self.fields["status"].required = False
        self.fields["status"].help_text = "A draft is never public."

    def clean_status(self) -> str:
        return self.cleaned_data.get("status") or ConsultationStatus.DRAFT

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        opens, closes, audience = data.get("opens"), data.get("closes"), data.get("audience")
        if opens and closes and closes < opens:
            self.add_error("closes", "A consultation closes on or after it opens.")
            return data
        if not (opens and closes and audience) or data.get("status") == "withdrawn":
            return data
        probe = Consultation(
            pk=self.instance.pk,
            audience=audience,
            area=data.get("area"),
            opens=opens,
            closes=closes,
        )
        self.overlaps = list(
            Consultation.objects.visible_to(self.viewer)
            .overlapping(probe)
            .select_related("body", "area", "organisation")[:MAX_NAMED]
        )
        if self.overlaps and not data.get("confirm_overlap"):
            named = "; ".join(
                f"“{c.title}” ({c.opens:%-d %b %Y} to {c.closes:%-d %b %Y})" for c in self.overlaps
            )
            self.add_error(
                "confirm_overlap",
                ValidationError(
                    "It overlaps %(named)s: the same people in the same place at the same time. "
                    "Tick this box to save it anyway.",
                    params={"named": named},
                    code="overlap",
                ),
            )
        return data


def _owner(record: Consultation) -> str:
    return record.owner


CONSULTATIONS = Kind(
    slug="consultations",
    title="Consultations",
    noun="consultation",
    model=Consultation,
    form=ConsultationForm,
    columns=(
        Column("title", "Consultation", lambda r: r.title),
        Column("owner", "Run by", _owner),
        Column("body", "Body", lambda r: r.body.name, listed=False),
        Column(
            "organisation",
            "Organisation",
            lambda r: r.organisation.name if r.organisation_id else "",
            listed=False,
        ),
        Column("audience", "Audience", lambda r: r.get_audience_display()),
        Column("area", "Area", lambda r: r.area.name if r.area_id else "The whole place"),
        Column("opens", "Opens", lambda r: r.opens),
        Column("closes", "Closes", lambda r: r.closes),
        Column("status", "Status", lambda r: r.get_status_display()),
        Column("link", "Link", lambda r: r.link, listed=False),
        Column("description", "Description", lambda r: r.description, listed=False),
        Column("outcome", "Outcome", lambda r: r.outcome, listed=False),
        Column("is_public", "Public", lambda r: r.is_public, listed=False),
    ),
    date_field="opens",
    search_fields=("title", "description", "outcome"),
    sorts={
        "closes": ("Closing soonest", ("closes", "id")),
        "newest": ("Newest first", ("-opens", "-id")),
        "title": ("Title", ("title", "id")),
    },
    choices=(
        Choice("status", "Status", "status", list(ConsultationStatus.choices)),
        Choice("audience", "Audience", "audience", list(Audience.choices)),
    ),
    related=("body", "area", "organisation"),
    imported=(
        "title",
        "body",
        "audience",
        "opens",
        "closes",
        "link",
        "description",
        "outcome",
        "status",
        "is_public",
    ),
    summary="Public consultations by any partner: who they ask, where and when, and what "
    "came of them; a warning when two ask the same people at the same time.",
)


@dataclass(frozen=True)
class OpenNow:
    """The consultations a viewer may see that are open on a day, closing soon first."""

    closing_soon: list[Consultation]
    open_now: list[Consultation]
    coming: list[Consultation]
    soon_until: dt.date


def open_now(viewer: Viewer, day: dt.date, limit: int = LIST_LIMIT) -> OpenNow:
    """Open now (split into closing within a fortnight and the rest) and opening later:
    two queries, whatever the number of consultations."""
    visible = Consultation.objects.visible_to(viewer).select_related("body", "area", "organisation")
    soon_until = day + dt.timedelta(days=CLOSING_SOON_DAYS)
    current = list(visible.open_on(day)[:limit])
    return OpenNow(
        closing_soon=[c for c in current if c.closes <= soon_until],
        open_now=[c for c in current if c.closes > soon_until],
        coming=list(visible.coming(day)[:limit]),
        soon_until=soon_until,
    )


def home_section(viewer: Viewer) -> dict[str, Any]:
    """The home page's "Consultations open now" (registered in ``apps.py``): one query."""
    day = dt.date.today()
    current = list(
        Consultation.objects.visible_to(viewer)
        .select_related("body", "organisation")
        .open_on(day)[: HOME_LIMIT + 1]
    )
    return {
        "consultations": current[:HOME_LIMIT],
        "more": len(current) > HOME_LIMIT,
        "soon_until": day + dt.timedelta(days=CLOSING_SOON_DAYS),
    }
