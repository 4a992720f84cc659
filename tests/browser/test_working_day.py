"""Each staff role's working day from `/staff/`, in a real browser, following links, checked with axe-core
(WCAG 2.2 AA): the partnerships officer on the desk, the security officer, the approver and the national
coordinator."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from conftest import describe_violations, otp_verified_client
from tests.browser.axe import axe_violations
from tuhono.accounts.models import User
from tuhono.partnerships.attention import partnerships_dormant
from tuhono.partnerships.models import Partnership
from tuhono.vetting.selectors import alert_queue
from tuhono.visits import services
from tuhono.visits.enums import DeskStatus
from tuhono.visits.models import PublicMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def signed_in_as(page: Any, live_server: Any, username: str) -> None:
    client = otp_verified_client(username)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_the_partnerships_officer_answers_an_enquiry_from_the_queue(page: Any, live_server: Any, demo: None) -> None:
    message = services.message_submit(
        council=User.objects.get(username="officer").council,
        kind="enquiry",
        name="Aiko Sato",
        email="aiko@example.jp",
        subject="A sister school",
        message="Could our school find a partner in Auckland?",
    )
    signed_in_as(page, live_server, "officer")
    page.goto(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="What waits on you").is_visible()
    assert page.get_by_role("heading", name="New enquiries and feedback (1)").is_visible()
    assert page.get_by_role("heading", name="Drafts to publish").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name=f"{message.reference} International enquiry: A sister school").click()
    assert page.get_by_role("heading", name=f"{message.reference} International enquiry").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change status or owner").click()
    page.get_by_label("Status").select_option(DeskStatus.IN_PROGRESS)
    page.get_by_label("Owner").select_option(label="Oliver Officer")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text(f"{message.reference} updated.").is_visible()

    page.get_by_role("link", name="Reply", exact=True).click()
    page.get_by_label("Your reply").fill("")
    page.get_by_role("button", name="Send reply").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)
    page.get_by_label("Your reply").fill("We can introduce you to a school in Auckland.")
    page.get_by_role("button", name="Send reply").click()
    assert page.get_by_text("Reply sent.").is_visible()
    assert PublicMessage.objects.get(pk=message.pk).status == DeskStatus.ANSWERED

    page.get_by_role("link", name="Enquiries", exact=True).click()
    assert page.get_by_role("heading", name="Enquiries and requests").is_visible()
    assert_accessible(page)


def test_the_security_officer_starts_from_alerts_and_reaches_due_diligence(
    page: Any, live_server: Any, demo: None
) -> None:
    signed_in_as(page, live_server, "security")
    page.goto(f"{live_server.url}/staff/")
    alerts = alert_queue(user=User.objects.get(username="security")).count()
    assert alerts > 0, "the demo holds open alerts"
    assert page.get_by_role("heading", name=f"Open screening alerts ({alerts})").is_visible()
    assert page.get_by_role("heading", name="Assessments to do").is_visible()
    assert_accessible(page)
    page.locator('[data-queue="alerts"] a').first.click()
    page.wait_for_url("**/staff/vetting/parties/*/")
    assert page.get_by_role("heading", name="Matches").is_visible()
    page.get_by_role("link", name="Due diligence", exact=True).click()
    page.wait_for_url("**/staff/vetting/")
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().startswith("Due diligence")


def test_the_approver_finds_the_visit_waiting_for_approval(page: Any, live_server: Any, demo: None) -> None:
    signed_in_as(page, live_server, "approver")
    page.goto(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="Visits waiting for approval (1)").is_visible()
    assert page.get_by_role("heading", name="Assessments waiting for your sign-off").is_visible()
    assert_accessible(page)
    page.locator('[data-queue="approve"] a').first.click()
    page.wait_for_url("**/staff/visits/*/")
    assert page.get_by_role("button", name="Approve").is_visible()
    assert_accessible(page)


def test_the_national_coordinator_sees_every_council_and_the_dormant_ties(
    page: Any, live_server: Any, demo: None
) -> None:
    signed_in_as(page, live_server, "national")
    page.goto(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="Every council's register at a glance").is_visible()
    assert page.get_by_role("row", name="Auckland Council").is_visible()
    dormant = partnerships_dormant(Partnership.objects.all(), today=timezone.localdate()).count()
    assert 0 < dormant < Partnership.objects.count() / 2, "only the demo's quiet ties are dormant"
    assert page.get_by_role("heading", name=f"Dormant ties ({dormant})").is_visible()
    assert page.get_by_role("heading", name="Notices to government overdue").is_visible()
    assert_accessible(page)
    assert page.locator("main a[href^='/admin/']").count() == 0
