"""What arrives from the public site: visit requests, enquiries and feedback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.db import transaction

from tuhono.accounts.enums import Role
from tuhono.audit.services import audit_record
from tuhono.councils.models import Council

from .. import emails
from ..enums import MessageKind, VisitKind, VisitSource
from ..models import PublicMessage, Visit
from .common import desk_due_on, reference_next
from .records import visit_create


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
) -> PublicMessage:
    """Record an enquiry or feedback, give it a reference, acknowledge it and tell the team (after commit)."""
    record = PublicMessage(
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
        action=f"public_message.{kind}_received",
        target=record,
        payload={"reference": record.reference},
        council_id=council.pk,
    )
    if email:
        transaction.on_commit(partial(emails.send_message_acknowledgement, message_id=record.pk))
    if kind == MessageKind.ENQUIRY:
        transaction.on_commit(
            partial(emails.send_new_message_notice, message_id=record.pk, roles=[Role.PARTNERSHIPS_OFFICER])
        )
    return record
