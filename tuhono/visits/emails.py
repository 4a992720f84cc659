"""Emails about visits. Services call these through `transaction.on_commit`, never directly."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from tuhono.accounts.models import User

from .models import DeskReply, PublicMessage, Visit


def _site_url() -> str:
    return getattr(settings, "TUHONO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def staff_emails(*, council_id: int, roles: Iterable[str]) -> list[str]:
    """Addresses of the active staff of a council who hold any of these roles."""
    return sorted(
        set(
            User.objects.filter(council_id=council_id, is_active=True, groups__name__in=list(roles))
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _send(*, subject: str, template: str, context: dict, to: list[str]) -> int:
    if not to:
        return 0
    context = {"organisation": settings.TUHONO_ORGANISATION, **context}
    body = render_to_string(template, context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def send_request_acknowledgement(*, visit_id: int) -> int:
    visit = Visit.objects.select_related("council").get(pk=visit_id)
    return _send(
        subject=f"We have your visit request {visit.reference}",
        template="visits/email/request_acknowledgement.txt",
        context={"visit": visit},
        to=[visit.contact_email] if visit.contact_email else [],
    )


def send_message_acknowledgement(*, message_id: int) -> int:
    message = PublicMessage.objects.get(pk=message_id)
    return _send(
        subject=f"We have your message {message.reference}",
        template="visits/email/message_acknowledgement.txt",
        context={"message": message},
        to=[message.email] if message.email else [],
    )


def send_next_step(*, visit_id: int, roles: Iterable[str], event: str, note: str = "") -> int:
    """Tell the people who act next (by role, in the visit's council) what has happened."""
    visit = Visit.objects.select_related("council").get(pk=visit_id)
    return _send(
        subject=f"{visit.reference}: {event}",
        template="visits/email/next_step.txt",
        context={"visit": visit, "event": event, "note": note, "site_url": _site_url()},
        to=staff_emails(council_id=visit.council_id, roles=roles),
    )


def send_new_message_notice(*, message_id: int, roles: Iterable[str]) -> int:
    message = PublicMessage.objects.get(pk=message_id)
    return _send(
        subject=f"{message.reference}: new {message.get_kind_display().lower()}",
        template="visits/email/new_message.txt",
        context={"message": message, "site_url": _site_url()},
        to=staff_emails(council_id=message.council_id, roles=roles),
    )


def send_desk_reply(*, reply_id: int) -> int:
    """A reply written on the desk, to whoever wrote in, with the reference and the way back to us."""
    reply = DeskReply.objects.select_related("message", "visit").get(pk=reply_id)
    record = reply.message or reply.visit
    return _send(
        subject=reply.subject,
        template="visits/email/desk_reply.txt",
        context={"reply": reply, "reference": record.reference if record else "", "site_url": _site_url()},
        to=[reply.to_email],
    )
