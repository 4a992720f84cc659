"""Creating and editing a visit and its members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tuhono.accounts.enums import Role
from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.councils.models import Council

from .. import emails
from ..enums import PartyKind, VisitSource, VisitState
from ..models import (
    Visit,
    VisitParty,
)
from ..permissions import Action, require
from .common import desk_due_on, plain, reference_next

CLOSED_STATES = {VisitState.DECLINED, VisitState.REPORTED}
LATE_STATES = {VisitState.APPROVED, VisitState.SCHEDULED}
# In the order a form shows them.
VISIT_EDITABLE_FIELDS = (
    "kind",
    "organisation",
    "country_code",
    "city",
    "partnership",
    "purpose",
    "topics",
    "sites_requested",
    "sites_sensitive",
    "proposed_start",
    "proposed_end",
    "group_size",
    "contact_name",
    "contact_email",
    "contact_phone",
    "hosts",
    "costs_paid_by",
    "cost_notes",
)
PARTY_FIELDS = {"kind", "name", "name_original", "role", "organisation", "nationality", "date_of_birth"}


def validated_save(instance: models.Model) -> None:
    """Save a visit's record once the model's own checks pass (the services' one way to write)."""
    instance.full_clean()
    instance.save()


def require_open(visit: Visit) -> None:
    """Refuse changes to a declined or reported visit: its record is closed."""
    if visit.state in CLOSED_STATES:
        raise ValidationError(f"This visit is {visit.get_state_display().lower()}; its record is closed.")


def visit_audit(
    actor: Any, action: AuditAction, visit: Visit, target: models.Model | None = None, **payload: Any
) -> None:
    """One audit event about the visit (or a record on it), in the visit's council, naming its reference."""
    audit_record(
        actor=actor,
        action=action,
        target=target or visit,
        payload={"visit": visit.reference, **{k: plain(v) for k, v in payload.items()}},
        council_id=visit.council_id,
    )


@transaction.atomic
def visit_create(
    *,
    actor: Any,
    council: Council,
    kind: str,
    organisation: str,
    country_code: str,
    purpose: str,
    city: str = "",
    partnership: Any = None,
    topics: str = "",
    sites_requested: str = "",
    sites_sensitive: bool = False,
    proposed_start: dt.date | None = None,
    proposed_end: dt.date | None = None,
    group_size: int | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    hosts: str = "",
    costs_paid_by: str = "",
    cost_notes: str = "",
    source: str = VisitSource.STAFF,
    members: Sequence[dict[str, Any]] = (),
    actor_label: str | None = None,
) -> Visit:
    """Open a visit in the 'received' state with a fresh reference and its members; audited."""
    require(actor, Action.RECORD, council.pk)
    if partnership is not None and partnership.council_id != council.pk:
        raise ValidationError({"partnership": "That partnership belongs to another council."})
    visit = Visit(
        reference=reference_next(),
        council=council,
        kind=kind,
        source=source,
        organisation=organisation,
        country_code=country_code.upper(),
        city=city,
        partnership=partnership,
        purpose=purpose,
        topics=topics,
        sites_requested=sites_requested,
        sites_sensitive=sites_sensitive,
        proposed_start=proposed_start,
        proposed_end=proposed_end,
        group_size=group_size if group_size is not None else (len(members) or None),
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        hosts=hosts,
        costs_paid_by=costs_paid_by,
        cost_notes=cost_notes,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        reply_due_on=desk_due_on() if source == VisitSource.PUBLIC_REQUEST else None,
    )
    validated_save(visit)
    for member in members:
        party = VisitParty(visit=visit, **{k: v for k, v in member.items() if k in PARTY_FIELDS})
        validated_save(party)
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action=AuditAction.VISIT_CREATED,
        target=visit,
        payload={"reference": visit.reference, "kind": kind, "source": source, "members": len(members)},
        council_id=council.pk,
    )
    return visit


@transaction.atomic
def visit_update(*, actor: Any, visit: Visit, **changes: Any) -> Visit:
    """Change the visit's descriptive fields (never its state); audited with the fields changed."""
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    unknown = set(changes) - set(VISIT_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = {}
    for field, value in changes.items():
        if getattr(visit, field) != value:
            changed[field] = value
            setattr(visit, field, value)
    if "partnership" in changed and visit.partnership and visit.partnership.council_id != visit.council_id:
        raise ValidationError({"partnership": "That partnership belongs to another council."})
    if changed:
        validated_save(visit)
        visit_audit(actor, AuditAction.VISIT_UPDATED, visit, fields=sorted(changed))
    return visit


@transaction.atomic
def party_add(
    *,
    actor: Any,
    visit: Visit,
    name: str,
    kind: str = PartyKind.PERSON,
    name_original: str = "",
    role: str = "",
    organisation: str = "",
    nationality: str = "",
    date_of_birth: dt.date | None = None,
) -> VisitParty:
    """Add a member to the delegation. After approval the member is flagged as a late change and
    the security officers and approvers are told (after commit)."""
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    late = visit.state in LATE_STATES
    party = VisitParty(
        visit=visit,
        kind=kind,
        name=name,
        name_original=name_original,
        role=role,
        organisation=organisation,
        nationality=nationality.upper(),
        date_of_birth=date_of_birth,
        added_after_approval=late,
    )
    validated_save(party)
    visit_audit(
        actor, AuditAction.VISIT_PARTY_ADDED_LATE if late else AuditAction.VISIT_PARTY_ADDED, visit, target=party
    )
    if late:
        transaction.on_commit(
            partial(
                emails.send_next_step,
                visit_id=visit.pk,
                roles=[Role.SECURITY_OFFICER, Role.APPROVER],
                event="A member was added after approval",
            )
        )
    return party


@transaction.atomic
def party_update(*, actor: Any, party: VisitParty, **changes: Any) -> VisitParty:
    """Correct a member's details; audited."""
    visit = party.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    unknown = set(changes) - PARTY_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = sorted(field for field, value in changes.items() if getattr(party, field) != value)
    for field, value in changes.items():
        setattr(party, field, value)
    if changed:
        validated_save(party)
        visit_audit(actor, AuditAction.VISIT_PARTY_UPDATED, visit, target=party, fields=changed)
    return party


@transaction.atomic
def party_remove(*, actor: Any, party: VisitParty) -> None:
    visit = party.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    visit_audit(actor, AuditAction.VISIT_PARTY_REMOVED, visit, target=party)
    party.delete()
