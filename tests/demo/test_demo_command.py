"""``concord demo``: setting up the instance and printing one-time passwords."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from concord.demo.instance import setup_demo
from concord.demo.launch import CHILD_FLAG, data_dir_from_args, demo_environment
from concord.governance.models import Body


@pytest.mark.django_db
def test_setup_demo_builds_an_empty_database_and_returns_fresh_passwords(tmp_path: Path) -> None:
    credentials = setup_demo(tmp_path / "data", scale=0.2, collect_static=False)
    assert credentials.built is not None
    assert Body.objects.exists()
    assert (tmp_path / "data").is_dir()
    usernames = [u for u, _p in credentials.accounts]
    assert usernames[0] == "secretariat"
    assert len(credentials.secretariat_password) >= 12

    again = setup_demo(tmp_path / "data", scale=0.2, collect_static=False)
    assert again.built is None
    assert again.secretariat_password != credentials.secretariat_password


@pytest.mark.django_db
def test_the_demo_command_prints_the_secretariat_password(
    tmp_path: Path,
    settings,
    monkeypatch,
) -> None:
    settings.DATA_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    # Pretend to be the child process, so the command runs here instead of re-running itself.
    monkeypatch.setenv(CHILD_FLAG, "1")
    out = io.StringIO()
    call_command("demo", "--no-serve", "--data", str(tmp_path), "--scale", "0.2", stdout=out)
    text = out.getvalue()
    assert "username: secretariat" in text
    assert "password: " in text
    assert "http://127.0.0.1:8000/" in text


def test_the_demo_environment_uses_its_own_folder_and_never_a_database_url(tmp_path: Path) -> None:
    env = demo_environment(tmp_path, {"DATABASE_URL": "postgres://x/y", "DEBUG": "1"})
    assert env["CONCORD_DATA"] == str(tmp_path)
    assert env["CONCORD_DEMO"] == "1"
    assert env["DEBUG"] == "0"
    assert "DATABASE_URL" not in env
    assert data_dir_from_args(["--data", str(tmp_path)]) == tmp_path.resolve()
