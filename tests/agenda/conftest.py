"""The small partnership for agenda tests, a body editor, a meeting three weeks ahead."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import make_meeting
from tests.personas import build_world

# A fixed "today" for every agenda test: nothing depends on the machine's clock.
TODAY = dt.date(2026, 3, 2)


def at(day: dt.date):
    """Patch Django's clock to noon on ``day`` (``timezone.localdate()`` follows it)."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def today():
    with at(TODAY):
        yield TODAY


@pytest.fixture
def world(db, today, settings, tmp_path) -> SimpleNamespace:
    settings.MEDIA_ROOT = tmp_path / "media"
    w = build_world(editor=True)
    # Three weeks ahead: its agenda goes out a week before, on 16 March.
    w.next_meeting = make_meeting(body=w.board, date=TODAY + dt.timedelta(days=21))
    return w
