"""Open data: the published register as CSV, JSON, GeoJSON, iCalendar, a DCAT catalogue and an Atom feed.

Published records and public fields only (the API's partnership_public representation).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar, Event, vRecur

from tuhono.core.dates import DatePrecision
from tuhono.core.spreadsheet import csv_writer
from tuhono.partnerships import selectors
from tuhono.partnerships.models import Milestone, Partnership
from tuhono.partnerships.public_record import partnership_public

LICENCE_URL = getattr(settings, "TUHONO_OPEN_DATA_LICENCE", "https://creativecommons.org/licenses/by/4.0/")
LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
ATTRIBUTION = (
    "Partner locations from GeoNames (CC BY 4.0, geonames.org). Map boundaries from Natural Earth (public domain). "
    "Records whose source names Wikipedia or an imported list come from Wikipedia's lists of twin towns and sister "
    "cities (CC BY-SA 4.0), as collected by Hekman/twincities (MIT)."
)
CSV_COLUMNS = [
    "id",
    "url",
    "council",
    "council_slug",
    "partner",
    "partner_country_code",
    "partner_country",
    "latitude",
    "longitude",
    "geonames_id",
    "kind",
    "status",
    "signed",
    "ended",
    "legacy_council",
    "focus_areas",
    "summary",
    "source",
]
UID_DOMAIN = "tuhono.register"


def _published() -> list[Partnership]:
    return list(selectors.partnership_queryset_public().order_by("council__name", "partner__name", "pk"))


def _rows(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for partnership in _published():
        data = partnership_public(partnership, request=request)
        data["source"] = partnership.source or None
        rows.append(data)
    return rows


def partnerships_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    # RFC 4180 (CRLF, text quoted), and no cell a spreadsheet would run as a formula.
    writer = csv_writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _rows(request):
        partner = row["partner"]
        writer.writerow(
            [
                row["id"],
                row["url"],
                row["council"]["name"],
                row["council"]["slug"],
                partner["name"],
                partner["country_code"],
                partner["country"],
                "" if partner["latitude"] is None else round(partner["latitude"], 6),
                "" if partner["longitude"] is None else round(partner["longitude"], 6),
                partner["geonames_id"] or "",
                row["kind"],
                row["status"],
                row["signed"] or "",
                row["ended"] or "",
                row["legacy_council"] or "",
                "; ".join(row["focus_areas"]),
                row["summary"],
                row["source"] or "",
            ]
        )
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = 'attachment; filename="partnerships.csv"'
    return response


def partnerships_json(request: HttpRequest) -> JsonResponse:
    rows = _rows(request)
    return JsonResponse(
        {"licence": LICENCE_URL, "attribution": ATTRIBUTION, "count": len(rows), "partnerships": rows},
        json_dumps_params={"ensure_ascii": False},
    )


def partnerships_geojson(request: HttpRequest) -> HttpResponse:
    """RFC 7946: a FeatureCollection of points at the partner, [longitude, latitude] in WGS 84."""
    features = []
    for row in _rows(request):
        partner = row["partner"]
        geometry = None
        if partner["latitude"] is not None and partner["longitude"] is not None:
            geometry = {
                "type": "Point",
                "coordinates": [round(partner["longitude"], 6), round(partner["latitude"], 6)],
            }
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": row})
    body = json.dumps(
        {"type": "FeatureCollection", "features": features, "licence": LICENCE_URL, "attribution": ATTRIBUTION},
        ensure_ascii=False,
    )
    response = HttpResponse(body.encode("utf-8"), content_type="application/geo+json")
    response["Content-Disposition"] = 'inline; filename="partnerships.geojson"'
    return response


def anniversaries_ics(request: HttpRequest) -> HttpResponse:
    """RFC 5545: one yearly all-day event per partnership signed on a known day, with a UID that never changes.

    A partnership whose date is recorded only to the year or month has no day to fall on: it is left out
    rather than given an invented one (the register and its pages show those years)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.TUHONO_ORGANISATION}//Tūhono partnership anniversaries//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Partnership anniversaries")
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for partnership in _published():
        if partnership.signed_on is None or partnership.status == "ended":
            continue
        if partnership.signed_precision != DatePrecision.DAY:
            continue
        event = Event()
        event.add("uid", f"partnership-{partnership.pk}-anniversary@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", partnership.signed_on)  # a date: an all-day event
        event.add("dtend", partnership.signed_on + dt.timedelta(days=1))
        event.add("rrule", vRecur(freq="yearly"))
        event.add("summary", f"Anniversary: {partnership.council.name} – {partnership.partner.name}")
        event.add("description", f"{partnership.get_kind_display()}. Signed on {partnership.signed_display}.")
        event.add("url", request.build_absolute_uri(reverse("public:partnership_detail", args=[partnership.slug])))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="anniversaries.ics"'
    return response


DOWNLOADS = [
    ("national:partnerships_csv", "Partnerships (CSV)", "text/csv", "CSV"),
    ("national:partnerships_json", "Partnerships (JSON)", "application/json", "JSON"),
    ("national:partnerships_geojson", "Partnerships on a map (GeoJSON)", "application/geo+json", "GeoJSON"),
    ("national:anniversaries_ics", "Anniversaries (iCalendar)", "text/calendar", "ICS"),
    ("national:feed", "New partnerships and milestones (Atom feed)", "application/atom+xml", "Atom"),
]


def catalogue(request: HttpRequest) -> JsonResponse:
    """A DCAT-US 1.1 data.json, as data.govt.nz harvests."""
    latest = selectors.published_in_scope().order_by("-updated_at").values_list("updated_at", flat=True).first()
    organisation = settings.TUHONO_ORGANISATION
    dataset = {
        "@type": "dcat:Dataset",
        "identifier": request.build_absolute_uri(reverse("national:data")),
        "title": f"International partnerships – {organisation}",
        "description": (
            "Sister-city, friendship-city and other international partnerships held by New Zealand councils: "
            "the council, the partner place and its location, the kind, status, date signed and focus areas."
        ),
        "keyword": ["sister cities", "international relations", "local government", "partnerships"],
        "modified": (latest or timezone.now()).date().isoformat(),
        "publisher": {"@type": "org:Organization", "name": organisation},
        "contactPoint": {
            "@type": "vcard:Contact",
            "fn": organisation,
            "hasEmail": f"mailto:{settings.TUHONO_CONTACT_EMAIL}",
        },
        "accessLevel": "public",
        "license": LICENCE_URL,
        "rights": ATTRIBUTION,
        "spatial": "New Zealand",
        "language": ["en-NZ"],
        "landingPage": request.build_absolute_uri(reverse("national:data")),
        "distribution": [
            {
                "@type": "dcat:Distribution",
                "title": title,
                "downloadURL": request.build_absolute_uri(reverse(name)),
                "mediaType": media_type,
                "format": fmt,
            }
            for name, title, media_type, fmt in DOWNLOADS
        ],
    }
    return JsonResponse(
        {
            "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
            "dataset": [dataset],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def data_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "national/data.html",
        {
            "downloads": [(reverse(name), title, fmt) for name, title, _, fmt in DOWNLOADS],
            "licence_url": LICENCE_URL,
            "licence_name": LICENCE_NAME,
            "count": selectors.published_in_scope().count(),
        },
    )


class PartnershipFeed(Feed):
    """New partnerships and published milestones, newest first."""

    feed_type = Atom1Feed
    title = "New international partnerships and milestones"
    subtitle = "Partnerships added to the register and events in their history."

    def link(self) -> str:
        return reverse("public:partnership_list")

    def items(self) -> list[Any]:
        partnerships = list(selectors.partnership_queryset_public().order_by("-created_at", "-pk")[:40])
        milestones = list(
            Milestone.objects.filter(published=True, partnership__in=selectors.published_in_scope())
            .select_related("partnership", "partnership__council", "partnership__partner")
            .order_by("-occurred_on", "-pk")[:40]
        )
        items: list[Any] = [*partnerships, *milestones]
        items.sort(key=self.item_updateddate, reverse=True)
        return items[:50]

    def item_title(self, item: Any) -> str:
        if isinstance(item, Milestone):
            return f"{item.partnership.council.name} – {item.partnership.partner.name}: {item.title}"
        return f"New partnership: {item.council.name} – {item.partner.name} ({item.partner.country_name})"

    def item_description(self, item: Any) -> str:
        if isinstance(item, Milestone):
            return f"{item.date_display}. {item.description}".strip()
        signed = f" Signed {item.signed_display}." if item.signed_on else ""
        return f"{item.get_kind_display()}.{signed} {item.summary}".strip()

    def item_link(self, item: Any) -> str:
        if isinstance(item, Milestone):
            url = reverse("public:partnership_detail", args=[item.partnership.slug])
            return f"{url}#milestone-{item.pk}"
        return reverse("public:partnership_detail", args=[item.slug])

    def item_guid(self, item: Any) -> str:
        kind = "milestone" if isinstance(item, Milestone) else "partnership"
        return f"tag:{UID_DOMAIN},2026:{kind}-{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item: Any) -> dt.datetime:
        if isinstance(item, Milestone):
            return timezone.make_aware(dt.datetime.combine(item.occurred_on, dt.time(12)))
        return item.created_at

    def item_pubdate(self, item: Any) -> dt.datetime:
        return self.item_updateddate(item)
