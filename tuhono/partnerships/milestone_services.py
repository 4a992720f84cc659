"""Milestones: the events, exchanges and visits of a partnership, and what came of them. Validated, audited,
version-checked; a published milestone's change moves the public register version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.dates import DatePrecision
from tuhono.core.register import register_version_bump

from .editing import bump, check_version
from .enums import MilestoneKind
from .models import Milestone, Partnership
from .permissions import Action, require
from .services import plain_value


@transaction.atomic
def milestone_add(
    *,
    actor: Any,
    partnership: Partnership,
    occurred_on: dt.date,
    title: str,
    kind: str = MilestoneKind.EVENT,
    precision: str = DatePrecision.YEAR,
    description: str = "",
    participants: int | None = None,
    value_nzd: Any = None,
    published: bool = True,
) -> Milestone:
    """Add an event to a partnership's history (activities and outcomes: participants, value)."""
    require(actor, Action.MILESTONES, partnership.council_id)
    milestone = Milestone(
        partnership=partnership,
        kind=kind,
        occurred_on=occurred_on,
        precision=precision,
        title=title,
        description=description,
        participants=participants,
        value_nzd=value_nzd,
        published=published,
    )
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIP_MILESTONE_ADDED,
        target=partnership,
        council_id=partnership.council_id,
        payload={"milestone_id": milestone.pk, "title": title, "occurred_on": occurred_on, "kind": kind},
    )
    if milestone.published and partnership.published:
        register_version_bump()
    return milestone


MILESTONE_FIELDS = {
    "kind",
    "occurred_on",
    "precision",
    "title",
    "description",
    "participants",
    "value_nzd",
    "published",
}


@transaction.atomic
def milestone_update(
    *, actor: Any, milestone: Milestone, expected_version: int | None = None, **changes: Any
) -> Milestone:
    """Correct a milestone; the audit event records each changed field's old and new value.

    Refused (EditConflict, nothing saved) when `expected_version` is given and someone else has saved
    the milestone since.
    """
    unknown = set(changes) - MILESTONE_FIELDS
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}")
    partnership = milestone.partnership
    require(actor, Action.MILESTONES, partnership.council_id)
    check_version(milestone, expected_version, audited_on=partnership)
    milestone = Milestone.objects.get(pk=milestone.pk)
    before = {name: getattr(milestone, name) for name in changes}
    for name, value in changes.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    diff = {
        name: {"from": plain_value(before[name]), "to": plain_value(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    if diff:
        bump(milestone)
    milestone.save()
    if diff:
        audit_record(
            actor=actor,
            action=AuditAction.PARTNERSHIP_MILESTONE_UPDATED,
            target=partnership,
            council_id=partnership.council_id,
            payload={
                "milestone_id": milestone.pk,
                "title": milestone.title,
                "changes": diff,
                "version": milestone.version,
            },
        )
        if partnership.published and (milestone.published or before.get("published")):
            register_version_bump()
    return milestone


@transaction.atomic
def milestone_remove(*, actor: Any, milestone: Milestone) -> None:
    """Take a milestone out of a partnership's history (the audit trail keeps what it said)."""
    partnership = milestone.partnership
    require(actor, Action.MILESTONES, partnership.council_id)
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIP_MILESTONE_REMOVED,
        target=partnership,
        council_id=partnership.council_id,
        payload={"milestone_id": milestone.pk, "title": milestone.title, "occurred_on": milestone.occurred_on},
    )
    milestone.delete()
    if partnership.published and milestone.published:
        register_version_bump()
