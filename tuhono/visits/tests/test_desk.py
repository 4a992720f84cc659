"""The desk: status, owner, due date and replies for enquiries, feedback and visit requests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tuhono.audit.models import AuditEvent
from tuhono.visits import services
from tuhono.visits.enums import DeskStatus, VisitSource
from tuhono.visits.models import DeskReply

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(councils):
    return services.message_submit(
        council=councils["auckland"],
        kind="enquiry",
        name="Aiko Sato",
        email="aiko@example.jp",
        subject="A sister school",
        message="Could our school find a partner in Auckland?",
    )


def test_a_message_is_due_a_reply_within_the_service_level(councils, settings):
    settings.TUHONO_DESK_SLA_DAYS = 7
    message = services.message_submit(council=councils["auckland"], kind="feedback", message="Broken link")
    assert message.status == DeskStatus.NEW and message.owner is None
    assert message.due_on == timezone.localdate() + dt.timedelta(days=7)


def test_a_public_visit_request_is_due_a_reply_and_a_staff_record_is_not(councils, make_visit, settings):
    settings.TUHONO_DESK_SLA_DAYS = 3
    request = services.visit_request_submit(
        council=councils["auckland"],
        organisation="Osaka Port Bureau",
        country_code="JP",
        purpose="Port study",
        proposed_start=None,
        proposed_end=None,
        contact_name="Ken",
        contact_email="ken@example.jp",
    )
    assert request.source == VisitSource.PUBLIC_REQUEST
    assert request.reply_due_on == timezone.localdate() + dt.timedelta(days=3)
    assert make_visit().reply_due_on is None


def test_reply_is_recorded_emailed_with_the_site_address_and_marks_the_enquiry_answered(
    enquiry, staff, settings, django_capture_on_commit_callbacks
):
    settings.TUHONO_SITE_URL = "https://partnerships.example.govt.nz/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.desk_reply(
            actor=staff["officer"], item=enquiry, subject="Re: A sister school", body="Yes: we can introduce you."
        )
    enquiry.refresh_from_db()
    assert enquiry.status == DeskStatus.ANSWERED and enquiry.owner == staff["officer"] and enquiry.handled_at
    assert DeskReply.objects.get() == reply and reply.to_email == "aiko@example.jp"
    sent = mail.outbox[-1]
    assert sent.to == ["aiko@example.jp"] and sent.subject == "Re: A sister school"
    assert "Yes: we can introduce you." in sent.body and enquiry.reference in sent.body
    assert "https://partnerships.example.govt.nz/enquiries/" in sent.body
    assert AuditEvent.objects.filter(action="desk.replied", target_id=str(enquiry.pk)).exists()


def test_an_empty_reply_or_one_with_nowhere_to_go_is_refused_and_nothing_is_sent(councils, enquiry, staff):
    with pytest.raises(ValidationError) as refused:
        services.desk_reply(actor=staff["officer"], item=enquiry, subject="", body=" ")
    assert set(refused.value.message_dict) == {"subject", "body"}
    anonymous = services.message_submit(council=councils["auckland"], kind="feedback", message="No address")
    with pytest.raises(ValidationError, match="no email address"):
        services.desk_reply(actor=staff["officer"], item=anonymous, subject="Thanks", body="Thank you")
    assert not DeskReply.objects.exists()


def test_owner_and_status_are_set_by_the_councils_own_staff_and_audited(enquiry, staff):
    services.desk_assign(actor=staff["officer"], item=enquiry, owner=staff["officer"])
    services.desk_status_set(actor=staff["officer"], message=enquiry, status=DeskStatus.WAITING)
    enquiry.refresh_from_db()
    assert enquiry.owner == staff["officer"] and enquiry.status == DeskStatus.WAITING
    actions = set(AuditEvent.objects.filter(target_id=str(enquiry.pk)).values_list("action", flat=True))
    assert {"desk.assigned", "desk.status_changed"} <= actions
    with pytest.raises(ValidationError):
        services.desk_assign(actor=staff["officer"], item=enquiry, owner=staff["dunedin"])
    with pytest.raises(PermissionDenied):
        services.desk_status_set(actor=staff["dunedin"], message=enquiry, status=DeskStatus.CLOSED)
    with pytest.raises(PermissionDenied):
        services.desk_reply(actor=staff["security"], item=enquiry, subject="Hi", body="Hello")


def test_a_visit_request_reply_clears_its_due_date_and_gives_it_an_owner(
    make_visit, staff, django_capture_on_commit_callbacks
):
    visit = make_visit(contact_email="chen@example.cn", contact_name="Chen")
    visit.reply_due_on = timezone.localdate()
    visit.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.desk_reply(actor=staff["officer"], item=visit, subject="Your visit", body="We can host you.")
    visit.refresh_from_db()
    assert visit.reply_due_on is None and visit.owner == staff["officer"]
    assert mail.outbox[-1].to == ["chen@example.cn"]
