"""In a real browser, under the strict Content-Security-Policy: the map and the public pages run
their scripts and styles, and the Django admin works, with no policy violation."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from conftest import otp_verified_client

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def violations(page: Any) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return found


def test_public_pages_and_map_run_under_the_policy(
    transactional_db: None, live_server: Any, page: Any, violations: list[str]
) -> None:
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for path in ["/partnerships/", "/partnerships/map/", "/councils/", "/data/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert not violations, violations


def test_the_admin_works_under_the_policy(
    transactional_db: None, live_server: Any, page: Any, violations: list[str]
) -> None:
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    # The admin is for administrators, who have passed their second factor.
    cookie = otp_verified_client("admin").cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(live_server.url + "/admin/partnerships/partnership/")
    page.click("#result_list tbody tr a")  # open a partnership
    page.wait_for_selector("#partnership_form")
    page.wait_for_load_state("networkidle")
    # The admin's own scripts ran: the inline formsets got their "Add another" links.
    assert page.locator(".add-row a").count() >= 1
    assert not violations, violations
