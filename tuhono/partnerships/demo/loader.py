"""Loading the demonstration register from its data files through the services a council's staff use:
`council_create`, `place_get_or_create`, `partnership_create`, `milestone_add`, `alliance_create` and
`alliance_member_add`. Every record is validated and audited as if it were typed in the back office.

The bulk importer (`importing/`) takes pairs of places only; these records carry what it cannot (the
story, the partner's authority, legacy councils, whole-country partners, milestones, alliances), so the
loader calls the services one record at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tuhono.core.dates import parse_partial_date
from tuhono.councils.models import Council
from tuhono.councils.services import council_create
from tuhono.places.enums import PlaceKind
from tuhono.places.models import Place
from tuhono.places.services import place_get_or_create

from ..alliance_services import alliance_create, alliance_member_add
from ..milestone_services import milestone_add
from ..models import Alliance, Partnership
from ..services import partnership_create
from .files import decimal, demo_rows, integer, listed, partial_date

# What the register records as the reason for each demonstration partnership's first status.
STATUS_REASON = "Recorded from the council's published list of partnerships"

PartnerKey = tuple[str, str, str]  # council slug, partner name, partner country


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


def _councils_load(result: DemoLoadResult) -> dict[str, Council]:
    """Each council of `councils.csv`, created unless there; a legacy council names its successor above it."""
    councils: dict[str, Council] = {}
    for row in demo_rows("councils"):
        council = Council.objects.filter(slug=row["slug"]).first()
        if council is None:
            council = council_create(
                actor=None,
                name=row["name"],
                slug=row["slug"],
                maori_name=row["maori_name"],
                region=row["region"],
                website=row["website"],
                seat=place_get_or_create(name=row["seat"], country_code=row["seat_country"]),
                successor=councils.get(row["successor"]),
                ceased_on=partial_date(row["ceased_on"])[0],
            )
            result.councils_created += 1
        councils[row["slug"]] = council
    return councils


def _partner(row: dict[str, str]) -> Place:
    return place_get_or_create(
        name=row["partner"],
        country_code=row["partner_country"],
        kind=row["partner_kind"] or PlaceKind.CITY,
        geonames_id=integer(row["geonames_id"]),
        latitude=decimal(row["latitude"]),
        longitude=decimal(row["longitude"]),
    )


def _partnerships_load(result: DemoLoadResult, councils: dict[str, Council]) -> dict[PartnerKey, Partnership]:
    """Each partnership of `partnerships.csv` not yet in the register, published; returns those it created."""
    created: dict[PartnerKey, Partnership] = {}
    for row in demo_rows("partnerships"):
        council, partner = councils[row["council"]], _partner(row)
        if Partnership.objects.filter(council=council, partner=partner).exists():
            continue
        signed_on, signed_precision = partial_date(row["signed"])
        created[(row["council"], row["partner"], row["partner_country"])] = partnership_create(
            actor=None,
            council=council,
            partner=partner,
            kind=row["kind"],
            signed_on=signed_on,
            signed_precision=signed_precision,
            signed_basis=row["signed_basis"],
            legacy_council=councils.get(row["legacy_council"]),
            partner_authority=row["authority"],
            partner_website=row["website"],
            summary=row["summary"],
            story=row["story"],
            source=row["source"],
            focus_areas=listed(row["focus"]),
            published=True,
            status_reason=STATUS_REASON,
        )
        result.partnerships_created += 1
    return created


def _milestones_load(created: dict[PartnerKey, Partnership]) -> None:
    """The history of `milestones.csv`, for the partnerships this run created (a second run adds none)."""
    for row in demo_rows("milestones"):
        partnership = created.get((row["council"], row["partner"], row["partner_country"]))
        if partnership is None:
            continue
        occurred_on, precision = parse_partial_date(row["date"])  # a milestone always has a date
        milestone_add(
            actor=None,
            partnership=partnership,
            occurred_on=occurred_on,
            precision=precision,
            kind=row["kind"],
            title=row["title"],
            description=row["description"],
            participants=integer(row["participants"]),
        )


def _alliances_load(result: DemoLoadResult, councils: dict[str, Council]) -> None:
    """Each alliance of `alliances.csv` not yet recorded, with its members from `alliance_members.csv`."""
    members: dict[str, list[dict[str, str]]] = {}
    for row in demo_rows("alliance_members"):
        members.setdefault(row["alliance"], []).append(row)
    for row in demo_rows("alliances"):
        if Alliance.objects.filter(slug=row["slug"]).exists():
            continue
        started_on, started_precision = partial_date(row["started"])
        alliance = alliance_create(
            actor=None,
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            summary=row["summary"],
            website=row["website"],
            started_on=started_on,
            started_precision=started_precision,
            member_count=integer(row["member_count"]),
            focus_areas=listed(row["focus"]),
        )
        for member in members.get(row["slug"], []):
            place = (
                place_get_or_create(name=member["place"], country_code=member["place_country"])
                if member["place"]
                else None
            )
            alliance_member_add(actor=None, alliance=alliance, council=councils.get(member["council"]), place=place)
        result.alliances_created += 1


@transaction.atomic
def demo_load() -> DemoLoadResult:
    """Load the demonstration register. Idempotent: a second run creates nothing and audits nothing."""
    result = DemoLoadResult()
    councils = _councils_load(result)
    _milestones_load(_partnerships_load(result, councils))
    _alliances_load(result, councils)
    return result
