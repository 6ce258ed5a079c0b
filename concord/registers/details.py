"""What an entry's page shows beyond its columns: where added value came from, a bid's
steps, a risk's score history and mitigation actions — each as the viewer may see it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from concord.actions.models import Action
from concord.lib.access import Viewer
from concord.meetings.models import Decision, Meeting
from concord.people.models import Person
from concord.registers.funding import DATE_OF
from concord.registers.kinds import Kind, shown
from concord.registers.models import AddedValue, BidStatus, FundingBid, Risk

NOT_SHOWN = "Not shown (you may not see it)"


@dataclass(frozen=True)
class Fact:
    label: str
    text: str
    url: str = ""


def facts(kind: Kind, entry: Any, viewer: Viewer) -> list[Fact]:
    """Every column of the entry, then what is particular to its register."""
    rows = [Fact(c.label, shown(c.value(entry))) for c in kind.columns]
    if isinstance(entry, AddedValue):
        rows += sources(entry, viewer)
    if isinstance(entry, Risk) and entry.owner_id:
        known = Person.objects.visible_to(viewer).filter(pk=entry.owner_id).exists()
        rows.append(
            Fact(
                "Owner (person)",
                entry.owner.display_name if known and entry.owner else NOT_SHOWN,
                reverse("people:person", args=[entry.owner_id]) if known else "",
            )
        )
    return rows


def sources(entry: AddedValue, viewer: Viewer) -> list[Fact]:
    """The meeting, decision and action an entry came from, linked if the viewer may see them."""
    rows = []
    if entry.meeting_id:
        meeting = Meeting.objects.visible_to(viewer).filter(pk=entry.meeting_id).first()
        rows.append(
            Fact("From the meeting", str(meeting), reverse("portal:meeting", args=[meeting.pk]))
            if meeting
            else Fact("From the meeting", NOT_SHOWN)
        )
    if entry.decision_id:
        decision = (
            Decision.objects.visible_to(viewer)
            .select_related("item")
            .filter(pk=entry.decision_id)
            .first()
        )
        rows.append(
            Fact(
                "From the decision",
                decision.text,
                reverse("portal:meeting", args=[decision.item.meeting_id]),
            )
            if decision
            else Fact("From the decision", NOT_SHOWN)
        )
    if entry.action_id:
        action = Action.objects.visible_to(viewer).filter(pk=entry.action_id).first()
        rows.append(
            Fact("From the action", str(action), reverse("actions:detail", args=[action.pk]))
            if action
            else Fact("From the action", NOT_SHOWN)
        )
    return rows


def steps(bid: FundingBid) -> list[Fact]:
    """The bid's steps so far, in order, each with its date."""
    rows = []
    for status in BidStatus:
        on = getattr(bid, DATE_OF[status])
        if on and (status not in (BidStatus.AWARDED, BidStatus.DECLINED) or bid.status == status):
            rows.append(Fact(status.label, shown(on)))
    return rows


@dataclass(frozen=True)
class ScorePoint:
    when: Any
    likelihood: int
    impact: int
    score: int
    target: int


def score_history(risk: Risk) -> list[ScorePoint]:
    """The risk's scores over time, oldest first, one row per change of score or target."""
    points: list[ScorePoint] = []
    for h in risk.history.order_by("history_date", "history_id"):
        point = ScorePoint(h.history_date, h.likelihood, h.impact, h.score, h.target_score)
        last = points[-1] if points else None
        if last is None or (last.likelihood, last.impact, last.target) != (
            point.likelihood,
            point.impact,
            point.target,
        ):
            points.append(point)
    return points


def mitigation_actions(risk: Risk, viewer: Viewer) -> Any:
    """The risk's mitigation actions the viewer may see, with their owners as they may see them."""
    return (
        Action.objects.visible_to(viewer)
        .filter(risks_mitigated=risk)
        .with_display_relations(viewer)
        .order_by("due_date", "id")
    )
