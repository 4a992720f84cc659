"""The public site: read-only pages over published records. Views only translate."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tuhono.partnerships import page as partnership_page
from tuhono.partnerships import selectors
from tuhono.partnerships.enums import AllianceKind, PartnershipKind, PartnershipStatus
from tuhono.partnerships.facets import filter_choices_public
from tuhono.partnerships.paging import partnership_page_public

# A national or world register holds tens of thousands of ties: the list shows them a page at a time.
PARTNERSHIPS_PER_PAGE = 50


def partnership_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.PartnershipFilters.from_params(request.GET)
    page = partnership_page_public(filters, request.GET.get("page"), PARTNERSHIPS_PER_PAGE)
    partnerships = list(page.object_list)
    council_slug = filters.council or None
    # Alliances and networks are not sister cities: show them unless the list is narrowed by more than a council.
    show_multilateral = not (set(filters.as_params()) - {"council"})
    return render(
        request,
        "public/partnership_list.html",
        {
            "filters": filters,
            "partnerships": partnerships,
            "page": page,
            "groups": partnership_page.partnerships_grouped_by_region(partnerships),
            "alliances": list(selectors.alliance_list_public(kind=AllianceKind.ALLIANCE, council_slug=council_slug))
            if show_multilateral
            else [],
            "networks": list(selectors.alliance_list_public(kind=AllianceKind.NETWORK, council_slug=council_slug))
            if show_multilateral
            else [],
            "kind_choices": PartnershipKind.choices,
            "status_choices": PartnershipStatus.choices,
            **filter_choices_public().as_context(),
        },
    )


def partnership_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = selectors.partnership_get_public(slug=slug)
    if partnership is None:
        raise Http404("No published partnership at this address")
    return render(request, "public/partnership_detail.html", partnership_page.partnership_page_context(partnership))


def alliance_detail(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = selectors.alliance_list_public().filter(slug=slug).first()
    if alliance is None:
        raise Http404("No published alliance at this address")
    return render(request, "public/alliance_detail.html", {"alliance": alliance})
