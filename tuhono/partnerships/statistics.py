"""Counting the register for insights: by country, decade, kind, status and focus area; anniversaries;
Public figures count published records only. What needs staff attention (dormant ties, ties due for
review) is decided in `attention`, the one place those rules live."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tuhono.core.dates import DatePrecision
from tuhono.places.countries import country_name

from .enums import PartnershipKind, PartnershipStatus
from .models import Partnership
from .selectors import published_in_scope

UPCOMING_ANNIVERSARY_YEARS = (10, 20, 25, 30, 40, 50)


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


def _published(council_slug: str | None = None) -> QuerySet[Partnership]:
    queryset = published_in_scope()
    if council_slug:
        queryset = queryset.filter(council__slug=council_slug)
    return queryset


def _top(counts: list[Tally], limit: int | None) -> list[Tally]:
    if limit is None or len(counts) <= limit:
        return counts
    rest = sum(item.count for item in counts[limit - 1 :])
    return [*counts[: limit - 1], Tally(key="", label="All others", count=rest)]


def by_country(*, council_slug: str | None = None, limit: int | None = 12) -> list[Tally]:
    rows = (
        _published(council_slug)
        .values("partner__country_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "partner__country_code")
    )
    counts = [Tally(r["partner__country_code"], country_name(r["partner__country_code"]), r["n"]) for r in rows]
    counts.sort(key=lambda item: (-item.count, item.label))
    return _top(counts, limit)


def by_decade(*, council_slug: str | None = None) -> list[Tally]:
    years = _published(council_slug).filter(signed_on__isnull=False).values_list("signed_on", flat=True)
    decades: dict[int, int] = {}
    for value in filter(None, years):
        decades[value.year // 10 * 10] = decades.get(value.year // 10 * 10, 0) + 1
    counts = [Tally(str(decade), f"{decade}s", n) for decade, n in sorted(decades.items())]
    unknown = _published(council_slug).filter(signed_on__isnull=True).count()
    if unknown:
        counts.append(Tally("", "Date not recorded", unknown))
    return counts


def _by_choice(field: str, choices: Any, council_slug: str | None) -> list[Tally]:
    rows = dict(_published(council_slug).values_list(field).annotate(n=Count("pk")).order_by())
    return [Tally(value, label, rows[value]) for value, label in choices if rows.get(value)]


def by_kind(*, council_slug: str | None = None) -> list[Tally]:
    return _by_choice("kind", PartnershipKind.choices, council_slug)


def by_status(*, council_slug: str | None = None) -> list[Tally]:
    return _by_choice("status", PartnershipStatus.choices, council_slug)


def by_focus_area(*, council_slug: str | None = None, limit: int | None = 12) -> list[Tally]:
    rows = (
        _published(council_slug)
        .values("focus_areas__slug", "focus_areas__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "focus_areas__name")
    )
    counts = [Tally(r["focus_areas__slug"], r["focus_areas__name"], r["n"]) for r in rows if r["focus_areas__slug"]]
    return _top(counts, limit)


def totals(*, council_slug: str | None = None) -> dict[str, int]:
    queryset = _published(council_slug)
    return queryset.aggregate(
        partnerships=Count("pk"),
        active=Count("pk", filter=Q(status=PartnershipStatus.ACTIVE)),
        countries=Count("partner__country_code", distinct=True),
        councils=Count("council", distinct=True),
    )


@dataclass(frozen=True)
class UpcomingAnniversary:
    partnership: Partnership
    years: int
    on: dt.date  # the day, or the first day of the month or year when only that is known
    precision: str

    @property
    def when(self) -> str:
        if self.precision == DatePrecision.YEAR:
            return str(self.on.year)
        if self.precision == DatePrecision.MONTH:
            return self.on.strftime("%B %Y")
        return f"{self.on.day} {self.on:%B %Y}"


def _add_years(value: dt.date, years: int) -> dt.date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def anniversaries_upcoming(
    *, today: dt.date | None = None, months: int = 24, council_slug: str | None = None
) -> list[UpcomingAnniversary]:
    """Round anniversaries (10, 20, 25, 30, 40, 50 years) falling in the next `months` months.

    A date known only to the year counts when that year overlaps the window.
    """
    today = today or timezone.localdate()
    end_month = today.month - 1 + months
    window_end = dt.date(today.year + end_month // 12, end_month % 12 + 1, 1)
    queryset = (
        _published(council_slug)
        .filter(signed_on__isnull=False)
        .exclude(status=PartnershipStatus.ENDED)
        .select_related("council", "partner")
    )
    found: list[UpcomingAnniversary] = []
    for partnership in queryset:
        assert partnership.signed_on is not None
        for years in UPCOMING_ANNIVERSARY_YEARS:
            on = _add_years(partnership.signed_on, years)
            precision = partnership.signed_precision
            if precision == DatePrecision.YEAR:
                inside = today.year <= on.year < window_end.year or (
                    on.year == window_end.year and window_end.month > 1
                )
            elif precision == DatePrecision.MONTH:
                inside = (today.year, today.month) <= (on.year, on.month) and on < window_end
            else:
                inside = today <= on < window_end
            if inside:
                found.append(UpcomingAnniversary(partnership, years, on, precision))
    found.sort(key=lambda item: (item.on, item.partnership.council.name, item.partnership.partner.name))
    return found
