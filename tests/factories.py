"""Plain factory functions for tests: sensible defaults, every field overridable by keyword."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.contrib.auth.models import Group, User

from concord.actions.models import Action, ActionOwner
from concord.governance.models import Body, Membership
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import AgendaItem, Attendance, Decision, Meeting
from concord.people.models import Organisation, Person

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def make_organisation(**kwargs: Any) -> Organisation:
    kwargs.setdefault("name", f"Organisation {_n()}")
    return Organisation.objects.create(**kwargs)


def make_person(**kwargs: Any) -> Person:
    kwargs.setdefault("name", f"Person {_n()}")
    return Person.objects.create(**kwargs)


def make_user(**kwargs: Any) -> User:
    kwargs.setdefault("username", f"user{_n()}")
    kwargs.setdefault("password", "pw")
    return User.objects.create_user(**kwargs)


def make_secretariat_user(**kwargs: Any) -> User:
    user = make_user(**kwargs)
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    user.groups.add(group)
    return user


def make_body(**kwargs: Any) -> Body:
    kwargs.setdefault("name", f"Body {_n()}")
    return Body.objects.create(**kwargs)


def make_membership(**kwargs: Any) -> Membership:
    if "person" not in kwargs:
        kwargs["person"] = make_person()
    if "body" not in kwargs:
        kwargs["body"] = make_body()
    return Membership.objects.create(**kwargs)


def make_member_user(body: Body, role: str = "member", **kwargs: Any) -> User:
    """A signed-in user whose person holds a current seat on ``body``."""
    user = make_user(**kwargs)
    person = make_person(user=user)
    make_membership(person=person, body=body, role=role)
    return user


def make_meeting(**kwargs: Any) -> Meeting:
    if "body" not in kwargs:
        kwargs["body"] = make_body()
    kwargs.setdefault("date", dt.date(2025, 3, 4))
    return Meeting.objects.create(**kwargs)


def make_attendance(**kwargs: Any) -> Attendance:
    if "meeting" not in kwargs:
        kwargs["meeting"] = make_meeting()
    if "person" not in kwargs and not kwargs.get("guest_name"):
        kwargs["person"] = make_person()
    return Attendance.objects.create(**kwargs)


def make_item(**kwargs: Any) -> AgendaItem:
    if "meeting" not in kwargs:
        kwargs["meeting"] = make_meeting()
    n = _n()
    kwargs.setdefault("number", str(n))
    kwargs.setdefault("position", n)
    kwargs.setdefault("title", f"Item {n}")
    if kwargs.get("visibility", "public") != "public":
        kwargs.setdefault("restriction_reason", "Commercially sensitive")
    return AgendaItem.objects.create(**kwargs)


def make_decision(**kwargs: Any) -> Decision:
    if "item" not in kwargs:
        kwargs["item"] = make_item()
    kwargs.setdefault("text", f"Decision {_n()}")
    return Decision.objects.create(**kwargs)


def make_action(*, owners: tuple[Person, ...] = (), **kwargs: Any) -> Action:
    """An action, by default on a new item; ``owners`` become person owners."""
    if "item" not in kwargs:
        meeting = make_meeting(body=kwargs["body"]) if "body" in kwargs else make_meeting()
        kwargs["item"] = make_item(meeting=meeting)
    if "body" not in kwargs:
        kwargs["body"] = kwargs["item"].meeting.body if kwargs["item"] else make_body()
    kwargs.setdefault("description", f"Action {_n()}")
    action = Action.objects.create(**kwargs)
    for person in owners:
        ActionOwner.objects.create(action=action, person=person)
    return action
