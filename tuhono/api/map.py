"""The map's data as GeoJSON (RFC 7946): one Point per published partnership, public fields only.

The same filters as the list apply. Three queries whatever the size of the register: the
partnerships, their focus areas and the councils' seats. Rows are read as plain values, so a
national or world register (tens of thousands of pairs) is written out in well under a second.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from tuhono.core.dates import iso_partial_date
from tuhono.councils.models import Council
from tuhono.partnerships import selectors
from tuhono.partnerships.enums import AllianceKind, PartnershipKind, PartnershipStatus
from tuhono.partnerships.models import Partnership
from tuhono.places.countries import country_name, country_numeric

from .map_clusters import MapView, full_limit, grouped_features

GEOJSON = "application/geo+json"
FIELDS = (
    "pk",
    "slug",
    "kind",
    "status",
    "signed_on",
    "signed_precision",
    "summary",
    "council_id",
    "partner__name",
    "partner__kind",
    "partner__country_code",
    "partner__latitude",
    "partner__longitude",
)


def _focus_areas(partnerships: QuerySet[Partnership]) -> dict[int, list[str]]:
    through = Partnership.focus_areas.through
    rows = (
        through.objects.filter(partnership__in=partnerships.values("pk"))
        .order_by("focusarea__name")
        .values_list("partnership_id", "focusarea__name")
    )
    areas: dict[int, list[str]] = defaultdict(list)
    for partnership_id, name in rows:
        areas[partnership_id].append(name)
    return areas


def map_features(
    filters: selectors.PartnershipFilters, *, brief: bool = False, view: MapView | None = None
) -> dict[str, Any]:
    """A FeatureCollection of the filtered partnerships, with the councils as a foreign member.

    `brief` leaves out the summary, focus areas and address: what the map draws, for a register of
    tens of thousands of pairs. The map reads the rest from /api/partnerships/<id> when one is opened.
    With a `view` (zoom level, area), a brief answer for a register larger than the map is sent
    whole is grouped for that zoom (map_clusters.py).
    """
    partnerships = (
        selectors.partnership_list_public(filters)
        .select_related(None)
        .prefetch_related(None)
        .filter(partner__latitude__isnull=False, partner__longitude__isnull=False)
        .order_by("partner__longitude", "pk")
    )
    rows = list(partnerships.values(*FIELDS, *(() if brief else ("last_resigned_on",))))
    areas = {} if brief else _focus_areas(partnerships)
    digits = 4 if brief else 5
    council_ids = {row["council_id"] for row in rows}
    councils = {
        council.pk: council
        for council in Council.objects.filter(pk__in=council_ids).select_related("seat").order_by("name")
    }
    kind_labels = dict(PartnershipKind.choices)
    status_labels = dict(PartnershipStatus.choices)
    detail_url = reverse("public:partnership_detail", args=["slug"]).removesuffix("slug/")
    numeric = functools.cache(country_numeric)

    def feature(row: dict[str, Any]) -> dict[str, Any]:
        code = row["partner__country_code"]
        council = councils[row["council_id"]]
        properties: dict[str, Any] = {
            "slug": row["slug"],
            "name": row["partner__name"],
            "place_kind": row["partner__kind"],
            "country_numeric": numeric(code),
            "kind": row["kind"],
            "status": row["status"],
            "signed": iso_partial_date(row["signed_on"], row["signed_precision"]),
            "council": council.slug,
        }
        if not brief:
            properties["country_code"] = code
            properties["country"] = country_name(code)
            properties["kind_label"] = kind_labels.get(row["kind"], row["kind"])
            properties["status_label"] = status_labels.get(row["status"], row["status"])
            properties["url"] = f"{detail_url}{row['slug']}/"
            properties["focus_areas"] = areas.get(row["pk"], [])
            properties["summary"] = row["summary"]
            resigned = row["last_resigned_on"]
            properties["resigned"] = iso_partial_date(resigned, "year") if resigned else None
        return {
            "type": "Feature",
            "id": row["pk"],
            "geometry": {
                "type": "Point",
                "coordinates": [round(row["partner__longitude"], digits), round(row["partner__latitude"], digits)],
            },
            "properties": properties,
        }

    view = view or MapView()
    # Grouped only when the map says its zoom and the register is too large to send whole.
    group_level = view.level if brief and len(rows) > full_limit() else None
    if group_level is not None:
        area = view.area
        shown = [r for r in rows if area is None or area.contains(r["partner__longitude"], r["partner__latitude"])]
        features = grouped_features(shown, group_level, feature, digits)
    else:
        features = [feature(row) for row in rows]
    collection: dict[str, Any] = {
        "type": "FeatureCollection",
        "features": features,
        # A foreign member (RFC 7946 section 6.1): the councils the features belong to, at their seats.
        "councils": [
            {
                "slug": council.slug,
                "name": council.name,
                "maori_name": council.maori_name or None,
                "country_numeric": country_numeric(council.country_code),
                "coordinates": [council.seat.longitude, council.seat.latitude]
                if council.seat and council.seat.latitude is not None and council.seat.longitude is not None
                else None,
            }
            for council in councils.values()
        ],
        # Another: the alliances drawn as lines between their members (the Tripartite Economic Alliance).
        "alliances": alliance_lines(),
    }
    if brief:
        # Foreign members again: the names the brief features leave out, given once, and for every
        # partnership of the filter (grouped or outside the area asked for, too).
        codes = {row["partner__country_code"] for row in rows}
        collection["countries"] = {numeric(code): country_name(code) for code in sorted(codes)}
        collection["country_codes"] = {numeric(code): code for code in sorted(codes)}
        collection["labels"] = {"kind": kind_labels, "status": status_labels}
        collection["total"] = len(rows)
        collection["grouped"] = group_level is not None
        if group_level is not None:
            collection["zoom"] = group_level
    return collection


def _member_point(member: Any) -> list[float] | None:
    place = member.council.seat if member.council else member.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return [round(place.longitude, 4), round(place.latitude, 4)]


def alliance_lines() -> list[dict[str, Any]]:
    """Published alliances of this install with at least two members on the map: their members' points."""
    lines = []
    for alliance in selectors.alliance_list_public(kind=AllianceKind.ALLIANCE).prefetch_related(
        "members__council__seat"
    ):
        members = [m for m in alliance.members.all() if _member_point(m)]
        if len(members) >= 2:
            lines.append(
                {
                    "slug": alliance.slug,
                    "name": alliance.name,
                    "members": [str(m) for m in members],
                    "coordinates": [_member_point(m) for m in members],
                }
            )
    return lines


def map_geojson(request: HttpRequest) -> HttpResponse:
    filters = selectors.PartnershipFilters.from_params(request.GET)
    view = MapView.from_params(request.GET)
    if filters.errors or view.errors:
        return JsonResponse(
            {"error": "Some parameters are not valid.", "details": {**filters.errors, **view.errors}},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    brief = request.GET.get("properties") == "brief"
    collection = map_features(filters, brief=brief, view=view)
    body = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, content_type=f"{GEOJSON}; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="partnerships.geojson"'
    return response
