"""Namesake clearings: an alert dismissed as a different person is remembered for that person's details
against that listed entity, across cases and re-screens, until it expires or the entity changes."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from ..enums import MatchStatus
from ..models import NamesakeClearing, ScreenedParty, ScreeningMatch

DEFAULT_CLEARING_MONTHS = 12


def clearing_months() -> int:
    """How long a namesake clearing holds (setting TUHONO_NAMESAKE_CLEARING_MONTHS, default 12)."""
    return int(getattr(settings, "TUHONO_NAMESAKE_CLEARING_MONTHS", DEFAULT_CLEARING_MONTHS))


def months_after(moment: dt.datetime, months: int) -> dt.datetime:
    """The same day and time `months` calendar months later (the month's last day when it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@dataclass(frozen=True)
class ClearingVerdict:
    """Whether an earlier clearing keeps an alert down, and if not, why it is raised again."""

    clearing: NamesakeClearing | None
    holds: bool
    cause: str = ""  # "expired", "entity_changed" or "withdrawn" when a clearing no longer holds
    why: str = ""


def _who(clearing: NamesakeClearing) -> str:
    user = clearing.cleared_by
    return (user.get_full_name() or user.get_username()) if user else "the system"


def _made(clearing: NamesakeClearing) -> str:
    return f"Cleared as a different person on {clearing.cleared_at:%d %b %Y} by {_who(clearing)}"


def withdrawn_why(clearing: NamesakeClearing) -> str:
    """The note on an alert opened again because the clearing that held it was withdrawn."""
    return f"{_made(clearing)}; that clearing was withdrawn on {clearing.withdrawn_at:%d %b %Y}: review again."[:300]


def clearing_verdict(
    *, party: ScreenedParty, list_entity_pk: int, content_hash: str, now: dt.datetime
) -> ClearingVerdict:
    """The latest clearing of these screened details against this entity, and whether it still holds."""
    clearing = (
        NamesakeClearing.objects.filter(
            council_id=party.council_id, subject_hash=party.subject_hash, list_entity_id=list_entity_pk
        )
        .select_related("cleared_by")
        .order_by("-cleared_at", "-pk")
        .first()
    )
    if clearing is None:
        return ClearingVerdict(None, holds=False)
    made = _made(clearing)
    if clearing.withdrawn_at is not None:
        return ClearingVerdict(clearing, holds=False, cause="withdrawn", why=withdrawn_why(clearing))
    if clearing.expires_at <= now:
        why = f"{made}; that clearing expired on {clearing.expires_at:%d %b %Y}: review again."
        return ClearingVerdict(clearing, holds=False, cause="expired", why=why[:300])
    if clearing.content_hash != content_hash:
        why = f"{made}, but the list entry has changed since: review again."
        return ClearingVerdict(clearing, holds=False, cause="entity_changed", why=why[:300])
    return ClearingVerdict(clearing, holds=True)


def apply_clearing(match: ScreeningMatch, clearing: NamesakeClearing) -> None:
    """Dismiss a match on the strength of an earlier clearing (the caller saves it)."""
    match.status = MatchStatus.DISMISSED
    match.clearing = clearing
    match.decision_reason = clearing.reason
    match.decided_by_id = clearing.cleared_by_id
    match.decided_at = clearing.cleared_at
    match.dismissed_content_hash = clearing.content_hash
    match.review_note = ""


def clearing_record(*, actor: Any, match: ScreeningMatch, now: dt.datetime) -> NamesakeClearing:
    """Remember a dismissal as a namesake clearing of the party's details against the entity."""
    party = match.party
    clearing = NamesakeClearing(
        council_id=party.council_id,
        subject_hash=party.subject_hash,
        list_entity_id=match.list_entity_id,
        source_name=match.source_name,
        entity_id=match.entity_id,
        caption=match.caption,
        content_hash=match.content_hash,
        party=party,
        match=match,
        reason=match.decision_reason,
        cleared_by=actor if getattr(actor, "is_authenticated", False) else None,
        cleared_at=now,
        expires_at=months_after(now, clearing_months()),
    )
    clearing.full_clean()
    clearing.save()
    return clearing


def parties_with_expired_clearings(*, council_id: int | None = None) -> list[ScreenedParty]:
    """Parties whose alert is held down by a clearing that has expired: the next screening raises it."""
    matches = ScreeningMatch.objects.filter(status=MatchStatus.DISMISSED, clearing__expires_at__lte=timezone.now())
    if council_id is not None:
        matches = matches.filter(party__council_id=council_id)
    return list(ScreenedParty.objects.filter(pk__in=matches.values("party_id")).order_by("pk"))
