"""The due-diligence pages a security officer works in, in a real browser, checked with axe-core
(WCAG 2.2 AA): the alert queue, a screened party with its matches, a case, the questionnaire with
and without mistakes in it, the assessments and the printable report."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from conftest import describe_violations, otp_verified_client
from tests.browser.axe import axe_violations
from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import Assessment, ScreeningMatch
from tuhono.visits.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def signed_in_as(page: Any, live_server: Any, username: str) -> None:
    """The browser carries the session of a member of staff who has passed two-factor sign-in."""
    client = otp_verified_client(username)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_security_officer_works_due_diligence_with_no_accessibility_violations(
    page: Any, live_server: Any, demo: None
) -> None:
    signed_in_as(page, live_server, "security")
    page.goto(f"{live_server.url}/staff/vetting/")
    assert page.get_by_role("heading", name="Due diligence").is_visible()
    assert_accessible(page)

    alert = ScreeningMatch.objects.filter(status=MatchStatus.OPEN).select_related("party").first()
    assert alert is not None, "the demonstration data has an open alert"
    page.goto(f"{live_server.url}/staff/vetting/parties/{alert.party.pk}/")
    assert page.get_by_role("heading", name=alert.party.name).is_visible()
    assert page.get_by_role("heading", name="Matches").is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/staff/vetting/parties/")
    assert_accessible(page)

    # The demonstration's Shenzhen tie is already decided; the embassy's visit awaits its assessment.
    undecided = Visit.objects.get(council__slug="auckland", organisation="Embassy of Japan in New Zealand")
    page.goto(f"{live_server.url}/staff/vetting/cases/visit/{undecided.pk}/")
    assert page.get_by_role("heading", name="People and organisations screened").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Start the assessment").click()
    page.wait_for_url("**/staff/vetting/assessments/*/")
    assessment = Assessment.objects.order_by("-pk").first()
    assert page.url.endswith(f"/staff/vetting/assessments/{assessment.pk}/")
    assert page.get_by_role("heading", name="Risk assessment:").first.is_visible()
    assert_accessible(page)

    # Submitted without a rating and rationale: the mistakes are shown beside the fields, accessibly.
    page.get_by_role("button", name="Submit for decision").click()
    page.wait_for_load_state("load")
    assert page.locator("#rating-error").is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/staff/vetting/assessments/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/staff/vetting/assessments/{assessment.pk}/report/")
    assert page.get_by_role("heading", name="Due-diligence report").is_visible()
    assert_accessible(page)
