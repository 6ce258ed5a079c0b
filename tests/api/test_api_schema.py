"""The API describes itself: OpenAPI document and interactive docs."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import reverse


def test_openapi_json_is_valid_json_listing_every_endpoint(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"] == {
        "title": "Concord API",
        "version": "1",
        "description": schema["info"]["description"],
    }
    assert set(schema["paths"]) >= {
        "/api/bodies",
        "/api/bodies/{slug}",
        "/api/meetings",
        "/api/meetings/{meeting_id}",
        "/api/actions",
        "/api/actions/{action_id}",
        "/api/people/{person_id}",
    }
    meeting_params = {p["name"] for p in schema["paths"]["/api/meetings"]["get"]["parameters"]}
    assert {"body", "from", "to", "limit", "offset"} <= meeting_params


def test_the_openapi_document_has_no_contact_fields_except_the_secretariats_contact(client, db):
    schema = client.get("/api/openapi.json").json()
    person = schema["components"]["schemas"]["PersonOut"]["properties"]
    assert "email" not in person and "phone" not in person
    assert "contact" in person


def test_the_interactive_docs_are_served(client, db):
    response = client.get(reverse("api:openapi-view"))
    assert response.status_code == 200


@pytest.mark.skipif(
    "ninja" not in settings.INSTALLED_APPS,
    reason='needs "ninja" in INSTALLED_APPS (else django-ninja loads Swagger UI from a CDN)',
)
def test_the_interactive_docs_load_nothing_from_a_cdn(client, db):
    html = client.get(reverse("api:openapi-view")).content.decode()
    assert "cdn." not in html
    assert "swagger-ui-bundle.js" in html
