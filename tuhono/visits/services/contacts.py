"""The contacts log on each partnership, and the secret calendar addresses."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import transaction

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from ..models import (
    CalendarFeedToken,
    ContactLogEntry,
)
from ..permissions import Action, require
from .records import validated_save


@transaction.atomic
def contact_log_entry_create(
    *,
    actor: Any,
    partnership: Any,
    occurred_on: dt.date,
    people: str,
    topic: str,
    initiated_by: str,
    organisation: str = "",
    intermediary: str = "",
    offered: str = "",
    notes: str = "",
) -> ContactLogEntry:
    """Log a meeting or approach on a partnership; the entry belongs to the partnership's council."""
    require(actor, Action.CONTACT_LOG, partnership.council_id)
    entry = ContactLogEntry(
        partnership=partnership,
        council_id=partnership.council_id,
        occurred_on=occurred_on,
        people=people,
        organisation=organisation,
        topic=topic,
        initiated_by=initiated_by,
        intermediary=intermediary,
        offered=offered,
        notes=notes,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    validated_save(entry)
    audit_record(
        actor=actor,
        action=AuditAction.CONTACT_LOG_ENTRY_ADDED,
        target=entry,
        payload={"partnership": partnership.pk, "topic": topic, "initiated_by": initiated_by},
        council_id=partnership.council_id,
    )
    return entry


CONTACT_LOG_FIELDS = {
    "occurred_on",
    "people",
    "organisation",
    "topic",
    "initiated_by",
    "intermediary",
    "offered",
    "notes",
}


@transaction.atomic
def contact_log_entry_update(*, actor: Any, entry: ContactLogEntry, **changes: Any) -> ContactLogEntry:
    require(actor, Action.CONTACT_LOG, entry.council_id)
    unknown = set(changes) - CONTACT_LOG_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = sorted(field for field, value in changes.items() if getattr(entry, field) != value)
    for field, value in changes.items():
        setattr(entry, field, value)
    if changed:
        validated_save(entry)
        audit_record(
            actor=actor,
            action=AuditAction.CONTACT_LOG_ENTRY_UPDATED,
            target=entry,
            payload={"fields": changed},
            council_id=entry.council_id,
        )
    return entry


def calendar_token_get_or_create(*, user: Any) -> CalendarFeedToken:
    token = CalendarFeedToken.objects.filter(user=user).first()
    return token or calendar_token_rotate(user=user)


@transaction.atomic
def calendar_token_rotate(*, user: Any) -> CalendarFeedToken:
    """Give the user a new secret calendar address; the old one stops working at once."""
    token, _ = CalendarFeedToken.objects.update_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    audit_record(actor=user, action=AuditAction.VISIT_CALENDAR_TOKEN_ROTATED, target=token, council_id=user.council_id)
    return token
