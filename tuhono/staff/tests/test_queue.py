"""`/staff/`: each role lands on what waits on them, with counts and due dates, and nothing of another's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.partnerships.demo.activity import QUIET
from tuhono.partnerships.models import Partnership
from tuhono.vetting.models import ScreenedParty, ScreeningMatch
from tuhono.visits import services
from tuhono.visits.models import PublicMessage

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def _sections(html: str) -> dict[str, int]:
    """The queue's sections as the page shows them: key -> the count in the heading."""
    found = re.findall(r'data-queue="([a-z0-9-]+)">\s*<h3[^>]*>[^<]*<span class="queue-count">\((\d+)\)', html)
    return {key: int(count) for key, count in found}


OFFICER = {
    "enquiries",
    "interests",
    "requests",
    "triaged",
    "approved",
    "completed",
    "review",
    "anniversaries",
    "drafts",
    "notices",
}
SECURITY = {"alerts", "screen", "assess", "advice", "vetting", "decisions"}
APPROVER = {"signoff", "approve", "decisions"}
NATIONAL = {"dormant", "overdue"}


def test_each_role_lands_on_its_own_queue(clients):
    officer = _sections(clients["officer"].get("/staff/").content.decode())
    security = _sections(clients["security"].get("/staff/").content.decode())
    approver = _sections(clients["approver"].get("/staff/").content.decode())
    national_html = clients["national"].get("/staff/").content.decode()
    national = _sections(national_html)

    assert set(officer) == OFFICER
    assert set(security) >= SECURITY and not set(security) & (OFFICER | NATIONAL)
    assert set(approver) == APPROVER
    assert set(national) == NATIONAL and "Every council's register at a glance" in national_html
    # The demo's open alerts (its decided cases have worked theirs): the queue counts every one.
    open_alerts = ScreeningMatch.objects.filter(status="open", party__council__slug="auckland").count()
    assert open_alerts > 0 and security["alerts"] == open_alerts
    assert approver["approve"] == 1 and officer["requests"] == 1 and officer["triaged"] == 1


def test_vetting_items_and_the_due_diligence_link_are_for_vetting_roles_only(clients):
    for name in ("officer", "national", "dunedin"):
        html = clients[name].get("/staff/").content.decode()
        assert "screening alert" not in html.lower() and "Due diligence" not in html
        assert reverse("staff:vetting:queue") not in html
    for name in ("security", "approver"):
        assert f'href="{reverse("staff:vetting:queue")}">Due diligence' in clients[name].get("/staff/").content.decode()


def test_a_new_enquiry_reaches_the_officer_with_its_due_date_and_turns_overdue(clients, settings):
    settings.TUHONO_DESK_SLA_DAYS = 5
    council = User.objects.get(username="officer").council
    message = services.message_submit(council=council, kind="enquiry", message="Sister school?", subject="Schools")
    assert message.due_on == timezone.localdate() + dt.timedelta(days=5)
    html = clients["officer"].get("/staff/").content.decode()
    assert _sections(html)["enquiries"] == 1 and "Schools" in html
    assert "Overdue" not in html.split('data-queue="enquiries"')[1].split("</section>")[0]
    PublicMessage.objects.filter(pk=message.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    section = clients["officer"].get("/staff/").content.decode().split('data-queue="enquiries"')[1]
    assert "Overdue" in section.split("</section>")[0]
    assert _sections(clients["dunedin"].get("/staff/").content.decode())["enquiries"] == 0


def test_a_party_screened_long_ago_shows_as_stale_to_the_security_officer(clients, settings):
    before = _sections(clients["security"].get("/staff/").content.decode())["screen"]
    party = ScreenedParty.objects.filter(council__slug="auckland", screened_at__isnull=False).first()
    settings.TUHONO_SCREENING_STALE_DAYS = 30
    ScreenedParty.objects.filter(pk=party.pk).update(screened_at=timezone.now() - dt.timedelta(days=31))
    html = clients["security"].get("/staff/").content.decode()
    assert _sections(html)["screen"] == before + 1 and party.name in html


def test_only_the_quiet_demo_ties_are_dormant(clients):
    html = clients["national"].get("/staff/").content.decode()
    assert _sections(html)["dormant"] == len(QUIET)
    from tuhono.partnerships.attention import partnerships_dormant

    dormant = {(p.council.slug, p.partner.name) for p in partnerships_dormant(Partnership.objects.all())}
    assert dormant == set(QUIET)


# Sign-in checks (session, user, two-factor device, roles) take 4 or 5 queries of each count.
PINNED = {"officer": 29, "security": 28, "approver": 16, "national": 15}


@pytest.mark.parametrize("username", list(PINNED))
def test_the_queue_keeps_its_query_count_as_work_grows(demo, username):
    client = signed_in(username)
    client.get("/staff/")
    with CaptureQueriesContext(connection) as before:
        assert client.get("/staff/").status_code == 200
    officer = User.objects.get(username="officer")
    for index in range(15):
        services.visit_create(
            actor=officer,
            council=officer.council,
            kind="incoming",
            organisation=f"Delegation {index}",
            country_code="JP",
            purpose="Study",
        )
        services.message_submit(council=officer.council, kind="enquiry", message=f"Question {index}")
    with CaptureQueriesContext(connection) as after:
        assert client.get("/staff/").status_code == 200
    assert len(after) == len(before) <= PINNED[username]


def test_partnership_rows_open_the_register_page(clients):
    for name, keys in (("officer", ("review", "drafts", "anniversaries", "notices")), ("national", ("dormant",))):
        html = clients[name].get("/staff/").content.decode()
        links = []
        for key in keys:
            section = html.split(f'data-queue="{key}"')[1].split("</section>")[0]
            links += re.findall(r'<a href="(/staff/[^"]*)"', section)
        assert links and "/staff/contacts/" not in " ".join(links)
        partnership_links = [link for link in links if re.fullmatch(r"/staff/register/\d+/", link)]
        assert partnership_links, f"{name}: {links}"
        page = clients[name].get(partnership_links[0])
        assert page.status_code == 200 and "Status history" in page.content.decode()
