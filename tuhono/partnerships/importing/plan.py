"""Planning an import: what each row means for the register, decided before anything is written.

The plan is what the back office previews and what `--dry-run` reports; applying
it (see apply.py) writes exactly what it lists.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.text import slugify

from tuhono.core.dates import DatePrecision, parse_partial_date
from tuhono.councils.models import Council
from tuhono.places import gazetteer
from tuhono.places.countries import country_code_for, country_name, resolve_country
from tuhono.places.models import Place

from ..enums import PartnershipKind, PartnershipStatus
from ..models import Partnership
from .geocode import Located, locate, settle_country
from .names import nz_council_for, parse_place_name
from .nz_councils import NzCouncil
from .reader import ReadResult, SourceRow

CREATED, MERGED, REJECTED = "created", "merged", "rejected"
HOME_COUNTRY = "NZ"

ProgressCallback = Callable[[int, int], None]


@dataclass
class PlaceSpec:
    key: tuple
    name: str
    country_code: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None = None
    population: int | None = None
    alternate_names: list[str] = field(default_factory=list)
    existing_id: int | None = None


@dataclass
class CouncilSpec:
    name: str
    slug: str
    country_code: str
    region: str = ""
    seat_key: tuple | None = None
    existing_id: int | None = None
    successor_id: int | None = None  # for a legacy council: where its partnerships now live
    node: tuple = ()  # identity in a pair: the seat's place key (so A→B is B→A), or the slug

    @property
    def key(self) -> str:
        return self.slug


@dataclass
class PartnershipSpec:
    line: int
    council_key: str  # the council's slug
    partner_key: tuple
    kind: str
    status: str
    signed_on: dt.date | None
    signed_precision: str
    ended_on: dt.date | None
    ended_precision: str
    focus: list[str]
    source: str


@dataclass
class RowOutcome:
    line: int
    outcome: str
    reason: str
    council: str = ""
    partner: str = ""
    partner_country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    located: bool = True
    notes: list[str] = field(default_factory=list)
    raw: str = ""


@dataclass
class ImportPlan:
    filename: str
    read: ReadResult
    places: dict[tuple, PlaceSpec] = field(default_factory=dict)
    councils: dict[str, CouncilSpec] = field(default_factory=dict)
    partnerships: list[PartnershipSpec] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    announced: set[str] = field(default_factory=set)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.outcomes if row.outcome == outcome)

    @property
    def unresolved(self) -> int:
        """Rows taken in whose partner could not be placed on the map."""
        return sum(1 for row in self.outcomes if row.outcome != REJECTED and not row.located)

    @property
    def new_councils(self) -> list[CouncilSpec]:
        return [spec for spec in self.councils.values() if spec.existing_id is None]

    @property
    def new_places(self) -> list[PlaceSpec]:
        return [spec for spec in self.places.values() if spec.existing_id is None]

    def summary(self) -> dict[str, int]:
        return {
            "rows_read": len(self.outcomes),
            "blank_lines": self.read.blank_lines,
            "created": self.count(CREATED),
            "merged": self.count(MERGED),
            "rejected": self.count(REJECTED),
            "unresolved": self.unresolved,
            "councils_created": len(self.new_councils),
            "places_created": len(self.new_places),
        }


# --- reading the optional fields -------------------------------------------------------------------

_KIND_WORDS = [
    ("memorandum", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("mou", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("cooperation", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("letter", PartnershipKind.LETTER_OF_INTENT),
    ("strategic", PartnershipKind.STRATEGIC_ALLIANCE),
    ("agreement", PartnershipKind.FRIENDSHIP_AGREEMENT),
    ("friend", PartnershipKind.FRIENDSHIP_CITY),
    ("partner", PartnershipKind.PARTNER_CITY),
    ("sister", PartnershipKind.SISTER_CITY),
    ("twin", PartnershipKind.SISTER_CITY),
]
_STATUS_WORDS = {
    "current": PartnershipStatus.ACTIVE,
    "inactive": PartnershipStatus.DORMANT,
    "former": PartnershipStatus.ENDED,
    "terminated": PartnershipStatus.ENDED,
    "cancelled": PartnershipStatus.ENDED,
    "planned": PartnershipStatus.PROPOSED,
}
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def parse_kind(text: str, notes: list[str]) -> str:
    folded = slugify(text).replace("-", "_")
    if not folded:
        return PartnershipKind.SISTER_CITY
    if folded in PartnershipKind.values:
        return folded
    for word, kind in _KIND_WORDS:
        if word in folded:
            return kind
    notes.append(f"kind '{text}' not recognised: recorded as a sister city")
    return PartnershipKind.SISTER_CITY


def parse_status(text: str, has_end: bool, notes: list[str]) -> str:
    folded = slugify(text).replace("-", "_")
    if not folded:
        return PartnershipStatus.ENDED if has_end else PartnershipStatus.ACTIVE
    if folded in PartnershipStatus.values:
        return folded
    for label, value in PartnershipStatus.choices:
        if slugify(label).replace("-", "_") == folded:
            return value
    if folded in _STATUS_WORDS:
        return _STATUS_WORDS[folded]
    notes.append(f"status '{text}' not recognised: recorded as active")
    return PartnershipStatus.ACTIVE


def parse_date(text: str, label: str, notes: list[str]) -> tuple[dt.date | None, str]:
    if not text:
        return None, DatePrecision.YEAR
    try:
        return parse_partial_date(text)
    except (ValueError, OverflowError):
        pass
    match = _YEAR.search(text)
    if match:
        notes.append(f"{label} date '{text}' read as the year {match.group(1)}")
        return dt.date(int(match.group(1)), 1, 1), DatePrecision.YEAR
    notes.append(f"{label} date '{text}' not understood: left blank")
    return None, DatePrecision.YEAR


# --- the register as it is -------------------------------------------------------------------------


class _Register:
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
        for name in _council_name_keys(spec.name):
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


def _council_name_keys(name: str) -> set[str]:
    folded = gazetteer.fold_name(name)
    bare = gazetteer.fold_name(_COUNCIL_WORDS.sub("", name))
    return {key for key in (folded, bare) if key}


# --- planning --------------------------------------------------------------------------------------


def build_plan(
    read: ReadResult,
    *,
    filename: str = "",
    only_council_id: int | None = None,
    default_source: str = "",
    progress: ProgressCallback | None = None,
) -> ImportPlan:
    """Decide, row by row, what the import will create, merge or reject. Reads the database; writes nothing.

    `only_council_id` limits an import to one council's partnerships (a council's staff import
    their own list): rows for any other council are rejected and no council is created.
    """
    plan = ImportPlan(filename=filename, read=read)
    register = _Register()
    located_cache: dict[tuple, Located] = {}
    pair_lines: dict[frozenset, int] = {}
    default_source = default_source or (f"Imported from {filename}" if filename else "Imported list")
    total = len(read.rows)

    def where(text: str, code: str, lat: str, lng: str, region: str) -> Located:
        cache_key = (text, code, lat, lng, region)
        if cache_key not in located_cache:
            located_cache[cache_key] = locate(text, code, lat, lng, region=region)
        return located_cache[cache_key]

    for position, row in enumerate(read.rows, start=1):
        if progress and (position % 500 == 0 or position == total):
            progress(position, total)
        plan.outcomes.append(_plan_row(row, plan, register, where, pair_lines, default_source, only_council_id))
    return plan


def _region(country_text: str) -> str:
    """'England, United Kingdom' -> 'England'; 'England' -> 'England'; 'France' -> ''."""
    first = country_text.split(",")[0].strip()
    code = country_code_for(first)
    return first if code and country_code_for(country_text) == code and first.casefold() not in _country_names() else ""


@functools.cache
def _country_names() -> set[str]:
    from tuhono.places.countries import _countries

    return {country["name"].casefold() for country in _countries().values()}


def _reject(row: SourceRow, reason: str, notes: list[str] | None = None) -> RowOutcome:
    return RowOutcome(line=row.line, outcome=REJECTED, reason=reason, notes=notes or [], raw=row.raw, located=False)


def _plan_row(
    row: SourceRow,
    plan: ImportPlan,
    register: _Register,
    where: Callable[[str, str, str, str, str], Located],
    pair_lines: dict[frozenset, int],
    default_source: str,
    only_council_id: int | None,
) -> RowOutcome:
    values = row.values
    missing = [name for name in ("place_a", "country_a", "place_b", "country_b") if not values.get(name)]
    if missing:
        return _reject(row, f"missing {', '.join(missing)}")
    codes = []
    notes: list[str] = []
    for side in ("a", "b"):
        written = values[f"country_{side}"]
        match = resolve_country(written)
        if match is None:
            return _reject(row, f"unknown country '{written}'")
        code, note = settle_country(match, values[f"place_{side}"])
        if code is None:
            return _reject(row, f"country not settled by the city: {note}")
        if note:
            notes.append(note)
        codes.append(code)
    sides = [
        where(
            values["place_a"], codes[0], values.get("lat_a", ""), values.get("lng_a", ""), _region(values["country_a"])
        ),
        where(
            values["place_b"], codes[1], values.get("lat_b", ""), values.get("lng_b", ""), _region(values["country_b"])
        ),
    ]
    if sides[0].key == sides[1].key:
        return _reject(row, "the same place on both sides")

    # Which side is the council: a known council, else the New Zealand side, else the first.
    nz = [
        nz_council_for(parse_place_name(values[f"place_{s}"])) if code == HOME_COUNTRY else None
        for s, code in zip("ab", codes, strict=True)
    ]
    known = [_known(register, located, nz_spec) for located, nz_spec in zip(sides, nz, strict=True)]
    if known[0] and known[1]:
        council_side = 1 if codes[1] == HOME_COUNTRY and codes[0] != HOME_COUNTRY else 0
    elif known[0] or known[1]:
        council_side = 0 if known[0] else 1
    elif HOME_COUNTRY in codes:
        council_side = codes.index(HOME_COUNTRY)
    else:
        council_side = 0
    council_located, partner_located = sides[council_side], sides[1 - council_side]
    for index, located in enumerate(sides):
        if not (index == council_side and (nz[index] or known[index])):  # a known council needs no geocoding
            notes.extend(f"{located.name}: {note}" for note in located.notes)
    council = known[council_side] or _new_council(plan, register, council_located, nz[council_side])
    if council.successor_id:
        successor = register.council_by_id.get(council.successor_id)
        if successor is not None:
            notes.append(f"{council.name} was merged into {successor.name}: recorded under it")
            council = successor
    if only_council_id is not None and council.existing_id != only_council_id:
        rejected = _reject(row, f"for {council.name}, not your council", notes)
        rejected.council, rejected.partner = council.name, partner_located.name
        rejected.partner_country = partner_located.country_code
        return rejected
    if council.existing_id is None and council.slug not in plan.councils:
        plan.councils[council.slug] = council
        register.remember_council(council)
    partner = _place_spec(plan, register, partner_located, values[f"place_{'ab'[1 - council_side]}"])
    outcome = RowOutcome(
        line=row.line,
        outcome=CREATED,
        reason="",
        council=council.name,
        partner=partner.name,
        partner_country=partner.country_code,
        latitude=partner.latitude,
        longitude=partner.longitude,
        located=partner.latitude is not None,
        notes=notes,
        raw=row.raw,
    )
    if council.node == partner.key:
        outcome.outcome, outcome.reason = REJECTED, "the council and the partner are the same place"
        return outcome
    pair = frozenset((council.node, partner.key))
    if pair in register.pairs:
        outcome.outcome, outcome.reason = MERGED, register.pairs[pair]
        return outcome
    if pair in pair_lines:
        outcome.outcome, outcome.reason = MERGED, f"same partnership as line {pair_lines[pair]}"
        return outcome

    signed_on, signed_precision = parse_date(values.get("signed", ""), "signed", notes)
    ended_on, ended_precision = parse_date(values.get("ended", ""), "ended", notes)
    if signed_on and ended_on and ended_on < signed_on:
        notes.append("ended before it was signed: end date left blank")
        ended_on = None
    status = parse_status(values.get("status", ""), ended_on is not None, notes)
    focus = [part.strip() for part in re.split(r"[;|]", values.get("focus", "")) if slugify(part.strip())]
    plan.partnerships.append(
        PartnershipSpec(
            line=row.line,
            council_key=council.slug,
            partner_key=partner.key,
            kind=parse_kind(values.get("kind", ""), notes),
            status=status,
            signed_on=signed_on,
            signed_precision=signed_precision,
            ended_on=ended_on,
            ended_precision=ended_precision,
            focus=focus,
            source=(values.get("source") or default_source)[:300],
        )
    )
    pair_lines[pair] = row.line
    outcome.reason = "new partnership"
    if council.existing_id is None and council.slug not in plan.announced:
        plan.announced.add(council.slug)
        outcome.reason = f"new partnership (and a new council: {council.name})"
    return outcome


def _known(register: _Register, located: Located, nz_spec: NzCouncil | None) -> CouncilSpec | None:
    if nz_spec is not None:
        spec = register.council_by_slug.get(nz_spec.slug)
        if spec is None:
            spec = register.council_by_name.get((HOME_COUNTRY, gazetteer.fold_name(nz_spec.name)))
        if spec is not None:
            return spec
        return None
    return register.known_council(located)


def _unique(base: str, taken: set[str], counters: dict[str, int], *, casefold: bool = False) -> str:
    """base, or base-2, base-3, ... (names: 'base (2)'); remembers where it got to, so many alike stay fast."""
    key = f"{casefold}:{base}"
    candidate, n = base, counters.get(key, 2)
    while (candidate.casefold() if casefold else candidate) in taken:
        candidate, n = f"{base}-{n}" if not casefold else f"{base} ({n})", n + 1
    counters[key] = n
    return candidate


def _new_council(plan: ImportPlan, register: _Register, located: Located, nz_spec: NzCouncil | None) -> CouncilSpec:
    if nz_spec is not None:
        seat = locate(nz_spec.seat, HOME_COUNTRY)
        seat_spec = _place_spec(plan, register, seat, nz_spec.seat)
        name = nz_spec.name
        if name.casefold() in register.council_names:
            name = _unique(name, register.council_names, register.counters, casefold=True)
        slug = _unique(nz_spec.slug, register.council_slugs, register.counters)
        return CouncilSpec(
            name=name, slug=slug, country_code=HOME_COUNTRY, region=nz_spec.region, seat_key=seat_spec.key
        )
    seat_spec = _place_spec(plan, register, located, located.name)
    name = seat_spec.name
    if name.casefold() in register.council_names:
        name = f"{name} ({country_name(located.country_code)})"
        if name.casefold() in register.council_names:
            name = _unique(name, register.council_names, register.counters, casefold=True)
    base = slugify(f"{seat_spec.name}-{located.country_code}") or f"council-{located.country_code.lower()}"
    if located.country_code == HOME_COUNTRY:
        base = slugify(seat_spec.name) or base
    return CouncilSpec(
        name=name[:200],
        slug=_unique(base[:190], register.council_slugs, register.counters),
        country_code=located.country_code,
        seat_key=seat_spec.key,
    )


def _place_spec(plan: ImportPlan, register: _Register, located: Located, spelling: str) -> PlaceSpec:
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
