"""Finding where a listed place is: the offline gazetteer within its country; given coordinates checked."""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass, field

from tuhono.places import gazetteer
from tuhono.places.countries import CountryMatch, country_name

from .names import PlaceName, parse_place_name

# A candidate this close to the given coordinates, or to the place's container, is the one meant.
SAME_PLACE_KM = 40.0
NEAR_CONTAINER_KM = 150.0


@dataclass
class Located:
    """Where a place is, how it was found, and what the report should say about it."""

    name: str
    country_code: str
    latitude: float | None = None
    longitude: float | None = None
    found: gazetteer.GazetteerPlace | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def key(self) -> tuple:
        """Identity in the register: the GeoNames place, else the name in the country."""
        if self.found is not None:
            return ("g", self.found.geonames_id)
        return ("n", self.country_code, gazetteer.fold_name(self.name))


def parse_coordinate(text: str, *, limit: float) -> float | str | None:
    """A float in range, None when blank, or the reason it is not usable."""
    if not text:
        return None
    try:
        value = float(text.replace(",", ".").strip().rstrip("°NSEWnsew"))
    except ValueError:
        return f"'{text}' is not a number"
    if math.isnan(value) or abs(value) > limit:
        return f"{text} is out of range"
    return value


def _best(name: PlaceName, country_code: str) -> tuple[list[gazetteer.GazetteerPlace], str]:
    """The gazetteer's places for the first spelling it knows (exact names first), and that spelling."""
    for variant in name.variants():
        found = gazetteer.candidates(variant, country_code)
        if found:
            folded = gazetteer.fold_name(variant)
            primary = [p for p in found if gazetteer.fold_name(p.name) == folded]
            rest = [p for p in found if p not in primary]
            return primary + rest, variant
    return [], ""


@functools.lru_cache(maxsize=100_000)
def _container_place(container: str, country_code: str) -> gazetteer.GazetteerPlace | None:
    return gazetteer.lookup(container, country_code)


def locate(text: str, country_code: str, lat_text: str = "", lng_text: str = "", *, region: str = "") -> Located:
    """Geocode one listed place in its country. Never raises: problems become notes.

    `region` is a state or province the country column named ('England, United Kingdom').
    """
    name = parse_place_name(text)
    result = Located(name=name.primary, country_code=country_code)
    given = _given_point(lat_text, lng_text, country_code, result.notes)
    candidates, spelling = _best(name, country_code)
    # 'Portland, Oregon', 'Perth, Western Australia': a named state or province narrows the choice.
    containers = []
    for container in (*name.containers, region):
        admin1 = gazetteer.admin1_code_for(container, country_code) if container else None
        if admin1 is None:
            if container and container != region:
                containers.append(container)
            continue
        within = [place for place in candidates if place.admin1_code == admin1]
        if within:
            candidates = within
        elif candidates:
            result.notes.append(f"no '{name.primary}' in {container} in the gazetteer: took the best-known")
    name = name._replace(containers=tuple(containers))

    if given is not None:
        lat, lng = given
        if candidates:
            closest = gazetteer.nearest(candidates, lat, lng)
            km = closest[1] if closest else math.inf
            if closest is not None and km <= SAME_PLACE_KM:
                result.found = closest[0]
            else:
                result.notes.append(
                    f"the given coordinates are {km:.0f} km from the nearest '{name.primary}' in the gazetteer"
                )
        result.latitude, result.longitude = lat, lng
    elif candidates:
        chosen: gazetteer.GazetteerPlace | None = candidates[0]
        for container in name.containers:
            around = _container_place(container, country_code)
            if around is None:
                continue
            place, km = gazetteer.nearest(candidates, around.latitude, around.longitude) or (None, math.inf)
            if place is not None and km <= NEAR_CONTAINER_KM:
                chosen = place
            else:
                chosen = None
                result.latitude, result.longitude = around.latitude, around.longitude
                result.notes.append(f"drawn at {around.name}: no '{name.primary}' in the gazetteer near it")
            break
        if chosen is not None:
            result.found = chosen
            result.latitude, result.longitude = chosen.latitude, chosen.longitude
    else:
        for container in name.containers:
            around = _container_place(container, country_code)
            if around is not None:
                result.latitude, result.longitude = around.latitude, around.longitude
                result.notes.append(f"'{name.primary}' is not in the gazetteer: drawn at {around.name}")
                break
        else:
            result.notes.append(f"'{name.primary}' is not in the gazetteer for {country_name(country_code)}")

    if result.found is not None and (spelling != name.primary or not _latin(name.primary)):
        # Matched on 'Bolzano' for 'Bozen', on an undecorated form, or on '福岡市': show the gazetteer's
        # name (the list's spelling is kept among the place's other names).
        result.name = result.found.name
    return result


def _latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _given_point(lat_text: str, lng_text: str, country_code: str, notes: list[str]) -> tuple[float, float] | None:
    if not lat_text and not lng_text:
        return None
    lat = parse_coordinate(lat_text, limit=180)
    lng = parse_coordinate(lng_text, limit=180)
    if lat is None or lng is None:
        notes.append("only one of latitude and longitude was given: ignored")
        return None
    if isinstance(lat, str) or isinstance(lng, str):
        notes.append(f"coordinates not usable ({lat if isinstance(lat, str) else lng}): used the gazetteer")
        return None
    if lat == 0 and lng == 0:
        notes.append("coordinates 0, 0 are a placeholder: used the gazetteer")
        return None
    inside = False if abs(lat) > 90 else gazetteer.point_in_country(lat, lng, country_code)
    if inside is False:
        if abs(lng) <= 90 and gazetteer.point_in_country(lng, lat, country_code):
            notes.append(f"coordinates {lat}, {lng} look swapped: used {lng}, {lat}")
            return lng, lat
        if abs(lat) > 90:
            notes.append(f"latitude {lat} is out of range: used the gazetteer")
        else:
            notes.append(f"coordinates {lat}, {lng} are not in {country_name(country_code)}: used the gazetteer")
        return None
    return lat, lng


def settle_country(match: CountryMatch, place: str) -> tuple[str | None, str]:
    """The country a written name means for this place, and a note for the report; (None, the reason)
    when the city cannot decide between the choices ('Congo' with a city in neither, or in both)."""
    if match.settled:
        return match.code, match.note
    name = parse_place_name(place)
    holding: list[tuple[int, str]] = []
    for code in match.choices:
        found = next((places for variant in name.variants() if (places := gazetteer.candidates(variant, code))), [])
        if found:
            holding.append((max(p.population for p in found), code))
    choices = " or ".join(f"{country_name(code)} ({code})" for code in match.choices)
    if not holding:
        return None, f"{match.note}: '{place}' is in none of them by the gazetteer; choose {choices}"
    holding.sort(reverse=True)
    code = holding[0][1]
    also = [c for _, c in holding[1:]]
    settled = f"{match.note}; '{place}' lies in {country_name(code)}"
    if also:
        settled += f" (a place of that name is also in {', '.join(map(country_name, also))})"
    return code, settled
