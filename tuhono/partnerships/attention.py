"""What in the register needs someone's attention: dormant ties, ties due for review, anniversaries coming
up and drafts to publish. Each works on a queryset already scoped to what the person may see, and asks the
database, so a national register of tens of thousands of partnerships is answered in a few queries.

Dormant: nothing recorded for `TUHONO_DORMANT_YEARS` years: no milestone, no entry in the contacts log, no
visit, and not signed in that time (recording a status is book-keeping, not activity). The contacts log and
visits are read through their relations to a partnership, so this module needs no other domain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .enums import MilestoneKind, PartnershipStatus
from .models import Milestone, Partnership

REVIEW_YEARS = 3  # a council reviews its partnerships each triennium
ANNIVERSARY_YEARS = (10, 20, 25, 30, 40, 50, 60, 70)


def years_before(value: dt.date, years: int) -> dt.date:
    try:
        return value.replace(year=value.year - years)
    except ValueError:  # 29 February
        return value.replace(year=value.year - years, day=28)


def _live(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    return queryset.exclude(status__in=[PartnershipStatus.ENDED, PartnershipStatus.PROPOSED])


def partnerships_dormant(
    queryset: QuerySet[Partnership], *, today: dt.date | None = None, years: int | None = None
) -> QuerySet[Partnership]:
    """Live partnerships with no recorded activity for `years` (default TUHONO_DORMANT_YEARS)."""
    today = today or timezone.localdate()
    since = years_before(today, years if years is not None else settings.TUHONO_DORMANT_YEARS)
    recent_milestone = Milestone.objects.filter(partnership=OuterRef("pk"), occurred_on__gte=since)
    with_contact = Partnership.objects.filter(contact_log_entries__occurred_on__gte=since).values("pk")
    with_visit = Partnership.objects.filter(
        Q(visits__starts_on__gte=since) | Q(visits__proposed_start__gte=since) | Q(visits__created_at__date__gte=since)
    ).values("pk")
    return (
        _live(queryset)
        .exclude(signed_on__gte=since)
        .exclude(Exists(recent_milestone))
        .exclude(pk__in=with_contact)
        .exclude(pk__in=with_visit)
    )


def partnerships_due_for_review(
    queryset: QuerySet[Partnership], *, today: dt.date | None = None, years: int = REVIEW_YEARS
) -> QuerySet[Partnership]:
    """Live partnerships not re-signed, re-confirmed, signed or changed in status for `years`."""
    today = today or timezone.localdate()
    since = years_before(today, years)
    reviewed = Milestone.objects.filter(
        partnership=OuterRef("pk"),
        kind__in=[MilestoneKind.RESIGNED, MilestoneKind.RECONFIRMED],
        occurred_on__gte=since,
    )
    return _live(queryset).exclude(signed_on__gte=since).exclude(status_changed_on__gte=since).exclude(Exists(reviewed))


def partnerships_to_publish(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    """Drafts: recorded but not yet on the public register (ended ones are history, not drafts)."""
    return queryset.filter(published=False).exclude(status=PartnershipStatus.ENDED)


@dataclass(frozen=True)
class ComingAnniversary:
    partnership: Partnership
    years: int
    on: dt.date


def anniversaries_coming(
    queryset: QuerySet[Partnership], *, today: dt.date | None = None, days: int = 120
) -> list[ComingAnniversary]:
    """Round anniversaries of signing (10, 20, 25, ... years) in the next `days` days, soonest first."""
    today = today or timezone.localdate()
    end = today + dt.timedelta(days=days)
    candidate_years = sorted({year - n for n in ANNIVERSARY_YEARS for year in range(today.year, end.year + 1)})
    found = []
    for partnership in (
        queryset.exclude(status=PartnershipStatus.ENDED)
        .filter(signed_on__year__in=candidate_years)
        .select_related("partner", "council")
    ):
        signed = partnership.signed_on
        assert signed is not None
        for years in ANNIVERSARY_YEARS:
            try:
                on = signed.replace(year=signed.year + years)
            except ValueError:
                on = signed.replace(year=signed.year + years, day=28)
            if today <= on <= end:
                found.append(ComingAnniversary(partnership, years, on))
    found.sort(key=lambda item: (item.on, item.partnership.partner.name))
    return found
