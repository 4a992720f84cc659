"""A delegation requests a study visit in a real Chromium: mistakes first, then correctly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from conftest import describe_violations
from tuhono.visits.models import Visit

from .axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_request_a_study_visit_with_mistakes_then_correctly(page: Any, live_server: Any, demo: None) -> None:
    page.goto(f"{live_server.url}/visits/request/")
    assert page.get_by_role("heading", name="Before you start").is_visible()
    assert_accessible(page)

    # Some answers, not all: the errors are summarised, linked, and nothing typed is lost.
    page.get_by_label("Name of your organisation").fill("Guangzhou Foreign Affairs Office")
    page.locator("#id_members-0-name_original").fill("李伟")
    page.get_by_label("Contact email address").fill("chen.jing at example")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")  # the summary takes focus once the page's script has run
    assert page.title().startswith("Error: ")
    summary = page.locator(".error-summary")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert summary.get_by_role("link", name="Enter the purpose of the visit").is_visible()
    assert summary.get_by_role("link", name="Member 1: Enter the member's name in Latin letters").is_visible()
    assert (
        page.locator("#id_contact_email-error")
        .inner_text()
        .endswith("Enter an email address in the correct format, like name@example.com")
    )
    assert page.get_by_label("Name of your organisation").input_value() == "Guangzhou Foreign Affairs Office"
    assert page.locator("#id_members-0-name_original").input_value() == "李伟"
    assert page.get_by_label("Contact email address").input_value() == "chen.jing at example"
    summary.get_by_role("link", name="Enter the purpose of the visit").click()
    assert page.evaluate("document.activeElement.id") == "id_purpose"
    assert_accessible(page)

    # Without JavaScript-only tricks: one more member row.
    page.get_by_role("button", name="Add another member").click()
    assert page.locator("#id_members-3-name").count() == 1
    assert page.locator(".error-summary").count() == 0

    start = dt.date.today() + dt.timedelta(weeks=16)
    page.get_by_label("Country", exact=True).select_option("CN")
    page.get_by_label("City or region").fill("Guangzhou")
    page.get_by_label("Purpose of the visit").fill("Learn how the council plans its waterfront.")
    page.get_by_label("First day of the visit").fill(start.isoformat())
    page.get_by_label("Last day of the visit").fill((start + dt.timedelta(days=2)).isoformat())
    page.locator("#id_members-0-name").fill("Li Wei")
    page.locator("#id_members-0-role").fill("Deputy Director")
    page.locator("#id_members-1-name_original").fill("陈静")
    page.locator("#id_members-1-name").fill("Chen Jing")
    page.get_by_label("Contact person's full name").fill("Chen Jing")
    page.get_by_label("Contact email address").fill("chen.jing@example.cn")
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", name="Check your answers before sending your request").is_visible()
    text = page.locator("main").inner_text()
    assert "Li Wei" in text and "李伟" in text and "陈静" in text and "China" in text
    assert_accessible(page)
    page.get_by_role("button", name="Send request").click()

    assert page.get_by_role("heading", name="Request sent").is_visible()
    reference = page.locator(".reference").inner_text()
    visit = Visit.objects.get(reference=reference)
    assert reference.startswith(f"TUH-{dt.date.today().year}-")
    assert [p.name for p in visit.parties.all()] == ["Li Wei", "Chen Jing"]
    assert any(m.to == ["chen.jing@example.cn"] and reference in m.subject for m in mail.outbox)
    assert_accessible(page)


def test_an_officer_signs_in_and_triages_the_request(page: Any, live_server: Any, demo: None) -> None:
    visit = Visit.objects.get(organisation__startswith="Guangzhou Municipal")
    page.goto(f"{live_server.url}/staff/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("tuhono-demo-2026")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="What waits on you").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=f"{visit.reference} {visit.organisation}").first.click()
    assert page.get_by_role("heading", name="Next step").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send to vetting").click()
    assert page.get_by_text(f"{visit.reference} is now in vetting.").is_visible()
    page.get_by_role("link", name="Visits", exact=True).click()
    assert_accessible(page)
    visit.refresh_from_db()
    assert visit.state == "vetting"
