"""The desk in the back office: from the queue to an enquiry's status, owner and reply."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tuhono.accounts.models import User
from tuhono.visits import services
from tuhono.visits.enums import DeskStatus
from tuhono.visits.models import DeskReply, PublicMessage, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(clients):
    return services.message_submit(
        council=User.objects.get(username="officer").council,
        kind="enquiry",
        name="Aiko Sato",
        email="aiko@example.jp",
        subject="A sister school",
        message="Could our school find a partner in Auckland?",
    )


def test_the_officer_follows_links_from_the_queue_to_the_enquirys_forms(
    clients, enquiry, django_capture_on_commit_callbacks
):
    officer = clients["officer"]
    detail = reverse("staff:message_detail", args=[enquiry.pk])
    assert f'href="{detail}"' in officer.get("/staff/").content.decode()
    html = officer.get(detail).content.decode()
    handle, reply = (
        reverse("staff:message_handle", args=[enquiry.pk]),
        reverse("staff:message_reply", args=[enquiry.pk]),
    )
    assert f'href="{handle}"' in html and f'href="{reply}"' in html and "/admin/" not in html.split("<main")[1]

    me = User.objects.get(username="officer")
    officer.post(handle, {"status": DeskStatus.IN_PROGRESS, "owner": me.pk})
    enquiry.refresh_from_db()
    assert enquiry.status == DeskStatus.IN_PROGRESS and enquiry.owner == me

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(reply, {"subject": "Re: A sister school", "body": "We can introduce you."})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["aiko@example.jp"]
    html = officer.get(detail).content.decode()
    assert "We can introduce you." in html and "Answered" in html


def test_a_reply_without_text_shows_the_error_by_the_field(clients, enquiry):
    html = (
        clients["officer"].post(reverse("staff:message_reply", args=[enquiry.pk]), {"subject": "Hi"}).content.decode()
    )
    assert "There is a problem" in html and "<title>Error: " in html
    assert 'href="#id_body"' in html
    assert not DeskReply.objects.exists()


def test_other_councils_and_non_desk_roles_cannot_work_the_enquiry(clients, enquiry):
    assert clients["dunedin"].get(reverse("staff:message_detail", args=[enquiry.pk])).status_code == 404
    assert clients["security"].get(reverse("staff:message_reply", args=[enquiry.pk])).status_code == 403
    response = clients["national"].post(reverse("staff:message_handle", args=[enquiry.pk]), {"status": "closed"})
    assert response.status_code == 403
    assert PublicMessage.objects.get(pk=enquiry.pk).status == DeskStatus.NEW


def test_a_visit_request_gets_an_owner_and_a_reply_from_its_page(clients, django_capture_on_commit_callbacks):
    visit = Visit.objects.filter(source="public_request").first()
    officer = clients["officer"]
    html = officer.get(reverse("staff:visit_detail", args=[visit.pk])).content.decode()
    assert (
        reverse("staff:visit_owner", args=[visit.pk]) in html and reverse("staff:visit_reply", args=[visit.pk]) in html
    )
    me = User.objects.get(username="officer")
    officer.post(reverse("staff:visit_owner", args=[visit.pk]), {"owner": me.pk})
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(reverse("staff:visit_reply", args=[visit.pk]), {"subject": "Your visit", "body": "Welcome."})
    visit.refresh_from_db()
    assert visit.owner == me and visit.reply_due_on is None and visit.replies.count() == 1
    assert mail.outbox[-1].to == [visit.contact_email]


def test_the_desk_lists_enquiries_by_status_and_owner(clients, enquiry):
    officer = clients["officer"]
    assert enquiry.reference in officer.get(reverse("staff:message_list")).content.decode()
    assert enquiry.reference not in officer.get(reverse("staff:message_list") + "?mine=1").content.decode()
    assert enquiry.reference not in officer.get(reverse("staff:message_list") + "?status=closed").content.decode()
