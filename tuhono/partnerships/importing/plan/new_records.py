"""The councils and places a plan adds: unique names and slugs, the seat, the gazetteer's spellings."""

from __future__ import annotations

from django.utils.text import slugify

from tuhono.places.countries import country_name

from ..geocode import Located, locate
from ..names import parse_place_name
from ..nz_councils import NzCouncil
from .register import RegisterSnapshot
from .specs import HOME_COUNTRY, CouncilSpec, ImportPlan, PlaceSpec


def unique_label(base: str, taken: set[str], counters: dict[str, int], *, casefold: bool = False) -> str:
    """base, or base-2, base-3, ... (names: 'base (2)'); remembers where it got to, so many alike stay fast."""
    key = f"{casefold}:{base}"
    candidate, n = base, counters.get(key, 2)
    while (candidate.casefold() if casefold else candidate) in taken:
        candidate, n = f"{base}-{n}" if not casefold else f"{base} ({n})", n + 1
    counters[key] = n
    return candidate


def new_council_spec(
    plan: ImportPlan, register: RegisterSnapshot, located: Located, nz_spec: NzCouncil | None
) -> CouncilSpec:
    if nz_spec is not None:
        seat = locate(nz_spec.seat, HOME_COUNTRY)
        seat_spec = place_spec_for(plan, register, seat, nz_spec.seat)
        name = nz_spec.name
        if name.casefold() in register.council_names:
            name = unique_label(name, register.council_names, register.counters, casefold=True)
        slug = unique_label(nz_spec.slug, register.council_slugs, register.counters)
        return CouncilSpec(
            name=name, slug=slug, country_code=HOME_COUNTRY, region=nz_spec.region, seat_key=seat_spec.key
        )
    seat_spec = place_spec_for(plan, register, located, located.name)
    name = seat_spec.name
    if name.casefold() in register.council_names:
        name = f"{name} ({country_name(located.country_code)})"
        if name.casefold() in register.council_names:
            name = unique_label(name, register.council_names, register.counters, casefold=True)
    base = slugify(f"{seat_spec.name}-{located.country_code}") or f"council-{located.country_code.lower()}"
    if located.country_code == HOME_COUNTRY:
        base = slugify(seat_spec.name) or base
    return CouncilSpec(
        name=name[:200],
        slug=unique_label(base[:190], register.council_slugs, register.counters),
        country_code=located.country_code,
        seat_key=seat_spec.key,
    )


def place_spec_for(plan: ImportPlan, register: RegisterSnapshot, located: Located, spelling: str) -> PlaceSpec:
    key = located.key
    spec = plan.places.get(key)
    if spec is not None:
        return spec
    found = located.found
    alternates: list[str] = []
    if found is not None:
        alternates = sorted(
            [n for n in found.alternate_names if n and n != found.name], key=lambda n: (n.isascii(), len(n))
        )[:12]
    primary = parse_place_name(spelling).primary
    if primary and primary != located.name and primary not in alternates:
        alternates.insert(0, primary)
    spec = PlaceSpec(
        key=key,
        name=located.name[:200],
        country_code=located.country_code,
        latitude=located.latitude,
        longitude=located.longitude,
        geonames_id=found.geonames_id if found else None,
        population=(found.population or None) if found else None,
        alternate_names=alternates,
        existing_id=register.place_id_by_key.get(key),
    )
    plan.places[key] = spec
    return spec
