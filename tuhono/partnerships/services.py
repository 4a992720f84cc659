"""Changing the register. Each service validates, saves atomically and writes the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.dates import DatePrecision
from tuhono.core.register import register_version_bump

from .editing import EditConflict, bump, check_version
from .enums import PartnershipStatus
from .models import FocusArea, Partnership, StatusChange
from .permissions import Action, require

__all__ = ["EditConflict"]

# Which moves make sense; anything else is refused with a message.
ALLOWED_STATUS_CHANGES: dict[str, set[str]] = {
    PartnershipStatus.PROPOSED: {PartnershipStatus.ACTIVE, PartnershipStatus.ENDED},
    PartnershipStatus.ACTIVE: {PartnershipStatus.DORMANT, PartnershipStatus.SUSPENDED, PartnershipStatus.ENDED},
    PartnershipStatus.DORMANT: {PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED, PartnershipStatus.ENDED},
    PartnershipStatus.SUSPENDED: {PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT, PartnershipStatus.ENDED},
    PartnershipStatus.ENDED: {PartnershipStatus.ACTIVE},
}


def focus_area_get_or_create(*, name: str) -> FocusArea:
    name = " ".join(name.split()).strip()
    slug = slugify(name)
    if not slug:
        raise ValidationError({"name": "A focus area needs a name."})
    area = FocusArea.objects.filter(slug=slug).first()
    return area or FocusArea.objects.create(name=name[:1].upper() + name[1:], slug=slug)


def _unique_slug(base: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(base)[:180] or "partnership"
    slug, n = base, 2
    while Partnership.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def partnership_create(
    *,
    actor: Any,
    council: Any,
    partner: Any,
    kind: str,
    status: str = PartnershipStatus.ACTIVE,
    status_reason: str = "Recorded in the register",
    signed_on: dt.date | None = None,
    signed_precision: str = DatePrecision.YEAR,
    focus_areas: list[str] | None = None,
    slug: str | None = None,
    **fields: Any,
) -> Partnership:
    """Create a partnership with its first status and focus areas.

    Guarantees: validated against the model and database rules before saving;
    one StatusChange recording the starting status; one audit event.
    Refused (PermissionDenied) unless the actor may edit that council's register.
    """
    require(actor, Action.EDIT, council.pk if council is not None else None)
    partnership = Partnership(
        council=council,
        partner=partner,
        kind=kind,
        status=status,
        signed_on=signed_on,
        signed_precision=signed_precision,
        status_changed_on=signed_on or timezone.localdate(),
        **fields,
    )
    partnership.slug = slug or _unique_slug(f"{council.slug}-{partner.name}")
    partnership.full_clean()
    partnership.save()
    if focus_areas:
        partnership.focus_areas.set([focus_area_get_or_create(name=name) for name in focus_areas])
    StatusChange.objects.create(
        partnership=partnership,
        status=status,
        changed_on=signed_on or timezone.localdate(),
        reason=status_reason,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIP_CREATED,
        target=partnership,
        council_id=council.pk,
        payload={
            "kind": kind,
            "status": status,
            "partner": partner.name,
            "country": partner.country_code,
            "version": partnership.version,
        },
    )
    if partnership.published:
        register_version_bump()
    return partnership


EDITABLE_FIELDS = {
    "kind",
    "partner_authority",
    "partner_website",
    "signed_on",
    "signed_precision",
    "signed_basis",
    "ended_on",
    "ended_precision",
    "legacy_council",
    "owner_kind",
    "owner_name",
    "summary",
    "story",
    "source",
    "published",
}


@transaction.atomic
def partnership_update(
    *, actor: Any, partnership: Partnership, expected_version: int | None = None, **changes: Any
) -> Partnership:
    """Change a partnership's descriptive fields (not its status: see partnership_change_status).

    Refused (PermissionDenied) unless the actor may edit the council's register, and
    (EditConflict, nothing saved) when `expected_version` is given and someone else
    has saved the partnership since. The audit event records each changed field's
    old and new value and the version it made.
    """
    unknown = set(changes) - EDITABLE_FIELDS - {"focus_areas"}
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}")
    require(actor, Action.EDIT, partnership.council_id)
    if "published" in changes and changes["published"] != partnership.published:
        require(actor, Action.PUBLISH, partnership.council_id)
    check_version(partnership, expected_version)
    partnership.refresh_from_db()
    focus_areas = changes.pop("focus_areas", None)
    before = {name: getattr(partnership, name) for name in changes}
    was_published = partnership.published
    for name, value in changes.items():
        setattr(partnership, name, value)
    partnership.full_clean()
    diff: dict[str, Any] = {
        name: {"from": plain_value(before[name]), "to": plain_value(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    if focus_areas is not None:
        old = sorted(partnership.focus_areas.values_list("name", flat=True))
        partnership.focus_areas.set([focus_area_get_or_create(name=name) for name in focus_areas])
        new = sorted(partnership.focus_areas.values_list("name", flat=True))
        if old != new:
            diff["focus_areas"] = {"from": old, "to": new}
    if diff:
        bump(partnership)
    partnership.save()
    if diff:
        audit_record(
            actor=actor,
            action=AuditAction.PARTNERSHIP_UPDATED,
            target=partnership,
            council_id=partnership.council_id,
            payload={"changes": diff, "version": partnership.version},
        )
        if was_published or partnership.published:
            register_version_bump()
    return partnership


@transaction.atomic
def partnership_set_published(
    *, actor: Any, partnership: Partnership, published: bool, expected_version: int | None = None
) -> Partnership:
    """Show a partnership on the public pages, or take it off them (audited; refused to those who may not)."""
    require(actor, Action.PUBLISH, partnership.council_id)
    check_version(partnership, expected_version)
    partnership.refresh_from_db()
    if partnership.published == published:
        return partnership
    partnership.published = published
    bump(partnership)
    partnership.save(update_fields=["published", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIP_PUBLISHED if published else AuditAction.PARTNERSHIP_WITHDRAWN,
        target=partnership,
        council_id=partnership.council_id,
        payload={"version": partnership.version},
    )
    register_version_bump()  # the public pages and their filter choices change with it
    return partnership


def plain_value(value: Any) -> Any:
    if hasattr(value, "pk"):
        return str(value)
    return value


@transaction.atomic
def partnership_change_status(
    *,
    actor: Any,
    partnership: Partnership,
    status: str,
    changed_on: dt.date,
    reason: str,
    expected_version: int | None = None,
) -> StatusChange:
    """Move a partnership to a new status, on a date, for a reason.

    Refuses a move the domain does not allow (ended -> dormant), a missing
    reason, or a date before the partnership was signed. Ending sets the end date.
    Refused (PermissionDenied) to those who may not change the council's statuses.
    """
    require(actor, Action.CHANGE_STATUS, partnership.council_id)
    check_version(partnership, expected_version)
    partnership.refresh_from_db()
    errors: dict[str, str] = {}
    if status not in PartnershipStatus.values:
        errors["status"] = f"'{status}' is not a status."
    elif status == partnership.status:
        errors["status"] = f"The partnership is already {partnership.get_status_display().lower()}."
    elif status not in ALLOWED_STATUS_CHANGES[partnership.status]:
        errors["status"] = (
            f"A {partnership.get_status_display().lower()} partnership cannot become "
            f"{PartnershipStatus(status).label.lower()}."
        )
    if not (reason or "").strip():
        errors["reason"] = "Give a reason for the change of status."
    if changed_on is None:
        errors["changed_on"] = "Give the date of the change."
    elif partnership.signed_on and changed_on < partnership.signed_on:
        errors["changed_on"] = "The change cannot be dated before the partnership was signed."
    if errors:
        raise ValidationError(errors)

    previous = partnership.status
    change = StatusChange(
        partnership=partnership,
        status=status,
        changed_on=changed_on,
        reason=reason.strip(),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    change.full_clean()
    change.save()
    partnership.status = status
    partnership.status_changed_on = changed_on
    if status == PartnershipStatus.ENDED:
        partnership.ended_on, partnership.ended_precision = changed_on, DatePrecision.DAY
    elif previous == PartnershipStatus.ENDED:
        partnership.ended_on = None
    partnership.full_clean()
    bump(partnership)
    partnership.save()
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIP_STATUS_CHANGED,
        target=partnership,
        council_id=partnership.council_id,
        payload={
            "from": previous,
            "to": status,
            "changed_on": changed_on,
            "reason": change.reason,
            "version": partnership.version,
        },
    )
    if partnership.published:
        register_version_bump()
    return change
