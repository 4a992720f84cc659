"""Working alerts: a security officer confirms a true match or dismisses a false one, and withdraws a
namesake clearing found to be wrong."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import text_digest

from ..enums import MatchStatus
from ..models import NamesakeClearing, ScreeningMatch
from ..permissions import Action, require
from .clearings import clearing_record, withdrawn_why
from .sync import audit_match, party_status, vetting_audit


def _match_decide(*, actor: Any, match: ScreeningMatch, reason: str, status: str, why_needed: str) -> ScreeningMatch:
    """Close an open alert as confirmed or dismissed, with the reason, and update the party."""
    match = ScreeningMatch.objects.select_for_update().select_related("party").get(pk=match.pk)
    require(actor, Action.WORK, match.party.council_id)
    if match.status != MatchStatus.OPEN:
        raise ValidationError(f"This match is {match.get_status_display().lower()}, not an open alert.")
    if not (reason or "").strip():
        raise ValidationError({"reason": why_needed})
    match.status = status
    match.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    match.decided_at = timezone.now()
    match.decision_reason = reason.strip()
    match.review_note = ""
    if status == MatchStatus.DISMISSED:
        match.dismissed_content_hash = match.content_hash
        match.clearing = clearing_record(actor=actor, match=match, now=match.decided_at)
    match.full_clean()
    match.save()
    party = match.party
    party.status = party_status(party)
    party.save(update_fields=["status"])
    audit_match(
        actor,
        AuditAction.VETTING_ALERT_CONFIRMED if status == MatchStatus.CONFIRMED else AuditAction.VETTING_ALERT_DISMISSED,
        match,
        reason_digest=text_digest(match.decision_reason),
        content_hash=match.dismissed_content_hash,
        clearing=match.clearing_id,
        clearing_expires=match.clearing.expires_at if match.clearing else None,
    )
    return match


@transaction.atomic
def match_confirm(*, actor: Any, match: ScreeningMatch, reason: str) -> ScreeningMatch:
    """A security officer confirms an alert as a true match. The party is then marked confirmed."""
    return _match_decide(
        actor=actor,
        match=match,
        reason=reason,
        status=MatchStatus.CONFIRMED,
        why_needed="Say why this is the same person or organisation.",
    )


@transaction.atomic
def match_dismiss(*, actor: Any, match: ScreeningMatch, reason: str) -> ScreeningMatch:
    """A security officer dismisses an alert as a different person (a namesake), with a reason.

    The dismissal is remembered as a namesake clearing of the party's screened
    details against the entity, for TUHONO_NAMESAKE_CLEARING_MONTHS: the same
    details are not raised against that entity again, on this case or any other
    of the council's, until the clearing expires or the entity's content changes
    (then the alert is raised again for review, saying why).
    """
    return _match_decide(
        actor=actor,
        match=match,
        reason=reason,
        status=MatchStatus.DISMISSED,
        why_needed="Give the reason this is not the same person or organisation.",
    )


@transaction.atomic
def clearing_withdraw(*, actor: Any, clearing: NamesakeClearing, reason: str) -> NamesakeClearing:
    """Withdraw a namesake clearing found to be wrong (a security officer of its council, with a reason).

    Every alert it holds down, on any of the council's cases, is opened again for review with a note
    saying why; the next screening of those details against the entity raises the alert instead of
    dismissing it. The clearing stays in the record, marked withdrawn.
    """
    clearing = NamesakeClearing.objects.select_for_update().get(pk=clearing.pk)
    require(actor, Action.WORK, clearing.council_id)
    if clearing.withdrawn_at is not None:
        raise ValidationError(f"This clearing was already withdrawn on {clearing.withdrawn_at:%d %b %Y}.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Give the reason the clearing is withdrawn."})
    now = timezone.now()
    clearing.withdrawn_at = now
    clearing.withdrawn_by = actor if getattr(actor, "is_authenticated", False) else None
    clearing.withdrawal_reason = reason.strip()
    clearing.full_clean()
    clearing.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    why = withdrawn_why(clearing)
    held = list(
        ScreeningMatch.objects.select_for_update()
        .filter(clearing=clearing, status=MatchStatus.DISMISSED)
        .select_related("party")
    )
    for match in held:
        match.status, match.review_note = MatchStatus.OPEN, why
        match.save(update_fields=["status", "review_note"])
        match.party.status = party_status(match.party)
        match.party.save(update_fields=["status"])
    vetting_audit(
        actor,
        AuditAction.VETTING_CLEARING_WITHDRAWN,
        clearing,
        clearing.council_id,
        entity=clearing.entity_id,
        reason_digest=text_digest(clearing.withdrawal_reason),
        reopened=[match.pk for match in held],
    )
    return clearing
