"""Insights: the register counted, for the nation or one council; anniversaries; what needs attention."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import scope_to_user_council, user_has_role, user_reads_all_councils
from tuhono.councils.models import Council
from tuhono.councils.selectors import council_get
from tuhono.partnerships import attention as attention_rules
from tuhono.partnerships import selectors, statistics
from tuhono.partnerships.models import Partnership

from ..charts import bar_chart


def _list_link(council_slug: str, **params: str) -> str:
    query = {**({"council": council_slug} if council_slug else {}), **params}
    return f"{reverse('public:partnership_list')}?{urlencode(query)}"


def insights(request: HttpRequest) -> HttpResponse:
    slug = selectors.home_council_slug() or (request.GET.get("council") or "").strip()[:200]
    council = council_get(slug=slug) if slug else None
    error = ""
    if slug and council is None:
        error = f"There is no council '{slug}': showing the whole register."
        slug = ""
    council_slug = council.slug if council else None
    charts = [
        bar_chart(
            "country",
            "Partnerships by partner country",
            statistics.by_country(council_slug=council_slug),
            column="Country",
            link=lambda t: _list_link(slug, country=t.key),
        ),
        bar_chart(
            "decade",
            "Partnerships by decade signed",
            statistics.by_decade(council_slug=council_slug),
            column="Decade",
            link=lambda t: _list_link(slug, decade=t.key),
        ),
        bar_chart(
            "kind",
            "Partnerships by kind",
            statistics.by_kind(council_slug=council_slug),
            column="Kind",
            link=lambda t: _list_link(slug, kind=t.key),
        ),
        bar_chart(
            "status",
            "Partnerships by status",
            statistics.by_status(council_slug=council_slug),
            column="Status",
            link=lambda t: _list_link(slug, status=t.key),
        ),
        bar_chart(
            "focus",
            "Partnerships by focus area",
            statistics.by_focus_area(council_slug=council_slug),
            column="Focus area",
            link=lambda t: _list_link(slug, focus=t.key),
        ),
    ]
    councils = (
        Council.objects.filter(successor__isnull=True, partnerships__published=True).distinct().order_by("name")
        if selectors.is_national_install()
        else Council.objects.none()
    )
    return render(
        request,
        "national/insights.html",
        {
            "council": council,
            "error": error,
            "charts": charts,
            "totals": statistics.totals(council_slug=council_slug),
            "anniversaries": statistics.anniversaries_upcoming(council_slug=council_slug),
            "councils": councils,
        },
    )


@login_required
def attention(request: HttpRequest) -> HttpResponse:
    """For staff: their council's dormant partnerships and those due for review (all, for the national view).

    The rules are the register's own (`partnerships.attention`), the same the staff queues use; the page
    lets staff try another number of years than the settings' (TUHONO_DORMANT_YEARS, a triennium's review).
    """
    if not user_has_role(request.user, *Role.values):
        raise PermissionDenied("This page is for council staff.")
    errors: dict[str, str] = {}
    years: dict[str, int] = {}
    for name, default in (
        ("dormant_years", settings.TUHONO_DORMANT_YEARS),
        ("review_years", attention_rules.REVIEW_YEARS),
    ):
        raw = (request.GET.get(name) or "").strip()
        if raw and (not raw.isdigit() or not 1 <= int(raw) <= 50):
            errors[name] = "Enter a whole number of years from 1 to 50."
        years[name] = int(raw) if raw and name not in errors else default
    scoped = scope_to_user_council(Partnership.objects.all(), request.user)

    def listed(queryset: QuerySet[Partnership]) -> list[Partnership]:
        return list(
            queryset.select_related("council", "partner")
            .annotate(last_milestone=Max("milestones__occurred_on"))
            .order_by("council__name", "partner__name")
        )

    return render(
        request,
        "national/attention.html",
        {
            "dormant": listed(attention_rules.partnerships_dormant(scoped, years=years["dormant_years"])),
            "due": listed(attention_rules.partnerships_due_for_review(scoped, years=years["review_years"])),
            "years": years,
            "errors": errors,
            "national": user_reads_all_councils(request.user),
            "council": getattr(request.user, "council", None),
        },
    )
