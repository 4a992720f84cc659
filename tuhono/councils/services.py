from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.register import register_version_bump
from tuhono.partnerships.editing import bump, check_version
from tuhono.partnerships.permissions import Action, require

from .models import Council, PartnerSeeking


@transaction.atomic
def council_create(
    *,
    actor: Any,
    name: str,
    slug: str | None = None,
    maori_name: str = "",
    region: str = "",
    country_code: str = "NZ",
    website: str = "",
    seat: Any = None,
    successor: Council | None = None,
    ceased_on: dt.date | None = None,
) -> Council:
    """Add a council to the register (validated, audited)."""
    council = Council(
        name=name,
        slug=slug or slugify(name.replace(" Council", "")),
        maori_name=maori_name,
        region=region,
        country_code=country_code,
        website=website,
        seat=seat,
        successor=successor,
        ceased_on=ceased_on,
    )
    council.full_clean()
    council.save()
    audit_record(
        actor=actor,
        action=AuditAction.COUNCIL_CREATED,
        target=council,
        council_id=council.pk,
        payload={"name": name, "region": region, "country": country_code},
    )
    register_version_bump()
    return council


@transaction.atomic
def partner_seeking_submit(
    *,
    who: str,
    country_code: str,
    interests: str,
    contact_name: str,
    contact_email: str,
    council: Council | None = None,
    place_name: str = "",
) -> PartnerSeeking:
    """Record a request from the public form (unpublished until staff publish it)."""
    seeking = PartnerSeeking(
        who=who,
        council=council if who == PartnerSeeking.Who.NZ_COUNCIL else None,
        place_name=place_name.strip() if who == PartnerSeeking.Who.ABROAD else "",
        country_code="NZ" if who == PartnerSeeking.Who.NZ_COUNCIL else country_code.upper(),
        interests=interests.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
    )
    seeking.full_clean()
    seeking.save()
    audit_record(
        actor=None,
        action=AuditAction.PARTNER_SEEKING_SUBMITTED,
        target=seeking,
        council_id=seeking.council_id,
        payload={"who": who, "name": seeking.display_name, "country": seeking.country_code},
    )
    return seeking


SEEKING_FIELDS = {"who", "council", "place_name", "country_code", "interests", "contact_name", "contact_email"}


def _require_seeking(actor: Any, council_id: int | None) -> None:
    # The register's permissions table decides; the councils app holds no rules of its own about roles.
    require(actor, Action.PARTNER_SEEKING, council_id)


def _shape(seeking: PartnerSeeking) -> None:
    if seeking.who == PartnerSeeking.Who.NZ_COUNCIL:
        seeking.place_name, seeking.country_code = "", "NZ"
    else:
        seeking.council = None
        seeking.place_name = (seeking.place_name or "").strip()
        seeking.country_code = (seeking.country_code or "").upper()
    seeking.interests = (seeking.interests or "").strip()
    seeking.contact_name = (seeking.contact_name or "").strip()
    seeking.contact_email = (seeking.contact_email or "").strip()


@transaction.atomic
def partner_seeking_create(*, actor: Any, **fields: Any) -> PartnerSeeking:
    """Staff add an entry to the partner-seeking list (unpublished until they publish it)."""
    unknown = set(fields) - SEEKING_FIELDS
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(sorted(unknown))}")
    seeking = PartnerSeeking(**fields)
    _shape(seeking)
    _require_seeking(actor, seeking.council_id)
    seeking.full_clean()
    seeking.save()
    audit_record(
        actor=actor,
        action=AuditAction.PARTNER_SEEKING_CREATED,
        target=seeking,
        council_id=seeking.council_id,
        payload={"who": seeking.who, "name": seeking.display_name, "country": seeking.country_code},
    )
    return seeking


@transaction.atomic
def partner_seeking_update(
    *, actor: Any, seeking: PartnerSeeking, expected_version: int | None = None, **changes: Any
) -> PartnerSeeking:
    """Correct an entry (a council's own, or one from abroad).

    Refused (EditConflict, nothing saved) when `expected_version` is given and someone else has saved
    or published the entry since. The audit event names the changed fields, not their values (the
    contact's name and address are personal details).
    """
    unknown = set(changes) - SEEKING_FIELDS
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(sorted(unknown))}")
    _require_seeking(actor, seeking.council_id)
    check_version(seeking, expected_version)
    seeking = PartnerSeeking.objects.get(pk=seeking.pk)
    before = {name: getattr(seeking, name) for name in changes}
    for name, value in changes.items():
        setattr(seeking, name, value)
    _shape(seeking)
    _require_seeking(actor, seeking.council_id)
    seeking.full_clean()
    changed = sorted(name for name in changes if before[name] != getattr(seeking, name))
    if changed:
        bump(seeking)
    seeking.save()
    if changed:
        audit_record(
            actor=actor,
            action=AuditAction.PARTNER_SEEKING_UPDATED,
            target=seeking,
            council_id=seeking.council_id,
            payload={"name": seeking.display_name, "fields": changed, "version": seeking.version},
        )
    return seeking


@transaction.atomic
def partner_seeking_set_published(*, actor: Any, seeking: PartnerSeeking, published: bool) -> PartnerSeeking:
    """Publish (or withdraw) a request on the public list."""
    _require_seeking(actor, seeking.council_id)
    check_version(seeking, None)
    seeking = PartnerSeeking.objects.get(pk=seeking.pk)
    if seeking.published == published:
        return seeking
    seeking.published = published
    if published:  # a withdrawn entry keeps the date it was last published, so it reads as withdrawn, not new
        seeking.published_at = timezone.now()
    bump(seeking)
    seeking.full_clean()
    seeking.save(update_fields=["published", "published_at", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.PARTNER_SEEKING_PUBLISHED if published else AuditAction.PARTNER_SEEKING_WITHDRAWN,
        target=seeking,
        council_id=seeking.council_id,
        payload={"name": seeking.display_name, "version": seeking.version},
    )
    register_version_bump()
    return seeking
