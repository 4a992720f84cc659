"""Deadlines due diligence keeps: parties to screen again, advice to chase, decisions to review, and the
notice to government within `TUHONO_NOTICE_DAYS` (14) days of signing a foreign arrangement.

The notice deadline is public knowledge (the transparency register shows each notice), so
`notices_due` returns only the partnership and its date and may be shown to partnerships officers and
the national coordinator; everything else here is for the council's security officers and approvers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from tuhono.partnerships.enums import PartnershipStatus
from tuhono.partnerships.models import Partnership

from ..enums import AssessmentStatus, NoticeStage, ScreeningStatus
from ..models import Advice, Arrangement, ArrangementNotice, Assessment, Decision, ScreenedParty
from .common import council_scoped

# A partnership signed in the last year is a new arrangement; older ones are notified only when recorded as one.
NEW_ARRANGEMENT_DAYS = 365


def parties_to_screen(*, user: Any, now: dt.datetime | None = None) -> QuerySet[ScreenedParty]:
    """Parties never screened, or last screened longer ago than TUHONO_SCREENING_STALE_DAYS."""
    now = now or timezone.now()
    stale_before = now - dt.timedelta(days=settings.TUHONO_SCREENING_STALE_DAYS)
    return (
        council_scoped(ScreenedParty.objects.all(), user)
        .filter(Q(status=ScreeningStatus.PENDING) | Q(screened_at__lt=stale_before))
        .order_by("screened_at", "pk")
    )


def assessments_in(*, user: Any, status: str) -> QuerySet[Assessment]:
    return council_scoped(Assessment.objects.all(), user).filter(status=status).order_by("created_at", "pk")


def advice_unanswered(*, user: Any) -> QuerySet[Advice]:
    return (
        council_scoped(Advice.objects.all(), user, "assessment__council")
        .filter(answered_on__isnull=True)
        .select_related("assessment")
        .order_by("sought_on", "pk")
    )


def decisions_to_review(*, user: Any, today: dt.date | None = None, within_days: int = 60) -> QuerySet[Decision]:
    """The latest decision of each decided case whose review date is near or past."""
    today = today or timezone.localdate()
    return (
        council_scoped(Decision.objects.all(), user, "assessment__council")
        .filter(assessment__status=AssessmentStatus.DECIDED, review_on__lte=today + dt.timedelta(days=within_days))
        .select_related("assessment")
        .order_by("review_on", "pk")
    )


def notice_days() -> int:
    return settings.TUHONO_NOTICE_DAYS


@dataclass(frozen=True)
class NoticeDue:
    partnership: Partnership
    due_on: dt.date
    overdue: bool


def _awaiting_notice(partnerships: QuerySet[Partnership], today: dt.date) -> QuerySet[Partnership]:
    """Signed, live arrangements (signed in the last year, or recorded as one) with no notice after entry."""
    notified = ArrangementNotice.objects.filter(stage=NoticeStage.AFTER_ENTRY).values("arrangement__partnership_id")
    recorded = Arrangement.objects.filter(partnership__isnull=False).values("partnership_id")
    return (
        partnerships.filter(signed_on__isnull=False)
        .exclude(status__in=[PartnershipStatus.ENDED, PartnershipStatus.PROPOSED])
        .filter(Q(signed_on__gte=today - dt.timedelta(days=NEW_ARRANGEMENT_DAYS)) | Q(pk__in=recorded))
        .exclude(pk__in=notified)
    )


def notices_due(
    partnerships: QuerySet[Partnership], *, today: dt.date | None = None, limit: int = 25
) -> tuple[int, list[NoticeDue]]:
    """Signed arrangements with no notice to government after entry: (how many, the first `limit`, soonest due).

    `partnerships` is already scoped to what the person may see. A partnership is an arrangement to notify
    when it was signed in the last year or is recorded as an arrangement; the notice is due
    TUHONO_NOTICE_DAYS after signing.
    """
    today = today or timezone.localdate()
    days = settings.TUHONO_NOTICE_DAYS
    waiting = _awaiting_notice(partnerships, today)
    rows = list(waiting.select_related("partner", "council").order_by("signed_on", "pk")[:limit])
    found = []
    for partnership in rows:
        assert partnership.signed_on is not None
        due = partnership.signed_on + dt.timedelta(days=days)
        found.append(NoticeDue(partnership, due, due < today))
    return waiting.count(), found


def notices_overdue(partnerships: QuerySet[Partnership], *, today: dt.date | None = None) -> QuerySet[Partnership]:
    """Arrangements whose notice after entry is past its deadline (for the national view)."""
    today = today or timezone.localdate()
    return _awaiting_notice(partnerships, today).filter(
        signed_on__lt=today - dt.timedelta(days=settings.TUHONO_NOTICE_DAYS)
    )
