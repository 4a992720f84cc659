"""An expression of interest, in a real browser, checked with axe-core (WCAG 2.2 AA): a member of the public
writes about a published partner-seeking entry; the partnerships officer finds it in the queue and replies;
the reply arrives by email with the way back to the entry."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail

from conftest import describe_violations, otp_verified_client
from tests.browser.axe import axe_violations
from tuhono.accounts.models import User
from tuhono.councils.services import partner_seeking_create, partner_seeking_set_published
from tuhono.visits.enums import DeskStatus, MessageKind
from tuhono.visits.models import PublicMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def signed_in_as(page: Any, live_server: Any, username: str) -> None:
    client = otp_verified_client(username)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_the_public_expresses_interest_and_the_officer_replies(page: Any, live_server: Any, demo: None) -> None:
    officer = User.objects.get(username="officer")
    entry = partner_seeking_create(
        actor=officer,
        who="abroad",
        place_name="Nadi",
        country_code="FJ",
        interests="Tourism, schools and rugby",
        contact_name="Seeker Contact",
        contact_email="seeker@example.fj",
    )
    partner_seeking_set_published(actor=officer, seeking=entry, published=True)

    # A member of the public, from the list of partners sought.
    page.goto(f"{live_server.url}/partner-seeking/")
    page.get_by_role("link", name="Express interest in partnering with Nadi").click()
    page.wait_for_url(f"**/partner-seeking/{entry.pk}/")
    assert page.get_by_role("heading", name="Nadi seeks a partner").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send your interest").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert page.locator("#id_email-error").is_visible() and page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Your full name").fill("Mele Tupou")
    page.get_by_label("Council, city or organisation").fill("Hamilton Sister Cities")
    page.get_by_label("Email address").fill("mele@example.nz")
    page.get_by_label("Your message").fill("Our schools would like to partner with Nadi.")
    page.get_by_role("button", name="Send your interest").click()
    page.wait_for_url(f"**/partner-seeking/{entry.pk}/sent/")
    interest = PublicMessage.objects.get(kind=MessageKind.INTEREST)
    assert page.get_by_text(interest.reference).is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/partner-seeking/{entry.pk}/")
    assert "Mele" not in page.content() and "mele@example.nz" not in page.content()

    # The partnerships officer, from the queue.
    signed_in_as(page, live_server, "officer")
    page.goto(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="Expressions of interest to answer (1)").is_visible()
    page.get_by_role("link", name=f"{interest.reference} about Nadi").click()
    assert page.get_by_role("heading", name=f"{interest.reference} Expression of interest").is_visible()
    assert page.get_by_text("Our schools would like to partner with Nadi.").is_visible()
    assert_accessible(page)

    mail.outbox.clear()
    page.get_by_role("link", name="Reply", exact=True).click()
    page.get_by_label("Your reply").fill("We will introduce you to Nadi Town Council.")
    page.get_by_role("button", name="Send reply").click()
    assert page.get_by_text("Reply sent.").is_visible()
    assert PublicMessage.objects.get(pk=interest.pk).status == DeskStatus.ANSWERED
    sent = [m for m in mail.outbox if m.to == ["mele@example.nz"]]
    assert len(sent) == 1 and "introduce you to Nadi Town Council" in sent[0].body
    assert f"{settings.TUHONO_SITE_URL.rstrip('/')}/partner-seeking/{entry.pk}/" in sent[0].body

    page.get_by_role("link", name="The partner-seeking entry of Nadi").click()
    page.wait_for_url(f"**/staff/register/partner-seeking/{entry.pk}/")
    assert page.get_by_role("heading", name="Expressions of interest (1)").is_visible()
    assert page.get_by_role("cell", name="Answered").is_visible()
    assert_accessible(page)
