"""A visit's programme and declarations: itinerary, costs, gifts, briefing, contact report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from tuhono.accounts.enums import Role
from tuhono.audit.actions import AuditAction

from .. import emails
from ..enums import VisitState
from ..models import (
    ContactReport,
    GiftOrHospitality,
    ItineraryItem,
    TravelBriefing,
    Visit,
    VisitCost,
)
from ..permissions import Action, require
from .records import require_open, validated_save, visit_audit

ITINERARY_FIELDS = {"kind", "starts_at", "title", "location", "hosts", "sensitive_categories", "notes"}


@transaction.atomic
def itinerary_item_add(
    *,
    actor: Any,
    visit: Visit,
    title: str,
    kind: str,
    starts_at: dt.datetime | None = None,
    location: str = "",
    hosts: str = "",
    sensitive_categories: Sequence[str] = (),
    notes: str = "",
) -> ItineraryItem:
    """Add a meeting or site visit; a sensitive site is audited as such and reported to security."""
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    item = ItineraryItem(
        visit=visit,
        kind=kind,
        starts_at=starts_at,
        title=title,
        location=location,
        hosts=hosts,
        sensitive_categories=sorted(set(sensitive_categories)),
        notes=notes,
    )
    validated_save(item)
    visit_audit(
        actor, AuditAction.VISIT_ITINERARY_ADDED, visit, target=item, title=title, sensitive=item.sensitive_categories
    )
    if item.is_sensitive:
        transaction.on_commit(
            partial(
                emails.send_next_step,
                visit_id=visit.pk,
                roles=[Role.SECURITY_OFFICER],
                event=f"A sensitive site was added to the itinerary: {title} ({', '.join(item.sensitive_labels)})",
            )
        )
    return item


@transaction.atomic
def itinerary_item_update(*, actor: Any, item: ItineraryItem, **changes: Any) -> ItineraryItem:
    visit = item.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    unknown = set(changes) - ITINERARY_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    if "sensitive_categories" in changes:
        changes["sensitive_categories"] = sorted(set(changes["sensitive_categories"]))
    changed = sorted(field for field, value in changes.items() if getattr(item, field) != value)
    for field, value in changes.items():
        setattr(item, field, value)
    if changed:
        validated_save(item)
        visit_audit(actor, AuditAction.VISIT_ITINERARY_UPDATED, visit, target=item, fields=changed)
    return item


@transaction.atomic
def itinerary_item_remove(*, actor: Any, item: ItineraryItem) -> None:
    visit = item.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    visit_audit(actor, AuditAction.VISIT_ITINERARY_REMOVED, visit, target=item, title=item.title)
    item.delete()


@transaction.atomic
def cost_add(*, actor: Any, visit: Visit, description: str, amount_nzd: Decimal, paid_by: str) -> VisitCost:
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    cost = VisitCost(visit=visit, description=description, amount_nzd=amount_nzd, paid_by=paid_by)
    validated_save(cost)
    visit_audit(actor, AuditAction.VISIT_COST_ADDED, visit, target=cost, amount_nzd=str(amount_nzd), paid_by=paid_by)
    return cost


@transaction.atomic
def cost_remove(*, actor: Any, cost: VisitCost) -> None:
    visit = cost.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    visit_audit(actor, AuditAction.VISIT_COST_REMOVED, visit, target=cost, description=cost.description)
    cost.delete()


@transaction.atomic
def gift_add(
    *,
    actor: Any,
    visit: Visit,
    direction: str,
    kind: str,
    description: str,
    counterpart: str,
    value_nzd: Decimal | None = None,
    accepted: bool = True,
) -> GiftOrHospitality:
    """Declare a gift, hospitality or travel offered or given; audited."""
    require(actor, Action.RECORD, visit.council_id)
    gift = GiftOrHospitality(
        visit=visit,
        direction=direction,
        kind=kind,
        description=description,
        counterpart=counterpart,
        value_nzd=value_nzd,
        accepted=accepted,
    )
    validated_save(gift)
    visit_audit(
        actor,
        AuditAction.VISIT_GIFT_DECLARED,
        visit,
        target=gift,
        direction=direction,
        value_nzd=str(value_nzd) if value_nzd is not None else None,
    )
    return gift


@transaction.atomic
def gift_remove(*, actor: Any, gift: GiftOrHospitality) -> None:
    visit = gift.visit
    require(actor, Action.RECORD, visit.council_id)
    require_open(visit)
    visit_audit(actor, AuditAction.VISIT_GIFT_REMOVED, visit, target=gift, description=gift.description)
    gift.delete()


@transaction.atomic
def travel_briefing_record(
    *,
    actor: Any,
    visit: Visit,
    briefed_on: dt.date,
    attendees: str,
    devices: str,
    contacts_expected: str = "",
    advice: str = "",
) -> TravelBriefing:
    """Record (or correct) the pre-travel briefing of an outgoing mission; audited."""
    require(actor, Action.BRIEF, visit.council_id)
    require_open(visit)
    if not visit.is_outgoing:
        raise ValidationError("Only an outgoing mission has a pre-travel briefing.")
    if visit.state not in {VisitState.APPROVED, VisitState.SCHEDULED}:
        raise ValidationError("Record the briefing once the mission is approved and before it returns.")
    briefing = visit.briefing if hasattr(visit, "briefing") else TravelBriefing(visit=visit)
    briefing.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    briefing.briefed_on = briefed_on
    briefing.attendees = attendees
    briefing.devices = devices
    briefing.contacts_expected = contacts_expected
    briefing.advice = advice
    validated_save(briefing)
    visit_audit(actor, AuditAction.VISIT_BRIEFING_RECORDED, visit, target=briefing, briefed_on=briefed_on.isoformat())
    return briefing


@transaction.atomic
def contact_report_record(
    *, actor: Any, visit: Visit, people_met: str, concerns: str = "", has_concern: bool = False
) -> ContactReport:
    """Record whom an outgoing mission met and anything of concern; a concern is sent to security."""
    require(actor, Action.BRIEF, visit.council_id)
    require_open(visit)
    if not visit.is_outgoing:
        raise ValidationError("Only an outgoing mission files a contact report.")
    if visit.state not in {VisitState.SCHEDULED, VisitState.COMPLETED}:
        raise ValidationError("File the contact report after the mission, before the visit is reported.")
    report = visit.contact_report if hasattr(visit, "contact_report") else ContactReport(visit=visit)
    report.people_met = people_met
    report.concerns = concerns
    report.has_concern = has_concern
    report.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    validated_save(report)
    visit_audit(actor, AuditAction.VISIT_CONTACT_REPORT_RECORDED, visit, target=report, has_concern=has_concern)
    if has_concern:
        transaction.on_commit(
            partial(
                emails.send_next_step,
                visit_id=visit.pk,
                roles=[Role.SECURITY_OFFICER],
                event="The mission's contact report records a concern",
                note=concerns,
            )
        )
    return report
