"""The partnerships map in a real Chromium: the checks a visitor would make."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tuhono.partnerships.models import Partnership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait_until(page: Any, script: str, timeout: float = 10.0) -> None:
    """Poll `script` in the page until it is true (wait_for_function uses eval, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"Timed out waiting for: {script}"
        page.wait_for_timeout(50)


def open_map(page: Any, live_server: Any, query: str = "") -> None:
    page.goto(f"{live_server.url}/partnerships/map/{query}")
    page.wait_for_selector(".map[data-markers-drawn]")
    page.wait_for_selector(".map-country.is-partner", state="attached")


def open_partner(page: Any, name: str) -> None:
    """Choose the marker for `name`; if it is grouped with neighbours, choose it from the group's list."""
    marker = page.locator(f'.map-marker[aria-label*="{name}"]').first
    marker.click()
    panel = page.locator(".map-panel")
    if panel.locator(".map-panel-list").count():
        panel.get_by_role("button", name=name).first.click()


def test_clicking_fukuoka_shows_1986_and_joins_it_to_auckland(page, live_server, demo):
    open_map(page, live_server, "?council=auckland")
    open_partner(page, "Fukuoka")
    panel = page.locator(".map-panel")
    assert panel.is_visible()
    assert panel.locator("h3").inner_text() == "Fukuoka, Japan"
    text = panel.inner_text()
    assert "1986" in text and "Sister city" in text and "Auckland Council" in text
    assert panel.get_by_role("link", name="Read about the partnership with Fukuoka").get_attribute("href") == (
        "/partnerships/auckland-fukuoka/"
    )
    assert page.locator(".map-line").get_attribute("d"), "a line joins the council to the partner"
    wait_until(page, "() => location.search.includes('p=auckland-fukuoka')")
    # The state is in the address: opening it again shows the same partnership.
    page.goto(page.url)
    page.wait_for_selector(".map-panel:not([hidden])")
    assert page.locator(".map-panel h3").inner_text() == "Fukuoka, Japan"


def test_clicking_samoa_opens_the_whole_country_partnership(page, live_server, demo):
    open_map(page, live_server, "?council=auckland")
    samoa = page.locator('.map-country[data-id="882"]')
    assert "is-partner" in samoa.get_attribute("class")
    samoa.dispatch_event("click")
    panel = page.locator(".map-panel")
    assert panel.locator("h3").inner_text() == "Samoa"
    # Re-signed in 2012 (its first signing is not recorded): read with the rest of the partnership's details.
    panel.get_by_text("Re-signed").wait_for()
    assert "Memorandum of cooperation" in panel.inner_text() and "2012" in panel.inner_text()
    # The Cook Islands (ISO 184) and Tonga (776) are shaded too, and Japan lists its partners.
    for country in ("184", "776", "392"):
        assert "is-partner" in page.locator(f'.map-country[data-id="{country}"]').get_attribute("class")
    page.locator('.map-country[data-id="392"]').dispatch_event("click")
    assert panel.locator("h3").inner_text() == "Japan: 5 partnerships"
    assert panel.get_by_role("button", name="Fukuoka, Japan", exact=False).count() == 1


def test_keyboard_only_tab_to_a_marker_enter_opens_escape_closes(page, live_server, demo):
    open_map(page, live_server, "?council=auckland")
    page.locator('[data-map-action="reset"]').focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('class')")
    assert "map-marker" in focused
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    # The focus is visible: the focused marker's halo is drawn.
    assert page.evaluate("getComputedStyle(document.activeElement.querySelector('.map-hit')).fill") != "transparent"
    page.keyboard.press("Enter")
    panel = page.locator(".map-panel")
    assert panel.is_visible()
    assert page.evaluate("document.activeElement.id") == "map-panel-title"
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    # Every marker on the map is in the Tab order.
    markers = page.locator(".map-marker")
    assert markers.count() > 5
    assert all(markers.nth(i).get_attribute("tabindex") == "0" for i in range(markers.count()))
    # The on-screen buttons zoom and pan, and the view is kept in the address.
    wait_until(page, "() => new URLSearchParams(location.search).has('z')")
    zoom = float(page.evaluate("() => new URLSearchParams(location.search).get('z')"))
    page.locator('[data-map-action="in"]').click()
    page.locator('[data-map-action="in"]').click()
    wait_until(page, "() => Math.abs(new URLSearchParams(location.search).get('z') - %f) < 0.05" % (zoom * 4))
    page.locator('[data-map-action="left"]').click()
    wait_until(page, "() => parseFloat(new URLSearchParams(location.search).get('at')) < 175")


def test_zoomed_in_on_japan_fukuoka_is_its_own_marker(page, live_server, demo):
    open_map(page, live_server, "?council=auckland&z=8&at=135,35")
    marker = page.locator('.map-marker[data-slug="auckland-fukuoka"]')
    marker.focus()
    page.keyboard.press("Enter")
    assert "1986" in page.locator(".map-panel").inner_text()


def test_filters_redraw_the_map_and_keep_the_state_in_the_address(page, live_server, demo):
    open_map(page, live_server)
    page.evaluate("window.notReloaded = true")
    before = page.locator(".map-marker").count()
    page.select_option("#id_kind", "friendship_city")
    page.get_by_role("button", name="Apply").click()
    wait_until(page, "() => location.search.includes('kind=friendship_city')")
    wait_until(page, f"() => document.querySelectorAll('.map-marker').length < {before}")
    labels = page.locator(".map-marker").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and all("Friendship city" in label or "partnerships" in label for label in labels)
    assert page.evaluate("window.notReloaded") is True
    wait_until(page, "() => document.querySelector('#map-results').innerText.includes('3 partnerships')")
    assert "Shinagawa" in page.locator("#map-results").inner_text()
    assert "Brisbane" not in page.locator("#map-results").inner_text()
    page.go_back()
    wait_until(page, f"() => document.querySelectorAll('.map-marker').length === {before}")


def test_inactive_partnerships_look_different_by_shape(page, live_server, demo):
    Partnership.objects.filter(partner__name="Galway").update(status="dormant")
    open_map(page, live_server, "?council=auckland")
    galway = page.locator('.map-marker[aria-label*="Galway"]')
    assert "is-inactive" in galway.get_attribute("class")
    assert galway.locator("path.map-symbol").count() == 1  # a diamond, where active partners are circles
    assert "Dormant" in galway.get_attribute("aria-label")


def test_screenshots_of_the_map_desktop_and_phone(browser, live_server, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("map-desktop.png", (1280, 900)), ("map-phone.png", (360, 780))):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=1)
        page = context.new_page()
        open_map(page, live_server, "?council=auckland&p=auckland-fukuoka")
        page.wait_for_selector(".map-panel:not([hidden])")
        page.locator(".map-section").scroll_into_view_if_needed()
        page.locator(".map").screenshot(path=str(SCREENSHOTS / name))
        context.close()
        assert (SCREENSHOTS / name).stat().st_size > 10_000
