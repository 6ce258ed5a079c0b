"""Personas for the core tests: the shared small partnership plus a body editor."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories import make_user
from tests.personas import build_world
from tests.registers.entries import add_entries


@pytest.fixture
def world(db) -> SimpleNamespace:
    w = build_world()
    w.editor = make_user(username="board-editor")
    w.board.editors.add(w.editor)
    add_entries(w)  # one public and one members-only entry in each register
    return w


@pytest.fixture
def as_user(client):
    """Sign the test client in as a user (or stay anonymous for ``None``)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
