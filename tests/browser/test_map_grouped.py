"""The map of a register too large to send whole, in a real Chromium: the server groups the
partnerships for the zoom shown, and the map asks for finer groups as a visitor zooms in.

The demo register stands in for a large one by lowering the limit above which data is grouped."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_map import open_map
from tuhono.partnerships.models import Partnership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("national_install")]


@pytest.fixture
def large(settings: Any) -> None:
    settings.TUHONO_MAP_FULL_LIMIT = 10


def zoom_of(url: str) -> int:
    return int(parse_qs(urlparse(url).query)["zoom"][0])


def marker_total(page: Any) -> int:
    total = 0
    for marker in page.locator(".map-marker").all():
        count = marker.locator(".map-count")
        text = count.text_content() if count.count() else "1"
        total += int(text)
    return total


def test_groups_add_up_to_the_register_and_zooming_in_asks_for_finer_ones(page, live_server, demo, large):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/api/map.geojson" in request.url else None)
    open_map(page, live_server, "?council=auckland")
    placed = Partnership.objects.published().filter(council__slug="auckland", partner__latitude__isnull=False).count()
    assert placed > 10
    assert "properties=brief" in asked[0] and zoom_of(asked[0]) <= 3
    assert page.locator(".map-status").text_content() == f"{placed} partnerships on the map"
    assert marker_total(page) == placed  # every partnership is in some marker, none twice
    group = page.locator(".map-marker.is-cluster").first
    label = group.get_attribute("aria-label")
    assert re.match(r"\d+ partnerships: ", label)
    with page.expect_request(lambda r: "/api/map.geojson" in r.url and zoom_of(r.url) > zoom_of(asked[0])):
        group.click()
    assert page.locator(".map-panel-list").is_visible()
    assert "bbox=" in asked[-1] or zoom_of(asked[-1]) > zoom_of(asked[0])


def test_zoomed_in_a_partnership_is_its_own_marker_and_its_address_reopens_it(page, live_server, demo, large):
    open_map(page, live_server, "?council=auckland&z=16&at=130.4,33.6")
    marker = page.locator('.map-marker[data-slug="auckland-fukuoka"]')
    marker.wait_for()
    marker.focus()
    page.keyboard.press("Enter")
    panel = page.locator(".map-panel")
    assert panel.locator("h3").inner_text() == "Fukuoka, Japan"
    assert "1986" in panel.inner_text()


def test_choosing_a_country_lists_all_its_partnerships_even_when_grouped(page, live_server, demo, large):
    open_map(page, live_server, "?council=auckland")
    japan = page.locator('.map-country[data-id="392"]')
    assert "is-partner" in japan.get_attribute("class")
    japan.dispatch_event("click")
    panel = page.locator(".map-panel")
    panel.locator("h3").filter(has_text="Japan").wait_for()
    assert panel.locator("h3").inner_text() == "Japan: 5 partnerships"
    assert panel.get_by_role("button", name="Fukuoka, Japan", exact=False).count() == 1
