"""The public transparency register of foreign arrangements.

It reads due diligence through one selector only, `transparency_register`,
which returns public fields; this module imports no vetting model.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuhono.vetting.selectors import transparency_register


def transparency(request: HttpRequest) -> HttpResponse:
    everything = transparency_register()
    councils = sorted({(row.council_slugs[0], row.council) for row in everything if row.council})
    council = (request.GET.get("council") or "").strip()[:200]
    if council not in {slug for slug, _ in councils}:
        council = ""
    arrangements = [row for row in everything if council in row.council_slugs] if council else everything
    return render(
        request,
        "public/transparency.html",
        {
            "arrangements": arrangements,
            "councils": councils,
            "council": council,
            "notified_count": sum(1 for a in arrangements if a.government_notified),
            "published_count": sum(1 for a in arrangements if a.agreement_published),
        },
    )
