"""The partnerships officer's day in the register, in a real browser, checked with axe-core (WCAG 2.2 AA):
add a partnership choosing the place as they type, record a status change, add a milestone, preview, publish."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from conftest import describe_violations, otp_verified_client
from tests.browser.axe import axe_violations
from tuhono.partnerships.models import Partnership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def signed_in_as(page: Any, live_server: Any, username: str) -> None:
    client = otp_verified_client(username)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_the_officer_adds_changes_and_publishes_a_partnership(page: Any, live_server: Any, demo: None) -> None:
    signed_in_as(page, live_server, "officer")
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Register").click()
    page.wait_for_url("**/staff/register/")
    assert_accessible(page)

    page.get_by_role("link", name="Add a partnership").click()
    page.wait_for_url("**/staff/register/new/")
    assert_accessible(page)
    page.get_by_role("combobox", name="Partner place", exact=True).press_sequentially("Nagas", delay=40)
    option = page.get_by_role("option").first  # the biggest place of that name comes first
    option.wait_for()
    assert option.inner_text().startswith("Nagasaki, Japan (population")
    assert_accessible(page)  # with the list of places open
    option.click()
    assert page.locator("#id_place_country").input_value() == "JP"
    page.get_by_label("Kind of partnership").select_option("friendship_city")
    page.get_by_label("Signed on", exact=True).fill("2024-08-09")
    page.get_by_label("What the signing date records").fill("Signing ceremony in Nagasaki")
    page.get_by_role("button", name="Add partnership").click()
    page.wait_for_url("**/staff/register/*/")
    partnership = Partnership.objects.get(council__slug="auckland", partner__name="Nagasaki")
    assert page.get_by_role("heading", name="Nagasaki, Japan").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change the status").click()
    page.get_by_label("New status").select_option("suspended")
    page.get_by_label("Date of the change").fill("2025-02-01")
    page.get_by_role("button", name="Change status").click()  # no reason: told beside the field
    assert page.locator("#id_reason-error").is_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Reason").fill("Paused during the city's budget review")
    page.get_by_role("button", name="Change status").click()
    page.wait_for_url(f"**/staff/register/{partnership.pk}/")
    assert page.get_by_role("cell", name="Paused during the city's budget review").is_visible()

    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Kind").select_option("exchange")
    page.get_by_label("Date", exact=True).fill("2025-03-15")
    page.get_by_label("Title").fill("Peace education exchange")
    page.get_by_label("Participants").fill("30")
    page.get_by_role("button", name="Add milestone").click()
    page.wait_for_url(f"**/staff/register/{partnership.pk}/")
    assert page.locator("strong", has_text="Peace education exchange").is_visible()

    page.get_by_role("link", name="Preview the public page").click()
    assert page.get_by_text("PREVIEW").first.is_visible()
    assert page.get_by_text("Peace education exchange").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the partnership").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/staff/register/{partnership.pk}/")
    partnership.refresh_from_db()
    assert partnership.published
    page.goto(f"{live_server.url}/partnerships/{partnership.slug}/")
    assert page.get_by_role("heading", name="Nagasaki, Japan").is_visible()
