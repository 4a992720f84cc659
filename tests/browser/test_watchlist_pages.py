"""A security officer keeps a watch list in a real browser: upload, preview, confirm; a refused file is explained
beside the field. Each page checked with axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import describe_violations, otp_verified_client
from tests.browser.axe import axe_violations
from tuhono.watchlists.models import ListEntity
from tuhono.watchlists.tests.keepers import NAMES, list_csv, make_keepers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_a_security_officer_uploads_previews_and_confirms_a_list(page: Any, live_server: Any, tmp_path: Any) -> None:
    make_keepers()
    client = otp_verified_client("sec_akl")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    page.goto(f"{live_server.url}/staff/vetting/lists/")
    expect(page.get_by_role("heading", name="Watch lists")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Upload a new version or a new list").click()
    assert "Up to 100 MB" in page.locator("#id_file-hint").inner_text()

    empty = tmp_path / "empty.csv"
    empty.write_bytes(list_csv([]))
    page.get_by_label("List name").fill("Council list")
    page.get_by_label("List file").set_input_files(str(empty))
    page.get_by_role("button", name="Read the file and show what changes").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.locator("#id_file-error").inner_text().count("holds no entities") == 1
    assert_accessible(page)

    good = tmp_path / "list.csv"
    good.write_bytes(list_csv(NAMES))
    page.get_by_label("List name").fill("Council list")
    page.get_by_label("List file").set_input_files(str(good))
    page.get_by_role("button", name="Read the file and show what changes").click()
    page.wait_for_url("**/staff/vetting/lists/uploads/*/")
    expect(page.get_by_text("Aleksandr Petrov")).to_be_visible()
    assert not ListEntity.objects.exists()
    assert_accessible(page)

    page.get_by_role("button", name="Confirm this version").click()
    expect(page.get_by_text("the new version is in force")).to_be_visible()
    assert ListEntity.objects.filter(removed_in_version__isnull=True).count() == 10
