"""The public transparency register of foreign arrangements.

It reads due diligence through one selector only, `transparency_register`,
which returns public fields; this module imports no vetting model.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuhono.vetting.selectors import transparency_register


def transparency(request: HttpRequest) -> HttpResponse:
    arrangements = transparency_register()
    return render(
        request,
        "public/transparency.html",
        {
            "arrangements": arrangements,
            "notified_count": sum(1 for a in arrangements if a.government_notified),
            "published_count": sum(1 for a in arrangements if a.agreement_published),
        },
    )
