"""Project-wide guarantees: migrations committed, production settings safe, health check."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from django.core.management import call_command


def test_no_model_change_is_missing_a_migration(db) -> None:
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def _production_settings(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CONCORD_", "DEBUG"))}
    environment.update(env)
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='concord.settings';"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _production_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_use_secure_cookies_and_hsts() -> None:
    result = _production_settings(SECRET_KEY="x" * 50)
    assert result.stdout.split() == ["True", "True", "True", "False"]


def test_healthz_answers_when_the_database_is_up(client, db) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_pages_carry_security_headers(client, db) -> None:
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_forms_need_a_csrf_token(db) -> None:
    from django.test import Client

    from tests.factories import make_secretariat_user

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_secretariat_user())
    assert client.post("/meetings/new/", {}).status_code == 403
