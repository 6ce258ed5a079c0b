"""The life of a draft: staged on reading, corrected, confirmed or discarded, undone.

* :func:`stage` — what a freshly read document waits as: ``review``, or
  ``failed`` (no body or date: the reason, the record kept to complete on
  review) or ``duplicate`` (that meeting is already recorded, or waits in
  another document). Reads only: nothing reaches the register.
* :func:`save_draft` — the reviewer's corrections, refused when stale.
* :func:`confirm_document` — carries out the plan in one transaction; the
  minutes stay a draft unless the reviewer says they were approved at an
  earlier meeting of the body, or before Concord.
* :func:`discard_document` — throws an unconfirmed import away, whole.
* :func:`undo_confirmation` — removes what a confirmation created while
  nothing else refers to it, and puts the document back in review.
* :func:`delete_register_entry` — deletes a person or organisation created
  by mistake, when nothing refers to it; :func:`merge_register_entry`
  merges it into the right one instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from concord.actions.models import Action, ActionUpdate
from concord.governance.models import Body
from concord.imports.applying import ApplyError, Created, apply_draft
from concord.imports.draft import Draft, draft_of
from concord.imports.models import (
    Document,
    DocumentStatus,
    MergeProposal,
    OrganisationMergeProposal,
)
from concord.imports.originals import forget_original
from concord.imports.planning import parse_date, plan_draft
from concord.lib.locking import save_versioned
from concord.meetings.models import Meeting, MinutesStatus
from concord.meetings.services import approve_minutes
from concord.people.merging import MergeError, merge_organisations, merge_people
from concord.people.models import Organisation, Person

BEFORE_CONCORD = "before"
DRAFT = "draft"


def _tag(obj: Any, user: Any, reason: str) -> Any:
    obj._history_user = user
    obj._change_reason = reason[:100]
    return obj


# -- staging -------------------------------------------------------------------------


def stage(document: Document) -> tuple[str, str]:
    """The status and reason a read document waits with (reads only; sets ``meeting``).

    A meeting already recorded is linked as the one this document repeats.
    """
    draft = draft_of(document)
    body_name = " ".join(draft.body.split())
    date = parse_date(draft.date)
    document.meeting = None
    document.owns_meeting = False
    if not body_name and draft.body_id is None:
        return (
            DocumentStatus.FAILED,
            "no body named in the document (give one with --body or on review)",
        )
    if date is None:
        return DocumentStatus.FAILED, "no meeting date found in the document"
    body = (
        Body.objects.filter(pk=draft.body_id).first()
        if draft.body_id
        else Body.objects.filter(name__iexact=body_name).first()
    )
    if body is not None:
        recorded = Meeting.objects.filter(body=body, date=date).filter(
            models.Q(items__isnull=False) | models.Q(attendances__isnull=False)
        )
        existing = recorded.order_by("pk").first()
        if existing is not None:
            document.meeting = existing
            return DocumentStatus.DUPLICATE, f"same meeting as already recorded ({existing})"
    waiting = (
        Document.objects.filter(status=DocumentStatus.REVIEW, record__date=date.isoformat())
        .exclude(pk=document.pk)
        .only("pk", "filename", "draft", "record", "body_hint", "text")
    )
    for other in waiting:
        if " ".join(draft_of(other).body.split()).lower() == body_name.lower():
            return DocumentStatus.DUPLICATE, f"same meeting as {other.filename}, awaiting review"
    return DocumentStatus.REVIEW, ""


# -- review --------------------------------------------------------------------------


def save_draft(document: Document, draft: Draft, *, opened_version: int, user: Any) -> str:
    """Keep the reviewer's corrected draft (refused if someone saved since it was opened).

    Writes nothing but the document: the register changes only on confirmation.
    Returns the document's status afresh (a corrected body or date may settle it).
    """
    if not document.can_be_reviewed:
        raise ApplyError("this document is confirmed; its meeting is edited on the meeting pages")
    with transaction.atomic():
        document.draft = draft.to_dict()
        document.corrected = True
        document.body_hint = ""
        document.status, document.failure_reason = stage(document)
        save_versioned(_tag(document, user, "draft corrected on review"), opened_version)
    return document.status


@dataclass
class Approval:
    """How the minutes stand at confirmation: ``draft``, ``before`` Concord, or a meeting's pk."""

    choice: str = DRAFT
    meeting_id: int | None = None


def approval_choices(document: Document) -> tuple[list[Meeting], str]:
    """Meetings that may have approved these minutes (earlier than today, later than the
    meeting), and the default choice: "before Concord" for a document older than the
    body's latest recorded meeting, else a draft."""
    draft = draft_of(document)
    date = parse_date(draft.date)
    body = Body.objects.filter(pk=draft.body_id).first() if draft.body_id else None
    if body is None and draft.body:
        body = Body.objects.filter(name__iexact=" ".join(draft.body.split())).first()
    if body is None or date is None:
        return [], DRAFT
    meetings = list(
        Meeting.objects.filter(body=body, date__gt=date, date__lte=dt.date.today())
        .exclude(documents=document)
        .order_by("date")
    )
    latest = Meeting.objects.filter(body=body).exclude(documents=document).order_by("-date").first()
    default = BEFORE_CONCORD if latest is not None and date < latest.date else DRAFT
    return meetings, default


def confirm_document(
    document: Document,
    *,
    user: Any,
    approval: Approval | None = None,
    opened_version: int | None = None,
) -> Meeting:
    """Record the reviewed draft as a meeting, in one transaction; return the meeting.

    Minutes stay a **draft** unless ``approval`` says they were approved
    before Concord, or at a given meeting of the body that is later than
    this one and not in the future (a :class:`ValidationError` on the
    ``approved_at`` field otherwise). Merge proposals for near names are
    raised now, not when the document was read.
    """
    approval = approval or Approval()
    if document.status != DocumentStatus.REVIEW:
        raise ApplyError("only an imported meeting awaiting review can be confirmed")
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if current.status != DocumentStatus.REVIEW or (
            opened_version is not None and current.version != opened_version
        ):
            raise ApplyError(
                "someone else changed this import while you were reviewing it; reload the page"
            )
        draft = draft_of(document)
        plan = plan_draft(draft, document_id=document.pk)
        created = apply_draft(document, draft, plan, user=user)
        meeting = document.meeting
        assert meeting is not None
        if approval.choice == BEFORE_CONCORD:
            meeting.minutes_status = MinutesStatus.APPROVED
            meeting.approved_at = None
            meeting.approved_on = None
            meeting.version += 1
            _tag(meeting, user, "minutes approved before Concord").save()
        elif approval.choice != DRAFT:
            at = Meeting.objects.filter(
                pk=approval.meeting_id or 0, body_id=meeting.body_id
            ).first()
            if at is None or at.date > dt.date.today():
                raise ValidationError(
                    {"approved_at": "Choose a meeting of this body that has already taken place."}
                )
            try:
                approve_minutes(
                    _tag(meeting, user, "approval recorded on import"),
                    at=at,
                    opened_version=meeting.version,
                )
            except ValidationError as exc:
                raise ValidationError({"approved_at": exc.messages}) from exc
        document.status = DocumentStatus.CONFIRMED
        document.failure_reason = ""
        document.confirmed_by = user
        document.confirmed_at = timezone.now()
        document.created = created.to_dict()
        document.version += 1
        _tag(document, user, "confirmed").save()
    return meeting


# -- discarding and undoing ------------------------------------------------------------


def discard_document(document: Document, *, user: Any) -> None:
    """Throw away an unconfirmed import: the document, its draft and its original file.

    Nothing of it was written to the register, so nothing else goes; the
    deletion stays in the document's history.
    """
    with transaction.atomic():
        current = Document.objects.select_for_update().filter(pk=document.pk).first()
        if current is None or not current.can_be_discarded:
            raise ApplyError(
                "only an import that is not confirmed (nor being read) can be discarded"
            )
        name = current.stored_path
        keep_file = Document.objects.filter(stored_path=name).exclude(pk=current.pk)
        _tag(current, user, "discarded").delete()
        if name and not keep_file.exists():
            transaction.on_commit(partial(forget_original, name))


def references(obj: models.Model, *, ignore: tuple[type[models.Model], ...] = ()) -> list[str]:
    """What refers to ``obj`` ("2 attendances"), history and merge proposals aside.

    Found from the model graph, so new models are covered.
    """
    found = []
    for rel in obj._meta.related_objects:
        model: Any = rel.related_model
        name = getattr(model, "__name__", "")
        if name.startswith("Historical") or name.endswith("MergeProposal") or model in ignore:
            continue
        if name == "PersonAlias":  # aliases belong to the person and go with it
            continue
        count = model._default_manager.filter(**{rel.field.name: obj}).count()
        if count:
            label = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
            found.append(f"{count} {label}")
    return found


def delete_register_entry(obj: Person | Organisation, *, user: Any) -> None:
    """Delete a person or organisation that nothing refers to (its open proposals go too).

    Raises :class:`ApplyError` naming what refers to it otherwise.
    """
    with transaction.atomic():
        used = references(obj)
        if used:
            raise ApplyError(f"{obj} cannot be deleted: referred to by {', '.join(used)}")
        model = MergeProposal if isinstance(obj, Person) else OrganisationMergeProposal
        for proposal in model.objects.filter(models.Q(keep=obj) | models.Q(other=obj)):
            _tag(proposal, user, f"{obj} deleted").delete()
        _tag(obj, user, "deleted from the register").delete()


def merge_register_entry(
    other: Person | Organisation, keep: Person | Organisation, *, user: Any
) -> None:
    """Merge an entry made by mistake into the right one, every reference moved.

    Through the merge queue's own functions (``concord.people.merging``).
    """
    try:
        if isinstance(other, Person) and isinstance(keep, Person):
            merge_people(keep, other, user=user)
        elif isinstance(other, Organisation) and isinstance(keep, Organisation):
            merge_organisations(keep, other, user=user)
        else:
            raise MergeError("Choose two people or two organisations.")
    except MergeError as exc:
        raise ApplyError(str(exc)) from exc


def undo_confirmation(document: Document, *, user: Any) -> None:
    """Remove what confirming ``document`` created and put it back in review.

    Refused, saying what refers to them, when anything recorded since points
    at the meeting, its items or actions, or the people, organisations and
    bodies it created.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.status != DocumentStatus.CONFIRMED:
            raise ApplyError("only a confirmed import can be undone")
        created = Created.from_dict(document.created)
        meeting = Meeting.objects.filter(pk=document.meeting_id or 0).first()
        blockers = _meeting_blockers(meeting, document, created) if meeting else []
        if meeting is not None and created.meeting != meeting.pk and not blockers:
            blockers.append(f"the meeting of {meeting} existed before this import")
        if blockers:
            raise ApplyError("cannot undo this import: " + "; ".join(blockers))
        for pk in created.proposals:
            for proposal in MergeProposal.objects.filter(pk=pk):
                _tag(proposal, user, "import undone").delete()
        for pk in created.organisation_proposals:
            for org_proposal in OrganisationMergeProposal.objects.filter(pk=pk):
                _tag(org_proposal, user, "import undone").delete()
        for update in ActionUpdate.objects.filter(pk__in=created.updates):
            _tag(update, user, "import undone").delete()
        if meeting is not None:
            for action in Action.objects.filter(item__meeting=meeting):
                _tag(action, user, "import undone").delete()
            _tag(meeting, user, "import undone").delete()
        left = []
        for model, pks in (
            (Person, created.people),
            (Organisation, created.organisations),
            (Body, created.bodies),
        ):
            for obj in model._default_manager.filter(pk__in=pks):
                used = references(obj)
                if used:
                    left.append(f"{obj} ({', '.join(used)})")
                    continue
                if not isinstance(obj, Body):
                    delete_register_entry(obj, user=user)
                else:
                    _tag(obj, user, "import undone").delete()
        if left:
            raise ApplyError(
                "cannot undo this import: now referred to elsewhere: " + "; ".join(left)
            )
        document.status = DocumentStatus.REVIEW
        document.meeting = None
        document.owns_meeting = False
        document.confirmed_by = None
        document.confirmed_at = None
        document.created = {}
        document.version += 1
        _tag(document, user, "confirmation undone").save()


def _meeting_blockers(meeting: Meeting, document: Document, created: Created) -> list[str]:
    """What, recorded since, refers to the meeting, its items or its actions."""
    out = []
    approved = Meeting.objects.filter(approved_at=meeting)
    if approved.exists():
        out.append(f"the minutes of {approved.first()} were approved at it")
    actions = Action.objects.filter(item__meeting=meeting)
    later_updates = ActionUpdate.objects.filter(action__in=actions)
    if later_updates.exists():
        out.append(f"{later_updates.count()} progress note(s) on its actions")
    if Action.objects.filter(continues__in=actions).exists():
        out.append("actions of later meetings continue its actions")
    if (
        Action.objects.filter(closed_at_item__meeting=meeting)
        .exclude(item__meeting=meeting)
        .exists()
    ):
        out.append("actions of other meetings were closed at it")
    if ActionUpdate.objects.filter(meeting=meeting).exclude(pk__in=created.updates).exists():
        out.append("progress notes recorded at it since")
    if meeting.documents.exclude(pk=document.pk).exists():
        out.append("another document is linked to it")
    if meeting.items.filter(papers__isnull=False).exists():
        out.append("papers were added to it")
    return out
