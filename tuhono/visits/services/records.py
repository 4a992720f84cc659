"""Creating and editing a visit and what hangs off it; the contacts log; calendar tokens."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tuhono.accounts.enums import Role
from tuhono.audit.services import audit_record
from tuhono.councils.models import Council

from .. import emails
from ..enums import PartyKind, VisitSource, VisitState
from ..models import (
    CalendarFeedToken,
    ContactLogEntry,
    ContactReport,
    GiftOrHospitality,
    ItineraryItem,
    TravelBriefing,
    Visit,
    VisitCost,
    VisitParty,
)
from .common import plain, reference_next, require_role

EDITORS = (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR)
BRIEFERS = (Role.PARTNERSHIPS_OFFICER, Role.SECURITY_OFFICER, Role.ADMINISTRATOR)
CLOSED_STATES = {VisitState.DECLINED, VisitState.REPORTED}
LATE_STATES = {VisitState.APPROVED, VisitState.SCHEDULED}
VISIT_EDITABLE_FIELDS = {
    "kind",
    "organisation",
    "country_code",
    "city",
    "partnership",
    "purpose",
    "topics",
    "sites_requested",
    "proposed_start",
    "proposed_end",
    "group_size",
    "contact_name",
    "contact_email",
    "contact_phone",
    "hosts",
    "costs_paid_by",
    "cost_notes",
}
PARTY_FIELDS = {"kind", "name", "name_original", "role", "organisation", "nationality", "date_of_birth"}


def _save(instance: models.Model) -> None:
    instance.full_clean()
    instance.save()


def _require_open(visit: Visit) -> None:
    if visit.state in CLOSED_STATES:
        raise ValidationError(f"This visit is {visit.get_state_display().lower()}; its record is closed.")


def _audit(actor: Any, action: str, visit: Visit, target: models.Model | None = None, **payload: Any) -> None:
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
    require_role(actor, council.pk, *EDITORS)
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
    )
    _save(visit)
    for member in members:
        party = VisitParty(visit=visit, **{k: v for k, v in member.items() if k in PARTY_FIELDS})
        _save(party)
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action="visit.created",
        target=visit,
        payload={"reference": visit.reference, "kind": kind, "source": source, "members": len(members)},
        council_id=council.pk,
    )
    return visit


@transaction.atomic
def visit_update(*, actor: Any, visit: Visit, **changes: Any) -> Visit:
    """Change the visit's descriptive fields (never its state); audited with the fields changed."""
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    unknown = set(changes) - VISIT_EDITABLE_FIELDS
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
        _save(visit)
        _audit(actor, "visit.updated", visit, fields=sorted(changed))
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
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
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
    _save(party)
    _audit(actor, "visit.party_added_late" if late else "visit.party_added", visit, target=party, name=name)
    if late:
        transaction.on_commit(
            partial(
                emails.send_next_step,
                visit_id=visit.pk,
                roles=[Role.SECURITY_OFFICER, Role.APPROVER],
                event=f"A member was added after approval: {party}",
            )
        )
    return party


@transaction.atomic
def party_update(*, actor: Any, party: VisitParty, **changes: Any) -> VisitParty:
    """Correct a member's details; audited."""
    visit = party.visit
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    unknown = set(changes) - PARTY_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = sorted(field for field, value in changes.items() if getattr(party, field) != value)
    for field, value in changes.items():
        setattr(party, field, value)
    if changed:
        _save(party)
        _audit(actor, "visit.party_updated", visit, target=party, fields=changed)
    return party


@transaction.atomic
def party_remove(*, actor: Any, party: VisitParty) -> None:
    visit = party.visit
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    _audit(actor, "visit.party_removed", visit, target=party, name=party.name)
    party.delete()


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
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
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
    _save(item)
    _audit(actor, "visit.itinerary_added", visit, target=item, title=title, sensitive=item.sensitive_categories)
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
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    unknown = set(changes) - ITINERARY_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    if "sensitive_categories" in changes:
        changes["sensitive_categories"] = sorted(set(changes["sensitive_categories"]))
    changed = sorted(field for field, value in changes.items() if getattr(item, field) != value)
    for field, value in changes.items():
        setattr(item, field, value)
    if changed:
        _save(item)
        _audit(actor, "visit.itinerary_updated", visit, target=item, fields=changed)
    return item


@transaction.atomic
def itinerary_item_remove(*, actor: Any, item: ItineraryItem) -> None:
    visit = item.visit
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    _audit(actor, "visit.itinerary_removed", visit, target=item, title=item.title)
    item.delete()


@transaction.atomic
def cost_add(*, actor: Any, visit: Visit, description: str, amount_nzd: Decimal, paid_by: str) -> VisitCost:
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    cost = VisitCost(visit=visit, description=description, amount_nzd=amount_nzd, paid_by=paid_by)
    _save(cost)
    _audit(actor, "visit.cost_added", visit, target=cost, amount_nzd=str(amount_nzd), paid_by=paid_by)
    return cost


@transaction.atomic
def cost_remove(*, actor: Any, cost: VisitCost) -> None:
    visit = cost.visit
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    _audit(actor, "visit.cost_removed", visit, target=cost, description=cost.description)
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
    require_role(actor, visit.council_id, *EDITORS)
    gift = GiftOrHospitality(
        visit=visit,
        direction=direction,
        kind=kind,
        description=description,
        counterpart=counterpart,
        value_nzd=value_nzd,
        accepted=accepted,
    )
    _save(gift)
    _audit(
        actor,
        "visit.gift_declared",
        visit,
        target=gift,
        direction=direction,
        value_nzd=str(value_nzd) if value_nzd is not None else None,
    )
    return gift


@transaction.atomic
def gift_remove(*, actor: Any, gift: GiftOrHospitality) -> None:
    visit = gift.visit
    require_role(actor, visit.council_id, *EDITORS)
    _require_open(visit)
    _audit(actor, "visit.gift_removed", visit, target=gift, description=gift.description)
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
    require_role(actor, visit.council_id, *BRIEFERS)
    _require_open(visit)
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
    _save(briefing)
    _audit(actor, "visit.briefing_recorded", visit, target=briefing, briefed_on=briefed_on.isoformat())
    return briefing


@transaction.atomic
def contact_report_record(
    *, actor: Any, visit: Visit, people_met: str, concerns: str = "", has_concern: bool = False
) -> ContactReport:
    """Record whom an outgoing mission met and anything of concern; a concern is sent to security."""
    require_role(actor, visit.council_id, *BRIEFERS)
    _require_open(visit)
    if not visit.is_outgoing:
        raise ValidationError("Only an outgoing mission files a contact report.")
    if visit.state not in {VisitState.SCHEDULED, VisitState.COMPLETED}:
        raise ValidationError("File the contact report after the mission, before the visit is reported.")
    report = visit.contact_report if hasattr(visit, "contact_report") else ContactReport(visit=visit)
    report.people_met = people_met
    report.concerns = concerns
    report.has_concern = has_concern
    report.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    _save(report)
    _audit(actor, "visit.contact_report_recorded", visit, target=report, has_concern=has_concern)
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
    require_role(actor, partnership.council_id, *EDITORS)
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
    _save(entry)
    audit_record(
        actor=actor,
        action="contact_log.entry_added",
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
    require_role(actor, entry.council_id, *EDITORS)
    unknown = set(changes) - CONTACT_LOG_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = sorted(field for field, value in changes.items() if getattr(entry, field) != value)
    for field, value in changes.items():
        setattr(entry, field, value)
    if changed:
        _save(entry)
        audit_record(
            actor=actor,
            action="contact_log.entry_updated",
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
    audit_record(actor=user, action="visit.calendar_token_rotated", target=token, council_id=user.council_id)
    return token
