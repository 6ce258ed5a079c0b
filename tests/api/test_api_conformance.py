"""The API answers as its OpenAPI document says (issue 11, hole 6): schemathesis generates
requests from ``/api/openapi.json`` and checks every response against it, through the
WSGI app (no server), as the public and as a signed-in secretariat user.

Bounded and deterministic: a fixed number of examples per operation, derandomised, so
the same requests are sent on every run.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

EXAMPLES = 30
SENT: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases():
    yield
    print(f"\nschemathesis: {sum(SENT.values())} cases sent over {len(SENT)} operations")


# Serving the OpenAPI document reads no table, so it is loaded once, at collection.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Called straight through WSGI, Django would close the database connection at the
    end of each request, and on PostgreSQL with it the test's transaction; Django's
    own test client stops that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def session_cookie(world) -> str:
    client = Client()
    client.force_login(world.secretariat)
    return client.cookies["sessionid"].value


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_the_api_conforms_to_its_openapi_document_for_the_public(case, world):
    SENT[case.operation.label] += 1
    case.call_and_validate()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_the_api_conforms_to_its_openapi_document_signed_in(case, session_cookie):
    SENT[case.operation.label] += 1
    case.call_and_validate(headers={"Cookie": f"sessionid={session_cookie}"})


def test_a_nul_character_in_an_api_query_is_the_documented_422(client, db):
    response = client.get("/api/meetings", {"body": "a\x00b"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "body"]
