"""The partnerships map page. The map is drawn in the browser from /api/map.geojson; the page itself
carries the same partnerships as a table, so it works without JavaScript and with a screen reader."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from tuhono.partnerships import selectors
from tuhono.partnerships.enums import AllianceKind, PartnershipKind, PartnershipStatus
from tuhono.partnerships.facets import filter_choices_public
from tuhono.partnerships.paging import partnership_page_public

# The map's first request: the world at this zoom level (tuhono/api/map_clusters.py); it then asks
# for the zoom and area it shows, if the register is large enough to come grouped.
FIRST_LEVEL = 1
# The table under the map is paged so that a national or world register still sends a small page.
TABLE_PAGE_SIZE = 200


def filter_choices() -> dict[str, Any]:
    """What the filter form offers: shared by the list and the map."""
    return {
        "kind_choices": PartnershipKind.choices,
        "status_choices": PartnershipStatus.choices,
        **filter_choices_public().as_context(),
    }


def map_data_url(filters: selectors.PartnershipFilters) -> str:
    query = urlencode(filters.as_params())
    return reverse("api:map_geojson") + (f"?{query}" if query else "")


def map_first_data_url(filters: selectors.PartnershipFilters) -> str:
    """What the map asks for first, named in the page so that the browser fetches it early: the
    whole world at a fixed, wide zoom level, one address for every visitor (and so cached)."""
    query = urlencode({**filters.as_params(), "properties": "brief", "zoom": FIRST_LEVEL})
    return f"{reverse('api:map_geojson')}?{query}"


def partnership_map(request: HttpRequest) -> HttpResponse:
    filters = selectors.PartnershipFilters.from_params(request.GET)
    page = partnership_page_public(filters, request.GET.get("page"), TABLE_PAGE_SIZE)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "public/partnership_map.html",
        {
            "filters": filters,
            "page": page,
            "partnerships": page.object_list,
            "page_query": params.urlencode(),
            "map_data_url": map_data_url(filters),
            "map_first_url": map_first_data_url(filters),
            "alliances": list(selectors.alliance_list_public(kind=AllianceKind.ALLIANCE)),
            "networks": list(selectors.alliance_list_public(kind=AllianceKind.NETWORK)),
            **filter_choices(),
        },
    )
