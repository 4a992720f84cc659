"""The councils of the register, each with its partnerships.

A national install lists every council, a page at a time and searchable by name or region; a
council's own install has one council to show, its home council (and the former councils merged
into it, whose partnerships it continues)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, OuterRef, Q, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tuhono.councils.models import Council
from tuhono.councils.selectors import council_get
from tuhono.partnerships import facets, selectors, statistics
from tuhono.partnerships import page as partnership_page
from tuhono.partnerships.models import Partnership

COUNCILS_PER_PAGE = 100


def council_list(request: HttpRequest) -> HttpResponse:
    home_slug = selectors.home_council_slug()
    if home_slug:
        return redirect("national:council_detail", slug=home_slug)
    q = (request.GET.get("q") or "").strip()[:200]
    councils = Council.objects.filter(successor__isnull=True).select_related("seat")
    if q:
        councils = councils.filter(
            Q(name__icontains=q) | Q(maori_name__icontains=q) | Q(region__icontains=q) | Q(slug__icontains=q)
        )
    # New Zealand's councils first, then councils abroad that hold partnerships.
    holds = Exists(Partnership.objects.published().filter(council=OuterRef("pk")))
    councils = councils.filter(Q(country_code="NZ") | holds)
    abroad_last = Case(When(country_code="NZ", then=Value(0)), default=Value(1))
    page = Paginator(councils.order_by(abroad_last, "name", "pk"), COUNCILS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    # Counted for the page's councils only: a national register's councils hold tens of thousands.
    counts = facets.published_counts([c.pk for c in rows])
    for council in rows:
        council.partnership_count = counts.get(council.pk, 0)  # type: ignore[attr-defined]
    summary = facets.council_summary_public()
    return render(
        request,
        "national/council_list.html",
        {
            "q": q,
            "page": page,
            "home_councils": [c for c in rows if c.country_code == "NZ"],
            "abroad_councils": [c for c in rows if c.country_code != "NZ"],
            "totals": summary,
            "with_partnerships": summary["with_partnerships"],
        },
    )


def council_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_get(slug=slug)
    if council is None:
        raise Http404("No council at this address")
    home_slug = selectors.home_council_slug()
    if home_slug and home_slug not in (council.slug, getattr(council.successor, "slug", None)):
        raise Http404("This site publishes one council's register")
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
            "national": selectors.is_national_install(),
            "partnerships": partnerships,
            "groups": partnership_page.partnerships_grouped_by_region(partnerships),
            "others": [p for p in partnerships if p.kind == "strategic_alliance"],
            "legacy_councils": legacy,
            "anniversaries": statistics.anniversaries_upcoming(council_slug=slug),
        },
    )
