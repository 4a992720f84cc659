from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models

from .enums import GENESIS_HASH
from .models import AuditChainHead, AuditEvent
from .services import hash_of_event


@dataclass(frozen=True)
class ChainProblem:
    sequence: int | None
    event_id: int | None
    problem: str


def audit_chain_problems() -> Iterator[ChainProblem]:
    """Walk the whole trail in order and report every break in the chain.

    An edited row no longer matches its hash; a deleted row leaves a gap in the
    sequence and a previous_hash that points nowhere; reordered rows chain to
    the wrong predecessor. The head row must match the last event.
    """
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    last_hash = GENESIS_HASH
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        if event.sequence != expected_sequence:
            yield ChainProblem(
                event.sequence,
                event.pk,
                f"sequence jumps from {expected_sequence - 1} to {event.sequence}: events are missing",
            )
        if event.previous_hash != expected_previous:
            yield ChainProblem(event.sequence, event.pk, "does not chain to the event before it")
        if hash_of_event(event) != event.hash:
            yield ChainProblem(event.sequence, event.pk, "its content no longer matches its hash: it was edited")
        expected_previous = event.hash
        expected_sequence = event.sequence + 1
        last_hash = event.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.hash != last_hash or head.sequence != expected_sequence - 1):
        yield ChainProblem(None, None, "the newest events were removed: the chain head is ahead of the trail")


def audit_events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk)).select_related(
        "actor"
    )


def audit_event_sequences(*, action: str, target_type: str, target_ids: list[int]) -> dict[int, int]:
    """target id -> the sequence number of the event `action` recorded about it."""
    rows = AuditEvent.objects.filter(
        action=action, target_type=target_type, target_id__in=[str(pk) for pk in target_ids]
    ).values_list("target_id", "sequence")
    return {int(target_id): sequence for target_id, sequence in rows}


# Events whose content is confidential to the council's security officers and approvers.
CONFIDENTIAL_ACTION_PREFIXES = ("vetting.",)
CONTENT_READERS = ("security_officer", "approver")
WITHHELD = "Withheld: due diligence, readable by the council's security officers and approvers"


def audit_events_visible_to(user: Any) -> models.QuerySet[AuditEvent]:
    """The events a person may list: their own council's; every council's for a superuser or a
    national administrator (one with no council)."""
    from tuhono.accounts.enums import Role
    from tuhono.accounts.selectors import user_has_role

    events = AuditEvent.objects.all()
    if not getattr(user, "is_authenticated", False):
        return events.none()
    if user.is_superuser or (user.council_id is None and user_has_role(user, Role.ADMINISTRATOR)):
        return events
    if user.council_id is None:
        return events.none()
    return events.filter(council_id=user.council_id)


def audit_content_visible(user: Any, event: AuditEvent) -> bool:
    """May this person read what the event says (its payload and target)?

    Due-diligence events: only the security officers and approvers of the event's council.
    Others see that the event happened, by whom and when, not what it says.
    """
    from tuhono.accounts.selectors import user_has_role

    if not event.action.startswith(CONFIDENTIAL_ACTION_PREFIXES):
        return True
    return (
        getattr(user, "is_authenticated", False)
        and event.council_id is not None
        and getattr(user, "council_id", None) == event.council_id
        and user_has_role(user, *CONTENT_READERS)
    )
