"""Staff carry a visit through the workflow in the back office; list pages keep their query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tuhono.audit.models import AuditEvent
from tuhono.councils.models import Council
from tuhono.visits import hooks, services
from tuhono.visits.enums import VisitState
from tuhono.visits.models import ContactLogEntry, Visit

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def test_staff_carry_a_public_request_from_received_to_reported(clients, monkeypatch):
    # Due diligence may hold approval (its own tests cover that); here the screening is clear.
    monkeypatch.setattr(hooks, "_approval_checks", [])
    visit = Visit.objects.get(organisation__startswith="Guangzhou Municipal")  # demo: triaged
    officer, approver = clients["officer"], clients["approver"]
    detail = reverse("staff:visit_detail", args=[visit.pk])
    assert "Send to vetting" in officer.get(detail).content.decode()
    assert "Approve" not in officer.get(detail).content.decode()
    officer.post(reverse("staff:visit_send_to_vetting", args=[visit.pk]), {"send_to_vetting-note": ""})
    html = approver.get(detail).content.decode()
    assert "Approve" in html and "Decline" in html
    approver.post(reverse("staff:visit_approve", args=[visit.pk]), {"approve-note": "Fine"})
    today = timezone.localdate()
    officer.post(
        reverse("staff:visit_schedule", args=[visit.pk]),
        {"schedule-starts_on": today.isoformat(), "schedule-ends_on": (today + dt.timedelta(days=1)).isoformat()},
    )
    officer.post(reverse("staff:visit_complete", args=[visit.pk]), {"complete-note": ""})
    response = officer.post(reverse("staff:visit_report", args=[visit.pk]), {"report-report": "Two exchanges agreed"})
    visit.refresh_from_db()
    assert visit.state == VisitState.REPORTED and visit.report == "Two exchanges agreed"
    html = officer.get(response.url).content.decode()
    assert "is now reported" in html and "Two exchanges agreed" in html
    assert AuditEvent.objects.filter(target_id=str(visit.pk), action="visit.reported").exists()


def test_a_refused_step_comes_back_with_the_reason(clients):
    visit = Visit.objects.get(organisation__startswith="Guangzhou Municipal")  # triaged
    response = clients["officer"].post(reverse("staff:visit_complete", args=[visit.pk]), {}, follow=True)
    assert "A visit that is triaged cannot" in response.content.decode()


def test_the_approver_sees_why_vetting_holds_a_visit(clients, monkeypatch):
    visit = Visit.objects.get(organisation__startswith="Embassy of Japan")  # demo: in vetting
    monkeypatch.setattr(hooks, "_approval_checks", [lambda v: ["1 screening alert(s) are open"]])
    detail = reverse("staff:visit_detail", args=[visit.pk])
    assert "1 screening alert(s) are open" in clients["approver"].get(detail).content.decode()
    assert "screening alert" not in clients["officer"].get(detail).content.decode()
    response = clients["approver"].post(reverse("staff:visit_approve", args=[visit.pk]), {}, follow=True)
    assert "The visit cannot be approved yet: 1 screening alert(s) are open" in response.content.decode()
    visit.refresh_from_db()
    assert visit.state == VisitState.VETTING


def test_a_missing_decline_reason_is_shown_on_the_form(clients):
    visit = Visit.objects.get(organisation__startswith="Guangzhou Municipal")
    html = clients["approver"].post(reverse("staff:visit_decline", args=[visit.pk]), {}).content.decode()
    assert "There is a problem" in html and "Give the reason for declining the visit" in html


def test_officer_records_a_visit_with_members_itinerary_and_gift(clients):
    officer = clients["officer"]
    response = officer.post(
        reverse("staff:visit_create"),
        {"kind": "official", "organisation": "Embassy of Samoa", "country_code": "WS", "purpose": "Courtesy call"},
    )
    visit = Visit.objects.get(organisation="Embassy of Samoa")
    assert response.url == reverse("staff:visit_detail", args=[visit.pk])
    officer.post(
        reverse("staff:party_add", args=[visit.pk]),
        {"kind": "person", "name": "High Commissioner", "nationality": "WS"},
    )
    officer.post(
        reverse("staff:itinerary_add", args=[visit.pk]),
        {"kind": "site_visit", "title": "Watercare plant", "sensitive_categories": ["water", "infrastructure"]},
    )
    officer.post(
        reverse("staff:gift_add", args=[visit.pk]),
        {"direction": "received", "kind": "gift", "description": "Fine mat", "counterpart": "High Commission"},
    )
    html = officer.get(reverse("staff:visit_detail", args=[visit.pk])).content.decode()
    assert "High Commissioner" in html and "Sensitive: Infrastructure, Water" in html and "Fine mat" in html


def test_contacts_log_entry_needs_the_intermediary_named(clients):
    from tuhono.partnerships.models import Partnership

    tie = Partnership.objects.filter(council__slug="auckland").first()
    url = reverse("staff:contact_entry_add", args=[tie.pk])
    data = {"occurred_on": "2026-10-01", "people": "Zhang Wei | 张伟", "topic": "Port cooperation"}
    html = clients["officer"].post(url, {**data, "initiated_by": "intermediary"}).content.decode()
    assert "Name the intermediary who made the approach." in html
    clients["officer"].post(url, {**data, "initiated_by": "intermediary", "intermediary": "Friendship Association"})
    entry = ContactLogEntry.objects.get(topic="Port cooperation")
    assert entry.council_id == tie.council_id and entry.people_list == [("Zhang Wei", "张伟")]
    assert "张伟" in clients["security"].get(reverse("staff:contact_log", args=[tie.pk])).content.decode()


def _more_visits(count: int) -> None:
    from tuhono.accounts.models import User

    officer = User.objects.get(username="officer")
    for index in range(count):
        services.visit_create(
            actor=officer,
            council=Council.objects.get(slug="auckland"),
            kind="incoming",
            organisation=f"Delegation {index}",
            country_code="JP",
            purpose="Study",
            members=[{"name": f"Member {index}"}],
        )


# Sign-in checks (session, user, two-factor device, roles) take 4 or 5 queries of each count.
PINNED = {"staff:visit_list": 10, "staff:contacts": 10, "staff:message_list": 10}


@pytest.mark.parametrize("page", list(PINNED))
def test_list_pages_keep_their_query_count_as_visits_grow(demo, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in("officer")
    url = reverse(page)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    _more_visits(15)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before) <= PINNED[page]
