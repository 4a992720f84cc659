"""The visit workflow: received → triaged → vetting → approved | declined → scheduled → completed → reported.

Each move is one service. A service refuses a move the workflow does not allow
with `TransitionRefused` (a ValidationError whose message says why), records the
move in the visit's history and the audit trail, and after commit emails the
people who act next, by role, in the visit's council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role
from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from .. import emails
from ..enums import VisitState
from ..hooks import ApprovalCheck, approval_holds
from ..models import Visit, VisitTransition
from ..permissions import PERMISSIONS, Action, require

# The moves the workflow allows: action -> (states it may start from, state it ends in). Who may make
# each move is the action's row in `permissions.PERMISSIONS`.
TRANSITIONS: dict[Action, tuple[frozenset[str], str]] = {
    Action.TRIAGE: (frozenset({VisitState.RECEIVED}), VisitState.TRIAGED),
    Action.SEND_TO_VETTING: (frozenset({VisitState.TRIAGED}), VisitState.VETTING),
    Action.APPROVE: (frozenset({VisitState.VETTING}), VisitState.APPROVED),
    Action.DECLINE: (frozenset({VisitState.RECEIVED, VisitState.TRIAGED, VisitState.VETTING}), VisitState.DECLINED),
    Action.SCHEDULE: (frozenset({VisitState.APPROVED}), VisitState.SCHEDULED),
    Action.COMPLETE: (frozenset({VisitState.SCHEDULED}), VisitState.COMPLETED),
    Action.REPORT: (frozenset({VisitState.COMPLETED}), VisitState.REPORTED),
}
ACTION_LABELS = {
    Action.TRIAGE: "triage",
    Action.SEND_TO_VETTING: "send to vetting",
    Action.APPROVE: "approve",
    Action.DECLINE: "decline",
    Action.SCHEDULE: "schedule",
    Action.COMPLETE: "mark as completed",
    Action.REPORT: "report on",
}
# The trail names each move by the state it reaches.
MOVE_EVENTS = {
    Action.TRIAGE: AuditAction.VISIT_TRIAGED,
    Action.SEND_TO_VETTING: AuditAction.VISIT_VETTING,
    Action.APPROVE: AuditAction.VISIT_APPROVED,
    Action.DECLINE: AuditAction.VISIT_DECLINED,
    Action.SCHEDULE: AuditAction.VISIT_SCHEDULED,
    Action.COMPLETE: AuditAction.VISIT_COMPLETED,
    Action.REPORT: AuditAction.VISIT_REPORTED,
}


class TransitionRefused(ValidationError):
    """The workflow does not allow this move now; the message says why."""


def _refuse_held(actor: Any, visit: Visit, holds: list[str], what: str) -> TransitionRefused:
    """Why due diligence holds the visit, for those who may read it; everyone else is told only that it does.

    Only the visit's own council's readers are told (a superuser is not, unless of that council).
    """
    if actor is None or (
        user_has_role(actor, *PERMISSIONS[Action.READ_HOLDS]) and getattr(actor, "council_id", None) == visit.council_id
    ):
        return TransitionRefused(f"The visit cannot be {what} yet: " + "; ".join(holds))
    return TransitionRefused(
        f"The visit cannot be {what} yet: due diligence holds it. The council's security officers and "
        "approvers can see why."
    )


def allowed_actions(visit: Visit) -> list[Action]:
    """The workflow actions the visit's state allows (whoever the person is)."""
    return [action for action, (sources, _) in TRANSITIONS.items() if visit.state in sources]


def _move(
    *,
    actor: Any,
    visit: Visit,
    action: Action,
    note: str = "",
    notify: Iterable[str] = (),
    event: str,
    payload: dict[str, Any] | None = None,
) -> Visit:
    require(actor, action, visit.council_id)
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    sources, target = TRANSITIONS[action]
    if locked.state not in sources:
        raise TransitionRefused(
            f"A visit that is {locked.get_state_display().lower()} cannot be sent to "
            f"'{VisitState(target).label.lower()}'; you can {ACTION_LABELS[action]} a visit only when it is "
            f"{' or '.join(sorted(VisitState(s).label.lower() for s in sources))}."
        )
    from_state = locked.state
    for field in ("state", "starts_on", "ends_on", "decision_reason", "report"):
        setattr(locked, field, getattr(visit, field))
    locked.state = target
    locked.full_clean()
    locked.save()
    VisitTransition.objects.create(visit=locked, from_state=from_state, to_state=target, actor=actor, note=note)
    audit_record(
        actor=actor,
        action=MOVE_EVENTS[action],
        target=locked,
        payload={"reference": locked.reference, "from": from_state, "to": target, "note": note, **(payload or {})},
        council_id=locked.council_id,
    )
    roles_next = list(notify)
    if roles_next:
        transaction.on_commit(
            partial(emails.send_next_step, visit_id=locked.pk, roles=roles_next, event=event, note=note)
        )
    visit.refresh_from_db()
    return visit


@transaction.atomic
def visit_triage(*, actor: Any, visit: Visit, kind: str | None = None, note: str = "") -> Visit:
    """Received → triaged: an officer has read the request (and may correct its kind)."""
    if kind and kind != visit.kind:
        visit.kind = kind
        require(actor, Action.TRIAGE, visit.council_id)
        Visit.objects.filter(pk=visit.pk).update(kind=kind)
    return _move(
        actor=actor,
        visit=visit,
        action=Action.TRIAGE,
        note=note,
        notify=[Role.PARTNERSHIPS_OFFICER],
        event="The visit was triaged and can be sent to vetting",
    )


@transaction.atomic
def visit_send_to_vetting(*, actor: Any, visit: Visit, note: str = "") -> Visit:
    """Triaged → vetting. Calls nothing in due diligence: the security officers screen the parties
    (listed by `selectors.visit_parties_for_screening`) and record their decision there."""
    if not visit.parties.exists():
        raise TransitionRefused("Add the delegation's members before sending the visit to vetting.")
    return _move(
        actor=actor,
        visit=visit,
        action=Action.SEND_TO_VETTING,
        note=note,
        notify=[Role.SECURITY_OFFICER, Role.APPROVER],
        event="The visit is ready for vetting: screen its members and record a decision",
    )


@transaction.atomic
def visit_approve(*, actor: Any, visit: Visit, note: str = "", vetting_check: ApprovalCheck | None = None) -> Visit:
    """Vetting → approved, by an approver of the visit's council, only while no vetting hold exists.

    Holds come from the checks registered in `tuhono.visits.hooks` and from `vetting_check`.
    """
    require(actor, Action.APPROVE, visit.council_id)
    if visit.state == VisitState.VETTING:
        holds = approval_holds(visit, vetting_check)
        if holds:
            raise _refuse_held(actor, visit, holds, "approved")
    return _move(
        actor=actor,
        visit=visit,
        action=Action.APPROVE,
        note=note,
        notify=[Role.PARTNERSHIPS_OFFICER],
        event="The visit was approved and can be scheduled",
    )


@transaction.atomic
def visit_decline(*, actor: Any, visit: Visit, reason: str) -> Visit:
    """Received, triaged or in vetting → declined, by an approver, with a reason."""
    if not reason.strip():
        raise TransitionRefused("Give the reason for declining the visit.")
    visit.decision_reason = reason.strip()
    return _move(
        actor=actor,
        visit=visit,
        action=Action.DECLINE,
        note=reason.strip(),
        notify=[Role.PARTNERSHIPS_OFFICER],
        event="The visit was declined",
    )


@transaction.atomic
def visit_schedule(
    *,
    actor: Any,
    visit: Visit,
    starts_on: dt.date,
    ends_on: dt.date,
    note: str = "",
    vetting_check: ApprovalCheck | None = None,
) -> Visit:
    """Approved → scheduled with confirmed dates, unless a vetting hold arose since approval."""
    if ends_on < starts_on:
        raise TransitionRefused("The visit cannot end before it starts.")
    if visit.state == VisitState.APPROVED:
        holds = approval_holds(visit, vetting_check)
        if holds:
            raise _refuse_held(actor, visit, holds, "scheduled")
    visit.starts_on, visit.ends_on = starts_on, ends_on
    notify = [Role.PARTNERSHIPS_OFFICER] + ([Role.SECURITY_OFFICER] if visit.is_outgoing else [])
    return _move(
        actor=actor,
        visit=visit,
        action=Action.SCHEDULE,
        note=note,
        notify=notify,
        event=f"The visit is scheduled for {starts_on:%-d %B %Y} to {ends_on:%-d %B %Y}"
        + (": brief the mission before it departs" if visit.is_outgoing else ""),
        payload={"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
    )


@transaction.atomic
def visit_complete(*, actor: Any, visit: Visit, note: str = "", today: dt.date | None = None) -> Visit:
    """Scheduled → completed once the visit has begun; an outgoing mission must have been briefed."""
    today = today or timezone.localdate()
    if visit.state == VisitState.SCHEDULED:
        if visit.starts_on and visit.starts_on > today:
            raise TransitionRefused(f"The visit has not started yet: it begins on {visit.starts_on:%-d %B %Y}.")
        if visit.is_outgoing and not hasattr(visit, "briefing"):
            raise TransitionRefused("Record the pre-travel briefing before marking the mission as completed.")
    return _move(
        actor=actor,
        visit=visit,
        action=Action.COMPLETE,
        note=note,
        notify=[Role.PARTNERSHIPS_OFFICER] + ([Role.SECURITY_OFFICER] if visit.is_outgoing else []),
        event="The visit is over; write its report" + (" and the contact report" if visit.is_outgoing else ""),
    )


@transaction.atomic
def visit_report(*, actor: Any, visit: Visit, report: str) -> Visit:
    """Completed → reported with what came of it; an outgoing mission needs its contact report first."""
    if not report.strip():
        raise TransitionRefused("Write what came of the visit.")
    if visit.state == VisitState.COMPLETED and visit.is_outgoing and not hasattr(visit, "contact_report"):
        raise TransitionRefused("File the contact report (whom the mission met) before reporting the mission.")
    visit.report = report.strip()
    return _move(
        actor=actor,
        visit=visit,
        action=Action.REPORT,
        notify=[Role.APPROVER],
        event="The visit's report is filed",
    )
