"""Errors answer with the site's own pages, in its layout, saying what to do next."""

from __future__ import annotations

from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error


def test_a_missing_page_is_the_sites_own(client, db) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'aria-label="Main"' in html  # the site's navigation
    assert reverse("login") in html  # a visitor is told that signing in may help


def test_a_forbidden_page_is_the_sites_own(world, as_user) -> None:
    response = as_user(world.stranger).get(reverse("secretariat:dashboard"))
    assert response.status_code == 403
    assert "<h1>You may not do this</h1>" in response.content.decode()


def test_the_server_error_page_needs_no_database(db) -> None:
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
