"""A visitor on a phone follows a body by e-mail: the form from the body's page, the
confirmation mail at the test's SMTP server, the button that confirms, and the page every
mail's unsubscribe link opens; axe finds no serious or critical violation at 390 px."""

from __future__ import annotations

import re

import pytest

from concord.following.models import Follow
from tests.browser.test_search_journey import PHONE, assert_accessible, assert_fits_the_phone
from tests.factories import make_body
from tests.mail import smtp  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.browser


def test_a_visitor_follows_a_body_and_confirms_from_the_mail(
    browser,
    live_server,
    transactional_db,
    settings,
    smtp,  # noqa: F811
):
    settings.CONCORD_SITE_URL = live_server.url
    body = make_body(name="Harbour Safety Board")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/bodies/{body.slug}/")
        link = page.get_by_role("link", name="Follow by e-mail")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/follow/body/{body.slug}/")
        assert_fits_the_phone(page)
        assert_accessible(page)
        page.get_by_label("E-mail address").fill("Walker@Example.org")
        page.get_by_label("E-mail address").press("Enter")
        page.wait_for_url("**/follow/sent/")
        assert "Check your e-mail" in page.content()
        assert_accessible(page)

        (mail,) = smtp.bodies_to("walker@example.org")
        confirm = re.search(r"(http://\S+/follow/confirm/\S+/)", mail)
        unsubscribe = re.search(r"(http://\S+/follow/unsubscribe/\S+/)", mail)
        assert confirm and unsubscribe, mail
        page.goto(confirm.group(1))
        assert Follow.objects.get().confirmed_at is None  # opening the link changed nothing
        assert_fits_the_phone(page)
        assert_accessible(page)
        page.get_by_role("button", name="Yes, e-mail me the news").click()
        page.wait_for_load_state()
        assert "You follow Harbour Safety Board" in page.content()
        assert Follow.objects.get().confirmed_at is not None

        page.goto(unsubscribe.group(1))
        assert_accessible(page)
        page.get_by_role("button", name="Stop the e-mails").click()
        page.wait_for_load_state()
        assert "You will receive no more of these e-mails" in page.content()
        assert not Follow.objects.exists()
    finally:
        context.close()
