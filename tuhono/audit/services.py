"""Writing to the audit trail. Every service that changes something that matters calls `audit_record`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from .actions import AuditAction
from .models import AuditChainHead, AuditEvent


def canonical_payload(payload: dict[str, Any] | None) -> dict[str, Any]:
    """The payload as it will read back from the database (dates as ISO strings)."""
    return json.loads(json.dumps(payload or {}, cls=DjangoJSONEncoder))


def text_digest(text: str | None) -> str:
    """A SHA-256 digest standing in the trail for a confidential text: proves what was written, shows nothing."""
    text = (text or "").strip()
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


def json_digest(content: Any) -> str:
    """SHA-256 of a JSON document in canonical form (keys sorted, UTF-8, no spaces): the digest a
    record's export carries and the trail holds, recomputable by anyone from the exported document."""
    body = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def event_hash(
    *,
    sequence: int,
    occurred_at: str,
    actor_id: int | None,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str,
    target_label: str,
    council_id: int | None,
    payload: dict[str, Any],
    previous_hash: str,
) -> str:
    body = json.dumps(
        {
            "sequence": sequence,
            "occurred_at": occurred_at,
            "actor_id": actor_id,
            "actor_label": actor_label,
            "action": action,
            "target_type": target_type,
            "target_id": target_id,
            "target_label": target_label,
            "council_id": council_id,
            "payload": payload,
            "previous_hash": previous_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def hash_of_event(event: AuditEvent) -> str:
    return event_hash(
        sequence=event.sequence,
        occurred_at=event.occurred_at.astimezone(dt.UTC).isoformat(),
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        target_label=event.target_label,
        council_id=event.council_id,
        payload=event.payload,
        previous_hash=event.previous_hash,
    )


def _actor_label(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "system"
    full_name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return f"{full_name} ({actor.get_username()})" if full_name else actor.get_username()


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    target: models.Model,
    payload: dict[str, Any] | None = None,
    council_id: int | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    """Append one event to the trail, chained to the one before it.

    Runs inside the caller's transaction: if the change it records is rolled
    back, so is the event. `action` is one of `AuditAction`; its value is what the event stores and hashes.
    """
    with transaction.atomic():
        # The UPDATE takes the write lock first (a row lock on PostgreSQL, the
        # database lock on SQLite), so two writers can never chain to the same head.
        AuditChainHead.objects.get_or_create(pk=1)
        AuditChainHead.objects.filter(pk=1).update(sequence=models.F("sequence") + 1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
        user = actor if getattr(actor, "is_authenticated", False) else None
        occurred_at = timezone.now()
        event = AuditEvent(
            sequence=head.sequence,
            occurred_at=occurred_at,
            actor=user,
            actor_label=actor_label or _actor_label(actor),
            action=AuditAction(action).value,
            target_type=target._meta.label_lower,
            target_id=str(target.pk),
            target_label=str(target)[:300],
            council_id=council_id,
            payload=canonical_payload(payload),
            previous_hash=head.hash,
        )
        event.hash = hash_of_event(event)
        event.save()
        AuditChainHead.objects.filter(pk=1).update(hash=event.hash)
        return event
