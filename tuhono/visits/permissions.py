"""Who may do what to a council's visits, missions, desk and contacts log. Services enforce it; the staff
pages read it to show or hide an action.

One table: each action names the roles that may take it. A role acts only on its own council's records
(the national coordinator reads them and changes none); a superuser acts on any council's. `actor=None`
is the system itself (the public forms, the demo loader, management commands) and may do everything.

The workflow's actions carry the names of its moves (`services.workflow.TRANSITIONS`), so a move's name
is also the permission to make it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role, user_may_edit_council


class Action(StrEnum):
    # A visit's own record and what hangs off it: members, itinerary, costs, gifts and hospitality.
    RECORD = "record"
    # An outgoing mission's pre-travel briefing and contact report.
    BRIEF = "brief"
    # The workflow's moves.
    TRIAGE = "triage"
    SEND_TO_VETTING = "send_to_vetting"
    APPROVE = "approve"
    DECLINE = "decline"
    SCHEDULE = "schedule"
    COMPLETE = "complete"
    REPORT = "report"
    # The desk: a message's or visit request's owner, status and replies.
    DESK = "desk"
    CONTACT_LOG = "contact_log"
    # Read why due diligence holds a visit (everyone else is told only that it does).
    READ_HOLDS = "read_holds"


OFFICERS = (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR)

PERMISSIONS: dict[Action, tuple[str, ...]] = {
    Action.RECORD: OFFICERS,
    # Security officers brief a mission before it departs and take its contact report when it returns.
    Action.BRIEF: (Role.PARTNERSHIPS_OFFICER, Role.SECURITY_OFFICER, Role.ADMINISTRATOR),
    Action.TRIAGE: OFFICERS,
    Action.SEND_TO_VETTING: OFFICERS,
    Action.APPROVE: (Role.APPROVER,),
    Action.DECLINE: (Role.APPROVER,),
    Action.SCHEDULE: OFFICERS,
    Action.COMPLETE: OFFICERS,
    Action.REPORT: OFFICERS,
    Action.DESK: OFFICERS,
    Action.CONTACT_LOG: OFFICERS,
    Action.READ_HOLDS: (Role.SECURITY_OFFICER, Role.APPROVER),
}

REFUSALS: dict[Action, str] = {
    Action.RECORD: "You cannot change this council's visits.",
    Action.BRIEF: "You cannot record this council's mission briefings or contact reports.",
    Action.TRIAGE: "You cannot triage this council's visits.",
    Action.SEND_TO_VETTING: "You cannot send this council's visits to vetting.",
    Action.APPROVE: "Only an approver of this council may approve a visit.",
    Action.DECLINE: "Only an approver of this council may decline a visit.",
    Action.SCHEDULE: "You cannot schedule this council's visits.",
    Action.COMPLETE: "You cannot mark this council's visits as completed.",
    Action.REPORT: "You cannot file the report on this council's visits.",
    Action.DESK: "You cannot handle this council's desk.",
    Action.CONTACT_LOG: "You cannot change this council's contacts log.",
    Action.READ_HOLDS: "Only the council's security officers and approvers can see why due diligence holds a visit.",
}


def may(actor: Any, action: Action, council_id: int | None) -> bool:
    """Whether the actor may take the action on a record of that council."""
    if actor is None:
        return True
    return user_may_edit_council(actor, council_id) and user_has_role(actor, *PERMISSIONS[action])


def require(actor: Any, action: Action, council_id: int | None) -> None:
    if not may(actor, action, council_id):
        raise PermissionDenied(REFUSALS[action])
