"""What arrives from the public site: visit requests, enquiries and feedback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from tuhono.accounts.enums import Role
from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.councils.models import Council, PartnerSeeking

from .. import emails
from ..enums import MessageKind, VisitKind, VisitSource
from ..models import PublicMessage, Visit
from .common import desk_due_on, reference_next
from .records import visit_create

NON_FIELD = "__all__"


@transaction.atomic
def visit_request_submit(
    *,
    council: Council,
    organisation: str,
    country_code: str,
    city: str = "",
    partnership: Any = None,
    purpose: str,
    topics: str = "",
    proposed_start: dt.date | None,
    proposed_end: dt.date | None,
    sites_requested: str = "",
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    members: Sequence[dict[str, Any]] = (),
) -> Visit:
    """Record a delegation's request as a received visit with its members.

    Guarantees a reference number, an audit event, and (after commit) an
    acknowledgement to the contact and a notice to the council's partnerships officers.
    """
    visit = visit_create(
        actor=None,
        council=council,
        kind=VisitKind.INCOMING,
        source=VisitSource.PUBLIC_REQUEST,
        organisation=organisation,
        country_code=country_code,
        city=city,
        partnership=partnership,
        purpose=purpose,
        topics=topics,
        proposed_start=proposed_start,
        proposed_end=proposed_end,
        sites_requested=sites_requested,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        members=members,
        actor_label="public request",
    )
    transaction.on_commit(partial(emails.send_request_acknowledgement, visit_id=visit.pk))
    transaction.on_commit(
        partial(
            emails.send_next_step,
            visit_id=visit.pk,
            roles=[Role.PARTNERSHIPS_OFFICER],
            event="A visit request arrived from the website and waits to be triaged",
        )
    )
    return visit


MESSAGE_RECEIVED = {
    MessageKind.ENQUIRY: AuditAction.PUBLIC_MESSAGE_ENQUIRY_RECEIVED,
    MessageKind.FEEDBACK: AuditAction.PUBLIC_MESSAGE_FEEDBACK_RECEIVED,
    MessageKind.INTEREST: AuditAction.PUBLIC_MESSAGE_INTEREST_RECEIVED,
}


@transaction.atomic
def message_submit(
    *,
    council: Council,
    kind: str,
    message: str,
    name: str = "",
    email: str = "",
    organisation: str = "",
    country_code: str = "",
    subject: str = "",
    helpful: str = "",
    page: str = "",
    partner_seeking: PartnerSeeking | None = None,
) -> PublicMessage:
    """Record an enquiry or feedback, give it a reference, acknowledge it and tell the team (after commit)."""
    record = PublicMessage(
        partner_seeking=partner_seeking,
        reference=reference_next(),
        council=council,
        kind=kind,
        message=message,
        name=name,
        email=email,
        organisation=organisation,
        country_code=country_code,
        subject=subject,
        helpful=helpful,
        page=page[:500],
        due_on=desk_due_on(),
    )
    record.full_clean()
    record.save()
    audit_record(
        actor=None,
        actor_label="public",
        action=MESSAGE_RECEIVED[MessageKind(kind)],
        target=record,
        payload={"reference": record.reference},
        council_id=council.pk,
    )
    if email:
        transaction.on_commit(partial(emails.send_message_acknowledgement, message_id=record.pk))
    if kind in (MessageKind.ENQUIRY, MessageKind.INTEREST):
        transaction.on_commit(
            partial(emails.send_new_message_notice, message_id=record.pk, roles=[Role.PARTNERSHIPS_OFFICER])
        )
    return record


INTEREST_LIMITS = {"name": 200, "organisation": 300, "message": 3000}


@transaction.atomic
def interest_submit(
    *, seeking: PartnerSeeking, name: str, email: str, organisation: str, message: str
) -> PublicMessage:
    """Record someone's interest in a published partner-seeking entry, as a message on the desk.

    The entry's own council answers it; an entry from abroad is answered by this install's home council.
    Refused (ValidationError, nothing saved) for an entry that is not published, or input out of bounds.
    """
    values = {"name": name.strip(), "organisation": organisation.strip(), "message": message.strip()}
    errors = {
        field: f"Enter {field} of {limit} characters or fewer"
        for field, limit in INTEREST_LIMITS.items()
        if len(values[field]) > limit
    }
    if not PartnerSeeking.objects.select_for_update().filter(pk=seeking.pk, published=True).exists():
        errors[NON_FIELD] = "This entry is no longer on the partner-seeking list."
    if errors:
        raise ValidationError(errors)
    council = seeking.council or Council.objects.get(slug=settings.TUHONO_HOME_COUNCIL_SLUG)
    return message_submit(
        council=council,
        kind=MessageKind.INTEREST,
        subject=f"Interest in partnering with {seeking.display_name}"[:300],
        email=email.strip(),
        partner_seeking=seeking,
        **values,
    )
