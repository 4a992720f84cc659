"""The register as the public may see it (API, open-data exports, feeds). Only public fields: a new field appears
here on purpose or not at all."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tuhono.core.dates import iso_partial_date
from tuhono.councils.models import Council
from tuhono.partnerships.models import Partnership
from tuhono.places.models import Place


def place_public(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "kind": place.kind,
        "country_code": place.country_code,
        "country": place.country_name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geonames_id": place.geonames_id,
        "alternate_names": place.alternate_names,
    }


def council_public(council: Council, *, partnership_count: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": council.pk,
        "slug": council.slug,
        "name": council.name,
        "maori_name": council.maori_name or None,
        "region": council.region or None,
        "country_code": council.country_code,
        "website": council.website or None,
        "latitude": council.seat.latitude if council.seat else None,
        "longitude": council.seat.longitude if council.seat else None,
    }
    if partnership_count is not None:
        data["partnership_count"] = partnership_count
    return data


def partnership_public(partnership: Partnership, *, request: Any = None) -> dict[str, Any]:
    url = reverse("public:partnership_detail", args=[partnership.slug])
    return {
        "id": partnership.pk,
        "slug": partnership.slug,
        "url": request.build_absolute_uri(url) if request is not None else url,
        "council": {"id": partnership.council_id, "slug": partnership.council.slug, "name": partnership.council.name},
        "partner": place_public(partnership.partner),
        "partner_authority": partnership.partner_authority or None,
        "partner_website": partnership.partner_website or None,
        "kind": partnership.kind,
        "kind_label": partnership.get_kind_display(),
        "status": partnership.status,
        "signed": iso_partial_date(partnership.signed_on, partnership.signed_precision),
        "signed_basis": partnership.signed_basis or None,
        "resigned": str(resigned.year) if (resigned := getattr(partnership, "last_resigned_on", None)) else None,
        "ended": iso_partial_date(partnership.ended_on, partnership.ended_precision),
        "legacy_council": partnership.legacy_council.name if partnership.legacy_council else None,
        "owner": partnership.owner_name if partnership.owner_kind == "community" else partnership.council.name,
        "focus_areas": [area.name for area in partnership.focus_areas.all()],
        "summary": partnership.summary,
    }
