"""Cleaning place names as lists write them: 'Waipa – Cambridge', 'Oamaru (Waitaki)', 'Suzhou, Jiangsu'."""

from __future__ import annotations

import re
from typing import NamedTuple

from tuhono.places.gazetteer import fold_name

from .nz_councils import NZ_COUNCILS, TOWNS, NzCouncil

_FOOTNOTE = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\(([^)]*)\)")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
_PREFIX = re.compile(
    r"^(?:(?:city|municipality|town|borough|county|district|prefecture|province|region|commune|comune|"
    r"municipio|ville|gemeente|gmina|powiat) (?:of|de|di|du|del|de la)\s+|(?:landkreis|kreis|stadt|gemeinde|"
    r"markt|stadtbezirk|bezirk|hansestadt|lutherstadt)\s+)",
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    r"\s*(?:[-\s](?:shi|ku|gu|si|gun|machi|cho|mura|shi-ku|city council|district council|city|council|district|"
    r"municipality|prefecture|county|township|borough|town|ward|province|oblast|raion|kommune|kommun|kunta|"
    r"municipal district|urban district|rural district|district municipality|regional municipality))$",
    re.IGNORECASE,
)


class PlaceName(NamedTuple):
    text: str  # as cleaned of quotes, footnotes and spacing
    primary: str  # the place itself: the most specific part
    containers: tuple[str, ...]  # what it lies in, as the list says: 'Suzhou' for Wuzhong
    alternatives: tuple[str, ...]  # other spellings of the same place ('Bozen/Bolzano')

    def variants(self) -> list[str]:
        """Spellings to try in the gazetteer, best first."""
        seen: list[str] = []
        plain = _undecorate(self.primary)
        # An administrative division named for its parts ('Charlottenburg-Wilmersdorf'): each part, in order.
        parts = [part for part in re.split(r"[-‐]", plain) if len(part) > 2 and part[0].isupper()]
        for name in (self.primary, *self.alternatives, plain, self.text, *parts):
            if name and name not in seen:
                seen.append(name)
        return seen


def _undecorate(name: str) -> str:
    return _SUFFIX.sub("", _PREFIX.sub("", name)).strip()


def parse_place_name(text: str) -> PlaceName:
    text = _FOOTNOTE.sub("", text or "")
    text = text.strip().strip("\"'*†‡").strip()
    text = " ".join(text.split())
    containers: list[str] = [part.strip() for part in _PARENS.findall(text) if part.strip()]
    base = _PARENS.sub("", text).strip()
    alternatives: list[str] = []
    if _SPACED_DASH.search(base):
        # 'Waipa – Cambridge', 'Seoul – Songpa': the container first, then the place.
        parts = [part.strip() for part in _SPACED_DASH.split(base) if part.strip()]
        if parts:
            base = parts[-1]
            containers = [*parts[:-1], *containers]
    if "," in base:
        # 'Suzhou, Jiangsu': the place first, then where it is.
        parts = [part.strip() for part in base.split(",") if part.strip()]
        if parts:
            base = parts[0]
            containers = [*containers, *parts[1:]]
    if "/" in base:
        parts = [part.strip() for part in base.split("/") if part.strip()]
        if parts:
            base, alternatives = parts[0], parts[1:]
    return PlaceName(text=text, primary=base or text, containers=tuple(containers), alternatives=tuple(alternatives))


def _nz_index() -> dict[str, NzCouncil]:
    index: dict[str, NzCouncil] = {}
    by_slug = {council.slug: council for council in NZ_COUNCILS}
    for town, slug in TOWNS.items():
        index[fold_name(town)] = by_slug[slug]
    for council in NZ_COUNCILS:
        # Seats after towns, names and aliases last: 'Invercargill' is the city's, not Southland District's.
        index[fold_name(council.seat)] = council
    for council in NZ_COUNCILS:
        index[fold_name(council.name)] = council
        index[fold_name(council.slug)] = council
        for alias in council.aliases:
            index[fold_name(alias)] = council
    for council in NZ_COUNCILS:
        if council.slug in ("invercargill", "hutt-city"):
            index[fold_name(council.seat)] = council
    return index


_NZ = _nz_index()


def nz_council_for(name: PlaceName) -> NzCouncil | None:
    """The New Zealand territorial authority a list means by this name, if it is one."""
    for candidate in (name.text, name.primary, *name.containers, *name.alternatives, _undecorate(name.primary)):
        council = _NZ.get(fold_name(candidate))
        if council:
            return council
    return None
