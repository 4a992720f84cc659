"""Schemathesis against /api/openapi.json: inputs generated from the published schema (and
outside it) never make the API answer with a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.test import RequestFactory
from hypothesis import settings

from config.wsgi import application
from tuhono.api.openapi import openapi_document

from .conftest import EXAMPLES


def _schema():  # type: ignore[no-untyped-def]
    document = openapi_document(RequestFactory().get("/api/openapi.json"))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = application
    loaded.location = "/api/openapi.json"
    return loaded


schema = _schema()


@pytest.fixture
def wsgi_keeps_test_connection():  # type: ignore[no-untyped-def]
    """Schemathesis calls the WSGI application directly. Like Django's test client, stop the
    request signals from closing the test's database connection (inside its transaction)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(settings.get_profile("fuzz"), max_examples=EXAMPLES * 5)
def test_api_never_answers_with_a_server_error(case, demo: None, wsgi_keeps_test_connection: None) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}"


def test_the_published_schema_lists_the_api() -> None:
    paths = schema.raw_schema["paths"]
    assert "/api/partnerships" in paths or "/partnerships" in paths, sorted(paths)
