"""The demonstration register's recent activity: a staff-only record of the latest exchange on each tie, so
that the dormant check (no activity for TUHONO_DORMANT_YEARS) finds only the ties the demo leaves quiet.

Recorded through `milestone_add` as unpublished milestones: they are illustrative, so the public pages never
show them.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..enums import MilestoneKind, PartnershipStatus
from ..milestone_services import milestone_add
from ..models import Partnership

ACTIVITY_TITLE = "Partnership exchange (demonstration record)"

# Ties the demo leaves with nothing recorded in recent years: these, and only these, are dormant.
QUIET = frozenset(
    {
        ("ashburton", "Pulaski"),
        ("clutha", "Nantan"),
        ("gisborne", "Palm Desert"),
        ("gore", "Tamworth"),
        ("hutt-city", "Tempe"),
        ("marlborough", "Otari"),
        ("nelson", "Eureka"),
        ("rotorua", "Klamath Falls"),
        ("south-taranaki", "Harbin"),
        ("stratford", "Stratford-upon-Avon"),
        ("upper-hutt", "Mesa"),
        ("waimakariri", "Zonnebeke"),
    }
)


@transaction.atomic
def demo_activity_load(*, today: dt.date | None = None) -> str:
    """One recent exchange for each live tie outside `QUIET`, 2 to 30 months ago. Idempotent."""
    today = today or timezone.localdate()
    added = 0
    live = (
        Partnership.objects.exclude(status__in=[PartnershipStatus.ENDED, PartnershipStatus.PROPOSED])
        .exclude(milestones__title=ACTIVITY_TITLE)
        .select_related("council", "partner")
        .order_by("council__slug", "partner__name", "pk")
    )
    for index, partnership in enumerate(live):
        if (partnership.council.slug, partnership.partner.name) in QUIET:
            continue
        months = 2 + (index * 7) % 29
        milestone_add(
            actor=None,
            partnership=partnership,
            occurred_on=today - dt.timedelta(days=months * 30),
            precision="month",
            kind=MilestoneKind.EXCHANGE,
            title=ACTIVITY_TITLE,
            description="A meeting, exchange or visit recorded by the council's partnerships team.",
            published=False,
        )
        added += 1
    return f"{added} recent activity records added"
