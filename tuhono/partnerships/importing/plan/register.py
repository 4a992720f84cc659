"""The register as it is before the import, loaded once, with what the plan adds on top."""

from __future__ import annotations

import re

from tuhono.councils.models import Council
from tuhono.places import gazetteer
from tuhono.places.models import Place

from ...models import Partnership
from ..geocode import Located
from ..nz_councils import NzCouncil
from .specs import HOME_COUNTRY, CouncilSpec


class RegisterSnapshot:
    """What the database already holds, loaded once, with what this plan adds on top."""

    def __init__(self) -> None:
        self.place_key_by_id: dict[int, tuple] = {}
        self.place_id_by_key: dict[tuple, int] = {}
        for pk, geonames_id, code, name in Place.objects.values_list("pk", "geonames_id", "country_code", "name"):
            key = ("g", geonames_id) if geonames_id else ("n", code, gazetteer.fold_name(name))
            self.place_key_by_id[pk] = key
            self.place_id_by_key.setdefault(key, pk)
        self.council_by_seat: dict[tuple, CouncilSpec] = {}
        self.council_by_id: dict[int, CouncilSpec] = {}
        self.nodes: set[tuple] = set()
        self.council_names: set[str] = set()
        self.council_slugs: set[str] = set()
        self.counters: dict[str, int] = {}
        self.council_by_slug: dict[str, CouncilSpec] = {}
        self.council_by_name: dict[tuple[str, str], CouncilSpec] = {}
        for council in Council.objects.values("pk", "name", "slug", "country_code", "seat_id", "successor_id"):
            seat_key = self.place_key_by_id.get(council["seat_id"]) if council["seat_id"] else None
            spec = CouncilSpec(
                name=council["name"],
                slug=council["slug"],
                country_code=council["country_code"],
                seat_key=seat_key,
                existing_id=council["pk"],
                successor_id=council["successor_id"],
            )
            self.remember_council(spec)
        self.pairs: dict[frozenset, str] = {}
        for council_id, partner_id, slug in Partnership.objects.values_list("council_id", "partner_id", "slug"):
            council_spec = self.council_by_id.get(council_id)
            partner_key = self.place_key_by_id.get(partner_id)
            if council_spec and partner_key:
                self.pairs[frozenset((council_spec.node, partner_key))] = f"already in the register ({slug})"

    def remember_council(self, spec: CouncilSpec) -> None:
        if not spec.node:
            node = spec.seat_key if spec.seat_key and spec.seat_key not in self.nodes else ("c", spec.slug)
            spec.node = node
        self.nodes.add(spec.node)
        if spec.seat_key:
            self.council_by_seat.setdefault(spec.seat_key, spec)
        if spec.existing_id:
            self.council_by_id[spec.existing_id] = spec
        self.council_by_slug.setdefault(spec.slug, spec)
        self.council_names.add(spec.name.casefold())
        self.council_slugs.add(spec.slug)
        for name in council_name_keys(spec.name):
            self.council_by_name.setdefault((spec.country_code, name), spec)

    def known_council(self, located: Located) -> CouncilSpec | None:
        spec = self.council_by_seat.get(located.key)
        if spec is None:
            # By name only for a council without a seat: with a seat, the seat decides
            # (two Springfields are two places, not one council), whatever order the rows come in.
            named = self.council_by_name.get((located.country_code, gazetteer.fold_name(located.name)))
            if named is not None and named.seat_key is None:
                spec = named
        return spec


_COUNCIL_WORDS = re.compile(r"\b(city|district|borough|town|lakes)?\s*council\b", re.IGNORECASE)


def council_name_keys(name: str) -> set[str]:
    folded = gazetteer.fold_name(name)
    bare = gazetteer.fold_name(_COUNCIL_WORDS.sub("", name))
    return {key for key in (folded, bare) if key}


def known_council_for(register: RegisterSnapshot, located: Located, nz_spec: NzCouncil | None) -> CouncilSpec | None:
    if nz_spec is not None:
        spec = register.council_by_slug.get(nz_spec.slug)
        if spec is None:
            spec = register.council_by_name.get((HOME_COUNTRY, gazetteer.fold_name(nz_spec.name)))
        if spec is not None:
            return spec
        return None
    return register.known_council(located)
