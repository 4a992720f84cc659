"""Changing alliances and networks and their members. Validated, atomic, audited, version-checked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from .editing import bump, check_version
from .models import Alliance, AllianceMember
from .permissions import REFUSALS, Action, may, may_any
from .services import focus_area_get_or_create, plain_value

ALLIANCE_FIELDS = {
    "name",
    "kind",
    "summary",
    "website",
    "started_on",
    "started_precision",
    "ended_on",
    "member_count",
    "published",
}


def alliance_council_ids(alliance: Alliance) -> list[int]:
    return [cid for cid in alliance.members.values_list("council_id", flat=True) if cid is not None]


def may_change_alliance(actor: Any, alliance: Alliance) -> bool:
    return may_any(actor, Action.ALLIANCES, alliance_council_ids(alliance))


def _require(actor: Any, alliance: Alliance) -> None:
    if not may_change_alliance(actor, alliance):
        raise PermissionDenied(REFUSALS[Action.ALLIANCES])


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:180] or "alliance"
    slug, n = base, 2
    others = Alliance.objects.exclude(pk=exclude_pk) if exclude_pk is not None else Alliance.objects.all()
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def alliance_create(*, actor: Any, focus_areas: list[str] | None = None, slug: str = "", **fields: Any) -> Alliance:
    """Record an alliance or network; the actor's own council is its first member.

    `slug`: its address on the public site when one is already known (a published page keeps its address);
    otherwise made from the name.
    """
    unknown = set(fields) - ALLIANCE_FIELDS
    if unknown:
        raise ValidationError(f"These fields cannot be set here: {', '.join(sorted(unknown))}")
    council_id = getattr(actor, "council_id", None)
    if not may(actor, Action.ALLIANCES, council_id):
        raise PermissionDenied(REFUSALS[Action.ALLIANCES])
    alliance = Alliance(**fields)
    alliance.slug = _unique_slug(slug or alliance.name or "")
    alliance.full_clean()
    alliance.save()
    if focus_areas:
        alliance.focus_areas.set([focus_area_get_or_create(name=name) for name in focus_areas])
    if council_id is not None:
        AllianceMember.objects.create(alliance=alliance, council_id=council_id, joined_on=alliance.started_on)
    audit_record(
        actor=actor,
        action=AuditAction.ALLIANCE_CREATED,
        target=alliance,
        council_id=council_id,
        payload={"name": alliance.name, "kind": alliance.kind, "version": alliance.version},
    )
    return alliance


@transaction.atomic
def alliance_update(*, actor: Any, alliance: Alliance, expected_version: int | None = None, **changes: Any) -> Alliance:
    """Change an alliance's description; refused to councils that are not members, and when stale."""
    unknown = set(changes) - ALLIANCE_FIELDS - {"focus_areas"}
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}")
    _require(actor, alliance)
    check_version(alliance, expected_version)
    alliance.refresh_from_db()
    focus_areas = changes.pop("focus_areas", None)
    before = {name: getattr(alliance, name) for name in changes}
    for name, value in changes.items():
        setattr(alliance, name, value)
    alliance.full_clean()
    diff: dict[str, Any] = {
        name: {"from": plain_value(before[name]), "to": plain_value(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    if focus_areas is not None:
        old = sorted(alliance.focus_areas.values_list("name", flat=True))
        alliance.focus_areas.set([focus_area_get_or_create(name=name) for name in focus_areas])
        new = sorted(alliance.focus_areas.values_list("name", flat=True))
        if old != new:
            diff["focus_areas"] = {"from": old, "to": new}
    if diff:
        bump(alliance)
    alliance.save()
    if diff:
        audit_record(
            actor=actor,
            action=AuditAction.ALLIANCE_UPDATED,
            target=alliance,
            council_id=getattr(actor, "council_id", None),
            payload={"changes": diff, "version": alliance.version},
        )
    return alliance


@transaction.atomic
def alliance_member_add(
    *,
    actor: Any,
    alliance: Alliance,
    council: Any = None,
    place: Any = None,
    joined_on: dt.date | None = None,
    expected_version: int | None = None,
) -> AllianceMember:
    """Add one of our councils or a place abroad to an alliance (not twice)."""
    _require(actor, alliance)
    check_version(alliance, expected_version)
    alliance.refresh_from_db()
    if (council is None) == (place is None):
        raise ValidationError({"place": "Choose a member: one of our councils or a place abroad."})
    existing = alliance.members.filter(council=council) if council is not None else alliance.members.filter(place=place)
    if existing.exists():
        raise ValidationError({"place": f"{council or place} is already a member."})
    member = AllianceMember(alliance=alliance, council=council, place=place, joined_on=joined_on)
    member.full_clean()
    member.save()
    bump(alliance)
    alliance.save(update_fields=["version"])
    audit_record(
        actor=actor,
        action=AuditAction.ALLIANCE_MEMBER_ADDED,
        target=alliance,
        council_id=getattr(actor, "council_id", None),
        payload={"member": str(member), "joined_on": joined_on, "version": alliance.version},
    )
    return member


@transaction.atomic
def alliance_member_remove(*, actor: Any, member: AllianceMember) -> None:
    """Take a member out of an alliance (the audit trail remembers it)."""
    alliance = member.alliance
    _require(actor, alliance)
    check_version(alliance, None)
    alliance.refresh_from_db()
    label = str(member)
    member.delete()
    bump(alliance)
    alliance.save(update_fields=["version"])
    audit_record(
        actor=actor,
        action=AuditAction.ALLIANCE_MEMBER_REMOVED,
        target=alliance,
        council_id=getattr(actor, "council_id", None),
        payload={"member": label, "version": alliance.version},
    )
