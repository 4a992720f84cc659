"""The desk: each enquiry, feedback, contact message and visit request has a status, an owner, a due date
and the replies sent from Tūhono.

A visit request's status is its place in the visit workflow; a message's is its desk status. Replies are
recorded, then sent through Django's email backend once the transaction commits.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from .. import emails
from ..enums import DeskStatus
from ..models import DeskReply, PublicMessage, Visit
from ..permissions import Action, require

DeskItem = PublicMessage | Visit


def _audit(actor: Any, action: AuditAction, item: DeskItem, **payload: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=item,
        council_id=item.council_id,
        payload={"reference": item.reference, **payload},
    )


def _locked(item: DeskItem) -> DeskItem:
    return type(item).objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def desk_assign(*, actor: Any, item: DeskItem, owner: User | None) -> DeskItem:
    """Give an enquiry or request an owner (or none): one of the council's own staff who work the desk."""
    require(actor, Action.DESK, item.council_id)
    if owner is not None and (owner.council_id != item.council_id or not owner.is_active):
        raise ValidationError({"owner": "Choose someone on this council's staff."})
    item = _locked(item)
    previous = item.owner_id
    item.owner = owner
    item.save(update_fields=["owner"])
    if previous != item.owner_id:
        _audit(actor, AuditAction.DESK_ASSIGNED, item, owner=owner.pk if owner else None, previous=previous)
    return item


@transaction.atomic
def desk_status_set(*, actor: Any, message: PublicMessage, status: str) -> PublicMessage:
    """Move an enquiry, feedback or contact message to another status; closing marks it handled."""
    require(actor, Action.DESK, message.council_id)
    if status not in DeskStatus.values:
        raise ValidationError({"status": "Choose a status from the list."})
    locked = _locked(message)
    assert isinstance(locked, PublicMessage)
    previous = locked.status
    if previous == status:
        return locked
    locked.status = status
    locked.handled_at = timezone.now() if status in (DeskStatus.ANSWERED, DeskStatus.CLOSED) else None
    locked.save(update_fields=["status", "handled_at"])
    _audit(actor, AuditAction.DESK_STATUS_CHANGED, locked, status=status, previous=previous)
    return locked


@transaction.atomic
def desk_reply(*, actor: Any, item: DeskItem, subject: str, body: str) -> DeskReply:
    """Record a reply to whoever wrote in and email it to them once saved.

    A message that was new or in progress is then answered; an item without an owner becomes the replier's.
    """
    require(actor, Action.DESK, item.council_id)
    to = item.email if isinstance(item, PublicMessage) else item.contact_email
    errors = {}
    if not to:
        errors["body"] = "There is no email address to reply to."
    if not subject.strip():
        errors["subject"] = "Enter a subject."
    if not body.strip():
        errors["body"] = "Write the reply."
    if errors:
        raise ValidationError(errors)
    item = _locked(item)
    reply = DeskReply(
        message=item if isinstance(item, PublicMessage) else None,
        visit=item if isinstance(item, Visit) else None,
        to_email=to,
        subject=subject.strip()[:300],
        body=body.strip(),
        sent_by=actor,
    )
    reply.full_clean()
    reply.save()
    changed = []
    if item.owner_id is None:
        item.owner = actor
        changed.append("owner")
    if isinstance(item, PublicMessage) and item.status in (DeskStatus.NEW, DeskStatus.IN_PROGRESS):
        item.status, item.handled_at = DeskStatus.ANSWERED, timezone.now()
        changed += ["status", "handled_at"]
    if isinstance(item, Visit):
        item.reply_due_on = None  # answered: the visit workflow's own steps take over
        changed.append("reply_due_on")
    if changed:
        item.save(update_fields=changed)
    _audit(actor, AuditAction.DESK_REPLIED, item, reply=reply.pk)
    transaction.on_commit(partial(emails.send_desk_reply, reply_id=reply.pk))
    return reply
