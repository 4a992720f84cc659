"""Who may do what to the register. Services enforce it; views and the admin read it to show or hide actions.

One table: each action names the roles that may take it. A role acts only on its own council's records
(the national coordinator reads every council's register and changes none). `actor=None` is the system
itself (the importer, the demo loader, management commands) and may do everything.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role, user_may_edit_council, user_reads_all_councils


class Action(StrEnum):
    READ = "read"
    EDIT = "edit"
    CHANGE_STATUS = "change_status"
    PUBLISH = "publish"
    MILESTONES = "milestones"
    ALLIANCES = "alliances"
    PARTNER_SEEKING = "partner_seeking"


EVERY_ROLE = tuple(Role.values)

PERMISSIONS: dict[Action, tuple[str, ...]] = {
    Action.READ: EVERY_ROLE,
    Action.EDIT: (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR),
    # Approvers move a partnership when they sign off a due-diligence decision to suspend or end it.
    Action.CHANGE_STATUS: (Role.PARTNERSHIPS_OFFICER, Role.APPROVER, Role.ADMINISTRATOR),
    Action.PUBLISH: (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR),
    Action.MILESTONES: (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR),
    Action.ALLIANCES: (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR),
    Action.PARTNER_SEEKING: (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR),
}

REFUSALS: dict[Action, str] = {
    Action.READ: "You cannot read this council's register.",
    Action.EDIT: "You cannot change this council's partnerships.",
    Action.CHANGE_STATUS: "You cannot change the status of this council's partnerships.",
    Action.PUBLISH: "You cannot publish or withdraw this council's partnerships.",
    Action.MILESTONES: "You cannot change this council's milestones.",
    Action.ALLIANCES: "You cannot change an alliance or network your council is not a member of.",
    Action.PARTNER_SEEKING: "You cannot change this entry in the partner-seeking list.",
}


def is_system(actor: Any) -> bool:
    return actor is None


def may(actor: Any, action: Action, council_id: int | None) -> bool:
    """Whether the actor may take the action on a record of that council.

    `council_id=None` is a record no single council holds (an entry from abroad in the
    partner-seeking list): any holder of the role may act on it.
    """
    if is_system(actor):
        return True
    if not getattr(actor, "is_authenticated", False) or not user_has_role(actor, *PERMISSIONS[action]):
        return False
    if action == Action.READ:
        return council_id is None or user_reads_all_councils(actor) or actor.council_id == council_id
    if council_id is None:
        return True
    return user_may_edit_council(actor, council_id)


def may_any(actor: Any, action: Action, council_ids: list[int]) -> bool:
    """For records several councils share (an alliance): the actor's council must be one of them."""
    if is_system(actor) or getattr(actor, "is_superuser", False):
        return may(actor, action, None)
    return any(may(actor, action, council_id) for council_id in council_ids)


def require(actor: Any, action: Action, council_id: int | None) -> None:
    if not may(actor, action, council_id):
        raise PermissionDenied(REFUSALS[action])
