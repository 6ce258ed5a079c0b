"""The persona base: one small partnership seen by the six kinds of people who use Concord.

``build_world()`` makes the partnership: a public board and a members-only
tasking group, an approved meeting with a public and a restricted item, a draft
and a members-only meeting, actions on each. The six personas, as attributes of
that world and as plain factory functions for tests that build their own data:

=============  ==========================  =================================
persona        in the world                factory
=============  ==========================  =================================
secretariat    ``w.secretariat``           ``make_secretariat_user()``
body editor    ``w.editor`` (``editor=``)  ``make_body_editor(body)``
chair          ``chair_user(w)``           ``make_chair_user(body)``
member         ``w.board_member``          ``make_member_user(body)``
outsider       ``w.stranger``              ``make_outsider()``
anonymous      ``None``                    ``None``
=============  ==========================  =================================

Beside them: ``w.board_adviser`` (a non-voting member), ``w.tasking_member``
(a member of the members-only group) and ``w.partner`` (a member of another
forum). ``persona(w, name)`` gives any of the six by name; the fixtures of
the same names are in ``tests/conftest.py``.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.contrib.auth.models import User

from concord.governance.models import Body
from concord.meetings.models import MinutesStatus
from tests.factories import (
    make_action,
    make_attendance,
    make_body,
    make_decision,
    make_item,
    make_meeting,
    make_member_user,
    make_organisation,
    make_person,
    make_secretariat_user,
    make_user,
)
from tests.registers.entries import add_entries

PERSONAS = ("secretariat", "body editor", "chair", "member", "outsider", "anonymous")


def make_body_editor(body: Body, **kwargs: object) -> User:
    """A signed-in user who edits ``body``'s records (and sits on no body)."""
    user = make_user(**kwargs)
    body.editors.add(user)
    return user


def make_chair_user(body: Body, **kwargs: object) -> User:
    """A signed-in user whose person holds the chair of ``body``."""
    return make_member_user(body, role="chair", **kwargs)


def make_outsider(**kwargs: object) -> User:
    """A signed-in user who sits on no body and edits nothing."""
    return make_user(**kwargs)


def chair_user(w: SimpleNamespace) -> User:
    """The board's chair as a signed-in user, made the first time it is asked for.

    Not in the world from the start: a chair's seat would change what the
    board's members, quorum and exports show in every other test.
    """
    if not hasattr(w, "chair_user"):
        w.chair_user = make_chair_user(w.board, username="board-chair")
    user: User = w.chair_user
    return user


def persona(w: SimpleNamespace, name: str) -> User | None:
    """One of the six ``PERSONAS`` of world ``w`` by name (``None`` for anonymous)."""
    if name == "anonymous":
        return None
    if name == "chair":
        return chair_user(w)
    if name == "body editor" and not hasattr(w, "editor"):
        w.editor = make_body_editor(w.board, username="board-editor")
    attribute = {
        "secretariat": "secretariat",
        "body editor": "editor",
        "member": "board_member",
        "outsider": "stranger",
    }[name]
    user: User = getattr(w, attribute)
    return user


def build_world(*, editor: bool = False, register_entries: bool = False) -> SimpleNamespace:
    """The small partnership with its personas; with ``editor``, ``w.editor`` edits the
    board's records; with ``register_entries``, one public and one members-only entry
    in each register (``tests/registers/entries.py``)."""
    council = make_organisation(name="Riverton City Council", sector="public")
    police = make_organisation(name="Riverton Police", sector="public")
    board = make_body(name="Safer Riverton Board", slug="safer-riverton-board")
    tasking = make_body(
        name="Offender Tasking Group", slug="offender-tasking", visibility="members"
    )
    chair = make_person(name="Ann Lee", honorific="Cllr", email="ann.lee@example.org")
    deputy = make_person(name="Bob Stone", honorific="Insp", phone="01234 567890")
    absentee = make_person(name="Carol Hart", honorific="Chief Supt")
    meeting = make_meeting(
        body=board,
        date=dt.date(2025, 3, 4),
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 0),
        venue="Council House, Room 2",
        status="held",
        minutes_status=MinutesStatus.APPROVED,
    )
    make_attendance(meeting=meeting, person=chair, organisation=council, role="chair")
    make_attendance(meeting=meeting, person=deputy, organisation=police, deputising_for=absentee)
    make_attendance(meeting=meeting, person=absentee, status="apologies")
    make_attendance(meeting=meeting, guest_name="Dee Guest", status="in_attendance")
    public_item = make_item(
        meeting=meeting,
        number="1",
        position=1,
        title="Community safety plan",
        minute_text="The board discussed the plan.\nIt welcomed the progress.",
        presenter=chair,
    )
    make_decision(item=public_item, text="to adopt the community safety plan")
    public_action = make_action(
        item=public_item,
        body=board,
        description="Publish the community safety plan",
        owners=(chair,),
        due_date=dt.date(2025, 4, 30),
        due_precision="month",
    )
    secret_item = make_item(
        meeting=meeting,
        number="2",
        position=2,
        title="Contract award for CCTV",
        minute_text="Preferred bidder is Acme Cameras.",
        visibility="restricted",
    )
    make_decision(item=secret_item, text="to award the CCTV contract to Acme")
    secret_action = make_action(
        item=secret_item, body=board, description="Notify Acme Cameras", owners=(deputy,)
    )
    untimed = make_meeting(body=board, date=dt.date(2025, 6, 10))
    cancelled = make_meeting(
        body=board, date=dt.date(2025, 5, 6), start_time=dt.time(14, 0), status="cancelled"
    )
    draft = make_meeting(
        body=board, date=dt.date(2025, 2, 4), status="held", minutes_status=MinutesStatus.DRAFT
    )
    make_item(meeting=draft, title="Draft-only discussion")
    private_meeting = make_meeting(
        body=tasking,
        date=dt.date(2025, 3, 11),
        start_time=dt.time(9, 30),
        minutes_status=MinutesStatus.APPROVED,
    )
    private_action = make_action(
        item=make_item(meeting=private_meeting, title="Prolific offenders"),
        body=tasking,
        description="Review the prolific offender list",
    )
    w = SimpleNamespace(
        council=council,
        police=police,
        board=board,
        tasking=tasking,
        chair=chair,
        deputy=deputy,
        absentee=absentee,
        meeting=meeting,
        public_item=public_item,
        public_action=public_action,
        secret_item=secret_item,
        secret_action=secret_action,
        untimed=untimed,
        cancelled=cancelled,
        draft=draft,
        private_meeting=private_meeting,
        private_action=private_action,
        secretariat=make_secretariat_user(),
        partner=make_member_user(make_body(name="Another Forum")),
        board_member=make_member_user(board, role="member"),
        board_adviser=make_member_user(board, role="adviser"),
        tasking_member=make_member_user(tasking),
        stranger=make_user(),
    )
    if editor:
        w.editor = make_body_editor(board, username="board-editor")
    if register_entries:
        add_entries(w)
    return w
