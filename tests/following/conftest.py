"""Fixtures for the following tests: a real SMTP server."""

from tests.mail import smtp  # noqa: F401  (a fixture, used by name)
