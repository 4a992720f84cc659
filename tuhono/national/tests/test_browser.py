"""The national pages in a real browser: zero WCAG 2.2 AA violations from axe."""

from __future__ import annotations

import pytest

from conftest import describe_violations
from tests.browser.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("national_install")]

PAGES = [
    "/councils/",
    "/councils/hutt-city/",
    "/insights/",
    "/insights/?council=auckland",
    "/data/",
    "/partner-seeking/",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_national_pages_have_no_axe_violations(page, live_server, demo, path):
    page.goto(live_server.url + path)
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_partner_seeking_errors_have_no_axe_violations(page, live_server, demo):
    page.goto(live_server.url + "/partner-seeking/")
    page.get_by_label("A city or region abroad").check()
    page.get_by_role("button", name="Send the request").click()
    assert page.title().startswith("Error: ")
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
