"""Signing in for real (issue 11, hole 7): throttled sign-in on the site and the admin,
password change, password reset by e-mail through a real SMTP server, and no short
secret key outside the demo."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_secretariat_user, make_user

pytestmark = pytest.mark.django_db
RIGHT = "correct horse battery staple"


@pytest.fixture
def alice():
    return make_user(username="alice", password=RIGHT, email="alice@example.org")


def sign_in(client, url: str, password: str):
    return client.post(url, {"username": "alice", "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("page", ["login", "admin:login"])
def test_thirty_wrong_passwords_lock_the_account_even_against_the_right_one(client, alice, page):
    alice.is_staff = True
    alice.save()
    url = reverse(page)
    for _ in range(30):
        assert sign_in(client, url, "wrong").status_code in (200, 429)
    response = sign_in(client, url, RIGHT)
    assert not signed_in(client)
    assert response.status_code == 429
    assert "too many wrong passwords" in response.content.decode()


def test_a_lock_out_is_lifted_by_the_documented_command(client, alice):
    url = reverse("login")
    for _ in range(5):
        sign_in(client, url, "wrong")
    assert sign_in(client, url, RIGHT).status_code == 429
    call_command("axes_reset_username", "alice", verbosity=0)
    assert sign_in(client, url, RIGHT).status_code == 302
    assert signed_in(client)


def test_a_few_wrong_passwords_then_the_right_one_still_sign_in(client, alice):
    url = reverse("login")
    for _ in range(3):
        response = sign_in(client, url, "wrong")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    assert sign_in(client, url, RIGHT).status_code == 302
    assert signed_in(client)


def test_a_signed_in_user_changes_their_password(client, alice):
    client.force_login(alice)
    url = reverse("password_change")
    response = client.post(
        url, {"old_password": "wrong", "new_password1": "x", "new_password2": "x"}
    )
    html = response.content.decode()
    assert "Old password: Your old password was entered incorrectly" in html
    new = "a much longer passphrase 2026"
    response = client.post(url, {"old_password": RIGHT, "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(new)
    assert signed_in(client)


def test_changing_a_password_needs_signing_in(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_password_is_reset_through_a_link_sent_by_real_e_mail(client, alice, smtp):
    response = client.post(reverse("password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    assert "Check your e-mail" in client.get(response.url).content.decode()
    (mail,) = smtp.messages  # the SMTP conversation ends when the server has it
    assert mail["To"] == "alice@example.org"
    body = mail.get_payload(decode=True).decode()
    link = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", body)
    assert link, body
    page = client.get(link[1], follow=True)
    assert "Choose a new password" in page.content.decode()
    new = "a brand new passphrase 2026"
    done = client.post(
        page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Your new password is set" in done.content.decode()
    assert client.post(reverse("login"), {"username": "alice", "password": new}).status_code == 302
    again = client.get(link[1], follow=True)
    assert "already been used or has expired" in again.content.decode()


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, smtp):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert smtp.messages == []


def _start(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CONCORD_", "DEBUG"))}
    environment.update(env)
    code = "import concord.settings"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("extra", [{}, {"DEBUG": "1"}])
def test_a_secret_key_shorter_than_50_characters_is_refused_outside_the_demo(extra):
    result = _start(SECRET_KEY="x" * 49, **extra)
    assert result.returncode != 0
    assert "SECRET_KEY is 49 characters long; it must be at least 50" in result.stderr
    assert _start(SECRET_KEY="x" * 50, **extra).returncode == 0
    assert _start(SECRET_KEY="x", CONCORD_DEMO="1").returncode == 0


def test_pages_carry_a_content_security_policy_and_a_permissions_policy(client):
    make_secretariat_user(username="sec")
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert get_user_model().objects.filter(username="sec").exists()


def test_a_forged_forwarded_for_header_does_not_dodge_the_lock_out(client, alice):
    url = reverse("login")
    for n in range(6):
        client.post(
            url, {"username": "alice", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        )
    response = client.post(
        url, {"username": "alice", "password": RIGHT}, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert response.status_code == 429
