"""A private iCalendar feed of upcoming visits, reached by a secret address calendar apps can subscribe to."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from icalendar import Calendar, Event

from tuhono.visits import selectors, services

from ..access import staff_required


@staff_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.calendar_token_rotate(user=request.user)
        messages.success(request, "Your calendar has a new address; the old one no longer works.")
        return redirect("staff:calendar")
    token = services.calendar_token_get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("staff:calendar_feed")) + f"?token={token.token}"
    return render(
        request,
        "staff/calendar.html",
        {"feed_url": feed_url, "upcoming": list(selectors.visits_upcoming_for_user(request.user)[:50])},
    )


@never_cache
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """No session: the secret token is the key. Shows only what the token's owner may read."""
    user = selectors.calendar_user_for_token(request.GET.get("token", ""))
    if user is None:
        raise Http404("No calendar at this address")
    calendar = Calendar()
    calendar.add("prodid", "-//Tūhono//Visits//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Visits – {settings.TUHONO_ORGANISATION}")
    stamp = timezone.now()
    for visit in selectors.visits_upcoming_for_user(user):
        first, last = visit.first_day, visit.last_day
        if first is None:
            continue
        event = Event()
        event.add("uid", f"visit-{visit.pk}@tuhono")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", (last or first) + dt.timedelta(days=1))
        tentative = visit.starts_on is None
        event.add("summary", f"{visit.reference} {visit.organisation}" + (" (to be confirmed)" if tentative else ""))
        event.add("description", f"{visit.get_kind_display()} – {visit.get_state_display()}")
        event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
        event.add("url", request.build_absolute_uri(reverse("staff:visit_detail", args=[visit.pk])))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="visits.ics"'
    return response
