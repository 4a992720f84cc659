"""Bringing a party's stored matches in line with what a screening found, honouring namesake clearings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from .. import engine
from ..enums import MatchStatus, ScreeningStatus
from ..models import ScreenedParty, ScreeningMatch
from .clearings import apply_clearing, clearing_verdict


@dataclass
class SyncCounts:
    new: int = 0
    reopened: int = 0
    lapsed: int = 0
    cleared: int = 0
    # list entity pk -> the party's match on it after this screening (what the screening record states)
    matches: dict[int, ScreeningMatch] = field(default_factory=dict)

    def add(self, other: SyncCounts) -> None:
        self.new += other.new
        self.reopened += other.reopened
        self.lapsed += other.lapsed
        self.cleared += other.cleared


def vetting_audit(
    actor: Any, action: AuditAction, target: models.Model, council_id: int | None, **payload: Any
) -> None:
    audit_record(actor=actor, action=action, target=target, council_id=council_id, payload=payload)


def audit_match(actor: Any, action: AuditAction, match: ScreeningMatch, **payload: Any) -> None:
    """An alert's event: which party, entity, list and score (ids and figures, never names or reasons)."""
    vetting_audit(
        actor,
        action,
        match,
        match.party.council_id,
        party=match.party_id,
        entity=match.entity_id,
        source=match.source_name,
        score=match.score,
        **payload,
    )


def party_status(party: ScreenedParty) -> str:
    statuses = set(party.matches.values_list("status", flat=True))
    if MatchStatus.CONFIRMED in statuses:
        return ScreeningStatus.CONFIRMED
    if MatchStatus.OPEN in statuses:
        return ScreeningStatus.ALERT
    return ScreeningStatus.CLEAR


def _lapse(actor: Any, match: ScreeningMatch, why: str, now: Any) -> bool:
    """Close an open alert (or a near miss) that no longer stands. Returns whether an alert lapsed."""
    was_open = match.status == MatchStatus.OPEN
    if match.status not in (MatchStatus.OPEN, MatchStatus.BELOW_THRESHOLD):
        return False
    match.status = MatchStatus.LAPSED
    match.last_scored_at = now
    match.save(update_fields=["status", "last_scored_at"])
    if was_open:
        vetting_audit(
            actor,
            AuditAction.VETTING_ALERT_LAPSED,
            match,
            match.party.council_id,
            party=match.party_id,
            entity=match.entity_id,
            why=why,
        )
    return was_open


def _raise_or_clear(
    *, party: ScreenedParty, match: ScreeningMatch, previous: str | None, result: engine.Match, now: dt.datetime
) -> tuple[bool, str]:
    """For an alert-level result on a match that is not open or decided as a true match: set it open,
    or dismissed on an earlier clearing that still holds. Returns (held by a clearing, why re-raised)."""
    verdict = clearing_verdict(
        party=party, list_entity_pk=result.list_entity_pk, content_hash=result.content_hash, now=now
    )
    if previous == MatchStatus.DISMISSED and verdict.clearing is None:
        # A dismissal made before clearings were remembered: it holds until the entity changes.
        if result.content_hash == match.dismissed_content_hash:
            return True, ""
        match.status, match.review_note = MatchStatus.OPEN, "Dismissed before, but the list entry has changed since."
        return False, "entity_changed"
    if verdict.holds and verdict.clearing is not None:
        apply_clearing(match, verdict.clearing)
        return True, ""
    match.status, match.review_note = MatchStatus.OPEN, verdict.why
    return False, verdict.cause


def sync_matches(
    *, actor: Any, party: ScreenedParty, found: list[engine.Match], scope: set[int] | None, removed: set[int]
) -> SyncCounts:
    """Bring the party's stored matches in line with a screening's results.

    `scope` None: a full screening, so a stored match not found again lapses.
    Otherwise only matches on entities in `scope` (what a list version changed)
    and `removed` are looked at; the rest stand as they are. An alert on an
    entity this person's details were cleared against stays dismissed while the
    clearing holds; an expired clearing, or a change to the entity, raises it
    again with the reason in `review_note`.
    """
    now = timezone.now()
    counts = SyncCounts()
    existing = {m.list_entity_id: m for m in party.matches.select_related("party")}
    for result in found:
        values = {
            "list_version_id": result.list_version_id,
            "source_name": result.source[:120],
            "entity_id": result.entity_id[:255],
            "caption": result.caption[:500],
            "matched_name": (result.matched_name or "")[:500],
            "topics": list(result.topics),
            "score": max(0.0, min(1.0, float(result.score))),
            "explanation": result.explanation,
            "content_hash": result.content_hash,
            "last_scored_at": now,
        }
        match = existing.get(result.list_entity_pk)
        previous: str | None = None
        if match is None:
            match = ScreeningMatch(
                party=party, list_entity_id=result.list_entity_pk, first_matched_at=now, status="", **values
            )
        else:
            previous = match.status
            for name, value in values.items():
                setattr(match, name, value)
        cause = ""
        if result.alert and previous not in (MatchStatus.OPEN, MatchStatus.CONFIRMED):
            held, cause = _raise_or_clear(party=party, match=match, previous=previous, result=result, now=now)
            if held and previous != MatchStatus.DISMISSED:
                counts.cleared += 1
            elif not held:
                counts.reopened += previous == MatchStatus.DISMISSED or bool(cause)
                counts.new += previous != MatchStatus.DISMISSED and not cause
        elif not result.alert and previous in (None, MatchStatus.LAPSED, MatchStatus.BELOW_THRESHOLD):
            match.status = MatchStatus.BELOW_THRESHOLD
        elif not result.alert and previous == MatchStatus.OPEN:
            match.status = MatchStatus.LAPSED
            counts.lapsed += 1
        match.full_clean()
        match.save()
        counts.matches[result.list_entity_pk] = match
        if match.status == previous:
            continue
        reopened = previous == MatchStatus.DISMISSED or cause
        actions: dict[str, AuditAction] = {
            MatchStatus.OPEN: AuditAction.VETTING_ALERT_REOPENED if reopened else AuditAction.VETTING_ALERT_RAISED,
            MatchStatus.LAPSED: AuditAction.VETTING_ALERT_LAPSED,
            MatchStatus.DISMISSED: AuditAction.VETTING_ALERT_HELD_BY_CLEARING,
        }
        action = actions.get(match.status)
        if action:
            audit_match(
                actor,
                action,
                match,
                list_version=match.list_version_id,
                previous=previous or "",
                clearing=match.clearing_id,
                cause=cause,
            )
    for entity_pk, match in existing.items():
        if entity_pk in counts.matches:
            continue
        if entity_pk in removed:
            counts.lapsed += _lapse(actor, match, "removed from the list", now)
        elif scope is None or entity_pk in scope:
            counts.lapsed += _lapse(actor, match, "no longer matches", now)
    return counts
