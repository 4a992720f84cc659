"""The councils of the national register, each with its partnerships."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tuhono.councils.models import Council
from tuhono.councils.selectors import council_get, council_list_public
from tuhono.partnerships import selectors, statistics


def council_list(request: HttpRequest) -> HttpResponse:
    councils = list(council_list_public())
    home = [c for c in councils if c.country_code == "NZ"]
    abroad = [c for c in councils if c.country_code != "NZ" and getattr(c, "partnership_count", None)]
    return render(
        request,
        "national/council_list.html",
        {
            "home_councils": home,
            "abroad_councils": abroad,
            "totals": statistics.totals(),
            "with_partnerships": sum(1 for c in home if getattr(c, "partnership_count", None)),
        },
    )


def council_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_get(slug=slug)
    if council is None:
        raise Http404("No council at this address")
    partnerships = list(selectors.partnership_list_public(selectors.PartnershipFilters(council=slug)))
    legacy = list(
        Council.objects.filter(successor=council)
        .annotate(n=Count("originated_partnerships", filter=Q(originated_partnerships__published=True)))
        .order_by("name")
    )
    return render(
        request,
        "national/council_detail.html",
        {
            "council": council,
            "partnerships": partnerships,
            "groups": selectors.partnerships_grouped_by_country(partnerships),
            "others": [p for p in partnerships if p.kind == "strategic_alliance"],
            "legacy_councils": legacy,
            "anniversaries": statistics.anniversaries_upcoming(council_slug=slug),
        },
    )
