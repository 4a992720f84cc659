"""Writing a plan to the register in bulk, validated, in one transaction, with one audit event.

The per-record services (partnership_create and friends) write an audit event
and run several queries per partnership; for a file of tens of thousands of
pairs that is minutes. This path validates every object with the model's own
field checks, checks uniqueness against what it loaded, writes with
bulk_create in batches, and records the whole import as one audit event with
its counts and the file's SHA-256.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.register import register_version_bump
from tuhono.councils.models import Council
from tuhono.places import gazetteer
from tuhono.places.enums import PlaceKind
from tuhono.places.models import Place

from ..models import FocusArea, Partnership, StatusChange
from ..search import search_index
from ..services import focus_area_get_or_create
from .plan import ImportPlan

BATCH = 2000


class ImportTarget:
    """What the audit event is about: the imported file (there is no model row for an import)."""

    _meta = SimpleNamespace(label_lower="partnerships.import")

    def __init__(self, filename: str, sha256: str) -> None:
        self.pk = sha256[:16]
        self.filename = filename

    def __str__(self) -> str:
        return f"Import of {self.filename}"


def _check(obj: Any, exclude: list[str]) -> None:
    try:
        obj.clean_fields(exclude=exclude)
    except ValidationError as error:
        raise ValidationError(f"{obj}: {'; '.join(error.messages)}") from error


@transaction.atomic
def plan_apply(*, plan: ImportPlan, actor: Any, sha256: str, published: bool = True) -> dict[str, int]:
    """Write what the plan lists. All or nothing: any failure rolls the whole import back."""
    place_ids: dict[tuple, int] = {spec.key: spec.existing_id for spec in plan.places.values() if spec.existing_id}
    new_places = []
    for spec in plan.new_places:
        place = Place(
            name=spec.name,
            ascii_name=gazetteer.fold_name(spec.name).title()[:200],
            alternate_names=spec.alternate_names,
            kind=PlaceKind.CITY,
            country_code=spec.country_code,
            latitude=spec.latitude,
            longitude=spec.longitude,
            population=spec.population,
            geonames_id=spec.geonames_id,
        )
        _check(place, ["alternate_names"])
        new_places.append((spec.key, place))
    created = Place.objects.bulk_create([place for _, place in new_places], batch_size=BATCH)
    for (key, _), place in zip(new_places, created, strict=True):
        place_ids[key] = place.pk

    council_ids: dict[str, int] = {}
    new_councils = []
    for council_spec in plan.councils.values():
        if council_spec.existing_id:
            council_ids[council_spec.slug] = council_spec.existing_id
            continue
        council = Council(
            name=council_spec.name,
            slug=council_spec.slug,
            country_code=council_spec.country_code,
            region=council_spec.region,
            seat_id=place_ids.get(council_spec.seat_key) if council_spec.seat_key else None,
        )
        _check(council, ["seat", "successor"])
        new_councils.append(council)
    for council in Council.objects.bulk_create(new_councils, batch_size=BATCH):
        council_ids[council.slug] = council.pk
    for slug in {spec.council_key for spec in plan.partnerships} - set(council_ids):
        council_ids[slug] = Council.objects.only("pk").get(slug=slug).pk

    slugs = set(Partnership.objects.values_list("slug", flat=True))
    council_slugs = dict(Council.objects.filter(pk__in=set(council_ids.values())).values_list("pk", "slug"))
    place_names = {spec.key: spec.name for spec in plan.places.values()}
    partnerships = []
    next_suffix: dict[str, int] = {}
    for item in plan.partnerships:
        council_id = council_ids[item.council_key]
        base = slugify(f"{council_slugs[council_id]}-{place_names[item.partner_key]}")[:180] or "partnership"
        slug, n = base, next_suffix.get(base, 2)
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        next_suffix[base] = n
        slugs.add(slug)
        partnership = Partnership(
            slug=slug,
            council_id=council_id,
            partner_id=place_ids[item.partner_key],
            kind=item.kind,
            status=item.status,
            status_changed_on=item.ended_on or item.signed_on or timezone.localdate(),
            signed_on=item.signed_on,
            signed_precision=item.signed_precision,
            ended_on=item.ended_on,
            ended_precision=item.ended_precision,
            source=item.source,
            published=published,
        )
        _check(partnership, ["council", "partner", "legacy_council"])
        partnerships.append(partnership)
    partnerships = Partnership.objects.bulk_create(partnerships, batch_size=BATCH)

    user = actor if getattr(actor, "is_authenticated", False) else None
    reason = f"Imported from {plan.filename or 'a list'}"
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                partnership=partnership,
                status=partnership.status,
                changed_on=partnership.status_changed_on or timezone.localdate(),
                reason=reason,
                recorded_by=user,
            )
            for partnership in partnerships
        ],
        batch_size=BATCH,
    )

    areas: dict[str, FocusArea] = {}
    links = []
    Through = Partnership.focus_areas.through
    for item, partnership in zip(plan.partnerships, partnerships, strict=True):
        for name in dict.fromkeys(item.focus):
            area_slug = slugify(name)
            if area_slug not in areas:
                areas[area_slug] = focus_area_get_or_create(name=name)
            links.append(Through(partnership_id=partnership.pk, focusarea_id=areas[area_slug].pk))
    Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
    search_index(partnership.pk for partnership in partnerships)

    counts = plan.summary()
    audit_record(
        actor=actor,
        action=AuditAction.PARTNERSHIPS_IMPORTED,
        target=ImportTarget(plan.filename or "a list", sha256),  # type: ignore[arg-type]
        payload={
            "file": plan.filename,
            "sha256": sha256,
            **counts,
            "new_councils": [spec.name for spec in plan.new_councils][:200],
        },
    )
    register_version_bump()
    return counts
