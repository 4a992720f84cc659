"""Who may see and change due-diligence records: the council's security officers and approvers only.
Services enforce it; the staff pages, the menu and every confidential read ask here.

One table: each action names the roles that may take it, always on the person's own council's
records. The national coordinator, administrators, partnerships officers and
every other council see nothing of it. `actor=None` is the system itself (sweeps, commands), which
`require` lets through; a decision is always signed by a person, so its service asks `may`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role


class Action(StrEnum):
    # Read the council's due-diligence records and export its screening record.
    READ = "read"
    # Screen, work alerts, assess, record advice and notices to government.
    WORK = "work"
    # Sign off a decision on a submitted assessment.
    DECIDE = "decide"
    # Record whether a partnership's agreement is published (the public transparency register).
    ARRANGEMENT = "arrangement"


PERMISSIONS: dict[Action, tuple[str, ...]] = {
    Action.READ: (Role.SECURITY_OFFICER, Role.APPROVER),
    Action.WORK: (Role.SECURITY_OFFICER,),
    Action.DECIDE: (Role.APPROVER,),
    Action.ARRANGEMENT: (Role.SECURITY_OFFICER, Role.APPROVER),
}

REFUSALS: dict[Action, str] = {
    Action.READ: "Only the council's security officers and approvers may do this.",
    Action.WORK: "Only the council's security officers may do this.",
    Action.DECIDE: "Only an approver of this council may sign off a decision.",
    Action.ARRANGEMENT: "Only the council's security officers and approvers may do this.",
}


def may(user: Any, action: Action, council_id: int | None) -> bool:
    """Whether a person may take the action on that council's records (their own council's only)."""
    return (
        user_has_role(user, *PERMISSIONS[action])
        and council_id is not None
        and getattr(user, "council_id", None) == council_id
    )


def may_open(user: Any) -> bool:
    """Whether the person reads due diligence at all: a security officer or approver of a council."""
    return may(user, Action.READ, getattr(user, "council_id", None))


def require(actor: Any, action: Action, council_id: int | None) -> None:
    """Refuse a person who may not take the action; `actor=None` (the system) passes."""
    if actor is not None and not may(actor, action, council_id):
        raise PermissionDenied(REFUSALS[action])
