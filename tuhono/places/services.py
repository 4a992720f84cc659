from __future__ import annotations

from django.db import transaction

from . import gazetteer
from .countries import country_geonames_id, country_name
from .enums import PlaceKind
from .models import Place


@transaction.atomic
def place_get_or_create(
    *,
    name: str,
    country_code: str,
    kind: str = PlaceKind.CITY,
    latitude: float | None = None,
    longitude: float | None = None,
    alternate_names: list[str] | None = None,
    geonames_id: int | None = None,
) -> Place:
    """Return the register's Place for this name in this country, creating it.

    Cities are resolved through the offline gazetteer, so 'Fukuoka' in JP is
    one Place however it is spelt. Given coordinates win over the gazetteer's.
    A whole-country partner is keyed by the country's GeoNames id.
    """
    country_code = country_code.upper()
    if kind == PlaceKind.COUNTRY:
        geonames_id = country_geonames_id(country_code)
        place = Place.objects.filter(kind=PlaceKind.COUNTRY, country_code=country_code).first()
        if place:
            return place
        capital = gazetteer.capital_of(country_code)
        lat = capital.latitude if capital else None
        lng = capital.longitude if capital else None
        return Place.objects.create(
            name=name or country_name(country_code),
            ascii_name=gazetteer.fold_name(name or country_name(country_code)).title(),
            kind=PlaceKind.COUNTRY,
            country_code=country_code,
            latitude=latitude if latitude is not None else lat,
            longitude=longitude if longitude is not None else lng,
            geonames_id=geonames_id,
            alternate_names=alternate_names or [],
        )

    if geonames_id is not None:
        # The caller knows which place is meant (two Tomiokas in Japan).
        place = Place.objects.filter(geonames_id=geonames_id).first()
        if place:
            return place
        found = next(
            (p for p in gazetteer.candidates(name, country_code) if p.geonames_id == geonames_id),
            None,
        )
        if found is None:
            return _place_as_written(name, country_code, kind, latitude, longitude, alternate_names, geonames_id)
    else:
        found = gazetteer.lookup(name, country_code)
    if found:
        place = Place.objects.filter(geonames_id=found.geonames_id).first()
        if place:
            return place
        return Place.objects.create(
            name=name if gazetteer.fold_name(name) == gazetteer.fold_name(found.name) else found.name,
            ascii_name=found.name,
            kind=kind,
            country_code=country_code,
            latitude=latitude if latitude is not None else found.latitude,
            longitude=longitude if longitude is not None else found.longitude,
            population=found.population or None,
            geonames_id=found.geonames_id,
            alternate_names=list(dict.fromkeys([*(alternate_names or []), *_useful_alternates(found)])),
        )

    place = Place.objects.filter(country_code=country_code, name__iexact=name, geonames_id__isnull=True).first()
    if place:
        return place
    return _place_as_written(name, country_code, kind, latitude, longitude, alternate_names, None)


def _place_as_written(
    name: str,
    country_code: str,
    kind: str,
    latitude: float | None,
    longitude: float | None,
    alternate_names: list[str] | None,
    geonames_id: int | None,
) -> Place:
    """A place the gazetteer does not know: recorded with the name and coordinates the caller gave."""
    return Place.objects.create(
        name=name,
        ascii_name=gazetteer.fold_name(name).title(),
        kind=kind,
        country_code=country_code,
        latitude=latitude,
        longitude=longitude,
        geonames_id=geonames_id,
        alternate_names=alternate_names or [],
    )


def _useful_alternates(found: gazetteer.GazetteerPlace, limit: int = 12) -> list[str]:
    """A few alternate names, non-Latin scripts first (福岡市 before Fukuoka-shi)."""
    names = [n for n in found.alternate_names if n and n != found.name]
    names.sort(key=lambda n: (n.isascii(), len(n)))
    return names[:limit]
