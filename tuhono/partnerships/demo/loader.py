"""Loading the demonstration register through the same services staff use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from tuhono.audit.services import audit_record
from tuhono.core.dates import parse_partial_date
from tuhono.councils.models import Council
from tuhono.councils.services import council_create
from tuhono.places.enums import PlaceKind
from tuhono.places.services import place_get_or_create

from ..models import Alliance, AllianceMember, Partnership
from ..services import focus_area_get_or_create, milestone_add, partnership_create
from . import data


@dataclass
class DemoLoadResult:
    councils_created: int = 0
    partnerships_created: int = 0
    alliances_created: int = 0

    def __str__(self) -> str:
        return (
            f"{self.councils_created} councils, {self.partnerships_created} partnerships and "
            f"{self.alliances_created} alliances added"
        )


def _seat(name: str, country: str) -> Any:
    return place_get_or_create(name=name, country_code=country)


def _ensure_councils(result: DemoLoadResult) -> dict[str, Council]:
    councils: dict[str, Council] = {}
    for spec in data.COUNCILS:
        council = Council.objects.filter(slug=spec["slug"]).first()
        if council is None:
            council = council_create(
                actor=None,
                name=spec["name"],
                slug=spec["slug"],
                maori_name=spec.get("maori_name", ""),
                region=spec.get("region", ""),
                website=spec.get("website", ""),
                seat=_seat(*spec["seat"]),
                successor=councils.get(spec.get("successor", "")),
                ceased_on=dt.date.fromisoformat(spec["ceased_on"]) if spec.get("ceased_on") else None,
            )
            result.councils_created += 1
        councils[spec["slug"]] = council
    return councils


@transaction.atomic
def demo_load() -> DemoLoadResult:
    """Load the demonstration register. Idempotent: a second run creates nothing and audits nothing."""
    result = DemoLoadResult()
    councils = _ensure_councils(result)
    for spec in data.PARTNERSHIPS:
        name, country = spec["partner"]
        coordinates = spec.get("coordinates") or (None, None)
        partner = place_get_or_create(
            name=name,
            country_code=country,
            kind=spec.get("place_kind", PlaceKind.CITY),
            geonames_id=spec.get("geonames_id"),
            latitude=coordinates[0],
            longitude=coordinates[1],
        )
        council = councils[spec["council"]]
        if Partnership.objects.filter(council=council, partner=partner).exists():
            continue
        signed_on, precision = parse_partial_date(spec["signed"]) if spec.get("signed") else (None, "year")
        partnership = partnership_create(
            actor=None,
            council=council,
            partner=partner,
            kind=spec["kind"],
            signed_on=signed_on,
            signed_precision=precision,
            signed_basis=spec.get("signed_basis", ""),
            legacy_council=councils.get(spec.get("legacy", "")),
            partner_authority=spec.get("authority", ""),
            partner_website=spec.get("website", ""),
            summary=spec.get("summary", ""),
            story=spec.get("story", ""),
            source=spec.get("source", data.AUCKLAND_PAGE),
            focus_areas=spec.get("focus", []),
            published=True,
            status_reason="Recorded from the council's published list of partnerships",
        )
        for milestone in spec.get("milestones", []):
            when, kind, title, description, *rest = milestone
            occurred_on, milestone_precision = parse_partial_date(when)
            milestone_add(
                actor=None,
                partnership=partnership,
                occurred_on=occurred_on,
                precision=milestone_precision,
                kind=kind,
                title=title,
                description=description,
                participants=rest[0] if rest else None,
            )
        result.partnerships_created += 1
    for spec in data.ALLIANCES:
        if Alliance.objects.filter(slug=spec["slug"]).exists():
            continue
        started_on, started_precision = parse_partial_date(spec["started"]) if spec.get("started") else (None, "year")
        alliance = Alliance.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            kind=spec["kind"],
            summary=spec["summary"],
            website=spec.get("website", ""),
            started_on=started_on,
            started_precision=started_precision,
            member_count=spec.get("member_count"),
        )
        alliance.focus_areas.set([focus_area_get_or_create(name=name) for name in spec["focus"]])
        for slug in spec["councils"]:
            AllianceMember.objects.create(alliance=alliance, council=councils[slug])
        for name, country in spec["places"]:
            AllianceMember.objects.create(alliance=alliance, place=place_get_or_create(name=name, country_code=country))
        audit_record(actor=None, action="alliance.created", target=alliance, payload={"kind": spec["kind"]})
        result.alliances_created += 1
    return result
