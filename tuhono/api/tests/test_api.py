import json

import pytest
from openapi_spec_validator import validate

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_update

# These tests read the national register.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("national_install")]


def test_openapi_document_is_valid(client, demo):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    validate(response.json())


def test_list_returns_the_published_records(client, demo):
    data = client.get("/api/partnerships", {"limit": 1000}).json()
    assert data["count"] == Partnership.objects.filter(published=True).count()
    fukuoka = next(p for p in data["results"] if p["partner"]["name"] == "Fukuoka")
    assert fukuoka["signed"] == "1986"
    assert fukuoka["kind"] == "sister_city"
    assert fukuoka["council"]["slug"] == "auckland"
    assert "Education" in fukuoka["focus_areas"]


def test_list_filters_like_the_page(client, demo):
    data = client.get("/api/partnerships", {"country": "KR", "council": "auckland"}).json()
    assert {p["partner"]["name"] for p in data["results"]} == {"Busan", "Pohang"}


def test_bad_parameters_get_a_400_saying_why(client, demo):
    response = client.get("/api/partnerships", {"limit": "lots", "status": "maybe"})
    assert response.status_code == 400
    assert "limit" in response.json()["details"] and "status" in response.json()["details"]


def test_drafts_are_not_in_the_api(client, demo):
    fukuoka = Partnership.objects.get(partner__name="Fukuoka")
    partnership_update(actor=None, partnership=fukuoka, published=False)
    names = {p["partner"]["name"] for p in client.get("/api/partnerships", {"limit": 1000}).json()["results"]}
    assert "Fukuoka" not in names
    assert client.get(f"/api/partnerships/{fukuoka.pk}").status_code == 404


def test_only_public_fields(client, demo):
    fukuoka = Partnership.objects.get(partner__name="Fukuoka")
    body = client.get(f"/api/partnerships/{fukuoka.pk}").content.decode()
    record = json.loads(body)
    assert set(record) == {
        "id",
        "slug",
        "url",
        "council",
        "partner",
        "partner_authority",
        "partner_website",
        "kind",
        "kind_label",
        "status",
        "signed",
        "signed_basis",
        "resigned",
        "ended",
        "legacy_council",
        "owner",
        "focus_areas",
        "summary",
    }
    assert "source" not in record and "created_at" not in record


def test_councils_with_counts(client, demo):
    data = client.get("/api/councils").json()
    auckland = next(c for c in data["results"] if c["slug"] == "auckland")
    assert auckland["partnership_count"] == 19
    assert auckland["maori_name"] == "Te Kaunihera o Tāmaki Makaurau"
    assert all(c["slug"] != "waitakere-city" for c in data["results"])  # legacy councils are history


def test_api_query_counts_are_pinned(client, demo, django_assert_num_queries):
    # count, page, focus areas: the same three however many records there are
    with django_assert_num_queries(3):
        client.get("/api/partnerships", {"limit": 1000})
    with django_assert_num_queries(1):
        client.get("/api/councils")
