"""The public page cache: repeat visits are served from it, a change to the register shows at once,
and signed-in staff never read from or write to it."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import otp_verified_client
from tuhono.accounts.models import User
from tuhono.partnerships import services
from tuhono.partnerships.models import Partnership


@pytest.fixture
def cache_on(settings):  # type: ignore[no-untyped-def]
    settings.TUHONO_PUBLIC_CACHE_SECONDS = 300


def test_a_repeat_visit_is_served_from_the_cache_with_one_query(
    cache_on: None, demo: None, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    first = client.get("/api/partnerships?limit=5")
    assert first.status_code == 200 and "X-Cache" not in first
    with django_assert_num_queries(1):  # the register version only
        second = client.get("/api/partnerships?limit=5")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert "unsafe-inline" not in second["Content-Security-Policy"]


def test_a_change_to_the_register_shows_at_once(cache_on: None, demo: None) -> None:
    client = Client()
    partnership = Partnership.objects.filter(published=True).order_by("pk").first()
    url = f"/api/partnerships/{partnership.pk}"
    before = client.get(url).json()
    assert client.get(url)["X-Cache"] == "hit"
    officer = User.objects.get(username="officer")
    services.partnership_update(actor=officer, partnership=partnership, summary="Renewed with a new programme.")
    after = client.get(url)
    assert "X-Cache" not in after
    assert after.json() != before


def test_signed_in_staff_are_never_served_from_the_cache(cache_on: None, demo: None) -> None:
    Client().get("/partnerships/")
    anonymous = Client().get("/partnerships/")
    assert anonymous["X-Cache"] == "hit"
    staff = otp_verified_client("officer")
    assert "X-Cache" not in staff.get("/partnerships/")


def test_a_browser_gets_the_map_data_compressed_and_identical(cache_on: None, demo: None) -> None:
    import gzip

    plain = Client().get("/api/map.geojson")
    browser = Client(headers={"Accept-Encoding": "gzip, deflate, br"})
    first = browser.get("/api/map.geojson")  # rendered, stored, and sent compressed
    again = browser.get("/api/map.geojson")  # from the cache
    for response in (first, again):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert len(response.content) < len(plain.content) / 3
        assert gzip.decompress(response.content) == plain.content
    assert again["X-Cache"] == "hit"
    # A client that does not accept gzip is never sent it.
    refused = Client(headers={"Accept-Encoding": "gzip;q=0, identity"}).get("/api/map.geojson")
    assert "Content-Encoding" not in refused and refused.content == plain.content


def test_a_visitor_holding_this_version_is_told_not_modified_until_the_register_changes(
    cache_on: None, demo: None
) -> None:
    client = Client()
    first = client.get("/api/map.geojson")
    tag = first["ETag"]
    held = client.get("/api/map.geojson", headers={"If-None-Match": tag})
    assert held.status_code == 304 and held.content == b"" and held["ETag"] == tag
    # Another address has its own tag.
    assert client.get("/api/map.geojson?country=CN", headers={"If-None-Match": tag}).status_code == 200
    partnership = Partnership.objects.filter(published=True).order_by("pk").first()
    officer = User.objects.get(username="officer")
    services.partnership_update(actor=officer, partnership=partnership, summary="Renewed with a new programme.")
    changed = client.get("/api/map.geojson", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_answers_of_an_earlier_register_version_are_dropped_not_left_to_expire(cache_on: None, demo: None) -> None:
    from tuhono.ops import cache as register_cache

    client = Client()
    client.get("/api/map.geojson")
    version = register_cache.register_version()
    stored = [key for key in register_cache.pages()._cache if f"page:{version}:" in key]  # type: ignore[attr-defined]
    assert len(stored) == 3  # the entry, its body, its compressed body
    partnership = Partnership.objects.filter(published=True).order_by("pk").first()
    officer = User.objects.get(username="officer")
    services.partnership_update(actor=officer, partnership=partnership, summary="Renewed with a new programme.")
    client.get("/partnerships/")
    left = [key for key in register_cache.pages()._cache if f"page:{version}:" in key]  # type: ignore[attr-defined]
    assert left == [], "the old version's map data is no longer held in memory"
