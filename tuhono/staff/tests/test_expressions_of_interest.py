"""Expressions of interest on the back office: the entry's page, the queue and the desk."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tuhono.accounts.models import User
from tuhono.councils.services import partner_seeking_create, partner_seeking_set_published
from tuhono.visits import services
from tuhono.visits.enums import DeskStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def interest(clients):
    officer = User.objects.get(username="officer")
    entry = partner_seeking_create(
        actor=officer,
        who="abroad",
        place_name="Nadi",
        country_code="FJ",
        interests="Tourism and schools",
        contact_name="Seeker Contact",
        contact_email="seeker@example.fj",
    )
    entry = partner_seeking_set_published(actor=officer, seeking=entry, published=True)
    return services.interest_submit(
        seeking=entry,
        name="Mele Tupou",
        organisation="Hamilton Sister Cities",
        email="mele@example.nz",
        message="We would like to partner with Nadi.",
    )


def test_the_officer_goes_from_the_queue_to_the_interest_and_replies_with_a_link_to_the_entry(
    clients, interest, settings, django_capture_on_commit_callbacks
):
    settings.TUHONO_SITE_URL = "https://partnerships.example.govt.nz"
    officer = clients["officer"]
    detail = reverse("staff:message_detail", args=[interest.pk])
    queue = officer.get("/staff/").content.decode()
    assert "Expressions of interest to answer" in queue and f'href="{detail}"' in queue and "about Nadi" in queue

    entry_page = reverse("staff:register_seeking_entry", args=[interest.partner_seeking_id])
    html = officer.get(entry_page).content.decode()
    assert "Mele Tupou" in html and f'href="{detail}"' in html and "Expressions of interest (1)" in html
    assert f'href="{entry_page}"' in officer.get(reverse("staff:register_seeking")).content.decode()
    assert f'href="{entry_page}"' in officer.get(detail).content.decode()
    assert interest.reference in officer.get(reverse("staff:message_list")).content.decode()

    me = User.objects.get(username="officer")
    officer.post(
        reverse("staff:message_handle", args=[interest.pk]), {"status": DeskStatus.IN_PROGRESS, "owner": me.pk}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(
            reverse("staff:message_reply", args=[interest.pk]),
            {"subject": "Your interest in Nadi", "body": "We will introduce you to Nadi Town Council."},
        )
    email = mail.outbox[-1]
    assert email.to == ["mele@example.nz"] and "introduce you" in email.body
    assert f"https://partnerships.example.govt.nz/partner-seeking/{interest.partner_seeking_id}/" in email.body
    interest.refresh_from_db()
    assert interest.status == DeskStatus.ANSWERED and interest.owner == me
    assert "Expressions of interest to answer" in (queue := officer.get("/staff/").content.decode())
    assert f'href="{detail}"' not in queue  # answered: it no longer waits on anyone


def test_another_council_sees_the_entry_but_not_who_wrote_to_auckland(clients, interest):
    entry_page = reverse("staff:register_seeking_entry", args=[interest.partner_seeking_id])
    html = clients["dunedin"].get(entry_page).content.decode()
    assert "Nadi" in html and "Mele Tupou" not in html and "Expressions of interest (0)" in html
    assert clients["dunedin"].get(reverse("staff:message_detail", args=[interest.pk])).status_code == 404
    assert clients["anonymous"].get(entry_page).status_code in (302, 403)
