"""A visitor on a phone, with the keyboard: moves the calendar to next month, opens an
event from it, signs up to a full event and is put on the waiting list (the e-mail
arrives at the test's SMTP server); axe finds no serious or critical violation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from concord.events.models import Event, EventStatus, Registration
from tests.browser.test_search_journey import PHONE, assert_accessible, assert_fits_the_phone
from tests.mail import smtp  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.browser


@pytest.fixture
def seminar(transactional_db):
    first_of_next = (dt.date.today().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    start = timezone.make_aware(
        dt.datetime.combine(first_of_next + dt.timedelta(days=9), dt.time(10))
    )
    event = Event.objects.create(
        title="Youth safety seminar",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        capacity=1,
        status=EventStatus.PUBLISHED,
    )
    Registration.objects.create(
        event=event, name="First Comer", email="first@example.org", status="confirmed"
    )
    return event


def test_a_visitor_finds_an_event_in_the_calendar_and_joins_its_waiting_list(
    browser,
    live_server,
    seminar,
    smtp,  # noqa: F811
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/calendar/")
        assert_fits_the_phone(page)
        assert_accessible(page)
        next_link = page.locator('a[rel="next"]')
        next_link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/calendar/?month=*")
        event_link = page.get_by_role("link", name="Youth safety seminar")
        event_link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/events/{seminar.slug}/")
        assert "Full: new sign-ups join the waiting list" in page.content()
        assert "First Comer" not in page.content()
        assert_fits_the_phone(page)
        assert_accessible(page)
        page.get_by_label("Name").fill("Dana Visitor")
        page.get_by_label("E-mail address").fill("dana@example.org")
        page.get_by_label("E-mail address").press("Enter")
        page.wait_for_url("**/signed-up/waiting/")
        assert "You are on the waiting list" in page.content()
        assert_accessible(page)
    finally:
        context.close()
    (mail,) = smtp.bodies_to("dana@example.org")
    assert "waiting list" in mail
